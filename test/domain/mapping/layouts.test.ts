/**
 * Issue 9: layouts seen on real plans from other offices map without configuration. Each fixture workbook
 * (test/fixtures/layouts.ts, built by jest's globalSetup) is read through the .xlsx host with style cues, as
 * `renja check` reads it; the tests state kinds, header rows, column roles, every row's level and kode, and counts,
 * and that no error is raised on a table whose sums and years hold.
 */
import * as fs from "fs";
import * as path from "path";
import { GENERATED_DIR } from "../../fixtures/build-fixtures";
import { LAYOUT_WORKBOOKS, PLAIN_LEVELS, SPLIT_ROWS, splitKodeOf, type LayoutName } from "../../fixtures/layouts";
import { mapWorkbook, type MapOptions } from "../../../src/domain/mapping/mapWorkbook";
import { assignRoles } from "../../../src/domain/mapping/columnRoles";
import { explainNoTable } from "../../../src/domain/mapping/recognition";
import { render, renderAll } from "../../../src/domain/messages";
import { joinKodeParts, kewenanganOf } from "../../../src/domain/mapping/splitKode";
import { snapshotFromGrid } from "../../../src/domain/sheet/snapshot";
import { targetText } from "../../../src/domain/mapping/targets";
import { countLevels } from "../../../src/domain/mapping/tree";
import type { Level, MappedTable, MappedWorkbook } from "../../../src/domain/mapping/types";
import type { SheetSnapshot } from "../../../src/domain/sheet/snapshot";
import { validate } from "../../../src/domain/validate";
import { openXlsxHost } from "../../../src/xlsx";

async function sheetsOf(name: LayoutName, styles = true): Promise<SheetSnapshot[]> {
  const file = path.join(GENERATED_DIR, LAYOUT_WORKBOOKS[name].file);
  const host = await openXlsxHost(new Uint8Array(fs.readFileSync(file)), file);
  return host.readAllSnapshots({ styles });
}

async function load(name: LayoutName, opts: MapOptions & { styles?: boolean } = {}): Promise<{ wb: MappedWorkbook; t: MappedTable }> {
  const wb = mapWorkbook(await sheetsOf(name, opts.styles ?? true), opts);
  expect(wb.tables).toHaveLength(1);
  return { wb, t: wb.tables[0] };
}

const levels = (t: MappedTable): [number, Level][] => t.rows.map((r) => [r.row, r.level]);
const planLevels = (t: MappedTable): Level[] => t.rows.map((r) => r.level).filter((l) => l !== "other" && l !== "total");
const errorsOf = (wb: MappedWorkbook) => validate(wb).filter((f) => f.severity === "error");

/** Rows of the plain plan from `first` on, one per line, then the total. */
const plainRows = (first: number): [number, Level][] => [...PLAIN_LEVELS.map((l, i): [number, Level] => [first + i, l]), [first + PLAIN_LEVELS.length, "total"]];
const PLAIN_COUNTS = { program: 3, kegiatan: 4, subKegiatan: 6 };

