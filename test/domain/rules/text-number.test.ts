import { rule } from "../../../src/domain/rules/text-number";
import { planTable, planWorkbook } from "../../support/planWorkbook";
import { testRule } from "../../support/ruleTester";

const contains = (text: string) => expect.stringContaining(text) as unknown as string;
const suggests = (value: string, reason: string = expect.any(String) as unknown as string) => ({ value, reason });

// Rows start at 5; F is paguN, J is paguN1 (planWorkbook.ts).
testRule(rule, {
  valid: [
    {
      name: "numbers, empty cells and '-'; targets and other text columns are no amounts",
      workbook: planWorkbook(
        planTable([
          { level: "kegiatan", uraian: "Kegiatan A", paguN: 5_000_000, paguN1: null, targetN: "2 dokumen", targetN1: "100" },
          { level: "subKegiatan", uraian: "Sub A1", paguN: 5_000_000, paguN1: "-", catatan: "1.000" },
        ]),
      ),
    },
    {
      name: "malformed text is malformed-number's",
      workbook: planWorkbook(planTable([{ level: "subKegiatan", uraian: "Sub A1", paguN: "4.765,000" }])),
    },
  ],
  invalid: [
    {
      name: "amounts pasted from Word as text, in both notations and with Rp",
      workbook: planWorkbook(
        planTable([
          { level: "program", uraian: "PROGRAM PENUNJANG", paguN: "4,472,430,125", paguN1: "4.625.057.824" },
          { level: "kegiatan", uraian: "Kegiatan A", paguN: "Rp. 4.472.430.125,-", paguN1: 4_625_057_824 },
          { level: "subKegiatan", uraian: "Sub A", paguN: 4_472_430_125, paguN1: 4_625_057_824 },
        ]),
      ),
      findings: [
        {
          cell: "F5",
          row: 5,
          role: "paguN",
          severity: "info",
          actual: "4472430125",
          suggestion: suggests("4472430125"),
          message: { id: contains('(4.472.430.125) tersimpan sebagai teks "4,472,430,125"'), en: contains("Excel's SUM skips it") },
        },
        { cell: "J5", row: 5, role: "paguN1", actual: "4625057824", suggestion: suggests("4625057824") },
        { cell: "F6", row: 6, actual: "4472430125", suggestion: suggests("4472430125") },
      ],
    },
  ],
});
