/**
 * A row's target as one text, value and unit together: "12 laporan" where both stand in the target cell, and
 * "95,5 %" where the unit has a column of its own ("Target" 95,5 | "Satuan" %). Every place that shows,
 * generates or checks a target reads it here, so a Satuan column is never dropped.
 */
import { formatRupiah } from "../numbers";
import type { Cell, SheetSnapshot } from "../sheet/snapshot";
import { cellAt, cellText } from "../sheet/snapshot";
import { columnOf } from "./tree";
import type { ColumnRole, MappedRow, MappedTable } from "./types";

export type TargetRole = "targetN" | "targetN1" | "rkpdTarget";

const UNIT_ROLE: Partial<Record<TargetRole, ColumnRole>> = { targetN: "satuanN", targetN1: "satuanN1" };

/** The column of the target's unit, when the table has one for this target. */
export function unitRoleOf(table: MappedTable, role: TargetRole): ColumnRole | undefined {
  const unit = UNIT_ROLE[role];
  return unit !== undefined && table.columns[unit] !== undefined ? unit : undefined;
}

/** A target value written the Indonesian way: 95.5 → "95,5", 2400 → "2.400"; text as written. */
export function targetValueText(cell: Cell | undefined): string {
  if (cell && !cell.error && typeof cell.value === "number" && Number.isFinite(cell.value)) return formatRupiah(cell.value);
  return cellText(cell);
}

/** Value and unit as one text: ("95,5", "%") → "95,5 %"; a value that already ends in its unit is kept. */
export function joinTarget(value: string, unit: string): string {
  const v = value.trim();
  const u = unit.trim();
  if (v === "" || u === "") return v;
  if (v.toLowerCase().endsWith(u.toLowerCase())) return v;
  return `${v} ${u}`;
}

/** The row's target (N, N+1 or the RKPD block's), with its unit from the Satuan column where there is one. */
export function targetText(sheet: SheetSnapshot | undefined, table: MappedTable, row: MappedRow, role: TargetRole): string {
  const col = columnOf(table, row, role);
  if (sheet === undefined || col === undefined) return "";
  const valueCell = cellAt(sheet, row.row, col);
  const unitRole = unitRoleOf(table, role);
  if (unitRole === undefined) return cellText(valueCell);
  const unitCol = columnOf(table, row, unitRole);
  const unit = unitCol === undefined ? "" : cellText(cellAt(sheet, row.row, unitCol));
  return joinTarget(targetValueText(valueCell), unit);
}
