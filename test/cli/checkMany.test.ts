/**
 * `renja check` over a reviewer's folder (issue 12): every .xlsx found (recursively, Excel's ~$ lock files
 * skipped) checked in one process; --summary prints one row per file, a broken file is a row with its reason,
 * the exit code is the worst of all (2 > 1 > 3 > 0); --json prints JSON Lines; progress goes to stderr on a
 * terminal only.
 */
import * as fs from "fs";
import * as path from "path";
import { worstExitCode, type FileCode } from "../../src/cli/batch";
import type { Finding } from "../../src/domain/findings";
import { FIXTURE_FILES, GENERATED_DIR } from "../fixtures/build-fixtures";
import { runCli, STACK_TRACE, tempDir } from "./cliHarness";

const fixture = (name: keyof typeof FIXTURE_FILES) => path.join(GENERATED_DIR, FIXTURE_FILES[name]);

/** A reviewer's folder: three units' workbooks (one in a subfolder), a broken file, a workbook without a Renja table, a lock file. */
function reviewerFolder(): string {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, "kecamatan"));
  fs.copyFileSync(fixture("seedAsPasted"), path.join(dir, "a-tomoni.xlsx"));
  fs.copyFileSync(fixture("seedIdLocale"), path.join(dir, "kecamatan", "b-tomoni-id.xlsx"));
  fs.copyFileSync(fixture("variantKodeFormulas"), path.join(dir, "c-tomoni-kode.xlsx"));
  fs.copyFileSync(fixture("truncated"), path.join(dir, "d-rusak.xlsx"));
  fs.copyFileSync(fixture("noRenja"), path.join(dir, "e-pegawai.xlsx"));
  fs.writeFileSync(path.join(dir, "~$a-tomoni.xlsx"), "owner file");
  fs.writeFileSync(path.join(dir, "catatan.txt"), "bukan buku kerja");
  return dir;
}

