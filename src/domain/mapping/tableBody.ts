/**
 * The body of a table: every row from under the headers to the total row (or the last data row), each sorted
 * into data, total, a header repeated at a page break, a column-number row, or other (notes, wrapped lines).
 * Stops at a new table's header, a long gap, or a line of prose.
 */
import type { Cell, SheetSnapshot } from "../sheet/snapshot";
import { cellText, rowAt } from "../sheet/snapshot";
import type { ColumnRole } from "./types";
import type { TableFrame } from "./tableFrame";
import { isColumnNumberRow, isHeaderStart, rowShape } from "./headerWords";
import { isTotalText, lowerText, rowColumns } from "./text";

export type BodyKind = "data" | "total" | "subtotal" | "repeatedHeader" | "columnNumbers";

export interface BodyRow {
  row: number;
  kind: BodyKind;
}

const MAX_GAP = 6;
const PROSE_TEXT = 120;

export function scanBody(
  sheet: SheetSnapshot,
  rows: readonly number[],
  frame: TableFrame,
  columns: Partial<Record<ColumnRole, number>>,
  moneyCols: number[],
): { body: BodyRow[]; nextIndex: number } {
  const headerTexts = new Set(frame.headerCells.map((c) => lowerText(c.text)).filter((t) => t.length > 1 && !/^\d+$/.test(t)));
  const uraianCol = columns.uraian ?? columns.rkpdUraian;
  const leadCols = new Set([columns.kode, columns.no, frame.firstCol].filter((c): c is number => c !== undefined));
  const body: BodyRow[] = [];
  let k = frame.bodyIndex;
  let prev = frame.columnNumberRow ?? frame.headerRows[frame.headerRows.length - 1];
  for (; k < rows.length; k++) {
    const r = rows[k];
    if (r - prev > MAX_GAP) break;
    const rowCells = rowAt(sheet, r);
    let hasMoney = false;
    // indexed: on every body row (a for…of allocates an iterator result per row until optimised)
    for (let m = 0; m < moneyCols.length; m++) if (holdsDigits(rowCells?.get(moneyCols[m]))) hasMoney = true;
    // the common case, a data row with amounts, is settled without looking at every cell
    if (hasMoney && !labelLeft(rowCells, uraianCol ?? frame.firstCol, frame.firstCol)) {
      body.push({ row: r, kind: "data" });
      prev = r;
      continue;
    }
    const cols = rowColumns(sheet, r);
    if (cols.length === 0) continue;
    const texts = cols.map((c) => cellText(rowCells?.get(c)));
    if (isTotalRow(cols, texts, uraianCol, frame)) {
      body.push({ row: r, kind: "total" });
      k++;
      break;
    }
    if (isSubtotalRow(texts)) {
      body.push({ row: r, kind: "subtotal" });
      prev = r;
      continue;
    }
    const headerHits = texts.filter((t) => headerTexts.has(lowerText(t))).length;
    if (headerHits >= 2 && headerHits >= 0.5 * texts.length) {
      body.push({ row: r, kind: "repeatedHeader" });
      prev = r;
      continue;
    }
    if (!hasMoney) {
      const shape = rowShape(sheet, r);
      if (isColumnNumberRow(sheet, r, shape)) {
        body.push({ row: r, kind: "columnNumbers" });
        prev = r;
        continue;
      }
      if (isHeaderStart(shape)) break;
      if (cols.length === 1 && isEndLine(cols[0], texts[0], frame, uraianCol, leadCols)) break;
    }
    body.push({ row: r, kind: "data" });
    prev = r;
  }
  return { body, nextIndex: k };
}

function holdsDigits(cell: Cell | undefined): boolean {
  if (!cell) return false;
  if (typeof cell.value === "number") return true;
  return typeof cell.value === "string" && /\d/.test(cell.value);
}

/**
 * Every total label starts with J, T, G or S (JUMLAH, TOTAL, GRAND TOTAL, Sub Total) or with white space: a quick
 * test before the patterns, for the uraian and kode cells of every row. Any non-ASCII first character passes.
 */
function mayBeTotalLabel(v: string): boolean {
  const first = v.charCodeAt(0);
  if (first <= 0x20 || first > 0x7f) return true;
  const lower = first | 0x20;
  return lower === 0x6a || lower === 0x74 || lower === 0x67 || lower === 0x73;
}

/** A JUMLAH/TOTAL (or Sub Total) label at or left of the column after the uraian column. */
function labelLeft(cells: ReadonlyMap<number, Cell> | undefined, uraianCol: number, firstCol: number): boolean {
  for (let c = Math.max(1, firstCol - 1); c <= uraianCol + 1; c++) {
    const v = cells?.get(c)?.value;
    if (typeof v === "string" && mayBeTotalLabel(v) && (isTotalText(v) || isSubTotalLabel(v))) return true;
  }
  return false;
}

/**
 * "Sub Total" / "Sub Jumlah", white space around it allowed. Its first letter is S and its last L or H: a text
 * starting or ending with another ASCII character ("Sub kegiatan 1.1.1") is ruled out before the pattern.
 */
function isSubTotalLabel(v: string): boolean {
  const first = v.charCodeAt(0);
  if (first > 0x20 && first < 0x7f && (first | 0x20) !== 0x73) return false;
  const last = v.charCodeAt(v.length - 1);
  if (last > 0x20 && last < 0x7f && (last | 0x20) !== 0x6c && (last | 0x20) !== 0x68) return false;
  return /^\s*sub\s*(total|jumlah)\s*$/i.test(v);
}

/** Every text cell says JUMLAH/TOTAL (amounts aside), and one of them stands left of or in the uraian column. */
function isTotalRow(cols: number[], texts: string[], uraianCol: number | undefined, frame: TableFrame): boolean {
  let totalLeft = false;
  for (let i = 0; i < cols.length; i++) {
    const t = texts[i];
    if (isTotalText(t)) {
      if (cols[i] <= (uraianCol ?? frame.firstCol) + 1) totalLeft = true;
      continue;
    }
    if (/[a-z]{2}/i.test(t.replace(/^rp\.?/i, ""))) return false;
  }
  return totalLeft;
}

/** "Sub Total" / "Sub Jumlah" rows inside a table: sums of a part, not the table's total. */
function isSubtotalRow(texts: string[]): boolean {
  return texts.some((t) => /^sub\s*(total|jumlah)$|^jumlah\s*sub\s*total$/i.test(t.trim()));
}

/** A lone line after the table: outside its columns, a long sentence, or words in the kode/No column. */
function isEndLine(col: number, text: string, frame: TableFrame, uraianCol: number | undefined, leadCols: Set<number>): boolean {
  if (col < frame.firstCol || col > frame.lastCol) return true;
  if (text.length > PROSE_TEXT && col !== uraianCol) return true;
  return leadCols.has(col) && col !== uraianCol && /[a-z]{3}/i.test(text) && !/^\d+(\.\d+)*$/.test(text);
}
