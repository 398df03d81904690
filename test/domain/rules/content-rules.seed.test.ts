/**
 * The content rules on the seed's Tabel 3.3 and Tabel 7, pasted into sheets as staff paste them (title lines
 * above the body) and mapped by mapWorkbook. Each expected finding was checked by hand against the seed text;
 * every row not listed is right and must stay quiet. Both sheets put the header at row 6, the data from row 9.
 *
 * Decisions the sets reflect:
 * - missing-field: indikator, lokasi, target N and pagu N on every program/kegiatan/sub kegiatan row; sumber dana
 *   on program and kegiatan rows (the seed writes APBD there and nowhere on sub kegiatan rows, except once);
 *   target and pagu N+1 on sub kegiatan rows of Tabel 3.3 (its program/kegiatan rows leave the N+1 target empty
 *   throughout). "-" as the pagu of Penyediaan Peralatan Rumah Tangga is a deliberate zero.
 * - target-unit-mismatch: a bare number ("1500" for "(Surat)") takes the indicator's unit and is quiet;
 *   "eksamplar"/"exemplar" are one unit; "(jenis)" with "15 unit" is a different unit (kinds vs pieces).
 * - nomenclature-mismatch: names differing from the catalogue only in case, punctuation or spacing
 *   ("Bacaandan", "DokumenRKA-SKPD", "PerangkatDaerah") are quiet; word-level differences are reported when one
 *   entry is clearly closest (Catalogue.suggest). "Perencanaan Kebutuhan barang milik daerah" (83% like
 *   "Penyusunan Perencanaan Kebutuhan BMD SKPD", two words short) stays below the suggestion floor of 85%.
 */
import { mapWorkbook } from "../../../src/domain/mapping/mapWorkbook";
import type { MappedWorkbook } from "../../../src/domain/mapping/types";
import { rule as duplicateRow } from "../../../src/domain/rules/duplicate-row";
import { rule as kodeFormat } from "../../../src/domain/rules/kode-format";
import { rule as kodeHierarchy } from "../../../src/domain/rules/kode-hierarchy";
import { rule as missingField } from "../../../src/domain/rules/missing-field";
import { rule as nomenclatureMismatch } from "../../../src/domain/rules/nomenclature-mismatch";
import { rule as targetUnitMismatch } from "../../../src/domain/rules/target-unit-mismatch";
import type { Rule } from "../../../src/domain/rules/types";
import { rule as yearMismatch } from "../../../src/domain/rules/year-mismatch";
import { seedSheet } from "../mapping/seedSheets";
import { rendered } from "../../support/ruleTester";

function mapped(name: "tabel33" | "tabel7"): MappedWorkbook {
  const { sheet, bodyRow } = seedSheet(name, { narrative: name === "tabel7" });
  expect(bodyRow).toBe(6);
  return mapWorkbook([sheet]);
}

/** [cell, the row's name as it starts in the seed, extra fields] */
type Expect = [string, string, Partial<ReturnType<typeof rendered>>?];

function expectFindings(wb: MappedWorkbook, rule: Rule, expected: Expect[]): void {
  const table = wb.tables[0];
  const found = rule.check(wb, {});
  expect(found.map((f) => f.cell)).toEqual(expected.map(([cell]) => cell));
  found.forEach((f, i) => {
    const [, name, extra] = expected[i];
    const row = table.rows.find((r) => r.row === f.row);
    if (name !== "") expect(row?.uraian.startsWith(name)).toBe(true);
    expect(rendered(f)).toMatchObject({ rule: rule.meta.id, severity: rule.meta.severity, sheet: table.sheet, ...extra });
  });
}

