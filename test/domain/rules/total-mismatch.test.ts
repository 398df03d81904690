import { rule } from "../../../src/domain/rules/total-mismatch";
import { planTable, planWorkbook } from "../../support/planWorkbook";
import { testRule } from "../../support/ruleTester";

const contains = (text: string) => expect.stringContaining(text) as unknown as string;

// Rows start at 5 (planWorkbook.ts).
testRule(rule, {
  valid: [
    {
      name: "the total equals the sum of the programs in N and N+1 (amounts as text, seed style)",
      workbook: planWorkbook(
        planTable([
          { level: "program", uraian: "PROGRAM A", paguN: "4,472,430,125", paguN1: "4.625.057.824" },
          { level: "kegiatan", uraian: "Kegiatan A", paguN: "4,472,430,125", paguN1: "4.625.057.824" },
          { level: "program", uraian: "PROGRAM B", paguN: "518,464,550", paguN1: "628.567.650" },
          { level: "kegiatan", uraian: "Kegiatan B", paguN: "518,464,550", paguN1: "628.567.650" },
          { level: "total", uraian: "T O T A L", paguN: "4,990,894,675", paguN1: "5,253,625,474" },
        ]),
      ),
    },
    {
      name: "a table without a total row",
      workbook: planWorkbook(planTable([{ level: "program", uraian: "PROGRAM A", paguN: 5 }])),
    },
    {
      name: "a mismatch below the programs is rollup-mismatch's, not this rule's",
      workbook: planWorkbook(
        planTable([
          { level: "program", uraian: "PROGRAM A", paguN: 100 },
          { level: "kegiatan", uraian: "Kegiatan A", paguN: 90 },
          { level: "total", uraian: "JUMLAH", paguN: 100 },
        ]),
      ),
    },
  ],
  invalid: [
    {
      name: "the total differs from the sum of the programs",
      workbook: planWorkbook(
        planTable([
          { level: "program", uraian: "PROGRAM A", paguN: 3_000_000, paguN1: 1 },
          { level: "program", uraian: "PROGRAM B", paguN: 2_000_000, paguN1: 1 },
          { level: "total", uraian: "JUMLAH TOTAL", paguN: 5_100_000, paguN1: 2 },
        ]),
      ),
      findings: [
        {
          cell: "F7",
          row: 7,
          role: "paguN",
          severity: "error",
          expected: "5000000",
          actual: "5100000",
          related: ["F5", "F6"],
          message: { id: contains("jumlah 2 program 5.000.000 (selisih +100.000)"), en: contains("its 2 programs add up to 5,000,000") },
        },
      ],
    },
    {
      name: "an empty total while the programs have amounts",
      workbook: planWorkbook(
        planTable([
          { level: "program", uraian: "PROGRAM A", paguN: 7, paguN1: 8 },
          { level: "total", uraian: "TOTAL", paguN: "-", paguN1: 8 },
        ]),
      ),
      findings: [{ cell: "F6", row: 6, expected: "7", actual: "0", message: { id: contains("kosong") } }],
    },
    {
      name: "a program's slip explains the total: info on the total, pointing at the program",
      workbook: planWorkbook(
        planTable([
          { level: "program", uraian: "PROGRAM A", paguN: "1.000,000" },
          { level: "kegiatan", uraian: "Kegiatan A", paguN: 600_000 },
          { level: "kegiatan", uraian: "Kegiatan B", paguN: 400_000 },
          { level: "program", uraian: "PROGRAM B", paguN: 500 },
          { level: "total", uraian: "T O T A L", paguN: 1_000_500 },
        ]),
      ),
      findings: [{ cell: "F9", row: 9, severity: "info", actual: "1000500", expected: "1500", related: ["F5"] }],
    },
  ],
});
