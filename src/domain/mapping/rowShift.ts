/**
 * Rows pasted one or two cells off: the seed's Tabel 2.1 has rows that lost their first cell, so the uraian
 * stands under "Sasaran" and every amount one column left of its header. Each column has a usual kind of content
 * (long text, amount, short value); a row whose cells fit the columns far better when moved is shifted.
 */
import type { SheetSnapshot } from "../sheet/snapshot";
import { cellText, rowAt } from "../sheet/snapshot";
import type { Cell } from "../sheet/snapshot";

type Kind = "text" | "amount" | "short";

export function cellKind(cell: Cell | undefined): Kind | undefined {
  if (!cell) return undefined;
  const v = cell.value;
  if (typeof v === "number") return Math.abs(v) >= 1000 ? "amount" : "short";
  // most names are long text: settle them before any pattern
  if (typeof v === "string" && v.length >= 12 && startsWithWord(v)) return "text";
  const t = cellText(cell);
  if (t === "") return undefined;
  if (/^(rp\.?\s*)?[\d.,\s]+(,-)?$/i.test(t) && hasDigits(t, 4)) return "amount";
  if (t.length >= 12 && /[a-z]{3}/i.test(t)) return "text";
  return "short";
}

/**
 * /^\s*(?!rp\b|rp\.)[a-z]/i by its first character where that settles it: an ASCII letter other than R passes, any
 * other ASCII character but the space fails; white space, R and non-ASCII characters go to the pattern.
 */
function startsWithWord(v: string): boolean {
  const c = v.charCodeAt(0);
  if (c > 0x20 && c < 0x7f && c !== 0x52 && c !== 0x72) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return /^\s*(?!rp\b|rp\.)[a-z]/i.test(v);
}

/** At least `n` digits in the text (counted without building a list of them: every cell of a sample is read). */
function hasDigits(text: string, n: number): boolean {
  let found = 0;
  for (let i = 0; i < text.length && found < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) found++;
  }
  return found >= n;
}

const SHIFTS = [-1, 1, -2, 2];
const PROFILE_SAMPLE = 3000;
const MIN_GAIN = 1.5;

/** Row -> shift (cells stand `shift` columns from their header: -1 = one column to the left). Unshifted rows are left out. */
export function detectShifts(sheet: SheetSnapshot, dataRows: number[], firstCol: number, lastCol: number, watchCols: number[]): Map<number, number> {
  const shifts = new Map<number, number>();
  if (dataRows.length < 4) return shifts;
  const profile = new Map<number, Record<Kind, number>>();
  const sample = dataRows.length > PROFILE_SAMPLE ? dataRows.slice(0, PROFILE_SAMPLE) : dataRows;
  // indexed loops over the rows: once per table, mostly unoptimised, where a for…of allocates an iterator result per row
  for (let i = 0; i < sample.length; i++) {
    const rowCells = rowAt(sheet, sample[i]);
    if (!rowCells) continue;
    for (let c = firstCol; c <= lastCol; c++) {
      const k = cellKind(rowCells.get(c));
      if (!k) continue;
      let p = profile.get(c);
      if (!p) profile.set(c, (p = { text: 0, amount: 0, short: 0 }));
      p[k]++;
    }
  }
  const fit = (col: number, kind: Kind): number => {
    const p = profile.get(col);
    if (!p) return 0;
    const total = p.text + p.amount + p.short;
    return total === 0 ? 0 : p[kind] / total;
  };
  const watched = watchCols.map((col): Watched => ({
    col,
    rare: { text: fit(col, "text") < 0.25, amount: fit(col, "amount") < 0.25, short: fit(col, "short") < 0.25 },
    amountColumn: fit(col, "amount") > 0.5,
  }));
  for (let i = 0; i < dataRows.length; i++) {
    const r = dataRows[i];
    const rowCells = rowAt(sheet, r);
    if (!rowCells || !looksOff(rowCells, watched)) continue;
    const cells: [number, Kind][] = [];
    for (let c = firstCol - 2; c <= lastCol + 2; c++) {
      const k = cellKind(rowCells.get(c));
      if (k) cells.push([c, k]);
    }
    if (cells.length < 3) continue;
    const score = (s: number) => cells.reduce((a, [c, k]) => a + fit(c - s, k), 0);
    const base = score(0);
    let best = 0;
    let bestScore = base;
    for (const s of SHIFTS) {
      const v = score(s);
      if (v > bestScore) {
        best = s;
        bestScore = v;
      }
    }
    if (best !== 0 && bestScore - base >= MIN_GAIN) shifts.set(r, best);
  }
  return shifts;
}

/** A watched column (uraian, money) with what its profile makes odd there, worked out once per table. */
interface Watched {
  col: number;
  /** Kinds of content the column rarely holds. */
  rare: Record<Kind, boolean>;
  /** Mostly amounts: empty between amounts, it looks like a row whose amounts moved. */
  amountColumn: boolean;
}

/** Cheap pre-test: a watched column (uraian, money) holds a kind of content it rarely holds. */
function looksOff(cells: ReadonlyMap<number, Cell>, watched: Watched[]): boolean {
  for (let i = 0; i < watched.length; i++) {
    const w = watched[i];
    const k = cellKind(cells.get(w.col));
    if (k) {
      if (w.rare[k]) return true;
    } else if (w.amountColumn && (cellKind(cells.get(w.col - 1)) === "amount" || cellKind(cells.get(w.col + 1)) === "amount")) return true;
  }
  return false;
}
