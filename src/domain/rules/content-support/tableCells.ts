/** Reading the cells of a mapped row by role, as the content rules need them. */
import type { ColumnRole, MappedRow, MappedTable } from "../../mapping/types";
import type { Cell, SheetSnapshot } from "../../sheet/snapshot";
import { columnOf } from "../../mapping/tree";
import { msg } from "../../messages";
import { messagesByLevel } from "../../analysis/describe";
import { compactNormalizedName } from "../../nomenclature";
import { a1, cellAt, cellText } from "../../sheet/snapshot";
import { memoize } from "./memo";
import { mergeCovering } from "./mergeIndex";

/**
 * The text a row shows in a role's column. A cell inside a merge shows the merge's top-left value (a Lokasi or
 * Sumber Dana merged down over many rows is filled for every one of them).
 */
export function roleText(sheet: SheetSnapshot | undefined, table: MappedTable, row: MappedRow, role: ColumnRole): string {
  return cellText(roleCellContent(sheet, table, row, role));
}

/** The cell roleText reads (a merge's top-left cell for a cell inside a merge), undefined when there is none. */
export function roleCellContent(sheet: SheetSnapshot | undefined, table: MappedTable, row: MappedRow, role: ColumnRole): Cell | undefined {
  const col = roleColumn(table, row, role);
  if (sheet === undefined || col === undefined) return undefined;
  const merge = mergeCovering(sheet, row.row, col);
  return merge ? cellAt(sheet, merge.top, merge.left) : cellAt(sheet, row.row, col);
}

/** The row's column for a role (a pasted row that lost a cell stands shifted: columnOf), if it is on the sheet. */
function roleColumn(table: MappedTable, row: MappedRow, role: ColumnRole): number | undefined {
  const col = columnOf(table, row, role);
  return col === undefined || col < 1 ? undefined : col;
}

/** A1 address of a row's cell in a role's column (undefined when the table has no such column). */
export function roleCell(table: MappedTable, row: MappedRow, role: ColumnRole): string | undefined {
  const col = roleColumn(table, row, role);
  return col === undefined ? undefined : a1(row.row, col);
}

/** The cell that names a row: its kode cell when asked and present, else its uraian cell, else column A. */
export function nameCell(table: MappedTable, row: MappedRow, prefer: "kode" | "uraian" = "uraian"): { cell: string; role?: ColumnRole } {
  const order: ColumnRole[] = prefer === "kode" ? ["kode", "uraian"] : ["uraian", "kode"];
  for (const role of order) {
    const cell = roleCell(table, row, role);
    if (cell) return { cell, role };
  }
  return { cell: a1(row.row, 1) };
}

export function rowMap(table: MappedTable): Map<number, MappedRow> {
  return new Map(table.rows.map((r) => [r.row, r]));
}

/** The kode the user wrote (not one inferred from the catalogue), without white space; undefined if none. */
export function writtenKode(row: MappedRow): string | undefined {
  if (row.kodeInferred || row.kode === undefined) return undefined;
  const k = mayHoldSpace(row.kode) ? row.kode.replace(/\s+/g, "") : row.kode;
  return k === "" ? undefined : k;
}

/** False when no character can be white space (all printable ASCII): most kodes, read by several rules per row. */
function mayHoldSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f) return true;
  }
  return false;
}

/** The content rules' level names ("kegiatan" / "activity (kegiatan)"). */
export const LEVEL_NAME = messagesByLevel((level) => msg(`rowLevel.${level}`, {}));

/** The level name where a sentence needs its article: "a program", "an activity (kegiatan)" (Indonesian has none). */
export const LEVEL_NAME_WITH_ARTICLE = messagesByLevel((level) => msg(`rowLevel.a.${level}`, {}));

/** Row name for messages, shortened so a long nomenclature does not swamp the message. */
export function quoteName(uraian: string, max = 80): string {
  const t = uraian.replace(/\s+/g, " ").trim();
  return `"${t.length > max ? `${t.slice(0, max - 1)}…` : t}"`;
}

/**
 * A name as the catalogue matcher normalises it (case, punctuation, abbreviations), without spaces: names that
 * differ only in spacing ("DokumenRKA-SKPD", "Perundang- undangan", mostly Word line-wrap artefacts) are one.
 */
export const compactName: (name: string) => string = memoize(unmemoizedCompactName);

/** compactName without its memo, for one pass over every row's name: those rarely repeat, and a miss costs. */
export function unmemoizedCompactName(name: string): string {
  return compactNormalizedName(name);
}
