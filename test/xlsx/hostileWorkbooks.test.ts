/**
 * Issue 17, memory and time: small hostile workbooks (built from the seed in bench/hostile.ts, a few hundred KB
 * each) are refused with a message and exit code 2, or read with the same result as the seed. No assertion on
 * time or memory here (bench/hostileInputs.ts measures both); a bomb that is not refused would fail these tests
 * with an abort or a timeout.
 */
import * as fs from "fs";
import * as path from "path";
import { AMOUNT_30000, hostileWorkbooks, type HostileCase } from "../../bench/hostile";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { HostError } from "../../src/domain/host";
import type { WritePlan } from "../../src/domain/plan";
import { openXlsxHost } from "../../src/xlsx";
import { SNAPSHOT_TEXT_LIMIT } from "../../src/xlsx/packageSnapshots";
import { runCli, STACK_TRACE, tempDir, writeTemp } from "../cli/cliHarness";

const SEED = path.join(__dirname, "..", "..", "seeds", "sample-renja-tomoni-2025.xlsx");
const seed = new Uint8Array(fs.readFileSync(SEED));
const cases = new Map<string, HostileCase>(hostileWorkbooks(seed).map((c) => [c.name, c]));
const dir = tempDir();

function hostile(name: string): HostileCase {
  const c = cases.get(name);
  if (!c) throw new Error(`no hostile case ${name}`);
  return c;
}

/** check --json's findings, the file name left out. */
async function findingsOf(file: string): Promise<{ code: number; findings: unknown }> {
  const run = await runCli(["check", file, "--json"]);
  const parsed = JSON.parse(run.stdout) as { findings: unknown };
  return { code: run.code, findings: parsed.findings };
}

jest.setTimeout(120_000);

