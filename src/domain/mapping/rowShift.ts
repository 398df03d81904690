/**
 * Rows pasted one or two cells off: the seed's Tabel 2.1 has rows that lost their first cell, so the uraian
 * stands under "Sasaran" and every amount one column left of its header. Each column has a usual kind of content
 * (long text, amount, short value); a row whose cells fit the columns far better when moved is shifted.
 */
import type { SheetSnapshot } from "../sheet/snapshot";
import { cellAt, cellText } from "../sheet/snapshot";
import type { Cell } from "../sheet/snapshot";

type Kind = "text" | "amount" | "short";

export function cellKind(cell: Cell | undefined): Kind | undefined {
  if (!cell) return undefined;
  const v = cell.value;
  if (typeof v === "number") return Math.abs(v) >= 1000 ? "amount" : "short";
  // most names are long text: settle them before any pattern
  if (typeof v === "string" && v.length >= 12 && /^\s*(?!rp\b|rp\.)[a-z]/i.test(v)) return "text";
  const t = cellText(cell);
  if (t === "") return undefined;
  if (/^(rp\.?\s*)?[\d.,\s]+(,-)?$/i.test(t) && (t.match(/\d/g)?.length ?? 0) >= 4) return "amount";
  if (t.length >= 12 && /[a-z]{3}/i.test(t)) return "text";
  return "short";
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
  for (const r of sample) {
    for (let c = firstCol; c <= lastCol; c++) {
      const k = cellKind(cellAt(sheet, r, c));
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
  for (const r of dataRows) {
    if (!looksOff(sheet, r, watchCols, fit)) continue;
    const cells: [number, Kind][] = [];
    for (let c = firstCol - 2; c <= lastCol + 2; c++) {
      const k = cellKind(cellAt(sheet, r, c));
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

/** Cheap pre-test: a watched column (uraian, money) holds a kind of content it rarely holds. */
function looksOff(sheet: SheetSnapshot, row: number, watchCols: number[], fit: (col: number, kind: Kind) => number): boolean {
  const cells = sheet.rows.get(row);
  for (const c of watchCols) {
    const k = cellKind(cells?.get(c));
    if (k && fit(c, k) < 0.25) return true;
    if (!k && (cellKind(cells?.get(c - 1)) === "amount" || cellKind(cells?.get(c + 1)) === "amount") && fit(c, "amount") > 0.5) return true;
  }
  return false;
}
