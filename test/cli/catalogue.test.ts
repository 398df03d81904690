/**
 * `renja catalogue import|list|remove` and `renja check --catalogue`: lists imported from TSV, CSV and .xlsx,
 * refused with line numbers when malformed; checks of a kecamatan (the seed, variant c), a Bapenda table with a kode
 * column and a Dinas Perhubungan table without one, with the built-in list and with 3406/2024.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import type { FindingJson as Finding } from "../../src/cli/findingJson";
import type { TableJson } from "../../src/domain/mapping/tableJson";
import { FIXTURE_FILES, GENERATED_DIR } from "../fixtures/build-fixtures";
import { LIST_1317, LIST_2DIGIT, LIST_3406, describeWithLists, listPath } from "../support/nomenclatureData";
import { runCli, tempDir, writeTemp } from "./cliHarness";

let dataHome: string;
const savedEnv = { XDG_DATA_HOME: process.env.XDG_DATA_HOME, APPDATA: process.env.APPDATA };

beforeEach(() => {
  dataHome = tempDir();
  process.env.XDG_DATA_HOME = dataHome;
  process.env.APPDATA = dataHome;
});
afterAll(() => {
  process.env.XDG_DATA_HOME = savedEnv.XDG_DATA_HOME;
  process.env.APPDATA = savedEnv.APPDATA;
});

const storeDir = () => path.join(dataHome, "renja-cermat", "nomenklatur");

const CSV = [
  "kode,nama,kinerja,indikator,satuan",
  '7,"UNSUR KEWILAYAHAN",,,',
  '7.01,"KECAMATAN",,,',
  '7.01.02,"PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",,,',
  '7.01.02.2.04,"Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat",,,',
  '7.01.02.2.04.0003,"Pelaksanaan Urusan Pemerintahan yang Terkait dengan Kewenangan Lain yang Dilimpahkan","Terlaksananya Urusan, yang Dilimpahkan","Jumlah Laporan","Laporan"',
].join("\n");

describe("renja catalogue import / list / remove", () => {
  it("imports a CSV list (quoted fields with commas), summarises it, stores it in the data folder; list and remove", async () => {
    const dir = tempDir();
    const file = writeTemp(dir, "daftar.csv", CSV);
    const run = await runCli(["catalogue", "import", file, "--regulation", "Kepmendagri 900.1.15.5-3406/2024", "--name", "uji"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Daftar "uji" diimpor: Kepmendagri 900.1.15.5-3406/2024, untuk rencana mulai tahun 2025');
    expect(run.stdout).toContain("urusan 1, bidang 1, program 1, kegiatan 1, sub kegiatan 1.");
    expect(run.stdout).toContain("kinerja/indikator/satuan pada 1 sub kegiatan");
    const stored = JSON.parse(fs.readFileSync(path.join(storeDir(), "uji.json"), "utf8")) as { entries: string[][] };
    expect(stored.entries).toContainEqual(["7.01.02.2.04.0003", "subKegiatan", "Pelaksanaan Urusan Pemerintahan yang Terkait dengan Kewenangan Lain yang Dilimpahkan", "Terlaksananya Urusan, yang Dilimpahkan", "Jumlah Laporan", "Laporan"]);

    const again = await runCli(["catalogue", "import", file, "--regulation", "Kepmendagri 900.1.15.5-3406/2024", "--name", "uji"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("--replace");

    const list = await runCli(["catalogue", "list"]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/uji\tKepmendagri 900\.1\.15\.5-3406\/2024\t2025\t1 bidang, 1 sub kegiatan/);
    expect(list.stdout).toContain("bawaan-7.01");

    expect((await runCli(["catalogue", "remove", "uji"])).code).toBe(0);
    expect(fs.existsSync(path.join(storeDir(), "uji.json"))).toBe(false);
    const gone = await runCli(["--lang", "en", "catalogue", "remove", "uji"]);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain('No stored list is named "uji"');
  });

  it("refuses a malformed list and names the lines: bad code shape, duplicate code, a child before its parent", async () => {
    const dir = tempDir();
    const bad = [
      "kode\tnama",
      "7.01.02.2.04.0003\tPelaksanaan Urusan Pemerintahan yang Terkait dengan Kewenangan Lain",
      "7.01.02\tPROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
      "7.01.02.2.04\tPelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat",
      "7.01.02.2.4\tKegiatan dengan kode salah",
      "7.01.02\tPROGRAM YANG SAMA LAGI",
    ].join("\n");
    const file = writeTemp(dir, "rusak.tsv", bad);
    const run = await runCli(["catalogue", "import", file, "--regulation", "Kepmendagri 900.1.15.5-3406/2024"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("ditolak");
    expect(run.stderr).toContain('baris 5: kode kegiatan "7.01.02.2.4" tidak berbentuk U.BB.PP.K.KK.');
    expect(run.stderr).toContain("baris 6: kode 7.01.02 sudah ada di baris 3.");
    expect(fs.existsSync(storeDir())).toBe(false);

    const orderOnly = writeTemp(dir, "urutan.tsv", bad.split("\n").slice(0, 4).join("\n"));
    const order = await runCli(["catalogue", "import", orderOnly, "--regulation", "Kepmendagri 900.1.15.5-3406/2024", "--lang", "en"]);
    expect(order.code).toBe(2);
    expect(order.stderr).toContain("line 2: 7.01.02.2.04.0003 comes before its parent 7.01.02.2.04 (line 4).");
  });

  it("imports an .xlsx list found by its header text under a title row: a SIPD-style export with a kode and name per level", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Referensi");
    ws.addRow(["REFERENSI SUB KEGIATAN TAHUN 2025"]);
    ws.addRow([]);
    ws.addRow(["kode_urusan", "kode_bidang_urusan", "kode_program", "kode_giat", "kode_sub_giat", "nama_program", "nama_giat", "nama_sub_giat", "Indikator", "Satuan"]);
    const p = "PROGRAM PENYELENGGARAAN LALU LINTAS DAN ANGKUTAN JALAN (LLAJ)";
    const k = "Penetapan Rencana Induk Jaringan LLAJ Kabupaten/Kota";
    ws.addRow(["2", "2.15", "2.15.02", "2.15.02.2.01", "2.15.02.2.01.0001", p, k, "Pelaksanaan Penyusunan Rencana Induk Jaringan LLAJ Kabupaten/Kota", "Jumlah Dokumen", "Dokumen"]);
    ws.addRow(["2", "2.15", "2.15.02", "2.15.02.2.01", "2.15.02.2.01.0007", p, k, "Pelaksanaan Evaluasi (Reviu) Rencana Induk Jaringan LLAJ Kabupaten/Kota", "Jumlah Dokumen", "Dokumen"]);
    const dir = tempDir();
    const file = writeTemp(dir, "referensi.xlsx", new Uint8Array(await wb.xlsx.writeBuffer()));
    const run = await runCli(["catalogue", "import", file, "--regulation", "Kepmendagri 900.1.15.5-3406/2024", "--year", "2026"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    // urusan and bidang codes without names are heading parts only; kegiatan and program rows repeat on every line
    expect(run.stdout).toContain("program 1, kegiatan 1, sub kegiatan 2.");
    expect(run.stdout).toContain("untuk rencana mulai tahun 2026.");
  });
});

describeWithLists("renja catalogue import of each real list", () => {
  it.each([
    [LIST_3406, [], "sub kegiatan 3.468", "Kepmendagri 900.1.15.5-3406/2024"],
    [LIST_1317, [], "kinerja/indikator/satuan pada 3.394 sub kegiatan", "Kepmendagri 900.1.15.5-1317/2023"],
    [LIST_2DIGIT, ["--name", "kep-050-kabkota"], "sub kegiatan 2.254", "Kepmendagri 050-3708/2020"],
  ])("%s", async (file, extra, summary, regulation) => {
    const run = await runCli(["catalogue", "import", listPath(file), ...extra]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(summary);
    expect(run.stdout).toContain(regulation);
  });
});

interface CheckJson {
  tables: TableJson[];
  findings: Finding[];
  nomenclature: { regulation: string; year: number | null; origin: string }[];
}

async function checkJson(file: string, ...extra: string[]): Promise<CheckJson> {
  const run = await runCli(["check", file, "--json", ...extra]);
  expect(run.code).toBeLessThan(2);
  return JSON.parse(run.stdout) as CheckJson;
}

const nomenclature = (j: CheckJson) => j.findings.filter((f) => f.rule === "nomenclature-mismatch");

/** A Tabel 7 of one unit: title, one header row, the rows [kode?, name, pagu]. */
async function unitWorkbook(dir: string, name: string, title: string, rows: Array<[string | null, string, number]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tabel 7");
  ws.addRow([title]);
  ws.addRow([]);
  const withKode = rows.some(([k]) => k !== null);
  const head = ["Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Lokasi", "Target Capaian Kinerja", "Kebutuhan Dana/Pagu Indikatif", "Sumber Dana"];
  ws.addRow(withKode ? ["Kode", ...head] : head);
  for (const [kode, uraian, pagu] of rows) {
    const cells = [uraian, "Jumlah dokumen (Dokumen)", "Kabupaten", "1 Dokumen", pagu, "APBD"];
    ws.addRow(withKode ? [kode, ...cells] : cells);
  }
  const total = rows.filter(([k, u]) => (k ? k.split(".").length === 3 : /^PROGRAM/.test(u))).reduce((s, [, , p]) => s + p, 0);
  ws.addRow(withKode ? ["", "JUMLAH", "", "", "", total, ""] : ["JUMLAH", "", "", "", total, ""]);
  return writeTemp(dir, name, new Uint8Array(await wb.xlsx.writeBuffer()));
}

