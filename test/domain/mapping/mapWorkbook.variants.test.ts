/**
 * The same plan in other clothes maps the same: columns moved and headers worded differently with KODE filled,
 * amounts typed as numbers, a unit whose bidang the catalogue lacks, formatting as the only cue, and the user's
 * corrections.
 */
import { mapWorkbook } from "../../../src/domain/mapping/mapWorkbook";
import { countLevels } from "../../../src/domain/mapping/tree";
import type { Level, MappedTable } from "../../../src/domain/mapping/types";
import { parseAmountText } from "../../../src/domain/numbers";
import { snapshotFromGrid, type Cell, type CellValue } from "../../../src/domain/sheet/snapshot";
import { seedTables } from "../../support/seed";
import { seedSheet } from "./seedSheets";

const seed33 = () => {
  const { sheet } = seedSheet("tabel33");
  return mapWorkbook([sheet]).tables[0];
};

/** Levels in row order, leaving out rows without a plan level. */
const planLevels = (t: MappedTable): Level[] => t.rows.map((r) => r.level).filter((l) => l !== "other");

/** Structural kodes for the seed rows, from their levels: program 7.01.0P, kegiatan ….2.KK, sub ….SSSS. */
function kodesFor(levels: Level[]): (string | null)[] {
  let p = 0, k = 0, s = 0;
  return levels.map((l) => {
    if (l === "program") return (p++, k = 0, `7.01.0${p}`);
    if (l === "kegiatan") return (k++, s = 0, `7.01.0${p}.2.${String(k).padStart(2, "0")}`);
    if (l === "subKegiatan") return (s++, `7.01.0${p}.2.${String(k).padStart(2, "0")}.${String(s).padStart(4, "0")}`);
    return null;
  });
}

describe("moved columns, other wording, KODE filled", () => {
  const original = seed33();
  // seed order: 0 KODE, 1 uraian, 2 lokasi, 3 indikator, 4 targetN, 5 paguN, 6 sumber, 7 catatan, 8 targetN1, 9 paguN1
  const order = [1, 0, 3, 4, 5, 6, 2, 8, 9, 7];
  const headers = ["Uraian", "KODE", "Indikator Kinerja", "Target 2025", "Pagu Indikatif (Rp)", "Sumber Dana", "Lokasi", "Target 2026", "Pagu 2026", "Keterangan"];
  function variant(withTitle: boolean) {
    const body = seedTables().tabel33.body.slice(3);
    // the seed's non-empty body lines are the original table's rows, in order
    let i = 0;
    const lineLevels = body.map((line): Level => (line.length === 0 ? "other" : original.rows[i++].level));
    const kodes = kodesFor(lineLevels);
    const grid: (CellValue | undefined)[][] = [];
    if (withTitle) grid.push(["RENCANA PROGRAM DAN KEGIATAN DINAS TAHUN 2025"], []);
    grid.push(headers);
    body.forEach((line, n) => {
      if (line.length === 0) return grid.push([]);
      const cells = order.map((c) => (line[c] === "" || line[c] === undefined ? null : line[c]));
      if (kodes[n]) cells[1] = kodes[n];
      grid.push(cells);
    });
    return { sheet: snapshotFromGrid("Variant", grid), headerRow: withTitle ? 3 : 1 };
  }

  it.each([true, false])("maps roles by header text, not position (title: %s)", (withTitle) => {
    const { sheet, headerRow } = variant(withTitle);
    const [t] = mapWorkbook([sheet]).tables;
    expect(t.kind).toBe("tabel-3.3");
    expect(t.year).toBe(2025);
    expect(t.headerRows).toEqual([headerRow]);
    expect(t.columns).toEqual({ uraian: 1, kode: 2, indikator: 3, targetN: 4, paguN: 5, sumberDana: 6, lokasi: 7, targetN1: 8, paguN1: 9, catatan: 10 });
    expect(countLevels(t)).toEqual({ program: 6, kegiatan: 15, subKegiatan: 36 });
    expect(planLevels(t)).toEqual(planLevels(original));
    for (const r of t.rows.filter((x) => x.level === "program" || x.level === "kegiatan" || x.level === "subKegiatan")) {
      expect(r.kodeInferred).toBeUndefined();
      expect(r.evidence?.[0]).toMatch(/^kode /);
    }
    // "Pagu 2026" heads the N+1 money column: its year means N+1, not a slip
    expect(t.statedYears.find((s) => s.text === "Pagu 2026")?.meaning).toBe("N+1");
    expect(t.statedYears.find((s) => s.text === "Target 2025")?.meaning).toBe("N");
  });
});

