/** Cells outside the tables that state counts or a total ("merencanakan 5 program dan 15 kegiatan … Rp. 4.990.894.675,-"). */
import type { SheetSnapshot } from "../sheet/snapshot";
import { rowAt, sortedRowNumbers } from "../sheet/snapshot";
import type { NarrativeCell } from "./types";

const COUNT = /\d+\s*(\([^)]{0,40}\)\s*)?(program|kegiatan|sub\s*kegiatan)\b/i;
const TOTAL = /(pagu|total|jumlah|anggaran)[^.]{0,80}rp\.?\s*\d/i;

export function isNarrativeText(text: string): boolean {
  return text.length >= 20 && (COUNT.test(text) || TOTAL.test(text));
}

/** Narrative cells of a sheet, skipping the row ranges the tables occupy. */
export function findNarratives(sheet: SheetSnapshot, tableRanges: [number, number][]): NarrativeCell[] {
  const out: NarrativeCell[] = [];
  const rowNumbers = sortedRowNumbers(sheet);
  // indexed: once per sheet, over every row (an unoptimised for…of allocates an iterator result per row)
  for (let i = 0; i < rowNumbers.length; i++) {
    const r = rowNumbers[i];
    if (inTable(tableRanges, r)) continue;
    const cells = rowAt(sheet, r);
    if (!cells) continue;
    for (const [c, cell] of [...cells.entries()].sort((a, b) => a[0] - b[0])) {
      if (typeof cell.value !== "string") continue;
      const text = cell.value.trim();
      if (isNarrativeText(text)) out.push({ sheet: sheet.name, row: r, col: c, text });
    }
  }
  return out;
}

/** Whether a row lies in one of the tables (a loop: asked for every row of a 100,000-row sheet). */
function inTable(tableRanges: [number, number][], r: number): boolean {
  for (let i = 0; i < tableRanges.length; i++) if (r >= tableRanges[i][0] && r <= tableRanges[i][1]) return true;
  return false;
}
