/**
 * The descriptive pieces of the analysis (column labels, row and level names, a cell's reading evidence, what a
 * parent's SUM gets wrong, how two amounts differ, a generated sheet's undo label) are catalogue messages: pinned
 * here in both languages, amounts the Indonesian way in id and the English way in en. The CLI runs reach few of
 * them with these words (reading evidence only reaches fix-numbers' plan, the undo label only a host's pane).
 */
import Decimal from "decimal.js";
import { analysisOf, sheetOf } from "../../../src/domain/analysis";
import { differenceNote } from "../../../src/domain/analysis/amountDifference";
import { likelyCauses } from "../../../src/domain/analysis/causes";
import { levelName, moneyColumnLabel, rowName } from "../../../src/domain/analysis/describe";
import { rangeProblem } from "../../../src/domain/analysis/sumFormula";
import { sheetUndoRecord } from "../../../src/domain/plan";
import { LEVEL_NAME, LEVEL_NAME_WITH_ARTICLE } from "../../../src/domain/rules/content-support/tableCells";
import { renderAll } from "../../../src/domain/messages";
import { planTable, planWorkbook } from "../../support/planWorkbook";

describe("descriptive pieces of the analysis, in both languages", () => {
  const { table } = planTable([{ level: "program", uraian: "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", paguN: 1 }], { year: 2025 });

  it("names money columns by what they hold, the year never grouped", () => {
    expect(renderAll(moneyColumnLabel(table, "paguN", 6))).toEqual({ id: "pagu tahun 2025", en: "the 2025 budget" });
    expect(renderAll(moneyColumnLabel(table, "paguN1", 10))).toEqual({ id: "pagu prakiraan maju 2026", en: "the 2026 forward estimate" });
    expect(renderAll(moneyColumnLabel({ ...table, year: null }, "paguN", 6))).toEqual({ id: "pagu tahun N", en: "the year-N budget" });
    expect(renderAll(moneyColumnLabel({ ...table, kind: "tabel-2.3" }, "paguN", 6))).toEqual({ id: "Kebutuhan Dana", en: "the funding need (Kebutuhan Dana)" });
    expect(renderAll(moneyColumnLabel(table, "rkpdPagu", 8))).toEqual({ id: "pagu Rancangan Awal RKPD", en: "the RKPD draft budget" });
    expect(renderAll(moneyColumnLabel(table, "targetRenjaRp", 28))).toEqual({ id: "kolom AB", en: "column AB" });
  });

  it("names rows with their level and quoted name; the total row and other rows by level alone", () => {
    expect(renderAll(rowName(table.rows[0]))).toEqual({
      id: "program «PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA»",
      en: "program “PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA”",
    });
    expect(renderAll(rowName({ ...table.rows[0], level: "total", uraian: "JUMLAH" }))).toEqual({ id: "baris total", en: "total row" });
    expect(renderAll(levelName("bidang"))).toEqual({ id: "bidang urusan", en: "bidang" });
    expect(renderAll(levelName("other"))).toEqual({ id: "baris", en: "row" });
    expect(renderAll(LEVEL_NAME.subKegiatan)).toEqual({ id: "sub kegiatan", en: "sub-activity (sub kegiatan)" });
    expect(renderAll(LEVEL_NAME_WITH_ARTICLE.urusan)).toEqual({ id: "urusan", en: "an affair (urusan)" });
    expect(renderAll(LEVEL_NAME_WITH_ARTICLE.program)).toEqual({ id: "program", en: "a program" });
  });

  it("says how two amounts differ, English grouping in English", () => {
    expect(renderAll(differenceNote(new Decimal(4841963425), new Decimal(4841693425)))).toEqual({
      id: "selisih Rp 270.000; kemungkinan dua angka bertukar tempat",
      en: "difference Rp 270,000; likely two digits swapped",
    });
    expect(renderAll(differenceNote(new Decimal(5000), new Decimal(12000)))).toEqual({ id: "selisih Rp 7.000", en: "difference Rp 7,000" });
  });

  it("gives a cell's reading evidence: the parent whose sum it balances, by level and cell", () => {
    const wb = planWorkbook(
      planTable([
        { level: "kegiatan", uraian: "Kegiatan", paguN: 5000000 },
        { level: "subKegiatan", uraian: "a", paguN: 3000000 },
        { level: "subKegiatan", uraian: "b", paguN: "2.000.00" },
      ]),
    );
    const analysis = analysisOf(wb);
    const slot = analysis.slotAt("Tabel 3.3", "F7");
    expect(slot && analysis.reading(slot).evidence.map(renderAll)).toEqual([
      { id: "dengan 2.000.000 jumlah kegiatan F5 cocok", en: "with 2,000,000 the sum of kegiatan F5 balances" },
    ]);
  });

  it("says what a parent's SUM gets wrong: cells left out, added that are no children, added twice", () => {
    const t = planTable([
      { level: "kegiatan", uraian: "Kegiatan", paguN: { value: 9, formula: "SUM(F6,F6,F9)" } },
      { level: "subKegiatan", uraian: "a", paguN: 1 },
      { level: "subKegiatan", uraian: "b", paguN: 2 },
      { level: "subKegiatan", uraian: "c", paguN: 3 },
      { level: "kegiatan", uraian: "Lain", paguN: 7 },
    ]);
    const sheet = sheetOf(planWorkbook(t), t.table);
    const children = [6, 7, 8].map((row) => ({ row, col: 6 }));
    const levels = new Map(t.table.rows.map((r) => [r.row, r.level]));
    const problem = sheet && rangeProblem(sheet, "SUM(F6,F6,F9)", { row: 5, col: 6 }, children, levels);
    expect(problem && renderAll(problem)).toEqual({
      id: "tidak menjumlahkan F7 dan F8, ikut menjumlahkan F9 yang bukan rinciannya, menjumlahkan F6 dua kali",
      en: "leaves out F7 and F8, also adds F9, which are not its children, adds F6 twice",
    });
    const one = sheet && rangeProblem(sheet, "SUM(F6:F7)", { row: 5, col: 6 }, children, levels);
    expect(one && renderAll(one)).toEqual({ id: "tidak menjumlahkan F8", en: "leaves out F8" });
  });

  it("gives a failing sum's likely causes: digits swapped, a row of the same table whose amount is the difference", () => {
    const wb = planWorkbook(
      planTable([
        { level: "program", uraian: "Program", paguN: 16742000 },
        { level: "kegiatan", uraian: "Kegiatan", paguN: 16472000 },
        { level: "subKegiatan", uraian: "Rapat Koordinasi", paguN: 16472000 },
        { level: "program", uraian: "Program Lain", paguN: 300000 },
        { level: "kegiatan", uraian: "Kegiatan Lain", paguN: 570000 },
        { level: "subKegiatan", uraian: "Sub Lain", paguN: 270000 },
        { level: "subKegiatan", uraian: "Sub Lain Dua", paguN: 300000 },
      ]),
    );
    const analysis = analysisOf(wb);
    const failing = analysis.columns.flatMap((c) => c.checks).filter((c) => c.outcome === "mismatch");
    const causesAt = (address: string) => {
      const check = failing.find((c) => c.parent.money.address === address);
      return check ? likelyCauses(wb, analysis, check).map(renderAll) : undefined;
    };
    expect(causesAt("F5")).toEqual([
      { id: "kemungkinan dua angka tertukar (tertulis 16.742.000, seharusnya 16.472.000)", en: "probably two digits swapped (16,742,000 written, 16,472,000 expected)" },
      {
        id: "selisih 270.000 sama dengan pagu «Sub Lain» (F10): induk ini mungkin ikut menghitung baris tersebut",
        en: "the difference 270,000 equals the amount of “Sub Lain” (F10): the parent may be counting that row too",
      },
    ]);
  });

  it("labels the undo of a generated sheet with the table and the sheet, as written", () => {
    expect(sheetUndoRecord({ table: "tabel-3.3" }, "Tabel 3.3 (2)", "7", false, "f").title).toEqual({
      id: "Tabel 3.3 di lembar baru 'Tabel 3.3 (2)'",
      en: "Tabel 3.3 on the new sheet 'Tabel 3.3 (2)'",
    });
    expect(sheetUndoRecord({ table: "tabel-perubahan" }, "Perubahan", "8", true, "f").title).toEqual({
      id: "Tabel Perubahan yang ditulis ulang di lembar 'Perubahan'",
      en: "Tabel Perubahan rewritten on sheet 'Perubahan'",
    });
  });
});