describe("content rules on the seed's Tabel 3.3", () => {
  const wb = mapped("tabel33");
  it("is mapped as the truth says (the findings below depend on it)", () => {
    expect(wb.tables).toHaveLength(1);
    expect(wb.tables[0].kind).toBe("tabel-3.3");
    expect(wb.tables[0].year).toBe(2025);
  });

  it("year-mismatch: the title's 'PRAKIRAAN MAJU TAHUN 2025' only; the header's 2026 (N+1) is right", () => {
    expectFindings(wb, yearMismatch, [["A3", "", { row: 3, expected: "2026", actual: "2025", suggestion: { value: "2026", reason: expect.any(String) } }]]);
  });

  it("missing-field: seven empty indicators, one kegiatan without sumber dana, three sub kegiatan without an N+1 target", () => {
    expectFindings(wb, missingField, [
      ["G10", "Perencanaan, Penganggaran, dan Evaluasi Kinerja", { role: "sumberDana" }],
      ["D15", "Administrasi Keuangan Perangkat Daerah", { role: "indikator" }],
      ["I16", "Penyediaan Gaji dan Tunjangan ASN", { role: "targetN1" }],
      ["D18", "Koordinasi dan Penyusunan Laporan Keuangan", { role: "indikator" }],
      ["D19", "Administrasi Barang Milik Daerah", { role: "indikator" }],
      ["D21", "Administrasi Kepegawaian Perangkat Daerah", { role: "indikator" }],
      ["I48", "Pelaksanaan Urusan Pemerintahan yang terkait dengan Kewenangan Lain", { role: "targetN1" }],
      ["D57", "PROGRAM KOORDINASI KETENTRAMAN", { role: "indikator" }],
      ["D58", "Koordinasi upaya Penyelenggaraan Keutentraman", { role: "indikator" }],
      ["D61", "Koordinasi penerapan dan penegakan Peraturan Daerah", { role: "indikator" }],
      ["I66", "Pelaksanaan Tugas Forum Koordinasi Pimpinan", { role: "targetN1" }],
    ]);
  });

  it("target-unit-mismatch: each target whose unit is not the indicator's, in N and N+1", () => {
    const both = (row: number, name: string, expected: string, actual: string): Expect[] => [
      [`E${row}`, name, { role: "targetN", expected, actual }],
      [`I${row}`, name, { role: "targetN1", expected, actual }],
    ];
    expectFindings(wb, targetUnitMismatch, [
      ...both(20, "Perencanaan Kebutuhan barang milik daerah", "%", "dokumen"),
      ...both(22, "Bimbingan Teknis Implementasi", "%", "laporan"),
      ...both(25, "Penyediaan Komponen Instalasi Listrik", "jenis", "unit"),
      ...both(28, "Penyediaan Bahan Logistik Kantor", "jenis", "orang"),
      ...both(29, "Penyediaan Barang Cetakan dan Penggandaan", "jenis", "lembar"),
      ...both(31, "Fasilitasi Kunjungan Tamu", "orang", "kotak"),
      ...both(51, "Peningkatan Partisipasi Masyarakat", "orang", "%"),
      ...both(53, "Peningkatan Efektifitas Kegiatan Pemberdayaan", "orang", "desa/kelurahan"),
      ["I55", "Pembangunan Sarana dan Prasarana Kelurahan", { role: "targetN1", expected: "kegiatan", actual: "%" }],
      ["E66", "Pelaksanaan Tugas Forum Koordinasi Pimpinan", { role: "targetN", expected: "%", actual: "dokumen" }],
    ]);
  });

  it("nomenclature-mismatch: word-level differences from the catalogue, with the catalogue name suggested", () => {
    expectFindings(wb, nomenclatureMismatch, [
      ["B18", "Koordinasi dan Penyusunan Laporan Keuangan Bulanan/Triwulan/", { expected: "Koordinasi dan Penyusunan Laporan Keuangan Bulanan/Triwulanan/Semesteran SKPD" }],
      [
        "B58",
        "Koordinasi upaya Penyelenggaraan Keutentraman",
        {
          expected: "Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum",
          message: { id: expect.stringMatching(/mirip 9\d% dengan 'Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum' \(7\.01\.04\.2\.01, Kepmendagri/), en: expect.any(String) },
        },
      ],
    ]);
  });

  it("kode-format, kode-hierarchy, duplicate-row: quiet (no kode written, no row twice under one parent)", () => {
    for (const rule of [kodeFormat, kodeHierarchy, duplicateRow]) expect(rule.check(wb, {})).toEqual([]);
  });
});

describe("content rules on the seed's Tabel 7", () => {
  const wb = mapped("tabel7");
  it("is mapped as the truth says", () => {
    expect(wb.tables).toHaveLength(1);
    expect(wb.tables[0].kind).toBe("tabel-7");
    expect(wb.tables[0].year).toBe(2025);
  });

  it("year-mismatch: quiet (title and header say 2025, the plan year)", () => {
    expect(yearMismatch.check(wb, {})).toEqual([]);
  });

  it("missing-field: three empty indicators and the same kegiatan without sumber dana as in Tabel 3.3", () => {
    expectFindings(wb, missingField, [
      ["G10", "Perencanaan, Penganggaran, dan Evaluasi Kinerja", { role: "sumberDana" }],
      ["C55", "PROGRAM KOORDINASI KETENTRAMAN", { role: "indikator" }],
      ["C56", "Koordinasi upaya Penyelenggaraan Keutentraman", { role: "indikator" }],
      ["C59", "Koordinasi penerapan dan penegakan Peraturan Daerah", { role: "indikator" }],
    ]);
  });

  it("target-unit-mismatch: ten targets ('3 Paket' for (jenis), '2 Dokumen' for (eksamplar), …); '1500' for (Surat) is quiet", () => {
    expectFindings(wb, targetUnitMismatch, [
      ["E22", "Bimbingan Teknis Implementasi", { expected: "%", actual: "orang" }],
      ["E23", "Pendataan dan Pengolahan Administrasi Kepegawaian", { expected: "orang", actual: "laporan" }],
      ["E25", "Penyediaan KomponenInstalasi Listrik", { expected: "jenis", actual: "unit" }],
      ["E26", "Penyediaan Bahan LogistikKantor", { expected: "jenis", actual: "paket" }],
      ["E27", "Penyediaan Barang Cetakan dan Penggandaan", { expected: "jenis", actual: "paket" }],
      ["E28", "Penyediaan Bahan Bacaandan", { expected: "eksamplar", actual: "dokumen" }],
      ["E29", "Fasilitasi Kunjungan Tamu", { expected: "orang", actual: "laporan" }],
      ["E50", "Peningkatan Partisipasi Masyarakat", { expected: "orang", actual: "%" }],
      ["E51", "Peningkatan Efektifitas Kegiatan Pemberdayaan", { expected: "orang", actual: "desa/kelurahan" }],
      ["E63", "Pelaksanaan Tugas Forum Koordinasi Pimpinan", { expected: "%", actual: "dokumen" }],
    ]);
  });

  it("nomenclature-mismatch: the two of Tabel 3.3 plus the 'nrepublik' typo; the missing spaces stay quiet", () => {
    expectFindings(wb, nomenclatureMismatch, [
      ["B17", "Koordinasi dan Penyusunan Laporan Keuangan Bulanan/Triwulan/"],
      ["B56", "Koordinasi upaya Penyelenggaraan Keutentraman"],
      ["B60", "Koordinasi/sinergi dengan perangkat daerah", { expected: expect.stringContaining("Kepolisian Negara Republik Indonesia") }],
    ]);
  });

  it("kode-format, kode-hierarchy, duplicate-row: quiet", () => {
    for (const rule of [kodeFormat, kodeHierarchy, duplicateRow]) expect(rule.check(wb, {})).toEqual([]);
  });
});
