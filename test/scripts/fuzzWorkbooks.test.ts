/**
 * A CI-sized run of the fuzz harness (scripts/fuzz-workbooks.ts; the 1,000-case run is recorded in
 * bench/results.md): 12 cases in one child process, every count zero. It fails when any case aborts, answers
 * "kesalahan internal", hangs, or changes a cell outside its plan.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

jest.setTimeout(600_000);

it("12 fuzz cases: no abort, internal error, hang or unplanned change", () => {
  const keep = fs.mkdtempSync(path.join(os.tmpdir(), "renja-fuzz-ci-"));
  const root = path.join(__dirname, "..", "..");
  const run = spawnSync(process.execPath, [require.resolve("ts-node/dist/bin.js"), "--transpile-only", "scripts/fuzz-workbooks.ts", "--cases", "12", "--seed", "5", "--jobs", "1", "--keep", keep], {
    cwd: root,
    encoding: "utf8",
    timeout: 580_000,
  });
  expect(run.stdout).toMatch(/renja fuzz: 12 cases \(seed 5\)/);
  expect(run.stdout).toContain("aborts 0, internal errors 0, hangs 0, verdict disagreements 0, unplanned changes 0");
  expect(run.status).toBe(0);
  fs.rmSync(keep, { recursive: true, force: true });
});
