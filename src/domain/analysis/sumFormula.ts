/**
 * Reading and writing the formulas staff put in parent cells: SUM(F6:F9), SUM(F6,F8), F6+F7, SUM(F6:F9)+F12.
 * Anything else (other functions, minus, products, whole-column ranges) is not a plain sum and is left alone.
 */
import type { Level } from "../mapping/types";
import { a1, cellAt, columnLetter, parseA1, type SheetSnapshot } from "../sheet/snapshot";
import { cells as cellList, list, msg, nested, type MessageRef } from "../messages";

export interface CellRef {
  row: number;
  col: number;
}

export interface SumReferences {
  /** Every referenced cell of this sheet, ranges expanded; a cell named twice appears twice. */
  cells: CellRef[];
  /** References to other sheets, as written ("'Tabel 7'!F12"): never a child of a cell on this sheet. */
  foreign: string[];
}

/** Ranges beyond this many cells are not expanded: no parent sums a million cells on purpose. */
const MAX_EXPANDED_CELLS = 250_000;

/** The cells a plain-sum formula adds up, or undefined when the formula is not a plain sum. */
export function sumReferences(formula: string): SumReferences | undefined {
  const text = withoutSpaces(formula.trim().replace(/^=/, ""));
  if (text === "") return undefined;
  const refs: SumReferences = { cells: [], foreign: [] };
  let budget = MAX_EXPANDED_CELLS;
  for (const term of splitTopLevel(text, "+")) {
    if (term === undefined) return undefined;
    const sum = /^SUM\((.*)\)$/i.exec(term) ?? /^SUBTOTAL\(9,(.*)\)$/i.exec(term);
    const args = sum ? splitTopLevel(sum[1], ",") : [term];
    for (const arg of args) {
      if (arg === undefined || arg === "") return undefined;
      const added = addReference(arg, refs, budget);
      if (added === undefined) return undefined;
      budget -= added;
    }
  }
  return refs;
}

/** Adds one reference (cell, range or other-sheet reference); returns how many cells it added, or undefined. */
function addReference(arg: string, refs: SumReferences, budget: number): number | undefined {
  const bang = arg.lastIndexOf("!");
  if (bang > 0) {
    const local = arg.slice(bang + 1);
    if (!local.split(":").every((part) => parseA1(part))) return undefined;
    refs.foreign.push(arg);
    return 0;
  }
  const [from, to, ...rest] = arg.split(":");
  if (rest.length > 0) return undefined;
  const start = parseA1(from);
  if (!start) return undefined;
  const end = to === undefined ? start : parseA1(to);
  if (!end) return undefined;
  const top = Math.min(start.row, end.row);
  const bottom = Math.max(start.row, end.row);
  const left = Math.min(start.col, end.col);
  const right = Math.max(start.col, end.col);
  const count = (bottom - top + 1) * (right - left + 1);
  if (count > budget) return undefined;
  for (let row = top; row <= bottom; row++) for (let col = left; col <= right; col++) refs.cells.push({ row, col });
  return count;
}

/** Drops white space outside quoted sheet names ('Tabel 7'!F12 keeps its space). */
function withoutSpaces(text: string): string {
  if (!/\s/.test(text)) return text;
  let out = "";
  let quoted = false;
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    if (quoted || !/\s/.test(ch)) out += ch;
  }
  return out;
}

/** Splits on a separator outside parentheses and quotes; undefined entries mark an unbalanced formula. */
function splitTopLevel(text: string, separator: string): Array<string | undefined> {
  const parts: Array<string | undefined> = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") quoted = !quoted;
    else if (quoted) continue;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) return [undefined];
  }
  if (depth !== 0 || quoted) return [undefined];
  parts.push(text.slice(start));
  return parts;
}

/**
 * The formula that sums exactly the given cells: a range when they stand in one column and nothing else lies
 * between the first and the last (`canSpan` says whether a row in between may be covered), otherwise a list.
 */
export function sumFormulaFor(cells: CellRef[], canSpan: (row: number) => boolean): string {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  if (sorted.length === 0) return "0";
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const oneColumn = sorted.every((c) => c.col === first.col);
  const members = new Set(sorted.map((c) => c.row));
  let contiguous = oneColumn;
  for (let r = first.row; r <= last.row && contiguous; r++) if (!members.has(r) && !canSpan(r)) contiguous = false;
  if (contiguous) {
    const letter = columnLetter(first.col);
    return first.row === last.row ? `SUM(${letter}${first.row})` : `SUM(${letter}${first.row}:${letter}${last.row})`;
  }
  return `SUM(${sorted.map((c) => a1(c.row, c.col)).join(",")})`;
}

/** More than Excel's 16,384 columns: a cell's numeric key is row × this + column (exact far below 2^53). */
const KEY_SPAN = 32_768;

