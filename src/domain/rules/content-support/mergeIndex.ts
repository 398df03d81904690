/**
 * Which merge covers a cell, answered in O(log n): a kabupaten workbook can hold thousands of merges (a Lokasi
 * merged per kegiatan), and the content rules ask for every cell of every row, so a linear mergeAt per cell is
 * quadratic. Excel merges never overlap, so in one column they are disjoint row ranges and can be searched.
 */
import type { MergeArea, SheetSnapshot } from "../../sheet/snapshot";

type ColumnMerges = MergeArea[];

const cache = new WeakMap<SheetSnapshot, Map<number, ColumnMerges>>();

function indexOf(sheet: SheetSnapshot): Map<number, ColumnMerges> {
  let index = cache.get(sheet);
  if (!index) {
    index = new Map();
    for (const m of sheet.merges) {
      for (let c = m.left; c <= m.right; c++) {
        const list = index.get(c);
        if (list) list.push(m);
        else index.set(c, [m]);
      }
    }
    for (const list of index.values()) list.sort((a, b) => a.top - b.top);
    cache.set(sheet, index);
  }
  return index;
}

export function mergeCovering(sheet: SheetSnapshot, row: number, col: number): MergeArea | undefined {
  if (sheet.merges.length === 0) return undefined;
  const list = indexOf(sheet).get(col);
  if (!list) return undefined;
  let lo = 0;
  let hi = list.length - 1;
  let found: MergeArea | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].top <= row) {
      found = list[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found && found.bottom >= row ? found : undefined;
}
