/**
 * Money cells compared across tables. A slip in one table (the "4.765,000" of Tabel 3.3 against the
 * "4,765,000" of Tabel 7, or a number cell 1,000 times too small) is malformed-number's or suspect-scale's
 * finding; here two amounts agree when any reading the numbers module finds plausible for one equals the other.
 */
import Decimal from "decimal.js";
import { columnOf, rowByNumber } from "../mapping/tree";
import type { ColumnRole, MappedRow, MappedTable } from "../mapping/types";
import type { AmountReading } from "../numbers";
import { readAmount, thousandfoldCandidates } from "../numbers";
import type { SheetSnapshot } from "../sheet/snapshot";
import { a1, cellAt } from "../sheet/snapshot";

export interface PlacedAmount {
  reading: AmountReading;
  row: number;
  col: number;
  cell: string;
}

export function amountAt(sheet: SheetSnapshot, row: number, col: number): PlacedAmount {
  return { reading: readAmount(cellAt(sheet, row, col)), row, col, cell: a1(row, col) };
}

/** The amount a row shows in a role's column (moved with the row's shift); undefined without such a column. */
export function roleAmount(sheet: SheetSnapshot, table: MappedTable, row: MappedRow, role: ColumnRole): PlacedAmount | undefined {
  const col = columnOf(table, row, role);
  return col === undefined ? undefined : amountAt(sheet, row.row, col);
}

function holdsAmount(r: AmountReading): boolean {
  return r.status !== "empty" && r.status !== "not-amount" && (r.value !== null || r.candidates.length > 0);
}

/**
 * The total a table states in a role's column; mapping has already placed totals that stand a column away from
 * their header (see mapping/displacedTotals.ts).
 */
export function statedTotal(sheet: SheetSnapshot, table: MappedTable, role: ColumnRole): PlacedAmount | undefined {
  const totalRow = table.totalRow === undefined ? undefined : rowByNumber(table, table.totalRow);
  if (!totalRow) return undefined;
  const own = roleAmount(sheet, table, totalRow, role);
  return own && holdsAmount(own.reading) ? own : undefined;
}

/** The amount a cell stands for: its most plausible repair when it is a slip, else its value. */
export function shownValue(r: AmountReading): Decimal | null {
  return r.candidates[0] ?? r.value;
}

/** Every amount the cell may stand for: its value, the repairs of a slip, and ×1,000 of a too-small number. */
function plausibleValues(r: AmountReading): Decimal[] {
  const out: Decimal[] = [];
  if (r.value !== null) out.push(r.value);
  out.push(...r.candidates);
  if (r.value !== null && r.status === "ok") out.push(...thousandfoldCandidates(r.value));
  return out;
}

/**
 * Whether two amounts agree: some plausible reading of one equals some plausible reading of the other ("-" and
 * an empty cell read as 0). Undefined when either cell holds nothing readable as an amount (text): missing-field
 * and malformed-number speak about those.
 */
export function amountsAgree(a: AmountReading, b: AmountReading): boolean | undefined {
  if (a.raw === b.raw && a.status !== "not-amount") return true;
  const va = a.status === "empty" ? [new Decimal(0)] : plausibleValues(a);
  const vb = b.status === "empty" ? [new Decimal(0)] : plausibleValues(b);
  if (va.length === 0 || vb.length === 0) return undefined;
  return va.some((x) => vb.some((y) => x.eq(y)));
}
