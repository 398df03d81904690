/**
 * WritePlan: host-independent edits. Every planned cell carries what it held when read (`before`), so a host
 * can refuse to write when the user changed it since, and can undo exactly.
 */
import type { Message } from "./findings";
import type { CellValue } from "./sheet/snapshot";

/** The content a write sets or checks: value (cached result for a formula), formula without "=", number format. */
export interface CellContent {
  value: CellValue;
  formula?: string;
  numFmt?: string;
  error?: string;
}

export interface PlannedCell {
  sheet: string;
  row: number;
  col: number;
  /** A1 address without sheet and $. */
  cell: string;
  before: CellContent;
  after: CellContent;
  /** Why this cell changes, in both languages. */
  reason: Message;
}

export interface WritePlan {
  title: Message;
  cells: PlannedCell[];
}

/** What apply returns: enough to put every planned cell back exactly. */
export interface UndoRecord {
  title: Message;
  /** The same cells with before/after swapped. */
  cells: PlannedCell[];
}

/** True when two contents are the same for the guard: 4765 (number) and "4765" (text) differ. */
export function sameContent(a: CellContent, b: CellContent): boolean {
  const fa = normaliseFormula(a.formula);
  const fb = normaliseFormula(b.formula);
  if (fa !== fb) return false;
  if ((a.error ?? "") !== (b.error ?? "")) return false;
  if (!fa && !sameValue(a.value, b.value)) return false;
  return normaliseFormat(a.numFmt) === normaliseFormat(b.numFmt);
}

function sameValue(a: CellValue, b: CellValue): boolean {
  const ea = a === "" ? null : a;
  const eb = b === "" ? null : b;
  return ea === eb;
}

function normaliseFormula(f: string | undefined): string {
  return (f ?? "").replace(/^=/, "").replace(/\s+/g, "").toUpperCase();
}

function normaliseFormat(f: string | undefined): string {
  return !f || f === "General" ? "General" : f;
}

export function undoRecordFor(plan: WritePlan): UndoRecord {
  return { title: plan.title, cells: plan.cells.map((c) => ({ ...c, before: c.after, after: c.before })) };
}