describe("amounts typed as numbers (Indonesian-locale Excel)", () => {
  /** What Excel in an Indonesian locale stores for the typed text: 4.765,000 -> 4765; 41,400,0000 stays text. */
  function typed(text: string): CellValue {
    if (/^\d{1,3}(\.\d{3})+,\d+$/.test(text)) return Number(text.replace(/\./g, "").replace(",", "."));
    const r = parseAmountText(text);
    return r.status === "text-number" || r.status === "ok" ? Number(r.value?.toString()) : text;
  }
  function numericSheet() {
    const { sheet } = seedSheet("tabel33");
    const rows = new Map<number, Map<number, Cell>>();
    for (const [r, cells] of sheet.rows) {
      const copy = new Map<number, Cell>();
      for (const [c, cell] of cells) copy.set(c, (c === 6 || c === 10) && typeof cell.value === "string" && /\d/.test(cell.value) && r > 8 ? { value: typed(cell.value) } : cell);
      rows.set(r, copy);
    }
    return { ...sheet, rows };
  }
  it("maps the same levels with and without the catalogue", () => {
    const sheet = numericSheet();
    const rowOf = (name: string) => [...sheet.rows.entries()].find(([, cells]) => cells.get(2)?.value === name)?.[1];
    expect(rowOf("Penyediaan Bahan Logistik Kantor")?.get(6)?.value).toBe(4765);
    expect(rowOf("PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA")?.get(6)?.value).toBe(4472430125);
    expect(rowOf("Pemberdayaan Masyarakat di kelurahan")?.get(6)?.value).toBe("41,400,0000");
    const original = planLevels(seed33());
    for (const catalogue of [true, false]) {
      const [t] = mapWorkbook([sheet], { catalogue }).tables;
      expect(countLevels(t)).toEqual({ program: 6, kegiatan: 15, subKegiatan: 36 });
      expect(planLevels(t)).toEqual(original);
    }
  });
});