const BAPENDA: Array<[string, string, number]> = [
  ["5.02.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", 300],
  ["5.02.01.2.02", "Administrasi Keuangan Perangkat Daerah", 300],
  ["5.02.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", 200],
  ["5.02.01.2.02.0002", "Penyediaan Administrasi Pelaksanaan Tugas ASN", 100],
  ["5.02.02", "PROGRAM PENGELOLAAN KEUANGAN DAERAH", 500],
  ["5.02.02.2.01", "Koordinasi dan Penyusunan Rencana Anggaran Daerah", 500],
  ["5.02.02.2.01.0001", "Koordinasi dan Penyusunan KUA dan PPAS", 300],
  // the name of 0005 (DPA-SKPD) under the kode of 0003 (RKA-SKPD)
  ["5.02.02.2.01.0003", "Koordinasi, Penyusunan dan Verifikasi DPA-SKPD", 200],
];

describe("check with the built-in list on a Bapenda table (bidang 5.02)", () => {
  it("one info that names and kodes were not checked, no nomenclature warning, the list named in the report", async () => {
    const dir = tempDir();
    const file = await unitWorkbook(dir, "bapenda.xlsx", "RENCANA KERJA DAN PENDANAAN BADAN PENDAPATAN DAERAH TAHUN 2025", BAPENDA);
    const j = await checkJson(file);
    expect(nomenclature(j).map((f) => [f.severity, f.message.id])).toEqual([
      ["info", "Nama dan kode tidak diperiksa: nomenklatur untuk bidang 5.02 tidak tersedia (daftar yang dipakai: Kepmendagri 900.1.15.5-1317/2023, mencakup 7.01)."],
    ]);
    expect(j.nomenclature.map((n) => n.origin)).toEqual(["builtin"]);
    const human = await runCli(["check", file]);
    expect(human.stdout).toContain("Nomenklatur: Kepmendagri 900.1.15.5-1317/2023 (bawaan, hanya bidang 7.01: bawaan-7.01)");
  });
});

