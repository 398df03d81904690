/**
 * The arithmetic rules on the seed's Tabel 3.3 (DOMAIN.md §7), mapped by mapWorkbook exactly as pasted:
 * the ten malformed amounts with the repair that balances their parent, the five sums that do not hold,
 * and no other rollup/total error. Tabel 2.3 sits in the same workbook, as in the seed, so the dropped-since-
 * the-RKPD-draft rows can be named.
 */
import Decimal from "decimal.js";
import type { Finding } from "../../../src/domain/findings";
import { mapWorkbook } from "../../../src/domain/mapping/mapWorkbook";
import { countLevels } from "../../../src/domain/mapping/tree";
import type { MappedTable, MappedWorkbook } from "../../../src/domain/mapping/types";
import { rule as formulaRange } from "../../../src/domain/rules/formula-range";
import { rule as malformedNumber } from "../../../src/domain/rules/malformed-number";
import { rule as rollupMismatch } from "../../../src/domain/rules/rollup-mismatch";
import { arithmeticOf } from "../../../src/domain/analysis/arithmetic";
import { rule as suspectScale } from "../../../src/domain/rules/suspect-scale";
import { rule as textNumber } from "../../../src/domain/rules/text-number";
import { rule as totalMismatch } from "../../../src/domain/rules/total-mismatch";
import { a1, snapshotFromGrid } from "../../../src/domain/sheet/snapshot";
import { typedInIndonesianExcel } from "../../fixtures/idLocale";
import { seedTables, type SeedTable } from "../../support/seed";
import { render } from "../../../src/domain/messages";

const textOf = (f: Finding | undefined): string => (f ? render(f.message, "id") : "");

const SHEET = "Tabel 3.3";
/** The seed's Tabel 3.3 has three header rows; its money columns are 6 (N) and 10 (N+1). */
const HEADER_ROWS = 3;
const MONEY_COLUMNS = [6, 10];

function seedWorkbook(typed: "as pasted" | "in an Indonesian Excel"): MappedWorkbook {
  const seed = seedTables();
  const sheet = (name: string, t: SeedTable) => snapshotFromGrid(name, [...t.title.map((line) => [line]), ...t.body]);
  const tabel33 =
    typed === "as pasted"
      ? seed.tabel33
      : {
          ...seed.tabel33,
          body: seed.tabel33.body.map((line, i) =>
            i < HEADER_ROWS ? line : line.map((text, c) => (MONEY_COLUMNS.includes(c + 1) ? typedInIndonesianExcel(text) : text)),
          ),
        };
  return mapWorkbook([sheet(SHEET, tabel33 as SeedTable), sheet("Tabel 2.3", seed.tabel23)]);
}

const workbook = seedWorkbook("as pasted");
const table = workbook.tables.find((t) => t.sheet === SHEET) as MappedTable;

/** The cell of a role on the row whose uraian starts with `name` (the seed's own spelling). */
function cellOf(name: string, role: "paguN" | "paguN1"): string {
  const rows = table.rows.filter((r) => r.uraian.toLowerCase().startsWith(name.toLowerCase()));
  if (rows.length !== 1) throw new Error(`${rows.length} rows start with "${name}"`);
  const col = table.columns[role];
  if (col === undefined) throw new Error(`no ${role} column`);
  return a1(rows[0].row, col);
}

const onSheet = (findings: Finding[]) => findings.filter((f) => f.sheet === SHEET);
const errors = (findings: Finding[]) => onSheet(findings).filter((f) => f.severity === "error");
const byCell = (a: { cell: string }, b: { cell: string }) => a.cell.localeCompare(b.cell, "en", { numeric: true });

const TEN_SLIPS: Array<[string, string]> = [
  ["Penyediaan Bahan Logistik Kantor", "4765000"],
  ["Penyediaan Barang Cetakan dan Penggandaan", "13729700"],
  ["Penyediaan Bahan Bacaandan", "10380000"],
  ["Fasilitasi Kunjungan Tamu", "177680000"],
  ["Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", "188148000"],
  ["Pengadaan Peralatan dan Mesin Lainnya", "68050000"],
  ["Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", "607873956"],
  ["Penyediaan Jasa Surat Menyurat", "30016000"],
  ["Penyediaan Jasa Komunikasi", "48247956"],
  ["Pemberdayaan Masyarakat di kelurahan", "41400000"],
];

