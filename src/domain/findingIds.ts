/**
 * Stable finding IDs: the same note keeps its ID when the unit resubmits a corrected workbook with rows inserted
 * elsewhere or a sheet renamed, so a re-check can say which notes are resolved. An ID is built from what the
 * finding is about, never from where it sits: the rule, the table kind (and which table of that kind, in
 * workbook order), the row's kode — or its normalised name and level when it has none — or the row's part of
 * the table (total, title, header, narrative), and the column role. Neither the sheet name nor a row number
 * enters it.
 */
import type { Finding } from "./findings";
import type { ColumnRole, MappedRow, MappedTable, MappedWorkbook } from "./mapping/types";
import { RowIndex } from "./analysis/rowIndex";
import { compactNormalizedName } from "./nomenclature/normalize";
import { parseA1 } from "./sheet/snapshot";
import { shortHash as hash } from "./hash";

/** Every finding with its `id`; findings that describe the same thing twice get "-2", "-3"… in their order. */
export function assignFindingIds(findings: readonly Finding[], workbook: MappedWorkbook): Finding[] {
  const keyOf = findingKeyer(workbook);
  const used = new Map<string, number>();
  return findings.map((f) => {
    const base = `${f.rule}-${hash(keyOf(f))}`;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return { id: n === 1 ? base : `${base}-${n}`, ...f };
  });
}

/** The text an ID is the hash of (exported for tests and for explaining an ID). */
export function findingKeyer(workbook: MappedWorkbook): (f: Finding) => string {
  const ordinal = new Map<MappedTable, number>();
  const perKind = new Map<string, number>();
  for (const t of workbook.tables) {
    const n = perKind.get(t.kind) ?? 0;
    ordinal.set(t, n);
    perKind.set(t.kind, n + 1);
  }
  const narrativeIndex = new Map(workbook.narratives.map((n, i) => [`${n.sheet}\u0000${n.row}`, i]));
  const sheetIndex = new Map(workbook.sheets.map((s, i) => [s.name, i]));
  // Rows by number, indexed once per table when a finding first asks: a search of 100,000 rows per finding
  // cost more than all the findings' hashes.
  const rowIndexes = new Map<MappedTable, RowIndex<MappedRow>>();
  const rowOf = (table: MappedTable, row: number): MappedRow | undefined => {
    let index = rowIndexes.get(table);
    if (!index) {
      index = new RowIndex<MappedRow>(table.rows);
      // the first row with a number wins, as a search from the top finds it
      for (let i = table.rows.length - 1; i >= 0; i--) index.set(table.rows[i].row, table.rows[i]);
      rowIndexes.set(table, index);
    }
    return index.get(row);
  };

  return (f) => {
    const col = columnOfCell(f.cell);
    const table = tableOf(workbook.tables, f);
    const narrative = narrativeIndex.get(`${f.sheet}\u0000${f.row}`);
    if (!table) {
      const where = narrative !== undefined ? `narrative#${narrative}` : `sheet#${sheetIndex.get(f.sheet) ?? -1}:${f.cell}`;
      return [f.rule, where, f.role ?? ""].join("|");
    }
    const kind = `${table.kind}#${ordinal.get(table) ?? 0}`;
    const role = f.role ?? roleAtColumn(table, col) ?? `col${col - firstColumn(table)}`;
    return [f.rule, kind, placeInTable(table, f, narrative, rowOf), role].join("|");
  };
}

function placeInTable(table: MappedTable, f: Finding, narrative: number | undefined, rowOf: (table: MappedTable, row: number) => MappedRow | undefined): string {
  if (narrative !== undefined) return `narrative#${narrative}`;
  if (table.totalRow === f.row) return "total";
  const row = f.row >= table.dataRows[0] && f.row <= table.dataRows[1] ? rowOf(table, f.row) : undefined;
  if (row) {
    if (row.level === "total") return "total";
    if (row.kode && !row.kodeInferred) return `kode:${row.kode}`;
    return `${row.level}:${compactNormalizedName(row.uraian)}`;
  }
  const titleIndex = table.titleRows.indexOf(f.row);
  if (titleIndex >= 0) return `title#${titleIndex}`;
  const headerIndex = table.headerRows.indexOf(f.row);
  if (headerIndex >= 0) return `header#${headerIndex}`;
  if (f.row === table.columnNumberRow) return "column-numbers";
  if (table.repeatedHeaderRows.includes(f.row)) return "repeated-header";
  return f.row < table.dataRows[0] ? "above" : "below";
}

/** The table a finding is about: the one whose rows hold it, else the nearest one on its sheet below it. */
function tableOf(tables: readonly MappedTable[], f: Finding): MappedTable | undefined {
  const onSheet = tables.filter((t) => t.sheet === f.sheet);
  const inside = onSheet.find((t) => f.row >= Math.min(t.dataRows[0], ...t.titleRows, ...t.headerRows) && f.row <= t.dataRows[1]);
  if (inside) return inside;
  const below = onSheet.filter((t) => t.dataRows[0] > f.row).sort((a, b) => a.dataRows[0] - b.dataRows[0]);
  return below[0] ?? onSheet[onSheet.length - 1];
}

function roleAtColumn(table: MappedTable, col: number): ColumnRole | undefined {
  for (const [role, c] of Object.entries(table.columns) as [ColumnRole, number][]) if (c === col) return role;
  return undefined;
}

function firstColumn(table: MappedTable): number {
  return Math.min(...(Object.values(table.columns) as number[]));
}

function columnOfCell(cell: string): number {
  return parseA1(cell)?.col ?? 1;
}