describe("check with the built-in list on dinas tables without a kode column", () => {
  /** A unit's table without kode checked: the levels of its plan rows, and its errors. */
  async function placed(title: string, rows: Array<[null, string, number]>): Promise<{ levels: string[]; errors: Finding[] }> {
    const j = await checkJson(await unitWorkbook(tempDir(), "dinas.xlsx", `RENCANA KERJA DAN PENDANAAN ${title} TAHUN 2025`, rows));
    return { levels: j.tables[0].rows.filter((r) => r.level !== "total" && r.level !== "other").map((r) => r.level), errors: j.findings.filter((f) => f.severity === "error") };
  }

  it("sums that hold place kegiatan and sub kegiatan; a name 60–70 % like a kecamatan entry does not outweigh them", async () => {
    // Satpol PP (1.05.02): "Koordinasi Penyelenggaraan Ketentraman …" and "Penyediaan Layanan dasar … Penegakan Peraturan
    // Daerah …" are sub kegiatan, somewhat like the kecamatan kegiatan of the built-in list; they were taken for kegiatan
    const satpolPp = await placed("SATUAN POLISI PAMONG PRAJA", [
      [null, "PROGRAM PENINGKATAN KETENTERAMAN DAN KETERTIBAN UMUM", 1000],
      [null, "Penanganan Gangguan Ketenteraman dan Ketertiban Umum dalam 1 (Satu) Daerah Kabupaten/Kota", 1000],
      [null, "Koordinasi Penyelenggaraan Ketentraman dan Ketertiban Umum serta Perlindungan Masyarakat Tingkat Kabupaten/Kota", 300],
      [null, "Pemberdayaan Perlindungan Masyarakat dalam rangka Ketentraman dan Ketertiban Umum", 250],
      [null, "Penyediaan Layanan dasar dalam rangka Dampak Penegakan Peraturan Daerah dan Perturan kepala daerah", 200],
      [null, "Pengadaan dan Pemeliharaan Sarana dan Prasarana Ketentraman dan Ketertiban Umum", 250],
    ]);
    expect(satpolPp).toEqual({ levels: ["program", "kegiatan", "subKegiatan", "subKegiatan", "subKegiatan", "subKegiatan"], errors: [] });
  });

  it("a kegiatan whose name begins with 'Urusan' is no urusan heading; 'URUSAN PEMERINTAHAN …' and 'Urusan Wajib …' rows are", async () => {
    const perkim = await placed("DINAS PERUMAHAN DAN KAWASAN PERMUKIMAN", [
      [null, "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR", 600],
      [null, "URUSAN PEMERINTAHAN BIDANG PERUMAHAN DAN KAWASAN PERMUKIMAN", 600],
      [null, "PROGRAM PENINGKATAN PRASARANA, SARANA DAN UTILITAS UMUM (PSU)", 600],
      [null, "Urusan Penyelenggaraan PSU Perumahan", 600],
      [null, "Perencanaan Penyediaan PSU Perumahan", 250],
      [null, "Kerja Sama Penyediaan/Pengelolaan PSU Perumahan", 200],
      [null, "Verifikasi dan Penyerahan PSU Perumahan dari Pengembang", 150],
    ]);
    expect(perkim).toEqual({ levels: ["urusan", "bidang", "program", "kegiatan", "subKegiatan", "subKegiatan", "subKegiatan"], errors: [] });
    // the older plans' headings
    const older = await placed("DINAS PERUMAHAN DAN KAWASAN PERMUKIMAN", [
      [null, "Urusan Wajib Pelayanan Dasar", 600],
      [null, "PROGRAM PENINGKATAN PRASARANA, SARANA DAN UTILITAS UMUM (PSU)", 600],
      [null, "Urusan Penyelenggaraan PSU Perumahan", 600],
      [null, "Perencanaan Penyediaan PSU Perumahan", 600],
    ]);
    expect(older).toEqual({ levels: ["urusan", "program", "kegiatan", "subKegiatan"], errors: [] });
  });
});

