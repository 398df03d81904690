import Decimal from "decimal.js";
import { readAmount } from "../../../src/domain/numbers";
import { rule } from "../../../src/domain/rules/cross-table-mismatch";
import { cellAt, textAt } from "../../../src/domain/sheet/snapshot";
import type { PlanRowSpec } from "../../support/planWorkbook";
import { planTable, planWorkbook } from "../../support/planWorkbook";
import type { InvalidCase } from "../../support/ruleTester";
import { testRule } from "../../support/ruleTester";
import { handTable, handWorkbook } from "./cross-support/handTable";
import type { Grid } from "./cross-support/handTable";
import { seedMappedWorkbook, seedSheet, seedWorkbook } from "./cross-support/seedHandMap";

/**
 * The seed's Bab III vs Bab IV, every finding checked by hand against the seed text (Tabel 3.3 data from row 9,
 * Tabel 7 from row 8): [sheet!cell, role, Tabel 7 text / amount, Tabel 3.3 text / amount].
 */
const SEED_TEXT_DIFFERENCES: Array<[string, "indikator" | "targetN" | "uraian", string]> = [
  ["C15", "indikator", "Administrasi Keuangan: Tabel 3.3 leaves the indikator empty"],
  ["C17", "indikator", "Laporan Keuangan: Tabel 3.3 empty"],
  ["C19", "indikator", "Administrasi BMD: Tabel 3.3 empty"],
  ["C20", "indikator", "Perencanaan BMD: 'Jumlah Perencanaan Barang Milik Daerah yang disusun' vs 'Persentase BMD yang Diadministrasikan…'"],
  ["E20", "targetN", "Perencanaan BMD: 2 dokumen vs 4 dokumen"],
  ["C21", "indikator", "Administrasi Kepegawaian: Tabel 3.3 empty"],
  ["C22", "indikator", "Bimbingan Teknis: 'Percentase Rata-rata' vs 'Persentase Rara-rata'"],
  ["E22", "targetN", "Bimbingan Teknis: 5 Orang vs 12 Laporan"],
  ["E23", "targetN", "Pendataan Kepegawaian: 12 Laporan vs 5 orang"],
  ["E26", "targetN", "Bahan Logistik: 3 Paket vs 3 orang"],
  ["E27", "targetN", "Barang Cetakan: 3 Paket vs 31099 lembar"],
  ["E28", "targetN", "Bahan Bacaan: 2 Dokumen vs 120 exemplar"],
  ["E29", "targetN", "Kunjungan Tamu: 2 Laporan vs 8500 kotak"],
  ["E33", "targetN", "Peralatan dan Mesin: 4 unit vs 140 unit"],
  ["C46", "indikator", "Kewenangan Lain: '…yang dilimpahkan' vs '…yang dilaksanakan'"],
  ["E46", "targetN", "Kewenangan Lain: 24 Dokumen vs 24 Laporan"],
  ["C52", "indikator", "Kegiatan Pemberdayaan Kelurahan: 'Percentase' vs 'Persentase'"],
  ["E53", "targetN", "Pembangunan Sarana dan Prasarana Kelurahan: 2 Kegiatan vs 3 kegiatan"],
  ["C54", "indikator", "Pemberdayaan Masyarakat di kelurahan: 'Pokmas yang melakukan pemberdayaan' vs 'Jumlah Kegiatan kelurahan…'"],
  ["E54", "targetN", "Pemberdayaan Masyarakat di kelurahan: 3 pokmas vs 3 kegiatan"],
  ["C57", "indikator", "Sinergitas: 'Percentase' vs 'Persentase'"],
  ["C61", "indikator", "PROGRAM PENYELENGGARAAN URUSAN PEMERINTAHAN UMUM: 'Percentase' vs 'Persentase'"],
  ["C62", "indikator", "Penyelenggaraan Urusan Pemerintahan Umum: 'Percentase' vs 'Persentase'"],
  ["C63", "indikator", "Pelaksanaan Tugas Forum: 'Percentase' vs 'Persentase'"],
  ["C64", "indikator", "PROGRAM PEMBINAAN: 'Percentase penyelenggaraan' (wrapped onto the next row) vs 'Persentase penyelengaraan'"],
  ["C67", "indikator", "Fasilitasi, Rekomendasi: 'Percentase' vs 'Persentase'"],
];

