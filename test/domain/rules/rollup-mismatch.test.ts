import { rule } from "../../../src/domain/rules/rollup-mismatch";
import { planTable, planWorkbook } from "../../support/planWorkbook";
import { testRule } from "../../support/ruleTester";

/** A sub kegiatan pasted one cell to the left (the seed's Tabel 2.1): its amount stands under "Target" (E). */
function withShiftedChild(kegiatan: number) {
  const plan = planTable([
    { level: "kegiatan", uraian: "Kegiatan A", paguN: kegiatan },
    { level: "subKegiatan", uraian: "Sub A1", paguN: 1000 },
    { level: "subKegiatan", uraian: "Sub A2", targetN: 2000, paguN: "APBD" },
  ]);
  plan.table.rows[2].columnShift = -1;
  return planWorkbook(plan);
}

// Rows start at 5: the first spec is row 5, the next row 6, and so on (planWorkbook.ts).
testRule(rule, {
  valid: [
    {
      name: "every parent equals the sum of its children, in N and in N+1",
      workbook: planWorkbook(
        planTable([
          { level: "program", uraian: "PROGRAM PENUNJANG", paguN: 3_000_000, paguN1: 3_300_000 },
          { level: "kegiatan", uraian: "Administrasi Umum", paguN: 2_000_000, paguN1: 2_200_000 },
          { level: "subKegiatan", uraian: "Bahan Logistik", paguN: 1_500_000, paguN1: 1_600_000 },
          { level: "subKegiatan", uraian: "Barang Cetakan", paguN: 500_000, paguN1: 600_000 },
          { level: "kegiatan", uraian: "Administrasi Keuangan", paguN: 1_000_000, paguN1: 1_100_000 },
          { level: "subKegiatan", uraian: "Gaji dan Tunjangan", paguN: 1_000_000, paguN1: 1_100_000 },
          { level: "total", uraian: "T O T A L", paguN: 3_000_000, paguN1: 3_300_000 },
        ]),
      ),
    },
    {
      name: "amounts as text in both notations, '-' and empty cells as zero",
      workbook: planWorkbook(
        planTable([
          { level: "program", uraian: "PROGRAM PENUNJANG", paguN: "4,472,430,125", paguN1: "4.625.057.824" },
          { level: "kegiatan", uraian: "Administrasi Umum", paguN: "4.472.430.125", paguN1: "4,625,057,824" },
          { level: "subKegiatan", uraian: "Peralatan Rumah Tangga", paguN: "-", paguN1: null },
          { level: "subKegiatan", uraian: "Bahan Logistik", paguN: "Rp. 4.472.430.125,-", paguN1: "4.625.057.824" },
        ]),
      ),
    },
    {
      name: "a kegiatan without sub kegiatan is not checked; an empty parent over empty children holds",
      workbook: planWorkbook(
        planTable([
          { level: "program", uraian: "PROGRAM A", paguN: 700, paguN1: null },
          { level: "kegiatan", uraian: "Kegiatan tanpa rincian", paguN: 700, paguN1: null },
        ]),
      ),
    },
    {
      name: "a row pasted one cell to the left (columnShift -1) is read where its amount stands",
      workbook: withShiftedChild(3000),
    },
    {
      name: "Tabel 7 has only the N column",
      workbook: planWorkbook(
        planTable(
          [
            { level: "program", uraian: "PROGRAM A", paguN: 10 },
            { level: "kegiatan", uraian: "Kegiatan A", paguN: 10 },
            { level: "subKegiatan", uraian: "Sub A", paguN: 10, paguN1: 999 },
          ],
          { kind: "tabel-7", sheet: "Tabel 7" },
        ),
      ),
    },
    {
      // Whole numbers are summed as integers only while every partial sum stays within 2^53 - 1; beyond, in Decimal.
      name: "children near 2^53 whose sum leaves the range of exact doubles still add up exactly",
      workbook: planWorkbook(
        planTable([
          { level: "kegiatan", uraian: "Kegiatan A", paguN: 18_014_398_509_481_982 },
          { level: "subKegiatan", uraian: "Sub A1", paguN: 9_007_199_254_740_991 },
          { level: "subKegiatan", uraian: "Sub A2", paguN: 9_007_199_254_740_991 },
        ]),
      ),
    },
  ],
  invalid: [
    {
      // In doubles 9,007,199,254,740,991 + 2 rounds to 9,007,199,254,740,992 and the sum would seem to hold.
      name: "a sum beyond 2^53 is judged exactly, not in rounded doubles",
      workbook: planWorkbook(
        planTable([
          { level: "kegiatan", uraian: "Kegiatan A", paguN: 9_007_199_254_740_992 },
          { level: "subKegiatan", uraian: "Sub A1", paguN: 9_007_199_254_740_991 },
          { level: "subKegiatan", uraian: "Sub A2", paguN: 2 },
        ]),
      ),
      findings: [{ cell: "F5", row: 5, expected: "9007199254740993", actual: "9007199254740992" }],
    },
    {
      name: "a shifted row's amount is summed from where it stands, and named by that cell",
      workbook: withShiftedChild(5000),
      findings: [{ cell: "F5", row: 5, expected: "3000", actual: "5000", related: ["F6", "E7"] }],
    },
    {
      name: "swapped digits in a program (the seed's Urusan Pemerintahan Umum, N)",
      workbook: planWorkbook(
        planTable([
          { level: "program", uraian: "PROGRAM PENYELENGGARAAN URUSAN PEMERINTAHAN UMUM", paguN: "16,742,000", paguN1: "19.985.909" },
          { level: "kegiatan", uraian: "Penyelenggaraan Urusan Pemerintahan Umum", paguN: "16,472,000", paguN1: "19.985.909" },
          { level: "subKegiatan", uraian: "Forum Koordinasi Pimpinan", paguN: "16,472,000", paguN1: "19,985,909" },
        ]),
      ),
      findings: [
        {
          cell: "F5",
          row: 5,
          role: "paguN",
          severity: "error",
          expected: "16472000",
          actual: "16742000",
          related: ["F6"],
          message: {
            id: expect.stringContaining("dua angka tertukar") as unknown as string,
            en: expect.stringContaining("two digits swapped") as unknown as string,
          },
        },
      ],
    },
    {
      name: "an N+1 mismatch in a kegiatan; the program agrees with its kegiatan as stated",
      workbook: planWorkbook(
        planTable([
          { level: "program", uraian: "PROGRAM PENUNJANG", paguN: 33_985_000, paguN1: 53_109_000 },
          { level: "kegiatan", uraian: "Administrasi Kepegawaian Perangkat Daerah", paguN: 33_985_000, paguN1: 53_109_000 },
          { level: "subKegiatan", uraian: "Bimbingan Teknis", paguN: 31_699_000, paguN1: 10_000_000 },
          { level: "subKegiatan", uraian: "Pendataan Kepegawaian", paguN: 2_286_000, paguN1: 14_344_000 },
        ]),
      ),
      findings: [
        {
          cell: "J6",
          role: "paguN1",
          severity: "error",
          expected: "24344000",
          actual: "53109000",
          related: ["J7", "J8"],
          message: { id: expect.stringContaining("selisih +28.765.000") as unknown as string },
        },
      ],
    },
    {
      name: "the difference equals a row of another table (dropped since the RKPD draft): that row is named",
      workbook: planWorkbook(
        planTable([
          { level: "program", uraian: "PROGRAM PENUNJANG", paguN1: 53_109_000 },
          { level: "kegiatan", uraian: "Administrasi Kepegawaian Perangkat Daerah", paguN1: 53_109_000 },
          { level: "subKegiatan", uraian: "Bimbingan Teknis", paguN1: 10_000_000 },
          { level: "subKegiatan", uraian: "Pendataan Kepegawaian", paguN1: 14_344_000 },
        ]),
        planTable(
          [
            { level: "program", uraian: "PROGRAM PENUNJANG", paguN: 28_765_000 },
            { level: "kegiatan", uraian: "Administrasi Kepegawaian", paguN: 28_765_000 },
            { level: "subKegiatan", uraian: "Pengadaan Pakaian Dinas beserta Atribut Kelengkapannya", paguN: 28_765_000 },
          ],
          { sheet: "Tabel 2.3", kind: "tabel-2.3" },
        ),
      ),
      findings: [
        {
          cell: "J6",
          expected: "24344000",
          actual: "53109000",
          message: {
            id: expect.stringMatching(/sama dengan pagu «Pengadaan Pakaian Dinas beserta Atribut Kelengkapannya» \('Tabel 2\.3'!F7\): rincian itu mungkin dihapus/) as unknown as string,
          },
        },
      ],
    },
    {
      name: "the program's difference equals a kegiatan of the other table ahead of its sub kegiatan",
      workbook: planWorkbook(
        planTable([
          { level: "program", uraian: "PROGRAM PENUNJANG", paguN1: "4.625.057.824" },
          { level: "kegiatan", uraian: "Administrasi Keuangan", paguN1: "4.596.424.824" },
          { level: "subKegiatan", uraian: "Gaji", paguN1: "4.596.424.824" },
        ]),
        planTable(
          [
            { level: "program", uraian: "PROGRAM PENUNJANG", paguN: 28_633_000 },
            { level: "kegiatan", uraian: "Administrasi Pendapatan Daerah Kewenangan perangkat Daerah", paguN: 28_633_000 },
            { level: "subKegiatan", uraian: "Pelaporan Pengelolaan Retribusi Daerah", paguN: 28_633_000 },
          ],
          { sheet: "Tabel 2.3", kind: "tabel-2.3" },
        ),
      ),
      findings: [
        {
          cell: "J5",
          expected: "4596424824",
          actual: "4625057824",
          message: {
            id: expect.stringMatching(/«Administrasi Pendapatan Daerah Kewenangan perangkat Daerah».*«Pelaporan Pengelolaan Retribusi Daerah»/) as unknown as string,
          },
        },
      ],
    },
    {
      name: "a parent whose amount is empty while its children have amounts",
      workbook: planWorkbook(
        planTable([
          { level: "program", uraian: "PROGRAM A", paguN: 5000 },
          { level: "kegiatan", uraian: "Kegiatan A", paguN: null },
          { level: "subKegiatan", uraian: "Sub A", paguN: 5000 },
        ]),
      ),
      findings: [
        // The program's own sum now fails too: 5.000 stated against a kegiatan of 0.
        { cell: "F5", row: 5, severity: "error", expected: "0", actual: "5000" },
        { cell: "F6", row: 6, severity: "error", expected: "5000", actual: "0", message: { id: expect.stringContaining("kosong") as unknown as string } },
      ],
    },
    {
      name: "a child's malformed amount explains the difference: info on the parent, pointing at the child",
      workbook: planWorkbook(
        planTable([
          { level: "program", uraian: "PROGRAM A", paguN: "5.765.000" },
          { level: "kegiatan", uraian: "Administrasi Umum", paguN: "5.765.000" },
          { level: "subKegiatan", uraian: "Bahan Logistik", paguN: "4.765,000" },
          { level: "subKegiatan", uraian: "Cetakan", paguN: "1.000.000" },
        ]),
      ),
      findings: [{ cell: "F6", severity: "info", expected: "1004765", actual: "5765000", related: ["F7"] }],
    },
    {
      name: "a number child 1,000 times too small (4.765,000 typed into an Indonesian Excel) explains the difference",
      workbook: planWorkbook(
        planTable([
          { level: "kegiatan", uraian: "Administrasi Umum", paguN: 5_765_000 },
          { level: "subKegiatan", uraian: "Bahan Logistik", paguN: 4765 },
          { level: "subKegiatan", uraian: "Cetakan", paguN: 1_000_000 },
        ]),
      ),
      findings: [{ cell: "F5", severity: "info", related: ["F6"] }],
    },
    {
      name: "a slip in the parent itself that equals its children: no finding on it; the program above is explained",
      workbook: planWorkbook(
        planTable([
          { level: "program", uraian: "PROGRAM PENUNJANG", paguN: "607,873,956" },
          { level: "kegiatan", uraian: "Penyediaan Jasa Penunjang", paguN: "607.873,956" },
          { level: "subKegiatan", uraian: "Surat Menyurat", paguN: "30.016,000" },
          { level: "subKegiatan", uraian: "Komunikasi", paguN: "48.247,956" },
          { level: "subKegiatan", uraian: "Peralatan", paguN: "19.100.000" },
          { level: "subKegiatan", uraian: "Pelayanan Umum", paguN: "510,510,000" },
        ]),
      ),
      findings: [{ cell: "F5", severity: "info", related: ["F6"] }],
    },
    {
      name: "a slip that balances nothing: the sum fails with the slip's most plausible reading",
      workbook: planWorkbook(
        planTable([
          { level: "kegiatan", uraian: "Pemeliharaan", paguN: 1_000_000 },
          { level: "subKegiatan", uraian: "Peralatan", paguN: "70.500.00" },
        ]),
      ),
      findings: [
        {
          cell: "F5",
          severity: "error",
          expected: "70500000",
          actual: "1000000",
          message: { id: expect.stringContaining("perbaikan salah ketik di F6") as unknown as string },
        },
      ],
    },
    {
      name: "the user's severity override applies to errors, not to explained infos",
      options: { severity: { "rollup-mismatch": "warning" } },
      workbook: planWorkbook(
        planTable([
          { level: "program", uraian: "PROGRAM A", paguN: 5_765_000, paguN1: 10 },
          { level: "kegiatan", uraian: "Kegiatan A", paguN: 5_765_000, paguN1: 20 },
          { level: "subKegiatan", uraian: "Sub A", paguN: 4765, paguN1: 15 },
          { level: "subKegiatan", uraian: "Sub B", paguN: 1_000_000, paguN1: 5 },
        ]),
      ),
      findings: [
        { cell: "J5", row: 5, severity: "warning", expected: "20", actual: "10" },
        { cell: "F6", row: 6, severity: "info" },
      ],
    },
  ],
});
