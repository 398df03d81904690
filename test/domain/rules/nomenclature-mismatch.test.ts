import type { MappedRow } from "../../../src/domain/mapping/types";
import { BUILTIN_CATALOGUE, Catalogue } from "../../../src/domain/nomenclature";
import { createNomenclatureMismatchRule, rule } from "../../../src/domain/rules/nomenclature-mismatch";
import type { PlanRowSpec } from "../../support/planWorkbook";
import { planTable, planWorkbook } from "../../support/planWorkbook";
import { testRule } from "../../support/ruleTester";

const REG = "Kepmendagri 900.1.15.5-1317/2023";

/** A plan table whose rows carry the given catalogue matches (as mapping sets them). */
function withMatches(specs: Array<PlanRowSpec & { catalogue?: MappedRow["catalogue"]; kodeInferred?: boolean }>) {
  const t = planTable(specs);
  t.table.rows = t.table.rows.map((r, i) => ({ ...r, catalogue: specs[i].catalogue, kodeInferred: specs[i].kodeInferred ?? r.kodeInferred }));
  return planWorkbook(t);
}

const program: PlanRowSpec = { level: "program", uraian: "PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM" };
const programMatch = { kode: "7.01.04", name: "PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM", similarity: 1, regulation: REG };
const kegiatanName = "Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum";

testRule(rule, {
  valid: [
    { name: "names equal to the catalogue", workbook: withMatches([{ ...program, catalogue: programMatch }]) },
    {
      name: "case, punctuation and spacing differences are not slips",
      workbook: withMatches([
        { ...program, catalogue: programMatch },
        { level: "kegiatan", uraian: "Administrasi Umum Perangkat Daerah" },
        {
          level: "subKegiatan",
          uraian: "Penyediaan Bahan Bacaandan Peraturan Perundang- undangan",
          catalogue: { kode: "7.01.01.2.06.0006", name: "Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan", similarity: 0.989, regulation: REG },
        },
      ]),
    },
    {
      name: "a doubtful best match (below the minimum similarity) is not a name slip",
      workbook: withMatches([
        { ...program, uraian: "PROGRAM PELAYANAN ADMINISTRASI", catalogue: { ...programMatch, similarity: 0.55 } },
        { level: "kegiatan", uraian: kegiatanName, kode: "7.01.04.2.01", kodeInferred: true },
      ]),
    },
    {
      name: "a written kode whose catalogue name matches",
      workbook: withMatches([{ ...program, kode: "7.01.04", uraian: "Program Koordinasi Ketentraman dan Ketertiban Umum" }]),
    },
    {
      name: "a program kode missing from the built-in list is not reported: that list is not the whole annex",
      workbook: withMatches([{ ...program, kode: "7.01.09", catalogue: programMatch }]),
    },
    {
      name: "an unknown sub kegiatan kode is not reported (the catalogue's sub kegiatan lists are incomplete)",
      workbook: withMatches([{ level: "subKegiatan", kode: "7.01.04.2.01.0009", uraian: "Sub kegiatan yang belum tercatat" }]),
    },
  ],
  invalid: [
    {
      name: "a table whose bidang is not recognised (no kode, no confident match): one info, no suggestion",
      workbook: withMatches([{ ...program, uraian: "PROGRAM PELAYANAN ADMINISTRASI", catalogue: { ...programMatch, similarity: 0.55 } }]),
      findings: [{ cell: "B5", severity: "info", message: { en: expect.stringMatching(/^Names not checked: the table has no kodes/) } }],
    },
    {
      name: "the seed's 'Keutentraman': best match and similarity named, catalogue name suggested",
      workbook: withMatches([
        { ...program, catalogue: programMatch },
        {
          level: "kegiatan",
          uraian: "Koordinasi upaya Penyelenggaraan Keutentraman dan Ketertiban Umum",
          kode: "7.01.04.2.01",
          kodeInferred: true,
          catalogue: { kode: "7.01.04.2.01", name: kegiatanName, similarity: 0.946, regulation: REG },
        },
      ]),
      findings: [
        {
          cell: "B6", row: 6, role: "uraian", severity: "warning", expected: kegiatanName,
          suggestion: { value: kegiatanName, reason: `nomenklatur 7.01.04.2.01 (${REG})` },
          message: { id: `"Koordinasi upaya Penyelenggaraan Keutentraman dan Ketertiban Umum" mirip 94% dengan '${kegiatanName}' (7.01.04.2.01, ${REG}); gunakan nama sesuai nomenklatur.` },
        },
      ],
    },
    {
      name: "a written kode compared with that kode's name, not with the best match",
      workbook: withMatches([
        {
          level: "kegiatan",
          kode: "7.01.04.2.02",
          uraian: kegiatanName,
          catalogue: { kode: "7.01.04.2.01", name: kegiatanName, similarity: 1, regulation: REG },
        },
      ]),
      findings: [
        {
          cell: "B5",
          expected: "Koordinasi Penerapan dan Penegakan Peraturan Daerah dan Peraturan Kepala Daerah",
          message: { en: expect.stringMatching(/differs from the nomenclature of kode 7\.01\.04\.2\.02: .* better: check the kode\.$/) },
        },
      ],
    },
    {
      name: "a kode of a bidang the list does not cover (a dinas): one info that its names and kodes were not checked",
      workbook: withMatches([
        { ...program, kode: "1.02.02", uraian: "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN" },
        { level: "kegiatan", kode: "1.02.02.2.01", uraian: "Penyediaan Fasilitas Pelayanan Kesehatan" },
      ]),
      findings: [
        {
          cell: "B5", severity: "info", actual: "1.02",
          message: { id: `Nama dan kode tidak diperiksa: nomenklatur untuk bidang 1.02 tidak tersedia (daftar yang dipakai: ${REG}, mencakup 7.01).` },
        },
      ],
    },
  ],
});

