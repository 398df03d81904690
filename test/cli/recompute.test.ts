/** `renja recompute` and `renja fix-numbers` on real files: preview, write, exit codes, the input untouched. */
import * as fs from "fs";
import * as path from "path";
import { readCellContents } from "../../src/xlsx/patch";
import { FIXTURE_FILES, GENERATED_DIR } from "../fixtures/build-fixtures";
import { richSeedWorkbook } from "../xlsx/writableFixture";
import { runCli, STACK_TRACE, tempDir, writeTemp } from "./cliHarness";

const dir = tempDir();
/** A private copy of a fixture, so that "the input is never modified" is checked on a file only this test uses. */
function copyOf(name: keyof typeof FIXTURE_FILES): { file: string; bytes: Buffer } {
  const bytes = fs.readFileSync(path.join(GENERATED_DIR, FIXTURE_FILES[name]));
  return { file: writeTemp(dir, `${name}-${Math.random().toString(36).slice(2)}.xlsx`, bytes), bytes };
}

describe("renja fix-numbers", () => {
  it("--dry-run lists each repair as 'cell: before → after (reason)' and writes nothing", async () => {
    const { file, bytes } = copyOf("seedAsPasted");
    const out = path.join(dir, "dry.xlsx");
    const run = await runCli(["fix-numbers", file, "-o", out, "--dry-run"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    // 40 repairs and run-in amounts, and the 596 well-formed amounts stored as text (the text-number findings).
    expect(run.stdout).toMatch(/^Pratinjau \(tidak ada yang ditulis\): 636 sel akan diubah\./);
    expect(run.stdout.match(/tersimpan sebagai teks; disimpan sebagai angka/g)).toHaveLength(596);
    expect(run.stdout).toContain(`'Tabel 3.3'!F28: "4.765,000" → 4.765.000 (`);
    expect(run.stdout).toContain(`'Tabel 3.3'!F56: "41,400,0000" → 41.400.000 (`);
    expect(run.stdout).toContain(`'Tabel 2.1'!O47: (kosong) → "Kantor Kec. Tomoni" ("Kantor Kec. Tomoni" ikut tertempel ke dalam angka; dipindah ke kolom Unit PD)`);
    expect(fs.existsSync(out)).toBe(false);
    expect(Buffer.compare(fs.readFileSync(file), bytes)).toBe(0);
  });

  it("writes the copy and leaves the input as it was; nothing to repair still writes the copy (exit 0)", async () => {
    const { file, bytes } = copyOf("seedIdLocale");
    const out = path.join(dir, "fixed.xlsx");
    const run = await runCli(["fix-numbers", file, "-o", out]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toMatch(/^10 sel diubah; ditulis ke /);
    expect(Buffer.compare(fs.readFileSync(file), bytes)).toBe(0);
    const again = await runCli(["fix-numbers", out, "-o", path.join(dir, "fixed-again.xlsx"), "--lang", "en"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^0 cells changed; written to .*\nNo mistyped amount to repair\.\n$/);
    expect(Buffer.compare(fs.readFileSync(path.join(dir, "fixed-again.xlsx")), fs.readFileSync(out))).toBe(0);
  });
});

describe("renja recompute", () => {
  it("prints how each total changes, in Bahasa Indonesia or English, and lists what it skipped and why", async () => {
    const { file } = copyOf("seedIdLocale");
    const id = await runCli(["recompute", file, "--dry-run"]);
    expect(id.code).toBe(0);
    // Issue 8: the totals first, then the decisions with their evidence (held by default), then what was held back.
    expect(id.stdout).toContain("Perubahan total (yang diterapkan):\n  Tabel 3.3!F71: 4.990.894.675 → 4.990.894.675 (tidak berubah)\n  Tabel 3.3!J71: 5.253.625.474 → 5.253.625.474 (tidak berubah)");
    expect(id.stdout).toContain("  Tabel 3.3!J33 \"Pengadaan Barang Milik Daerah Penunjang Urusan Pe…\": 307.588.735 → 7.588.735 [ditahan]\n      - rinciannya hanya berjumlah 7.588.735, kurang dari separuh 307.588.735");
    expect(id.stdout).toContain("      - Bab IV dan jumlah program menyebut 16.742.000; total dalam narasi (4.990.894.675) juga sesuai dengannya");
    expect(id.stdout).toMatch(/Ditahan \(tidak ditulis\):\n[^]*Tabel 3\.3!F24: pagu tahun 2025 kegiatan «Administrasi Umum Perangkat Daerah» tidak dihitung ulang: F28, F29, F30, F31, F32 salah ketik \(perbaiki dulu dengan Perbaiki Angka\)\./);
    const all = await runCli(["recompute", file, "--dry-run", "--lang", "en", "--accept", "all"]);
    expect(all.stdout).toContain("  Tabel 3.3!J71: 5,253,625,474 → 4,828,024,554 (−Rp 425,600,920, −8.1 %)");
    expect(all.stdout).toContain("Tabel 3.3!J33 \"Pengadaan Barang Milik Daerah Penunjang Urusan Pe…\": 307,588,735 → 7,588,735 [accepted]");
    expect(all.stdout).toMatch(/Held back \(not written\):\n.*not recomputed: F28, F29, F30, F31, F32 mistyped \(fix them first with Fix Numbers\)/);
  });

  it("--mode values writes a wrong parent as a number; running it again changes nothing and still writes (exit 0)", async () => {
    const { file } = copyOf("variantKodeFormulas");
    const out = path.join(dir, "values.xlsx");
    const run = await runCli(["recompute", file, "-o", out, "--mode", "values", "--accept", "all"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    // the kegiatan whose N+1 amount its sub kegiatan do not support, and the one whose SUM left out H40
    const [f18, h36] = readCellContents(fs.readFileSync(out), [{ sheet: "Rumusan Program", cell: "F18" }, { sheet: "Rumusan Program", cell: "H36" }]);
    expect([f18.value, f18.formula]).toEqual([24344000, undefined]);
    expect([h36.value, h36.formula]).toEqual([264353000, undefined]);
    const again = await runCli(["recompute", out, "-o", path.join(dir, "values-again.xlsx"), "--mode", "values", "--accept", "all"]);
    expect(again.stdout).toMatch(/^0 sel diubah; ditulis ke [^\n]*\n[^]*\nTidak ada jumlah yang berubah nilainya\.\n$/);
  });

  it("a protected sheet: exit 2, a clear message, no output file", async () => {
    const file = writeTemp(dir, "protected.xlsx", await richSeedWorkbook({ protect: true }));
    const out = path.join(dir, "protected-out.xlsx");
    const run = await runCli(["recompute", file, "-o", out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("renja: Lembar 'Tabel 3.3' diproteksi. Buka proteksinya (Tinjau > Buka Proteksi Lembar) lalu jalankan lagi. Tidak ada yang ditulis.\n");
    expect(run.stdout).toBe("");
    expect(fs.existsSync(out)).toBe(false);
  });

  it("a missing input or an unwritable output: exit 2 without a stack trace", async () => {
    const missing = await runCli(["recompute", path.join(dir, "nope.xlsx"), "-o", path.join(dir, "x.xlsx")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Berkas tidak ditemukan/);
    const { file } = copyOf("seedIdLocale");
    const unwritable = await runCli(["recompute", file, "-o", path.join(dir, "no-such-dir", "out.xlsx")]);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).not.toMatch(STACK_TRACE);
  });
});
