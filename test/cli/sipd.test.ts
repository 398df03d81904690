/** `renja check plan.xlsx --sipd export.xlsx [--skpd NAME]` on the Kecamatan Namlea fixture and the real exports. */
import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import { buildSipdFixture } from "../support/sipdFixture";
import type { SipdFixture } from "../support/sipdFixture";
import { SIPD_DATA, SIPD_FILES, sipdDataMissing, sipdSnapshots } from "../support/sipdData";
import { runCli, tempDir, writeTemp } from "./cliHarness";

const missing = sipdDataMissing();
if (missing) console.log(`SKIPPED renja check --sipd tests: ${missing}.`);
const describeData = missing ? describe.skip : describe;

describe("renja check --sipd arguments", () => {
  it("refuses --skpd without --sipd, and --sipd on other commands", async () => {
    const alone = await runCli(["check", "a.xlsx", "--skpd", "Kecamatan Namlea"]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain("Opsi --skpd hanya berlaku bersama --sipd.");
    const recompute = await runCli(["recompute", "a.xlsx", "-o", "b.xlsx", "--sipd", "x.xlsx"]);
    expect(recompute.code).toBe(2);
    expect(recompute.stderr).toContain("Opsi --sipd tidak berlaku untuk recompute.");
  });
});

describeData("renja check --sipd on a workbook built from Kecamatan Namlea", () => {
  let dir: string;
  let plan: string;
  let fixture: SipdFixture;
  const rekap = path.join(SIPD_DATA, SIPD_FILES.rekap);
  beforeAll(async () => {
    fixture = await buildSipdFixture((await sipdSnapshots(SIPD_FILES.rekap))[0]);
    dir = tempDir();
    plan = writeTemp(dir, "renja-namlea.xlsx", fixture.bytes);
  }, 60_000);

  it("reports the three differences and the totals (exit 1); --json carries them", async () => {
    const human = await runCli(["check", plan, "--sipd", rekap]);
    expect(human.code).toBe(1);
    // The human report wraps long messages to the terminal width; read it with the wrapping undone.
    const unwrapped = human.stdout.replace(/\n\s+/g, " ");
    expect(unwrapped).toContain("SIPD-RI Kecamatan Namlea (Rp 1.773.764.355); selisih Rp 10.000.000.");
    expect(human.stdout).toContain(`unit Kecamatan Namlea 7.01.0.00.0.00.01.0000: 25 sub kegiatan, pagu Rp 2.043.702.355.`);
    expect(human.stdout).toContain("Tabel 7: 11 dari 12 sub kegiatan cocok dengan SIPD-RI; total Rp 2.068.702.355, SIPD-RI Rp 2.043.702.355 (selisih Rp 25.000.000).");
    const json = await runCli(["check", plan, "--sipd", rekap, "--json", "--lang", "en"]);
    const out = JSON.parse(json.stdout) as { findings: { rule: string; cell: string }[]; sipd: { agrees: boolean; lines: string[] } };
    expect(out.findings.filter((f) => f.rule === "sipd-mismatch").map((f) => f.cell)).toEqual([fixture.injected.pagu, fixture.injected.extraRow, fixture.injected.sumberDana]);
    expect(out.sipd.agrees).toBe(false);
    expect(out.sipd.lines[1]).toBe("Tabel 7: 11 of 12 sub kegiatan found in SIPD-RI; total Rp 2,068,702,355, SIPD-RI Rp 2,043,702,355 (difference Rp 25,000,000).");
  }, 60_000);

  it("takes the unit from --skpd, and says which units match when the name is ambiguous (exit 2)", async () => {
    const pagu = path.join(SIPD_DATA, SIPD_FILES.sumberDana);
    const named = await runCli(["check", plan, "--sipd", pagu, "--skpd", "kecamatan namlea", "--json"]);
    expect((JSON.parse(named.stdout) as { findings: { rule: string }[] }).findings.filter((f) => f.rule === "sipd-mismatch")).toHaveLength(3);
    const ambiguous = await runCli(["check", plan, "--sipd", rekap, "--skpd", "Namlea"]);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('SKPD "Namlea" cocok dengan lebih dari satu unit');
    expect(ambiguous.stderr).toContain("Kecamatan Namlea (7.01.0.00.0.00.01.0000)");
  }, 60_000);

  it("refuses a file that is no SIPD export (exit 2)", async () => {
    const run = await runCli(["check", plan, "--sipd", plan]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("bukan ekspor SIPD yang dikenali");
  }, 60_000);
});

describeData("--sipd over many workbooks (check of a folder, report)", () => {
  let dir: string;
  let fixture: SipdFixture;
  const rekap = path.join(SIPD_DATA, SIPD_FILES.rekap);
  const sample = path.resolve(__dirname, "..", "..", "seeds", "sample-renja-tomoni-2025.xlsx");
  beforeAll(async () => {
    fixture = await buildSipdFixture((await sipdSnapshots(SIPD_FILES.rekap))[0]);
    dir = tempDir();
    fs.mkdirSync(path.join(dir, "units"));
    writeTemp(dir, "units/renja-namlea.xlsx", fixture.bytes);
    writeTemp(dir, "units/renja-tomoni.xlsx", new Uint8Array(fs.readFileSync(sample)));
  }, 60_000);

  type Line = { file: string; checklist: { id: string; status: string }[]; sipd?: { agrees: boolean; lines: string[] } };
  const sipdItem = (l: Line) => l.checklist.find((c) => c.id === "sipd")?.status;

  it("compares each unit with the export read once: differences for the unit it holds, 'tidak ditemukan' for one it does not", async () => {
    const run = await runCli(["check", path.join(dir, "units"), "--sipd", rekap, "--json"]);
    expect(run.stderr).toBe("");
    const lines = run.stdout.trim().split("\n").map((l) => JSON.parse(l) as Line & { findings: { rule: string; cell: string }[] });
    const [namlea, tomoni] = lines;
    expect(path.basename(namlea.file)).toBe("renja-namlea.xlsx");
    expect(namlea.findings.filter((f) => f.rule === "sipd-mismatch").map((f) => f.cell)).toEqual([fixture.injected.pagu, fixture.injected.extraRow, fixture.injected.sumberDana]);
    expect(namlea.sipd?.agrees).toBe(false);
    expect(sipdItem(namlea)).toBe("perlu-perbaikan");
    expect(path.basename(tomoni.file)).toBe("renja-tomoni.xlsx");
    expect(tomoni.findings.filter((f) => f.rule === "sipd-mismatch")).toEqual([]);
    expect(sipdItem(tomoni)).toBe("tidak-ditemukan");
    expect(tomoni.sipd?.lines[0]).toContain("Judul tabel tidak menyebut SKPD mana pun dari");
    // without --sipd the item is "not checked"
    const plain = await runCli(["check", path.join(dir, "units"), "--json"]);
    expect(plain.stdout.trim().split("\n").map((l) => sipdItem(JSON.parse(l) as Line))).toEqual(["tidak-diperiksa", "tidak-diperiksa"]);
  }, 120_000);

  it("report --sipd puts the comparison on each unit's verification sheet", async () => {
    const out = path.join(dir, "verifikasi.xlsx");
    const run = await runCli(["report", path.join(dir, "units"), "--sipd", rekap, "-o", out]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(out) as unknown as ExcelJS.Buffer);
    const itemStatus = (sheet: ExcelJS.Worksheet) => {
      let status: string | undefined;
      sheet.eachRow((row) => {
        if (String(row.getCell(2).value ?? "") === "Kesesuaian dengan SIPD") status = String(row.getCell(3).value ?? "");
      });
      return status;
    };
    const verification = wb.worksheets.slice(1);
    expect(verification.map(itemStatus)).toEqual(["perlu perbaikan", "tidak ditemukan"]);
  }, 120_000);

  it("refuses an export that cannot be used before checking anything (exit 2)", async () => {
    const run = await runCli(["check", path.join(dir, "units"), "--sipd", sample, "--summary"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("bukan ekspor SIPD yang dikenali");
    expect(run.stdout).toBe("");
  }, 60_000);
});
