/**
 * Row names compared across tables with the nomenclature matcher's own similarity (typos, missing spaces,
 * extra words), so that a name that matches the catalogue and a name that matches its twin are judged alike.
 */
import { normalizeName } from "../nomenclature";
import type { PreparedName } from "../nomenclature/similarity";
import { prepareName, similarityOf } from "../nomenclature/similarity";

export type { PreparedName };

export function preparedName(uraian: string): PreparedName {
  return prepareName(normalizeName(uraian));
}

export function nameSimilarity(a: PreparedName, b: PreparedName): number {
  return similarityOf(a, b);
}
