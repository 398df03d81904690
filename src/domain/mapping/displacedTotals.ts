/**
 * Total rows pasted from Word often hold their amounts a column away from their headers, and not always the same
 * way for every money column (the seed's Tabel 2.3: the RKPD total under "Target", the Kebutuhan Dana total under
 * "Catatan Penting"). When a money role's own cell on the total row is empty and exactly one neighbouring cell
 * that belongs to no other money column holds an amount, that cell is the role's cell on this row.
 */
import { readAmount } from "../numbers";
import type { SheetSnapshot } from "../sheet/snapshot";
import { cellAt } from "../sheet/snapshot";
import type { ColumnRole, MappedRow, MappedTable } from "./types";

function holdsAmount(sheet: SheetSnapshot, row: number, col: number): boolean {
  const r = readAmount(cellAt(sheet, row, col));
  return r.status !== "empty" && r.status !== "not-amount";
}

export function placeDisplacedTotals(sheet: SheetSnapshot, table: MappedTable): void {
  const total = table.rows.find((r) => r.row === table.totalRow);
  if (!total) return;
  const moneyCols = new Set(table.moneyRoles.map((r) => table.columns[r]).filter((c): c is number => c !== undefined));
  const placed: Partial<Record<ColumnRole, number>> = {};
  const claimed = new Set<number>();
  for (const role of table.moneyRoles) {
    const col = ownColumn(table, total, role);
    if (col === undefined || holdsAmount(sheet, total.row, col)) continue;
    const options = [col - 1, col + 1].filter((c) => c >= 1 && !moneyCols.has(c) && !claimed.has(c) && holdsAmount(sheet, total.row, c));
    if (options.length !== 1) continue;
    placed[role] = options[0];
    claimed.add(options[0]);
  }
  if (Object.keys(placed).length === 0) return;
  total.roleColumns = { ...total.roleColumns, ...placed };
  total.evidence = [
    ...(total.evidence ?? []),
    ...Object.entries(placed).map(([role, c]) => `${role} total stands in column ${c}, next to its header`),
  ];
}

function ownColumn(table: MappedTable, row: MappedRow, role: ColumnRole): number | undefined {
  const col = table.columns[role];
  return col === undefined ? undefined : col + (row.columnShift ?? 0);
}
