import { rule } from "../../../src/domain/rules/formula-range";
import type { Cell } from "../../../src/domain/sheet/snapshot";
import { planTable, planWorkbook } from "../../support/planWorkbook";
import { testRule } from "../../support/ruleTester";

const sum = (formula: string, value: number): Cell => ({ value, formula });
const contains = (text: string) => expect.stringContaining(text) as unknown as string;
const suggests = (value: string, reason: string = expect.any(String) as unknown as string) => ({ value, reason });

// Rows start at 5; F is paguN, J is paguN1 (planWorkbook.ts).
testRule(rule, {
  valid: [
    {
      name: "ranges, lists and + over exactly the children, the total over the programs",
      workbook: planWorkbook(
        planTable([
          { level: "program", uraian: "PROGRAM A", paguN: sum("SUM(F6,F9)", 6), paguN1: sum("J6+J9", 6) },
          { level: "kegiatan", uraian: "Kegiatan A", paguN: sum("SUM(F7:F8)", 3), paguN1: sum("SUM($J$7:$J$8)", 3) },
          { level: "subKegiatan", uraian: "Sub A1", paguN: 1, paguN1: 1 },
          { level: "subKegiatan", uraian: "Sub A2", paguN: 2, paguN1: 2 },
          { level: "kegiatan", uraian: "Kegiatan B", paguN: sum("sum(F10)", 3), paguN1: sum("SUBTOTAL(9,J10)", 3) },
          { level: "subKegiatan", uraian: "Sub B1", paguN: 3, paguN1: 3 },
          { level: "total", uraian: "T O T A L", paguN: sum("SUM(F5)", 6), paguN1: sum("J5", 6) },
        ]),
      ),
    },
    {
      name: "a range may cover a blank page-break row and a repeated header's text",
      workbook: planWorkbook(
        planTable([
          { level: "kegiatan", uraian: "Kegiatan A", paguN: sum("SUM(F6:F9)", 3) },
          { level: "subKegiatan", uraian: "Sub A1", paguN: 1 },
          { level: "other", uraian: "" },
          { level: "other", uraian: "Program/Kegiatan", paguN: "Pagu Indikatif" },
          { level: "subKegiatan", uraian: "Sub A2", paguN: 2 },
        ]),
      ),
    },
    {
      name: "formulas that are not plain sums, and parents without children, are left alone",
      workbook: planWorkbook(
        planTable([
          { level: "program", uraian: "PROGRAM A", paguN: sum("ROUND(F6*1.1,0)", 3) },
          { level: "kegiatan", uraian: "Kegiatan A", paguN: sum("F7-F8", 3) },
          { level: "subKegiatan", uraian: "Sub A1", paguN: 1 },
          { level: "subKegiatan", uraian: "Sub A2", paguN: sum("SUM(F5:F7)", 2) },
        ]),
      ),
    },
  ],
  invalid: [
    {
      name: "a range that leaves out the last child",
      workbook: planWorkbook(
        planTable([
          { level: "kegiatan", uraian: "Administrasi Umum", paguN: sum("SUM(F6:F7)", 3) },
          { level: "subKegiatan", uraian: "Sub 1", paguN: 1 },
          { level: "subKegiatan", uraian: "Sub 2", paguN: 2 },
          { level: "subKegiatan", uraian: "Sub 3", paguN: 4 },
        ]),
      ),
      findings: [
        {
          cell: "F5",
          row: 5,
          role: "paguN",
          severity: "error",
          expected: "SUM(F6:F8)",
          actual: "SUM(F6:F7)",
          suggestion: suggests("SUM(F6:F8)"),
          related: ["F6", "F7", "F8"],
          message: { id: contains("tidak menjumlahkan F8"), en: contains("leaves out F8") },
        },
      ],
    },
    {
      name: "a range that runs into the next kegiatan",
      workbook: planWorkbook(
        planTable([
          { level: "program", uraian: "PROGRAM A", paguN: sum("SUM(F6,F8)", 3) },
          { level: "kegiatan", uraian: "Kegiatan A", paguN: sum("SUM(F7:F8)", 4) },
          { level: "subKegiatan", uraian: "Sub A1", paguN: 1 },
          { level: "kegiatan", uraian: "Kegiatan B", paguN: 3 },
        ]),
      ),
      findings: [{ cell: "F6", row: 6, expected: "SUM(F7)", actual: "SUM(F7:F8)", message: { id: contains("ikut menjumlahkan F8") } }],
    },
    {
      name: "a program's range over non-contiguous kegiatan counts their sub kegiatan too; the fix lists the kegiatan",
      workbook: planWorkbook(
        planTable([
          { level: "program", uraian: "PROGRAM A", paguN: sum("SUM(F6:F10)", 12) },
          { level: "kegiatan", uraian: "Kegiatan A", paguN: 1 },
          { level: "subKegiatan", uraian: "Sub A1", paguN: 1 },
          { level: "kegiatan", uraian: "Kegiatan B", paguN: 2 },
          { level: "subKegiatan", uraian: "Sub B1", paguN: 2 },
          { level: "kegiatan", uraian: "Kegiatan C", paguN: 3 },
          { level: "subKegiatan", uraian: "Sub C1", paguN: 3 },
        ]),
      ),
      findings: [{ cell: "F5", row: 5, expected: "SUM(F6,F8,F10)", actual: "SUM(F6:F10)", suggestion: suggests("SUM(F6,F8,F10)") }],
    },
    {
      name: "the wrong column, a child counted twice, the parent itself, another sheet",
      workbook: planWorkbook(
        planTable([
          { level: "program", uraian: "PROGRAM A", paguN: sum("SUM(E6)", 0), paguN1: sum("SUM(J6,J6)", 2) },
          { level: "kegiatan", uraian: "Kegiatan A", paguN: sum("SUM(F6:F7)", 1), paguN1: sum("J7+'Tabel 7'!F7", 1) },
          { level: "subKegiatan", uraian: "Sub A1", paguN: 1, paguN1: 1 },
        ]),
      ),
      findings: [
        { cell: "F5", row: 5, expected: "SUM(F6)", actual: "SUM(E6)", message: { id: contains("ikut menjumlahkan E6") } },
        { cell: "J5", row: 5, expected: "SUM(J6)", actual: "SUM(J6,J6)", message: { id: contains("J6 dua kali") } },
        { cell: "F6", row: 6, expected: "SUM(F7)", actual: "SUM(F6:F7)", message: { id: contains("ikut menjumlahkan F6") } },
        { cell: "J6", row: 6, expected: "SUM(J7)", actual: "J7+'Tabel 7'!F7", message: { en: contains("also adds 'Tabel 7'!F7") } },
      ],
    },
    {
      name: "a total summing every row instead of the programs",
      workbook: planWorkbook(
        planTable([
          { level: "program", uraian: "PROGRAM A", paguN: 1 },
          { level: "kegiatan", uraian: "Kegiatan A", paguN: 1 },
          { level: "total", uraian: "JUMLAH", paguN: sum("SUM(F5:F6)", 2) },
        ]),
      ),
      findings: [{ cell: "F7", row: 7, expected: "SUM(F5)", actual: "SUM(F5:F6)" }],
    },
  ],
});
