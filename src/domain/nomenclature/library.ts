/**
 * The lists a user has (imported, bundled with the add-in, loaded in the pane) and which one a plan uses: the
 * newest list whose year is not after the plan year N, unless the user named one. The built-in list is the
 * fallback that always exists.
 */
import { BUILTIN_CATALOGUE, type Catalogue } from "./catalogue";

export interface CatalogueChoice {
  /** The list for a plan of this year (null: the year is unknown). */
  forYear(year: number | null): Catalogue;
}

/** One list for every plan (`--catalogue`, or the pane's loaded list). */
export function fixedCatalogue(catalogue: Catalogue): CatalogueChoice {
  return { forYear: () => catalogue };
}

/**
 * The newest list not after N, by year and then by regulation; with the year unknown, the newest list. Lists
 * without a year count as oldest. The built-in list when no list fits.
 */
export function catalogueByYear(catalogues: readonly Catalogue[]): CatalogueChoice {
  const newestFirst = [...catalogues].sort((a, b) => (b.year ?? -Infinity) - (a.year ?? -Infinity) || b.regulation.localeCompare(a.regulation));
  return {
    forYear(year) {
      if (newestFirst.length === 0) return BUILTIN_CATALOGUE;
      if (year === null) return newestFirst[0];
      return newestFirst.find((c) => c.year === undefined || c.year <= year) ?? BUILTIN_CATALOGUE;
    },
  };
}

export const BUILTIN_CHOICE: CatalogueChoice = fixedCatalogue(BUILTIN_CATALOGUE);