describe("kode split over five columns (T-C.32 of a provincial dinas)", () => {
  it("joins the parts into the canonical kode, with the kewenangan digit of a province, under three header rows", async () => {
    const { wb, t } = await load("splitKode");
    expect(t.kind).toBe("tabel-3.3");
    expect(t.year).toBe(2025);
    expect(t.headerRows).toEqual([5, 6, 7]);
    expect(t.columnNumberRow).toBe(8);
    expect(t.kodeColumns).toEqual([1, 2, 3, 4, 5]);
    expect(t.columns).toEqual({ kode: 1, uraian: 6, indikator: 7, lokasi: 8, targetN: 9, paguN: 10, sumberDana: 11, catatan: 12, targetN1: 13, paguN1: 14 });
    const expected = SPLIT_ROWS.map((r, i) => {
      const kode = splitKodeOf(r);
      const depth = kode.split(".").length;
      const level: Level = depth === 1 ? "urusan" : depth === 2 ? "bidang" : depth === 3 ? "program" : depth === 5 ? "kegiatan" : "subKegiatan";
      return { row: 9 + i, level, kode, kodeInferred: depth >= 5 };
    });
    expect(t.rows.slice(0, -1).map((r) => ({ row: r.row, level: r.level, kode: r.kode, kodeInferred: r.kodeInferred === true }))).toEqual(expected);
    expect(t.rows[t.rows.length - 1]).toMatchObject({ row: 27, level: "total" });
    expect(t.rows.find((r) => r.kode === "2.16.03.1.02.0009")?.uraian).toBe("Pengembangan Aplikasi dan Proses Bisnis Pemerintahan Berbasis Elektronik");
    expect(t.rows.find((r) => r.kode === "2.16.01.1.01")?.evidence?.join(" ")).toMatch(/kode joined from 5 columns, kewenangan 1 from the support program's name \(Provinsi\)/);
    expect(countLevels(t)).toEqual({ program: 3, kegiatan: 5, subKegiatan: 8 });
    // urusan and bidang heading rows carry no amounts: they are headings, the sums are checked under them
    expect(t.rows.find((r) => r.row === 24)?.parentRow).toBe(21);
    expect(errorsOf(wb)).toEqual([]);
  });
});

describe("a kegiatan and its first sub kegiatan with the same name", () => {
  it.each([true, false])("are told apart by the sums (and bold/indent when read: %s)", async (styles) => {
    const { wb, t } = await load("sameName", { styles });
    expect(t.kind).toBe("tabel-7");
    expect(levels(t)).toEqual([
      [4, "program"], [5, "kegiatan"], [6, "subKegiatan"], [7, "kegiatan"], [8, "subKegiatan"], [9, "subKegiatan"], [10, "subKegiatan"], [11, "total"],
    ]);
    expect(t.rows[3].uraian).toBe(t.rows[4].uraian);
    expect(t.rows[4].parentRow).toBe(7);
    expect(countLevels(t)).toEqual({ program: 1, kegiatan: 2, subKegiatan: 4 });
    expect(errorsOf(wb)).toEqual([]);
  });
});

describe("a kegiatan whose only sub kegiatan has its name and its amount, no formatting", () => {
  it("is the kegiatan: the sums and the position decide, not the name", () => {
    const line = (name: string, pagu: number) => [null, name, "Persentase (%)", "100 %", pagu, "APBD"];
    const sheet = snapshotFromGrid("Dishub", [
      ["RENCANA KERJA DINAS PERHUBUNGAN TAHUN 2025"],
      [],
      ["No", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Target", "Pagu Indikatif", "Sumber Dana"],
      line("PROGRAM PENYELENGGARAAN LALU LINTAS DAN ANGKUTAN JALAN (LLAJ)", 420_000_000),
      line("Penetapan Rencana Induk Jaringan LLAJ Kabupaten/Kota", 300_000_000),
      line("Pelaksanaan Penyusunan Rencana Induk Jaringan LLAJ Kabupaten/Kota", 180_000_000),
      line("Pelaksanaan Evaluasi (Reviu) Rencana Induk Jaringan LLAJ Kabupaten/Kota", 120_000_000),
      line("Penyediaan Perlengkapan Jalan di Jalan Kabupaten/Kota", 50_000_000),
      line("Penyediaan Perlengkapan Jalan di Jalan Kabupaten/Kota", 50_000_000),
      line("Pengelolaan Terminal Penumpang Tipe C", 70_000_000),
      line("Pengawasan Operasional Terminal Penumpang Tipe C", 70_000_000),
      [null, "JUMLAH", null, null, 420_000_000, null],
    ]);
    const wb = mapWorkbook([sheet]);
    expect(levels(wb.tables[0])).toEqual([
      [4, "program"], [5, "kegiatan"], [6, "subKegiatan"], [7, "subKegiatan"], [8, "kegiatan"], [9, "subKegiatan"], [10, "kegiatan"], [11, "subKegiatan"], [12, "total"],
    ]);
    expect(errorsOf(wb)).toEqual([]);
  });
});

describe("Target and Satuan in two columns", () => {
  it("maps a Satuan column per year and reads targets with their unit", async () => {
    const { wb, t } = await load("satuan");
    expect(t.kind).toBe("tabel-3.3");
    expect(t.headerRows).toEqual([5, 6]);
    expect(t.columns).toEqual({ kode: 1, uraian: 2, indikator: 3, lokasi: 4, targetN: 5, satuanN: 6, paguN: 7, sumberDana: 8, catatan: 9, targetN1: 10, satuanN1: 11, paguN1: 12 });
    expect(countLevels(t)).toEqual({ program: 2, kegiatan: 3, subKegiatan: 3 });
    const sheet = wb.sheets[0];
    const at = (row: number, role: "targetN" | "targetN1") => targetText(sheet, t, t.rows.find((r) => r.row === row) ?? t.rows[0], role);
    expect([at(7, "targetN"), at(8, "targetN"), at(10, "targetN"), at(7, "targetN1")]).toEqual(["95,5 %", "1 dokumen", "12 laporan", "96 %"]);
    expect(errorsOf(wb)).toEqual([]);
    // the unit check sees the Satuan column: exactly the one target whose unit differs from its indicator's
    const units = validate(wb).filter((f) => f.rule === "target-unit-mismatch");
    expect(units.map((f) => [f.cell, f.expected, f.actual])).toEqual([["J11", "orang", "laporan"]]);
  });

  it("a Satuan column away from any target (a cost estimate's Volume | Satuan) is no unit column", () => {
    const headers = ["No", "Uraian", "Volume", "Satuan", "Harga Satuan (Rp)", "Jumlah (Rp)"].map((t, i) => ({ col: i + 1, path: [t] }));
    expect(assignRoles(headers, "plan", 2025)).toEqual({ no: 1, uraian: 2, paguN: 5 });
    const beside = ["Uraian", "Target", "Satuan", "Pagu"].map((t, i) => ({ col: i + 1, path: [t] }));
    expect(assignRoles(beside, "plan", 2025)).toEqual({ uraian: 1, targetN: 2, satuanN: 3, paguN: 4 });
  });
});

describe("columns for years beyond N+1 (a Renstra block, 2027 shown, 2028 hidden)", () => {
  it("claims N and N+1 only, and the later years are no claim about N", async () => {
    const { wb, t } = await load("renstraYears");
    expect(t.kind).toBe("tabel-3.3");
    expect(t.year).toBe(2025);
    expect(t.columns).toEqual({ kode: 1, uraian: 2, indikator: 3, targetN: 4, paguN: 5, targetN1: 6, paguN1: 7 });
    expect(t.statedYears.filter((s) => s.year >= 2027).map((s) => [s.text, s.meaning])).toEqual([
      ["Target 2027", "other"], ["Pagu 2027", "other"], ["Target 2028", "other"], ["Pagu 2028", "other"],
    ]);
    expect(countLevels(t)).toEqual({ program: 2, kegiatan: 2, subKegiatan: 3 });
    expect(validate(wb).filter((f) => f.rule === "year-mismatch")).toEqual([]);
    expect(errorsOf(wb)).toEqual([]);
  });
});

describe("SIPD Tabel IV.3: the unit's SKPD row, urusan/bidang subtotals, NON URUSAN, a No/Kode column", () => {
  it("keeps the headings out of the plan levels", async () => {
    const { wb, t } = await load("sipd");
    expect(t.kind).toBe("tabel-7");
    expect(t.columns).toEqual({ kode: 1, uraian: 2, indikator: 3, lokasi: 4, targetN: 5, paguN: 6, sumberDana: 7 });
    expect(t.rows.map((r) => [r.row, r.level, r.kode ?? null])).toEqual([
      [6, "other", null],
      [7, "urusan", "1"], [8, "bidang", "1.02"],
      [9, "program", "1.02.02"], [10, "kegiatan", "1.02.02.2.01"], [11, "subKegiatan", "1.02.02.2.01.0001"], [12, "subKegiatan", "1.02.02.2.01.0020"],
      [13, "kegiatan", "1.02.02.2.02"], [14, "subKegiatan", "1.02.02.2.02.0001"], [15, "subKegiatan", "1.02.02.2.02.0003"],
      [16, "program", "1.02.03"], [17, "kegiatan", "1.02.03.2.02"], [18, "subKegiatan", "1.02.03.2.02.0001"],
      [19, "urusan", "X"], [20, "bidang", "X.XX"],
      [21, "program", "1.02.01"], [22, "kegiatan", "1.02.01.2.02"], [23, "subKegiatan", "1.02.01.2.02.0001"], [24, "subKegiatan", "1.02.01.2.02.0007"],
    ]);
    expect(t.rows[0].evidence).toEqual(["the unit's SKPD code 1.02.0.00.0.00.01.0000: a heading"]);
    expect(countLevels(t)).toEqual({ program: 3, kegiatan: 4, subKegiatan: 7 });
    expect(validate(wb).filter((f) => f.rule === "kode-format" || f.rule === "missing-field")).toEqual([]);
    expect(errorsOf(wb)).toEqual([]);
  });
});

describe("one plain table, one thing different", () => {
  it("several header rows with a column-number row (1) (2) … (7)", async () => {
    const { wb, t } = await load("headerNumbers");
    expect(t.headerRows).toEqual([3, 4]);
    expect(t.columnNumberRow).toBe(5);
    expect(t.columns).toEqual({ no: 1, uraian: 2, indikator: 3, lokasi: 4, targetN: 5, paguN: 6, sumberDana: 7 });
    expect(levels(t)).toEqual(plainRows(6));
    expect(countLevels(t)).toEqual(PLAIN_COUNTS);
    expect(errorsOf(wb)).toEqual([]);
  });

  it("blank spacer rows between programs and before the total", async () => {
    const { wb, t } = await load("spacerRows");
    expect(t.headerRows).toEqual([3]);
    expect(t.dataRows).toEqual([4, 21]);
    expect(t.totalRow).toBe(21);
    expect(planLevels(t)).toEqual(PLAIN_LEVELS);
    expect(t.rows.map((r) => r.row)).toEqual([4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 16, 17, 18, 21]);
    expect(countLevels(t)).toEqual(PLAIN_COUNTS);
    expect(errorsOf(wb)).toEqual([]);
  });

  it("hidden columns: last year's pagu and a Catatan", async () => {
    const { wb, t } = await load("hiddenColumns");
    expect(t.columns).toEqual({ no: 1, uraian: 2, indikator: 3, lokasi: 5, targetN: 6, paguN: 7, sumberDana: 8, catatan: 9 });
    expect(t.statedYears.find((s) => s.text === "Pagu 2024")?.meaning).toBe("other");
    expect(levels(t)).toEqual(plainRows(4));
    expect(countLevels(t)).toEqual(PLAIN_COUNTS);
    expect(errorsOf(wb)).toEqual([]);
  });

  it("a cover sheet and a notes sheet first", async () => {
    const wb = mapWorkbook(await sheetsOf("coverSheet"));
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sampul", "Petunjuk", "Tabel 7"]);
    expect(wb.tables.map((t) => t.sheet)).toEqual(["Tabel 7"]);
    expect(levels(wb.tables[0])).toEqual(plainRows(4));
    expect(errorsOf(wb)).toEqual([]);
  });

  it("a signature block under the table", async () => {
    const { wb, t } = await load("signature");
    expect(t.dataRows).toEqual([4, 17]);
    expect(levels(t)).toEqual(plainRows(4));
    expect(wb.narratives).toEqual([]);
    expect(errorsOf(wb)).toEqual([]);
  });

  it.each([true, false])("outline numbering I / 1 / a instead of kode (catalogue %s)", async (catalogue) => {
    const { wb, t } = await load("outline", { catalogue });
    expect(levels(t)).toEqual(plainRows(4));
    expect(countLevels(t)).toEqual(PLAIN_COUNTS);
    expect(t.rows.find((r) => r.row === 14)?.evidence).toEqual(["outline number in Roman numerals (I, II, …) in the No column"]);
    expect(errorsOf(wb)).toEqual([]);
  });
});

describe("a village budget (APBDes) with cost-estimate forms is no Renja", () => {
  it("yields no table, and says for each sheet why", async () => {
    const sheets = await sheetsOf("apbdes");
    const wb = mapWorkbook(sheets);
    expect(wb.tables).toEqual([]);
    expect(validate(wb)).toEqual([]);
    const why = explainNoTable(sheets);
    expect(why.map((e) => [e.sheet, e.reason, e.headerRow])).toEqual([
      ["APBDes", "no-structure", 3],
      ["RAB", "no-structure", 7],
    ]);
    expect(render(why[1].message, "id")).toBe(
      'Lembar "RAB": baris di bawah kepala tabel di baris 7 (No | Uraian | Volume | Satuan | Harga Satuan (Rp) | Jumlah (Rp)) tidak berstruktur Program/Kegiatan: tidak ada kode berbentuk 7.01.01, baris PROGRAM, nama dari nomenklatur, atau kolom berjudul Program/Kegiatan.',
    );
    expect(render(why[1].message, "en")).toMatch(/^Sheet "RAB": the rows under the headers at row 7 \(No \| Uraian \| Volume/);
  });
});

describe("split kode parts and header words, one by one", () => {
  const split = (kewenangan: "1" | "2") => ({ cols: [1, 2, 3, 4, 5], kewenangan, kewenanganSource: "test" });
  const sheet = snapshotFromGrid("K", [
    ["2", "16", "01", "05", "9"],
    ["1", "02", "02", "2.01", "20"],
    ["7.01.01", null, null, null, null],
    ["2", null, "01", null, null],
    ["2", "16", "Program", null, null],
    ["X", "XX", "01", null, null],
  ]);
  it("pads the parts, puts the kewenangan digit before the kegiatan and says when it was not written", () => {
    expect(joinKodeParts(sheet, 1, 0, split("2"))).toEqual({ kode: "2.16.01.2.05.0009", inferred: true });
    expect(joinKodeParts(sheet, 1, 0, split("1"))).toEqual({ kode: "2.16.01.1.05.0009", inferred: true });
    expect(joinKodeParts(sheet, 2, 0, split("1"))).toEqual({ kode: "1.02.02.2.01.0020", inferred: false });
    expect(joinKodeParts(sheet, 6, 0, split("2"))).toEqual({ kode: "X.XX.01", inferred: false });
  });
  it("leaves a whole kode in the first column, a gap and words alone", () => {
    expect([3, 4, 5].map((r) => joinKodeParts(sheet, r, 0, split("2")))).toEqual([undefined, undefined, undefined]);
  });
  it("takes the kewenangan from the support program's name, then the title, else assumes kabupaten/kota", () => {
    expect(kewenanganOf("", ["PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"]).kewenangan).toBe("2");
    expect(kewenanganOf("Dinas PUPR Provinsi Sulawesi Tengah", []).kewenangan).toBe("1");
    expect(kewenanganOf("Dinas PUPR Kabupaten Luwu Timur Provinsi Sulawesi Selatan", []).kewenangan).toBe("2");
    expect(kewenanganOf("RENJA DINAS PUPR", [])).toEqual({ kewenangan: "2", kewenanganSource: expect.stringMatching(/assumed/) });
  });
  it("reads No/Kode and No. Kode headers as the kode column", () => {
    for (const head of ["No/Kode", "No. Kode", "NO / KODE"]) {
      const headers = [head, "Program/Kegiatan", "Pagu Indikatif"].map((t, i) => ({ col: i + 1, path: [t] }));
      expect(assignRoles(headers, "plan", 2025)).toEqual({ kode: 1, uraian: 2, paguN: 3 });
    }
  });
});

describe("explainNoTable: each reason a header block is passed over", () => {
  it("says empty, no header, no Program/Kegiatan column, no money/target column, no rows", () => {
    const sheets = [
      snapshotFromGrid("Kosong", []),
      snapshotFromGrid("Teks", [["BAB I"], ["PENDAHULUAN"]]),
      snapshotFromGrid("TanpaNama", [["No", "Indikator Kinerja", "Target", "Pagu Indikatif"], [1, "Persentase (%)", "100%", 5_000_000]]),
      snapshotFromGrid("TanpaAngka", [["No", "Program/Kegiatan", "Keterangan", "Kode"], [1, "PROGRAM PENUNJANG", "-", "7.01.01"]]),
      snapshotFromGrid("Kepala", [["No", "Program/Kegiatan", "Indikator", "Pagu Indikatif"]]),
    ];
    expect(mapWorkbook(sheets).tables).toEqual([]);
    expect(explainNoTable(sheets).map((e) => [e.sheet, e.reason, e.headerRow ?? null])).toEqual([
      ["Kosong", "empty", null],
      ["Teks", "no-header", null],
      ["TanpaNama", "no-name-column", 1],
      ["TanpaAngka", "no-content-column", 1],
      ["Kepala", "no-rows", 1],
    ]);
    expect(renderAll(explainNoTable(sheets)[3].message)).toEqual({
      id: 'Lembar "TanpaAngka": kepala tabel di baris 1 (No | Program/Kegiatan | Keterangan | Kode) tidak memuat kolom pagu/kebutuhan dana, target, indikator, lokasi atau sumber dana.',
      en: 'Sheet "TanpaAngka": the headers at row 1 (No | Program/Kegiatan | Keterangan | Kode) have no pagu/funding, target, indicator, location or funding-source column.',
    });
  });
});
