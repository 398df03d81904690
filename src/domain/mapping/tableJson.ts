/**
 * The Table shape of the DESIGN.md CLI contract (`check --json`), projected from a MappedTable. Pure: no Node,
 * no ExcelJS, so the add-in can show and export the same shape.
 */
import type { ColumnRole, Level, MappedRow, MappedTable, TableKind } from "./types";
import { countLevels } from "./tree";
import { columnLetter } from "../sheet/snapshot";

export interface TableJson {
  sheet: string;
  kind: TableKind;
  title: string;
  year: number | null;
  headerRows: number[];
  dataRows: [number, number];
  totalRow?: number;
  /** Role -> column letters ("F"), in sheet column order. */
  columns: Partial<Record<ColumnRole, string>>;
  counts: { program: number; kegiatan: number; subKegiatan: number };
  rows: TableRowJson[];
}

export interface TableRowJson {
  row: number;
  level: Level;
  kode?: string;
  kodeInferred?: boolean;
  uraian: string;
  confidence: number;
}

export function tableToJson(table: MappedTable): TableJson {
  const json: TableJson = {
    sheet: table.sheet,
    kind: table.kind,
    title: table.title,
    year: table.year,
    headerRows: [...table.headerRows],
    dataRows: [table.dataRows[0], table.dataRows[1]],
    columns: columnsByLetter(table.columns),
    counts: countLevels(table),
    rows: table.rows.map(rowToJson),
  };
  if (table.totalRow !== undefined) json.totalRow = table.totalRow;
  return json;
}

function columnsByLetter(columns: MappedTable["columns"]): Partial<Record<ColumnRole, string>> {
  const entries = (Object.entries(columns) as [ColumnRole, number | undefined][]).filter(
    (e): e is [ColumnRole, number] => typeof e[1] === "number",
  );
  entries.sort((a, b) => a[1] - b[1]);
  const out: Partial<Record<ColumnRole, string>> = {};
  for (const [role, col] of entries) out[role] = columnLetter(col);
  return out;
}

function rowToJson(r: MappedRow): TableRowJson {
  const withKode = r.kode !== undefined ? { kode: r.kode, kodeInferred: r.kodeInferred === true } : {};
  return { row: r.row, level: r.level, ...withKode, uraian: r.uraian, confidence: roundConfidence(r.confidence) };
}

/** Two decimals are all a reader can use; they also keep float noise (0.30000000000000004) out of the JSON. */
function roundConfidence(c: number): number {
  return Math.round(Math.min(1, Math.max(0, c)) * 100) / 100;
}
