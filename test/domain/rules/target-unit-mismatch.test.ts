import { Catalogue } from "../../../src/domain/nomenclature";
import { rule, unitConflict } from "../../../src/domain/rules/target-unit-mismatch";
import type { PlanRowSpec } from "../../support/planWorkbook";
import { planTable, planWorkbook } from "../../support/planWorkbook";
import { testRule } from "../../support/ruleTester";

const program: PlanRowSpec = { level: "program", uraian: "PROGRAM PENUNJANG", indikator: "Persentase penunjang urusan perangkat daerah berjalan sesuai standar (%)", targetN: "100%" };
const kegiatan: PlanRowSpec = { level: "kegiatan", uraian: "Administrasi Umum Perangkat Daerah", indikator: "Persentase Rata- Rata Capaian Kinerja administrasi umum PD (%)", targetN: "100%" };
const logistik: PlanRowSpec = {
  level: "subKegiatan", uraian: "Penyediaan Bahan Logistik Kantor",
  indikator: "Jumlah bahan logistik kantor yang disediakan (jenis)", targetN: "3 jenis", targetN1: "3 jenis",
};

describe("unitConflict", () => {
  it("compares percentages, counts and spelling variants", () => {
    expect(unitConflict("Jumlah bahan logistik kantor yang disediakan (jenis)", "3 orang")).toEqual({ indicatorUnit: "jenis", targetUnit: "orang" });
    expect(unitConflict("Persentase BMD yang Diadministrasikan sesuai standar (%)", "4 dokumen")).toEqual({ indicatorUnit: "%", targetUnit: "dokumen" });
    expect(unitConflict("Jumlah Partisipasi Masyarakat Pada pelaksanaan Musrenbang Kecamatan (Orang)", "100%")).toEqual({ indicatorUnit: "orang", targetUnit: "%" });
    expect(unitConflict("Jumlah Penyediaan bahan bacaan dan peraturan perundang- undangan (eksamplar)", "120 exemplar")).toBeUndefined();
    expect(unitConflict("Jumlah surat masuk dan keluar yang diadministrasikan (Surat)", "1500")).toBeUndefined();
    expect(unitConflict("Jumlah mebel yang dipelihara", "5 unit")).toBeUndefined();
    expect(unitConflict("Persentase capaian (%)", "100 %")).toBeUndefined();
    expect(unitConflict("Jumlah desa (Desa)", "13 Desa/Kelurahan")).toBeUndefined();
    expect(unitConflict("Jumlah dokumen (Dokumen)", "")).toBeUndefined();
  });
});

testRule(rule, {
  valid: [
    { name: "units agree, case aside", workbook: planWorkbook(planTable([program, kegiatan, { ...logistik, targetN: "3 Jenis" }])) },
    { name: "a bare number takes the indicator's unit", workbook: planWorkbook(planTable([program, kegiatan, { ...logistik, indikator: "Jumlah surat masuk dan keluar yang diadministrasikan (Surat)", targetN: "1500", targetN1: "1500" }])) },
    { name: "an indicator that names no unit", workbook: planWorkbook(planTable([program, kegiatan, { ...logistik, indikator: "Jumlah mebel yang dipelihara", targetN: "5 unit", targetN1: "5 unit" }])) },
    { name: "other rows are not plan rows", workbook: planWorkbook(planTable([{ level: "other", uraian: "", indikator: "perundangan yang berlaku (%)", targetN: "2 dokumen" }])) },
  ],
  invalid: [
    {
      name: "the seed's Bahan Logistik: '3 orang' for an indicator in (jenis), in N and N+1",
      workbook: planWorkbook(planTable([program, kegiatan, { ...logistik, targetN: "3 orang", targetN1: "3 orang" }])),
      findings: [
        {
          cell: "E7", row: 7, role: "targetN", severity: "warning", expected: "jenis", actual: "orang", related: ["C7"],
          message: { id: 'Target "3 orang" pada sub kegiatan "Penyediaan Bahan Logistik Kantor" bersatuan "orang", tetapi indikatornya menyebut satuan "(jenis)".' },
        },
        { cell: "I7", row: 7, role: "targetN1", expected: "jenis", actual: "orang" },
      ],
    },
    {
      name: "a percentage indicator with a count target, a count indicator with a percentage",
      workbook: planWorkbook(planTable([
        program,
        { ...kegiatan, targetN: "12 Dokumen" },
        { ...logistik, indikator: "Jumlah Partisipasi Masyarakat Pada pelaksanaan Musrenbang Kecamatan (Orang)", targetN: "100%", targetN1: "100 orang" },
      ])),
      findings: [
        { cell: "E6", role: "targetN", expected: "%", actual: "dokumen" },
        { cell: "E7", role: "targetN", expected: "orang", actual: "%" },
      ],
    },
  ],
});

/** A list with kinerja/indikator/satuan (as 1317/2023 has them) for one sub kegiatan. */
const withSatuan = new Catalogue(
  {
    format: "renja-nomenklatur",
    version: 1,
    name: "uji-1317",
    regulation: "Kepmendagri 900.1.15.5-1317/2023",
    year: 2024,
    entries: [
      ["7.01.02", "program", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK"],
      ["7.01.02.2.04", "kegiatan", "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat"],
      ["7.01.02.2.04.0003", "subKegiatan", "Pelaksanaan Urusan Pemerintahan yang Terkait dengan Kewenangan Lain yang Dilimpahkan", "Terlaksananya Urusan", "Jumlah Laporan Pelaksanaan Urusan Pemerintahan yang Dilimpahkan", "Laporan"],
    ],
  },
  "stored",
);

function listed(indikator: string, target: string) {
  const t = planTable([
    { level: "program", kode: "7.01.02", uraian: "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK" },
    { level: "kegiatan", kode: "7.01.02.2.04", uraian: "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat" },
    { level: "subKegiatan", kode: "7.01.02.2.04.0003", uraian: "Pelaksanaan Urusan Pemerintahan yang Terkait dengan Kewenangan Lain yang Dilimpahkan", indikator, targetN: target },
  ]);
  t.table.nomenclature = withSatuan;
  return planWorkbook(t);
}

testRule(rule, {
  valid: [
    { name: "the list's indikator without a unit, the target in the list's satuan", workbook: listed("Jumlah Laporan Pelaksanaan Urusan Pemerintahan yang Dilimpahkan", "4 Laporan") },
    { name: "an office's own indicator without a unit does not take the list's satuan", workbook: listed("Jumlah kegiatan pelimpahan yang dilaksanakan", "4 dokumen") },
  ],
  invalid: [
    {
      name: "the list's indikator without a unit: its satuan backs the check",
      workbook: listed("Jumlah Laporan Pelaksanaan Urusan Pemerintahan yang Dilimpahkan", "4 dokumen"),
      findings: [{ cell: "E7", role: "targetN", expected: "laporan", actual: "dokumen" }],
    },
  ],
});
