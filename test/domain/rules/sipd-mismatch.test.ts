/** sipd-mismatch over hand-made plan tables and a hand-made SIPD-RI export (the real files: test/domain/sipd). */
import { rule } from "../../../src/domain/rules/sipd-mismatch";
import { compareWithSipd, isReadFailure, readSipdExport } from "../../../src/domain/sipd";
import type { SipdExport } from "../../../src/domain/sipd";
import { snapshotFromGrid } from "../../../src/domain/sheet/snapshot";
import type { CellValue } from "../../../src/domain/sheet/snapshot";
import { planTable, planWorkbook } from "../../support/planWorkbook";
import type { PlanRowSpec } from "../../support/planWorkbook";
import { testRule } from "../../support/ruleTester";
import { render } from "../../../src/domain/messages";

const DAU = "Dana Transfer Umum-Dana Alokasi Umum";
const UNIT = "Kecamatan Namlea";

/** Rows: kode, name, sumber dana, pagu, OPD (the "sumber dana per sub kegiatan" form), optionally pagu N+1. */
function exportOf(rows: (CellValue)[][], withN1 = false): SipdExport {
  const head = ["Kode", "Sub Kegiatan", "Sumber Dana", "Pagu Indikatif (Rp)", "Nama OPD", ...(withN1 ? ["Pagu N+1"] : [])];
  const exp = readSipdExport([snapshotFromGrid("SUMBER DANA PER SUBKEGIATAN", [head, ...rows])], "pagu.xlsx");
  if (isReadFailure(exp)) throw new Error(render(exp.error, "en"));
  return exp;
}

const SIPD_ROWS: CellValue[][] = [
  ["7.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah", DAU, 25000000, UNIT],
  ["7.01.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", DAU, 1000000000, UNIT],
  ["7.01.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", DAU, 773764355, UNIT],
  ["7.01.02.2.01.0001", "Sinkronisasi Pelaksanaan Program dan Kegiatan Pemerintahan di Tingkat Kecamatan", DAU, 45000000, UNIT],
  ["7.01.02.2.01.0002", "Kegiatan tanpa pagu", "-", 0, UNIT],
  ["7.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah", DAU, 99, "Kecamatan Air Buaya"],
];
const SIPD = exportOf(SIPD_ROWS);

function rows(over: Partial<Record<"perencanaan" | "gaji" | "sinkron", Partial<PlanRowSpec>>> = {}): PlanRowSpec[] {
  return [
    { level: "program", kode: "7.01.01", uraian: "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", paguN: 1798764355 },
    { level: "kegiatan", kode: "7.01.01.2.01", uraian: "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", paguN: 25000000 },
    { level: "subKegiatan", kode: "7.01.01.2.01.0001", uraian: "Penyusunan Dokumen Perencanaan Perangkat Daerah", paguN: 25000000, sumberDana: "DAU", ...over.perencanaan },
    { level: "kegiatan", kode: "7.01.01.2.02", uraian: "Administrasi Keuangan Perangkat Daerah", paguN: 1773764355 },
    { level: "subKegiatan", kode: "7.01.01.2.02.0001", uraian: "Penyediaan Gaji dan Tunjangan ASN", paguN: 1773764355, sumberDana: DAU, ...over.gaji },
    { level: "program", kode: "7.01.02", uraian: "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", paguN: 45000000 },
    { level: "kegiatan", kode: "7.01.02.2.01", uraian: "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan", paguN: 45000000 },
    { level: "subKegiatan", kode: "7.01.02.2.01.0001", uraian: "Sinkronisasi Pelaksanaan Program dan Kegiatan Pemerintahan di Tingkat Kecamatan", paguN: 45000000, sumberDana: "DAU", ...over.sinkron },
    { level: "total", uraian: "JUMLAH", paguN: 1843764355 },
  ];
}

const TITLE = "RENCANA KERJA DAN PENDANAAN KECAMATAN NAMLEA TAHUN 2024";
const wb = (r: PlanRowSpec[], title = TITLE) => planWorkbook(planTable(r, { sheet: "Tabel 7", kind: "tabel-7", year: 2024, title }));
const opts = (exp: SipdExport = SIPD, skpd?: string) => ({ sipd: { export: exp, ...(skpd ? { skpd } : {}) } });

