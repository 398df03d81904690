/**
 * WritePlan: host-independent edits. Every planned cell carries what it held when read (`before`), so a host
 * can refuse to write when the user changed it since, and can undo exactly.
 */
import type { Message } from "./findings";
import { msg, renderAll, text } from "./messages";
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

/**
 * sameContent for a host's changed-since-read guard, with one allowance: a plan that states no number format
 * (snapshots carry none for empty cells) is not refused over the format alone.
 */
export function unchangedSinceRead(planned: CellContent, actual: CellContent): boolean {
  if (planned.numFmt === undefined) return sameContent(planned, { ...actual, numFmt: undefined });
  return sameContent(planned, actual);
}

/**
 * Text that a spreadsheet would take for a formula or a number if typed (=, +, -, @ first, or numeric):
 * written as text it gets the Text format "@" so a later edit keeps it text.
 */
export function textNeedsTextFormat(value: string): boolean {
  const t = value.trim();
  if (/^[=+\-@]/.test(t)) return true;
  if (!/\d/.test(t)) return false;
  // Amounts, percents, dates and times as typed ("4.765,000", "63,80%", "12/05/2025", "1e5", "Rp 5.000").
  return /^(rp\.?\s*)?[\d\s.,/:%()-]+$/i.test(t) || /^\d+(\.\d+)?e[+-]?\d+$/i.test(t);
}

/**
 * What taking back a generated sheet needs (Batalkan after Buat Tabel): the sheet as the host named it and knows
 * it (its id), whether the action added it or rewrote an earlier generated sheet, and the fingerprint of the
 * cells written (src/domain/generatedMarker.ts), so a host takes back only a sheet still as the tool left it.
 */
export interface SheetUndoRecord {
  type: "sheet";
  /** What Batalkan takes back, as its label says it. */
  title: Message;
  table: GeneratedTableKind;
  sheetName: string;
  /** The host's own id of the sheet (workbook.xml's sheetId, Office's worksheet id). */
  sheetId: string;
  /** True when the action rewrote a sheet this tool generated before (its previous content is restored where the host can). */
  replaced: boolean;
  fingerprint: string;
}

/** Any action Batalkan can take back, newest last on the pane's stack: cells written, or a sheet generated. */
export type ActionRecord = UndoRecord | SheetUndoRecord;

export function isSheetUndo(record: ActionRecord): record is SheetUndoRecord {
  return (record as SheetUndoRecord).type === "sheet";
}

const TABLE_NAMES: Record<GeneratedTableKind, string> = { "tabel-3.3": "Tabel 3.3", "tabel-2.1": "Tabel 2.1", "tabel-perubahan": "Tabel Perubahan" };

/** The record of a generated sheet; its title, which Batalkan shows as its label, names the table and the sheet. */
export function sheetUndoRecord(plan: Pick<SheetPlan, "table">, sheetName: string, sheetId: string, replaced: boolean, fingerprint: string): SheetUndoRecord {
  const table = TABLE_NAMES[plan.table];
  const title = renderAll(msg(replaced ? "undo.sheetRewritten" : "undo.sheetNew", { table: text(table), sheet: text(sheetName) }));
  return { type: "sheet", title, table: plan.table, sheetName, sheetId, replaced, fingerprint };
}

export function undoRecordFor(plan: WritePlan): UndoRecord {
  return { title: plan.title, cells: plan.cells.map((c) => ({ ...c, before: c.after, after: c.before })) };
}

/* ------------------------------------------------------------------------------------------------------------
 * SheetPlan: a whole generated sheet (Tabel 3.3 / 2.1), host-independent. The builders in src/domain/tables
 * produce it; the xlsx host (src/xlsx/patch/addSheet.ts) and the Office host apply it.
 * ---------------------------------------------------------------------------------------------------------- */

/** Thin borders on all four sides is the only border the generated tables use. */
export interface SheetCellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Indent level (Excel's IndentLevel, about 3 character widths each). */
  indent?: number;
  wrap?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "center" | "bottom";
  /** Thin border on all four sides. */
  border?: boolean;
  /** Points; undefined = the workbook's default font size. */
  fontSize?: number;
  /** Solid fill colour as RGB hex without "#", e.g. "D9D9D9". */
  fill?: string;
}

