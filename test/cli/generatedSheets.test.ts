/**
 * A sheet `renja generate` made is not checked again (it repeats its source's notes: findings rose 134 → 166 →
 * 177 with each Buat Tabel), unless --include-generated; a copy of it or an edited one is the user's: checked,
 * and never rewritten by --replace (the new table goes to a new sheet name, said so).
 */
import * as fs from "fs";
import * as path from "path";
import type { Finding } from "../../src/domain/findings";
import { applyPlanToXlsx } from "../../src/xlsx/patch";
import { readCellContents } from "../../src/xlsx/patch";
import { plan, planned } from "../xlsx/patch/support";
import { runCli, tempDir } from "./cliHarness";

const SEED = path.join(__dirname, "../../seeds/sample-renja-tomoni-2025.xlsx");
const NAME = "Tabel 3.3 (Renja Cermat)";

async function findings(file: string, ...options: string[]): Promise<{ findings: Finding[]; generatedSheets?: string[] }> {
  const run = await runCli(["check", file, "--json", ...options]);
  expect(run.stderr).toBe("");
  return JSON.parse(run.stdout) as { findings: Finding[]; generatedSheets?: string[] };
}

describe("generated sheets and renja check", () => {
  const dir = tempDir();
  const once = path.join(dir, "once.xlsx");
  const twice = path.join(dir, "twice.xlsx");

  beforeAll(async () => {
    expect((await runCli(["generate", "tabel-3.3", SEED, "-o", once])).code).toBe(0);
    expect((await runCli(["generate", "tabel-3.3", once, "-o", twice])).code).toBe(0);
  });

  it("gives the same findings for the workbook before and after generating Tabel 3.3, twice", async () => {
    const input = await findings(SEED);
    expect(input.findings.length).toBeGreaterThan(0);
    const after = await findings(once);
    expect(after.generatedSheets).toEqual([NAME]);
    expect(after.findings.length).toBe(input.findings.length);
    expect((await findings(twice)).findings.length).toBe(input.findings.length);
  });

  it("names the sheets left out, and checks them when asked", async () => {
    const human = await runCli(["check", once]);
    expect(human.stdout).toContain(`'${NAME}': lembar buatan Renja Cermat, tidak diperiksa.`);
    const english = await runCli(["check", once, "--lang", "en"]);
    expect(english.stdout).toContain(`'${NAME}': sheet made by Renja Cermat, not checked.`);
    const all = await findings(once, "--include-generated");
    expect(all.generatedSheets).toBeUndefined();
    expect(all.findings.some((f) => f.sheet === NAME)).toBe(true);
    expect(all.findings.length).toBeGreaterThan((await findings(SEED)).findings.length);
  });

  it("checks an edited generated sheet, and --replace writes the new table beside it instead of over it", async () => {
    const bytes = new Uint8Array(fs.readFileSync(once));
    const [k9] = readCellContents(bytes, [{ sheet: NAME, cell: "K9" }]);
    const edited = path.join(dir, "edited.xlsx");
    fs.writeFileSync(edited, applyPlanToXlsx(bytes, plan([planned(NAME, "K9", k9, { value: "catatan saya" })])).bytes);
    const checked = await findings(edited);
    expect(checked.generatedSheets).toBeUndefined();
    const out = path.join(dir, "regenerated.xlsx");
    const run = await runCli(["generate", "tabel-3.3", edited, "-o", out, "--replace", "--from", "Tabel 3.3"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Lembar '${NAME}' dibuat oleh Renja Cermat, tetapi isinya sudah diubah sejak itu`);
    const written = /Tabel baru ditulis ke lembar '([^']+)'/.exec(run.stdout)?.[1];
    expect(written).toBeDefined();
    expect(written).not.toBe(NAME);
    const [kept] = readCellContents(new Uint8Array(fs.readFileSync(out)), [{ sheet: NAME, cell: "K9" }]);
    expect(kept.value).toBe("catatan saya");
  });
});
