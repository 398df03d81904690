/**
 * mapWorkbook on the seed's four tables, pasted into sheets as staff paste them (title lines above the body).
 * Tabel 3.3 and Tabel 7 counts are DOMAIN.md §7's truth. Tabel 2.1 and 2.3 counts were established by reading the
 * seed row by row (see the comments at their tests).
 */
import { mapWorkbook } from "../../../src/domain/mapping/mapWorkbook";
import { childrenOf, columnOf, countLevels } from "../../../src/domain/mapping/tree";
import type { MappedRow, MappedTable } from "../../../src/domain/mapping/types";
import { snapshotFromGrid, textAt } from "../../../src/domain/sheet/snapshot";
import { seedTables } from "../../support/seed";
import { pastedGrid, seedSheet } from "./seedSheets";

function only(name: Parameters<typeof seedSheet>[0], opts: Parameters<typeof seedSheet>[1] = {}) {
  const { sheet, bodyRow } = seedSheet(name, opts);
  const wb = mapWorkbook([sheet]);
  expect(wb.tables).toHaveLength(1);
  return { wb, table: wb.tables[0], bodyRow, sheet };
}

function rowNamed(table: MappedTable, prefix: string): MappedRow {
  const r = table.rows.find((x) => x.uraian.toLowerCase().startsWith(prefix.toLowerCase()));
  if (!r) throw new Error(`no row ${prefix}`);
  return r;
}

