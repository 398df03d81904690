/**
 * Tabel 3.3 generated from the seed's own tables: titles, headers and merges, formulas with cached results,
 * number formats, print setup and text-not-formula, asserted cell by cell; then the generated sheet is mapped
 * and checked like any user's sheet.
 */
import Decimal from "decimal.js";
import { mapWorkbook } from "../../../src/domain/mapping/mapWorkbook";
import { countLevels } from "../../../src/domain/mapping/tree";
import type { MappedWorkbook } from "../../../src/domain/mapping/types";
import type { SheetPlan } from "../../../src/domain/plan";
import { snapshotFromGrid } from "../../../src/domain/sheet/snapshot";
import { buildTabel33, isBuildError, type Tabel33Options } from "../../../src/domain/tables";
import { validate } from "../../../src/domain/validate";
import { seedSheet } from "../mapping/seedSheets";
import { cellOf, mergeRefs, planSnapshot } from "./planSheet";

function seedWorkbook(): MappedWorkbook {
  return mapWorkbook([seedSheet("tabel33", { sheetName: "Tabel 3.3" }).sheet, seedSheet("tabel7", { sheetName: "Tabel 7" }).sheet]);
}

function build(workbook: MappedWorkbook, opts: Partial<Tabel33Options> = {}): SheetPlan {
  const plan = buildTabel33(workbook, { existingSheets: workbook.sheets.map((s) => s.name), ...opts });
  if (isBuildError(plan)) throw new Error(plan.error.en);
  return plan;
}

const PROBLEM_RULES = new Set(["rollup-mismatch", "total-mismatch", "formula-range", "malformed-number", "suspect-scale", "text-number", "year-mismatch"]);

