/**
 * `renja check` end to end, with the real mapping and rules, on the seed-built and hostile workbooks
 * (test/fixtures/generated, built by jest's globalSetup). The exact findings are asserted by the rule and
 * acceptance tests; here: exit codes, output shape, and that nothing crashes.
 */
import * as path from "path";
import type { Finding } from "../../src/domain/findings";
import type { TableJson } from "../../src/domain/mapping/tableJson";
import { FIXTURE_CELLS, FIXTURE_FILES, GENERATED_DIR, MANY_SHEETS } from "../fixtures/build-fixtures";
import { runCli, STACK_TRACE } from "./cliHarness";

const fixture = (name: keyof typeof FIXTURE_FILES) => path.join(GENERATED_DIR, FIXTURE_FILES[name]);

interface CheckJson {
  file: string;
  tables: TableJson[];
  findings: Finding[];
}

async function checkJson(argv: string[]): Promise<{ code: number; out: CheckJson; stderr: string }> {
  const run = await runCli(["check", ...argv, "--json"]);
  return { code: run.code, out: JSON.parse(run.stdout) as CheckJson, stderr: run.stderr };
}

describe("renja check on the bad-input fixtures", () => {
  it.each([
    ["empty" as const, /kosong/],
    ["truncated" as const, /rusak atau tidak lengkap/],
    ["notXlsx" as const, /bukan buku kerja Excel \.xlsx/],
    ["legacyXls" as const, /File > Simpan Sebagai > Buku Kerja Excel \(\*\.xlsx\)/],
    ["encrypted" as const, /terenkripsi: dengan kata sandi, atau dengan perlindungan bawaan Excel/],
  ])("%s exits 2 with a clear message", async (name, message) => {
    const run = await runCli(["check", fixture(name)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.stdout).toBe("");
  });
});

describe("renja check on the seed workbooks", () => {
  it("seed-as-pasted.xlsx: finds the four tables with the seed's counts and exits 1 on its slips", async () => {
    const { code, out, stderr } = await checkJson([fixture("seedAsPasted")]);
    expect(stderr).toBe("");
    expect(code).toBe(1);
    expect(out.file).toBe(fixture("seedAsPasted"));
    const bySheet = Object.fromEntries(out.tables.map((t) => [t.sheet, t]));
    expect(bySheet["Tabel 3.3"]).toMatchObject({ kind: "tabel-3.3", year: 2025, counts: { program: 6, kegiatan: 15, subKegiatan: 36 } });
    expect(bySheet["Tabel 7"]).toMatchObject({ kind: "tabel-7", year: 2025, counts: { program: 6, kegiatan: 15, subKegiatan: 35 } });
    expect(bySheet["Tabel 3.3"].columns.paguN1).toMatch(/^[A-Z]+$/);
    expect(out.findings.some((f) => f.severity === "error")).toBe(true);
    for (const t of out.tables) {
      expect(t.rows.length).toBeGreaterThan(0);
      for (const r of t.rows) expect(r.confidence).toBeGreaterThanOrEqual(0);
    }
  });

  it("--sheet keeps only that sheet's tables and findings", async () => {
    const { out } = await checkJson([fixture("seedAsPasted"), "--sheet", "Tabel 7"]);
    expect(out.tables.map((t) => t.sheet)).toEqual(["Tabel 7"]);
    expect(out.findings.length).toBeGreaterThan(0);
    expect(out.findings.every((f) => f.sheet === "Tabel 7")).toBe(true);
  });

  it("the human report names each table and ends with the counts of findings", async () => {
    const run = await runCli(["check", fixture("seedIdLocale")]);
    expect(run.stdout).toContain('Lembar "Tabel 3.3": Tabel 3.3, N = 2025');
    const severities = (s: string) => (s.match(/^Ringkasan: (\d+) galat, (\d+) peringatan, (\d+) info\.$/m) ?? []).slice(1).map(Number);
    const [errors] = severities(run.stdout);
    expect(run.code).toBe(errors > 0 ? 1 : 0);
  });
});

describe("renja check survives hostile workbooks: a report, never exit 2", () => {
  it.each([["emptyWorkbook" as const], ["noRenja" as const]])("%s: no table, exit 3", async (name) => {
    const run = await runCli(["check", fixture(name)]);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain("Tidak ada tabel Renja yang dikenali");
    expect(run.stderr).toBe("");
  });

  it("--sheet on a sheet without a table says so for that sheet", async () => {
    const run = await runCli(["check", fixture("noRenja"), "--sheet", "Catatan"]);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain("Tidak ada tabel Renja yang dikenali (1 lembar diperiksa).");
    expect(run.stdout).toContain('- Lembar "Catatan": tidak ada baris kepala tabel');
  });

  it.each([["manySheets" as const], ["hugeCell" as const], ["errors" as const], ["mergedData" as const], ["strayCell" as const]])(
    "%s: maps its Tabel 7 and reports",
    async (name) => {
      const { code, out, stderr } = await checkJson([fixture(name)]);
      expect(stderr).toBe("");
      expect([0, 1]).toContain(code);
      const tabel7 = out.tables.find((t) => t.sheet === (name === "manySheets" ? MANY_SHEETS.renjaSheet : "Tabel 7"));
      expect(tabel7?.kind).toBe("tabel-7");
      expect(tabel7?.counts.program).toBe(6);
    },
  );

  it("stray-cell.xlsx: the table ends where its data ends, not at row 1,048,576", async () => {
    const { out } = await checkJson([fixture("strayCell")]);
    const [tabel7] = out.tables;
    expect(tabel7.dataRows[1]).toBeLessThan(200);
    expect(FIXTURE_CELLS.strayCell).toMatch(/1048576$/);
  });
});
