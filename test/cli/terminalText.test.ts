/** Cell text reaches the terminal only with its control characters escaped (ESC, BEL, OSC 52, bidi overrides). */
import * as path from "path";
import ExcelJS from "exceljs";
import { escapeControlCharacters } from "../../src/cli/terminalText";
import { FIXTURE_FILES, GENERATED_DIR } from "../fixtures/build-fixtures";
import { runCli, tempDir } from "./cliHarness";

// As Excel stores them: XML cannot hold C0 controls, so SpreadsheetML writes ESC as _x001B_ and BEL as _x0007_.
const HOSTILE = "_x001B_[2J_x001B_]0;judul palsu_x0007__x001B_]52;c;ZWNobyBwd25lZA==_x0007_\u009b31m\u202e";
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

describe("escapeControlCharacters", () => {
  it("escapes C0 (but tab and line feed), DEL, C1 and bidi overrides, and nothing else", () => {
    expect(escapeControlCharacters("a\u001b[31mb\u0007\u007f\u009b\u202e\tc\nd")).toBe("a\\u001B[31mb\\u0007\\u007F\\u009B\\u202E\tc\nd");
    expect(escapeControlCharacters("Rp 4.765.000 – Kecamatan Tomoni, 100%")).toBe("Rp 4.765.000 – Kecamatan Tomoni, 100%");
  });
});

describe("renja output with hostile cell text", () => {
  let file: string;
  beforeAll(async () => {
    // The seed's pasted tables with escape sequences appended to the names of rows that findings and the
    // dry-run preview quote.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(GENERATED_DIR, FIXTURE_FILES.seedAsPasted));
    let planted = 0;
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === "string" && ["PROGRAM PEMBERDAYAAN MASYARAKAT", "Administrasi Umum Perangkat Daerah"].includes(cell.value)) {
            cell.value = cell.value + HOSTILE;
            planted++;
          }
        }),
      );
    expect(planted).toBeGreaterThanOrEqual(2);
    file = path.join(tempDir(), "hostile.xlsx");
    await wb.xlsx.writeFile(file);
  });

  it("check prints the text with its escapes visible and no raw control character", async () => {
    const run = await runCli(["check", file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("\\u001B]0;judul palsu\\u0007");
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    expect(run.stderr).not.toMatch(RAW_CONTROL);
  });

  it("check --json stays valid JSON holding the same text", async () => {
    const run = await runCli(["check", file, "--json"]);
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    const report = JSON.parse(run.stdout) as { findings: Array<{ actual?: string; message: { id: string } }> };
    expect(JSON.stringify(report)).toContain("\\u001b]52;c;");
  });

  it("recompute --dry-run prints no raw control character", async () => {
    const run = await runCli(["recompute", file, "-o", path.join(tempDir(), "out.xlsx"), "--dry-run"]);
    expect(run.stdout + run.stderr).not.toMatch(RAW_CONTROL);
    expect(run.stdout + run.stderr).toContain("\\u001B");
  });
});
