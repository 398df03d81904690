/**
 * Hand-made tables of any kind for the cross-table rules' tests: a grid (row 1 first) and the mapping a test
 * states for it, so a test does not depend on mapWorkbook.
 */
import type { Cell, CellValue } from "../../../../src/domain/sheet/snapshot";
import { snapshotFromGrid } from "../../../../src/domain/sheet/snapshot";
import type { ColumnRole, Level, MappedRow, MappedTable, MappedWorkbook, NarrativeCell, TableKind } from "../../../../src/domain/mapping/types";

export type Grid = (CellValue | Cell | undefined)[][];

export interface HandTableSpec {
  sheet: string;
  kind: TableKind;
  year?: number | null;
  /** 1-based rows of the title and header; data rows are those listed in `levels`. */
  titleRows?: number[];
  headerRows: number[];
  columns: Partial<Record<ColumnRole, number>>;
  /** row -> level, in sheet order; parents are derived (program > kegiatan > sub kegiatan). */
  levels: Array<[number, Level]>;
  totalRow?: number;
  /** Column holding the row's name (for MappedRow.uraian); defaults to the uraian role's column. */
  nameCol?: number;
}

export function handTable(grid: Grid, spec: HandTableSpec): MappedTable {
  const nameCol = spec.nameCol ?? spec.columns.uraian ?? 1;
  const text = (row: number) => {
    const v = grid[row - 1]?.[nameCol - 1];
    const raw = v !== null && typeof v === "object" ? v.value : v;
    return raw === null || raw === undefined ? "" : String(raw).trim();
  };
  let program: number | undefined;
  let kegiatan: number | undefined;
  const rows: MappedRow[] = spec.levels.map(([row, level]) => {
    let parentRow: number | undefined;
    if (level === "program") {
      program = row;
      kegiatan = undefined;
    } else if (level === "kegiatan") {
      parentRow = program;
      kegiatan = row;
    } else if (level === "subKegiatan") {
      parentRow = kegiatan;
    }
    return { row, level, uraian: text(row), confidence: 1, parentRow };
  });
  const dataRows = spec.levels.map(([r]) => r);
  return {
    sheet: spec.sheet,
    sheetId: spec.sheet,
    kind: spec.kind,
    title: "",
    titleRows: spec.titleRows ?? [],
    year: spec.year ?? null,
    headerRows: spec.headerRows,
    repeatedHeaderRows: [],
    dataRows: [Math.min(...dataRows), Math.max(...dataRows)],
    totalRow: spec.totalRow,
    columns: spec.columns,
    moneyRoles: [],
    statedYears: [],
    rows,
  };
}

export function handWorkbook(
  tables: Array<{ grid: Grid; table: MappedTable }>,
  narratives: NarrativeCell[] = [],
): MappedWorkbook {
  const sheets = new Map<string, Grid>();
  for (const t of tables) sheets.set(t.table.sheet, t.grid);
  return {
    sheets: [...sheets].map(([name, grid]) => snapshotFromGrid(name, grid)),
    tables: tables.map((t) => t.table),
    narratives,
  };
}
