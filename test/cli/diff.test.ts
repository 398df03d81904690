/**
 * `renja diff` on real files: the pasted seed (Tabel 3.3 + Tabel 7) against its revision, with the findings of
 * `renja check --json` on the original. The revision corrects the slip "4.765,000" (Bahan Logistik), removes
 * the row holding the slip "10.380,000", and types a new amount as the slip "359.510,350".
 */
import * as fs from "fs";
import * as path from "path";
import type { Finding } from "../../src/domain/findings";
import type { DiffJson } from "../../src/domain/versions";
import { snapshotsToXlsx } from "../support/revision";
import { pastedPair } from "../support/revisionPairs";
import { runCli, STACK_TRACE, tempDir } from "./cliHarness";

let dir: string;
let oldFile: string;
let newFile: string;
let findingsFile: string;

beforeAll(async () => {
  dir = tempDir();
  const pair = pastedPair();
  oldFile = path.join(dir, "renja-murni.xlsx");
  newFile = path.join(dir, "renja-perubahan.xlsx");
  fs.writeFileSync(oldFile, await snapshotsToXlsx(pair.old));
  fs.writeFileSync(newFile, await snapshotsToXlsx(pair.new));
  const check = await runCli(["check", oldFile, "--json"]);
  expect(check.code).toBe(1);
  findingsFile = path.join(dir, "hasil-periksa.json");
  fs.writeFileSync(findingsFile, check.stdout);
});

async function diffJson(...extra: string[]): Promise<DiffJson> {
  const run = await runCli(["diff", oldFile, newFile, "--json", ...extra]);
  expect([run.code, run.stderr]).toEqual([0, ""]);
  return JSON.parse(run.stdout) as DiffJson;
}

const where = (f: Finding) => `${f.rule} ${f.sheet}!${f.cell}`;

describe("renja diff --json", () => {
  it("names both files and lists each table's rows added, removed and renamed", async () => {
    const json = await diffJson();
    expect([json.old, json.new]).toEqual([oldFile, newFile]);
    const t33 = json.tables.find((t) => t.kind === "tabel-3.3");
    expect(t33?.added.map((r) => [r.row, r.uraian])).toEqual([
      [21, "Pengadaan Pakaian Dinas beserta Atribut Kelengkapannya"],
      [27, "Penyediaan Peralatan dan Perlengkapan Kantor"],
      [70, "Fasilitasi Penyelenggaraan Ketenteraman dan Ketertiban Umum"],
    ]);
    expect(t33?.removed.map((r) => [r.row, r.uraian])).toEqual([
      [13, "Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD"],
      [30, "Penyediaan Bahan Bacaandan Peraturan Perundang- undangan"],
    ]);
    expect(t33?.renamed.map((r) => [r.old.row, r.new.row, r.by])).toEqual([[23, 23, "position"]]);
    const t7 = json.tables.find((t) => t.kind === "tabel-7");
    expect(t7 && [t7.added.length, t7.removed.length, t7.renamed.length, t7.money[0].changes.length]).toEqual([0, 0, 0, 0]);
    expect(json.findings).toBeUndefined();
  });

  it("gives amounts as plain decimal strings: totals, and a slip read as what it means", async () => {
    const t33 = (await diffJson()).tables.find((t) => t.kind === "tabel-3.3");
    expect(t33?.money.map((m) => [m.role, m.total])).toEqual([
      ["paguN", { before: "4990894675", after: "4967177025", delta: "-23717650" }],
      ["paguN1", { before: "5253625474", after: "5293917313", delta: "40291839" }],
    ]);
    const slip = t33?.money[0].changes.find((c) => c.uraian === "Pembangunan Sarana dan Prasarana Kelurahan");
    expect(slip).toEqual({ level: "subKegiatan", kode: "7.01.03.2.02.0002", uraian: "Pembangunan Sarana dan Prasarana Kelurahan", oldRow: 55, newRow: 55, before: "339510350", after: "359510350", delta: "20000000" });
    const added = t33?.money[0].changes.find((c) => c.uraian === "Penyediaan Peralatan dan Perlengkapan Kantor");
    expect(added && [added.oldRow, added.newRow, added.before, added.after]).toEqual([undefined, 27, null, "25000000"]);
  });

  it("with --findings: the corrected slip is resolved, the injected one new, the untouched ones remain", async () => {
    const json = await diffJson("--findings", findingsFile);
    const f = json.findings;
    if (!f) throw new Error("no findings comparison");
    // 4.765,000 corrected (old F28); 10.380,000 went with its removed row (old F30)
    const malformed = (list: Finding[]) => list.filter((x) => x.rule === "malformed-number").map((x) => `${where(x)} ${x.actual ?? ""}`);
    // 4.765,000 corrected (old F28), 177.680,000 retyped as a new amount (old F31), 10.380,000 gone with its row (old F30)
    expect(malformed(f.resolved)).toEqual(["malformed-number Tabel 3.3!F28 4765", "malformed-number Tabel 3.3!F30 10380", "malformed-number Tabel 3.3!F31 177680"]);
    expect(malformed(f.new)).toEqual(["malformed-number Tabel 3.3!F55 359510.35"]);
    // The other seven slips remain, found at their new rows (rows were inserted and removed above them).
    expect(malformed(f.remaining)).toEqual([
      "malformed-number Tabel 3.3!F30 13729.7",
      "malformed-number Tabel 3.3!F32 188148",
      "malformed-number Tabel 3.3!F34 68050",
      "malformed-number Tabel 3.3!F35 607873.956",
      "malformed-number Tabel 3.3!F36 30016",
      "malformed-number Tabel 3.3!F37 48247.956",
      "malformed-number Tabel 3.3!F56 ",
    ]);
    expect(f.remaining.some((x) => x.rule === "year-mismatch")).toBe(true);
    const previous = (JSON.parse(fs.readFileSync(findingsFile, "utf8")) as { findings: Finding[] }).findings;
    expect(f.resolved.length + f.remaining.length).toBe(previous.length);
  });
});