describe("Tabel 3.3 from the seed's Tabel 3.3", () => {
  const workbook = seedWorkbook();
  const plan = build(workbook);

  it("names the sheet, the source and the table", () => {
    expect(plan.type).toBe("sheet");
    expect(plan.table).toBe("tabel-3.3");
    expect(plan.sheetName).toBe("Tabel 3.3 (Renja Cermat)");
    expect(plan.sourceSheet).toBe("Tabel 3.3");
    expect(plan.replaceGenerated).toBe(false);
  });

  it("writes the titles with N and N+1 right (not the seed's 'PRAKIRAAN MAJU TAHUN 2025')", () => {
    expect(cellOf(plan, "A1").value).toBe("TABEL 3.3");
    expect(cellOf(plan, "A2").value).toBe("RUMUSAN RENCANA PROGRAM DAN KEGIATAN KANTOR KECAMATAN TOMONI TAHUN 2025 DAN PRAKIRAAN MAJU TAHUN 2026");
    expect(cellOf(plan, "A3").value).toBe("KABUPATEN LUWU TIMUR");
    expect(cellOf(plan, "A2").style).toMatchObject({ bold: true, horizontal: "center" });
  });

  it("writes the two header rows with their merges and the column-number row, official order", () => {
    const header = (address: string) => cellOf(plan, address).value;
    expect([header("A5"), header("B5"), header("C5"), header("D5"), header("H5"), header("I5")]).toEqual([
      "KODE",
      "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan",
      "Indikator Kinerja Program/Kegiatan",
      "Rencana Tahun 2025",
      "Catatan Penting",
      "Prakiraan Maju Rencana Tahun 2026",
    ]);
    expect(["D6", "E6", "F6", "G6", "I6", "J6"].map(header)).toEqual([
      "Lokasi",
      "Target Capaian Kinerja",
      "Kebutuhan Dana/Pagu Indikatif",
      "Sumber Dana",
      "Target Capaian Kinerja",
      "Kebutuhan Dana/Pagu Indikatif",
    ]);
    expect(["A7", "B7", "C7", "D7", "E7", "F7", "G7", "H7", "I7", "J7"].map(header)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(mergeRefs(plan)).toEqual(["A1:J1", "A2:J2", "A3:J3", "D5:G5", "I5:J5", "A5:A6", "B5:B6", "C5:C6", "H5:H6", "A65:B65"]);
    for (const address of ["A5", "D5", "D6", "J7"]) expect(cellOf(plan, address).style).toMatchObject({ border: true, wrap: true, horizontal: "center" });
  });

  it("fills KODE from the catalogue; programs bold, kegiatan plain, sub kegiatan indented", () => {
    expect(cellOf(plan, "A8").value).toBe("7.01.01");
    expect(cellOf(plan, "B8").value).toBe("PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA");
    expect(cellOf(plan, "B8").style).toMatchObject({ bold: true, border: true, wrap: true });
    expect(cellOf(plan, "A9").value).toBe("7.01.01.2.01");
    expect(cellOf(plan, "B9").style?.bold).toBeUndefined();
    expect(cellOf(plan, "B9").style?.indent).toBeUndefined();
    expect(cellOf(plan, "A10").value).toBe("7.01.01.2.01.0001");
    expect(cellOf(plan, "B10").style).toMatchObject({ indent: 1 });
    expect(cellOf(plan, "F10").style?.indent).toBe(0);
  });

  it("writes parents and the total as SUM formulas of their children, with cached results and the padded #,##0 format", () => {
    expect(cellOf(plan, "F9")).toMatchObject({ formula: "SUM(F10:F13)", value: 22903650, numFmt: "#,##0_);-#,##0_)" });
    expect(cellOf(plan, "J9")).toMatchObject({ formula: "SUM(J10:J13)", value: 11003591, numFmt: "#,##0_);-#,##0_)" });
    expect(cellOf(plan, "F8")).toMatchObject({ formula: "SUM(F9,F14,F17,F19,F22,F30,F32,F37)", numFmt: "#,##0_);-#,##0_)" });
    expect(cellOf(plan, "F10")).toMatchObject({ value: 11896000, numFmt: "#,##0_);-#,##0_)" });
    expect(cellOf(plan, "F10").formula).toBeUndefined();
    const total = plan.cells.filter((c) => c.row === 65);
    const programRows = plan.cells.filter((c) => c.col === 2 && c.row >= 8 && c.row < 65 && c.style?.bold).map((c) => c.row);
    expect(programRows).toEqual([8, 42, 45, 52, 58, 61]);
    expect(cellOf(plan, "A65").value).toBe("JUMLAH");
    expect(total.find((c) => c.col === 6)?.formula).toBe("SUM(F8,F42,F45,F52,F58,F61)");
    expect(total.find((c) => c.col === 10)?.formula).toBe("SUM(J8,J42,J45,J52,J58,J61)");
  });

  it("totals Σ of the repaired sub kegiatan: N 4.990.624.675 and N+1 4.828.024.554 (DOMAIN.md §7)", () => {
    expect(cellOf(plan, "F65").value).toBe(4990624675);
    expect(cellOf(plan, "J65").value).toBe(4828024554);
    const mapped = mapWorkbook([planSnapshot(plan)]).tables[0];
    const leaves = mapped.rows.filter((r) => r.level === "subKegiatan" || (r.level === "kegiatan" && !mapped.rows.some((c) => c.parentRow === r.row)));
    const sum = (col: number) => leaves.reduce((s, r) => s.plus(Number(planSnapshot(plan).rows.get(r.row)?.get(col)?.value ?? 0)), new Decimal(0));
    expect(sum(6).toNumber()).toBe(4990624675);
    expect(sum(10).toNumber()).toBe(4828024554);
  });

  it("uses the repair of each slip and says which cells, so the source can be fixed too", () => {
    // 4.765,000 (stored as the number 4765 in an Indonesian Excel, or as text when pasted) meant 4.765.000: the
    // cell's text stays as written, the amount the table uses is grouped the way each language reads it.
    expect(plan.notices.map((n) => n.id).join("\n")).toMatch(/F28 4\.765,000 → 4\.765\.000/);
    expect(plan.notices.map((n) => n.id).join("\n")).toMatch(/41,400,0000 → 41\.400\.000/);
    expect(plan.notices.map((n) => n.en).join("\n")).toMatch(/F28 4\.765,000 → 4,765,000/);
    expect(plan.notices.map((n) => n.en).join("\n")).toMatch(/41,400,0000 → 41,400,000/);
  });

  it("sets print setup: landscape F4, one page wide, header rows repeated, page numbers in the footer", () => {
    expect(plan.print).toEqual({
      orientation: "landscape",
      paperSize: 14,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitleRows: [5, 7],
      footerCenter: "Halaman &P / &N",
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      centerHorizontally: true,
    });
    expect(build(workbook, { paper: "a4" }).print.paperSize).toBe(9);
    expect(plan.columnWidths.map((w) => w.width)).toEqual([17, 46, 34, 18, 13, 17, 11, 14, 13, 17]);
    expect(plan.freezeRows).toBe(7);
  });

  it("is mapped as tabel-3.3 with the source's counts, and has no rollup, total, number, formula or year finding", () => {
    const source = workbook.tables.find((t) => t.sheet === "Tabel 3.3");
    const generated = mapWorkbook([...workbook.sheets, planSnapshot(plan)]);
    const table = generated.tables.find((t) => t.sheet === plan.sheetName);
    expect(table?.kind).toBe("tabel-3.3");
    expect(table?.year).toBe(2025);
    expect(table && countLevels(table)).toEqual({ program: 6, kegiatan: 15, subKegiatan: 36 });
    expect(source && countLevels(source)).toEqual({ program: 6, kegiatan: 15, subKegiatan: 36 });
    const findings = validate(generated, { sheet: plan.sheetName }).filter((f) => PROBLEM_RULES.has(f.rule));
    expect(findings).toEqual([]);
  });

  it("puts Lokasi before Indikator with --order seed; the plan-year group covers Target, Pagu and Sumber Dana", () => {
    const seedOrder = build(workbook, { order: "seed" });
    expect(cellOf(seedOrder, "C5").value).toBe("Lokasi");
    expect(cellOf(seedOrder, "D5").value).toBe("Indikator Kinerja Program/Kegiatan");
    expect(cellOf(seedOrder, "E5").value).toBe("Rencana Tahun 2025");
    expect(mergeRefs(seedOrder)).toEqual(expect.arrayContaining(["E5:G5", "C5:C6", "D5:D6", "I5:J5"]));
    expect(cellOf(seedOrder, "F9")).toMatchObject({ formula: "SUM(F10:F13)", value: 22903650 });
  });

  it("picks a new sheet name when the default is taken, and keeps the name when replacing", () => {
    expect(build(workbook, { existingSheets: ["Tabel 3.3", "Tabel 3.3 (Renja Cermat)"] }).sheetName).toBe("Tabel 3.3 (Renja Cermat) (2)");
    const replacing = build(workbook, { sheetName: "Tabel 3.3 (Renja Cermat)", replace: true, existingSheets: ["Tabel 3.3 (Renja Cermat)"] });
    expect(replacing.sheetName).toBe("Tabel 3.3 (Renja Cermat)");
    expect(replacing.replaceGenerated).toBe(true);
  });

  it("never picks its own generated sheet as the source by default", () => {
    const again = mapWorkbook([...workbook.sheets, planSnapshot(plan)]);
    expect(build(again, { generatedSheets: [plan.sheetName] }).sourceSheet).toBe("Tabel 3.3");
  });
});

describe("Tabel 3.3 from the seed's Tabel 7 (no N+1)", () => {
  const workbook = seedWorkbook();
  const plan = build(workbook, { from: "Tabel 7" });

  it("leaves the N+1 columns empty and tells the user", () => {
    expect(plan.sourceSheet).toBe("Tabel 7");
    const n1 = plan.cells.filter((c) => c.row >= 8 && (c.col === 9 || c.col === 10));
    expect(n1.every((c) => c.value === null && c.formula === undefined)).toBe(true);
    expect(plan.notices[0].id).toMatch(/tidak memuat prakiraan maju tahun 2026; kolom 9 dan 10 dibiarkan kosong/);
    expect(cellOf(plan, "A2").value).toBe("RUMUSAN RENCANA PROGRAM DAN KEGIATAN KANTOR KECAMATAN TOMONI TAHUN 2025 DAN PRAKIRAAN MAJU TAHUN 2026");
  });

  it("keeps Tabel 7's counts and total 4.990.894.675", () => {
    const table = mapWorkbook([planSnapshot(plan)]).tables[0];
    expect(table.kind).toBe("tabel-3.3");
    expect(countLevels(table)).toEqual({ program: 6, kegiatan: 15, subKegiatan: 35 });
    const totalRow = 8 + 56;
    expect(cellOf(plan, `F${totalRow}`).value).toBe(4990894675);
  });
});

describe("Tabel 3.3 from a working sheet", () => {
  const grid = [
    ["RENCANA KERJA KANTOR KECAMATAN CONTOH KABUPATEN CONTOH TAHUN 2026"],
    [],
    ["No", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Lokasi", "Target", "Pagu Indikatif", "Sumber Dana"],
    [1, "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "=indikator yang diketik", "Kecamatan", "100%", 300, "APBD"],
    [null, "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "+62 dokumen", "Kecamatan", "@2 dokumen", 300, "APBD"],
    [null, "Penyusunan Dokumen Perencanaan Perangkat Daerah", "-", "Kecamatan", "-2 dokumen", 100, "APBD"],
    [null, "Koordinasi dan Penyusunan Dokumen RKA-SKPD", "Jumlah dokumen", "Kecamatan", "2 dokumen", 200, "APBD"],
    [null, "JUMLAH", null, null, null, 300, null],
  ];
  const workbook = mapWorkbook([snapshotFromGrid("Kerja", grid)]);
  const plan = build(workbook, { unit: "KANTOR KECAMATAN CONTOH", kabupaten: "KABUPATEN CONTOH" });

  it("uses the unit and kabupaten the caller gives", () => {
    expect(cellOf(plan, "A2").value).toBe("RUMUSAN RENCANA PROGRAM DAN KEGIATAN KANTOR KECAMATAN CONTOH TAHUN 2026 DAN PRAKIRAAN MAJU TAHUN 2027");
    expect(cellOf(plan, "A3").value).toBe("KABUPATEN CONTOH");
  });

  it("writes every text that starts with = + - @ as text with format @, cell by cell", () => {
    const expected: Array<[string, string]> = [
      ["C8", "=indikator yang diketik"],
      ["C9", "+62 dokumen"],
      ["E9", "@2 dokumen"],
      ["C10", "-"],
      ["E10", "-2 dokumen"],
    ];
    for (const [address, text] of expected) {
      expect(cellOf(plan, address)).toMatchObject({ value: text, numFmt: "@" });
      expect(cellOf(plan, address).formula).toBeUndefined();
    }
    expect(cellOf(plan, "C11").numFmt).toBeUndefined();
  });

  it("sums the kegiatan and the total with formulas", () => {
    expect(cellOf(plan, "F9")).toMatchObject({ formula: "SUM(F10:F11)", value: 300 });
    expect(cellOf(plan, "F8")).toMatchObject({ formula: "SUM(F9)", value: 300 });
    expect(cellOf(plan, "F12")).toMatchObject({ formula: "SUM(F8)", value: 300 });
  });
});
