/**
 * Issue 8's cases, each on a table built here (test/support/planWorkbook.ts: F = pagu N, rows from 5), with the
 * exact findings cell by cell:
 * - a Tabel IV.3-style table per perangkat daerah, amounts in sen under `#,##0.00`, every rollup exact to the sen;
 * - an Indonesian-locale table where five sibling sub kegiatan were typed "4.765,000"-style and stored 1,000× too
 *   small (one with a fraction), under a kegiatan that is =SUM(...) and a program typed from SIPD;
 * - amounts pasted from Word with the next column's text in the same cell, and a real rollup slip in that column;
 * - the "−30 %" plan: program 9.301.000.000, its kegiatan 7.208.000.000, the sub kegiatan 2.566.000.000.
 */
import type { Finding } from "../../../src/domain/findings";
import { analysisOf } from "../../../src/domain/analysis";
import { planRepairs, planRollup } from "../../../src/domain/rollup";
import { validate } from "../../../src/domain/validate";
import { planTable, planWorkbook } from "../../support/planWorkbook";
import { render } from "../../../src/domain/messages";

const MONEY = /^(rollup-mismatch|total-mismatch|malformed-number|suspect-scale|text-number)$/;
const money = (findings: Finding[]) =>
  findings.filter((f) => MONEY.test(f.rule)).map((f) => [f.cell, f.rule, f.severity, f.expected ?? null, f.actual ?? null, f.suggestion?.value ?? null]);
const sen = (value: number) => ({ value, numFmt: "#,##0.00" });

describe("sen under #,##0.00 (a Tabel IV.3 from SIPD, one sheet per perangkat daerah)", () => {
  const unit = (sheet: string) =>
    planTable(
      [
        { level: "program", uraian: "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", paguN: sen(86672540.34) },
        { level: "kegiatan", uraian: "Administrasi Keuangan Perangkat Daerah", paguN: sen(80000000.5) },
        { level: "subKegiatan", uraian: "Penyediaan Gaji dan Tunjangan ASN", paguN: sen(79999999.99) },
        { level: "subKegiatan", uraian: "Penyediaan Administrasi Pelaksanaan Tugas ASN", paguN: sen(0.51) },
        { level: "kegiatan", uraian: "Administrasi Umum Perangkat Daerah", paguN: sen(6672539.84) },
        { level: "subKegiatan", uraian: "Penyediaan Bahan Logistik Kantor", paguN: sen(6672539.84) },
        { level: "total", uraian: "JUMLAH", paguN: sen(86672540.34) },
      ],
      { sheet, kind: "tabel-7" },
    );
  it("gives no suspect-scale and no rollup finding: two decimals under a two-decimal format are sen, every sum holds", () => {
    const wb = planWorkbook(unit("1.01 Dinas Pendidikan"), unit("1.02 Dinas Kesehatan"));
    expect(money(validate(wb))).toEqual([]);
    const slot = analysisOf(wb).slotAt("1.01 Dinas Pendidikan", "F5");
    expect(slot?.chosen).toMatchObject({ kind: "stated" });
    expect(slot?.chosen?.value.toFixed()).toBe("86672540.34");
  });

  it("a fraction without a sen format is no slip either when every sum holds as read", () => {
    const t = planTable([
      { level: "kegiatan", uraian: "Kegiatan", paguN: 1500.5 },
      { level: "subKegiatan", uraian: "a", paguN: 1000.25 },
      { level: "subKegiatan", uraian: "b", paguN: 500.25 },
    ]);
    expect(money(validate(planWorkbook(t)))).toEqual([]);
  });

  it("a sen amount whose sum fails is a rollup error on the parent, never a scale error on the sen", () => {
    const t = planTable(
      [
        { level: "kegiatan", uraian: "Kegiatan", paguN: sen(100.5) },
        { level: "subKegiatan", uraian: "a", paguN: sen(60.25) },
        { level: "subKegiatan", uraian: "b", paguN: sen(40.5) },
      ],
      { kind: "tabel-7" },
    );
    expect(money(validate(planWorkbook(t)))).toEqual([["F5", "rollup-mismatch", "error", "100.75", "100.5", null]]);
  });
});

describe("an Indonesian-locale table: five siblings 1,000× too small under a SUM, the program typed", () => {
  const t = planTable(
    [
      { level: "program", uraian: "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", paguN: 400619700 },
      { level: "kegiatan", uraian: "Administrasi Umum Perangkat Daerah", paguN: { value: 6311702.7, formula: "SUM(F7:F12)" } },
      { level: "subKegiatan", uraian: "Penyediaan Komponen Instalasi Listrik", paguN: 5917000 },
      { level: "subKegiatan", uraian: "Penyediaan Bahan Logistik Kantor", paguN: 4765 },
      { level: "subKegiatan", uraian: "Penyediaan Barang Cetakan dan Penggandaan", paguN: 13729.7 },
      { level: "subKegiatan", uraian: "Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan", paguN: 10380 },
      { level: "subKegiatan", uraian: "Fasilitasi Kunjungan Tamu", paguN: 177680 },
      { level: "subKegiatan", uraian: "Penyediaan Bahan Logistik Rapat", paguN: 188148 },
    ],
    { kind: "tabel-7" },
  );
  const wb = planWorkbook(t);

  it("finds all five together, each with the repair that balances the program (13.729.700, not 13.730)", () => {
    expect(money(validate(wb))).toEqual([
      ["F5", "rollup-mismatch", "info", "6311702.7", "400619700", null],
      // The SUM holds by construction: an info pointing at the slips, never a repair of the formula.
      ["F6", "rollup-mismatch", "info", "6311702.7", "6311702.7", null],
      ["F8", "suspect-scale", "error", "4765000", "4765", "4765000"],
      ["F9", "suspect-scale", "error", "13729700", "13729.7", "13729700"],
      ["F10", "suspect-scale", "error", "10380000", "10380", "10380000"],
      ["F11", "suspect-scale", "error", "177680000", "177680", "177680000"],
      ["F12", "suspect-scale", "error", "188148000", "188148", "188148000"],
    ]);
  });

  it("fix-numbers mends the five children and leaves the kegiatan's SUM formula alone", () => {
    const plan = planRepairs(wb);
    expect(plan.cells.map((c) => [c.cell, c.after.value])).toEqual([
      ["F8", 4765000],
      ["F9", 13729700],
      ["F10", 10380000],
      ["F11", 177680000],
      ["F12", 188148000],
    ]);
  });
});

