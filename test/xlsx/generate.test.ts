/**
 * A generated sheet added to the original package: every existing part byte-identical except workbook.xml,
 * its relationships, [Content_Types].xml and styles.xml; the new part holds the cells, merges and print setup;
 * the sheet is recognised as generated and rewritten only when asked; the source and user sheets are never
 * overwritten; packages that cannot be extended go to a separate workbook.
 */
import { strFromU8, unzipSync } from "fflate";
import { planFingerprint } from "../../src/domain/generatedMarker";
import { HostError } from "../../src/domain/host";
import type { SheetPlan } from "../../src/domain/plan";
import { openXlsxHost } from "../../src/xlsx";
import { readCellContents } from "../../src/xlsx/patch";
import { addSheetToXlsx, GENERATED_MARKER, generatedSheets } from "../../src/xlsx/patch/addSheet";
import { sheetPlanToNewWorkbook } from "../../src/xlsx/patch/separateWorkbook";
import { CannotExtendError } from "../../src/xlsx/patch/sheetStyles";
import { readZip } from "../../src/xlsx/patch/zip";
import { richWorkbook } from "./patch/fixture";
import { editPackage, loadWorkbook } from "./patch/support";
import { fixtureBytes, mapBytes, tabel33Plan } from "./generateSheet";

const NAME = "Tabel 3.3 (Renja Cermat)";
const EDITED = ["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml"];

function stored(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(readZip(bytes).entries.map((e) => [e.name, e.local]));
}

function text(bytes: Uint8Array, name: string): string {
  const entry = unzipSync(bytes)[name];
  if (!entry) throw new Error(`no part ${name}`);
  return strFromU8(entry);
}

