import { rule } from "../../../src/domain/rules/duplicate-row";
import type { PlanRowSpec } from "../../support/planWorkbook";
import { planTable, planWorkbook } from "../../support/planWorkbook";
import { testRule } from "../../support/ruleTester";
import { BUILTIN_CATALOGUE, Catalogue } from "../../../src/domain/nomenclature";

const program: PlanRowSpec = { level: "program", uraian: "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA" };
const umum: PlanRowSpec = { level: "kegiatan", uraian: "Administrasi Umum Perangkat Daerah" };
const pemeliharaan: PlanRowSpec = { level: "kegiatan", uraian: "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah" };
const mesin: PlanRowSpec = { level: "subKegiatan", uraian: "Pemeliharaan Peralatan dan Mesin Lainnya" };
const mebel: PlanRowSpec = { level: "subKegiatan", uraian: "Pemeliharaan Mebel" };

// the 3406/2024 list has two sub kegiatan of this name under 2.08.02.2.01
const pug = "Koordinasi dan Sinkronisasi Pelaksanaan PUG Kewenangan Kabupaten/Kota";
const pugTwice: PlanRowSpec[] = [
  program,
  umum,
  { level: "subKegiatan", uraian: pug, kode: "2.08.02.2.01.0002" },
  { level: "subKegiatan", uraian: pug, kode: "2.08.02.2.01.0007" },
];

// a list that, like 3406/2024, names two sub kegiatan of 2.08.02.2.01 alike
const pppaList = new Catalogue(
  {
    format: "renja-nomenklatur",
    version: 1,
    name: "pppa",
    regulation: "Kepmendagri 900.1.15.5-3406/2024",
    entries: [
      ["2.08.02", "program", "PROGRAM PENGARUSUTAMAAN GENDER DAN PEMBERDAYAAN PEREMPUAN"],
      ["2.08.02.2.01", "kegiatan", "Pelembagaan Pengarusutamaan Gender (PUG) pada Lembaga Pemerintah Kewenangan Kabupaten/Kota"],
      ["2.08.02.2.01.0001", "subKegiatan", "Koordinasi dan Sinkronisasi Perumusan Kebijakan Pelaksanaan PUG"],
      ["2.08.02.2.01.0002", "subKegiatan", pug],
      ["2.08.02.2.01.0007", "subKegiatan", pug],
    ],
  },
  "stored",
);

/** A Dinas PPPA table without a kode column: the parents' kodes inferred from the list, the sub kegiatan's not. */
function pppaTable(subKegiatan: string[], list: Catalogue = pppaList) {
  const t = planTable([
    { level: "program", uraian: "PROGRAM PENGARUSUTAMAAN GENDER DAN PEMBERDAYAAN PEREMPUAN" },
    { level: "kegiatan", uraian: "Pelembagaan Pengarusutamaan Gender (PUG) pada Lembaga Pemerintah Kewenangan Kabupaten/Kota" },
    ...subKegiatan.map((uraian): PlanRowSpec => ({ level: "subKegiatan", uraian })),
  ]);
  t.table.rows[0] = { ...t.table.rows[0], kode: "2.08.02", kodeInferred: true };
  t.table.rows[1] = { ...t.table.rows[1], kode: "2.08.02.2.01", kodeInferred: true };
  t.table.nomenclature = list;
  return planWorkbook(t);
}

