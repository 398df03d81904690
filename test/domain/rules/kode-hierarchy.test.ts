import { rule } from "../../../src/domain/rules/kode-hierarchy";
import type { PlanRowSpec } from "../../support/planWorkbook";
import { planTable, planWorkbook } from "../../support/planWorkbook";
import { testRule } from "../../support/ruleTester";

const program: PlanRowSpec = { level: "program", kode: "7.01.02", uraian: "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK" };
const kegiatan: PlanRowSpec = { level: "kegiatan", kode: "7.01.02.2.04", uraian: "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat" };
const sub: PlanRowSpec = { level: "subKegiatan", kode: "7.01.02.2.04.0003", uraian: "Pelaksanaan Urusan Pemerintahan yang Terkait dengan Kewenangan Lain yang Dilimpahkan" };

testRule(rule, {
  valid: [
    { name: "each kode extends its parent's", workbook: planWorkbook(planTable([program, kegiatan, sub])) },
    { name: "a kegiatan without kode: the sub kegiatan is compared with the program", workbook: planWorkbook(planTable([program, { ...kegiatan, kode: undefined }, sub])) },
    {
      name: "an inferred parent kode is not compared",
      workbook: (() => {
        const t = planTable([program, { ...kegiatan, kode: undefined }, sub]);
        t.table.rows[1] = { ...t.table.rows[1], kode: "7.01.02.2.01", kodeInferred: true };
        return planWorkbook(t);
      })(),
    },
  ],
  invalid: [
    {
      name: "a sub kegiatan under the wrong kegiatan kode",
      workbook: planWorkbook(planTable([program, kegiatan, { ...sub, kode: "7.01.02.2.01.0003" }])),
      findings: [{ cell: "A7", row: 7, role: "kode", severity: "error", expected: "7.01.02.2.04", actual: "7.01.02.2.01.0003", related: ["A6"] }],
    },
    {
      name: "a prefix that is not a whole segment (7.01.020 does not lie under 7.01.02)",
      workbook: planWorkbook(planTable([program, { ...kegiatan, kode: "7.01.020.2.04" }])),
      findings: [{ cell: "A6", expected: "7.01.02", related: ["A5"] }],
    },
    {
      name: "the kegiatan has no kode: its sub kegiatan is compared with the program",
      workbook: planWorkbook(planTable([program, { ...kegiatan, kode: undefined }, { ...sub, kode: "7.01.03.2.04.0003" }])),
      findings: [{ cell: "A7", expected: "7.01.02", related: ["A5"], message: { en: expect.stringContaining('parent program\'s kode "7.01.02"') } }],
    },
  ],
});
