import Decimal from "decimal.js";
import { readAmount } from "../../../src/domain/numbers";
import { rule } from "../../../src/domain/rules/evaluation-formula";
import { cellAt } from "../../../src/domain/sheet/snapshot";
import { seedSheet, seedMappedWorkbook, seedWorkbook } from "./cross-support/seedHandMap";
import type { Level } from "../../../src/domain/mapping/types";
import type { InvalidCase } from "../../support/ruleTester";
import { testRule } from "../../support/ruleTester";
import type { Grid } from "./cross-support/handTable";
import { handTable, handWorkbook } from "./cross-support/handTable";

/**
 * A 86/2017-style Tabel 2.1 cut down like the seed's: Program (A), 5 K/Rp (B, C), 6 K/Rp (D, E),
 * 12 K/Rp (F, G), 13 K/Rp (H, I), 14 K/Rp (J, K). Header rows 1–2, data from row 3.
 */
type Row86 = [string, string, string, string, string, string, string, string, string, string, string];

const HEADER: Grid = [
  ["Program/Kegiatan", "Target Renstra", null, "Realisasi s/d tahun lalu", null, "Realisasi Renja", null, "Realisasi s/d akhir", null, "Tingkat Capaian", null],
  [null, "K", "Rp", "K", "Rp", "K", "Rp", "K", "Rp", "K", "Rp"],
];

function table86(rows: Row86[], levels?: Level[]) {
  const grid: Grid = [...HEADER, ...rows];
  const table = handTable(grid, {
    sheet: "Tabel 2.1", kind: "tabel-2.1", year: 2025, headerRows: [1, 2],
    columns: {
      uraian: 1, renstraK: 2, renstraRp: 3, realisasiLaluK: 4, realisasiLaluRp: 5, realisasiRenjaK: 6, realisasiRenjaRp: 7,
      realisasiAkhirK: 8, realisasiAkhirRp: 9, tingkatCapaianK: 10, tingkatCapaianRp: 11,
    },
    levels: rows.map((_, i) => [i + 3, levels?.[i] ?? (i === 0 ? "program" : "kegiatan")]),
  });
  return handWorkbook([{ grid, table }]);
}

// renstra 10.000.000; lalu 4.000.000; renja 2.380.000 -> akhir 6.380.000 -> 63,80%
const GOOD: Row86 = ["PROGRAM A", "100%", "10.000.000", "40%", "4.000.000", "20%", "2,380,000", "60%", "6.380.000", "60%", "63,80%"];
const GOOD2: Row86 = ["Kegiatan A1", "100%", "8.000.000", "40%", "3.000.000", "20%", "1.000.000", "60%", "4.000.000", "60%", "50%"];
const GOOD3: Row86 = ["Kegiatan A2", "100%", "2.000.000", "40%", "1.000.000", "20%", "1.380.000", "-", "2.380.000", "-", "119%"];

function with_(row: Row86, changes: Partial<Record<number, string>>): Row86 {
  return row.map((v, i) => changes[i] ?? v) as Row86;
}

const SEED_FINDINGS_21: InvalidCase["findings"] = [
  {
    sheet: "Tabel 2.1", cell: "N7", row: 7, severity: "error", role: "realisasiAkhirRp",
    related: [
      "N9", "N10", "N11", "N12", "N13", "N14", "N15", "N16", "N17",
      // the rows pasted one cell to the left hold 13 Rp in M
      "M20", "M21", "M22", "M23", "M24", "M25", "M26", "M27", "M28", "M29", "N32", "N33", "N34", "N37", "N38", "N39", "N40", "N41",
      "N42", "N43", "N59", "N60", "N61", "N62", "N63", "N64", "N65", "N66", "N67", "N73", "N74", "N75", "N76", "N77", "N78",
      "N79", "N80", "N81", "N82", "N85", "N86",
    ],
    message: {
      id: "Kolom N tidak mengikuti rumus 13 = 6 + 12 (kolom N = H + L): 50 dari 55 baris yang dapat dihitung menyimpang (mis. N9: tertulis Rp 5.494.000, rumus Rp 13.564.000).",
    },
  },
];