describe("a unit whose bidang the catalogue lacks (Dinas Kesehatan, 1.02)", () => {
  type Spec = [Level, string, number, number];
  // [level, name, pagu N, pagu N+1]: parents equal the sum of their children in both years
  const rows: Spec[] = [
    ["program", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", 1_250_000_000, 1_300_000_000],
    ["kegiatan", "Administrasi Keuangan Perangkat Daerah", 1_250_000_000, 1_300_000_000],
    ["subKegiatan", "Penyediaan Gaji dan Tunjangan ASN", 1_200_000_000, 1_240_000_000],
    ["subKegiatan", "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD", 50_000_000, 60_000_000],
    ["program", "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT", 930_000_000, 1_000_000_000],
    ["kegiatan", "Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota", 700_000_000, 750_000_000],
    ["subKegiatan", "Pembangunan Puskesmas", 500_000_000, 500_000_000],
    ["subKegiatan", "Pengadaan Alat Kesehatan/Alat Penunjang Medik Fasilitas Pelayanan Kesehatan", 200_000_000, 250_000_000],
    ["kegiatan", "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota", 230_000_000, 250_000_000],
    ["subKegiatan", "Pengelolaan Pelayanan Kesehatan Ibu Hamil", 80_000_000, 90_000_000],
    ["subKegiatan", "Pengelolaan Pelayanan Kesehatan Balita", 100_000_000, 100_000_000],
    ["subKegiatan", "Pengelolaan Pelayanan Kesehatan pada Usia Lanjut", 50_000_000, 60_000_000],
    ["program", "PROGRAM PENINGKATAN KAPASITAS SUMBER DAYA MANUSIA KESEHATAN", 75_000_000, 80_000_000],
    ["kegiatan", "Perencanaan Kebutuhan dan Pendayagunaan Sumber Daya Manusia Kesehatan untuk UKP dan UKM di Wilayah Kabupaten/Kota", 75_000_000, 80_000_000],
    ["subKegiatan", "Pemenuhan Kebutuhan Sumber Daya Manusia Kesehatan sesuai Standar", 75_000_000, 80_000_000],
  ];
  const expected = rows.map((r) => r[0]);

  function sheet(opts: { kode: boolean; programWord: boolean; styles: boolean }) {
    const kodes = kodesFor(expected).map((k) => k?.replace(/^7\.01/, "1.02") ?? null);
    const grid: (CellValue | Cell | undefined)[][] = [
      ["RUMUSAN RENCANA PROGRAM DAN KEGIATAN DINAS KESEHATAN TAHUN 2025 DAN PRAKIRAAN MAJU TAHUN 2026"],
      ["Kode Rekening", "Program/ Kegiatan/ Sub Kegiatan", "Indikator Kinerja", "Rencana Tahun 2025 (N)", null, null, null, "Catatan Penting", "Prakiraan Maju Rencana Tahun 2026 (N+1)"],
      [null, null, null, "Lokasi", "Target Capaian Kinerja", "Kebutuhan Dana/Pagu Indikatif", "Sumber Dana", null, "Target Capaian Kinerja", "Kebutuhan Dana/Pagu Indikatif"],
    ];
    rows.forEach(([level, name, n, n1], i) => {
      const uraian = opts.programWord ? name : name.replace(/^PROGRAM /, "").replace(/\b([A-Z])([A-Z]+)\b/g, (_, a: string, b: string) => a + b.toLowerCase());
      const indent = level === "program" ? 0 : level === "kegiatan" ? 1 : 2;
      const cell: Cell | string = opts.styles ? { value: uraian, bold: level !== "subKegiatan" || undefined, indent: indent || undefined } : uraian;
      grid.push([opts.kode ? kodes[i] : null, cell, "Persentase capaian (%)", "Dinas Kesehatan", "100%", n, "APBD", null, "100%", n1]);
    });
    grid.push([null, "JUMLAH", null, null, null, 2_255_000_000, null, null, null, 2_380_000_000]);
    return snapshotFromGrid("Dinkes", grid);
  }

  it("takes the levels from the written kode", () => {
    const [t] = mapWorkbook([sheet({ kode: true, programWord: true, styles: false })]).tables;
    expect(t.rows.map((r) => r.level)).toEqual([...expected, "total"]);
    expect(t.rows.every((r) => !r.kodeInferred)).toBe(true);
    expect(t.rows[0].kode).toBe("1.02.01");
    expect(t.rows[6].kode).toBe("1.02.02.2.01.0001");
  });

  it.each([true, false])("without kode, from the PROGRAM word and the sums (catalogue %s)", (catalogue) => {
    const [t] = mapWorkbook([sheet({ kode: false, programWord: true, styles: false })], { catalogue }).tables;
    expect(t.rows.map((r) => r.level)).toEqual([...expected, "total"]);
    // the support program's names match the kecamatan catalogue, but its kode is not made up from bidang 7.01
    expect(t.rows.some((r) => r.kode !== undefined)).toBe(false);
    const gaji = t.rows[2];
    expect(gaji.catalogue?.name ?? null).toBe(catalogue ? "Penyediaan Gaji dan Tunjangan ASN" : null);
    const puskesmas = t.rows[6];
    expect(puskesmas.catalogue).toBeUndefined();
    expect(puskesmas.parentRow).toBe(t.rows[5].row);
    expect(t.rows[5].evidence?.join(" ")).toMatch(/sum of the rows under it/);
  });

  it("without kode and without the PROGRAM word, from bold and indent", () => {
    const [t] = mapWorkbook([sheet({ kode: false, programWord: false, styles: true })], { catalogue: false }).tables;
    expect(t.rows.map((r) => r.level)).toEqual([...expected, "total"]);
    expect(t.rows[0].evidence).toEqual(["least indented of three depths"]);
  });
});

describe("the user's corrections win", () => {
  it("applies level, year and role overrides after inference, and re-links parents", () => {
    const { sheet } = seedSheet("tabel33");
    const base = mapWorkbook([sheet]).tables[0];
    const sub = base.rows.find((r) => r.uraian === "Penyediaan Gaji dan Tunjangan ASN");
    expect(sub?.level).toBe("subKegiatan");
    const row = sub?.row ?? 0;
    const [t] = mapWorkbook([sheet], {
      overrides: { version: 1, levels: { [sheet.id]: { [row]: "kegiatan" } }, years: { [sheet.id]: 2026 }, roles: { [sheet.id]: { catatan: "K" } } },
    }).tables;
    const fixed = t.rows.find((r) => r.row === row);
    expect(fixed).toMatchObject({ level: "kegiatan", confidence: 1, evidence: ["corrected by the user"] });
    expect(t.rows.find((r) => r.row === fixed?.parentRow)?.level).toBe("program");
    const next = t.rows[t.rows.indexOf(fixed as (typeof t.rows)[number]) + 1];
    expect(next.parentRow).toBe(row);
    expect(t.year).toBe(2026);
    expect(t.columns.catatan).toBe(11);
    expect(countLevels(t)).toEqual({ program: 6, kegiatan: 16, subKegiatan: 35 });
  });

  it("reads a sheet as the kind the user chose: its columns by that kind's headers, the rows as before", () => {
    const { sheet } = seedSheet("tabel33");
    const base = mapWorkbook([sheet]).tables[0];
    expect(base.kind).toBe("tabel-3.3");
    const [asTabel7] = mapWorkbook([sheet], { overrides: { version: 1, levels: {}, kinds: { [sheet.id]: "tabel-7" } } }).tables;
    expect(asTabel7.kind).toBe("tabel-7");
    expect(asTabel7.columns).toEqual(base.columns);
    expect(countLevels(asTabel7)).toEqual(countLevels(base));
    // Another sheet keeps its own kind.
    const [other] = mapWorkbook([sheet], { overrides: { version: 1, levels: {}, kinds: { "another sheet": "tabel-7" } } }).tables;
    expect(other.kind).toBe("tabel-3.3");
  });
});

describe("sheets without a Renja table", () => {
  it("yield no table and no crash", () => {
    const empty = snapshotFromGrid("Kosong", []);
    const prose = snapshotFromGrid("Teks", [["BAB I"], ["PENDAHULUAN"], [], ["Renja adalah dokumen perencanaan tahunan."]]);
    const other = snapshotFromGrid("Lain", [["Nama", "Jabatan", "NIP"], ["MUHAMMAD JUMARDIN, SE", "Camat", "19721231 200312 1 022"]]);
    const headerOnly = snapshotFromGrid("Kepala", [["No", "Program/Kegiatan", "Indikator", "Pagu Indikatif"]]);
    expect(mapWorkbook([empty, prose, other, headerOnly]).tables).toEqual([]);
  });
});

describe("rows that are not plan rows", () => {
  it("keeps an urusan line, a wrapped name, a subtotal and a kode in the No column apart", () => {
    const grid: CellValue[][] = [
      ["RENCANA KERJA DAN PENDANAAN TAHUN 2025"],
      ["No.", "Program/Kegiatan", "Indikator Kinerja", "Lokasi", "Target Capaian Kinerja", "Pagu Indikatif", "Sumber Dana"],
      [null, "UNSUR KEWILAYAHAN", null, null, null, null, null],
      ["7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", "Persentase (%)", "Kantor", "100%", "10.270.000", "APBD"],
      ["7.01.02.2.04", "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan", "Persentase (%)", "Kantor", "100%", "10.270.000", "APBD"],
      [null, "kepada Camat", null, null, null, null, null],
      ["7.01.02.2.04.0003", "Pelaksanaan Urusan Pemerintahan yang Terkait dengan Kewenangan Lain yang Dilimpahkan", "Jumlah laporan (Laporan)", "Kantor", "24 Laporan", "10.270.000", null],
      [null, "Sub Total", null, null, null, "10.270.000", null],
      [null, "JUMLAH", null, null, null, "10.270.000", null],
    ];
    const [t] = mapWorkbook([snapshotFromGrid("T7", grid)]).tables;
    expect(t.rows.map((r) => [r.row, r.level])).toEqual([
      [3, "urusan"], [4, "program"], [5, "kegiatan"], [6, "other"], [7, "subKegiatan"], [8, "other"], [9, "total"],
    ]);
    expect(t.rows.map((r) => r.kode ?? null)).toEqual([null, "7.01.02", "7.01.02.2.04", null, "7.01.02.2.04.0003", null, null]);
    expect(t.rows[3].evidence).toEqual(["a wrapped line of the name above"]);
    expect(t.rows[5].evidence).toEqual(["a subtotal row"]);
    expect(t.rows[4].parentRow).toBe(5);
  });
});
