import { rule } from "../../../src/domain/rules/malformed-number";
import { planTable, planWorkbook } from "../../support/planWorkbook";
import { testRule } from "../../support/ruleTester";

const contains = (text: string) => expect.stringContaining(text) as unknown as string;
const suggests = (value: string, reason: string = expect.any(String) as unknown as string) => ({ value, reason });

// Rows start at 5; F is paguN, J is paguN1 (planWorkbook.ts).
testRule(rule, {
  valid: [
    {
      name: "well-formed amounts in either notation, with Rp and ,-, and '-' for nothing",
      workbook: planWorkbook(
        planTable([
          { level: "kegiatan", uraian: "Kegiatan A", paguN: "Rp. 5.000.000,-", paguN1: "4,472,430,125" },
          { level: "subKegiatan", uraian: "Sub A1", paguN: "5.000.000", paguN1: "4.472.430.125" },
          { level: "subKegiatan", uraian: "Sub A2", paguN: "-", paguN1: 0 },
        ]),
      ),
    },
    {
      name: "a number with a fraction is suspect-scale's, not this rule's",
      workbook: planWorkbook(
        planTable([
          { level: "kegiatan", uraian: "Kegiatan A", paguN: 13_729_700 },
          { level: "subKegiatan", uraian: "Sub A1", paguN: 13729.7 },
        ]),
      ),
    },
  ],
  invalid: [
    {
      name: "an Excel error value (no amount, no repair); an amount with the next column's words pasted after it (read as the amount, a warning naming the words)",
      workbook: planWorkbook(
        planTable([
          { level: "kegiatan", uraian: "Administrasi Keuangan", paguN: 7000000 },
          { level: "subKegiatan", uraian: "Gaji dan Tunjangan", paguN: { value: null, error: "#REF!" } },
          { level: "subKegiatan", uraian: "Laporan Keuangan", paguN: "2.000.000 Kantor Kec. Tomoni" },
          { level: "subKegiatan", uraian: "Koordinasi", paguN: 5000000 },
        ]),
      ),
      findings: [
        { cell: "F6", row: 6, role: "paguN", severity: "error", message: { id: contains("galat Excel #REF!"), en: contains("Excel error #REF!") } },
        {
          cell: "F7",
          row: 7,
          role: "paguN",
          severity: "warning",
          actual: "2000000",
          message: { id: contains('dibaca sebagai 2.000.000; teks "Kantor Kec. Tomoni"'), en: contains("Move that text to its own column") },
        },
      ],
    },
    {
      name: "the seed's Administrasi Umum: five mixed-separator amounts, each repaired so the kegiatan balances",
      workbook: planWorkbook(
        planTable([
          { level: "kegiatan", uraian: "Administrasi Umum Perangkat Daerah", paguN: "400,619,700" },
          { level: "subKegiatan", uraian: "Instalasi Listrik", paguN: "5,917,000" },
          { level: "subKegiatan", uraian: "Peralatan Rumah Tangga", paguN: "-" },
          { level: "subKegiatan", uraian: "Bahan Logistik Kantor", paguN: "4.765,000" },
          { level: "subKegiatan", uraian: "Barang Cetakan", paguN: "13.729,700" },
          { level: "subKegiatan", uraian: "Bahan Bacaan", paguN: "10.380,000" },
          { level: "subKegiatan", uraian: "Kunjungan Tamu", paguN: "177.680,000" },
          { level: "subKegiatan", uraian: "Rapat Koordinasi", paguN: "188.148,000" },
        ]),
      ),
      findings: [
        {
          cell: "F8",
          row: 8,
          role: "paguN",
          severity: "error",
          actual: "4765",
          expected: "4765000",
          suggestion: { value: "4765000", reason: contains("(F5) cocok") },
          related: ["F5"],
          message: { id: contains('"4.765,000"'), en: contains("dots and commas mixed") },
        },
        { cell: "F9", row: 9, actual: "13729.7", expected: "13729700", suggestion: suggests("13729700") },
        { cell: "F10", row: 10, expected: "10380000", suggestion: suggests("10380000") },
        { cell: "F11", row: 11, expected: "177680000", suggestion: suggests("177680000") },
        { cell: "F12", row: 12, expected: "188148000", suggestion: suggests("188148000") },
      ],
    },
    {
      name: "an extra digit (the seed's 41,400,0000 and 68.050,0000)",
      workbook: planWorkbook(
        planTable([
          { level: "kegiatan", uraian: "Kegiatan Pemberdayaan Kelurahan", paguN: "380,910,350", paguN1: "68,050,000" },
          { level: "subKegiatan", uraian: "Pembangunan Sarana", paguN: "339,510,350", paguN1: null },
          { level: "subKegiatan", uraian: "Pemberdayaan Masyarakat", paguN: "41,400,0000", paguN1: "68.050,0000" },
        ]),
      ),
      findings: [
        { cell: "F7", row: 7, expected: "41400000", suggestion: suggests("41400000"), message: { en: contains("one digit too many") } },
        { cell: "J7", row: 7, expected: "68050000", suggestion: suggests("68050000") },
      ],
    },
    {
      name: "a slip in the parent (the seed's Penyediaan Jasa Penunjang): its repair equals its repaired children",
      workbook: planWorkbook(
        planTable([
          { level: "kegiatan", uraian: "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", paguN: "607.873,956" },
          { level: "subKegiatan", uraian: "Surat Menyurat", paguN: "30.016,000" },
          { level: "subKegiatan", uraian: "Komunikasi, Sumber Daya Air dan Listrik", paguN: "48.247,956" },
          { level: "subKegiatan", uraian: "Peralatan dan Perlengkapan Kantor", paguN: "19.100.000" },
          { level: "subKegiatan", uraian: "Pelayanan Umum Kantor", paguN: "510,510,000" },
        ]),
      ),
      findings: [
        { cell: "F5", row: 5, expected: "607873956", suggestion: suggests("607873956", contains("sama dengan jumlah 4 sub kegiatan")) },
        { cell: "F6", row: 6, expected: "30016000", suggestion: suggests("30016000"), related: ["F5"] },
        { cell: "F7", row: 7, expected: "48247956", suggestion: suggests("48247956"), related: ["F5"] },
      ],
    },
    {
      name: "a lower-ranked repair wins when it is the one that balances (70.500.00 meant 70.500,00)",
      workbook: planWorkbook(
        planTable([
          { level: "kegiatan", uraian: "Kegiatan A", paguN: 70_500 },
          { level: "subKegiatan", uraian: "Sub A1", paguN: "70.500.00" },
        ]),
      ),
      findings: [{ cell: "F6", row: 6, expected: "70500", suggestion: suggests("70500"), message: { en: contains("a digit missing") } }],
    },
    {
      name: "nothing balances: the most plausible repair, and the reason says so",
      workbook: planWorkbook(
        planTable([
          { level: "kegiatan", uraian: "Kegiatan A", paguN: 1_000_000 },
          { level: "subKegiatan", uraian: "Sub A1", paguN: "70.500.00" },
          { level: "subKegiatan", uraian: "Sub A2", paguN1: "19,310,00" },
        ]),
      ),
      findings: [
        {
          cell: "F6",
          row: 6,
          suggestion: suggests("70500000", contains("tidak membuat jumlah di F5 cocok")),
          message: { en: contains("does not balance the sum in F5") },
        },
        // N+1 has no parent amount to balance against: the kegiatan's empty J5 is checked (0 ≠ 19.310.000).
        { cell: "J7", row: 7, suggestion: suggests("19310000", contains("tidak membuat jumlah di J5 cocok")) },
      ],
    },
    {
      name: "a slip outside any sum: the most plausible repair, confirmed by nothing",
      workbook: planWorkbook(planTable([{ level: "program", uraian: "PROGRAM A", paguN: "1.000,000" }])),
      findings: [{ cell: "F5", row: 5, suggestion: suggests("1000000", contains("tidak ada jumlah")) }],
    },
  ],
});