/**
 * One generated cell. A string `value` without `formula` is TEXT, always: hosts write it so that nothing turns
 * it into a formula or a number ("=SUM(…)" typed by a user, "-", "+62", "@x", "1.234" stay text).
 * A formula is en-US, without "=", and `value` holds its computed result (cached).
 */
export interface SheetPlanCell {
  row: number;
  col: number;
  value: CellValue;
  formula?: string;
  numFmt?: string;
  style?: SheetCellStyle;
}

export interface SheetMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Paper size codes as in SpreadsheetML / Excel: 14 = Folio/F4 (215×330 mm, "8.5 x 13 in"), 9 = A4. */
export type PaperSizeCode = 9 | 14;

export interface PrintSetup {
  orientation: "landscape" | "portrait";
  paperSize: PaperSizeCode;
  /** Fit to this many pages wide (1) and tall (0 = as many as needed). */
  fitToWidth: number;
  fitToHeight: number;
  /** Rows repeated at the top of every printed page: [first, last], 1-based. */
  printTitleRows?: [number, number];
  /** Centre footer in Excel header/footer codes, e.g. "Halaman &P / &N". */
  footerCenter?: string;
  /** Page header, plain text per part (no "&" codes): the verification sheets name the unit and the date. */
  header?: { left?: string; center?: string; right?: string };
  /** Inches, as Excel stores them. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Centre the table horizontally on the page. */
  centerHorizontally?: boolean;
}

export type GeneratedTableKind = "tabel-3.3" | "tabel-2.1" | "tabel-perubahan";

/**
 * How every host recognises a sheet this tool generated: a hidden sheet-scoped defined name of this name whose
 * value is the table kind as a string constant (="tabel-3.3"). It follows the sheet through renames and moves.
 */
export const GENERATED_SHEET_MARKER = "RenjaCermat_Generated";

export interface SheetPlan {
  /** Discriminates a SheetPlan from a WritePlan where hosts accept both. */
  type: "sheet";
  title: Message;
  table: GeneratedTableKind;
  /** The sheet to create (or rewrite, see `replaceGenerated`). At most 31 characters, no []:*?/\ . */
  sheetName: string;
  /**
   * True only after the user confirmed: rewrite the cells of the sheet of this name that this tool generated
   * before (recognised by the host's marker). Never deletes a sheet; never touches a sheet the tool did not
   * generate. False: the host must refuse a name that exists.
   */
  replaceGenerated: boolean;
  /** The sheet the table was built from; hosts never write to it. */
  sourceSheet: string;
  cells: SheetPlanCell[];
  merges: SheetMerge[];
  /** Character widths (Excel column width units) by 1-based column. */
  columnWidths: { col: number; width: number }[];
  /** Points by 1-based row, only where a row needs more than the default. */
  rowHeights: { row: number; height: number }[];
  print: PrintSetup;
  /** Things the user must be told (e.g. "the source has no N+1: those columns are empty"). */
  notices: Message[];
  /** Rows 1…freezeRows stay in view while scrolling (titles and header). */
  freezeRows?: number;
}

export function isSheetPlan(plan: WritePlan | SheetPlan): plan is SheetPlan {
  return (plan as SheetPlan).type === "sheet";
}

/** A sheet's content without the generated-table bookkeeping: what a writer of a whole new workbook needs. */
export type SheetContent = Pick<SheetPlan, "sheetName" | "cells" | "merges" | "columnWidths" | "rowHeights" | "print" | "freezeRows">;

/**
 * The page header and footer of a print setup in SpreadsheetML header/footer codes (&L, &C, &R; a literal "&"
 * in header text doubled), as both .xlsx writers store them.
 */
export function headerFooterCodes(print: PrintSetup): { oddHeader?: string; oddFooter?: string } {
  const text = (t: string) => t.replace(/&/g, "&&");
  const h = print.header;
  const header = h ? `${h.left ? `&L${text(h.left)}` : ""}${h.center ? `&C${text(h.center)}` : ""}${h.right ? `&R${text(h.right)}` : ""}` : "";
  return {
    ...(header ? { oddHeader: header } : {}),
    ...(print.footerCenter ? { oddFooter: `&C${print.footerCenter}` } : {}),
  };
}
