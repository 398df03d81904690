/** Tabel 2.1 from the seed's evaluation table (86/2017 K/Rp form) and from a small T-C.29 sheet. */
import { mapWorkbook } from "../../../src/domain/mapping/mapWorkbook";
import type { MappedWorkbook } from "../../../src/domain/mapping/types";
import type { SheetPlan } from "../../../src/domain/plan";
import { snapshotFromGrid } from "../../../src/domain/sheet/snapshot";
import { buildTabel21, isBuildError, type Tabel21Options } from "../../../src/domain/tables";
import { validate } from "../../../src/domain/validate";
import { seedSheet } from "../mapping/seedSheets";
import { cellOf, mergeRefs, planSnapshot } from "./planSheet";

function build(workbook: MappedWorkbook, opts: Partial<Tabel21Options> = {}): SheetPlan {
  const plan = buildTabel21(workbook, { existingSheets: workbook.sheets.map((s) => s.name), ...opts });
  if (isBuildError(plan)) throw new Error(plan.error.en);
  return plan;
}

describe("Tabel 2.1 (86/2017 form) from the seed's evaluation table", () => {
  const workbook = mapWorkbook([seedSheet("tabel21", { sheetName: "Tabel 2.1" }).sheet]);
  const plan = build(workbook);

  it("titles the evaluated year N-1 and pairs K/Rp under merged group headers", () => {
    expect(plan.table).toBe("tabel-2.1");
    expect(cellOf(plan, "A2").value).toBe("EVALUASI PELAKSANAAN RENJA KANTOR KECAMATAN TOMONI DAN PENCAPAIAN RENSTRA S/D TAHUN 2024");
    expect(cellOf(plan, "E5").value).toBe("Target Renstra PD pada Akhir Periode Renstra PD");
    expect([cellOf(plan, "E6").value, cellOf(plan, "F6").value]).toEqual(["K", "Rp"]);
    expect(mergeRefs(plan)).toEqual(expect.arrayContaining(["E5:F5", "E7:F7", "A5:A6", "Q5:Q6", "R5:R6"]));
    // Without quarterly figures the quarter columns are left out: numbers jump from 7 to 12.
    expect([cellOf(plan, "I7").value, cellOf(plan, "K7").value]).toEqual([7, 12]);
    expect(plan.notices.map((n) => n.en).join("\n")).toMatch(/no quarterly realisations/);
  });

  it("computes realisation, capaian (%) and predikat with formulas and cached results", () => {
    // Row 8: the first program, "Persentase …" (a final value): 13 = the latest of 6 and 12 (75%, not
    // 12,22% + 75%), 14 = 13 / 5.
    expect(cellOf(plan, "M8")).toMatchObject({ formula: "IF(ISNUMBER(K8),K8,G8)", value: 75, numFmt: 'General"%"' });
    expect(cellOf(plan, "O8")).toMatchObject({ formula: 'IFERROR(M8/E8,"")', value: 0.75, numFmt: "0.00%" });
    expect(cellOf(plan, "P8")).toMatchObject({ formula: 'IFERROR(N8/F8,"")', numFmt: "0.00%" });
    expect(cellOf(plan, "R8")).toMatchObject({ value: "Sedang" });
    expect(cellOf(plan, "R8").formula).toBe('IF(ISNUMBER(O8),IF(O8>=0.91,"Sangat Tinggi",IF(O8>=0.76,"Tinggi",IF(O8>=0.66,"Sedang",IF(O8>=0.51,"Rendah","Sangat Rendah")))),"")');
  });

  it("sums parents' money from their children in every Rp column", () => {
    expect(cellOf(plan, "F8")).toMatchObject({ formula: "SUM(F9)", value: 14849381, numFmt: "#,##0_);-#,##0_)" });
    expect(cellOf(plan, "N8")).toMatchObject({ formula: "SUM(N9)", value: 13564000 });
    expect(cellOf(plan, "N10")).toMatchObject({ formula: "SUM(H10,L10)", value: 13564000 });
  });

  it("has no arithmetic or evaluation-formula error when mapped again", () => {
    const again = mapWorkbook([planSnapshot(plan)]);
    expect(again.tables[0].kind).toBe("tabel-2.1");
    const errors = validate(again).filter((f) => f.severity === "error" && f.rule !== "year-mismatch");
    expect(errors).toEqual([]);
  });

  it("follows configurable predikat bands", () => {
    const strict = build(workbook, { bands: [{ min: 95, label: "Baik" }, { min: Number.NEGATIVE_INFINITY, label: "Kurang" }] });
    expect(cellOf(strict, "R8").value).toBe("Kurang");
    expect(cellOf(strict, "R8").formula).toBe('IF(ISNUMBER(O8),IF(O8>=0.95,"Baik","Kurang"),"")');
  });
});

