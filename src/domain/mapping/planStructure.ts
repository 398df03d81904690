/**
 * Whether a table found by its headers is a Renja table: headers alone are not enough (a village budget's
 * cost-estimate form "No | Uraian | Volume | Satuan | Harga Satuan (Rp) | Jumlah (Rp)" reads as one). A Renja
 * table shows Program/Kegiatan structure: a kode of the Renja form (U.BB.PP…), a PROGRAM row, a name from the
 * nomenclature catalogue, or a name column headed Program/Kegiatan (Urusan, Nomenklatur). Below that, mapping
 * takes nothing from it, so nothing is checked or written.
 */
import type { ColumnHeader } from "./headerPaths";
import type { RowFacts } from "./rowFacts";
import { isPlanLevel } from "./tree";
import type { ColumnRole, MappedRow } from "./types";

export type RejectReason = "no-name-column" | "no-content-column" | "no-rows" | "no-structure";

/** A header block that was not taken for a Renja table. */
export interface RejectedFrame {
  headerRow: number;
  /** The headers' own texts, left to right (for the explanation). */
  headers: string[];
  reason: RejectReason;
}

/** U.BB.PP and deeper (7.01.01, 1.02.02.2.01.0001, X.XX.01): not a village's "1.1.01" or an account "5.2.1". */
const RENJA_KODE = /^(\d|X)\.(\d{2}|XX)\.\d{2}(\.|$)/;
const NAME_HEADER = /program|kegiatan|nomenklatur|urusan/i;
const CATALOGUE_SURE = 0.85;

export function hasPlanStructure(
  rows: MappedRow[],
  facts: RowFacts[],
  headers: ColumnHeader[],
  columns: Partial<Record<ColumnRole, number>>,
): boolean {
  if (!rows.some((r) => isPlanLevel(r.level))) return false;
  const nameCol = columns.uraian ?? columns.rkpdUraian;
  const nameHeader = headers.find((h) => h.col === nameCol)?.path.join(" ") ?? "";
  if (NAME_HEADER.test(nameHeader)) return true;
  for (const f of facts) if (f.programWord) return true;
  for (const r of rows) {
    if (!isPlanLevel(r.level)) continue;
    if (r.kode !== undefined && RENJA_KODE.test(r.kode)) return true;
    if ((r.catalogue?.similarity ?? 0) >= CATALOGUE_SURE) return true;
  }
  return false;
}
