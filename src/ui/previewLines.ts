/**
 * A write plan as before → after lines the user can read: amounts the way the pane's language writes them
 * ("8.399,475 → 8.399.475" in Bahasa Indonesia, so a decimal mark is never taken for a thousands mark), text as
 * written and quoted, formulas with "=" and their cached result.
 */
import { sheetRef } from "../domain/findings";
import { formatAmount } from "../domain/messages/values";
import type { CellContent, PlannedCell } from "../domain/plan";
import type { Lang } from "./i18n";

export interface PreviewLine {
  key: string;
  ref: string;
  before: string;
  after: string;
  reason: string;
}

export function describeContent(c: CellContent, lang: Lang): string {
  const value = c.error ?? showValue(c.value, lang);
  if (!c.formula) return value;
  return value === "" ? `=${c.formula}` : `=${c.formula} (${value})`;
}

function showValue(v: CellContent["value"], lang: Lang): string {
  if (v === null || v === "") return "";
  if (typeof v === "number") return formatAmount(v, lang);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return `"${v}"`;
}

export function previewLines(cells: readonly PlannedCell[], lang: Lang): PreviewLine[] {
  return cells.map((c) => ({
    key: `${c.sheet}!${c.cell}`,
    ref: sheetRef(c.sheet, c.cell),
    before: describeContent(c.before, lang) || "—",
    after: describeContent(c.after, lang) || "—",
    reason: c.reason[lang],
  }));
}

/**
 * The height in pixels of a preview row whose "before → after" wraps instead of being cut off: the rows of the
 * windowed list have fixed heights, so the lines are estimated from the text's length at the narrowest pane
 * (350 px: about `perLine` monospace characters beside the row's checkbox). A wider pane leaves some room spare.
 */
export function wrappedRowHeight(before: string, after: string, perLine: number, fixed: number): number {
  const LINE = 17;
  const lines = Math.max(1, Math.ceil((before.length + 3 + after.length) / perLine));
  return fixed + LINE * Math.min(lines, 12);
}
