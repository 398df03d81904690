/**
 * `renja generate` end to end on the seed-built workbooks, after `renja fix-numbers` and `renja recompute`:
 * the generated Tabel 3.3 is mapped by `renja check` as tabel-3.3 with the source's counts, has no rollup,
 * total, number, formula or year error, and its totals equal the source's.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import type { Finding } from "../../src/domain/findings";
import { readCellContents } from "../../src/xlsx/patch";
import { FIXTURE_FILES, GENERATED_DIR } from "../fixtures/build-fixtures";
import { runCli, tempDir } from "./cliHarness";

const NAME = "Tabel 3.3 (Renja Cermat)";
const PROBLEM_RULES = new Set(["rollup-mismatch", "total-mismatch", "formula-range", "malformed-number", "suspect-scale", "year-mismatch"]);

interface JsonTable {
  sheet: string;
  kind: string;
  year: number;
  totalRow?: number;
  columns: Record<string, string>;
  counts: { program: number; kegiatan: number; subKegiatan: number };
}

async function checkJson(file: string): Promise<{ tables: JsonTable[]; findings: Finding[] }> {
  // The generated sheet itself is what these tests check: left out of a plain check, so asked for.
  const run = await runCli(["check", file, "--json", "--include-generated"]);
  expect(run.stderr).toBe("");
  return JSON.parse(run.stdout) as { tables: JsonTable[]; findings: Finding[] };
}

function sha(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

function totalsOf(file: string, table: JsonTable): Array<unknown> {
  const row = table.totalRow;
  if (row === undefined) throw new Error(`no total row on ${table.sheet}`);
  const cells = ["paguN", "paguN1"].map((role) => ({ sheet: table.sheet, cell: `${table.columns[role]}${row}` }));
  return readCellContents(new Uint8Array(fs.readFileSync(file)), cells).map((c) => c.value);
}

describe.each(["seedIdLocale", "seedAsPasted", "variantKodeFormulas"] as const)("renja generate tabel-3.3 on %s after fix-numbers and recompute", (fixture) => {
  const dir = tempDir();
  const input = path.join(dir, "in.xlsx");
  const fixed = path.join(dir, "fixed.xlsx");
  const recomputed = path.join(dir, "recomputed.xlsx");
  const output = path.join(dir, "generated.xlsx");
  let source: JsonTable;
  let generated: JsonTable | undefined;
  let findings: Finding[];

  beforeAll(async () => {
    fs.copyFileSync(path.join(GENERATED_DIR, FIXTURE_FILES[fixture]), input);
    expect((await runCli(["fix-numbers", input, "-o", fixed])).code).toBe(0);
    expect((await runCli(["recompute", fixed, "-o", recomputed, "--accept", "all"])).code).toBe(0);
    const before = sha(recomputed);
    const run = await runCli(["generate", "tabel-3.3", recomputed, "-o", output]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`ditambahkan sebagai lembar '${NAME}'`);
    expect(sha(recomputed)).toBe(before);
    const checked = await checkJson(output);
    generated = checked.tables.find((t) => t.sheet === NAME);
    const sourceName = /sumber: lembar '([^']+)'/.exec(run.stdout)?.[1];
    const found = checked.tables.find((t) => t.sheet === sourceName);
    if (!found) throw new Error(`source table ${sourceName} not mapped`);
    source = found;
    findings = checked.findings.filter((f) => f.sheet === NAME);
  });

  it("is mapped as tabel-3.3 for 2025 with the source's counts", () => {
    expect(generated).toMatchObject({ kind: "tabel-3.3", year: 2025, counts: source.counts });
    expect(source.counts).toEqual({ program: 6, kegiatan: 15, subKegiatan: 36 });
  });

  it("has no rollup, total, number, formula or year finding", () => {
    expect(findings.filter((f) => PROBLEM_RULES.has(f.rule) || f.severity === "error")).toEqual([]);
  });

  it("has the source's totals (Σ of the repaired sub kegiatan: 4.990.624.675 and 4.828.024.554)", () => {
    if (!generated) throw new Error("not mapped");
    expect(totalsOf(output, generated)).toEqual(totalsOf(recomputed, source));
    expect(totalsOf(output, generated)).toEqual([4990624675, 4828024554]);
  });
});

describe("renja generate: names, replacing, sources, failures", () => {
  const dir = tempDir();
  const input = path.join(dir, "seed.xlsx");
  fs.copyFileSync(path.join(GENERATED_DIR, FIXTURE_FILES.seedIdLocale), input);

  it("never modifies the input, gives a second run a new sheet name, and rewrites only with --replace", async () => {
    const before = sha(input);
    const first = path.join(dir, "first.xlsx");
    const second = path.join(dir, "second.xlsx");
    const third = path.join(dir, "third.xlsx");
    expect((await runCli(["generate", "tabel-3.3", input, "-o", first])).code).toBe(0);
    expect(sha(input)).toBe(before);
    const again = await runCli(["generate", "tabel-3.3", first, "-o", second, "--paper", "a4"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`'${NAME} (2)'`);
    const replaced = await runCli(["generate", "tabel-3.3", first, "-o", third, "--replace", "--order", "seed"]);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain(`menulis ulang lembar '${NAME}'`);
    expect((await checkJson(third)).tables.map((t) => t.sheet)).toEqual((await checkJson(first)).tables.map((t) => t.sheet));
    expect(readCellContents(new Uint8Array(fs.readFileSync(third)), [{ sheet: NAME, cell: "C5" }])[0].value).toBe("Lokasi");
  });

  it("builds from Tabel 7 with --from and says the N+1 columns are empty", async () => {
    const run = await runCli(["generate", "tabel-3.3", input, "-o", path.join(dir, "from7.xlsx"), "--from", "Tabel 7", "--lang", "en"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("(source: sheet 'Tabel 7'");
    expect(run.stdout).toMatch(/no forward estimate for 2026; columns 9 and 10 are left empty/);
  });

  it("builds Tabel 2.1 from the evaluation sheet", async () => {
    const evaluation = path.join(dir, "evaluation.xlsx");
    fs.copyFileSync(path.join(GENERATED_DIR, FIXTURE_FILES.seedEvaluation), evaluation);
    const out = path.join(dir, "t21.xlsx");
    const run = await runCli(["generate", "tabel-2.1", evaluation, "-o", out]);
    expect(run.code).toBe(0);
    const checked = await checkJson(out);
    expect(checked.tables.find((t) => t.sheet === "Tabel 2.1 (Renja Cermat)")?.kind).toBe("tabel-2.1");
  });

  it("exits 2 without writing when there is no table to build from, or --from names no sheet", async () => {
    const none = path.join(dir, "none.xlsx");
    fs.copyFileSync(path.join(GENERATED_DIR, FIXTURE_FILES.noRenja), none);
    const out = path.join(dir, "none-out.xlsx");
    const run = await runCli(["generate", "tabel-3.3", none, "-o", out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Tidak ditemukan tabel rencana/);
    expect(fs.existsSync(out)).toBe(false);
    const missing = await runCli(["generate", "tabel-3.3", input, "-o", out, "--from", "Tidak Ada"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Lembar "Tidak Ada" tidak ada/);
  });
});