describe("renja check --summary on a folder", () => {
  let dir: string;
  beforeAll(() => {
    dir = reviewerFolder();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("prints one row per workbook, the broken one with its reason, and exits with the worst code", async () => {
    const run = await runCli(["check", dir, "--summary"]);
    expect(run.code).toBe(2);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^Berkas\s+Perangkat daerah\s+Tabel \(prog\/keg\/sub\)\s+Total N\s+Total N\+1\s+Galat\s+Peringatan\s+Status$/);
    const rows = lines.slice(1, -1).map((l) => l.split(/ {2,}/));
    expect(rows.map((r) => r[0])).toEqual(["a-tomoni.xlsx", "c-tomoni-kode.xlsx", "d-rusak.xlsx", "e-pegawai.xlsx", "kecamatan/b-tomoni-id.xlsx"]);
    const row = (name: string) => rows.find((r) => r[0] === name) ?? [];
    const single = JSON.parse((await runCli(["check", path.join(dir, "a-tomoni.xlsx"), "--json"])).stdout) as { findings: Finding[] };
    const count = (severity: string) => String(single.findings.filter((f) => f.severity === severity).length);
    expect(row("a-tomoni.xlsx")).toEqual(["a-tomoni.xlsx", "KANTOR KECAMATAN TOMONI", "2.1 6/16/43, 2.3 6/16/43, 3.3 6/15/36, 7 6/15/35", "4.990.894.675", "5.253.625.474", count("error"), count("warning"), "ada galat"]);
    expect(Number(count("error"))).toBeGreaterThan(20);
    expect(row("kecamatan/b-tomoni-id.xlsx").slice(1, 5)).toEqual(["KANTOR KECAMATAN TOMONI", "3.3 6/15/36, 7 6/15/35", "4.990.894.675", "5.253.625.474"]);
    expect(row("kecamatan/b-tomoni-id.xlsx")[7]).toBe("ada galat");
    expect(row("c-tomoni-kode.xlsx").slice(2, 5)).toEqual(["3.3 6/15/36", "4.962.654.675", "5.253.625.474"]);
    expect(row("d-rusak.xlsx")[1]).toBe("–");
    expect(row("d-rusak.xlsx")[7]).toMatch(/^tidak dapat dibaca: Berkas .*d-rusak\.xlsx rusak atau tidak lengkap/);
    expect(row("e-pegawai.xlsx")).toEqual(["e-pegawai.xlsx", "–", "–", "–", "–", "0", "0", "tidak ada tabel Renja"]);
    expect(lines[lines.length - 1]).toBe("5 berkas: 3 ada galat, 0 tanpa galat, 1 tanpa tabel Renja, 1 tidak dapat dibaca. Kode keluar 2.");
    expect(run.stdout).not.toContain("~$");
    expect(run.stderr).toBe("");
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
  });

  it("without the broken file the worst is 1 (errors beat the workbook without a table); --lang en", async () => {
    const run = await runCli(["check", path.join(dir, "e-pegawai.xlsx"), path.join(dir, "c-tomoni-kode.xlsx"), "--summary", "--lang", "en"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^File\s+Unit\s+Tables/);
    expect(run.stdout).toContain("no Renja table");
    expect(run.stdout).toContain("2 files: 1 with errors, 0 without errors, 1 without a Renja table, 0 could not be read. Exit code 1.");
  });

  it("a workbook without a Renja table alone gives 3 in a batch; a missing file is a row, not the end of the run", async () => {
    expect((await runCli(["check", path.join(dir, "e-pegawai.xlsx"), "--summary"])).code).toBe(3);
    const missing = path.join(dir, "tidak-ada.xlsx");
    const run = await runCli(["check", missing, path.join(dir, "e-pegawai.xlsx"), "--summary"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/tidak-ada\.xlsx .*tidak dapat dibaca: Berkas tidak ditemukan/);
    expect(run.stdout).toMatch(/e-pegawai\.xlsx .*tidak ada tabel Renja/);
  });

  it("--json prints one JSON object per file per line, with stable finding IDs", async () => {
    const run = await runCli(["check", dir, "--json"]);
    expect(run.code).toBe(2);
    const objects = run.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as { file: string; code: number; status: string; unit: string | null; error?: string; findings?: Finding[]; tables?: unknown[] });
    expect(objects.map((o) => [path.basename(o.file), o.code, o.status])).toEqual([
      ["a-tomoni.xlsx", 1, "findings"],
      ["c-tomoni-kode.xlsx", 1, "findings"],
      ["d-rusak.xlsx", 2, "unreadable"],
      ["e-pegawai.xlsx", 3, "no-table"],
      ["b-tomoni-id.xlsx", 1, "findings"],
    ]);
    expect(objects[2].error).toMatch(/rusak atau tidak lengkap/);
    expect(objects[0].unit).toBe("KANTOR KECAMATAN TOMONI");
    expect(objects[0].tables).toHaveLength(4);
    expect(objects[0].findings?.length).toBeGreaterThan(100);
    expect(objects[0].findings?.every((f) => typeof f.id === "string")).toBe(true);
  });

  it("prints each file's report without --summary, and a broken file's reason on stderr", async () => {
    const run = await runCli(["check", path.join(dir, "d-rusak.xlsx"), path.join(dir, "c-tomoni-kode.xlsx"), "--max", "2"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^renja: .*d-rusak\.xlsx: Berkas .* rusak atau tidak lengkap/);
    expect(run.stdout).toContain(`Memeriksa ${path.join(dir, "c-tomoni-kode.xlsx")}`);
    expect(run.stdout).toMatch(/… dan \d+ lainnya/);
  });

  it("shows progress on stderr only when stderr is a terminal", async () => {
    const files = [path.join(dir, "e-pegawai.xlsx"), path.join(dir, "d-rusak.xlsx")];
    const tty = await runCli(["check", ...files, "--summary"], undefined, { stderrIsTTY: true });
    expect(tty.stderr).toContain("[1/2] e-pegawai.xlsx");
    expect(tty.stderr).toContain("[2/2] d-rusak.xlsx");
    expect(tty.stderr.endsWith("\r\x1b[K")).toBe(true);
    const piped = await runCli(["check", ...files, "--summary"], undefined, { stderrIsTTY: false });
    expect(piped.stderr).toBe("");
  });

  it("a folder without workbooks is a row with its reason", async () => {
    const empty = tempDir();
    const run = await runCli(["check", empty, "--summary"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`tidak dapat dibaca: Folder ${empty} tidak berisi berkas .xlsx.`);
    fs.rmSync(empty, { recursive: true, force: true });
  });
});

describe("worstExitCode", () => {
  it.each<[FileCode[], FileCode]>([
    [[], 0],
    [[0, 0], 0],
    [[0, 3], 3],
    [[3, 1, 0], 1],
    [[1, 2, 3], 2],
    [[2, 0], 2],
  ])("%j → %i", (codes, worst) => {
    expect(worstExitCode(codes)).toBe(worst);
  });
});
