/**
 * Finding where a Renja table starts: a block of 1–4 header rows (the first mostly header words), an optional
 * column-number row under it, and the title rows above it.
 */
import type { SheetSnapshot } from "../sheet/snapshot";
import { cellAt, cellText } from "../sheet/snapshot";
import { columnHeaders, type ColumnHeader } from "./headerPaths";
import { flavourOf, type TableFlavour } from "./columnRoles";
import { isColumnNumberRow, isHeaderContinuation, isHeaderStart, rowShape } from "./headerWords";
import { rowColumns } from "./text";
import type { TextCell } from "./years";

export interface TableFrame {
  headerRows: number[];
  columnNumberRow?: number;
  firstCol: number;
  lastCol: number;
  headers: ColumnHeader[];
  flavour: TableFlavour;
  /** Header cells with their own text (not carried over from a group), for the years they state. */
  headerCells: TextCell[];
  /** Index (into the sorted row numbers) of the first row after the header block and column-number row. */
  bodyIndex: number;
}

const MAX_HEADER_ROWS = 4;

/** The header block starting at rows[index], or undefined when that row does not start one. */
export function readFrame(sheet: SheetSnapshot, rows: readonly number[], index: number): TableFrame | undefined {
  const first = rows[index];
  if (!isHeaderStart(rowShape(sheet, first))) return undefined;
  const headerRows = [first];
  let k = index + 1;
  let columnNumberRow: number | undefined;
  while (k < rows.length && rows[k] - rows[k - 1] <= 2) {
    const shape = rowShape(sheet, rows[k]);
    if (isColumnNumberRow(sheet, rows[k], shape)) {
      columnNumberRow = rows[k];
      k++;
      break;
    }
    if (headerRows.length >= MAX_HEADER_ROWS || !isHeaderContinuation(sheet, rows[k], shape)) break;
    headerRows.push(rows[k]);
    k++;
  }
  let firstCol = Infinity;
  let lastCol = 0;
  const headerCells: TextCell[] = [];
  for (const r of headerRows) {
    for (const c of rowColumns(sheet, r)) {
      firstCol = Math.min(firstCol, c);
      lastCol = Math.max(lastCol, c);
      headerCells.push({ row: r, col: c, text: cellText(cellAt(sheet, r, c)) });
    }
  }
  for (const m of sheet.merges) {
    if (m.top >= headerRows[0] && m.top <= headerRows[headerRows.length - 1]) lastCol = Math.max(lastCol, m.right);
  }
  if (lastCol === 0) return undefined;
  const headers = columnHeaders(sheet, headerRows, firstCol, lastCol);
  return { headerRows, columnNumberRow, firstCol, lastCol, headers, flavour: flavourOf(headers), headerCells, bodyIndex: k };
}

const MAX_TITLE_ROWS = 5;
const TITLE_WINDOW = 8;
const MAX_TITLE_TEXT = 200;

/** Title rows above a header: the nearest short lines, no further up than the previous table. */
export function titleRowsAbove(sheet: SheetSnapshot, headerRow: number, floor: number, isNarrative: (text: string) => boolean): TextCell[][] {
  const out: TextCell[][] = [];
  for (let r = headerRow - 1; r > floor && r >= headerRow - TITLE_WINDOW && out.length < MAX_TITLE_ROWS; r--) {
    const cols = rowColumns(sheet, r);
    if (cols.length === 0) continue;
    const cells = cols.map((c) => ({ row: r, col: c, text: cellText(cellAt(sheet, r, c)) }));
    if (cells.some((x) => x.text.length > MAX_TITLE_TEXT || isNarrative(x.text))) break;
    out.unshift(cells);
  }
  return out;
}
