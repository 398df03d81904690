/** What a snapshot cell holds, as a plan's `before`, and the number format amounts get when text becomes a number. */
import Decimal from "decimal.js";
import type { CellContent } from "../plan";
import type { Cell } from "../sheet/snapshot";

/** Excel's thousands-grouped whole-number format: shows 4765000 as 4.765.000 in an Indonesian Excel. */
export const AMOUNT_FORMAT = "#,##0";

export function contentOf(cell: Cell | undefined): CellContent {
  if (!cell) return { value: null };
  const content: CellContent = { value: cell.value };
  if (cell.formula !== undefined) content.formula = cell.formula;
  if (cell.numFmt !== undefined) content.numFmt = cell.numFmt;
  if (cell.error !== undefined) content.error = cell.error;
  return content;
}

/** A whole-Rupiah Decimal as the number a cell stores (exact below 2^53, far beyond any budget). */
export function amountNumber(value: Decimal): number {
  return value.toNumber();
}

/**
 * Whether a cell can hold this amount as the number it is: Excel stores doubles, exact for whole numbers up to
 * 2^53 (9.007.199.254.740.991, far beyond any budget) and Infinity past ~1.8e308. Text stating a larger amount
 * (a 30,000-digit paste) stays text: a write would change the amount or fail.
 */
export function storableAmount(value: Decimal): boolean {
  return value.abs().lte(Number.MAX_SAFE_INTEGER);
}

/** A number keeps its format; text (or a Text-formatted cell) gets the amount format so it shows as one. */
export function formatForAmount(cell: Cell | undefined): string | undefined {
  if (!cell) return AMOUNT_FORMAT;
  if (typeof cell.value === "string" && cell.formula === undefined) return AMOUNT_FORMAT;
  if (cell.numFmt === "@") return AMOUNT_FORMAT;
  return undefined;
}

export function sameAmount(cell: Cell | undefined, value: Decimal): boolean {
  return typeof cell?.value === "number" && new Decimal(cell.value).eq(value);
}