testRule(createNomenclatureMismatchRule({ minSimilarity: 0.95 }), {
  valid: [
    {
      name: "a higher minimum similarity leaves out what the default reports",
      workbook: withMatches([
        { ...program, catalogue: programMatch },
        { level: "kegiatan", uraian: "Koordinasi upaya Penyelenggaraan Keutentraman dan Ketertiban Umum", kode: "7.01.04.2.01", kodeInferred: true },
      ]),
    },
  ],
  invalid: [],
});

/** An imported (whole) list: the 7.01 entries of the built-in list, as an office's import would hold them. */
const wholeList = new Catalogue({ ...BUILTIN_CATALOGUE.toData(), name: "uji", regulation: "Kepmendagri 900.1.15.5-3406/2024", year: 2025 }, "stored");

function withList(specs: Parameters<typeof withMatches>[0]) {
  const wb = withMatches(specs);
  wb.tables[0].nomenclature = wholeList;
  return wb;
}

testRule(rule, {
  valid: [
    {
      name: "the penunjang program written with the unit's bidang is found in an X.XX list",
      workbook: (() => {
        const data = wholeList.toData();
        const penunjang = new Catalogue(
          { ...data, entries: [...data.entries.map((e) => (e[0].startsWith("7.01.01") ? ([`X.XX${e[0].slice(4)}`, ...e.slice(1)] as typeof e) : e)), ["5.02.02", "program", "PROGRAM PENGELOLAAN PENDAPATAN DAERAH"]] },
          "stored",
        );
        const wb = withMatches([
          { level: "program", kode: "5.02.01", uraian: "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA" },
          { level: "kegiatan", kode: "5.02.01.2.02", uraian: "Administrasi Keuangan Perangkat Daerah" },
          { level: "subKegiatan", kode: "5.02.01.2.02.0001", uraian: "Penyediaan Gaji dan Tunjangan ASN" },
        ]);
        wb.tables[0].nomenclature = penunjang;
        return wb;
      })(),
    },
  ],
  invalid: [
    {
      name: "a program kode missing from a whole list that covers its bidang, pointed at the kode cell, the list named",
      workbook: withList([{ ...program, kode: "7.01.09" }]),
      findings: [{ cell: "A5", role: "kode", actual: "7.01.09", message: { id: "Kode program 7.01.09 tidak ada dalam nomenklatur bidang 7.01 (Kepmendagri 900.1.15.5-3406/2024, 2025)." } }],
    },
    {
      name: "a sub kegiatan kode missing from a whole list is reported too",
      workbook: withList([{ level: "subKegiatan", kode: "7.01.04.2.01.0009", uraian: "Sub kegiatan yang belum tercatat" }]),
      findings: [{ cell: "A5", role: "kode", actual: "7.01.04.2.01.0009" }],
    },
  ],
});

// The support program's Pengadaan BMD kegiatan, its kode inferred (no kode column); the built-in list holds its
// sub kegiatan .0009 and .0010, not the official .0011 "… Sarana dan Prasarana Pendukung Gedung …"
function pengadaan(subKegiatan: string, list?: Catalogue) {
  const wb = withMatches([
    { level: "program", uraian: "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", kode: "7.01.01", kodeInferred: true },
    { level: "kegiatan", uraian: "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah", kode: "7.01.01.2.07", kodeInferred: true },
    { level: "subKegiatan", uraian: subKegiatan },
  ]);
  if (list) wb.tables[0].nomenclature = list;
  return wb;
}

testRule(rule, {
  valid: [
    {
      name: "with the built-in list, a name holding an entry's words and more: another entry the list may lack, no slip",
      workbook: pengadaan("Pengadaan Sarana dan Prasarana Pendukung Gedung Kantor atau Bangunan Lainnya"),
    },
  ],
  invalid: [
    {
      name: "with the built-in list, a name short of the entry's words is still a slip of it",
      workbook: pengadaan("Pengadaan Sarana dan Prasarana Gedung Kantor atau Bangunan"),
      findings: [{ cell: "B7", expected: "Pengadaan Sarana dan Prasarana Gedung Kantor atau Bangunan Lainnya" }],
    },
    {
      name: "with a whole list, the name holding an entry's words and more is compared as any other",
      workbook: pengadaan("Pengadaan Sarana dan Prasarana Pendukung Gedung Kantor atau Bangunan Lainnya", wholeList),
      findings: [{ cell: "B7", expected: "Pengadaan Sarana dan Prasarana Gedung Kantor atau Bangunan Lainnya" }],
    },
  ],
});