/** A small Bab III: one program, one kegiatan, three sub kegiatan (rows 5–9), total on row 10. */
function bab3(overrides: Partial<Record<number, Partial<PlanRowSpec>>> = {}): PlanRowSpec[] {
  const rows: PlanRowSpec[] = [
    { level: "program", uraian: "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", indikator: "Persentase penunjang (%)", targetN: "100%", paguN: "36.871.700" },
    { level: "kegiatan", uraian: "Administrasi Umum Perangkat Daerah", indikator: "Persentase administrasi umum (%)", targetN: "100%", paguN: "36.871.700" },
    { level: "subKegiatan", uraian: "Penyediaan Peralatan Rumah Tangga", indikator: "Jumlah peralatan (Unit)", targetN: "0 unit", paguN: "-" },
    { level: "subKegiatan", uraian: "Penyediaan Bahan Logistik Kantor", indikator: "Jumlah bahan logistik kantor yang disediakan (jenis)", targetN: "3 Paket", paguN: "4.765,000" },
    { level: "subKegiatan", uraian: "Penyediaan Barang Cetakan dan Penggandaan", indikator: "Jumlah Barang cetakan (jenis)", targetN: "5 Orang", paguN: "32.106.700" },
    { level: "total", uraian: "T O T A L", paguN: "36.871.700" },
  ];
  return rows.map((r, i) => ({ ...r, ...(overrides[i] ?? {}) }));
}

/** The same plan as Bab IV writes it: names run together, US separators, no Peralatan Rumah Tangga. */
function bab4(overrides: Partial<Record<number, Partial<PlanRowSpec>>> = {}): PlanRowSpec[] {
  const rows: PlanRowSpec[] = [
    { level: "program", uraian: "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", indikator: "Persentase penunjang (%)", targetN: "100%", paguN: "36,871,700" },
    { level: "kegiatan", uraian: "Administrasi Umum PerangkatDaerah", indikator: "Persentase administrasi  umum (%)", targetN: "100%", paguN: "36,871,700" },
    { level: "subKegiatan", uraian: "Penyediaan Bahan LogistikKantor", indikator: "Jumlah bahan logistik kantor yang disediakan (jenis)", targetN: "3 Paket", paguN: "4,765,000" },
    { level: "subKegiatan", uraian: "Penyediaan Barang Cetakan dan Penggandaan", indikator: "Jumlah Barang cetakan (jenis)", targetN: "5 orang", paguN: "32,106,700" },
    { level: "total", uraian: "JUMLAH TOTAL", paguN: "36,871,700" },
  ];
  return rows.map((r, i) => ({ ...r, ...(overrides[i] ?? {}) }));
}

function tables(b3: PlanRowSpec[], b4: PlanRowSpec[]) {
  return planWorkbook(planTable(b3), planTable(b4, { sheet: "Tabel 7", kind: "tabel-7" }));
}

// Bab III rows: program 5, kegiatan 6, Rumah Tangga 7, Logistik 8, Cetakan 9, total 10.
// Bab IV rows: program 5, kegiatan 6, Logistik 7, Cetakan 8, total 9.
const MISSING_RUMAH_TANGGA = {
  sheet: "Tabel 3.3",
  cell: "B7",
  row: 7,
  severity: "warning" as const,
  role: "uraian" as const,
  related: ["'Tabel 7'!B6"],
  message: { id: 'Sub kegiatan "Penyediaan Peralatan Rumah Tangga" ada di Tabel 3.3 (Bab III) tetapi tidak ada di Tabel 7 (Bab IV).' },
};

/** Tabel 2.3 with its total shifted one column right (under Catatan Penting), as in the seed. */
function tabel23(total: string, year = 2024): { grid: Grid; table: ReturnType<typeof handTable> } {
  const grid: Grid = [
    ["Review Terhadap Rancangan Awal RKPD Tahun 2024"],
    ["No.", "Program/Kegiatan", "Pagu Indikatif", "Program/Kegiatan", "Kebutuhan Dana", "Catatan Penting"],
    ["I", "PROGRAM A", "5.000.000", "PROGRAM A", "4.841.963.425", null],
    ["JUMLAH TOTAL", null, "5.000.000", "JUMLAH TOTAL", null, total],
  ];
  const table = handTable(grid, {
    sheet: "Tabel 2.3", kind: "tabel-2.3", year, titleRows: [1], headerRows: [2],
    columns: { no: 1, rkpdUraian: 2, rkpdPagu: 3, uraian: 4, paguN: 5, catatan: 6 },
    levels: [[3, "program"], [4, "total"]], totalRow: 4,
  });
  // As mapping places it (mapping/displacedTotals.ts): the total stands under Catatan Penting.
  const totalRow = table.rows.find((r) => r.level === "total");
  if (totalRow) totalRow.roleColumns = { paguN: 6 };
  return { grid, table };
}

