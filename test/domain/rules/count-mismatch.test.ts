import type { NarrativeCell } from "../../../src/domain/mapping/types";
import { rule } from "../../../src/domain/rules/count-mismatch";
import { parseNumberWords } from "../../../src/domain/analysis/numberWords";
import { readStatements } from "../../../src/domain/analysis/narrativeStatements";
import type { InvalidCase } from "../../support/ruleTester";
import { testRule } from "../../support/ruleTester";
import type { Grid } from "./cross-support/handTable";
import { handTable, handWorkbook } from "./cross-support/handTable";
import { seedMappedWorkbook, seedWorkbook } from "./cross-support/seedHandMap";

const SENTENCE = (p: string, k: string, s: string, total: string) =>
  `Pada Tahun 2025 Kantor Kecamatan Tomoni merencanakan ${p} program dan ${k} kegiatan dan ${s} sub kegiatan dengan pagu indikatif Rp. ${total},- adapun Alokasi Program dan kegiatan serta indikasi pendanaan dapat dilihat pada tabel berikut ini:`;

/**
 * A sheet with the sentence in A1 and a Tabel 7-like table below it: 2 programs, 2 kegiatan, 3 sub kegiatan,
 * total 60.000.000 (row 11).
 */
function sheet(sentence: string, opts: { total?: string | null; sheetName?: string } = {}) {
  const grid: Grid = [
    [sentence],
    ["RENCANA KERJA DAN PENDANAAN TAHUN 2025"],
    ["No.", "Program/Kegiatan", "Indikator", "Lokasi", "Target", "Pagu Indikatif", "Sumber Dana"],
    [null, "PROGRAM A", null, null, "100%", "50,000,000"],
    [null, "Kegiatan A1", null, null, "100%", "50,000,000"],
    [null, "Sub A1a", null, null, "1 dokumen", "20,000,000"],
    [null, "Sub A1b", null, null, "1 dokumen", "30,000,000"],
    [null, "PROGRAM B", null, null, "100%", "10,000,000"],
    [null, "Kegiatan B1", null, null, "100%", "10,000,000"],
    [null, "Sub B1a", null, null, "1 dokumen", "10,000,000"],
    ["JUMLAH TOTAL", null, null, null, null, opts.total === undefined ? "60,000,000" : opts.total],
  ];
  const table = handTable(grid, {
    sheet: opts.sheetName ?? "Bab IV", kind: "tabel-7", year: 2025, titleRows: [2], headerRows: [3],
    columns: { no: 1, uraian: 2, indikator: 3, lokasi: 4, targetN: 5, paguN: 6, sumberDana: 7 },
    levels: [[4, "program"], [5, "kegiatan"], [6, "subKegiatan"], [7, "subKegiatan"], [8, "program"], [9, "kegiatan"], [10, "subKegiatan"], [11, "total"]],
    totalRow: 11,
  });
  return { grid, table };
}

function narrativeAt(text: string, sheetName = "Bab IV", row = 1): NarrativeCell {
  return { sheet: sheetName, row, col: 1, text };
}

function workbookWith(sentence: string, opts: { total?: string | null } = {}) {
  return handWorkbook([sheet(sentence, opts)], [narrativeAt(sentence)]);
}

describe("narrative statements", () => {
  it("reads Indonesian number words", () => {
    expect(parseNumberWords("enam")).toBe(6);
    expect(parseNumberWords("lima belas")).toBe(15);
    expect(parseNumberWords("sebelas")).toBe(11);
    expect(parseNumberWords("tiga puluh tujuh")).toBe(37);
    expect(parseNumberWords("seratus dua belas")).toBe(112);
    expect(parseNumberWords("dua ratus lima puluh")).toBe(250);
    expect(parseNumberWords("Alokasi")).toBeUndefined();
    expect(parseNumberWords("puluh")).toBeUndefined();
    expect(parseNumberWords("lima lima")).toBeUndefined();
  });
  it("reads counts written as digits, words or both, and the budget amount (not a realisation)", () => {
    const s = readStatements(
      "Pada tahun 2024 Kantor Kecamatan Tomoni melaksanakan 6 (enam) program dengan lima belas kegiatan dan 37 (tiga puluh tujuh) sub kegiatan. " +
        "Total pagu anggaran Kantor Kecamatan Tomoni tahun 2024 adalah Rp. 4.841.963.425,- dengan Realisasi total sampai dengan TW III Rp. 3.089.274.526,-",
    );
    expect(s.counts.map((c) => [c.level, c.count, c.text])).toEqual([
      ["program", 6, "6 (enam) program"],
      ["kegiatan", 15, "lima belas kegiatan"],
      ["subKegiatan", 37, "37 (tiga puluh tujuh) sub kegiatan"],
    ]);
    expect(s.total?.reading.value?.toFixed()).toBe("4841963425");
    expect(readStatements("Realisasi anggaran Rp. 3.089.274.526,-").total).toBeUndefined();
  });
});

