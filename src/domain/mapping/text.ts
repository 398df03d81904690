/** Small text tests shared by the mapping modules (header words, total rows, years, column numbers). */
import type { Cell, SheetSnapshot } from "../sheet/snapshot";
import { cellText, rowAt } from "../sheet/snapshot";

/** Lower case, single spaces. */
export function lowerText(s: string): string {
  return s.toLowerCase().replace(/\s+/g, " ").trim();
}

/** Letters and digits only, lower case: "T O T A L" -> "total", "Jumlah Total :" -> "jumlahtotal". */
export function squashText(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "");
}

const TOTAL_WORDS = new Set([
  "jumlah", "total", "jumlahtotal", "grandtotal", "totaljumlah", "jumlahkeseluruhan", "totalkeseluruhan",
  "jumlahseluruhnya", "jumlahsemua", "jumlahakhir", "totalanggaran", "jumlahanggaran", "jumlahpagu", "totalpagu",
]);

/** Last letters of the total words: a text ending in another letter or a digit is none of them. */
const TOTAL_ENDINGS = new Set([..."hlnaru"].map((ch) => ch.charCodeAt(0)));

/** A cell that says "this is the total row". */
export function isTotalText(s: string): boolean {
  // every total word starts with J, T or G and is short: most cells are ruled out without building a string
  if (s === "" || s.length > 30) return false;
  // the same test as /^\s*[jtgJTG]/ and the words' last letters, by character codes (asked of most cells of
  // every row): only a text that starts or ends with white space or a non-ASCII character needs the pattern
  const first = s.charCodeAt(0);
  if (first > 0x20 && first < 0x7f) {
    const lower = first | 0x20;
    if (lower !== 0x6a && lower !== 0x74 && lower !== 0x67) return false;
  } else if (!/^\s*[jtgJTG]/.test(s)) return false;
  const last = s.charCodeAt(s.length - 1);
  if (((last >= 65 && last <= 90) || (last >= 97 && last <= 122)) && !TOTAL_ENDINGS.has(last | 0x20)) return false;
  if (last >= 48 && last <= 57) return false;
  return TOTAL_WORDS.has(squashText(s));
}

/** Years 1990–2099 written in the text, with their positions. */
export function yearsIn(text: string): { year: number; index: number }[] {
  const out: { year: number; index: number }[] = [];
  const re = /(?<![\d.,])((?:19|20)\d\d)(?!\d)(?![.,]\d)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push({ year: Number(m[1]), index: m.index });
  return out;
}

/** A small whole number written in a cell (a column number), or undefined. */
export function smallInteger(cell: Cell | undefined): number | undefined {
  if (!cell) return undefined;
  const v = cell.value;
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 && v < 100 ? v : undefined;
  const t = cellText(cell);
  return /^\(?\d{1,2}\)?$/.test(t) ? Number(t.replace(/[()]/g, "")) : undefined;
}

/** Columns of a row holding a non-empty cell, ascending. */
export function rowColumns(sheet: SheetSnapshot, row: number): number[] {
  const cells = rowAt(sheet, row);
  if (!cells) return [];
  const out: number[] = [];
  for (const [c, cell] of cells) {
    if (typeof cell.value === "string" ? cell.value.trim() !== "" : cellText(cell) !== "") out.push(c);
  }
  return out.sort((a, b) => a - b);
}