describeWithLists("check with 3406/2024 imported", () => {
  beforeEach(async () => {
    const run = await runCli(["catalogue", "import", listPath(LIST_3406)]);
    expect(run.code).toBe(0);
  });

  it("the Bapenda table gets its names checked: the penunjang rows are found, the one wrong name is reported", async () => {
    const dir = tempDir();
    const file = await unitWorkbook(dir, "bapenda.xlsx", "RENCANA KERJA DAN PENDANAAN BADAN PENDAPATAN DAERAH TAHUN 2025", BAPENDA);
    const j = await checkJson(file);
    expect(j.nomenclature).toEqual([expect.objectContaining({ regulation: "Kepmendagri 900.1.15.5-3406/2024", year: 2025, origin: "stored" })]);
    expect(nomenclature(j).map((f) => [f.cell, f.severity, f.expected])).toEqual([["B11", "warning", "Koordinasi, Penyusunan dan Verifikasi RKA-SKPD"]]);
  });

  it("the seed and variant c raise no 'not in the nomenclature' for codes the list has", async () => {
    for (const fixture of ["seedAsPasted", "seedIdLocale", "variantKodeFormulas", "seedEvaluation"] as const) {
      const j = await checkJson(path.join(GENERATED_DIR, FIXTURE_FILES[fixture]));
      expect(nomenclature(j).filter((f) => /tidak ada dalam nomenklatur|tidak diperiksa/.test(f.message.id))).toEqual([]);
    }
    const sample = await checkJson(path.resolve(__dirname, "..", "..", "seeds", "sample-renja-tomoni-2025.xlsx"));
    expect(nomenclature(sample).filter((f) => /tidak ada dalam nomenklatur|tidak diperiksa/.test(f.message.id))).toEqual([]);
    expect(sample.nomenclature.map((n) => n.regulation)).toContain("Kepmendagri 900.1.15.5-3406/2024");
  });

  it("a Dinas Perhubungan table without a kode column gets its levels and kodes inferred from the list's own names", async () => {
    const dir = tempDir();
    const rows: Array<[null, string, number]> = [
      [null, "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", 300],
      [null, "Administrasi Keuangan Perangkat Daerah", 300],
      [null, "Penyediaan Gaji dan Tunjangan ASN", 200],
      [null, "Penyediaan Administrasi Pelaksanaan Tugas ASN", 100],
      [null, "PROGRAM PENYELENGGARAAN LALU LINTAS DAN ANGKUTAN JALAN (LLAJ)", 500],
      [null, "Penetapan Rencana Induk Jaringan LLAJ Kabupaten/Kota", 200],
      [null, "Pelaksanaan Penyusunan Rencana Induk Jaringan LLAJ Kabupaten/Kota", 120],
      [null, "Pelaksanaan Evaluasi (Reviu) Rencana Induk Jaringan LLAJ Kabupaten/Kota", 80],
      [null, "Penyediaan Perlengkapan Jalan di Jalan Kabupaten/Kota", 300],
      [null, "Pembangunan Prasarana Jalan di Jalan Kabupaten/Kota", 100],
      [null, "Penyediaan Perlengkapan Jalan di Jalan Kabupaten/Kota", 150],
      [null, "Rehabilitasi dan Pemeliharaan Prasarana Jalan", 50],
    ];
    const file = await unitWorkbook(dir, "dishub.xlsx", "RENCANA KERJA DAN PENDANAAN DINAS PERHUBUNGAN TAHUN 2025", rows);
    const j = await checkJson(file);
    const table = j.tables[0];
    const mapped = table.rows.filter((r) => r.level !== "total" && r.level !== "other").map((r) => [r.level, r.kode, r.kodeInferred]);
    expect(mapped).toEqual([
      ["program", "2.15.01", true],
      ["kegiatan", "2.15.01.2.02", true],
      ["subKegiatan", "2.15.01.2.02.0001", true],
      ["subKegiatan", "2.15.01.2.02.0002", true],
      ["program", "2.15.02", true],
      ["kegiatan", "2.15.02.2.01", true],
      ["subKegiatan", "2.15.02.2.01.0001", true],
      ["subKegiatan", "2.15.02.2.01.0007", true],
      ["kegiatan", "2.15.02.2.02", true],
      ["subKegiatan", "2.15.02.2.02.0001", true],
      ["subKegiatan", "2.15.02.2.02.0002", true],
      ["subKegiatan", "2.15.02.2.02.0003", true],
    ]);
    expect(nomenclature(j)).toEqual([]);
  });

  it("names the list holds whatever their first word, and names more than a dozen entries share every prefix with, are placed by the list (no kode column)", async () => {
    const dir = tempDir();
    // 1.04.05.2.01 is the kegiatan "Urusan Penyelenggaraan PSU Perumahan" (no urusan heading); more than 12 entries
    // before 4.01.03.2.02 "Pelaksanaan Administrasi Pembangunan" share its prefixes pela/admi/pemb: both were
    // misplaced, and the sums under them reported as rollup errors although every one holds
    const perkim = await unitWorkbook(dir, "perkim.xlsx", "RENCANA KERJA DAN PENDANAAN DINAS PERUMAHAN DAN KAWASAN PERMUKIMAN TAHUN 2025", [
      [null, "PROGRAM PENINGKATAN PRASARANA, SARANA DAN UTILITAS UMUM (PSU)", 600],
      [null, "Urusan Penyelenggaraan PSU Perumahan", 600],
      [null, "Perencanaan Penyediaan PSU Perumahan", 250],
      [null, "Kerja Sama Penyediaan/Pengelolaan PSU Perumahan", 200],
      [null, "Verifikasi dan Penyerahan PSU Perumahan dari Pengembang", 150],
    ]);
    const setda = await unitWorkbook(dir, "setda.xlsx", "RENCANA KERJA DAN PENDANAAN SEKRETARIAT DAERAH TAHUN 2025", [
      [null, "PROGRAM PEREKONOMIAN DAN PEMBANGUNAN", 900],
      [null, "Pelaksanaan Kebijakan Perekonomian", 300],
      [null, "Pengendalian dan Distribusi Perekonomian", 100],
      [null, "Perencanaan dan Pengawasan Ekonomi Mikro Kecil", 200],
      [null, "Pelaksanaan Administrasi Pembangunan", 600],
      [null, "Fasilitasi Penyusunan Program Pembangunan", 350],
      [null, "Pengendalian dan Evaluasi Program Pembangunan", 250],
    ]);
    const levels = (j: CheckJson) => j.tables[0].rows.filter((r) => r.level !== "total" && r.level !== "other").map((r) => [r.level, r.kode]);
    const a = await checkJson(perkim);
    expect(levels(a)).toEqual([
      ["program", "1.04.05"],
      ["kegiatan", "1.04.05.2.01"],
      ["subKegiatan", "1.04.05.2.01.0001"],
      ["subKegiatan", "1.04.05.2.01.0009"],
      ["subKegiatan", "1.04.05.2.01.0010"],
    ]);
    const b = await checkJson(setda);
    expect(levels(b)).toEqual([
      ["program", "4.01.03"],
      ["kegiatan", "4.01.03.2.01"],
      ["subKegiatan", "4.01.03.2.01.0002"],
      ["subKegiatan", "4.01.03.2.01.0003"],
      ["kegiatan", "4.01.03.2.02"],
      ["subKegiatan", "4.01.03.2.02.0001"],
      ["subKegiatan", "4.01.03.2.02.0002"],
    ]);
    for (const j of [a, b]) expect(j.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("a Dinas PPPA table without a kode column: the two sub kegiatan the list names alike under one kegiatan are no duplicate; a third is", async () => {
    const dir = tempDir();
    const pug = "Koordinasi dan Sinkronisasi Pelaksanaan PUG Kewenangan Kabupaten/Kota";
    const rows: Array<[null, string, number]> = [
      [null, "PROGRAM PENGARUSUTAMAAN GENDER DAN PEMBERDAYAAN PEREMPUAN", 600],
      [null, "Pelembagaan Pengarusutamaan Gender (PUG) pada Lembaga Pemerintah Kewenangan Kabupaten/Kota", 600],
      [null, "Koordinasi dan Sinkronisasi Perumusan Kebijakan Pelaksanaan PUG", 100],
      [null, pug, 200],
      [null, "Advokasi Kebijakan dan Pendampingan Penyelenggaraan PUG kewenangan Kab/Kota", 150],
      [null, pug, 150],
    ];
    const twice = await checkJson(await unitWorkbook(dir, "pppa.xlsx", "RENCANA KERJA DAN PENDANAAN DINAS PPPA TAHUN 2025", rows));
    expect(twice.tables[0].rows.filter((r) => r.level !== "total" && r.level !== "other").map((r) => [r.level, r.kode])).toEqual([
      ["program", "2.08.02"],
      ["kegiatan", "2.08.02.2.01"],
      ["subKegiatan", "2.08.02.2.01.0001"],
      ["subKegiatan", "2.08.02.2.01.0002"],
      ["subKegiatan", "2.08.02.2.01.0006"],
      ["subKegiatan", "2.08.02.2.01.0002"],
    ]);
    expect(twice.findings.filter((f) => f.rule === "duplicate-row" || f.severity === "error")).toEqual([]);
    const thrice = await checkJson(
      await unitWorkbook(dir, "pppa3.xlsx", "RENCANA KERJA DAN PENDANAAN DINAS PPPA TAHUN 2025", [[null, rows[0][1], 650], [null, rows[1][1], 650], ...rows.slice(2), [null, pug, 50]]),
    );
    expect(thrice.findings.filter((f) => f.rule === "duplicate-row").map((f) => [f.cell, f.related])).toEqual([["A10", ["A7"]]]);
  });

  it("--catalogue overrides the choice by year (a 2025 plan checked with the built-in list's file would need it named)", async () => {
    const dir = tempDir();
    const file = await unitWorkbook(dir, "bapenda.xlsx", "RENCANA KERJA DAN PENDANAAN BADAN PENDAPATAN DAERAH TAHUN 2025", BAPENDA);
    const csv = writeTemp(dir, "kepmendagri-900.1.15.5-3406-2024_kecamatan.csv", CSV);
    const j = await checkJson(file, "--catalogue", csv);
    expect(j.nomenclature).toEqual([expect.objectContaining({ origin: "file", regulation: "Kepmendagri 900.1.15.5-3406/2024" })]);
    expect(nomenclature(j).map((f) => f.severity)).toEqual(["info"]);
    const named = await runCli(["check", file, "--catalogue", "tidak-ada"]);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('Daftar nomenklatur "tidak-ada" tidak ditemukan');
  });
});
