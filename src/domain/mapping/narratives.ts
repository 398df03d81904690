/** Cells outside the tables that state counts or a total ("merencanakan 5 program dan 15 kegiatan … Rp. 4.990.894.675,-"). */
import type { SheetSnapshot } from "../sheet/snapshot";
import type { NarrativeCell } from "./types";

const COUNT = /\d+\s*(\([^)]{0,40}\)\s*)?(program|kegiatan|sub\s*kegiatan)\b/i;
const TOTAL = /(pagu|total|jumlah|anggaran)[^.]{0,80}rp\.?\s*\d/i;

export function isNarrativeText(text: string): boolean {
  return text.length >= 20 && (COUNT.test(text) || TOTAL.test(text));
}

/** Narrative cells of a sheet, skipping the row ranges the tables occupy. */
export function findNarratives(sheet: SheetSnapshot, tableRanges: [number, number][]): NarrativeCell[] {
  const out: NarrativeCell[] = [];
  const inTable = (r: number) => tableRanges.some(([a, b]) => r >= a && r <= b);
  const rows = [...sheet.rows.keys()].sort((a, b) => a - b);
  for (const r of rows) {
    if (inTable(r)) continue;
    const cells = sheet.rows.get(r);
    if (!cells) continue;
    for (const [c, cell] of [...cells.entries()].sort((a, b) => a[0] - b[0])) {
      if (typeof cell.value !== "string") continue;
      const text = cell.value.trim();
      if (isNarrativeText(text)) out.push({ sheet: sheet.name, row: r, col: c, text });
    }
  }
  return out;
}