testRule(rule, {
  valid: [
    { name: "every sub kegiatan agrees (a rekening split summed; DAU written short)", workbook: wb(rows()), options: opts() },
    { name: "no export given", workbook: wb(rows({ gaji: { paguN: 1 } })) },
    {
      name: "rows without kode match by name (a missing space, another case)",
      workbook: wb(rows({ perencanaan: { kode: undefined, uraian: "Penyusunan DokumenPerencanaan Perangkat daerah" }, gaji: { kode: undefined } })),
      options: opts(),
    },
    { name: "a mistyped amount whose reading equals SIPD's is the slip rules' finding", workbook: wb(rows({ perencanaan: { paguN: "25.000,000" } })), options: opts() },
    { name: "a sumber dana naming no known kind (APBD) is not compared", workbook: wb(rows({ sinkron: { sumberDana: "APBD Kab." } })), options: opts() },
    { name: "--skpd picks the unit when the title names none", workbook: wb(rows(), "RENCANA KERJA DAN PENDANAAN TAHUN 2024"), options: opts(SIPD, "namlea") },
  ],
  invalid: [
    {
      name: "a pagu that differs: error on the pagu cell, SIPD's amount suggested, SIPD's rows related",
      workbook: wb(rows({ gaji: { paguN: 1775000000 } })),
      options: opts(),
      findings: [
        {
          cell: "F9", severity: "error", role: "paguN", expected: "1773764355", actual: "1775000000",
          suggestion: { value: "1773764355", reason: expect.stringContaining("7.01.01.2.02.0001") },
          related: ["'[pagu.xlsx]SUMBER DANA PER SUBKEGIATAN'!D3", "'[pagu.xlsx]SUMBER DANA PER SUBKEGIATAN'!D4"],
          message: { id: expect.stringContaining("Rp 1.775.000.000") },
        },
      ],
    },
    {
      name: "a sumber dana that differs: warning on the sumber dana cell",
      workbook: wb(rows({ sinkron: { sumberDana: "PAD" } })),
      options: opts(),
      findings: [{ cell: "G12", severity: "warning", role: "sumberDana", expected: DAU, actual: "PAD", suggestion: { value: DAU, reason: expect.any(String) } }],
    },
    {
      name: "a sub kegiatan SIPD does not have (error: it carries a pagu), and the one it has instead (on its kegiatan)",
      workbook: wb(rows({ sinkron: { kode: "7.01.02.2.01.0009", uraian: "Fasilitasi Percepatan Pencapaian Standar Pelayanan Minimal" } })),
      options: opts(),
      findings: [
        { cell: "B11", severity: "error", role: "uraian", expected: "45000000", actual: "0", related: ["'[pagu.xlsx]SUMBER DANA PER SUBKEGIATAN'!D5"], message: { en: expect.stringContaining("7.01.02.2.01.0001") } },
        { cell: "B12", severity: "error", role: "uraian", expected: "0", actual: "45000000", suggestion: { value: "", reason: expect.any(String) } },
      ],
    },
    {
      name: "pagu N+1 when the export states it",
      workbook: planWorkbook(planTable(rows().map((r) => (r.level === "subKegiatan" ? { ...r, paguN1: 1 } : r)), { sheet: "Tabel 3.3", year: 2024, title: TITLE })),
      options: opts(exportOf(SIPD_ROWS.map((r) => [...r, r[1] === "Kegiatan tanpa pagu" ? 0 : 1]).concat([["7.01.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", DAU, 0, UNIT, 4]]), true)),
      findings: [{ cell: "J9", role: "paguN1", expected: "6", actual: "1" }],
    },
  ],
});

describe("sipd-mismatch without a unit", () => {
  it("says nothing, and the comparison says why", () => {
    const untitled = wb(rows(), "RENCANA KERJA 2024");
    expect(rule.check(untitled, opts())).toEqual([]);
    const comparison = compareWithSipd(untitled, SIPD);
    expect(comparison.unit).toBeUndefined();
    expect(comparison.unitError && render(comparison.unitError, "id")).toMatch(/^Judul tabel tidak menyebut SKPD mana pun dari pagu.xlsx \(2 unit\); pilih dengan --skpd NAMA/);
    expect(comparison.unitError && render(comparison.unitError, "en")).toMatch(/^No table title names an SKPD of pagu.xlsx \(2 units\); choose one with --skpd NAME/);
  });
});
