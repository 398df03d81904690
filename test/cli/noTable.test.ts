/**
 * Issue 9: a workbook in which no Renja table is recognised has its own outcome: `renja check` exits 3 and says,
 * sheet by sheet, what it looked at and why it took none (in both languages); `--json` has `status: "no-table"`,
 * `tables: []` and the explanation. A workbook with a table keeps exit 0/1 and the contract's { file, tables, findings }.
 */
import * as path from "path";
import { checkOutcome, worstExitCode } from "../../src/cli/checkOutcome";
import type { Finding } from "../../src/domain/findings";
import { FIXTURE_FILES, GENERATED_DIR } from "../fixtures/build-fixtures";
import { runCli } from "./cliHarness";

const fixture = (name: keyof typeof FIXTURE_FILES) => path.join(GENERATED_DIR, FIXTURE_FILES[name]);

describe("renja check on a village budget (APBDes) with cost-estimate forms", () => {
  it("exits 3 and explains, in Bahasa Indonesia by default", async () => {
    const run = await runCli(["check", fixture("layout_apbdes")]);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe("");
    const lines = run.stdout.split("\n");
    expect(lines).toContain("Tidak ada tabel Renja yang dikenali (2 lembar diperiksa).");
    expect(lines.filter((l) => l.startsWith("- Lembar "))).toEqual([
      '- Lembar "APBDes": baris di bawah kepala tabel di baris 3 (Kode Rekening | Uraian | Anggaran (Rp) | Sumber Dana | Keterangan) tidak berstruktur Program/Kegiatan: tidak ada kode berbentuk 7.01.01, baris PROGRAM, nama dari nomenklatur, atau kolom berjudul Program/Kegiatan.',
      '- Lembar "RAB": baris di bawah kepala tabel di baris 7 (No | Uraian | Volume | Satuan | Harga Satuan (Rp) | Jumlah (Rp)) tidak berstruktur Program/Kegiatan: tidak ada kode berbentuk 7.01.01, baris PROGRAM, nama dari nomenklatur, atau kolom berjudul Program/Kegiatan.',
    ]);
    expect(run.stdout).toContain("Tidak ada temuan.");
  });

  it("exits 3 and explains in English with --lang en", async () => {
    const run = await runCli(["check", fixture("layout_apbdes"), "--lang", "en"]);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain("No Renja table was recognised (2 sheets looked at).");
    expect(run.stdout).toContain('- Sheet "RAB": the rows under the headers at row 7 (No | Uraian | Volume | Satuan | Harga Satuan (Rp) | Jumlah (Rp)) show no Program/Kegiatan structure');
  });

  it("--json: status no-table, tables [], the explanation; the reason also on stderr", async () => {
    const run = await runCli(["check", fixture("layout_apbdes"), "--json", "--lang", "en"]);
    expect(run.code).toBe(3);
    const out = JSON.parse(run.stdout) as { status: string; tables: unknown[]; findings: Finding[]; explanation: { sheet: string; reason: string; message: string }[] };
    expect(out.status).toBe("no-table");
    expect(out.tables).toEqual([]);
    expect(out.findings).toEqual([]);
    expect(out.explanation.map((e) => [e.sheet, e.reason])).toEqual([["APBDes", "no-structure"], ["RAB", "no-structure"]]);
    expect(out.explanation[0].message).toMatch(/^Sheet "APBDes": the rows under the headers at row 3/);
    expect(run.stderr).toMatch(/^renja: No Renja table was recognised \(2 sheets looked at\)\.\n- Sheet "APBDes"/);
  });

  it("names every sheet it passed over (a staff list, an inventory, a note)", async () => {
    const run = await runCli(["check", fixture("noRenja"), "--json"]);
    expect(run.code).toBe(3);
    const out = JSON.parse(run.stdout) as { status: string; explanation: { sheet: string; reason: string; message: string }[] };
    expect(out.status).toBe("no-table");
    expect(out.explanation.map((e) => [e.sheet, e.reason])).toEqual([
      ["Daftar Pegawai", "no-header"],
      ["Inventaris", "no-header"],
      ["Catatan", "no-header"],
    ]);
  });
});

describe("workbooks with a table keep their codes", () => {
  it.each([["layout_splitKode" as const], ["layout_sipd" as const], ["layout_outline" as const]])("%s: exit 0, the contract's object", async (name) => {
    const run = await runCli(["check", fixture(name), "--json"]);
    const out = JSON.parse(run.stdout) as { tables: unknown[] };
    expect([run.code, Object.keys(out), out.tables.length]).toEqual([0, ["file", "tables", "findings", "nomenclature"], 1]);
  });
});

describe("checkOutcome / worstExitCode", () => {
  const error = { severity: "error" } as Finding;
  const warning = { severity: "warning" } as Finding;
  it("decides one file: findings > no table > ok", () => {
    expect(checkOutcome([], [])).toEqual({ status: "no-table", exitCode: 3 });
    expect(checkOutcome([], [warning])).toEqual({ status: "no-table", exitCode: 3 });
    expect(checkOutcome([{}], [warning])).toEqual({ status: "ok", exitCode: 0 });
    expect(checkOutcome([{}], [error])).toEqual({ status: "findings", exitCode: 1 });
    expect(checkOutcome([], [error])).toEqual({ status: "findings", exitCode: 1 });
  });
  it("combines files: 2 > 1 > 3 > 0", () => {
    expect(worstExitCode([])).toBe(0);
    expect(worstExitCode([0, 3, 0])).toBe(3);
    expect(worstExitCode([3, 1, 0])).toBe(1);
    expect(worstExitCode([1, 2, 3])).toBe(2);
  });
});