function tabel21(total: string): { grid: Grid; table: ReturnType<typeof handTable> } {
  const grid: Grid = [
    ["EVALUASI PELAKSANAAN RENJA"],
    ["Program/Kegiatan", "Target Renja 2024 K", "Target Renja 2024 Rp"],
    ["PROGRAM A", "100%", "4,841,963,425"],
    ["JUMLAH", null, total],
  ];
  const table = handTable(grid, {
    sheet: "Tabel 2.1", kind: "tabel-2.1", year: 2025, titleRows: [1], headerRows: [2],
    columns: { uraian: 1, targetRenjaK: 2, targetRenjaRp: 3 },
    levels: [[3, "program"], [4, "total"]], totalRow: 4,
  });
  return { grid, table };
}

const SEED_FINDINGS: InvalidCase["findings"] = [
  ...SEED_TEXT_DIFFERENCES.map(([cell, role]) => ({ sheet: "Tabel 7", cell, row: Number(cell.slice(1)), role, severity: "warning" as const })),
  {
    sheet: "Tabel 3.3", cell: "B27", row: 27, role: "uraian", severity: "warning", related: ["'Tabel 7'!B24"],
    message: { id: 'Sub kegiatan "Penyediaan Peralatan Rumah Tangga" ada di Tabel 3.3 (Bab III) tetapi tidak ada di Tabel 7 (Bab IV).' },
  },
  // Tabel 3.3's program, Bab IV (program, kegiatan, sub kegiatan) and the narrative total say 16.742.000: the two
  // Tabel 3.3 cells that say 16.472.000 are blamed (issue 8; the finding used to sit on Bab IV's cells).
  {
    sheet: "Tabel 3.3", cell: "F64", row: 64, role: "paguN", severity: "error", expected: "16742000", actual: "16472000", related: ["'Tabel 7'!F62", "F63"],
    message: {
      id: 'Pagu kegiatan "Penyelenggaraan Urusan Pemerintahan Umum sesuai Penugasan Kepala Daerah" di Tabel 3.3 (Bab III) tertulis Rp 16.472.000, tetapi Bab IV dan jumlah program menyebut 16.742.000; total dalam narasi (4.990.894.675) juga sesuai dengannya (Tabel 7 (Bab IV) F62: Rp 16.742.000; program F63: Rp 16.742.000). Perbaiki sel ini, bukan programnya.',
    },
  },
  { sheet: "Tabel 3.3", cell: "F66", row: 66, role: "paguN", severity: "error", expected: "16742000", actual: "16472000", related: ["'Tabel 7'!F63", "F63"] },
  {
    // 2.3's JUMLAH TOTAL Kebutuhan Dana sits under Catatan Penting (L), one cell right of K
    sheet: "Tabel 2.3", cell: "L81", row: 81, role: "paguN", severity: "error", expected: "4841963425", actual: "4841693425", related: ["'Tabel 2.1'!J86"],
  },
];