testRule(rule, {
  valid: [
    { name: "a lower-is-better indicator whose capaian is target / realisasi", workbook: lowerIsBetter(["110%", "125%"]) },
    { name: "13 = 6 + 12 and 14 = 13/5 × 100% hold, within the precision written", workbook: table86([GOOD, GOOD2, GOOD3]) },
    {
      name: "K columns are not summed in the 86/2017 form (60% ≠ 40% + 30% is not held against the office)",
      workbook: table86([with_(GOOD, { 5: "30%" }), GOOD2]),
    },
    {
      name: "a row whose result cell holds text (a shifted row) is not evaluated",
      workbook: table86([with_(GOOD, { 8: "Kantor Kec. Tomoni", 10: "Kantor Kec. Tomoni" }), GOOD2]),
    },
    {
      name: "a malformed amount whose repair satisfies the formula is malformed-number's finding",
      workbook: table86([with_(GOOD, { 8: "6.380,000" }), GOOD2]),
    },
    {
      name: "a percentage with a zero base is not evaluated",
      workbook: table86([with_(GOOD, { 2: "0", 10: "0%" })]),
    },
  ],
  invalid: [
    {
      name: "one deviating Rp cell among several: a finding on the cell with the computed repair",
      workbook: table86([GOOD, with_(GOOD2, { 8: "4.100.000" }), GOOD3]),
      findings: [
        {
          cell: "I4", row: 4, severity: "error", role: "realisasiAkhirRp", expected: "4000000", actual: "4100000",
          suggestion: { value: "4000000", reason: "rumus 13 = 6 + 12" },
          message: {
            id: "Nilai Rp 4.100.000 tidak sesuai rumus 13 = 6 + 12 (kolom I = E + G), yang menghasilkan Rp 4.000.000.",
            en: "The value Rp 4,100,000 does not follow the formula 13 = 6 + 12 (columns I = E + G), which gives Rp 4,000,000.",
          },
        },
      ],
    },
    {
      name: "a percentage that follows neither the written nor the corrected amount",
      workbook: table86([GOOD, with_(GOOD2, { 8: "4.100.000", 10: "52%" }), GOOD3]),
      findings: [
        { cell: "I4", row: 4, role: "realisasiAkhirRp" },
        { cell: "K4", row: 4, role: "tingkatCapaianRp", expected: "51.25", actual: "52" },
      ],
    },
    {
      name: "a percentage off by more than its written precision",
      workbook: table86([with_(GOOD, { 10: "63,9%" }), GOOD2, GOOD3]),
      findings: [{ cell: "K3", role: "tingkatCapaianRp", expected: "63.8", actual: "63.9", message: { id: "Nilai 63,9% tidak sesuai rumus 14 = 13 / 5 × 100% (kolom K = I / C × 100%), yang menghasilkan 63,8%." } }],
    },
    {
      name: "most rows deviate: one finding for the column, on its header cell",
      workbook: table86([with_(GOOD, { 8: "4.000.000", 10: "40%" }), with_(GOOD2, { 8: "3.000.000", 10: "37,5%" }), with_(GOOD3, { 8: "1.000.000", 10: "50%" })]),
      findings: [
        {
          cell: "I2", row: 2, role: "realisasiAkhirRp", related: ["I3", "I4", "I5"],
          message: {
            id: "Kolom I tidak mengikuti rumus 13 = 6 + 12 (kolom I = E + G): 3 dari 3 baris yang dapat dihitung menyimpang (mis. I3: tertulis Rp 4.000.000, rumus Rp 6.380.000).",
          },
        },
      ],
    },
    {
      // Checked by hand against the seed: N9 is PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK,
      // 6 Rp 5,494,000 + 8 Rp 8.070.000 = 13.564.000, written "5.494,000". See the facts below for the 5 rows that hold.
      name: "the seed's Tabel 2.1: column 13 Rp does not follow 13 = 6 + 12 (here 6 + 8): one finding for the column",
      workbook: seedWorkbook("tabel21"),
      findings: SEED_FINDINGS_21,
    },
    {
      // the same findings when mapWorkbook maps the sheets
      name: "the seed's Tabel 2.1: column 13 Rp does not follow 13 = 6 + 12 (here 6 + 8): one finding for the column (mapped by mapWorkbook)",
      workbook: seedMappedWorkbook("tabel21"),
      findings: SEED_FINDINGS_21,
    },
    {
      name: "T-C.29: 8 = 7/6 × 100% and 10 = 5 + 7 + 9 on kinerja columns",
      workbook: (() => {
        const grid: Grid = [
          ["Program", "Target Renstra", "Realisasi s/d N-3", "Target N-2", "Realisasi N-2", "Tingkat Realisasi", "Target N-1", "Realisasi s/d N-1", "Tingkat Capaian"],
          ["PROGRAM A", "100%", "40%", "20%", "15%", "75%", "20%", "75%", "75%"],
          ["Kegiatan A1", "24 dokumen", "10 dokumen", "5 dokumen", "5 dokumen", "90%", "5 dokumen", "21 dokumen", "87,50%"],
        ];
        const table = handTable(grid, {
          sheet: "T-C.29", kind: "tabel-2.1", headerRows: [1],
          columns: { uraian: 1, renstraK: 2, realisasiN3: 3, targetN2: 4, realisasiN2: 5, tingkatRealisasiN2: 6, targetN1Renja: 7, realisasiSdN1: 8, tingkatCapaianK: 9 },
          levels: [[2, "program"], [3, "kegiatan"]],
        });
        return handWorkbook([{ grid, table }]);
      })(),
      findings: [
        { sheet: "T-C.29", cell: "F3", role: "tingkatRealisasiN2", expected: "100", actual: "90" },
        { sheet: "T-C.29", cell: "H3", role: "realisasiSdN1", expected: "20", actual: "21" },
      ],
    },
    {
      name: "a lower-is-better indicator: capaian = target / realisasi (a capaian computed the usual way is wrong)",
      workbook: lowerIsBetter(["110%", "80%"]),
      findings: [{ sheet: "T-C.29", cell: "G2", role: "tingkatCapaianK", expected: "125", actual: "80" }],
    },
  ],
});