const FIVE_SUMS = (): Array<{ cell: string; expected: string; actual: string }> => [
  { cell: cellOf("PROGRAM PENUNJANG", "paguN1"), expected: "4596424824", actual: "4625057824" },
  { cell: cellOf("Administrasi Kepegawaian", "paguN1"), expected: "24344000", actual: "53109000" },
  { cell: cellOf("Pengadaan Barang Milik Daerah", "paguN1"), expected: "7588735", actual: "307588735" },
  { cell: cellOf("PROGRAM PENYELENGGARAAN URUSAN PEMERINTAHAN UMUM", "paguN"), expected: "16472000", actual: "16742000" },
  { cell: cellOf("Fasilitasi, Rekomendasi dan Koordinasi", "paguN1"), expected: "27314918", actual: "95517838" },
];

describe("arithmetic rules on the seed's Tabel 3.3", () => {
  it("is mapped as DOMAIN.md §7 says (6 programs, 15 kegiatan, 36 sub kegiatan; N and N+1 money columns)", () => {
    expect(table.kind).toBe("tabel-3.3");
    expect(countLevels(table)).toEqual({ program: 6, kegiatan: 15, subKegiatan: 36 });
    expect(table.moneyRoles).toEqual(expect.arrayContaining(["paguN", "paguN1"]));
  });

  it("finds exactly the ten malformed amounts, each with the repair that balances its parent", () => {
    const expected = TEN_SLIPS.map(([name, value]) => ({ cell: cellOf(name, "paguN"), value }));
    const found = errors(malformedNumber.check(workbook, {}));
    expect(found.map((f) => ({ cell: f.cell, value: f.suggestion?.value })).sort(byCell)).toEqual(expected.sort(byCell));
    // Each repair is confirmed by a sum, not merely the likeliest reading.
    for (const f of found) expect(f.expected).toBe(f.suggestion?.value);
    // The kegiatan's own slip equals the sum of its (repaired) sub kegiatan.
    const parentSlip = found.find((f) => f.cell === cellOf("Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", "paguN"));
    expect(parentSlip?.suggestion ? render(parentSlip.suggestion.reason, "id") : "").toContain("sama dengan jumlah 4 sub kegiatan");
  });

  it("finds exactly the five sums that do not hold, on the parent's cell", () => {
    const expected = FIVE_SUMS();
    const found = errors(rollupMismatch.check(workbook, {}));
    expect(found.map((f) => ({ cell: f.cell, expected: f.expected, actual: f.actual })).sort(byCell)).toEqual(expected.sort(byCell));
  });

  it("names the likely causes: swapped digits, and the rows dropped since the RKPD draft (Tabel 2.3)", () => {
    const found = errors(rollupMismatch.check(workbook, {}));
    const message = (cell: string) => textOf(found.find((f) => f.cell === cell));
    expect(message(cellOf("PROGRAM PENYELENGGARAAN URUSAN PEMERINTAHAN UMUM", "paguN"))).toContain("dua angka tertukar");
    const penunjang = message(cellOf("PROGRAM PENUNJANG", "paguN1"));
    expect(penunjang).toContain("selisih +28.633.000");
    expect(penunjang).toContain("«Administrasi Pendapatan Daerah Kewenangan perangkat Daerah» ('Tabel 2.3'!");
    expect(message(cellOf("Administrasi Kepegawaian", "paguN1"))).toContain("«Pengadaan Pakaian Dinas beserta Atribut Kelengkapannya» ('Tabel 2.3'!");
  });

  it("reports the parents whose difference a child's slip explains as info, pointing at the slips", () => {
    const infos = onSheet(rollupMismatch.check(workbook, {})).filter((f) => f.severity === "info");
    expect(infos.map((f) => ({ cell: f.cell, related: f.related })).sort(byCell)).toEqual(
      [
        {
          cell: cellOf("Administrasi Umum", "paguN"),
          related: ["Penyediaan Bahan Logistik", "Penyediaan Barang Cetakan", "Penyediaan Bahan Bacaandan", "Fasilitasi Kunjungan Tamu", "Penyelenggaraan Rapat Koordinasi"].map((n) => cellOf(n, "paguN")),
        },
        { cell: cellOf("Pengadaan Barang Milik Daerah", "paguN"), related: [cellOf("Pengadaan Peralatan dan Mesin Lainnya", "paguN")] },
        { cell: cellOf("Kegiatan Pemberdayaan Kelurahan", "paguN"), related: [cellOf("Pemberdayaan Masyarakat di kelurahan", "paguN")] },
        // The program's kegiatan "Penyediaan Jasa Penunjang" is itself a slip (607.873,956).
        { cell: cellOf("PROGRAM PENUNJANG", "paguN"), related: [cellOf("Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", "paguN")] },
      ].sort(byCell),
    );
  });

  it("raises no total, scale or formula error: both totals hold (4.990.894.675 and 5.253.625.474)", () => {
    expect(onSheet(totalMismatch.check(workbook, {}))).toEqual([]);
    expect(onSheet(suspectScale.check(workbook, {}))).toEqual([]);
    expect(onSheet(formulaRange.check(workbook, {}))).toEqual([]);
    const totals = arithmeticOf(workbook)
      .columns.filter((c) => c.table === table)
      .flatMap((c) => c.checks.filter((k) => k.kind === "total").map((k) => k.stated?.toFixed()));
    expect(totals).toEqual(["4990894675", "5253625474"]);
  });

  it("recomputed from the repaired sub kegiatan, the totals become 4.990.624.675 and 4.828.024.554", () => {
    const sums = arithmeticOf(workbook)
      .columns.filter((c) => c.table === table)
      .map((c) =>
        [...c.slots.values()]
          .filter((s) => s.money.row.level === "subKegiatan")
          .reduce((acc, s) => acc.plus(s.chosen?.value ?? 0), new Decimal(0))
          .toFixed(),
      );
    expect(sums).toEqual(["4990624675", "4828024554"]);
  });

  it("notes every amount pasted as text (info), one per cell, never a malformed one", () => {
    const texts = onSheet(textNumber.check(workbook, {}));
    const malformed = new Set(onSheet(malformedNumber.check(workbook, {})).map((f) => f.cell));
    expect(texts.every((f) => f.severity === "info" && !malformed.has(f.cell))).toBe(true);
    expect(new Set(texts.map((f) => f.cell)).size).toBe(texts.length);
    // 57 plan rows + the total, two money columns, less the ten slips and the one "-" (Peralatan Rumah Tangga, N).
    expect(texts).toHaveLength(58 * 2 - 10 - 1);
  });
});