testRule(rule, {
  valid: [
    {
      name: "Bab IV without the Rumah Tangga row is checked only for that row (see invalid); equal tables give nothing",
      workbook: tables(bab3().filter((_, i) => i !== 2), bab4()),
    },
    {
      name: "an indikator wrapped onto the next row (a continuation line) is read whole",
      workbook: tables(
        bab3().filter((_, i) => i !== 2),
        [{ ...bab4()[0], indikator: "Persentase" }, { level: "other", uraian: "", indikator: "penunjang (%)" }, ...bab4().slice(1)],
      ),
    },
    {
      name: "a Tabel 3.3 alone has nothing to be compared with",
      workbook: planWorkbook(planTable(bab3())),
    },
    {
      name: "a number cell 1,000 times too small (4765 typed as 4.765,000) is suspect-scale's finding, not a difference",
      workbook: tables(bab3({ 3: { paguN: 4765 } }).filter((_, i) => i !== 2), bab4()),
    },
    {
      name: "Tabel 2.3's Kebutuhan Dana total equal to Tabel 2.1's Target Renja total, read from the shifted cell",
      workbook: handWorkbook([tabel23("4,841,963,425"), tabel21("4,841,963,425")]),
    },
    {
      name: "Tabel 2.3 of a year no plan table covers, and no Tabel 2.1: nothing to compare",
      workbook: handWorkbook([tabel23("1"), planTable(bab3(), { year: 2025 })]),
    },
  ],
  invalid: [
    {
      name: "the seed: Bab III vs Bab IV (Urusan Pemerintahan Umum 16.742.000 vs 16.472.000, Peralatan Rumah Tangga, targets, indikator) and Tabel 2.3 vs Tabel 2.1",
      workbook: seedWorkbook("tabel21", "tabel23", "tabel33", "tabel7"),
      findings: SEED_FINDINGS,
    },
    {
      name: "the seed: Bab III vs Bab IV (Urusan Pemerintahan Umum 16.742.000 vs 16.472.000, Peralatan Rumah Tangga, targets, indikator) and Tabel 2.3 vs Tabel 2.1 (mapped by mapWorkbook)",
      workbook: seedMappedWorkbook("tabel21", "tabel23", "tabel33", "tabel7"),
      findings: SEED_FINDINGS,
    },
    {
      name: "a row of Bab III missing from Bab IV is reported on the Bab III row, pointing at the Bab IV parent",
      workbook: tables(bab3(), bab4()),
      findings: [MISSING_RUMAH_TANGGA],
    },
    {
      name: "a Bab IV sub kegiatan that disagrees with Tabel 3.3 and with its own kegiatan: error on the Tabel 7 cell, naming the evidence",
      workbook: tables(
        bab3({ 0: { paguN: "36.871.700" }, 4: { paguN: "32.106.700" } }).filter((_, i) => i !== 2),
        bab4({ 3: { paguN: "32,160,700" } }),
      ),
      findings: [
        {
          sheet: "Tabel 7", cell: "F8", row: 8, severity: "error", role: "paguN",
          expected: "32106700", actual: "32160700", related: ["'Tabel 3.3'!F8", "F6"],
          message: {
            id: 'Pagu sub kegiatan "Penyediaan Barang Cetakan dan Penggandaan" di Tabel 7 (Bab IV) tertulis Rp 32.160.700, tetapi Tabel 3.3 (Bab III) dan jumlah kegiatan menyebut 36.871.700 (Tabel 3.3 (Bab III) F8: Rp 32.106.700; kegiatan F6: Rp 36.871.700). Perbaiki sel ini, bukan kegiatannya.',
          },
        },
      ],
    },
    {
      name: "a malformed amount whose repairs equal neither the other table's amount nor what its kegiatan needs: blamed on the slip's cell",
      workbook: tables(bab3({ 3: { paguN: "4.756,000" } }).filter((_, i) => i !== 2), bab4()),
      findings: [{ sheet: "Tabel 3.3", cell: "F7", severity: "error", expected: "4765000", actual: "4756000" }],
    },
    {
      name: "target and indikator differences are warnings on the Tabel 7 cells",
      workbook: tables(
        bab3({ 3: { targetN: "3 orang" }, 4: { indikator: "Jumlah Barang cetakan dan penggandaan (jenis)" } }).filter((_, i) => i !== 2),
        bab4(),
      ),
      findings: [
        {
          sheet: "Tabel 7", cell: "E7", row: 7, severity: "warning", role: "targetN", related: ["'Tabel 3.3'!E7"],
          message: { id: 'Target sub kegiatan "Penyediaan Bahan LogistikKantor" di Tabel 7 (Bab IV) "3 Paket" berbeda dengan Tabel 3.3 (Bab III) "3 orang".' },
        },
        { sheet: "Tabel 7", cell: "C8", row: 8, severity: "warning", role: "indikator", related: ["'Tabel 3.3'!C8"] },
      ],
    },
    {
      name: "an empty indikator on one side is a difference",
      workbook: tables(bab3({ 1: { indikator: null } }).filter((_, i) => i !== 2), bab4()),
      findings: [{ sheet: "Tabel 7", cell: "C6", severity: "warning", message: { en: 'The indicator of activity (kegiatan) "Administrasi Umum PerangkatDaerah" in Tabel 7 (chapter IV) "Persentase administrasi umum (%)" differs from Tabel 3.3 (chapter III) (empty).' } }],
    },
    {
      name: "a row only in Bab IV is reported on the Bab IV row",
      workbook: tables(
        bab3().filter((_, i) => i !== 2),
        [...bab4().slice(0, 4), { level: "subKegiatan", uraian: "Fasilitasi Kunjungan Tamu", paguN: "0" }, bab4()[4]],
      ),
      findings: [{ sheet: "Tabel 7", cell: "B9", row: 9, severity: "warning", related: ["'Tabel 3.3'!B6"] }],
    },
    {
      name: "total rows that differ",
      workbook: tables(bab3().filter((_, i) => i !== 2), bab4({ 4: { paguN: "36,871,000" } })),
      findings: [{ sheet: "Tabel 7", cell: "F9", severity: "error", expected: "36871700", actual: "36871000", related: ["'Tabel 3.3'!F9"] }],
    },
    {
      name: "Tabel 2.3's Kebutuhan Dana total with swapped digits against Tabel 2.1's Target Renja total",
      workbook: handWorkbook([tabel23("4,841,693,425"), tabel21("4,841,963,425")]),
      findings: [
        {
          sheet: "Tabel 2.3", cell: "F4", row: 4, severity: "error", role: "paguN",
          expected: "4841963425", actual: "4841693425", related: ["'Tabel 2.1'!C4"],
          message: {
            id: "Total Kebutuhan Dana di Tabel 2.3 (Kebutuhan Dana) (Rp 4.841.693.425) berbeda dengan Tabel 2.1 (Target Renja) (Rp 4.841.963.425); selisih Rp 270.000; kemungkinan dua angka bertukar tempat.",
          },
        },
      ],
    },
    {
      name: "Tabel 2.3 against the plan table of the year it reviews, before any Tabel 2.1",
      workbook: (() => {
        const plan = planTable(bab3(), { year: 2024 });
        const w = handWorkbook([tabel23("36.871.000"), tabel21("36.871.000"), plan]);
        return w;
      })(),
      findings: [{ sheet: "Tabel 2.3", cell: "F4", expected: "36871700", actual: "36871000", related: ["'Tabel 3.3'!F10"] }],
    },
  ],
});

