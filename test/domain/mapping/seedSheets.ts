/** Seed tables as pasted sheets: the title lines in rows above the body, as staff paste them from Word. */
import type { CellValue } from "../../../src/domain/sheet/snapshot";
import { snapshotFromGrid, type SheetSnapshot } from "../../../src/domain/sheet/snapshot";
import { seedTables, type SeedTable } from "../../support/seed";

export type SeedName = "tabel21" | "tabel23" | "tabel33" | "tabel7";

/** Title lines (one per row), a blank row, then the body; `lead` blank rows first. Returns the sheet and the body's first row. */
export function pastedGrid(t: SeedTable, opts: { lead?: number; narrative?: boolean } = {}): { grid: CellValue[][]; bodyRow: number } {
  const grid: CellValue[][] = [];
  for (let i = 0; i < (opts.lead ?? 0); i++) grid.push([]);
  if (opts.narrative && t.narrative) grid.push([t.narrative], []);
  for (const line of t.title) grid.push([line]);
  grid.push([]);
  const bodyRow = grid.length + 1;
  for (const r of t.body) grid.push(r.map((c) => (c === "" ? null : c)));
  return { grid, bodyRow };
}

export function seedSheet(name: SeedName, opts: { lead?: number; narrative?: boolean; sheetName?: string } = {}): { sheet: SheetSnapshot; bodyRow: number } {
  const { grid, bodyRow } = pastedGrid(seedTables()[name], opts);
  return { sheet: snapshotFromGrid(opts.sheetName ?? name, grid), bodyRow };
}
