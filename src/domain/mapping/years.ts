/**
 * Year N of a table and every year its title and headers state, each with what its wording says it is.
 * Plan tables (3.3, 7): "(N)" / "Rencana Tahun 2025" = N; "Prakiraan Maju … 2026 (N+1)" = N+1; a title's first
 * unqualified year = N. Tabel 2.1 evaluates year N-1: its own "(n)" is our N-1 and its "tahun lalu (n-1)" our N-2.
 * Tabel 2.3 reviews the RKPD draft of the year its title names: that year is its N (decision recorded in the report).
 */
import type { ColumnRole, StatedYear } from "./types";
import type { TableFlavour } from "./columnRoles";
import { saysNextYear } from "./columnRoles";
import { lowerText, yearsIn } from "./text";

export interface TextCell {
  row: number;
  col: number;
  text: string;
}

type Meaning = StatedYear["meaning"];

/** Meaning of one year occurrence from the words between the previous year and it, and the marker after it. */
function meaningOf(text: string, index: number, prevEnd: number, flavour: TableFlavour, inTitle: boolean): Meaning {
  const before = lowerText(text.slice(prevEnd, index));
  const after = lowerText(text.slice(index + 4, index + 16));
  const marker = /^\)?\s*\/?\s*\(\s*n\s*([+-]\s*\d)?\s*\)/.exec(after);
  const evaluation = flavour === "evaluation";
  if (marker) {
    const offset = marker[1] ? Number(marker[1].replace(/\s/g, "")) : 0;
    const shifted = evaluation ? offset - 1 : offset;
    return shifted === 0 ? "N" : shifted === 1 ? "N+1" : shifted === -1 ? "N-1" : shifted === -2 ? "N-2" : "other";
  }
  if (evaluation) {
    if (/\btw\b|triwulan|dievaluasi|evaluasi/.test(before)) return "N-1";
    if (/tahun lalu|n\s*-\s*1/.test(before)) return "N-2";
    if (/renstra|periode|rpjmd/.test(before)) return "renstra";
    return "other";
  }
  if (/renstra|periode|rpjmd|rpjpd/.test(before)) return "renstra";
  if (saysNextYear(before)) return "N+1";
  if (/realisasi|lalu|evaluasi/.test(before)) return "other";
  if (flavour === "review") return "N";
  return inTitle || /rencana|tahun|target|pagu|anggaran|dana/.test(before) || before === "" ? "N" : "other";
}

/** `roleOfColumn` once the roles are known (before, every header year is read by its wording alone). */
export function statedYearsOf(cells: TextCell[], flavour: TableFlavour, inTitle: boolean, roleOfColumn?: (col: number) => ColumnRole | undefined): StatedYear[] {
  const out: StatedYear[] = [];
  for (const cell of cells) {
    let prevEnd = 0;
    for (const y of yearsIn(cell.text)) {
      let meaning = meaningOf(cell.text, y.index, prevEnd, flavour, inTitle);
      prevEnd = y.index + 4;
      if (!inTitle && flavour === "plan" && roleOfColumn) {
        // A plan column's year means what its role says: "Pagu 2026" heads the N+1 money column.
        const role = roleOfColumn(cell.col);
        if (role === "paguN1" || role === "targetN1") meaning = "N+1";
        else if ((role === "paguN" || role === "targetN") && meaning === "other") meaning = "N";
        // A column no role claims ("Target 2028 | Pagu 2028" of a Renstra's multi-year block) states another
        // year of the block, not N: only an explicit "(N)" / prakiraan wording still makes it a claim.
        else if (role === undefined && meaning === "N" && !explicitlyN(cell.text, y.index)) meaning = "other";
      }
      out.push({ row: cell.row, col: cell.col, text: cell.text, year: y.year, meaning });
    }
  }
  return out;
}

/** "2025 (N)" or "(N) 2025": the header itself says the year is N. */
function explicitlyN(text: string, index: number): boolean {
  return /^\)?\s*\/?\s*\(\s*n\s*\)/i.test(text.slice(index + 4, index + 16)) || /\(\s*n\s*\)\s*$/i.test(text.slice(Math.max(0, index - 8), index));
}

/** Plan year N from the stated years: explicit (N)/(N+1) markers first, then the title, then the headers. */
export function planYearOf(title: StatedYear[], headers: StatedYear[], flavour: TableFlavour): number | null {
  const offsets: Partial<Record<Meaning, number>> = { N: 0, "N+1": 1, "N-1": -1, "N-2": -2 };
  const marked = headers.filter((s) => /\(\s*n\s*([+-]\s*\d)?\s*\)/i.test(s.text.slice(s.text.indexOf(String(s.year)))));
  for (const group of [marked, title, headers]) {
    const votes = new Map<number, number>();
    for (const s of group) {
      const off = offsets[s.meaning];
      if (off === undefined) continue;
      // in a title the plan year comes first; a later "prakiraan maju" year may be the slip we must report
      if (group === title && s.meaning !== "N" && flavour !== "evaluation") continue;
      const n = s.year - off;
      votes.set(n, (votes.get(n) ?? 0) + 1);
    }
    if (votes.size > 0) {
      if (group === headers && flavour === "plan") return Math.min(...votes.keys());
      return [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
    }
  }
  return null;
}
