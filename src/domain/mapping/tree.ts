/** Navigation in a mapped table's row tree (parentRow links set by mapping). */
import type { ColumnRole, Level, MappedRow, MappedTable } from "./types";

export const PLAN_LEVELS: readonly Level[] = ["program", "kegiatan", "subKegiatan"];

export function isPlanLevel(level: Level): boolean {
  return level === "program" || level === "kegiatan" || level === "subKegiatan";
}

/** The level whose rows sum into the given level, if any. */
export function childLevel(level: Level): Level | undefined {
  switch (level) {
    case "total":
      return "program";
    case "program":
      return "kegiatan";
    case "kegiatan":
      return "subKegiatan";
    default:
      return undefined;
  }
}

/** The column holding a role's cell on this row (the table's column, moved by the row's columnShift). */
export function columnOf(table: MappedTable, row: MappedRow, role: ColumnRole): number | undefined {
  const placed = row.roleColumns?.[role];
  if (placed !== undefined) return placed;
  const col = table.columns[role];
  return col === undefined ? undefined : col + (row.columnShift ?? 0);
}

export function rowByNumber(table: MappedTable, row: number): MappedRow | undefined {
  return table.rows.find((r) => r.row === row);
}

/** Direct children of a row (for the total row: every program). */
export function childrenOf(table: MappedTable, parent: MappedRow): MappedRow[] {
  if (parent.level === "total") return table.rows.filter((r) => r.level === "program");
  return table.rows.filter((r) => r.parentRow === parent.row);
}

export function planRows(table: MappedTable): MappedRow[] {
  return table.rows.filter((r) => isPlanLevel(r.level));
}

export function countLevels(table: MappedTable): { program: number; kegiatan: number; subKegiatan: number } {
  const counts = { program: 0, kegiatan: 0, subKegiatan: 0 };
  for (const r of table.rows) {
    if (r.level === "program") counts.program++;
    else if (r.level === "kegiatan") counts.kegiatan++;
    else if (r.level === "subKegiatan") counts.subKegiatan++;
  }
  return counts;
}
