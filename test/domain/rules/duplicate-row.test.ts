import { rule } from "../../../src/domain/rules/duplicate-row";
import type { PlanRowSpec } from "../../support/planWorkbook";
import { planTable, planWorkbook } from "../../support/planWorkbook";
import { testRule } from "../../support/ruleTester";

const program: PlanRowSpec = { level: "program", uraian: "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA" };
const umum: PlanRowSpec = { level: "kegiatan", uraian: "Administrasi Umum Perangkat Daerah" };
const pemeliharaan: PlanRowSpec = { level: "kegiatan", uraian: "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah" };
const mesin: PlanRowSpec = { level: "subKegiatan", uraian: "Pemeliharaan Peralatan dan Mesin Lainnya" };
const mebel: PlanRowSpec = { level: "subKegiatan", uraian: "Pemeliharaan Mebel" };

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
  ],
  invalid: [
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
      name: "a program listed twice, and three copies give two findings",
      workbook: planWorkbook(planTable([program, umum, program, umum, umum])),
      findings: [{ cell: "B7", related: ["B5"] }, { cell: "B9", related: ["B8"] }],
    },
  ],
});