/** "Angka kematian ibu": target 100 deaths, realised 80 (better than planned); 8 = 6/7 and 11 = 4/10 inverted, 10 = the latest. */
function lowerIsBetter([tingkatRealisasi, tingkatCapaian]: [string, string]) {
  const grid: Grid = [
    ["Program", "Indikator", "Target Renstra", "Target N-2", "Realisasi N-2", "Tingkat Realisasi", "Tingkat Capaian", "Realisasi s/d N-1", "Realisasi s/d N-3", "Target N-1"],
    ["PROGRAM KESEHATAN", "Angka kematian ibu (per 100.000 kelahiran hidup)", "100", "110", "100", tingkatRealisasi, tingkatCapaian, "80", "120", "80"],
  ];
  const table = handTable(grid, {
    sheet: "T-C.29", kind: "tabel-2.1", headerRows: [1],
    columns: { uraian: 1, indikator: 2, renstraK: 3, targetN2: 4, realisasiN2: 5, tingkatRealisasiN2: 6, tingkatCapaianK: 7, realisasiSdN1: 8, realisasiN3: 9, targetN1Renja: 10 },
    levels: [[2, "program"]],
  });
  return handWorkbook([{ grid, table }]);
}

/**
 * Facts about the seed's Tabel 2.1, established by script. Its columns: 5 Target Renstra (E K, F Rp), 6 Realisasi
 * s/d tahun lalu (G, H), 7 Target Renja 2024 (I, J), 8 Realisasi 2024 s/d TW III (K, L), 13 "Tingkat Capaian
 * Kinerja dan Realisasi Anggaran Renstra PD s/d TW III" (M, N), 15 Unit PD (O). Column 13 is the 86/2017 "13 = 6 + 12"
 * with 12 replaced by the realisation up to TW III (8), so N should be H + L.
 */
describe("the seed's Tabel 2.1 (facts established by script)", () => {
  const { snapshot, table } = seedSheet("tabel21");
  const shiftOf = new Map(table.rows.map((r) => [r.row, r.columnShift ?? 0]));
  const amount = (row: number, col: number) => {
    const r = readAmount(cellAt(snapshot, row, col + (shiftOf.get(row) ?? 0)));
    return r.status === "not-amount" ? undefined : r.candidates[0] ?? r.value ?? undefined;
  };
  const H = 8, J = 10, L = 12, N = 14;
  const HOLDS_6_PLUS_7 = 5;
  const dataRows = table.rows.filter((r) => r.level !== "other");
  const computable = dataRows.filter((r) => [H, L, N].every((c) => amount(r.row, c) !== undefined));

  it("column 13 Rp (N) equals 6 + 8 (H + L) only where nothing was realised in 2024 (L is 0 or '-'), 5 of 55 rows", () => {
    expect(dataRows.length).toBe(66); // 65 plan rows and JUMLAH
    expect([...shiftOf.values()].filter((s) => s === -1).length).toBe(10); // pasted one cell to the left (read shifted)
    // the other 11 have the Unit PD run into N ("6.757.833.494 Kantor Kec. Tomoni"): not an amount
    expect(computable.length).toBe(55);
    const holds = computable.filter((r) => amount(r.row, N)?.eq(amount(r.row, H)?.plus(amount(r.row, L) ?? 0) ?? NaN));
    expect(holds.map((r) => r.uraian)).toEqual([
      "- Fasilitasi Penyelenggaraan Ketentraman dan Ketertiban Umum",
      "- Koordinasi Pendampingan Desa di Wilayahnya",
      "Pengadaan Mebel",
      "Pengadaan Kendaraan Perorangan Dinas atau Kendaraan Dinas Jabatan",
      "Pengadaan Sarana dan Prasarana Gedung Kantor atau Bangunan Lainnya",
    ]);
    expect(holds.every((r) => amount(r.row, L)?.isZero())).toBe(true);
  });

  it("column 13 Rp is not 6 + 7 (H + J) either: it follows no formula of the form", () => {
    const withJ = computable.filter((r) => amount(r.row, J) !== undefined);
    const holds = withJ.filter((r) => amount(r.row, N)?.eq(amount(r.row, H)?.plus(amount(r.row, J) ?? 0) ?? NaN));
    // the same five rows, where 7 is 0 as well
    expect(holds.length).toBe(HOLDS_6_PLUS_7);
  });

  it("the JUMLAH row's Target Renja 2024 Rp (J) is 4.841.963.425, the sum of the six programs", () => {
    const total = table.totalRow as number;
    expect(amount(total, J)?.toFixed()).toBe("4841963425");
    const programs = table.rows.filter((r) => r.level === "program");
    expect(programs.length).toBe(6);
    const sum = programs.reduce((s, p) => s.plus(amount(p.row, J) ?? NaN), new Decimal(0));
    expect(sum.toFixed()).toBe("4841963425");
  });
});
