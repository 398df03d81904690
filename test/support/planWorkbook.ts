/**
 * Hand-made plan tables for rule tests: a sheet laid out like Tabel 3.3 (official order) and its mapping,
 * built together so that a test states only the rows that matter.
 *   A kode | B uraian | C indikator | D lokasi | E targetN | F paguN | G sumberDana | H catatan | I targetN1 | J paguN1
 * Row 1: title; rows 2–3: headers; row 4: column numbers; data from row 5.
 */
import type { Cell, CellValue } from "../../src/domain/sheet/snapshot";
import { snapshotFromGrid } from "../../src/domain/sheet/snapshot";
import type { ColumnRole, Level, MappedRow, MappedTable, MappedWorkbook, TableKind } from "../../src/domain/mapping/types";

export interface PlanRowSpec {
  level: Level;
  uraian: string;
  kode?: string;
  indikator?: CellValue | Cell;
  lokasi?: CellValue | Cell;
  targetN?: CellValue | Cell;
  paguN?: CellValue | Cell;
  sumberDana?: CellValue | Cell;
  catatan?: CellValue | Cell;
  targetN1?: CellValue | Cell;
  paguN1?: CellValue | Cell;
}

export const PLAN_COLUMNS: Partial<Record<ColumnRole, number>> = {
  kode: 1, uraian: 2, indikator: 3, lokasi: 4, targetN: 5, paguN: 6, sumberDana: 7, catatan: 8, targetN1: 9, paguN1: 10,
};

export const FIRST_DATA_ROW = 5;

export function planTable(
  rows: PlanRowSpec[],
  opts: { sheet?: string; kind?: TableKind; year?: number; title?: string } = {},
): { table: MappedTable; grid: (CellValue | Cell | undefined)[][] } {
  const sheet = opts.sheet ?? "Tabel 3.3";
  const year = opts.year ?? 2025;
  const kind = opts.kind ?? "tabel-3.3";
  const title = opts.title ?? `RUMUSAN RENCANA PROGRAM DAN KEGIATAN TAHUN ${year} DAN PRAKIRAAN MAJU TAHUN ${year + 1}`;
  const grid: (CellValue | Cell | undefined)[][] = [
    [title],
    ["KODE", "Program/Kegiatan", "Indikator", "Lokasi", `Rencana Tahun ${year}`, null, null, "Catatan", `Prakiraan Maju ${year + 1}`],
    [null, null, null, null, "Target", "Pagu Indikatif", "Sumber Dana", null, "Target", "Pagu Indikatif"],
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  ];
  const mapped: MappedRow[] = [];
  let program: number | undefined;
  let kegiatan: number | undefined;
  rows.forEach((spec, i) => {
    const r = FIRST_DATA_ROW + i;
    grid.push([
      spec.kode ?? null, spec.uraian, spec.indikator ?? null, spec.lokasi ?? null, spec.targetN ?? null,
      spec.paguN ?? null, spec.sumberDana ?? null, spec.catatan ?? null, spec.targetN1 ?? null, spec.paguN1 ?? null,
    ]);
    let parentRow: number | undefined;
    if (spec.level === "program") {
      program = r;
      kegiatan = undefined;
    } else if (spec.level === "kegiatan") {
      parentRow = program;
      kegiatan = r;
    } else if (spec.level === "subKegiatan") {
      parentRow = kegiatan;
    }
    mapped.push({ row: r, level: spec.level, uraian: spec.uraian, confidence: 1, parentRow, kode: spec.kode });
  });
  const last = FIRST_DATA_ROW + rows.length - 1;
  const totalRow = rows.find((r) => r.level === "total") ? mapped.find((m) => m.level === "total")?.row : undefined;
  const table: MappedTable = {
    sheet,
    sheetId: sheet,
    kind,
    title,
    titleRows: [1],
    year,
    headerRows: [2, 3],
    repeatedHeaderRows: [4],
    columnNumberRow: 4,
    dataRows: [FIRST_DATA_ROW, last],
    totalRow,
    columns: kind === "tabel-7" ? withoutN1(PLAN_COLUMNS) : { ...PLAN_COLUMNS },
    moneyRoles: kind === "tabel-7" ? ["paguN"] : ["paguN", "paguN1"],
    statedYears: [],
    rows: mapped,
  };
  return { table, grid };
}

function withoutN1(cols: Partial<Record<ColumnRole, number>>): Partial<Record<ColumnRole, number>> {
  const { targetN1: _t, paguN1: _p, ...rest } = cols;
  return rest;
}

/** A workbook of one or more hand-made plan tables (one sheet each). */
export function planWorkbook(...tables: Array<ReturnType<typeof planTable>>): MappedWorkbook {
  return {
    sheets: tables.map((t) => snapshotFromGrid(t.table.sheet, t.grid)),
    tables: tables.map((t) => t.table),
    narratives: [],
  };
}
