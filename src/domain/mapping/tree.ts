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

/**
 * Position of each row number in a table's rows, built once per rows array: finding IDs and rules ask for rows
 * by number, and a search through 100,000 rows per question costs more than the rules themselves. A position is
 * trusted only while it still holds a row of that number (rows are plain data that callers may edit), else the
 * rows are searched and indexed again; a number the index does not know is searched for too, so an edited table
 * never gets a wrong "no such row".
 */
const rowPositions = new WeakMap<readonly MappedRow[], { length: number; at: Map<number, number> }>();

function positionsOf(rows: readonly MappedRow[]): Map<number, number> {
  const known = rowPositions.get(rows);
  if (known !== undefined && known.length === rows.length) return known.at;
  const at = new Map<number, number>();
  for (let i = 0; i < rows.length; i++) if (!at.has(rows[i].row)) at.set(rows[i].row, i);
  rowPositions.set(rows, { length: rows.length, at });
  return at;
}

export function rowByNumber(table: MappedTable, row: number): MappedRow | undefined {
  const rows = table.rows;
  // small tables are searched: an index would cost more than it saves
  if (rows.length < 64) return rows.find((r) => r.row === row);
  const i = positionsOf(rows).get(row);
  if (i !== undefined && rows[i]?.row === row) return rows[i];
  // a miss, or an index that no longer fits the rows: search, and index again when the index was wrong
  const found = rows.find((r) => r.row === row);
  if (found !== undefined || i !== undefined) rowPositions.delete(rows);
  return found;
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
