/** `renja check plan.xlsx --sipd export.xlsx [--skpd NAME]` on the Kecamatan Namlea fixture and the real exports. */
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
    expect(out.sipd.lines[1]).toBe("Tabel 7: 11 of 12 sub kegiatan found in SIPD-RI; total Rp 2.068.702.355, SIPD-RI Rp 2.043.702.355 (difference Rp 25.000.000).");
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
