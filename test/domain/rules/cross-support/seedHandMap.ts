/**
 * The seed's four tables as sheets laid out like the fixtures (test/fixtures/seedSheets.ts: narrative, titles,
 * blank row, body), amounts as text exactly as in the seed, with a mapping written by hand from the seed text —
 * so the cross-table rules' seed tests do not depend on mapWorkbook alone (seedMappedWorkbook gives mapWorkbook's
 * mapping of the same sheets; the tests assert the same findings on both). Levels: a name starting with PROGRAM is a
 * program; one of the seed's 15 kegiatan names (listed below) a kegiatan; any other named row a sub kegiatan.
 */
import { mapWorkbook } from "../../../../src/domain/mapping/mapWorkbook";
import type { ColumnRole, Level, MappedRow, MappedTable, MappedWorkbook, NarrativeCell, TableKind } from "../../../../src/domain/mapping/types";
import type { CellValue, SheetSnapshot } from "../../../../src/domain/sheet/snapshot";
import { snapshotFromGrid } from "../../../../src/domain/sheet/snapshot";
import { seedLayout, tables, type SeedTableKey } from "../../../fixtures/seedSheets";

/** The kegiatan of the seed (Tabel 3.3, 7, 2.1 and 2.3 spell them slightly differently). */
const KEGIATAN = [
  /^perencanaan, penganggaran/i,
  /^administrasi (keuangan|barang milik|kepegawaian|umum|pendapatan)/i,
  /^pengadaan barang milik daerah penunjang/i,
  /^penyediaan jasa penunjang/i,
  /^pemeliharaan barang milik daerah penunjang/i,
  /^pelaksanaan urusan pemerintahan yang dilimpahkan/i,
  /^koordinasi kegiatan pemberdayaan desa/i,
  /^kegiatan pemberdayaan kelurahan/i,
  /^koordinasi upaya penyelenggaraan/i,
  /^koordinasi penerapan dan penegakan/i,
  /^penyelenggaraan urusan pemerintahan umum/i,
  /^fasilitasi, rekomendasi/i,
];

interface Spec {
  kind: TableKind;
  year: number;
  columns: Partial<Record<ColumnRole, number>>;
  /** Header rows at the top of the body (the column-number row included). */
  headerLines: number;
}

const SPECS: Record<SeedTableKey, Spec> = {
  tabel33: {
    kind: "tabel-3.3", year: 2025, headerLines: 3,
    columns: { kode: 1, uraian: 2, lokasi: 3, indikator: 4, targetN: 5, paguN: 6, sumberDana: 7, catatan: 8, targetN1: 9, paguN1: 10 },
  },
  tabel7: {
    kind: "tabel-7", year: 2025, headerLines: 3,
    columns: { no: 1, uraian: 2, indikator: 3, lokasi: 4, targetN: 5, paguN: 6, sumberDana: 7 },
  },
  tabel23: {
    kind: "tabel-2.3", year: 2024, headerLines: 3,
    columns: { no: 1, rkpdUraian: 2, rkpdIndikator: 3, rkpdLokasi: 4, rkpdTarget: 5, rkpdPagu: 6, uraian: 7, indikator: 8, lokasi: 9, targetN: 10, paguN: 11, catatan: 12 },
  },
  tabel21: {
    kind: "tabel-2.1", year: 2025, headerLines: 4,
    columns: {
      no: 1, sasaran: 2, uraian: 3, indikator: 4, renstraK: 5, renstraRp: 6, realisasiLaluK: 7, realisasiLaluRp: 8,
      targetRenjaK: 9, targetRenjaRp: 10, realisasiRenjaK: 11, realisasiRenjaRp: 12, realisasiAkhirK: 13, realisasiAkhirRp: 14, unitPd: 15,
    },
  },
};

export interface SeedSheet {
  snapshot: SheetSnapshot;
  table: MappedTable;
  narrative?: NarrativeCell;
}

function levelOf(name: string, cells: string[]): Level {
  if (/^(T O T A L|JUMLAH)/i.test(cells[0] ?? "") || /^JUMLAH/i.test(cells[1] ?? "")) return "total";
  if (name === "") return "other";
  const bare = name.replace(/^-\s*/, "");
  if (/^PROGRAM\b/.test(bare)) return "program";
  if (KEGIATAN.some((k) => k.test(bare))) return "kegiatan";
  return "subKegiatan";
}