/** What is wrong with the cells a parent formula sums, or undefined when it sums exactly its children. */
export function rangeProblem(
  sheet: SheetSnapshot,
  formula: string,
  parent: CellRef,
  children: CellRef[],
  /** Each row's level; or a function building it, called only when a formula does not name exactly the children. */
  levels: Map<number, Level> | (() => Map<number, Level>),
): MessageRef | undefined {
  if (namesExactly(formula, children)) return undefined;
  const refs = sumReferences(formula);
  if (!refs || sumsExactly(refs, children)) return undefined;
  const levelByRow = typeof levels === "function" ? levels() : levels;
  // Cells keyed by number, not by A1 text: every parent of a kabupaten workbook is judged, few are wrong.
  const keyOf = (c: CellRef) => c.row * KEY_SPAN + c.col;
  const childKeys = children.map(keyOf);
  const isChild = new Set(childKeys);
  const counts = new Map<number, number>();
  const extraKeys = new Set<number>();
  for (const ref of refs.cells) {
    const key = keyOf(ref);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const isParent = ref.row === parent.row && ref.col === parent.col;
    if (!isChild.has(key) && !extraKeys.has(key) && (isParent || holdsSomething(sheet, ref.row, ref.col, levelByRow))) extraKeys.add(key);
  }
  const missingKeys = childKeys.filter((key) => !counts.has(key));
  const twiceKeys = childKeys.filter((key) => (counts.get(key) ?? 0) > 1);
  if (missingKeys.length === 0 && extraKeys.size === 0 && twiceKeys.length === 0 && refs.foreign.length === 0) return undefined;
  const address = (key: number) => a1(Math.floor(key / KEY_SPAN), key % KEY_SPAN);
  const missing = missingKeys.map(address);
  const twice = twiceKeys.map(address);
  const extra = [...[...extraKeys].map(address), ...refs.foreign];
  const parts: MessageRef[] = [];
  if (missing.length) parts.push(msg("range.leavesOut", { cells: cellList(missing) }));
  if (extra.length) parts.push(msg("range.alsoAdds", { cells: cellList(extra) }));
  if (twice.length) parts.push(msg("range.twice", { cells: cellList(twice) }));
  // The parts read as one clause, ", " between them: each after the first carries its comma.
  return msg("range.problem", { parts: list(parts.map((p, i) => (i === 0 ? p : msg("range.next", { part: nested(p) }))), "") });
}

/**
 * The usual case read straight from the text, without parsing it into references: SUM(F6:F9) or SUM(F6,F8,F9)
 * (upper-case letters, no white space, no sheet names) naming exactly the children, in their order. Anything
 * else answers false and goes through sumReferences; true only where sumsExactly would say true.
 */
export function namesExactly(formula: string, children: CellRef[]): boolean {
  const end = formula.length - 1;
  if (end < 5 || formula.charCodeAt(end) !== 41 /* ) */ || !formula.startsWith("SUM(")) return false;
  let i = 4;
  let next = 0;
  for (;;) {
    const from = cellKeyAt(formula, i, end);
    if (from < 0) return false;
    i = afterCellKey;
    let to = from;
    if (formula.charCodeAt(i) === 58 /* : */) {
      to = cellKeyAt(formula, i + 1, end);
      if (to < 0) return false;
      i = afterCellKey;
    }
    const top = Math.min(Math.floor(from / KEY_SPAN), Math.floor(to / KEY_SPAN));
    const bottom = Math.max(Math.floor(from / KEY_SPAN), Math.floor(to / KEY_SPAN));
    const left = Math.min(from % KEY_SPAN, to % KEY_SPAN);
    const right = Math.max(from % KEY_SPAN, to % KEY_SPAN);
    if ((bottom - top + 1) * (right - left + 1) > children.length - next) return false;
    for (let row = top; row <= bottom; row++) {
      for (let col = left; col <= right; col++) {
        const child = children[next++];
        if (child.row !== row || child.col !== col) return false;
      }
    }
    if (i === end) return next === children.length;
    if (formula.charCodeAt(i) !== 44 /* , */) return false;
    i++;
  }
}

/** Where the reference cellKeyAt read last ends (its second answer: a plain function, not a closure per formula). */
let afterCellKey = 0;

/**
 * The cell reference (F6, $F$6) at formula[i] before `end`, as row × KEY_SPAN + column, -1 when there is none;
 * afterCellKey is then the index past it.
 */
function cellKeyAt(formula: string, i: number, end: number): number {
  if (formula.charCodeAt(i) === 36 /* $ */) i++;
  let col = 0;
  const lettersFrom = i;
  for (let c = formula.charCodeAt(i); i < end && c >= 65 && c <= 90; c = formula.charCodeAt(++i)) col = col * 26 + (c - 64);
  if (i === lettersFrom || i - lettersFrom > 3) return -1;
  if (formula.charCodeAt(i) === 36 /* $ */) i++;
  let row = 0;
  const digitsFrom = i;
  for (let c = formula.charCodeAt(i); i < end && c >= 48 && c <= 57; c = formula.charCodeAt(++i)) row = row * 10 + (c - 48);
  if (i === digitsFrom || i - digitsFrom > 7) return -1;
  afterCellKey = i;
  return row * KEY_SPAN + col;
}

/** The usual case, settled without building any set: the formula names exactly the children, in their order. */
function sumsExactly(refs: SumReferences, children: CellRef[]): boolean {
  if (refs.foreign.length > 0 || refs.cells.length !== children.length) return false;
  for (let i = 0; i < children.length; i++) {
    if (refs.cells[i].row !== children[i].row || refs.cells[i].col !== children[i].col) return false;
  }
  return true;
}

/**
 * Whether a cell would change a sum that covers it: it is a cell of a plan row (empty today, filled tomorrow),
 * or it holds a number, a formula or an error. Blank page-break rows, and text (a repeated header), which SUM
 * skips, are harmless.
 */
export function holdsSomething(sheet: SheetSnapshot, row: number, col: number, levelByRow: Map<number, Level>): boolean {
  const level = levelByRow.get(row);
  if (level !== undefined && level !== "other") return true;
  const cell = cellAt(sheet, row, col);
  return cell !== undefined && (cell.formula !== undefined || cell.error !== undefined || typeof cell.value === "number");
}