describe("renja diff, human report", () => {
  it("speaks Bahasa Indonesia by default, with Indonesian numbers", async () => {
    const run = await runCli(["diff", oldFile, newFile, "--findings", findingsFile]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("  Ditambah (3):\n    + sub kegiatan 7.01.01.2.05.0002 Pengadaan Pakaian Dinas beserta Atribut Kelengkapannya (baris 21)\n");
    expect(run.stdout).toContain("  Pagu tahun 2025: semula 4.990.894.675, menjadi 4.967.177.025, berkurang 23.717.650 (0,48%)\n");
    expect(run.stdout).toContain("    sub kegiatan 7.01.01.2.02.0001 Penyediaan Gaji dan Tunjangan ASN: 3.026.699.819 → 2.976.699.819 (-50.000.000)\n");
    expect(run.stdout).toContain("tabel-7 (lembar 'Tabel 7')\n  tidak ada perubahan\n");
    expect(run.stdout).toMatch(/Temuan pemeriksaan sebelumnya: \d+ selesai, \d+ baru, \d+ masih ada\n/);
    expect(run.stdout).not.toMatch(STACK_TRACE);
  });

  it("speaks English with --lang en", async () => {
    const run = await runCli(["diff", oldFile, newFile, "--lang", "en"]);
    expect(run.stdout).toContain("  Removed (2):\n");
    expect(run.stdout).toContain("  The 2026 forward estimate: was 5,253,625,474, now 5,293,917,313, up 40,291,839 (0.77%)\n");
  });

  it("refuses one file, foreign options and a --findings file that is not check's JSON (exit 2)", async () => {
    expect((await runCli(["diff", oldFile])).code).toBe(2);
    expect((await runCli(["diff", oldFile, newFile, "-o", path.join(dir, "x.xlsx")])).stderr).toContain("Opsi -o tidak berlaku untuk diff.");
    const bad = path.join(dir, "bad.json");
    fs.writeFileSync(bad, "bukan json");
    const run = await runCli(["diff", oldFile, newFile, "--findings", bad]);
    expect([run.code, run.stderr]).toEqual([2, "renja: Berkas --findings bukan keluaran JSON dari renja check --json.\n"]);
  });
});
