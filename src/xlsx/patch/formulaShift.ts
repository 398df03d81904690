/**
 * Moves the relative references of a formula by whole rows and columns, as Excel does when it fills a shared
 * formula from its first cell to the others (`<f t="shared" si="0"/>` cells store no text of their own).
 */
import { columnIndex, columnLetter } from "../../domain/sheet/snapshot";

const MAX_ROW = 1048576;
const MAX_COL = 16384;

// One alternative per token kind; string literals and quoted sheet names are matched so they are skipped.
const TOKEN =
  /("(?:[^"]|"")*")|('(?:[^']|'')*'!)|(\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3})(?![\w(.])|(\$?\d+:\$?\d+)(?![\w(.])|(\$?[A-Za-z]{1,3}\$?\d+)(?![\w(.!])/g;

export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  return formula.replace(TOKEN, (whole, str?: string, sheet?: string, colRange?: string, rowRange?: string, cell?: string, offset?: number) => {
    if (str || sheet) return whole;
    const before = typeof offset === "number" && offset > 0 ? formula[offset - 1] : "";
    // A name or function that merely ends like a reference (e.g. "LOG10", "_A1") is not one.
    if (/[\w.]/.test(before)) return whole;
    if (colRange) return colRange.split(":").map((p) => shiftColumn(p, cols)).join(":");
    if (rowRange) return rowRange.split(":").map((p) => shiftRow(p, rows)).join(":");
    if (cell) {
      const m = /^(\$?[A-Za-z]{1,3})(\$?\d+)$/.exec(cell);
      if (!m) return whole;
      const moved = shiftColumn(m[1], cols) + shiftRow(m[2], rows);
      return moved.includes("#REF!") ? "#REF!" : moved;
    }
    return whole;
  });
}

function shiftColumn(part: string, by: number): string {
  if (part.startsWith("$")) return part;
  const col = columnIndex(part) + by;
  return col >= 1 && col <= MAX_COL ? columnLetter(col) : "#REF!";
}

function shiftRow(part: string, by: number): string {
  if (part.startsWith("$")) return part;
  const row = Number(part) + by;
  return row >= 1 && row <= MAX_ROW ? String(row) : "#REF!";
}
