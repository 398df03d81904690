import { levelOfWellFormedKode, rule } from "../../../src/domain/rules/kode-format";
import type { PlanRowSpec } from "../../support/planWorkbook";
import { planTable, planWorkbook } from "../../support/planWorkbook";
import { testRule } from "../../support/ruleTester";

const program: PlanRowSpec = { level: "program", kode: "7.01.01", uraian: "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA" };
const kegiatan: PlanRowSpec = { level: "kegiatan", kode: "7.01.01.2.06", uraian: "Administrasi Umum Perangkat Daerah" };
const sub: PlanRowSpec = { level: "subKegiatan", kode: "7.01.01.2.06.0004", uraian: "Penyediaan Bahan Logistik Kantor" };

describe("levelOfWellFormedKode", () => {
  it("classifies each depth, the older 2-digit sub kegiatan form too", () => {
    expect(levelOfWellFormedKode("7")).toBe("urusan");
    expect(levelOfWellFormedKode("7.01")).toBe("bidang");
    expect(levelOfWellFormedKode("7.01.02")).toBe("program");
    expect(levelOfWellFormedKode("7.01.02.2.04")).toBe("kegiatan");
    expect(levelOfWellFormedKode("7.01.02.2.04.0003")).toBe("subKegiatan");
    expect(levelOfWellFormedKode("7.01.02.2.04.03")).toBe("subKegiatan");
    expect(levelOfWellFormedKode("7.1.2")).toBeUndefined();
    expect(levelOfWellFormedKode("7.01.02.2.04.003")).toBeUndefined();
  });
});

testRule(rule, {
  valid: [
    { name: "well-formed kodes at every level", workbook: planWorkbook(planTable([program, kegiatan, sub])) },
    { name: "the older 2-digit sub kegiatan form", workbook: planWorkbook(planTable([program, kegiatan, { ...sub, kode: "7.01.01.2.06.04" }])) },
    { name: "rows without a kode", workbook: planWorkbook(planTable([{ ...program, kode: undefined }, { ...kegiatan, kode: undefined }])) },
    {
      name: "a kode inferred from the catalogue is not the user's",
      workbook: (() => {
        const t = planTable([{ ...program, kode: undefined }]);
        t.table.rows[0] = { ...t.table.rows[0], kode: "7.01.1", kodeInferred: true };
        return planWorkbook(t);
      })(),
    },
  ],
  invalid: [
    {
      name: "a program kode with a one-digit program number",
      workbook: planWorkbook(planTable([{ ...program, kode: "7.01.1" }, kegiatan, sub])),
      findings: [{ cell: "A5", row: 5, role: "kode", severity: "warning", actual: "7.01.1", message: { en: expect.stringContaining("not of the form U.BB.PP") } }],
    },
    {
      name: "a sub kegiatan kode with three digits, a kegiatan with a trailing dot",
      workbook: planWorkbook(planTable([program, { ...kegiatan, kode: "7.01.01.2.06." }, { ...sub, kode: "7.01.01.2.06.004" }])),
      findings: [
        { cell: "A6", actual: "7.01.01.2.06." },
        { cell: "A7", actual: "7.01.01.2.06.004", message: { id: expect.stringContaining("U.BB.PP.K.KK.SSSS") } },
      ],
    },
    {
      // the lists and SIPD write the support program X.XX.01…; a plan writes it with its own urusan and bidang
      name: "the support program's generic X.XX kode: said to be that, with the unit's kode where an ancestor's gives it",
      workbook: planWorkbook(planTable([program, kegiatan, { ...sub, kode: "X.XX.01.2.06.0004" }])),
      findings: [
        {
          cell: "A7",
          actual: "X.XX.01.2.06.0004",
          expected: "7.01.01.2.06.0004",
          message: {
            id: 'Kode "X.XX.01.2.06.0004" adalah bentuk umum program penunjang dalam daftar nomenklatur; dalam rencana kode itu ditulis dengan urusan dan bidang unit sendiri (7.01.01.2.06.0004).',
            en: expect.stringContaining("generic form of the support program"),
          },
        },
      ],
    },
    {
      name: "a generic X.XX kode in a flat list (no ancestor's kode): the form to write, without a kode to suggest",
      workbook: planWorkbook(planTable([{ ...sub, kode: "X.XX.01.2.07.0009" }])),
      findings: [{ cell: "A5", actual: "X.XX.01.2.07.0009", expected: undefined, message: { en: expect.stringContaining("(U.BB.01.2.07.0009)") } }],
    },
    {
      name: "a well-formed kegiatan kode on a sub kegiatan row (depth does not fit the level)",
      workbook: planWorkbook(planTable([program, kegiatan, { ...sub, kode: "7.01.01.2.06" }])),
      findings: [{ cell: "A7", actual: "7.01.01.2.06", message: { en: expect.stringContaining('is an activity (kegiatan) kode, but row "Penyediaan Bahan Logistik Kantor" is a sub-activity') } }],
    },
  ],
});