testRule(rule, {
  valid: [
    { name: "distinct names under each parent", workbook: planWorkbook(planTable([program, umum, mebel, pemeliharaan, mesin])) },
    { name: "the same sub kegiatan name under two different kegiatan", workbook: planWorkbook(planTable([program, umum, mesin, pemeliharaan, mesin])) },
    {
      name: "the same kode under different parents, and kodes inferred twice",
      workbook: (() => {
        const t = planTable([program, umum, { ...mebel, kode: "7.01.01.2.09.0005" }, pemeliharaan, { ...mesin, kode: "7.01.01.2.09.0005" }, { ...mebel, uraian: "Pemeliharaan Mebel Kantor" }]);
        t.table.rows[5] = { ...t.table.rows[5], kode: "7.01.01.2.09.0005", kodeInferred: true };
        t.table.rows[4] = { ...t.table.rows[4], kode: "7.01.01.2.09.0005", kodeInferred: true };
        return planWorkbook(t);
      })(),
    },
    {
      name: "one name under one kegiatan with two written kodes that differ: two entries of the list",
      workbook: planWorkbook(
        planTable([
          ...pugTwice,
        ]),
      ),
    },
    {
      // SIPD's "SUMBER DANA PER SUBKEGIATAN": kode, name, sumber dana, OPD; no program or kegiatan rows
      name: "a flat list of sub kegiatan, one listed once per sumber dana and once per unit",
      workbook: planWorkbook(
        planTable([
          { ...mebel, kode: "7.01.01.2.09.0005", sumberDana: "DAU" },
          { ...mebel, kode: "7.01.01.2.09.0005", sumberDana: "DAK Fisik" },
          { ...mebel, kode: "7.01.01.2.09.0005", sumberDana: "DAU" },
          { ...mesin, kode: "7.01.01.2.09.0006", sumberDana: "DAU" },
        ]),
      ),
    },
    {
      name: "without a kode column, the two sub kegiatan the table's list names alike under the kegiatan",
      workbook: pppaTable(["Koordinasi dan Sinkronisasi Perumusan Kebijakan Pelaksanaan PUG", pug, "Koordinasi dan  Sinkronisasi Pelaksanaan PUG Kewenangan Kabupaten / Kota"]),
    },
  ],
  invalid: [
    {
      name: "a third row of a name the table's list holds twice under the kegiatan: a repeat of the first",
      workbook: pppaTable([pug, "Koordinasi dan Sinkronisasi Perumusan Kebijakan Pelaksanaan PUG", pug, pug]),
      findings: [{ cell: "B10", row: 10, related: ["B7"] }],
    },
    {
      name: "two rows of that name where the table's list names it once (the built-in list, another bidang's)",
      workbook: pppaTable([pug, pug], BUILTIN_CATALOGUE),
      findings: [{ cell: "B8", row: 8, related: ["B7"] }],
    },
    {
      name: "a name written again without a kode after two rows its kodes tell apart: a repeat of the first",
      workbook: planWorkbook(
        planTable([
          ...pugTwice,
          { level: "subKegiatan", uraian: pug },
        ]),
      ),
      findings: [{ cell: "B9", row: 9, related: ["B7"] }],
    },
    {
      name: "a sub kegiatan pasted twice, written differently",
      workbook: planWorkbook(planTable([program, pemeliharaan, mebel, mesin, { ...mesin, uraian: "Pemeliharaan  Peralatan dan Mesin-Lainnya" }])),
      findings: [{ cell: "B9", row: 9, role: "uraian", severity: "warning", related: ["B8"], message: { en: expect.stringContaining("already appears at B8") } }],
    },
    {
      name: "an abbreviation the catalogue matcher expands (BMD) names the same row",
      workbook: planWorkbook(planTable([program, { level: "kegiatan", uraian: "Administrasi Barang Milik Daerah pada Perangkat Daerah" }, { level: "kegiatan", uraian: "Administrasi BMD pada Perangkat Daerah" }])),
      findings: [{ cell: "B7", related: ["B6"] }],
    },
    {
      name: "the same kode twice under one kegiatan (names differ): one finding on the kode cell",
      workbook: planWorkbook(planTable([program, pemeliharaan, { ...mebel, kode: "7.01.01.2.09.0005" }, { ...mesin, kode: "7.01.01.2.09.0005" }])),
      findings: [{ cell: "A8", role: "kode", related: ["A7"] }],
    },
    {
      // 16 or more siblings are looked up through maps: repeats found before and after the group grows that large
      name: "many sub kegiatan under one kegiatan: repeats found by name (case, spacing, abbreviation, accent) and by kode",
      workbook: planWorkbook(
        planTable([
          program,
          umum,
          ...Array.from({ length: 12 }, (_, i): PlanRowSpec => ({ level: "subKegiatan", uraian: `Penyediaan Bahan ${i + 1}` })),
          { level: "subKegiatan", uraian: "PENYEDIAAN BAHAN 3" },
          { level: "subKegiatan", uraian: "Pengelolaan Barang Milik Daerah" },
          { level: "subKegiatan", uraian: "Koordinasi Kecamatan", kode: "7.01.01.2.01.0009" },
          ...Array.from({ length: 6 }, (_, i): PlanRowSpec => ({ level: "subKegiatan", uraian: `Penyediaan Alat ${i + 1}` })),
          { level: "subKegiatan", uraian: "Penyediaan  Bahan-5" },
          { level: "subKegiatan", uraian: "Pengelolaan BMD" },
          { level: "subKegiatan", uraian: "Koordinasi Kécamatan Lain", kode: "7.01.01.2.01.0009" },
          { level: "subKegiatan", uraian: "Koordinasi Kécamatan" },
          { level: "subKegiatan", uraian: "Penyediaan Bahan 55" },
        ]),
      ),
      findings: [
        { cell: "A30", row: 30, role: "kode", related: ["A21"] },
        { cell: "B19", row: 19, related: ["B9"] },
        { cell: "B28", row: 28, related: ["B11"] },
        { cell: "B29", row: 29, related: ["B20"] },
        { cell: "B31", row: 31, related: ["B21"] },
      ],
    },
    {
      name: "a program listed twice, and three copies give two findings",
      workbook: planWorkbook(planTable([program, umum, program, umum, umum])),
      findings: [{ cell: "B7", related: ["B5"] }, { cell: "B9", related: ["B8"] }],
    },
  ],
});