describe("amounts pasted from Word with the next column's text in the same cell", () => {
  const t = planTable(
    [
      { level: "kegiatan", uraian: "Koordinasi Penyelenggaraan Kegiatan Pemerintahan", paguN: 8000000 },
      { level: "subKegiatan", uraian: "Rapat Koordinasi", paguN: "3.000.000 Kantor Kec. Tomoni" },
      { level: "subKegiatan", uraian: "Monitoring", paguN: "4.000.000 Kantor Kec. Tomoni" },
      { level: "kegiatan", uraian: "Pelayanan Perizinan", paguN: 6757833494 },
      { level: "subKegiatan", uraian: "Pelayanan Perizinan", paguN: "6.757.833.494 Kantor Kec. Tomoni" },
    ],
    { kind: "tabel-7" },
  );

  it("reads each as its amount with a warning naming the displaced text, and still finds the column's real slip", () => {
    const findings = validate(planWorkbook(t));
    expect(money(findings)).toEqual([
      ["F5", "rollup-mismatch", "error", "7000000", "8000000", null],
      ["F6", "malformed-number", "warning", null, "3000000", null],
      ["F7", "malformed-number", "warning", null, "4000000", null],
      ["F9", "malformed-number", "warning", null, "6757833494", null],
    ]);
    expect(findings.find((f) => f.cell === "F9")?.message ? render(findings.find((f) => f.cell === "F9")!.message, "id") : "").toContain('dibaca sebagai 6.757.833.494; teks "Kantor Kec. Tomoni"');
  });
});

describe("the −30 % plan: program 9.301.000.000, kegiatan 7.208.000.000, sub kegiatan 2.566.000.000", () => {
  const t = planTable(
    [
      { level: "program", uraian: "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", paguN: 9301000000 },
      { level: "kegiatan", uraian: "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan", paguN: 7208000000 },
      { level: "subKegiatan", uraian: "Koordinasi Kegiatan Pemerintahan", paguN: 1000000000 },
      { level: "subKegiatan", uraian: "Fasilitasi Pelayanan", paguN: 1566000000 },
      { level: "program", uraian: "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN", paguN: 40000000 },
      { level: "kegiatan", uraian: "Koordinasi Kegiatan Pemberdayaan Desa", paguN: 40000000 },
      { level: "subKegiatan", uraian: "Peningkatan Partisipasi Masyarakat", paguN: 40000000 },
      { level: "total", uraian: "JUMLAH", paguN: 9341000000 },
    ],
    { kind: "tabel-7" },
  );
  const wb = planWorkbook(t);

  it("by default writes nothing to the disputed kegiatan, program and total, and names each held decision with its evidence", () => {
    const result = planRollup(wb, { mode: "formulas" });
    const written = result.plan.cells.map((c) => c.cell);
    expect(written).not.toEqual(expect.arrayContaining(["F5"]));
    expect(written.filter((c) => ["F5", "F6", "F12"].includes(c))).toEqual([]);
    expect(result.changes.filter((c) => ["F5", "F6", "F12"].includes(c.cell)).map((c) => [c.cell, c.class, c.applied, c.evidence[0]?.id])).toEqual([
      ["F6", "decision", false, "rinciannya hanya berjumlah 2.566.000.000, kurang dari separuh 7.208.000.000"],
      ["F5", "decision", false, "dua tingkat tidak sepakat: F6 sendiri tidak sama dengan rinciannya"],
      ["F12", "same-amount", false, "nilainya tetap; kini rumus SUM atas rinciannya"],
    ]);
    expect(result.totals).toEqual([{ sheet: "Tabel 3.3", cell: "F12", role: "paguN", before: expect.anything(), after: expect.anything() }]);
    expect(result.totals[0].after?.toNumber()).toBe(9341000000);
  });

  it("--accept applies them: the total becomes Σ of the sub kegiatan", () => {
    const result = planRollup(wb, { mode: "formulas", accept: "all" });
    const after = (cell: string) => result.plan.cells.find((c) => c.cell === cell)?.after;
    expect(after("F6")).toMatchObject({ formula: "SUM(F7:F8)", value: 2566000000 });
    expect(after("F5")).toMatchObject({ formula: "SUM(F6)", value: 2566000000 });
    expect(after("F12")).toMatchObject({ formula: "SUM(F5,F9)", value: 2606000000 });
    expect(result.totals[0].after?.toNumber()).toBe(2606000000);
  });

  it("accepting the kegiatan alone still holds the program and the total", () => {
    const result = planRollup(wb, { mode: "formulas", accept: ["F6"] });
    expect(result.plan.cells.map((c) => c.cell)).toContain("F6");
    expect(result.changes.filter((c) => ["F5", "F12"].includes(c.cell)).map((c) => [c.cell, c.applied])).toEqual([["F5", false], ["F12", false]]);
  });
});