describe("Tabel 2.1 (T-C.29 form)", () => {
  const grid = [
    ["TABEL 2.1 EVALUASI PELAKSANAAN RENJA DINAS CONTOH KABUPATEN CONTOH TAHUN 2026"],
    [],
    ["Kode", "Program/Kegiatan", "Indikator", "Target Renstra", "Realisasi s/d N-3", "Target Renja N-2", "Realisasi Renja N-2", "Tingkat Realisasi (%)", "Target Renja N-1", "Realisasi s/d N-1", "Tingkat Capaian (%)", "Catatan"],
    ["1.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "Persentase", "100%", "40%", "20%", "18%", "90%", "20%", "78%", "78%", "=baik"],
  ];
  const workbook = mapWorkbook([snapshotFromGrid("Evaluasi", grid)]);

  it("writes the 12 columns and a predikat, the computed ones as formulas", () => {
    expect(workbook.tables[0]).toMatchObject({ kind: "tabel-2.1", columns: { realisasiN3: 5, targetN2: 6 } });
    const plan = build(workbook);
    expect(plan.cells.filter((c) => c.row === 7).map((c) => c.value)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(cellOf(plan, "A8").value).toBe("1.01.01");
    expect(cellOf(plan, "E8")).toMatchObject({ value: 40, numFmt: 'General"%"' });
    expect(cellOf(plan, "H8")).toMatchObject({ formula: 'IFERROR(G8/F8,"")', numFmt: "0.00%" });
    // "Persentase" is a final value: 10 = the latest of 5, 7, 9 (20%), not their sum
    expect(cellOf(plan, "J8")).toMatchObject({ formula: "IF(ISNUMBER(I8),I8,IF(ISNUMBER(G8),G8,E8))", value: 20 });
    expect(cellOf(plan, "K8")).toMatchObject({ formula: 'IFERROR(J8/D8,"")' });
    expect(cellOf(plan, "L8")).toMatchObject({ value: "=baik", numFmt: "@" });
    expect(cellOf(plan, "K8").value).toBeCloseTo(0.2, 10);
    expect(cellOf(plan, "M8")).toMatchObject({ value: "Sangat Rendah" });
  });

  it("sums the years again when the user marks the indicator higher-is-better in the mapping view", () => {
    const corrected = mapWorkbook([snapshotFromGrid("Evaluasi", grid)], { overrides: { version: 1, levels: {}, indicatorKinds: { Evaluasi: { 4: "higher" } } } });
    const plan = build(corrected);
    expect(cellOf(plan, "J8")).toMatchObject({ formula: "SUM(E8,G8,I8)", value: 78 });
    expect(cellOf(plan, "K8").value).toBeCloseTo(0.78, 10);
    expect(cellOf(plan, "M8")).toMatchObject({ value: "Tinggi" });
  });

  it("computes the capaian of a lower-is-better indicator inversely: target / realisasi", () => {
    const lower = grid.map((r, i) => (i === 3 ? [r[0], r[1], "Angka kematian ibu (per 100.000 kelahiran hidup)", "80", "120", "110", "100", "", "100", "", "", ""] : r));
    const plan = build(mapWorkbook([snapshotFromGrid("Evaluasi", lower)]));
    // 8 = 6 / 7 (110 / 100), 10 = the latest (100), 11 = 4 / 10 (80 / 100)
    expect(cellOf(plan, "H8")).toMatchObject({ formula: 'IFERROR(F8/G8,"")' });
    expect(cellOf(plan, "H8").value).toBeCloseTo(1.1, 10);
    expect(cellOf(plan, "J8")).toMatchObject({ value: 100 });
    expect(cellOf(plan, "K8")).toMatchObject({ formula: 'IFERROR(D8/J8,"")' });
    expect(cellOf(plan, "K8").value).toBeCloseTo(0.8, 10);
  });
});