describe("hostile workbooks: refused with a message, exit code 2", () => {
  const refusals: [string, RegExp, RegExp][] = [
    ["shared-strings-10m", /bagian xl\/sharedStrings\.xml memuat lebih dari 2\.000\.000 unsur XML/, /xl\/sharedStrings\.xml holds more than 2,000,000 XML items/],
    ["worksheet-elsewhere-450mib", /bagian xl\/data\/grid\.xml berukuran 451 MB setelah dibuka/, /part xl\/data\/grid\.xml is 451 MB once unpacked/],
    ["worksheet-size-lie", /bagian xl\/data\/grid\.xml berisi lebih dari 1\.048\.576 bita/, /part xl\/data\/grid\.xml holds more than the 1,048,576 bytes/],
    ["styles-padded-450mib", /bagian xl\/styles\.xml berukuran 451 MB setelah dibuka/, /part xl\/styles\.xml is 451 MB once unpacked/],
    ["styles-nested-2m", /bagian xl\/styles\.xml memuat lebih dari 500\.000 unsur XML/, /xl\/styles\.xml holds more than 500,000 XML items/],
    ["styles-nested-900k", /bagian xl\/styles\.xml memuat lebih dari 500\.000 unsur XML/, /xl\/styles\.xml holds more than 500,000 XML items/],
  ];

  it.each(refusals)("%s", async (name, id, en) => {
    const c = hostile(name);
    expect(c.bytes.length).toBeLessThan(1_000_000);
    const file = writeTemp(dir, `${name}.xlsx`, c.bytes);
    const run = await runCli(["check", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(id);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    const english = await runCli(["check", file, "--lang", "en"]);
    expect(english.code).toBe(2);
    expect(english.stderr).toMatch(en);
    // The host itself (the pane and the page go through it, with the default bounds) refuses it the same way.
    const error = await openXlsxHost(c.bytes, `${name}.xlsx`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe(c.refused);
  });
});

describe("hostile workbooks read as the seed is", () => {
  let seedResult: { code: number; findings: unknown };
  beforeAll(async () => {
    seedResult = await findingsOf(writeTemp(dir, "seed.xlsx", seed));
  });

  it.each(["merges-5000", "merges-20000"])("%s: whole-row merges below the table change no finding", async (name) => {
    const result = await findingsOf(writeTemp(dir, `${name}.xlsx`, hostile(name).bytes));
    expect(result.code).toBe(seedResult.code);
    expect(result.findings).toEqual(seedResult.findings);
  });

  it("64,000 cell styles: recompute plans and writes what it writes for the seed", async () => {
    const styled = writeTemp(dir, "styles-64000.xlsx", hostile("styles-64000").bytes);
    const plain = writeTemp(dir, "seed-recompute.xlsx", seed);
    const a = await runCli(["recompute", styled, "-o", path.join(dir, "styled-out.xlsx"), "--json"]);
    const b = await runCli(["recompute", plain, "-o", path.join(dir, "seed-out.xlsx"), "--json"]);
    expect(a.stderr).not.toMatch(STACK_TRACE);
    expect(a.code).toBe(b.code);
    const strip = (text: string) => text.split(styled).join("FILE").split(plain).join("FILE").split("styled-out").join("OUT").split("seed-out").join("OUT");
    expect(strip(a.stdout)).toEqual(strip(b.stdout));
    expect(a.stdout.length).toBeGreaterThan(100);
    // The written copy still opens, and its sheets read as the seed's written copy does.
    const out = await openXlsxHost(new Uint8Array(fs.readFileSync(path.join(dir, "styled-out.xlsx"))), "styled-out.xlsx");
    const ref = await openXlsxHost(new Uint8Array(fs.readFileSync(path.join(dir, "seed-out.xlsx"))), "seed-out.xlsx");
    const values = async (host: typeof out) => (await host.readAllSnapshots()).map((s) => [...s.rows].map(([r, cells]) => [r, [...cells].map(([c, cell]) => [c, cell.value, cell.formula])]));
    expect(await values(out)).toEqual(await values(ref));
  });

  it("200,000 elements nested in one style: check reads it as the seed; recompute refuses a result that would not open again", async () => {
    const file = writeTemp(dir, "styles-nested-200k.xlsx", hostile("styles-nested-200k").bytes);
    const result = await findingsOf(file);
    expect(result.code).toBe(seedResult.code);
    expect(result.findings).toEqual(seedResult.findings);
    const output = path.join(dir, "nested-out.xlsx");
    const run = await runCli(["recompute", file, "-o", output, "--lang", "en"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Nothing was written: the resulting file could not be opened again\. .*xl\/styles\.xml holds more than 500,000 XML items/);
    expect(fs.existsSync(output)).toBe(false);
  });

  it("a 30,000-digit amount text is read and shown grouped the Indonesian way", async () => {
    const file = writeTemp(dir, "amount.xlsx", hostile("amount-30000-digits").bytes);
    const run = await runCli(["check", file, "--json"]);
    expect(run.code).toBe(1);
    expect(AMOUNT_30000).toHaveLength(30_000);
    // Snapshot text is cut at SNAPSHOT_TEXT_LIMIT (4,096 characters): the amount read is its first 4,096 digits,
    // 1 and 4,095 zeros, grouped in threes from the right.
    expect(SNAPSHOT_TEXT_LIMIT).toBe(4096);
    const grouped = "1" + ".000".repeat(1_365);
    expect(run.stdout).toContain(`tertulis 36.280.500, tetapi jumlah 1 sub kegiatan di bawahnya ${grouped} (`);
  });

  it("fix-numbers leaves a 30,000-digit amount text as text (no number holds it) and fixes the rest", async () => {
    const file = writeTemp(dir, "amount-fix.xlsx", hostile("amount-30000-digits").bytes);
    let plan: WritePlan | undefined;
    const run = await runCli(["fix-numbers", file, "-o", path.join(dir, "amount-fixed.xlsx")], undefined, { onPlan: (p) => void (plan = p) });
    expect(run.stderr).not.toMatch(/kesalahan internal/);
    expect(run.code).toBe(0);
    expect(plan?.cells.length).toBeGreaterThan(0);
    expect(plan?.cells.find((c) => c.sheet === "Tabel 2.1" && c.cell === "G29")).toBeUndefined();
    expect(plan?.cells.every((c) => typeof c.after.value !== "number" || Number.isFinite(c.after.value))).toBe(true);
  });
});

describe("generate on a package whose [Content_Types].xml is cut short", () => {
  it("writes the table to a separate workbook and says why (was an internal error)", async () => {
    const files = unzipSync(seed);
    const types = strFromU8(files["[Content_Types].xml"]);
    files["[Content_Types].xml"] = strToU8(types.slice(0, types.lastIndexOf("<Override") + 20));
    const file = writeTemp(dir, "types-cut.xlsx", zipSync(files));
    const output = path.join(dir, "types-cut-out.xlsx");
    const run = await runCli(["generate", "tabel-3.3", file, "-o", output, "--lang", "en"]);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(fs.existsSync(output)).toBe(true);
    expect(run.stdout + run.stderr).toMatch(/\[Content_Types\]\.xml is not well-formed XML/);
  });
});
