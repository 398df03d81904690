import { rule } from "../../../src/domain/rules/suspect-scale";
import { planTable, planWorkbook } from "../../support/planWorkbook";
import { testRule } from "../../support/ruleTester";

const contains = (text: string) => expect.stringContaining(text) as unknown as string;
const suggests = (value: string, reason: string = expect.any(String) as unknown as string) => ({ value, reason });

// Rows start at 5; F is paguN (planWorkbook.ts). Workbook (b) of the issue: "4.765,000" typed into an
// Indonesian-locale Excel is the number 4765, "13.729,700" the number 13729.7.
testRule(rule, {
  valid: [
    {
      name: "whole numbers whose sums hold; a small amount that its parent does need",
      workbook: planWorkbook(
        planTable([
          { level: "kegiatan", uraian: "Kegiatan A", paguN: 1_004_765 },
          { level: "subKegiatan", uraian: "Sub A1", paguN: 4765 },
          { level: "subKegiatan", uraian: "Sub A2", paguN: 1_000_000 },
        ]),
      ),
    },
    {
      name: "a malformed text is malformed-number's, the more specific rule",
      workbook: planWorkbook(
        planTable([
          { level: "kegiatan", uraian: "Kegiatan A", paguN: 5_765_000 },
          { level: "subKegiatan", uraian: "Sub A1", paguN: "4.765,000" },
          { level: "subKegiatan", uraian: "Sub A2", paguN: 1_000_000 },
        ]),
      ),
    },
    {
      name: "a sound number that does not fit its sum is not declared 1,000 times off unless that balances it",
      workbook: planWorkbook(
        planTable([
          { level: "kegiatan", uraian: "Kegiatan A", paguN: 5_000_000 },
          { level: "subKegiatan", uraian: "Sub A1", paguN: 4765 },
          { level: "subKegiatan", uraian: "Sub A2", paguN: 1_000_000 },
        ]),
      ),
    },
  ],
  invalid: [
    {
      name: "the Indonesian-Excel workbook: 4765 (whole, 1,000 times too small) and 13729.7 (a fraction)",
      workbook: planWorkbook(
        planTable([
          { level: "kegiatan", uraian: "Administrasi Umum Perangkat Daerah", paguN: 24_410_700 },
          { level: "subKegiatan", uraian: "Instalasi Listrik", paguN: 5_916_000 },
          { level: "subKegiatan", uraian: "Bahan Logistik Kantor", paguN: 4765 },
          { level: "subKegiatan", uraian: "Barang Cetakan", paguN: 13729.7 },
        ]),
      ),
      findings: [
        {
          cell: "F7",
          row: 7,
          role: "paguN",
          severity: "error",
          actual: "4765",
          expected: "4765000",
          suggestion: suggests("4765000"),
          related: ["F5"],
          message: { id: contains("1.000 kali lebih kecil"), en: contains("1,000 times smaller") },
        },
        { cell: "F8", row: 8, actual: "13729.7", expected: "13729700", suggestion: suggests("13729700"), message: { en: contains("Rupiah amounts are whole") } },
      ],
    },
    {
      name: "a parent 1,000 times too small against its children: the parent carries it",
      workbook: planWorkbook(
        planTable([
          { level: "kegiatan", uraian: "Kegiatan A", paguN: 5765 },
          { level: "subKegiatan", uraian: "Sub A1", paguN: 4_765_000 },
          { level: "subKegiatan", uraian: "Sub A2", paguN: 1_000_000 },
        ]),
      ),
      findings: [{ cell: "F5", row: 5, expected: "5765000", suggestion: suggests("5765000", contains("sama dengan jumlah 2 sub kegiatan")) }],
    },
    {
      name: "a fraction with no sum to decide: the thousands reading first",
      workbook: planWorkbook(planTable([{ level: "program", uraian: "PROGRAM A", paguN: 607873.956 }])),
      findings: [{ cell: "F5", row: 5, actual: "607873.956", suggestion: suggests("607873956", contains("tidak ada jumlah")) }],
    },
  ],
});