describe("adding a generated Tabel 3.3 to the seed workbook", () => {
  let input: Uint8Array;
  let output: Uint8Array;
  let plan: SheetPlan;
  beforeAll(async () => {
    input = fixtureBytes("seedIdLocale");
    plan = await tabel33Plan(input);
    output = addSheetToXlsx(input, plan).bytes;
  });

  it("keeps every existing part's stored bytes except the four it must extend, and adds one worksheet part", () => {
    const before = stored(input);
    const after = stored(output);
    const added = [...after.keys()].filter((n) => !before.has(n));
    expect(added).toEqual(["xl/worksheets/sheet3.xml"]);
    const changed = [...before.keys()].filter((n) => Buffer.compare(Buffer.from(before.get(n) ?? []), Buffer.from(after.get(n) ?? [])) !== 0);
    expect(changed.sort()).toEqual(EDITED);
  });

  it("registers the sheet, its print titles and the generated-sheet marker", () => {
    const wb = text(output, "xl/workbook.xml");
    const index = (wb.match(/<sheet\s/g) ?? []).length - 1;
    expect(wb).toMatch(new RegExp(`<sheet name="${NAME.replace(/[()]/g, "\\$&")}" sheetId="\\d+" r:id="rId\\d+"/></sheets>`));
    expect(wb).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">'${NAME}'!$5:$7</definedName>`);
    // The marker holds the new sheet's own sheetId and the fingerprint of the cells written (a copy has neither).
    const sheetId = new RegExp(`<sheet name="${NAME.replace(/[()]/g, "\\$&")}" sheetId="(\\d+)"`).exec(wb)?.[1];
    expect(wb).toContain(`<definedName name="${GENERATED_MARKER}" localSheetId="${index}" hidden="1">"tabel-3.3;id=${sheetId};fp=${planFingerprint(plan)}"</definedName>`);
    expect(wb).toContain('fullCalcOnLoad="1"');
    expect(text(output, "[Content_Types].xml")).toMatch(/<Override PartName="\/xl\/worksheets\/sheet\d+\.xml" ContentType="application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.worksheet\+xml"\/>/);
    expect(generatedSheets(output)).toEqual(new Map([[NAME, "tabel-3.3"]]));
    expect(generatedSheets(input)).toEqual(new Map());
  });

  it("writes print setup: landscape, paper 14, fit to one page wide, footer page numbers, margins, merges, widths", () => {
    const part = [...stored(output).keys()].find((n) => !stored(input).has(n)) ?? "";
    const xml = text(output, part);
    expect(xml).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(xml).toContain('<pageSetup paperSize="14" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(xml).toContain('<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>');
    expect(xml).toContain("<headerFooter><oddFooter>&amp;CHalaman &amp;P / &amp;N</oddFooter></headerFooter>");
    expect(xml).toContain('<printOptions horizontalCentered="1"/>');
    for (const ref of ["A1:J1", "D5:G5", "I5:J5", "A5:A6", "H5:H6", "A65:B65"]) expect(xml).toContain(`<mergeCell ref="${ref}"/>`);
    expect(xml).toContain('<col min="2" max="2" width="46" customWidth="1"/>');
    expect(xml).toContain('<pane ySplit="7" topLeftCell="A8" activePane="bottomLeft" state="frozen"/>');
  });

  it("stores formulas with cached results, padded #,##0 amounts and text, cell by cell", () => {
    const [title, kode, kegiatan, leaf, total, totalN1] = readCellContents(output, [
      { sheet: NAME, cell: "A2" },
      { sheet: NAME, cell: "A9" },
      { sheet: NAME, cell: "F9" },
      { sheet: NAME, cell: "F10" },
      { sheet: NAME, cell: "F65" },
      { sheet: NAME, cell: "J65" },
    ]);
    expect(title).toMatchObject({ value: "RUMUSAN RENCANA PROGRAM DAN KEGIATAN KANTOR KECAMATAN TOMONI TAHUN 2025 DAN PRAKIRAAN MAJU TAHUN 2026" });
    expect(kode).toMatchObject({ value: "7.01.01.2.01" });
    expect(kegiatan).toEqual({ value: 22903650, formula: "SUM(F10:F13)", numFmt: "#,##0_);-#,##0_)" });
    expect(leaf).toEqual({ value: 11896000, numFmt: "#,##0_);-#,##0_)" });
    expect(total).toEqual({ value: 4990624675, formula: "SUM(F8,F42,F45,F52,F58,F61)", numFmt: "#,##0_);-#,##0_)" });
    expect(totalN1).toEqual({ value: 4828024554, formula: "SUM(J8,J42,J45,J52,J58,J61)", numFmt: "#,##0_);-#,##0_)" });
  });

  it("reads back through the .xlsx host with bold programs and indented sub kegiatan, mapped as tabel-3.3", async () => {
    const host = await openXlsxHost(output, "out.xlsx");
    const sheet = (await host.listSheets()).find((s) => s.name === NAME);
    expect(sheet).toBeDefined();
    if (!sheet) return;
    const snap = await host.readSnapshot(sheet, { styles: true });
    expect(snap.rows.get(8)?.get(2)?.bold).toBe(true);
    expect(snap.rows.get(10)?.get(2)?.indent).toBe(1);
    const mapped = (await mapBytes(output)).tables.find((t) => t.sheet === NAME);
    expect(mapped?.kind).toBe("tabel-3.3");
  });

  it("refuses the same name again unless replacing its own generated sheet; never a user's sheet or the source", async () => {
    const again = await tabel33Plan(output, { sheetName: NAME, replace: false, existingSheets: [] });
    expect(() => addSheetToXlsx(output, { ...again, sheetName: NAME })).toThrow(HostError);
    expect(() => addSheetToXlsx(output, { ...again, sheetName: "Tabel 7", replaceGenerated: true })).toThrow(/not generated by Renja Cermat/);
    expect(() => addSheetToXlsx(output, { ...again, sheetName: "Tabel 3.3", replaceGenerated: true })).toThrow(/never overwritten/);
  });

  it("rewrites its own sheet in place when confirmed: same sheets, same part, other parts untouched", async () => {
    const plan = await tabel33Plan(output, { sheetName: NAME, replace: true, paper: "a4", generatedSheets: [NAME] });
    const result = addSheetToXlsx(output, plan);
    expect(result).toMatchObject({ sheetName: NAME, replaced: true });
    const before = stored(output);
    const after = stored(result.bytes);
    expect([...after.keys()].sort()).toEqual([...before.keys()].filter((n) => n !== "xl/calcChain.xml").sort());
    const part = [...before.keys()].find((n) => !stored(input).has(n)) ?? "";
    const changed = [...after.keys()].filter((n) => Buffer.compare(Buffer.from(before.get(n) ?? []), Buffer.from(after.get(n) ?? [])) !== 0);
    // workbook.xml comes out identical: the sheet's print titles and marker are replaced by equal ones.
    expect(changed.sort()).toEqual(["xl/styles.xml", part].sort());
    expect(text(result.bytes, part)).toContain('paperSize="9"');
    const wb = text(result.bytes, "xl/workbook.xml");
    expect(wb.match(/_xlnm\.Print_Titles/g)).toHaveLength(1);
    expect(wb.match(new RegExp(GENERATED_MARKER, "g"))).toHaveLength(1);
  });
});

describe("adding a generated sheet keeps what ExcelJS would lose", () => {
  it("leaves the chart, drawing, picture, comments, defined names and calc chain byte-identical", async () => {
    const input = await richWorkbook();
    const plan = await tabel33Plan(fixtureBytes("seedIdLocale"));
    const output = addSheetToXlsx(input, { ...plan, sourceSheet: "Tabel 3.3" }).bytes;
    const before = stored(input);
    const after = stored(output);
    for (const [name, bytes] of before) {
      if (EDITED.includes(name)) continue;
      expect([name, Buffer.compare(Buffer.from(bytes), Buffer.from(after.get(name) ?? []))]).toEqual([name, 0]);
    }
    expect(after.has("xl/calcChain.xml")).toBe(true);
    expect(text(output, "xl/workbook.xml")).toContain("PaguKegiatan");
    const wb = await loadWorkbook(output);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Tabel 3.3", "Tabel 7", NAME]);
  });
});

describe("a package that cannot be extended", () => {
  it("is reported (CannotExtendError) and the table goes to a separate workbook written by ExcelJS", async () => {
    const input = fixtureBytes("seedIdLocale");
    const plan = await tabel33Plan(input);
    const noStyles = editPackage(input, (files) => {
      delete files["xl/styles.xml"];
      files["xl/_rels/workbook.xml.rels"] = new TextEncoder().encode(strFromU8(files["xl/_rels/workbook.xml.rels"]).replace(/<Relationship [^>]*styles[^>]*\/>/, ""));
    });
    expect(() => addSheetToXlsx(noStyles, plan)).toThrow(CannotExtendError);

    const separate = await sheetPlanToNewWorkbook(plan);
    const wb = await loadWorkbook(separate);
    const ws = wb.getWorksheet(NAME);
    expect(ws?.getCell("F9").value).toEqual({ formula: "SUM(F10:F13)", result: 22903650 });
    expect(ws?.getCell("F9").numFmt).toBe("#,##0_);-#,##0_)");
    expect(ws?.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 14, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "5:7" });
    expect(ws?.getCell("B8").font?.bold).toBe(true);
    expect(readCellContents(separate, [{ sheet: NAME, cell: "A2" }])[0].value).toMatch(/PRAKIRAAN MAJU TAHUN 2026$/);
  });
});

describe("the writable .xlsx host (standalone page)", () => {
  it("adds the generated sheet, reads it back, and knows it generated it", async () => {
    const { openWritableXlsxHost } = await import("../../src/xlsx");
    const input = fixtureBytes("seedIdLocale");
    const host = await openWritableXlsxHost(input, "seed.xlsx");
    const plan = await tabel33Plan(input);
    const result = await host.applySheetPlan(plan);
    expect(result).toMatchObject({ sheetName: NAME, replaced: false, notices: plan.notices });
    expect((await host.listSheets()).map((s) => s.name)).toContain(NAME);
    expect(host.generatedSheets()).toEqual(new Map([[NAME, "tabel-3.3"]]));
    await expect(host.applySheetPlan(plan)).rejects.toThrow(HostError);
    const again = await host.applySheetPlan({ ...plan, replaceGenerated: true });
    expect(again.replaced).toBe(true);
    expect(readCellContents(host.bytes(), [{ sheet: NAME, cell: "F65" }])[0].value).toBe(4990624675);
  });
});
