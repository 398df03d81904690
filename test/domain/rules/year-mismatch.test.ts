import type { StatedYear } from "../../../src/domain/mapping/types";
import { rule } from "../../../src/domain/rules/year-mismatch";
import { planTable, planWorkbook } from "../../support/planWorkbook";
import { testRule } from "../../support/ruleTester";

function withYears(years: StatedYear[], year = 2025) {
  const t = planTable([{ level: "program", uraian: "PROGRAM PENUNJANG" }], { year });
  t.table.statedYears = years;
  return planWorkbook(t);
}

const titleN: StatedYear = { row: 1, col: 1, text: "RUMUSAN RENCANA PROGRAM DAN KEGIATAN TAHUN 2025", year: 2025, meaning: "N" };
const headerN: StatedYear = { row: 2, col: 5, text: "Rencana Tahun 2025 (N)", year: 2025, meaning: "N" };
const headerN1: StatedYear = { row: 2, col: 9, text: "Prakiraan Maju Rencana Tahun 2026 (N+1)", year: 2026, meaning: "N+1" };
/** A 2025 Tabel 3.3 beside a Tabel 2.3 whose title reviews the RKPD draft of `reviewed`. */
function planWithReview(reviewed: number) {
  const plan = planTable([{ level: "program", uraian: "PROGRAM PENUNJANG" }], { year: 2025 });
  plan.table.statedYears = [titleN];
  const review = planTable([{ level: "program", uraian: "PROGRAM PENUNJANG" }], { sheet: "Tabel 2.3", kind: "tabel-2.3", year: reviewed });
  review.table.statedYears = [{ row: 1, col: 1, text: `Review Terhadap Rancangan Awal RKPD Tahun ${reviewed}`, year: reviewed, meaning: "N" }];
  return planWorkbook(plan, review);
}

const titleN1Wrong: StatedYear = { row: 2, col: 1, text: "DAN PRAKIRAAN MAJU TAHUN 2025", year: 2025, meaning: "N+1" };

testRule(rule, {
  valid: [
    { name: "title and headers agree with N and N+1", workbook: withYears([titleN, headerN, headerN1]) },
    { name: "a Renstra period and unknown years are not judged", workbook: withYears([{ ...headerN, year: 2021, meaning: "renstra" }, { ...titleN, year: 1999, meaning: "other" }]) },
    { name: "an evaluated year N-1 and a year N-2", workbook: withYears([{ ...headerN, year: 2024, meaning: "N-1" }, { ...headerN1, year: 2023, meaning: "N-2" }]) },
    { name: "a Tabel 2.3 reviewing the RKPD draft of the plan year", workbook: planWithReview(2025) },
    {
      name: "a Tabel 2.3 alone is judged by its own year",
      workbook: (() => { const wb = planWithReview(2024); wb.tables.shift(); wb.sheets.shift(); return wb; })(),
    },
    { name: "no N known: nothing to judge", workbook: (() => { const wb = withYears([titleN1Wrong]); wb.tables[0].year = null; return wb; })() },
  ],
  invalid: [
    {
      name: "a Tabel 2.3 copied from last year's Renja: it reviews the 2024 RKPD draft beside a 2025 plan",
      workbook: planWithReview(2024),
      findings: [{ sheet: "Tabel 2.3", cell: "A1", row: 1, severity: "error", expected: "2025", actual: "2024", suggestion: { value: "2025", reason: "N = 2025: tahun rencana (N) = 2025" } }],
    },
    {
      name: "the seed's title: prakiraan maju 2025 in a 2025 plan",
      workbook: withYears([titleN, titleN1Wrong, headerN, headerN1]),
      findings: [
        {
          cell: "A2", row: 2, severity: "error", expected: "2026", actual: "2025", suggestion: { value: "2026", reason: expect.any(String) },
          message: { id: 'Untuk rencana tahun 2025 (N), "DAN PRAKIRAAN MAJU TAHUN 2025" menyebut 2025 sebagai prakiraan maju (N+1), seharusnya 2026.' },
        },
      ],
    },
    {
      name: "the user's year overrides the table's: everything stated for 2025 is wrong for 2026",
      workbook: withYears([titleN, headerN1]),
      options: { year: 2026 },
      findings: [{ cell: "A1", expected: "2026", actual: "2025" }, { cell: "I2", expected: "2027", actual: "2026" }],
    },
    {
      name: "two wrong years in one cell: one finding naming both",
      workbook: withYears([titleN, { ...titleN, year: 2024, meaning: "N" }, { ...titleN, year: 2024, meaning: "N+1" }]),
      findings: [{ cell: "A1", expected: undefined, message: { en: expect.stringMatching(/2024 as the plan year \(N\), expected 2025; 2024 as the forward estimate year \(N\+1\), expected 2026/) } }],
    },
  ],
});