function expectTreeLinks(table: MappedTable): void {
  const byRow = new Map(table.rows.map((r) => [r.row, r]));
  for (const r of table.rows) {
    if (r.level === "kegiatan") expect(byRow.get(r.parentRow ?? -1)?.level).toBe("program");
    if (r.level === "subKegiatan") expect(byRow.get(r.parentRow ?? -1)?.level).toBe("kegiatan");
    expect(r.confidence).toBeGreaterThan(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
  }
}

describe("seed Tabel 3.3", () => {
  const { table, bodyRow, wb } = only("tabel33");
  it("is a tabel-3.3 for N = 2025 with 6 programs, 15 kegiatan, 36 sub kegiatan", () => {
    expect(table.kind).toBe("tabel-3.3");
    expect(table.year).toBe(2025);
    expect(countLevels(table)).toEqual({ program: 6, kegiatan: 15, subKegiatan: 36 });
    expectTreeLinks(table);
  });
  it("finds the header rows, the column-number row, the title and the T O T A L row", () => {
    expect(table.headerRows).toEqual([bodyRow, bodyRow + 1]);
    expect(table.columnNumberRow).toBe(bodyRow + 2);
    expect(table.repeatedHeaderRows).toContain(bodyRow + 2);
    expect(table.title).toMatch(/^Tabel 3\.3 RUMUSAN RENCANA PROGRAM/);
    expect(table.titleRows).toEqual([1, 2, 3, 4]);
    const lastBodyRow = bodyRow + seedTables().tabel33.body.length - 1;
    expect(table.totalRow).toBe(lastBodyRow);
    expect(table.dataRows).toEqual([bodyRow + 3, lastBodyRow]);
    expect(table.rows.find((r) => r.row === lastBodyRow)?.level).toBe("total");
    expect(childrenOf(table, table.rows[table.rows.length - 1])).toHaveLength(6);
  });
  it("assigns roles at the seed's positions (Lokasi moved to column 3, Indikator to 4)", () => {
    expect(table.columns).toEqual({
      kode: 1, uraian: 2, lokasi: 3, indikator: 4, targetN: 5, paguN: 6, sumberDana: 7, catatan: 8, targetN1: 9, paguN1: 10,
    });
    expect(table.moneyRoles).toEqual(["paguN", "paguN1"]);
  });
  it("reads the years: the title's PRAKIRAAN MAJU TAHUN 2025 is stated as N+1 (the slip year-mismatch reports)", () => {
    const y = table.statedYears.map((s) => [s.year, s.meaning]);
    expect(y).toContainEqual([2025, "N"]);
    expect(y).toContainEqual([2025, "N+1"]);
    expect(y).toContainEqual([2026, "N+1"]);
    const wrong = table.statedYears.filter((s) => s.meaning === "N+1" && s.year !== 2026);
    expect(wrong).toHaveLength(1);
    expect(wrong[0].text).toBe("DAN PRAKIRAAN MAJU TAHUN 2025");
  });
  it("tells kegiatan from sub kegiatan where names are close and amounts equal", () => {
    expect(rowNamed(table, "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan").level).toBe("kegiatan");
    expect(rowNamed(table, "Pelaksanaan Urusan Pemerintahan yang terkait").level).toBe("subKegiatan");
    expect(rowNamed(table, "Penyelenggaraan Urusan Pemerintahan Umum").level).toBe("kegiatan");
    expect(rowNamed(table, "Pelaksanaan Tugas Forum").level).toBe("subKegiatan");
    expect(rowNamed(table, "Penyediaan Peralatan Rumah Tangga").level).toBe("subKegiatan");
    expect(rowNamed(table, "Perencanaan Kebutuhan barang").level).toBe("subKegiatan");
  });
  it("infers kode from the catalogue and says which entry it matched", () => {
    const r = rowNamed(table, "Koordinasi upaya Penyelenggaraan Keutentraman");
    expect(r.kode).toBe("7.01.04.2.01");
    expect(r.kodeInferred).toBe(true);
    expect(r.catalogue?.name).toBe("Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum");
    expect(r.catalogue?.similarity).toBeGreaterThan(0.85);
    expect(r.catalogue?.similarity).toBeLessThan(1);
    expect(r.catalogue?.regulation).toMatch(/Kepmendagri/);
    expect(rowNamed(table, "PROGRAM PENUNJANG").kode).toBe("7.01.01");
    expect(rowNamed(table, "Penyediaan Bahan Bacaandan").kode).toBe("7.01.01.2.06.0006");
    for (const r2 of table.rows.filter((x) => x.level === "kegiatan" || x.level === "subKegiatan")) {
      expect(r2.catalogue).toBeDefined();
      const parent = table.rows.find((p) => p.row === r2.parentRow);
      if (r2.kode && parent?.kode) expect(r2.kode.startsWith(parent.kode + ".")).toBe(true);
    }
  });
  it("finds no narrative when none is on the sheet", () => {
    expect(wb.narratives).toEqual([]);
  });
});

describe("seed Tabel 7", () => {
  const { table, wb, sheet } = only("tabel7", { narrative: true });
  it("is a tabel-7 (no N+1 column) for 2025 with 6 programs, 15 kegiatan, 35 sub kegiatan", () => {
    expect(table.kind).toBe("tabel-7");
    expect(table.year).toBe(2025);
    expect(countLevels(table)).toEqual({ program: 6, kegiatan: 15, subKegiatan: 35 });
    expect(table.columns).toEqual({ no: 1, uraian: 2, indikator: 3, lokasi: 4, targetN: 5, paguN: 6, sumberDana: 7 });
    expect(table.totalRow).toBe(table.dataRows[1]);
    expectTreeLinks(table);
  });
  it("keeps the wrapped line 'perundangan yang berlaku (%)' as other, between its program and the kegiatan", () => {
    const wrapped = table.rows.find((r) => textAt(sheet, r.row, 3) === "perundangan yang berlaku (%)");
    expect(wrapped?.level).toBe("other");
    const next = table.rows[table.rows.indexOf(wrapped as MappedRow) + 1];
    expect(next.level).toBe("kegiatan");
    expect(table.rows.find((r) => r.row === next.parentRow)?.uraian).toMatch(/^PROGRAM PEMBINAAN/);
  });
  it("finds the Bab IV sentence above the table as a narrative, not as a title", () => {
    expect(wb.narratives).toHaveLength(1);
    expect(wb.narratives[0]).toMatchObject({ sheet: "tabel7", row: 1, col: 1 });
    expect(wb.narratives[0].text).toMatch(/5 program dan 15 kegiatan dan 37 sub kegiatan/);
    expect(table.title).toBe("Tabel.7 RENCANA KERJA DAN PENDANAAN KANTOR KEC.TOMONI KABUPATEN LUWU TIMUR TAHUN 2025");
  });
});

describe("seed Tabel 2.1", () => {
  const { table, sheet, bodyRow } = only("tabel21");
  // Counts established by reading the seed (lines 195–276): programs are the six "PROGRAM …" rows; kegiatan are the
  // names of the kegiatan list (Pelaksanaan Urusan … Dilimpahkan kepada Camat, Koordinasi Kegiatan Pemberdayaan
  // Desa, Kegiatan Pemberdayaan Kelurahan, Koordinasi Upaya …, Koordinasi Penerapan …, Penyelenggaraan Urusan
  // Pemerintahan Umum …, Fasilitasi, Rekomendasi …, and the nine Administrasi/Pengadaan/Penyediaan Jasa/
  // Pemeliharaan kegiatan of the support program, including Administrasi Pendapatan): 16. Every other named row
  // is a sub kegiatan (with or without the leading "-"): 1+2+2+2+1+1+4+4+2+1+1+3+7+4+4+4 = 43.
  it("is a tabel-2.1 for N = 2025 (it evaluates 2024) with 6 programs, 16 kegiatan, 43 sub kegiatan", () => {
    expect(table.kind).toBe("tabel-2.1");
    expect(table.year).toBe(2025);
    expect(countLevels(table)).toEqual({ program: 6, kegiatan: 16, subKegiatan: 43 });
    expectTreeLinks(table);
  });
  it("maps the K/Rp pairs under their group headers", () => {
    expect(table.columns).toEqual({
      no: 1, sasaran: 2, uraian: 3, indikator: 4, renstraK: 5, renstraRp: 6, realisasiLaluK: 7, realisasiLaluRp: 8,
      targetRenjaK: 9, targetRenjaRp: 10, realisasiRenjaK: 11, realisasiRenjaRp: 12, realisasiAkhirK: 13, realisasiAkhirRp: 14, unitPd: 15,
    });
    expect(table.moneyRoles).toEqual(["renstraRp", "realisasiLaluRp", "targetRenjaRp", "realisasiRenjaRp", "realisasiAkhirRp"]);
  });
  it("reads its years in the plan's frame: 2024 is N-1, 2023 (tahun lalu) N-2, 2026 the Renstra end", () => {
    const y = table.statedYears.map((s) => [s.year, s.meaning]);
    expect(y).toEqual([[2026, "renstra"], [2023, "N-2"], [2024, "N-1"], [2024, "N-1"], [2024, "N-1"]]);
  });
  it("sets the header rows repeated at the six page breaks and the broken '1 2 3 4 …' row apart", () => {
    expect(table.headerRows).toEqual([bodyRow, bodyRow + 1, bodyRow + 2]);
    expect(table.columnNumberRow).toBe(bodyRow + 3);
    const repeated = table.repeatedHeaderRows.filter((r) => r !== table.columnNumberRow);
    expect(repeated).toHaveLength(6);
    for (const r of repeated) expect(textAt(sheet, r, 2)).toBe("Sasaran");
    expect(table.rows.filter((r) => r.level === "other")).toHaveLength(6);
  });
  it("reads the rows pasted one cell to the left at their shifted columns", () => {
    const shifted = table.rows.filter((r) => r.columnShift !== undefined);
    // seed lines 210–219: "- Pembangunan Sarana dan Pra sarana" … "- Pelaksanaan Tugas Forum …"
    expect(shifted.map((r) => r.columnShift)).toEqual(new Array(10).fill(-1));
    expect(shifted[0].uraian).toBe("- Pembangunan Sarana dan Pra sarana");
    expect(shifted[0].level).toBe("subKegiatan");
    const program = rowNamed(table, "PROGRAM KOORDINASI KETENTRAMAN");
    expect(program.columnShift).toBe(-1);
    expect(textAt(sheet, program.row, columnOf(table, program, "renstraRp") ?? 0)).toBe("45,000,000");
  });
  it("ends at the JUMLAH row", () => {
    expect(table.totalRow).toBe(table.dataRows[1]);
    expect(textAt(sheet, table.totalRow ?? 0, 2)).toBe("JUMLAH");
  });
});

describe("seed Tabel 2.3", () => {
  const { table } = only("tabel23");
  // Counts established by reading the seed (lines 354–429), by the "Hasil Analisis Kebutuhan" names: the six
  // programs; kegiatan: the nine of the support program plus Pelaksanaan … Dilimpahkan, Koordinasi Kegiatan
  // Pemberdayaan Desa, Kegiatan Pemberdayaan Kelurahan, Koordinasi Upaya …, Koordinasi Penerapan …,
  // Penyelenggaraan Urusan Pemerintahan Umum …, Fasilitasi, Rekomendasi … = 16; sub kegiatan 30 + 1 + 4 + 3 + 1 + 4 = 43.
  it("is a tabel-2.3 reviewing the RKPD draft of 2024 (its title's year is its N)", () => {
    expect(table.kind).toBe("tabel-2.3");
    expect(table.year).toBe(2024);
    expect(table.statedYears.map((s) => [s.year, s.meaning])).toEqual([[2024, "N"]]);
    expect(countLevels(table)).toEqual({ program: 6, kegiatan: 16, subKegiatan: 43 });
    expectTreeLinks(table);
  });
  it("gives the Rancangan Awal block rkpd roles and the Hasil Analisis block plan roles (Kebutuhan Dana = paguN)", () => {
    expect(table.columns).toEqual({
      no: 1, rkpdUraian: 2, rkpdIndikator: 3, rkpdLokasi: 4, rkpdTarget: 5, rkpdPagu: 6,
      uraian: 7, indikator: 8, lokasi: 9, targetN: 10, paguN: 11, catatan: 12,
    });
    expect(table.moneyRoles).toEqual(["paguN", "rkpdPagu"]);
    expect(table.totalRow).toBe(table.dataRows[1]);
  });
  it("places the JUMLAH TOTAL amounts that stand a column away from their headers, each its own way", () => {
    const total = table.rows.find((r) => r.row === table.totalRow) as MappedRow;
    // The seed's line: JUMLAH TOTAL, 6,490,509,839 under "Target" (E), then 4,841,693,425 under "Catatan" (L).
    expect(total.roleColumns).toEqual({ rkpdPagu: 5, paguN: 12 });
    expect(columnOf(table, total, "paguN")).toBe(12);
    expect(columnOf(table, total, "rkpdPagu")).toBe(5);
    // Program rows keep their own columns.
    const program = table.rows.find((r) => r.level === "program") as MappedRow;
    expect(program.roleColumns).toBeUndefined();
  });
});

describe("all four seed tables on one sheet", () => {
  it("finds each table where it starts, in order, with the same counts", () => {
    const t = seedTables();
    const grid = [];
    for (const name of ["tabel21", "tabel23", "tabel33", "tabel7"] as const) {
      grid.push(["Beberapa paragraf teks laporan di antara tabel, seperti dalam dokumen Word aslinya."], [], []);
      grid.push(...pastedGrid(t[name], { narrative: name === "tabel7" }).grid);
      grid.push([], []);
    }
    const wb = mapWorkbook([snapshotFromGrid("Renja", grid), snapshotFromGrid("Kosong", [["Catatan"], ["tidak ada tabel di sini"]])]);
    expect(wb.tables.map((x) => x.kind)).toEqual(["tabel-2.1", "tabel-2.3", "tabel-3.3", "tabel-7"]);
    expect(wb.tables.map((x) => countLevels(x))).toEqual([
      { program: 6, kegiatan: 16, subKegiatan: 43 },
      { program: 6, kegiatan: 16, subKegiatan: 43 },
      { program: 6, kegiatan: 15, subKegiatan: 36 },
      { program: 6, kegiatan: 15, subKegiatan: 35 },
    ]);
    expect(wb.tables.every((x) => x.sheet === "Renja")).toBe(true);
    expect(wb.narratives.map((n) => n.text.slice(0, 30))).toEqual(["Pada Tahun 2025 Kantor Kecamat"]);
  });
});
