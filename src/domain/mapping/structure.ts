/**
 * Parent links (kegiatan -> program, sub kegiatan -> kegiatan), the catalogue entry of each plan row, and a kode
 * inferred from the catalogue when the KODE column is empty and the match is confident.
 */
import type { Catalogue, LevelMatches } from "../nomenclature";
import { attachCatalogueEntries } from "../nomenclature/inference";
import type { MappedRow } from "./types";

export function linkParents(rows: MappedRow[]): void {
  let program: MappedRow | undefined;
  let kegiatan: MappedRow | undefined;
  // indexed: once per table, over every row (an unoptimised for…of allocates an iterator result per row)
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    r.parentRow = undefined;
    if (r.level === "program") {
      program = r;
      kegiatan = undefined;
    } else if (r.level === "kegiatan") {
      r.parentRow = program?.row;
      kegiatan = r;
    } else if (r.level === "subKegiatan") {
      r.parentRow = kegiatan?.row;
    } else if (r.level === "urusan" || r.level === "bidang" || r.level === "total") {
      program = undefined;
      kegiatan = undefined;
    }
  }
}

/**
 * Each plan row's catalogue entry, and kodes inferred from the catalogue in use (nomenclature/inference.ts);
 * nothing without a catalogue.
 */
export function attachCatalogue(rows: MappedRow[], catalogue: Catalogue | undefined, matchesOf: () => Map<number, LevelMatches>): void {
  if (catalogue) attachCatalogueEntries(rows, catalogue, matchesOf);
}
