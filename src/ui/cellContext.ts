/**
 * The rows around a finding's cell, for the read-only grid the finding's detail shows (the standalone page has no
 * sheet to look at; in Excel it shows the same rows without leaving the pane): the finding's row with the two rows
 * above and below, its parent row and its children, each with the table's kode and name and the finding's column.
 */
import type { Finding } from "../domain/findings";
import type { MappedTable, MappedWorkbook } from "../domain/mapping/types";
import { cellAt, cellText, columnIndex, columnLetter, type Cell } from "../domain/sheet/snapshot";
import { formatRupiah } from "../domain/numbers";

export type ContextRelation = "finding" | "parent" | "child" | "near";

export interface ContextRow {
  row: number;
  relation: ContextRelation;
  kode: string;
  name: string;
  /** The finding's column as the sheet shows it: numbers the Indonesian way, text as written. */
  value: string;
  /** The cell's formula, when it has one ("=SUM(F10:F13)"). */
  formula?: string;
}

export interface CellContext {
  sheet: string;
  /** The finding's column letter ("F"). */
  column: string;
  rows: ContextRow[];
  /** Children left out of `rows` (a kegiatan with 40 sub kegiatan shows the first ones). */
  moreChildren: number;
}

const NEAR = 2;
const MAX_CHILDREN = 8;

function shown(cell: Cell | undefined): string {
  if (cell?.error) return cell.error;
  if (typeof cell?.value === "number") return formatRupiah(cell.value);
  return cellText(cell);
}

/** The table holding the finding's row on its sheet, if any. */
function tableOf(workbook: MappedWorkbook, f: Finding): MappedTable | undefined {
  return workbook.tables.find((t) => t.sheet === f.sheet && f.row >= t.dataRows[0] && f.row <= t.dataRows[1]);
}

export function cellContext(workbook: MappedWorkbook | undefined, f: Finding): CellContext | undefined {
  if (!workbook) return undefined;
  const table = tableOf(workbook, f);
  const sheet = table && workbook.sheets.find((s) => s.id === table.sheetId);
  const col = /^([A-Z]+)\d+$/.exec(f.cell)?.[1];
  if (!table || !sheet || !col) return undefined;
  const colIndex = columnIndex(col);
  const byRow = new Map(table.rows.map((r) => [r.row, r]));
  const self = byRow.get(f.row);
  const children = table.rows.filter((r) => r.parentRow === f.row);
  const relation = new Map<number, ContextRelation>();
  for (let r = Math.max(table.dataRows[0], f.row - NEAR); r <= Math.min(table.dataRows[1], f.row + NEAR); r++) relation.set(r, "near");
  if (self?.parentRow !== undefined) relation.set(self.parentRow, "parent");
  for (const c of children.slice(0, MAX_CHILDREN)) relation.set(c.row, "child");
  relation.set(f.row, "finding");
  const nameCol = table.columns.uraian ?? table.columns.rkpdUraian;
  const rows = [...relation.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([row, rel]): ContextRow => {
      const mapped = byRow.get(row);
      const cell = cellAt(sheet, row, colIndex);
      const out: ContextRow = {
        row,
        relation: rel,
        kode: mapped?.kode ?? "",
        name: mapped?.uraian ?? (nameCol !== undefined ? cellText(cellAt(sheet, row, nameCol)) : ""),
        value: shown(cell),
      };
      if (cell?.formula) out.formula = `=${cell.formula}`;
      return out;
    });
  return { sheet: f.sheet, column: columnLetter(colIndex), rows, moreChildren: Math.max(0, children.length - MAX_CHILDREN) };
}
