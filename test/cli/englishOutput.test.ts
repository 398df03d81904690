/**
 * Issue 14 done-when 2: `renja check --lang en` on every seed-built workbook prints no Indonesian word of the
 * stop list, and the Indonesian messages no English word of the English stop list. The forms' own terms stay
 * Indonesian in English too (ALLOWED) and are not in the stop lists.
 */
import * as fs from "fs";
import * as path from "path";
import type { FindingJson } from "../../src/cli/findingJson";
import { FIXTURE_FILES, GENERATED_DIR } from "../fixtures/build-fixtures";
import { sampleValue } from "../support/messageSamples";
import { snapshotsToXlsx } from "../support/revision";
import { pastedPair } from "../support/revisionPairs";
import { runCli, tempDir } from "./cliHarness";
import { MessageSpec, render, type MessageKey, type MessageRef, type Value } from "../../src/domain/messages";

/** Indonesian words that never belong in an English sentence. */
const INDONESIAN = [
  "dengan", "angka", "ini", "itu", "cocok", "sel", "tertulis", "seharusnya", "jumlah", "tidak", "dan", "atau", "belum",
  "sudah", "lembar", "baris", "kolom", "yang", "di", "ke", "dari", "pada", "untuk", "sebagai", "tetapi", "kosong",
  "berisi", "menyebut", "rincian", "rinciannya", "induk", "selisih", "saran", "temuan", "galat", "peringatan", "tahun",
  "dibaca", "perbaiki", "ringkasan", "narasi", "berbeda", "sama", "lebih",
];

/** Terms of the forms that English text keeps in Indonesian (not in INDONESIAN, listed so the choice is visible). */
export const ALLOWED = ["program", "kegiatan", "sub kegiatan", "Renja", "Tabel", "Bab", "Rp", "SIPD", "urusan", "bidang", "perangkat daerah", "pagu", "kode", "Kebutuhan Dana"];

/** English words that never belong in an Indonesian sentence. */
const ENGLISH = ["the", "and", "of", "is", "with", "not", "should", "expected", "add", "row", "column", "cell", "which", "but", "from"];

/**
 * The text without what it quotes from the workbook: "…", “…”, «…», '…' (not an apostrophe: "Tabel 2.1's") and a
 * header row as printed ("(No | Uraian | Jumlah (Rp))").
 */
const unquoted = (text: string) =>
  text
    .replace(/"[^"]*"|“[^”]*”|«[^»]*»/g, "")
    .replace(/(^|[\s(])'[^']*'(?=[\s).,;:]|$)/g, "$1")
    .replace(/\([^()\n]*(\([^()\n]*\)[^()\n]*)*\|[^\n]*\)\)?/g, "");

const words = (text: string) => text.toLowerCase().match(/[a-z]+/g) ?? [];

function found(text: string, stop: readonly string[]): string[] {
  const set = new Set(stop);
  return [...new Set(words(text).filter((w) => set.has(w)))];
}

describe.each(Object.keys(FIXTURE_FILES) as Array<keyof typeof FIXTURE_FILES>)("renja check --lang en on %s", (name) => {
  const file = path.join(GENERATED_DIR, FIXTURE_FILES[name]);

  it("prints no Indonesian word of the stop list (file and sheet names aside)", async () => {
    const run = await runCli(["check", file, "--lang", "en", "--max", "1000"]);
    // Quoted names and texts come from the workbook ("Penyediaan Bahan Logistik Kantor", "DAN PRAKIRAAN MAJU"): as written.
    // (a quoted text may wrap onto the next line: quotes are dropped from the whole output before it is split)
    const offending = unquoted(`${run.stdout}\n${run.stderr}`)
      .split("\n")
      .filter((line) => found(line, INDONESIAN).length > 0);
    expect(offending).toEqual([]);
  });

  it.each([["recompute"], ["fix-numbers"]])("prints no Indonesian word of the stop list with %s --dry-run --lang en", async (command) => {
    const run = await runCli([command, file, "--dry-run", "--lang", "en"]);
    const offending = unquoted(`${run.stdout}\n${run.stderr}`)
      .split("\n")
      .filter((line) => found(line, INDONESIAN).length > 0);
    expect(offending).toEqual([]);
  });

  it("writes the Indonesian messages without English words", async () => {
    const run = await runCli(["check", file, "--json"]);
    // A file that is no workbook prints its error (checked in English above) and no findings.
    const { findings } = (run.stdout ? JSON.parse(run.stdout) : { findings: [] }) as { findings: FindingJson[] };
    const offending = findings
      .map((f) => unquoted(f.message.id))
      .filter((text) => found(text, ENGLISH).length > 0);
    expect(offending).toEqual([]);
  });
});

describe("renja diff --lang en", () => {
  it("prints no Indonesian word of the stop list (the rows' names from the workbooks aside)", async () => {
    const dir = tempDir();
    const pair = pastedPair();
    const oldFile = path.join(dir, "old.xlsx");
    const newFile = path.join(dir, "new.xlsx");
    fs.writeFileSync(oldFile, await snapshotsToXlsx(pair.old));
    fs.writeFileSync(newFile, await snapshotsToXlsx(pair.new));
    const findingsFile = path.join(dir, "check.json");
    fs.writeFileSync(findingsFile, (await runCli(["check", oldFile, "--json"])).stdout);
    const run = await runCli(["diff", oldFile, newFile, "--findings", findingsFile, "--lang", "en"]);
    expect(run.code).toBe(0);
    // Row names are printed unquoted, as written ("Penyediaan Gaji dan Tunjangan ASN"): the JSON lists them all.
    const json = (await runCli(["diff", oldFile, newFile, "--json"])).stdout;
    const names = [...new Set([...json.matchAll(/"uraian": "((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string))].sort((a, b) => b.length - a.length);
    const withoutNames = names.reduce((out, name) => out.split(name).join(""), `${run.stdout}\n${run.stderr}`);
    expect(names.length).toBeGreaterThan(0);
    const offending = unquoted(withoutNames)
      .split("\n")
      .filter((line) => found(line, INDONESIAN).length > 0);
    expect(offending).toEqual([]);
  });
});

describe("every English template of the catalogue", () => {
  // Templates filled with neutral values: what the words around the values say, for every key (the CLI's runs above
  // reach only the messages their workbooks raise; host errors, names and the pane's texts are covered here).
  // Command-line options (--from, --lang en) are the same in both languages: the help and the usage errors name them.
  const rendered = (lang: "id" | "en") =>
    (Object.keys(MessageSpec) as MessageKey[]).map((key) => {
      const params = Object.fromEntries(Object.entries(MessageSpec[key]).map(([name, kind]) => [name, sampleValue(kind as Value["kind"])]));
      return { key, text: render({ key, params } as MessageRef, lang).replace(/(^|[\s[])--[a-z][a-z-]*/g, "$1") };
    });

  it("has no Indonesian word of the stop list", () => {
    const offending = rendered("en").filter(({ text }) => found(unquoted(text), INDONESIAN).length > 0);
    expect(offending).toEqual([]);
  });

  it("has an Indonesian counterpart without English words", () => {
    // "add-in" is what Indonesian Office calls an add-in too ("dari add-in"): the term, not the English verb "add"
    const offending = rendered("id").filter(({ text }) => found(unquoted(text).replace(/\badd-in\b/gi, ""), ENGLISH).length > 0);
    expect(offending).toEqual([]);
  });
});
