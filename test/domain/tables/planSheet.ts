/** A generated SheetPlan read back as a sheet snapshot, so mapping and the rules can judge it like any sheet. */
import type { SheetPlan, SheetPlanCell } from "../../../src/domain/plan";
import { a1, snapshotFromGrid, type Cell, type SheetSnapshot } from "../../../src/domain/sheet/snapshot";

export function planSnapshot(plan: SheetPlan): SheetSnapshot {
  const grid: (Cell | undefined)[][] = [];
  for (const c of plan.cells) {
    if (c.value === null && !c.formula) continue;
    (grid[c.row - 1] ??= [])[c.col - 1] = {
      value: c.value,
      formula: c.formula,
      numFmt: c.numFmt,
      bold: c.style?.bold,
      indent: c.style?.indent,
    };
  }
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  return snapshotFromGrid(plan.sheetName, grid, { merges: plan.merges });
}

export function cellOf(plan: SheetPlan, address: string): SheetPlanCell {
  const found = plan.cells.find((c) => a1(c.row, c.col) === address);
  if (!found) throw new Error(`the plan has no cell ${address}`);
  return found;
}

export function mergeRefs(plan: SheetPlan): string[] {
  return plan.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`);
}
