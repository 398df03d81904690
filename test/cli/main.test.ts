import * as fs from "fs";
import * as path from "path";
import type { CheckEngine } from "../../src/cli/check";
import type { Finding } from "../../src/domain/findings";
import type { MappingOverrides } from "../../src/domain/mapping/types";
import { planTable, planWorkbook } from "../support/planWorkbook";
import {
  encryptedXlsxBytes,
  garbledXlsxBytes,
  legacyXlsBytes,
  simpleXlsxBytes,
  xlsxBytes,
  zipBytes,
} from "../xlsx/workbooks";
import { runCli, STACK_TRACE, tempDir, writeTemp } from "./cliHarness";
import { msg, phrase } from "../../src/domain/messages";
import { findingToJson } from "../../src/cli/findingJson";

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("renja --help and usage errors", () => {
  it.each([[["--help"]], [["-h"]], [["help"]], [["check", "--help"]]])("%j prints the Indonesian help and exits 0", async (argv) => {
    const run = await runCli(argv);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("renja check <berkas.xlsx> [--sheet NAMA] [--json] [--lang id|en]");
    expect(run.stderr).toBe("");
  });

  it("lists recompute and fix-numbers with their options", async () => {
    const run = await runCli(["--help"]);
    expect(run.stdout).toContain("renja recompute <masukan.xlsx> -o <keluaran.xlsx> [--mode formulas|values] [--dry-run]");
    expect(run.stdout).toContain("renja fix-numbers <masukan.xlsx> -o <keluaran.xlsx> [--dry-run]");
  });

  it("lists check of many files and report with their options", async () => {
    const run = await runCli(["--help"]);
    expect(run.stdout).toContain("renja check <berkas.xlsx|folder>… [--summary] [--json] [--max N] [--sheet NAMA] [--lang id|en]");
    expect(run.stdout).toContain("renja report <berkas.xlsx|folder>… -o <verifikasi.xlsx> [--paper f4|a4] [--sipd <ekspor-sipd.xlsx>] [--lang id|en]");
    expect(run.stdout).toContain("Tanggapan OPD");
  });

  it("prints the English help with --lang en", async () => {
    const run = await runCli(["--help", "--lang", "en"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("renja check <file.xlsx> [--sheet NAME] [--json] [--lang id|en]");
  });

  it.each([
    [[], /Perintah belum diberikan/],
    [["frobnicate"], /Perintah tidak dikenal: frobnicate/],
    [["recompute", "a.xlsx"], /Sebutkan berkas keluaran dengan -o <keluaran\.xlsx> \(atau --dry-run/],
    [["recompute", "a.xlsx", "-o", "a.xlsx"], /harus berbeda dari masukan/],
    [["recompute", "a.xlsx", "-o", "b.xlsx", "--mode", "sums"], /Mode "sums" tidak dikenal/],
    [["fix-numbers", "a.xlsx", "-o", "b.xlsx", "--mode", "values"], /Opsi --mode tidak berlaku untuk fix-numbers/],
    [["fix-numbers", "a.xlsx", "b.xlsx", "-o", "c.xlsx"], /tepat satu berkas/],
    [["fix-numbers", "a.xlsx", "-o", "b.xlsx", "--json"], /--json tidak berlaku untuk fix-numbers/],
    [["check", "a.xlsx", "--dry-run"], /tidak berlaku untuk check/],
    [["generate", "tabel-3.3", "a.xlsx"], /Sebutkan berkas keluaran dengan -o/],
    [["generate", "tabel-9", "a.xlsx", "-o", "b.xlsx"], /Sebutkan tabel yang dibuat/],
    [["generate", "tabel-3.3", "a.xlsx", "-o", "b.xlsx", "--paper", "letter"], /Kertas "letter" tidak dikenal/],
    [["generate", "tabel-3.3", "a.xlsx", "-o", "a.xlsx"], /harus berbeda dari masukan/],
    [["check", "a.xlsx", "--replace"], /tidak berlaku untuk check/],
    [["check"], /Sebutkan berkas \.xlsx/],
    [["check", "a.xlsx", "--max", "semua"], /--max memerlukan bilangan bulat/],
    [["check", "a.xlsx", "--summary", "-o", "b.xlsx"], /-o tidak berlaku untuk check/],
    [["report", "a.xlsx"], /-o <verifikasi\.xlsx>/],
    [["report", "a.xlsx", "-o", "a.xlsx"], /harus berbeda dari masukan/],
    [["report", "a.xlsx", "-o", "v.xlsx", "--json"], /--json tidak berlaku untuk report/],
    [["report", "a.xlsx", "-o", "v.xlsx", "--paper", "letter"], /Kertas "letter" tidak dikenal/],
    [["recompute", "a.xlsx", "-o", "b.xlsx", "--summary"], /--summary tidak berlaku untuk recompute/],
    [["check", "a.xlsx", "--bogus"], /Opsi tidak dikenal: --bogus/],
    [["check", "a.xlsx", "--sheet"], /Opsi --sheet memerlukan nilai/],
    [["check", "a.xlsx", "--lang", "fr"], /Bahasa "fr" tidak dikenal/],
    [["check", "a.xlsx", "--json=yes"], /Opsi tidak dikenal: --json=yes/],
  ])("%j exits 2 with a message", async (argv, message) => {
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain("renja --help");
    expect(run.stdout).toBe("");
  });

  it("says usage errors in English with --lang en", async () => {
    const run = await runCli(["frobnicate", "--lang=en"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Unknown command: frobnicate");
  });
});

describe("renja check on inputs it cannot read: exit 2, a clear message, no stack trace", () => {
  const cases: [string, () => Uint8Array | Promise<Uint8Array>, RegExp, RegExp][] = [
    ["empty.xlsx", () => new Uint8Array(0), /kosong/, /empty/],
    ["protected.xlsx", encryptedXlsxBytes, /terenkripsi: .*bila terbuka tanpa meminta kata sandi, simpan salinan biasa/, /Excel.s default protection that opens without one/],
    ["old.xls", legacyXlsBytes, /Excel 97–2003\).*File > Simpan Sebagai > Buku Kerja Excel \(\*\.xlsx\)/, /File > Save As > Excel Workbook \(\*\.xlsx\)/],
    ["notes.xlsx", () => new TextEncoder().encode("ini hanya teks"), /bukan buku kerja Excel \.xlsx/, /not an Excel \.xlsx workbook/],
    ["archive.xlsx", () => zipBytes({ "a.txt": "x" }), /bukan buku kerja Excel/, /not an Excel/],
    ["garbled.xlsx", garbledXlsxBytes, /rusak/, /damaged/],
    ["truncated.xlsx", async () => (await simpleXlsxBytes()).subarray(0, 900), /rusak atau tidak lengkap/, /damaged or incomplete/],
  ];

  it.each(cases)("%s", async (name, make, idMessage, enMessage) => {
    const file = writeTemp(dir, name, await make());
    const id = await runCli(["check", file]);
    expect(id.code).toBe(2);
    expect(id.stderr).toMatch(idMessage);
    expect(id.stderr).toContain(file);
    expect(id.stderr).not.toMatch(STACK_TRACE);
    expect(id.stdout).toBe("");
    const en = await runCli(["check", file, "--lang", "en", "--json"]);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(enMessage);
    expect(en.stdout).toBe("");
  });

  it("a workbook too large for the memory available", async () => {
    const file = writeTemp(dir, "besar.xlsx", await simpleXlsxBytes());
    const run = await runCli(["check", file, "--lang", "en"], undefined, { maxSheetDataBytes: 100 });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/too large to check with the memory available.*--max-old-space-size/);
    expect(run.stdout).toBe("");
  });

  it("a missing file", async () => {
    const missing = path.join(dir, "tidak-ada.xlsx");
    const run = await runCli(["check", missing]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`renja: Berkas tidak ditemukan: ${missing}. Periksa nama dan foldernya.\n`);
    const en = await runCli(["check", missing, "--lang", "en"]);
    expect(en.stderr).toContain("File not found");
  });

  it("a folder without workbooks: checked as a batch, its reason on stderr, exit 2", async () => {
    const empty = tempDir();
    const run = await runCli(["check", empty]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`renja: ${empty}: Folder ${empty} tidak berisi berkas .xlsx.\n`);
    fs.rmSync(empty, { recursive: true, force: true });
  });
});

/** A stand-in for mapping and rules, so the plumbing is tested on its own: fixed tables and findings. */
function fakeEngine(findings: Finding[], seen: { overrides?: MappingOverrides; options?: unknown; sheets?: string[] } = {}): CheckEngine {
  return {
    mapWorkbook: (sheets, opts) => {
      seen.sheets = sheets.map((s) => s.name);
      seen.overrides = opts?.overrides;
      return planWorkbook(
        planTable([
          { level: "program", kode: "7.01.01", uraian: "PROGRAM PENUNJANG", paguN: 4990894675, paguN1: 5000000000 },
          { level: "kegiatan", kode: "7.01.01.2.01", uraian: "Perencanaan", paguN: 4990000000, paguN1: 5000000000 },
        ]),
        planTable([{ level: "program", uraian: "PROGRAM PENUNJANG", paguN: 1 }], { sheet: "Tabel 7", kind: "tabel-7" }),
      );
    },
    validate: (_wb, options) => {
      seen.options = options;
      const sheet = options?.sheet;
      return sheet === undefined ? findings : findings.filter((f) => f.sheet === sheet);
    },
  };
}

const rollupError: Finding = {
  rule: "rollup-mismatch",
  severity: "error",
  sheet: "Tabel 3.3",
  cell: "F5",
  row: 5,
  role: "paguN",
  expected: "4990000000",
  actual: "4990894675",
  message: msg("phrase", { text: phrase({ id: "Pagu program tidak sama dengan jumlah kegiatannya.", en: "The programme's pagu is not the sum of its kegiatan." }) }),
  suggestion: { value: "4990000000", reason: msg("phrase", { text: phrase({ id: "jumlah kegiatan", en: "the sum of the kegiatan" }) }) },
  related: ["F6"],
};
const yearWarning: Finding = {
  rule: "year-mismatch",
  severity: "warning",
  sheet: "Tabel 7",
  cell: "A1",
  row: 1,
  expected: "2026",
  actual: "2027",
  message: msg("phrase", { text: phrase({ id: "Tahun N+1 pada judul keliru.", en: "The N+1 year in the title is wrong." }) }),
};

describe("renja check plumbing (with a stand-in engine)", () => {
  let file: string;
  beforeAll(async () => {
    file = writeTemp(
      dir,
      "renja.xlsx",
      await xlsxBytes((wb) => {
        wb.addWorksheet("Tabel 3.3").getCell("A1").value = "RUMUSAN";
        wb.addWorksheet("Tabel 7").getCell("A1").value = "RENCANA";
      }),
    );
  });

  it("prints tables, findings by sheet and severity with Indonesian amounts, and a summary; exit 1 on errors", async () => {
    const seen: { sheets?: string[] } = {};
    const run = await runCli(["check", file], fakeEngine([rollupError, yearWarning], seen));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    expect(seen.sheets).toEqual(["Tabel 3.3", "Tabel 7"]);
    expect(run.stdout).toContain('Lembar "Tabel 3.3": Tabel 3.3, N = 2025, baris 5–6: 1 program, 1 kegiatan, 0 sub kegiatan');
    expect(run.stdout).toContain('Lembar "Tabel 7": Tabel 7, N = 2025, baris 5–5: 1 program, 0 kegiatan, 0 sub kegiatan');
    const lines = run.stdout.split("\n");
    const at = (text: string) => lines.findIndex((l) => l.includes(text));
    expect(at('Lembar "Tabel 3.3"')).toBeLessThan(at("Galat (1)"));
    // One line per finding under its rule; the suggestion because the message does not state the amount.
    expect(lines.slice(at("Galat (1)") + 1, at("Galat (1)") + 4)).toEqual([
      "    [rollup-mismatch] (1)",
      "      F5  Pagu program tidak sama dengan jumlah kegiatannya.",
      "          Saran: 4.990.000.000 (jumlah kegiatan)",
    ]);
    // Expected/actual and related cells are in --json, not repeated under the message.
    expect(run.stdout).not.toContain("seharusnya 4.990.000.000");
    expect(run.stdout).not.toContain("Terkait");
    expect(at("Peringatan (1)")).toBeGreaterThan(at('Lembar "Tabel 7"'));
    expect(lines.filter((l) => l.length > 0).pop()).toBe("Ringkasan: 1 galat, 1 peringatan, 0 info.");
  });

  it("writes English with --lang en and exits 0 when only warnings remain", async () => {
    const run = await runCli(["check", file, "--lang", "en"], fakeEngine([yearWarning]));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Sheet "Tabel 7"');
    expect(run.stdout).toContain("Warnings (1)");
    expect(run.stdout).toContain("The N+1 year in the title is wrong.");
    expect(run.stdout).toContain("Summary: 0 errors, 1 warning, 0 info.");
  });

  it("says so when nothing is found", async () => {
    const run = await runCli(["check", file], fakeEngine([]));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Tidak ada temuan.");
    expect(run.stdout).toContain("Ringkasan: 0 galat, 0 peringatan, 0 info.");
  });

  it("--json prints exactly one object with the contract's tables and the findings", async () => {
    const run = await runCli(["check", file, "--json"], fakeEngine([rollupError, yearWarning]));
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as { file: string; tables: unknown[]; findings: Finding[] };
    // "nomenclature": which list(s) the tables were checked with (issue 11)
    expect(Object.keys(out)).toEqual(["file", "tables", "findings", "nomenclature"]);
    expect(out.file).toBe(file);
    expect(out.findings).toEqual([findingToJson(rollupError, "id"), findingToJson(yearWarning, "id")]);
    expect(out.tables[0]).toEqual({
      sheet: "Tabel 3.3",
      kind: "tabel-3.3",
      title: "RUMUSAN RENCANA PROGRAM DAN KEGIATAN TAHUN 2025 DAN PRAKIRAAN MAJU TAHUN 2026",
      year: 2025,
      headerRows: [2, 3],
      dataRows: [5, 6],
      columns: { kode: "A", uraian: "B", indikator: "C", lokasi: "D", targetN: "E", paguN: "F", sumberDana: "G", catatan: "H", targetN1: "I", paguN1: "J" },
      counts: { program: 1, kegiatan: 1, subKegiatan: 0 },
      rows: [
        { row: 5, level: "program", kode: "7.01.01", kodeInferred: false, uraian: "PROGRAM PENUNJANG", confidence: 1 },
        { row: 6, level: "kegiatan", kode: "7.01.01.2.01", kodeInferred: false, uraian: "Perencanaan", confidence: 1 },
      ],
    });
    expect(out.tables[1]).toMatchObject({ sheet: "Tabel 7", kind: "tabel-7", rows: [{ row: 5, level: "program", uraian: "PROGRAM PENUNJANG", confidence: 1 }] });
  });

  it("--sheet reads every sheet but keeps only that sheet's tables and findings", async () => {
    const seen: { sheets?: string[]; options?: unknown } = {};
    const run = await runCli(["check", file, "--sheet", "Tabel 7", "--json"], fakeEngine([rollupError, yearWarning], seen));
    expect(seen.sheets).toEqual(["Tabel 3.3", "Tabel 7"]);
    expect(seen.options).toEqual({ sheet: "Tabel 7" });
    const out = JSON.parse(run.stdout) as { tables: { sheet: string }[]; findings: Finding[] };
    expect(out.tables.map((t) => t.sheet)).toEqual(["Tabel 7"]);
    expect(out.findings).toEqual([findingToJson(yearWarning, "id")]);
    expect(run.code).toBe(0);
  });

  it("an unknown --sheet exits 2 and names the sheets there are", async () => {
    const run = await runCli(["check", file, "--sheet", "Tabel 9"], fakeEngine([]));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('renja: Lembar "Tabel 9" tidak ada di buku kerja. Lembar yang ada: "Tabel 3.3", "Tabel 7".\n');
    expect(run.stdout).toBe("");
  });

  it("passes the sidecar's corrections to mapping, and refuses a broken sidecar", async () => {
    const withSidecar = writeTemp(dir, "koreksi.xlsx", fs.readFileSync(file));
    const overrides: MappingOverrides = { version: 1, levels: { "Tabel 3.3": { 6: "subKegiatan" } } };
    writeTemp(dir, "koreksi.xlsx.renja.json", JSON.stringify(overrides));
    const seen: { overrides?: MappingOverrides } = {};
    expect((await runCli(["check", withSidecar], fakeEngine([], seen))).code).toBe(0);
    expect(seen.overrides).toEqual(overrides);

    writeTemp(dir, "koreksi.xlsx.renja.json", "{ rusak");
    const broken = await runCli(["check", withSidecar], fakeEngine([]));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(`${withSidecar}.renja.json tidak dapat dibaca`);
  });

  it("an engine failure exits 2 with a plain message and no stack trace", async () => {
    const engine: CheckEngine = {
      mapWorkbook: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'row')");
      },
      validate: () => [],
    };
    const run = await runCli(["check", file], engine);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^renja: pemeriksaan terhenti karena kesalahan internal \(Cannot read properties/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("human report of many info findings", () => {
  it("summarises more than five info findings of one rule on a sheet in one line with their cells", async () => {
    const file = writeTemp(dir, "teks.xlsx", await xlsxBytes((wb) => void (wb.addWorksheet("Tabel 3.3").getCell("A1").value = "x")));
    const infos: Finding[] = Array.from({ length: 8 }, (_, i) => ({
      rule: "text-number",
      severity: "info",
      sheet: "Tabel 3.3",
      cell: `F${i + 5}`,
      row: i + 5,
      role: "paguN",
      message: msg("phrase", { text: phrase({ id: `Angka di F${i + 5} tersimpan sebagai teks.`, en: `F${i + 5} holds an amount as text.` }) }),
    }));
    const engine: CheckEngine = {
      ...fakeEngine([...infos, { ...yearWarning, sheet: "Tabel 3.3", severity: "info", rule: "year-mismatch" }]),
      describeRule: (rule) => (rule === "text-number" ? msg("rule.description.text-number", {}) : undefined),
    };
    const run = await runCli(["check", file], engine);
    expect(run.stdout).toContain(
      "  Info (9)\n    8 sel: Angka pagu yang tersimpan sebagai teks. [text-number]\n      F5, F6, F7, F8, F9, F10, F11, F12\n    [year-mismatch] (1)\n      A1  Tahun N+1 pada judul keliru.\n",
    );
    expect(run.stdout).not.toContain("Angka di F5 tersimpan sebagai teks.");
    expect(run.stdout).toContain(`Semua temuan secara lengkap: renja check ${file} --json`);
  });
});

describe("human report: --max per rule group, wrapping, suggestions only when they add something", () => {
  const slips: Finding[] = Array.from({ length: 5 }, (_, i) => ({
    rule: "malformed-number",
    severity: "error",
    sheet: "Tabel 3.3",
    cell: `F${i + 5}`,
    row: i + 5,
    role: "paguN",
    message: msg("phrase", { text: phrase({
      id: `Angka "4.765,00${i}" pada kolom Pagu sub kegiatan «Penyediaan Bahan Logistik Kantor» tidak dapat dibaca dengan pasti (titik dan koma tercampur). Kemungkinan maksudnya 4.765.00${i}.`,
      en: `The amount "4.765,00${i}" cannot be read unambiguously; probably 4.765.00${i}.`,
    }) }),
    suggestion: { value: `476500${i}`, reason: msg("phrase", { text: phrase({ id: "jumlah induk cocok", en: "the parent's sum balances" }) }) },
  }));

  it("lists --max findings of a rule, counts the rest, wraps to the width and drops a suggestion the message states", async () => {
    const file = writeTemp(dir, "maks.xlsx", await xlsxBytes((wb) => void (wb.addWorksheet("Tabel 3.3").getCell("A1").value = "x")));
    const run = await runCli(["check", file, "--max", "2"], fakeEngine(slips), { columns: 60 });
    expect(run.code).toBe(1);
    const lines = run.stdout.split("\n");
    // Every line but those naming the file (a path is not broken) fits the width.
    expect(lines.filter((l) => !l.includes(file) && l.length > 60)).toEqual([]);
    const start = lines.indexOf("    [malformed-number] (5)");
    expect(lines.slice(start + 1, start + 6)).toEqual([
      '      F5  Angka "4.765,000" pada kolom Pagu sub kegiatan',
      "          «Penyediaan Bahan Logistik Kantor» tidak dapat",
      "          dibaca dengan pasti (titik dan koma tercampur).",
      "          Kemungkinan maksudnya 4.765.000.",
      '      F6  Angka "4.765,001" pada kolom Pagu sub kegiatan',
    ]);
    expect(run.stdout).toContain("      … dan 3 lainnya\n");
    expect(run.stdout).not.toContain("Saran");
    expect(run.stdout).not.toContain("F7 ");
    expect(run.stdout).toContain(`Semua temuan secara lengkap: renja check ${file} --json`);
    const all = await runCli(["check", file, "--max", "0"], fakeEngine(slips), { columns: 200 });
    expect(all.stdout).toContain("      F9  Angka");
    expect(all.stdout).not.toContain("lainnya");
  });
});
