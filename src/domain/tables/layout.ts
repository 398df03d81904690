/**
 * What every generated table shares: text cells that can never turn into formulas, print setup per paper,
 * row heights estimated from wrapped text (LibreOffice and Excel do not grow a row for wrapped text written
 * by a program, so a generated sheet states them), and a sheet name that does not clash.
 */
import type { Message } from "../findings";
import type { MappedRow } from "../mapping/types";
import type { PaperSizeCode, PrintSetup, SheetCellStyle, SheetPlanCell } from "../plan";
import { sumFormulaFor, type CellRef } from "../analysis/sumFormula";
import type { CellValue } from "../sheet/snapshot";

export type Paper = "f4" | "a4";

/** What every table builder takes: where to read, where to write, and the user's overrides. */
export interface GenerateOptions {
  /** Sheet to build from; default: the best-mapped table of the right kind. */
  from?: string;
  /** Sheets this tool generated before: never chosen as the source by default. */
  generatedSheets?: readonly string[];
  paper?: Paper;
  /** Overrides for what the source's titles say. */
  unit?: string;
  kabupaten?: string;
  year?: number;
  /** Sheets the workbook already has (the new name must differ unless `replace` names a generated one). */
  existingSheets: readonly string[];
  /** The sheet to write; default "Tabel … (Renja Cermat)", made unique. */
  sheetName?: string;
  /** The user confirmed rewriting the sheet `sheetName` that this tool generated before. */
  replace?: boolean;
}

export const PAPER_CODES: Record<Paper, PaperSizeCode> = { f4: 14, a4: 9 };

/**
 * Thousands separators in every locale; whole Rupiah. `_)` keeps a gap the width of ")" after the last digit: a
 * right-aligned amount otherwise touches the left-aligned text of the next column in print ("2.666.646.911APBD").
 */
export const MONEY_FORMAT = "#,##0_);-#,##0_)";

/**
 * A cell with the user's content. Text that a spreadsheet would read as a formula (=, +, -, @ first) gets the
 * Text format so it stays text in every host and after a later edit; numbers stay numbers.
 */
export function contentCell(row: number, col: number, value: CellValue, style: SheetCellStyle): SheetPlanCell {
  if (typeof value === "string" && /^\s*[=+\-@]/.test(value)) return { row, col, value, numFmt: "@", style };
  return { row, col, value, style };
}

export function printSetup(paper: Paper, titleRows: [number, number]): PrintSetup {
  return {
    orientation: "landscape",
    paperSize: PAPER_CODES[paper],
    fitToWidth: 1,
    fitToHeight: 0,
    printTitleRows: titleRows,
    footerCenter: "Halaman &P / &N",
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    centerHorizontally: true,
  };
}

/** Points per line of 10-point text, and the lines a text needs in a column `width` characters wide. */
const LINE_HEIGHT = 13;

export function linesFor(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.05) - 1);
  return text
    .split(/\n/)
    .reduce((n, paragraph) => n + Math.max(1, Math.ceil(wrapLength(paragraph, perLine) / perLine)), 0);
}

/** Word wrap never breaks inside a word: the length the paragraph takes once words are moved to the next line. */
function wrapLength(paragraph: string, perLine: number): number {
  let lines = 1;
  let used = 0;
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    const need = used === 0 ? word.length : used + 1 + word.length;
    if (need <= perLine) used = need;
    else {
      lines += Math.ceil(Math.max(word.length, 1) / perLine) - (used === 0 ? 1 : 0);
      used = word.length % perLine || perLine;
    }
  }
  return (lines - 1) * perLine + used;
}

/** Heights for rows whose wrapped cells need more than one line. */
export function rowHeightsFor(cells: readonly SheetPlanCell[], widthOf: (col: number) => number, fromRow: number): { row: number; height: number }[] {
  const lines = new Map<number, number>();
  for (const c of cells) {
    if (c.row < fromRow || !c.style?.wrap || typeof c.value !== "string" || c.value === "") continue;
    const indent = (c.style.indent ?? 0) * 3;
    const n = linesFor(c.value, Math.max(4, widthOf(c.col) - indent));
    lines.set(c.row, Math.max(lines.get(c.row) ?? 1, n));
  }
  return [...lines.entries()]
    .filter(([, n]) => n > 1)
    .sort(([a], [b]) => a - b)
    .map(([row, n]) => ({ row, height: n * LINE_HEIGHT + 4 }));
}

/** Characters Excel forbids in a sheet name. */
const FORBIDDEN = /[[\]:*?/\\]/g;

/**
 * `wanted`, or "wanted (2)", "wanted (3)"… when a sheet of that name exists (Excel compares names without case);
 * at most 31 characters.
 */
export function freeSheetName(wanted: string, existing: readonly string[]): string {
  const base = wanted.replace(FORBIDDEN, " ").trim().slice(0, 31) || "Tabel";
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** The sheet a builder writes: the one the user confirmed rewriting, else a free name based on the default. */
export function targetSheetName(options: GenerateOptions, defaultName: string): string {
  return options.replace && options.sheetName ? options.sheetName : freeSheetName(options.sheetName ?? defaultName, options.existingSheets);
}

/** Programs bold, kegiatan plain, sub kegiatan indented; every data cell bordered and wrapped. */
export function planRowStyle(level: MappedRow["level"]): SheetCellStyle {
  const base: SheetCellStyle = { border: true, wrap: true, vertical: "top" };
  if (level === "program") return { ...base, bold: true };
  if (level === "subKegiatan") return { ...base, indent: 1 };
  return base;
}

export interface BuildError {
  error: Message;
}

export function isBuildError<T>(result: T | BuildError): result is BuildError {
  return typeof result === "object" && result !== null && "error" in result;
}

/** Excel's limits: 255 arguments per function, 8,192 characters per formula. */
const MAX_SUM_ARGUMENTS = 255;
const MAX_FORMULA_LENGTH = 8000;

/**
 * The SUM formula over the given cells (the shared writer of rules/support/sumFormula.ts), split into
 * SUM(…)+SUM(…) beyond 255 cells; undefined when even that exceeds Excel's formula length (a kabupaten-wide
 * total over thousands of programs), and the caller writes the value instead.
 */
export function sumFormulaWithinLimits(cells: CellRef[]): string | undefined {
  const whole = sumFormulaFor(cells, () => false);
  if (whole.split(",").length <= MAX_SUM_ARGUMENTS) return whole.length <= MAX_FORMULA_LENGTH ? whole : undefined;
  const parts: string[] = [];
  for (let i = 0; i < cells.length; i += MAX_SUM_ARGUMENTS) parts.push(sumFormulaFor(cells.slice(i, i + MAX_SUM_ARGUMENTS), () => false));
  const joined = parts.join("+");
  return joined.length <= MAX_FORMULA_LENGTH ? joined : undefined;
}
