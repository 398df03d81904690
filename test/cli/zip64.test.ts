/**
 * A valid ZIP64 workbook (more than 65,535 entries: Python's zipfile, 7-Zip and Excel write the ZIP64 end record
 * then) is read like any other, and a write keeps it a valid ZIP64 archive. The input is built by Python's
 * zipfile and the output checked by it: a reader and a writer that are not ours.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { runCli, tempDir } from "./cliHarness";

const SAMPLE = path.join(__dirname, "..", "..", "seeds", "sample-renja-tomoni-2025.xlsx");
const python = spawnSync("python3", ["-c", "import zipfile"]).status === 0;
if (!python) console.warn("zip64.test: python3 is not available; the ZIP64 workbook cannot be built, test skipped");

function python3(script: string, ...args: string[]): string {
  const r = spawnSync("python3", ["-c", script, ...args], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

(python ? describe : describe.skip)("a ZIP64 workbook with 70,000 entries", () => {
  it("check reads it like the plain workbook, fix-numbers writes a valid ZIP64 copy", async () => {
    const dir = tempDir();
    const input = path.join(dir, "zip64.xlsx");
    python3(
      "import sys, zipfile\nsrc = zipfile.ZipFile(sys.argv[1])\nwith zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED) as z:\n" +
        "    for i in src.infolist(): z.writestr(i.filename, src.read(i.filename))\n    for k in range(70000): z.writestr('customXml/pad%d.xml' % k, '<a/>')",
      SAMPLE,
      input,
    );
    const plain = await runCli(["check", SAMPLE, "--json"]);
    const wide = await runCli(["check", input, "--json"]);
    expect(wide.code).toBe(plain.code);
    expect(wide.stderr).toBe("");
    expect(JSON.parse(wide.stdout).findings).toEqual(JSON.parse(plain.stdout).findings);

    const output = path.join(dir, "out.xlsx");
    const fixed = await runCli(["fix-numbers", input, "-o", output]);
    expect(fixed.code).toBe(0);
    // Python reads every entry of the copy and verifies each CRC-32.
    expect(python3("import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nprint(len(z.infolist()), z.testzip())", output)).toBe(`${70000 + countEntries(SAMPLE)} None`);
    const after = await runCli(["check", output, "--json"]);
    const rules = (out: string) => (JSON.parse(out).findings as { rule: string }[]).filter((f) => f.rule === "malformed-number").length;
    expect(rules(after.stdout)).toBe(0);
    expect(rules(wide.stdout)).toBeGreaterThan(0);
    expect(fs.readFileSync(input).length).toBeGreaterThan(0);
  }, 120_000);
});

function countEntries(file: string): number {
  return Number(python3("import sys, zipfile\nprint(len(zipfile.ZipFile(sys.argv[1]).infolist()))", file));
}
