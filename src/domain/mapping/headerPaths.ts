/**
 * The header text of each column, top to bottom ("Rencana Tahun 2025 (N)" > "Kebutuhan Dana/ Pagu Indikatif"),
 * with group headers carried over the columns they span: by the sheet's merges, or — in a paste that lost its
 * merges — from the left while the columns below hold sub-headers.
 */
import type { SheetSnapshot } from "../sheet/snapshot";
import { cellAt, cellText } from "../sheet/snapshot";
import { smallInteger } from "./text";

export interface ColumnHeader {
  col: number;
  /** Non-empty header texts top to bottom (group numbers left out, repeats merged). */
  path: string[];
  /** A group number printed in the header ("5", "6", … in the seed's Tabel 2.1), if any. */
  groupNumber?: number;
}

export function columnHeaders(sheet: SheetSnapshot, headerRows: number[], firstCol: number, lastCol: number): ColumnHeader[] {
  const width = lastCol - firstCol + 1;
  const grid: string[][] = headerRows.map(() => new Array<string>(width).fill(""));
  headerRows.forEach((r, i) => {
    for (let c = firstCol; c <= lastCol; c++) grid[i][c - firstCol] = cellText(cellAt(sheet, r, c));
  });
  for (const m of sheet.merges) {
    const text = cellText(cellAt(sheet, m.top, m.left));
    if (text === "") continue;
    headerRows.forEach((r, i) => {
      if (r < m.top || r > m.bottom) return;
      for (let c = Math.max(m.left, firstCol); c <= Math.min(m.right, lastCol); c++) {
        if (grid[i][c - firstCol] === "") grid[i][c - firstCol] = text;
      }
    });
  }
  const hasBelow = (i: number, x: number) => {
    for (let j = i + 1; j < grid.length; j++) if (grid[j][x] !== "") return true;
    return false;
  };
  for (let i = 0; i < grid.length - 1; i++) {
    for (let x = 1; x < width; x++) {
      if (grid[i][x] === "" && grid[i][x - 1] !== "" && hasBelow(i, x - 1) && hasBelow(i, x)) grid[i][x] = grid[i][x - 1];
    }
  }
  const out: ColumnHeader[] = [];
  for (let x = 0; x < width; x++) {
    const col = firstCol + x;
    const path: string[] = [];
    let groupNumber: number | undefined;
    grid.forEach((rowTexts, i) => {
      const t = rowTexts[x];
      if (t === "") return;
      const n = smallInteger(cellAt(sheet, headerRows[i], col)) ?? (/^\d{1,2}$/.test(t) ? Number(t) : undefined);
      if (n !== undefined) {
        groupNumber = n;
        return;
      }
      if (path[path.length - 1] !== t) path.push(t);
    });
    out.push({ col, path, groupNumber });
  }
  return out;
}
