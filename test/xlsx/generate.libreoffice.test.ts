/**
 * A real spreadsheet engine reads the generated sheet as intended: LibreOffice recalculates every formula on
 * load (lo-sheets forces it) and gets the cached totals, and the user's text that starts with = + - @ stays
 * text (a formula would show its result or an error instead).
 */
import ExcelJS from "exceljs";
import { libreOfficeMissing, recalculatedBytes } from "../../scripts/libreOffice";
import { readCellContents } from "../../src/xlsx/patch";
import { addSheetToXlsx } from "../../src/xlsx/patch/addSheet";
import { workbookBytes } from "./patch/support";
import { fixtureBytes, tabel33Plan } from "./generateSheet";

const missing = libreOfficeMissing();
if (missing) console.warn(`SKIPPED: LibreOffice check: ${missing}.`);
const hasLibreOffice = missing === undefined;
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

/** The generated sheet's rows of raw cell texts, recalculated by LibreOffice. */
function recalculated(bytes: Uint8Array): string[][] {
  return recalculatedBytes(bytes, [NAME]).get(NAME) ?? [];
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
