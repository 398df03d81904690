/**
 * Real number formats do not make the write commands refuse: Excel's Comma Style as an Indonesian-locale Excel
 * saves it and a quoted Rupiah format with an escaped minus. The snapshot and the guard read formats through the
 * one package reader, so `before.numFmt` matches what the guard finds; the totals written are the sums.
 */
import type ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { seedIdLocaleWorkbook } from "../fixtures/build-fixtures";
import { readCellContents } from "../../src/xlsx/patch";
import { runCli, tempDir, writeTemp } from "./cliHarness";

const COMMA_STYLE_ID = '_-* #,##0_-;\\-* #,##0_-;_-* "-"_-;_-@_-';
const RUPIAH = '"Rp"#,##0;[Red]\\-"Rp"#,##0';

async function formatted(): Promise<Uint8Array> {
  const wb = seedIdLocaleWorkbook();
  for (const [sheet, format] of [["Tabel 3.3", COMMA_STYLE_ID], ["Tabel 7", RUPIAH]] as const) {
    const ws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "number" || (typeof cell.value === "object" && cell.value !== null && "formula" in cell.value)) cell.numFmt = format;
      }),
    );
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

interface CheckJson {
  findings: { rule: string; sheet: string; severity: string; cell: string }[];
}

describe("fix-numbers and recompute on Comma Style and Rupiah formats", () => {
  it("both write, the formats stay, and the recomputed totals are the sums of their sub kegiatan", async () => {
    const dir = tempDir();
    const input = writeTemp(dir, "formatted.xlsx", await formatted());
    const [stored] = readCellContents(fs.readFileSync(input), [{ sheet: "Tabel 3.3", cell: "J71" }]);
    expect(stored.numFmt).toBe(COMMA_STYLE_ID);

    const fixedPath = path.join(dir, "fixed.xlsx");
    const fixed = await runCli(["fix-numbers", input, "-o", fixedPath]);
    expect(fixed.stderr).toBe("");
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toMatch(/^[1-9]\d* sel diubah; ditulis ke /);

    const totalsPath = path.join(dir, "totals.xlsx");
    const recomputed = await runCli(["recompute", fixedPath, "-o", totalsPath, "--accept", "all"]);
    expect(recomputed.stderr).toBe("");
    expect(recomputed.code).toBe(0);
    expect(recomputed.stdout).toMatch(/^[1-9]\d* sel diubah; ditulis ke /);

    const check = await runCli(["check", totalsPath, "--json"]);
    const report = JSON.parse(check.stdout) as CheckJson;
    const sums = report.findings.filter((f) => (f.rule === "rollup-mismatch" || f.rule === "total-mismatch") && f.severity === "error");
    expect(sums).toEqual([]);
    const [j71, t7] = readCellContents(fs.readFileSync(totalsPath), [
      { sheet: "Tabel 3.3", cell: "J71" },
      { sheet: "Tabel 7", cell: "F9" },
    ]);
    expect(j71.numFmt).toBe(COMMA_STYLE_ID);
    expect(j71.formula).toMatch(/^SUM\(/i);
    expect(t7.numFmt).toBe(RUPIAH);
  });
});
