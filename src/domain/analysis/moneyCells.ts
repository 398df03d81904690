/** The money cells of a mapped table, read once as AmountReadings. */
import { columnOf } from "../mapping/tree";
import type { ColumnRole, MappedRow, MappedTable, MappedWorkbook } from "../mapping/types";
import type Decimal from "decimal.js";
import { parseAmountText, readAmount, type AmountReading } from "../numbers";
import { cellAt, columnLetter, type Cell, type SheetSnapshot } from "../sheet/snapshot";

export interface MoneyCell {
  table: MappedTable;
  row: MappedRow;
  role: ColumnRole;
  /** The cell's column: the role's column, moved by the row's columnShift (a pasted row that lost a cell). */
  col: number;
  /** A1 address on the table's sheet ("F12"). */
  address: string;
  cell: Cell | undefined;
  reading: AmountReading;
  /**
   * The stated amount when the cell holds a whole number within ±(2^53 − 1): such a number is exact in a double
   * and so is every integer sum that stays in that range, so the sums settle it without building a Decimal.
   */
  whole?: number;
}

export function sheetOf(workbook: MappedWorkbook, table: MappedTable): SheetSnapshot | undefined {
  return workbook.sheets.find((s) => s.id === table.sheetId) ?? workbook.sheets.find((s) => s.name === table.sheet);
}

/** The money roles of a table that have a column. */
export function moneyColumns(table: MappedTable): Array<{ role: ColumnRole; col: number }> {
  const out: Array<{ role: ColumnRole; col: number }> = [];
  for (const role of table.moneyRoles) {
    const col = table.columns[role];
    if (col !== undefined) out.push({ role, col });
  }
  return out;
}

export function readMoneyCell(sheet: SheetSnapshot | undefined, table: MappedTable, row: MappedRow, role: ColumnRole, tableCol: number): MoneyCell {
  return new LazyMoneyCell(sheet, moneyColumn(table, role), row, tableCol);
}

/** What the money cells of one column share: one object per column, so that no cell carries its own copy. */
export interface MoneyColumn {
  readonly table: MappedTable;
  readonly role: ColumnRole;
}

export function moneyColumn(table: MappedTable, role: ColumnRole): MoneyColumn {
  return { table, role };
}

/**
 * A money cell whose address and reading are worked out when first asked for: a kabupaten workbook has hundreds
 * of thousands of money cells, nearly all sound whole numbers whose sums hold, and only the cells a finding names
 * need either. A class, so that the arithmetic's slot can be one object with its cell (arithmetic.ts); its table
 * and role are read through the column they share, one field instead of two on each of those cells.
 */
export class LazyMoneyCell implements MoneyCell {
  readonly column: MoneyColumn;
  readonly row: MappedRow;
  readonly col: number;
  readonly cell: Cell | undefined;
  readonly whole: number | undefined;
  private readingOnce: AmountReading | undefined = undefined;

  /** The cell of the column's role on `row`: in the role's column `tableCol`, moved by the row's columnShift. */
  constructor(sheet: SheetSnapshot | undefined, column: MoneyColumn, row: MappedRow, tableCol: number) {
    this.column = column;
    this.row = row;
    this.col = columnOf(column.table, row, column.role) ?? tableCol;
    const cell = sheet ? cellAt(sheet, row.row, this.col) : undefined;
    this.cell = cell;
    const v = cell?.value;
    // As readAmount reads it: an error cell is no amount, and -0 is 0.
    this.whole = cell && !cell.error && typeof v === "number" && Number.isSafeInteger(v) ? v + 0 : undefined;
  }

  get table(): MappedTable {
    return this.column.table;
  }

  get role(): ColumnRole {
    return this.column.role;
  }

  get address(): string {
    return letterOf(this.col) + this.row.row;
  }

  get reading(): AmountReading {
    return (this.readingOnce ??= readAmount(this.cell));
  }
}

const letters: string[] = [];

/** Column letters, worked out once per column: a kabupaten workbook has hundreds of thousands of money cells. */
function letterOf(col: number): string {
  return (letters[col] ??= columnLetter(col));
}

/**
 * "6.757.833.494 Kantor Kec. Tomoni" → the amount it begins with and the words after it (the next column's text
 * pasted into the same cell, as a copy from Word leaves it); undefined unless the rest are words.
 */
export function leadingAmount(text: string): { value: Decimal; rest: string } | undefined {
  const m = /^\s*((?:Rp\.?\s*)?[0-9][0-9.,]*)\s+([^\d\s].*)$/i.exec(text);
  if (!m) return undefined;
  const reading = parseAmountText(m[1]);
  if (reading.status !== "ok" && reading.status !== "text-number") return undefined;
  if (reading.value === null) return undefined;
  return { value: reading.value, rest: m[2].trim() };
}