const SEED_FINDINGS_BAB_IV: InvalidCase["findings"] = [
  {
    sheet: "Tabel 7", cell: "A1", row: 1, severity: "error", related: ["A3"],
    message: {
      id: "Narasi menyebut 5 program dan 37 sub kegiatan, tetapi Tabel 7 berisi 6 program dan 35 sub kegiatan.",
      en: "The narrative states 5 programs and 37 sub kegiatan, but Tabel 7 has 6 programs and 35 sub kegiatan.",
    },
  },
];

testRule(rule, {
  valid: [
    { name: "counts and total as in the table", workbook: workbookWith(SENTENCE("2", "2", "3", "60.000.000")) },
    { name: "counts in words", workbook: workbookWith("Direncanakan dua (2) program, dua kegiatan dan tiga sub kegiatan.") },
    { name: "a sentence that states nothing countable", workbook: workbookWith("Alokasi program dan kegiatan dapat dilihat pada tabel berikut ini:") },
    {
      name: "a stated total equal to the sum of the programs while the total row is wrong (total-mismatch's finding)",
      workbook: workbookWith(SENTENCE("2", "2", "3", "60.000.000"), { total: "66,000,000" }),
    },
    {
      name: "a narrative on a sheet with no table is not checked",
      workbook: handWorkbook([sheet("x")], [narrativeAt(SENTENCE("9", "9", "9", "1"), "Narasi")]),
    },
  ],
  invalid: [
    {
      // Checked by hand: Tabel 7 has 6 programs, 15 kegiatan, 35 sub kegiatan (DOMAIN.md §7) and JUMLAH TOTAL
      // 4,990,894,675; the sentence says 5, 15 and 37 and Rp. 4.990.894.675,-.
      name: "the seed's Bab IV sentence above Tabel 7: wrong on the programs and the sub kegiatan, right on the total",
      workbook: seedWorkbook("tabel7"),
      findings: SEED_FINDINGS_BAB_IV,
    },
    {
      // the same findings when mapWorkbook maps the sheets
      name: "the seed's Bab IV sentence above Tabel 7: wrong on the programs and the sub kegiatan, right on the total (mapped by mapWorkbook)",
      workbook: seedMappedWorkbook("tabel7"),
      findings: SEED_FINDINGS_BAB_IV,
    },
    {
      name: "two wrong counts: one finding listing both",
      workbook: workbookWith(SENTENCE("1", "2", "5", "60.000.000")),
      findings: [
        {
          sheet: "Bab IV", cell: "A1", row: 1, severity: "error", related: ["A2"],
          message: {
            id: "Narasi menyebut 1 program dan 5 sub kegiatan, tetapi Tabel 7 berisi 2 program dan 3 sub kegiatan.",
            en: "The narrative states 1 program and 5 sub kegiatan, but Tabel 7 has 2 programs and 3 sub kegiatan.",
          },
        },
      ],
    },
    {
      name: "a wrong total alone carries expected and actual",
      workbook: workbookWith(SENTENCE("2", "2", "3", "60.500.000")),
      findings: [
        {
          cell: "A1", expected: "60000000", actual: "60500000", related: ["A2", "F11"],
          message: { id: "Narasi menyebut pagu Rp 60.500.000, tetapi Tabel 7 berisi total Rp 60.000.000." },
        },
      ],
    },
    {
      name: "the table below the narrative, on a sheet holding another table above it",
      workbook: (() => {
        const below = sheet(SENTENCE("2", "3", "3", "60.000.000"));
        const text = "Pada tahun ini ada 7 program.";
        return handWorkbook([below], [narrativeAt(text, "Bab IV", 1)]);
      })(),
      findings: [{ cell: "A1", expected: "2", actual: "7" }],
    },
  ],
});
