/**
 * SheetSnapshot: what a host read of one worksheet, sparse over the real data extent.
 * Rows and columns are 1-based, as Excel shows them. Only non-empty cells (a value, a formula or an error)
 * are stored, so a stray formatted cell at row 1,048,576 costs nothing.
 */
export type CellValue = string | number | boolean | null;

export interface Cell {
  /** The value as the host holds it: number, text or boolean; for a formula its cached result; null if none. */
  value: CellValue;
  /** The formula without its leading "=", in en-US form (comma argument separator). */
  formula?: string;
  /** Number format code as stored (e.g. "#,##0", "@", "General"). */
  numFmt?: string;
  /** An error value such as "#REF!", "#VALUE!", "#DIV/0!" (value is null then). */
  error?: string;
  /** Style cues, read only when asked for (styles option of the host). */
  bold?: boolean;
  indent?: number;
}

export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSnapshot {
  /** Stable id from the host (worksheet id in Excel, sheet index/name in .xlsx). */
  id: string;
  name: string;
  visible: boolean;
  /** row -> column -> cell; only non-empty cells. */
  rows: ReadonlyMap<number, ReadonlyMap<number, Cell>>;
  /** Largest row / column holding a non-empty cell (0 for an empty sheet). */
  maxRow: number;
  maxCol: number;
  merges: readonly MergeArea[];
  hiddenRows?: ReadonlySet<number>;
  protected?: boolean;
}

export function cellAt(sheet: SheetSnapshot, row: number, col: number): Cell | undefined {
  return rowAt(sheet, row)?.get(col);
}

type RowCells = ReadonlyMap<number, Cell>;

/**
 * The rows of a sheet as an array indexed by row number, built once per rows Map: a kabupaten-scale sheet has
 * 100,000 rows, and a lookup in a Map that large costs far more than an array index (mapping and rules read
 * every row several times). Kept beside the snapshot, not in it: a snapshot is read-only, and one whose rows
 * Map changes size is indexed again. Left as the Map when the rows are too sparse for an array to pay.
 */
interface RowIndex {
  size: number;
  byRow: (RowCells | undefined)[] | null;
  /** The row numbers in ascending order, made when first asked for (see sortedRowNumbers). */
  sorted?: readonly number[];
}

const rowIndexes = new WeakMap<ReadonlyMap<number, RowCells>, RowIndex>();

/** The last sheet asked for: rules read cell after cell of one sheet, and this skips the WeakMap lookup. */
let lastRows: ReadonlyMap<number, RowCells> | undefined;
let lastIndex: RowIndex | undefined;

function rowIndexOf(rows: ReadonlyMap<number, RowCells>): (RowCells | undefined)[] | null {
  return indexOf(rows).byRow;
}

function indexOf(rows: ReadonlyMap<number, RowCells>): RowIndex {
  if (rows === lastRows && lastIndex !== undefined && lastIndex.size === rows.size) return lastIndex;
  const known = rowIndexes.get(rows);
  if (known !== undefined && known.size === rows.size) {
    lastRows = rows;
    lastIndex = known;
    return known;
  }
  let last = 0;
  for (const r of rows.keys()) if (r > last) last = r;
  let byRow: (RowCells | undefined)[] | null = null;
  if (rows.size >= 64 && Number.isSafeInteger(last) && last <= 4 * rows.size + 1024) {
    // filled in order so that the array stays a plain (packed) one
    byRow = [];
    for (let r = 0; r <= last; r++) byRow.push(undefined);
    for (const [r, cells] of rows) if (Number.isInteger(r) && r >= 0) byRow[r] = cells;
  }
  const index: RowIndex = { size: rows.size, byRow };
  rowIndexes.set(rows, index);
  lastRows = rows;
  lastIndex = index;
  return index;
}

/** The non-empty cells of one row (column -> cell), undefined for an empty row. */
export function rowAt(sheet: SheetSnapshot, row: number): RowCells | undefined {
  const byRow = rowIndexOf(sheet.rows);
  return byRow === null ? sheet.rows.get(row) : byRow[row];
}

/** Non-empty row numbers in ascending order. */
export function rowNumbers(sheet: SheetSnapshot): number[] {
  return [...sortedRowNumbers(sheet)];
}

/**
 * Non-empty row numbers in ascending order, shared: made once per rows Map (mapping walks them for the tables
 * and again for the narratives; sorting 100,000 numbers each time cost more than reading the rows). Read only.
 */
export function sortedRowNumbers(sheet: SheetSnapshot): readonly number[] {
  const index = indexOf(sheet.rows);
  if (index.sorted !== undefined) return index.sorted;
  let sorted: number[] = [];
  if (index.byRow !== null) {
    // the row array is already in row order
    const byRow = index.byRow;
    for (let r = 0; r < byRow.length; r++) if (byRow[r] !== undefined) sorted.push(r);
  }
  // a sparse sheet has no row array, and a row number the array cannot hold (not a whole number) needs the sort
  if (sorted.length !== sheet.rows.size) sorted = [...sheet.rows.keys()].sort((a, b) => a - b);
  index.sorted = sorted;
  return sorted;
}

/** The cell as text: strings trimmed of outer white space, numbers in plain decimal form, errors as their code. */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return "";
  if (cell.error) return cell.error;
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return numberToPlainString(v);
  return v ? "TRUE" : "FALSE";
}

export function textAt(sheet: SheetSnapshot, row: number, col: number): string {
  return cellText(cellAt(sheet, row, col));
}

/** A JS number as a plain decimal string, never in exponent form (1e21 -> "1000000000000000000000"). */
export function numberToPlainString(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
}

export function columnLetter(col: number): string {
  let s = "";
  let c = col;
  while (c > 0) {
    const m = (c - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    c = Math.floor((c - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** Parses "F12" or "$F$12" into { row, col }; undefined when it is not a single-cell reference. */
export function parseA1(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return undefined;
  return { col: columnIndex(m[1]), row: Number(m[2]) };
}

/** The merge area that contains the cell, if any. */
export function mergeAt(sheet: SheetSnapshot, row: number, col: number): MergeArea | undefined {
  return sheet.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

/** Builds a snapshot from a grid of plain values (row 1 first). Used by hosts' tests and by fixtures. */
export function snapshotFromGrid(
  name: string,
  grid: readonly (readonly (CellValue | Cell | undefined)[])[],
  extra: { merges?: MergeArea[]; id?: string; hiddenRows?: number[] } = {},
): SheetSnapshot {
  const rows = new Map<number, Map<number, Cell>>();
  let maxRow = 0;
  let maxCol = 0;
  grid.forEach((line, ri) => {
    line.forEach((raw, ci) => {
      const cell = toCell(raw);
      if (!cell) return;
      const r = ri + 1;
      const c = ci + 1;
      let row = rows.get(r);
      if (!row) rows.set(r, (row = new Map()));
      row.set(c, cell);
      maxRow = Math.max(maxRow, r);
      maxCol = Math.max(maxCol, c);
    });
  });
  return {
    id: extra.id ?? name,
    name,
    visible: true,
    rows,
    maxRow,
    maxCol,
    merges: extra.merges ?? [],
    hiddenRows: extra.hiddenRows ? new Set(extra.hiddenRows) : undefined,
  };
}

function toCell(raw: CellValue | Cell | undefined): Cell | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === "object") {
    if (raw.value === null && !raw.formula && !raw.error) return undefined;
    return raw;
  }
  if (typeof raw === "string" && raw.trim() === "") return undefined;
  return { value: raw };
}
