/**
 * A real spreadsheet engine reads the generated sheet as intended: LibreOffice recalculates every formula on
 * load (lo-sheets forces it) and gets the cached totals, and the user's text that starts with = + - @ stays
 * text (a formula would show its result or an error instead).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { readCellContents } from "../../src/xlsx/patch";
import { addSheetToXlsx } from "../../src/xlsx/patch/addSheet";
import { workbookBytes } from "./patch/support";
import { fixtureBytes, tabel33Plan } from "./generateSheet";

const LO_SHEETS = process.env.LO_SHEETS ?? path.resolve(__dirname, "../../../shared/tools/lo-sheets");
const hasLibreOffice = spawnSync("sh", ["-c", "command -v soffice"]).status === 0 && fs.existsSync(LO_SHEETS);
if (!hasLibreOffice) console.warn(`SKIPPED: LibreOffice check needs 'soffice' on PATH and ${LO_SHEETS} (apt-get install -y libreoffice-calc-nogui).`);
const describeWithLibreOffice = hasLibreOffice ? describe : describe.skip;
const NAME = "Tabel 3.3 (Renja Cermat)";

const WORKING_SHEET = [
  ["RENCANA KERJA KANTOR KECAMATAN CONTOH KABUPATEN CONTOH TAHUN 2026"],
  [],
  ["No", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Lokasi", "Target", "Pagu Indikatif", "Sumber Dana"],
  [1, "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "=SUM(F4:F5)", "Kecamatan", "100%", 300, "APBD"],
  [null, "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "+62 dokumen", "Kecamatan", "@2 dokumen", 300, "APBD"],
  [null, "Penyusunan Dokumen Perencanaan Perangkat Daerah", "-", "Kecamatan", "-2", 100, "APBD"],
  [null, "Koordinasi dan Penyusunan Dokumen RKA-SKPD", "Jumlah dokumen", "Kecamatan", "2 dokumen", 200, "APBD"],
  [null, "JUMLAH", null, null, null, 300, null],
];

async function workingBook(): Promise<Uint8Array> {
  return workbookBytes((wb: ExcelJS.Workbook) => {
    const ws = wb.addWorksheet("Kerja");
    // Strings, never formulas: ExcelJS writes a string value as a string even when it starts with "=".
    for (const row of WORKING_SHEET) ws.addRow(row);
  });
}

/** Runs lo-sheets csv and returns the generated sheet's rows of raw cell texts. */
function recalculated(bytes: Uint8Array): string[][] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "renja-lo-gen-"));
  try {
    const file = path.join(dir, "generated.xlsx");
    fs.writeFileSync(file, bytes);
    const run = spawnSync(LO_SHEETS, ["csv", file, path.join(dir, "out")], { encoding: "utf8", timeout: 240000 });
    if (run.status !== 0) throw new Error(`lo-sheets failed: ${run.stderr}`);
    const csv = fs.readFileSync(path.join(dir, "out", `generated-${NAME}.csv`), "utf8");
    return csv.split(/\r?\n/).map((line) => splitCsv(line));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function splitCsv(line: string): string[] {
  const cells: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cur += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === "," && !quoted) {
      cells.push(cur);
      cur = "";
    } else cur += ch;
  }
  cells.push(cur);
  return cells;
}

describe("text from the user's cells in the stored package", () => {
  it("is an inline string with the Text format, never a formula, cell by cell", async () => {
    const input = await workingBook();
    const output = addSheetToXlsx(input, await tabel33Plan(input)).bytes;
    const cells = readCellContents(output, ["C8", "C9", "E9", "C10", "E10", "C11"].map((cell) => ({ sheet: NAME, cell })));
    expect(cells).toEqual([
      { value: "=SUM(F4:F5)", numFmt: "@" },
      { value: "+62 dokumen", numFmt: "@" },
      { value: "@2 dokumen", numFmt: "@" },
      { value: "-", numFmt: "@" },
      { value: "-2", numFmt: "@" },
      { value: "Jumlah dokumen", numFmt: "General" },
    ]);
  });
});

describeWithLibreOffice("LibreOffice recalculating the generated sheet", () => {
  it("keeps the user's = + - @ text as text", async () => {
    const input = await workingBook();
    const rows = recalculated(addSheetToXlsx(input, await tabel33Plan(input)).bytes);
    expect(rows[7][2]).toBe("=SUM(F4:F5)");
    expect(rows[8][2]).toBe("+62 dokumen");
    expect(rows[8][4]).toBe("@2 dokumen");
    expect(rows[9][2]).toBe("-");
    expect(rows[9][4]).toBe("-2");
    expect(rows[11][5]).toBe("300");
  }, 240000);

  it("computes the same parents and totals as the cached results (seed, N and N+1)", async () => {
    const input = fixtureBytes("seedIdLocale");
    const output = addSheetToXlsx(input, await tabel33Plan(input)).bytes;
    const rows = recalculated(output);
    const cached = readCellContents(output, ["F8", "J8", "F9", "F65", "J65"].map((cell) => ({ sheet: NAME, cell }))).map((c) => String(c.value));
    expect([rows[7][5], rows[7][9], rows[8][5], rows[64][5], rows[64][9]]).toEqual(cached);
    expect([rows[64][5], rows[64][9]]).toEqual(["4990624675", "4828024554"]);
  }, 240000);
});
