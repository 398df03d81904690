import { strFromU8 } from "fflate";
import { applyPlanToXlsx, readCellContents } from "../../../src/xlsx/patch";
import { readZip } from "../../../src/xlsx/patch/zip";
import { FIXTURE_SHEET as S, richWorkbook } from "./fixture";
import { currentOf, entries, loadWorkbook, plan, planned } from "./support";

const SHEET_PART = "xl/worksheets/sheet1.xml";
const CALC_CHAIN_REL = '<Relationship Id="rIdCalc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/>';
const CALC_CHAIN_TYPE = '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>';

function rawEntries(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(readZip(bytes).entries.map((e) => [e.name, e.local]));
}

describe("a patch leaves every other part of the package byte-identical", () => {
  let input: Uint8Array;
  beforeAll(async () => {
    input = await richWorkbook();
  });

  function patched(withNewFormat: boolean): Uint8Array {
    const cur = (cell: string) => currentOf(input, S, cell);
    return applyPlanToXlsx(
      input,
      plan([
        planned(S, "C2", cur("C2"), { value: 5000, formula: "SUM(C3:C4)" }),
        planned(S, "D2", cur("D2"), { value: 4765, formula: "SUM(D3:D4)", numFmt: withNewFormat ? "#,##0.00;(#,##0.00)" : undefined }),
        planned(S, "B9", { value: null }, { value: "Jumlah" }),
      ]),
    ).bytes;
  }

  it("changes only the sheet, workbook.xml (fullCalcOnLoad) and drops the calc chain and its two references", () => {
    const output = patched(false);
    const before = entries(input);
    const after = entries(output);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).filter((n) => n !== "xl/calcChain.xml").sort());
    const changed = Object.keys(after).filter((n) => Buffer.compare(Buffer.from(after[n]), Buffer.from(before[n])) !== 0);
    expect(changed.sort()).toEqual(["[Content_Types].xml", SHEET_PART, "xl/_rels/workbook.xml.rels", "xl/workbook.xml"].sort());

    expect(strFromU8(after["xl/_rels/workbook.xml.rels"])).toBe(strFromU8(before["xl/_rels/workbook.xml.rels"]).replace(CALC_CHAIN_REL, ""));
    expect(strFromU8(after["[Content_Types].xml"])).toBe(strFromU8(before["[Content_Types].xml"]).replace(CALC_CHAIN_TYPE, ""));
    expect(strFromU8(after["xl/workbook.xml"])).toBe(strFromU8(before["xl/workbook.xml"]).replace('<calcPr calcId="171027"/>', '<calcPr calcId="171027" fullCalcOnLoad="1"/>'));
  });

  it("copies the stored (compressed) bytes of every untouched entry", () => {
    const output = patched(true);
    const before = rawEntries(input);
    const after = rawEntries(output);
    const touched = new Set(["[Content_Types].xml", SHEET_PART, "xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/styles.xml"]);
    const untouched = [...after.keys()].filter((n) => !touched.has(n));
    expect(untouched).toEqual(expect.arrayContaining(["xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/media/image1.png", "xl/comments1.xml", "xl/drawings/vmlDrawing1.vml", "xl/sharedStrings.xml", "xl/worksheets/sheet2.xml"]));
    for (const name of untouched) expect([name, Buffer.from(after.get(name) ?? [])]).toEqual([name, Buffer.from(before.get(name) ?? [])]);
  });

  it("returns the input bytes unchanged for an empty plan", () => {
    const { bytes, undo } = applyPlanToXlsx(input, plan([]));
    expect(Buffer.from(bytes)).toEqual(Buffer.from(input));
    expect(undo.cells).toEqual([]);
  });

  it("touches styles.xml only when a number format is added", () => {
    const withFormat = entries(patched(true))["xl/styles.xml"];
    expect(strFromU8(withFormat)).toContain('formatCode="#,##0.00;(#,##0.00)"');
    expect(Buffer.from(entries(patched(false))["xl/styles.xml"])).toEqual(Buffer.from(entries(input)["xl/styles.xml"]));
  });

  it("changes inside the sheet part only the planned cells (and the dimension)", () => {
    const strip = (xml: string) =>
      xml
        .replace(/<c r="(C2|D2|B9)"[^>]*?(\/>|>.*?<\/c>)/g, "")
        .replace(/<row r="9"[^>]*>.*?<\/row>/, "")
        .replace(/<dimension ref="[^"]*"\/>/, "");
    const before = strFromU8(entries(input)[SHEET_PART]);
    const after = strFromU8(entries(patched(false))[SHEET_PART]);
    expect(strip(after)).toBe(strip(before));
  });

  it("keeps comments, data validation, defined names and the picture readable by ExcelJS, with the new cells", async () => {
    const output = patched(true);
    const wb = await loadWorkbook(output);
    const ws = wb.getWorksheet(S);
    expect(ws?.getCell("B3").note).toBe("Dicek oleh Bappeda");
    expect(ws?.getCell("A3").dataValidation?.type).toBe("list");
    expect(ws?.getImages()).toHaveLength(1);
    expect(wb.definedNames.getRanges("PaguKegiatan").ranges).toEqual([`'${S}'!$C$3:$C$4`]);
    expect(ws?.getCell("D2").formula).toBe("SUM(D3:D4)");
    expect(readCellContents(output, [{ sheet: S, cell: "D2" }])[0]).toEqual({ value: 4765, formula: "SUM(D3:D4)", numFmt: "#,##0.00;(#,##0.00)" });
  });
});