describe("arithmetic rules on the seed's Tabel 3.3 as typed into an Indonesian-locale Excel (workbook b)", () => {
  const typed = seedWorkbook("in an Indonesian Excel");
  const typedTable = typed.tables.find((t) => t.sheet === SHEET) as MappedTable;

  it("maps the same rows, so the cells are the same", () => {
    expect(typedTable.rows.map((r) => [r.row, r.level])).toEqual(table.rows.map((r) => [r.row, r.level]));
  });

  it("the nine slips Excel turned into numbers are suspect-scale with the balancing amount; 41,400,0000 stays malformed", () => {
    const expected = TEN_SLIPS.map(([name, value]) => ({ cell: cellOf(name, "paguN"), value }));
    const malformedCell = cellOf("Pemberdayaan Masyarakat di kelurahan", "paguN");
    const scale = errors(suspectScale.check(typed, {}));
    const malformed = errors(malformedNumber.check(typed, {}));
    expect(malformed.map((f) => ({ cell: f.cell, value: f.suggestion?.value }))).toEqual(expected.filter((e) => e.cell === malformedCell));
    expect(scale.map((f) => ({ cell: f.cell, value: f.suggestion?.value })).sort(byCell)).toEqual(
      expected.filter((e) => e.cell !== malformedCell).sort(byCell),
    );
    for (const f of [...scale, ...malformed]) expect(f.expected).toBe(f.suggestion?.value);
    // 4765 is whole: only the sum shows it is 1,000 times too small; 13729.7 is a fraction on its own.
    const byName = (name: string) => scale.find((f) => f.cell === cellOf(name, "paguN"));
    expect(textOf(byName("Penyediaan Bahan Logistik Kantor"))).toContain("1.000 kali lebih kecil");
    expect(textOf(byName("Penyediaan Barang Cetakan dan Penggandaan"))).toContain("Rupiah tidak berpecahan");
  });

  it("the same five sums fail, and no total error", () => {
    const found = errors(rollupMismatch.check(typed, {}));
    expect(found.map((f) => ({ cell: f.cell, expected: f.expected, actual: f.actual })).sort(byCell)).toEqual(FIVE_SUMS().sort(byCell));
    expect(onSheet(totalMismatch.check(typed, {}))).toEqual([]);
  });

  it("no amount is text any more but 41,400,0000 (malformed, not text-number)", () => {
    expect(onSheet(textNumber.check(typed, {}))).toEqual([]);
  });
});
