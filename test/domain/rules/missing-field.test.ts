import { createMissingFieldRule, rule } from "../../../src/domain/rules/missing-field";
import { mergeCovering } from "../../../src/domain/rules/content-support/mergeIndex";
import { mergeAt } from "../../../src/domain/sheet/snapshot";
import type { PlanRowSpec } from "../../support/planWorkbook";
import { planTable, planWorkbook } from "../../support/planWorkbook";
import { testRule } from "../../support/ruleTester";

const full = { lokasi: "Kantor Kecamatan", indikator: "Persentase capaian (%)", targetN: "100%", paguN: 1000 };
const program: PlanRowSpec = { level: "program", uraian: "PROGRAM PENUNJANG", ...full, sumberDana: "APBD", paguN1: 1000 };
const kegiatan: PlanRowSpec = { level: "kegiatan", uraian: "Administrasi Umum Perangkat Daerah", ...full, sumberDana: "APBD", paguN1: 1000 };
const sub: PlanRowSpec = {
  level: "subKegiatan", uraian: "Penyediaan Bahan Logistik Kantor", ...full,
  indikator: "Jumlah bahan logistik (jenis)", targetN: "3 jenis", targetN1: "3 jenis", paguN1: 1000,
};
const total: PlanRowSpec = { level: "total", uraian: "T O T A L", paguN: 1000, paguN1: 1000 };

testRule(rule, {
  valid: [
    { name: "every needed field filled; sub kegiatan without sumber dana; parents without N+1 target", workbook: planWorkbook(planTable([program, kegiatan, sub, total])) },
    { name: "a dash pagu and a dash target are deliberate zeros", workbook: planWorkbook(planTable([program, kegiatan, { ...sub, paguN: "-", targetN: "-" }])) },
    { name: "Tabel 7 has no N+1 columns to fill", workbook: planWorkbook(planTable([program, kegiatan, { ...sub, targetN1: null, paguN1: null }], { kind: "tabel-7" })) },
    {
      name: "a lokasi merged down over the rows counts for every row",
      workbook: (() => {
        const wb = planWorkbook(planTable([program, { ...kegiatan, lokasi: null }, { ...sub, lokasi: null }]));
        const sheet = wb.sheets[0];
        wb.sheets[0] = { ...sheet, merges: [{ top: 5, left: 4, bottom: 7, right: 4 }] };
        return wb;
      })(),
    },
    { name: "other rows (notes, page-break headers) need nothing", workbook: planWorkbook(planTable([program, { level: "other", uraian: "perundangan yang berlaku (%)" }])) },
  ],
  invalid: [
    {
      name: "an empty indikator on a kegiatan, a dash indikator on a program",
      workbook: planWorkbook(planTable([{ ...program, indikator: "-" }, { ...kegiatan, indikator: null }, sub])),
      findings: [
        { cell: "C5", row: 5, role: "indikator", severity: "warning", message: { id: 'Indikator Kinerja kosong pada program "PROGRAM PENUNJANG".' } },
        { cell: "C6", row: 6, role: "indikator" },
      ],
    },
    {
      name: "sumber dana missing on a kegiatan",
      workbook: planWorkbook(planTable([program, { ...kegiatan, sumberDana: null }, sub])),
      findings: [{ cell: "G6", role: "sumberDana" }],
    },
    {
      name: "N+1 target and pagu missing on a sub kegiatan of Tabel 3.3, lokasi and target N too",
      workbook: planWorkbook(planTable([program, kegiatan, { ...sub, targetN1: null, paguN1: null, lokasi: " ", targetN: null }])),
      findings: [
        { cell: "D7", role: "lokasi" },
        { cell: "E7", role: "targetN" },
        { cell: "I7", role: "targetN1" },
        { cell: "J7", role: "paguN1" },
      ],
    },
    {
      name: "pagu N missing on a program",
      workbook: planWorkbook(planTable([{ ...program, paguN: null }, kegiatan, sub])),
      findings: [{ cell: "F5", role: "paguN", message: { en: 'The indicative budget (pagu) for year N of program "PROGRAM PENUNJANG" is empty.' } }],
    },
    {
      name: "a severity override applies",
      workbook: planWorkbook(planTable([{ ...program, lokasi: null }])),
      options: { severity: { "missing-field": "info" } },
      findings: [{ cell: "D5", severity: "info" }],
    },
  ],
});

testRule(createMissingFieldRule({ sumberDanaLevels: ["program", "kegiatan", "subKegiatan"] }), {
  valid: [{ name: "sub kegiatan with sumber dana", workbook: planWorkbook(planTable([program, kegiatan, { ...sub, sumberDana: "APBD" }])) }],
  invalid: [
    {
      name: "sumber dana required on sub kegiatan when configured",
      workbook: planWorkbook(planTable([program, kegiatan, sub])),
      findings: [{ cell: "G7", role: "sumberDana" }],
    },
  ],
});

describe("mergeCovering", () => {
  it("finds the merge over a cell as mergeAt does", () => {
    const merges = [
      { top: 5, left: 4, bottom: 9, right: 4 },
      { top: 12, left: 3, bottom: 12, right: 5 },
      { top: 20, left: 4, bottom: 40, right: 7 },
    ];
    const sheet = { ...planWorkbook(planTable([program])).sheets[0], merges };
    for (let row = 1; row <= 45; row++) {
      for (let col = 1; col <= 8; col++) expect(mergeCovering(sheet, row, col)).toBe(mergeAt(sheet, row, col));
    }
  });
});