export function seedSheet(key: SeedTableKey): SeedSheet {
  const seed = tables()[key];
  const spec = SPECS[key];
  const layout = seedLayout(key);
  const grid: CellValue[][] = [];
  const put = (row: number, values: string[]) => {
    grid[row - 1] = values;
  };
  if (layout.narrativeRow !== undefined && seed.narrative) put(layout.narrativeRow, [seed.narrative]);
  seed.title.forEach((line, i) => put(layout.titleRows[i], [line]));
  seed.body.forEach((line, i) => put(layout.rowOf(i), line));
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  const snapshot = snapshotFromGrid(SHEET_NAMES[key], grid);

  const uraianCol = spec.columns.uraian ?? 2;
  const rows: MappedRow[] = [];
  const repeated: number[] = [];
  let program: number | undefined;
  let kegiatan: number | undefined;
  seed.body.forEach((line, i) => {
    if (i < spec.headerLines || line.length === 0) return;
    const row = layout.rowOf(i);
    if (line[0] === seed.body[0][0] && line[1] === seed.body[0][1]) {
      repeated.push(row);
      rows.push({ row, level: "other", uraian: "", confidence: 1 });
      return;
    }
    // Tabel 2.1 rows pasted one cell to the left (no leading "No" cell) carry their name under Sasaran
    const shifted = key === "tabel21" && line[0] === "" && (line[1] ?? "") !== "" && !/^JUMLAH/.test(line[1]);
    const name = (shifted ? line[1] : line[uraianCol - 1] ?? "").trim();
    const level = levelOf(name, line);
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
    rows.push({ row, level, uraian: level === "other" ? "" : name, confidence: 1, parentRow, ...(shifted ? { columnShift: -1 } : {}) });
  });
  const total = rows.find((r) => r.level === "total");
  // As mapping places them (mapping/displacedTotals.ts): Tabel 2.3's totals stand a column away from their headers.
  if (total && key === "tabel23") total.roleColumns = { rkpdPagu: 5, paguN: 12 };
  const table: MappedTable = {
    sheet: SHEET_NAMES[key],
    sheetId: SHEET_NAMES[key],
    kind: spec.kind,
    title: seed.title.join(" "),
    titleRows: layout.titleRows,
    year: spec.year,
    headerRows: Array.from({ length: spec.headerLines - 1 }, (_, i) => layout.firstRow + i),
    repeatedHeaderRows: repeated,
    columnNumberRow: layout.firstRow + spec.headerLines - 1,
    dataRows: [layout.rowOf(spec.headerLines), layout.lastRow],
    totalRow: total?.row,
    columns: spec.columns,
    // The plan tables' sums are witnesses of which table is right (issue 8); the evaluation tables' are not needed here.
    moneyRoles: spec.kind === "tabel-3.3" || spec.kind === "tabel-7" ? (["paguN", "paguN1"] as const).filter((r) => spec.columns[r] !== undefined) : [],
    statedYears: [],
    rows,
  };
  const narrative = layout.narrativeRow !== undefined && seed.narrative ? { sheet: SHEET_NAMES[key], row: layout.narrativeRow, col: 1, text: seed.narrative } : undefined;
  return { snapshot, table, narrative };
}

export const SHEET_NAMES: Record<SeedTableKey, string> = {
  tabel33: "Tabel 3.3",
  tabel7: "Tabel 7",
  tabel23: "Tabel 2.3",
  tabel21: "Tabel 2.1",
};

/** A workbook of the named seed tables, one sheet each, mapped by hand. */
export function seedWorkbook(...keys: SeedTableKey[]): MappedWorkbook {
  const sheets = keys.map(seedSheet);
  return {
    sheets: sheets.map((s) => s.snapshot),
    tables: sheets.map((s) => s.table),
    narratives: sheets.flatMap((s) => (s.narrative ? [s.narrative] : [])),
  };
}

/** The same sheets mapped by mapWorkbook, as `renja check` maps them. */
export function seedMappedWorkbook(...keys: SeedTableKey[]): MappedWorkbook {
  return mapWorkbook(keys.map((k) => seedSheet(k).snapshot));
}
