/** planTakeSipd on hand-made tables: what it writes, what it leaves to the user, and the per-cell choice. */
import { compareWithSipd, isReadFailure, planTakeSipd, readSipdExport } from "../../../src/domain/sipd";
import { snapshotFromGrid } from "../../../src/domain/sheet/snapshot";
import { planTable, planWorkbook } from "../../support/planWorkbook";
import { render } from "../../../src/domain/messages";

const exp = (() => {
  const e = readSipdExport(
    [
      snapshotFromGrid("SUMBER DANA PER SUBKEGIATAN", [
        ["Kode", "Sub Kegiatan", "Sumber Dana", "Pagu Indikatif (Rp)", "Nama OPD"],
        ["7.01.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", "Dana Transfer Umum-Dana Alokasi Umum", 1500000.25, "Kecamatan Namlea"],
        ["7.01.01.2.02.0002", "Penyediaan Administrasi Pelaksanaan Tugas ASN", "Dana Transfer Umum-Dana Alokasi Umum", 700, "Kecamatan Namlea"],
        ["7.01.01.2.06.0004", "Penyediaan Bahan Logistik Kantor", "Dana Transfer Umum-Dana Alokasi Umum", 300, "Kecamatan Namlea"],
      ]),
    ],
    "pagu.xlsx",
  );
  if (isReadFailure(e)) throw new Error(render(e.error, "en"));
  return e;
})();

const workbook = planWorkbook(
  planTable(
    [
      { level: "program", kode: "7.01.01", uraian: "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", paguN: 2000 },
      { level: "kegiatan", kode: "7.01.01.2.02", uraian: "Administrasi Keuangan Perangkat Daerah", paguN: 2000 },
      { level: "subKegiatan", kode: "7.01.01.2.02.0001", uraian: "Penyediaan Gaji dan Tunjangan ASN", paguN: 1000, sumberDana: "DAU" },
      { level: "subKegiatan", kode: "7.01.01.2.02.0002", uraian: "Penyediaan Administrasi Pelaksanaan Tugas ASN", paguN: { value: 1000, formula: "500*2" }, sumberDana: "DAU" },
    ],
    { sheet: "Tabel 7", kind: "tabel-7", year: 2024, title: "RENJA KECAMATAN NAMLEA 2024" },
  ),
);

describe("planTakeSipd", () => {
  const findings = compareWithSipd(workbook, exp).findings;

  it("writes SIPD's amount with sen, keeps formulas, and leaves missing rows to the user", () => {
    // Bahan Logistik's kegiatan (7.01.01.2.06) is not in the table: the finding stands on its program's row
    expect(findings.map((f) => f.cell)).toEqual(["F7", "F8", "B5"]);
    const { plan, skipped, options } = planTakeSipd(workbook, findings);
    expect(plan.cells).toEqual([
      expect.objectContaining({ cell: "F7", before: { value: 1000 }, after: { value: 1500000.25, numFmt: "#,##0.00" } }),
    ]);
    expect(skipped.map((s) => s.reason.en)).toEqual([
      "'Tabel 7'!F8 holds the formula =500*2; not replaced by a constant.",
      "'Tabel 7'!B5: insert the SIPD-RI sub kegiatan rows yourself (new rows are not written automatically).",
    ]);
    expect(options["'Tabel 7'!F7"]).toEqual(["1500000.25", "1000"]);
    // the amount each language's way: the English reason is no Indonesian grouping
    expect(plan.cells[0].reason).toEqual({ id: "pagu SIPD-RI Rp 1.500.000,25", en: "SIPD-RI's pagu Rp 1,500,000.25" });
    expect(plan.title).toEqual({ id: "Ambil nilai SIPD-RI", en: "Take SIPD-RI's values" });
  });

  it("leaves a cell whose own value the user keeps", () => {
    expect(planTakeSipd(workbook, findings, { "'Tabel 7'!F7": "1000" }).plan.cells).toEqual([]);
  });
});