/**
 * Facts about the seed's Tabel 2.3 ("Review Terhadap Rancangan Awal RKPD Tahun 2024"), established by script.
 * It reviews 2024, the year Tabel 2.1 evaluates ("Target Kinerja dan Anggaran Renja PD Tahun 2024"), so the pagu
 * it reviews is Tabel 2.1's Target Renja Rp total, 4.841.963.425 (also the "Total pagu anggaran … tahun 2024" of
 * the Bab II text).
 */
describe("the seed's Tabel 2.3 (facts established by script)", () => {
  const { snapshot, table } = seedSheet("tabel23");
  const total = table.totalRow as number;
  const programs = table.rows.filter((r) => r.level === "program");
  const sum = (col: number) =>
    programs.reduce((s, p) => {
      const r = readAmount(cellAt(snapshot, p.row, col));
      return s.plus(r.candidates[0] ?? r.value ?? NaN);
    }, new Decimal(0));

  it("its JUMLAH TOTAL row is shifted: the RKPD pagu stands in E (not F), the Kebutuhan Dana in L (not K)", () => {
    expect(textAt(snapshot, total, 5)).toBe("6,490,509,839");
    expect(textAt(snapshot, total, 6)).toBe("JUMLAH TOTAL");
    expect(textAt(snapshot, total, 11)).toBe("");
    expect(textAt(snapshot, total, 12)).toBe("4,841,693,425");
  });

  it("the RKPD pagu total is the sum of the six programs; the Kebutuhan Dana total is a digit swap of 4.841.963.425", () => {
    expect(programs.length).toBe(6);
    expect(sum(6).toFixed()).toBe("6490509839");
    // the Penunjang program's Kebutuhan Dana is written "4.841,963,425": the whole 2024 pagu, not its own
    // (Tabel 2.1 gives that program 4.420.153.030), so the programs sum to 5.263.773.820 — a rollup matter
    expect(textAt(snapshot, programs[0].row, 11)).toBe("4.841,963,425");
    expect(sum(11).toFixed()).toBe("5263773820");
  });
});
