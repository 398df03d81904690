import { strToU8, zipSync } from "fflate";
import { applyPlanToXlsx, readCellContents } from "../../../src/xlsx/patch";
import { shiftFormula } from "../../../src/xlsx/patch/formulaShift";
import { currentOf, editPackage, editText, entryText, loadWorkbook, plan, planned, workbookBytes } from "./support";

const S = "Data";

describe("shared formulas", () => {
  async function withSharedFormula(): Promise<Uint8Array> {
    return workbookBytes((wb) => {
      const ws = wb.addWorksheet(S);
      [1, 2, 3].forEach((n) => (ws.getCell(`A${n}`).value = n));
      ws.fillFormula("B1:B3", "A1*2", [2, 4, 6]);
    });
  }

  it("reads a cell of a shared formula group with its own (moved) formula", async () => {
    const input = await withSharedFormula();
    expect(entryText(input, "xl/worksheets/sheet1.xml")).toContain('t="shared"');
    expect(readCellContents(input, [{ sheet: S, cell: "B3" }])[0]).toEqual({ value: 6, formula: "A3*2", numFmt: "General" });
  });

  it("overwriting the group's first cell keeps the formulas of the other cells", async () => {
    const input = await withSharedFormula();
    const { bytes } = applyPlanToXlsx(input, plan([planned(S, "B1", currentOf(input, S, "B1"), { value: 10 })]));
    expect(readCellContents(bytes, ["B1", "B2", "B3"].map((cell) => ({ sheet: S, cell })))).toEqual([
      { value: 10, numFmt: "General" },
      { value: 4, formula: "A2*2", numFmt: "General" },
      { value: 6, formula: "A3*2", numFmt: "General" },
    ]);
    const ws = (await loadWorkbook(bytes)).getWorksheet(S);
    expect(ws?.getCell("B3").formula).toBe("A3*2");
  });

  it("moves relative references only, leaving strings, sheet names and function names alone", () => {
    expect(shiftFormula(`SUM($A1:B$2)+'Tabel 3.3'!C3+Data!D4&"A1"+LOG10(E5)+SUM(F:F)+SUM(7:7)`, 1, 1)).toBe(
      `SUM($A2:C$2)+'Tabel 3.3'!D4+Data!E5&"A1"+LOG10(F6)+SUM(G:G)+SUM(8:8)`,
    );
    expect(shiftFormula("A1", -1, 0)).toBe("#REF!");
  });
});

describe("cells and rows written without addresses", () => {
  it("counts them as Excel does and writes explicit addresses before inserting", async () => {
    const base = await workbookBytes((wb) => {
      const ws = wb.addWorksheet(S);
      ws.addRow([1, 2, 3]);
      ws.addRow([4, null, 6]);
      ws.addRow([7, 8, 9]);
    });
    const input = editPackage(base, (files) =>
      editText(files, "xl/worksheets/sheet1.xml", (x) => x.replace(/<c r="[A-Z]+1"/g, "<c").replace('<row r="3"', "<row")),
    );
    expect(readCellContents(input, [{ sheet: S, cell: "C1" }, { sheet: S, cell: "B3" }]).map((c) => c.value)).toEqual([3, 8]);
    const { bytes } = applyPlanToXlsx(input, plan([planned(S, "D1", { value: null }, { value: 10 }), planned(S, "B2", { value: null }, { value: 5 })]));
    const refs = ["A1", "B1", "C1", "D1", "A2", "B2", "C2", "A3", "B3", "C3"].map((cell) => ({ sheet: S, cell }));
    expect(readCellContents(bytes, refs).map((c) => c.value)).toEqual([1, 2, 3, 10, 4, 5, 6, 7, 8, 9]);
    expect(entryText(bytes, "xl/worksheets/sheet1.xml")).not.toMatch(/<c(?![^>]*\sr=)[\s>]/);
  });
});

describe("text", () => {
  it("keeps markup characters, line breaks and outer spaces exactly", async () => {
    const input = await workbookBytes((wb) => void wb.addWorksheet(S));
    const text = "  A & B <C> \"kutip\" baris\nkedua ";
    const { bytes } = applyPlanToXlsx(input, plan([planned(S, "A1", { value: null }, { value: text })]));
    expect(readCellContents(bytes, [{ sheet: S, cell: "A1" }])[0].value).toBe(text);
    expect((await loadWorkbook(bytes)).getWorksheet(S)?.getCell("A1").value).toBe(text);
  });

  it("escapes a typed _xHHHH_ look-alike as the format requires (ExcelJS does not decode inline strings)", async () => {
    const input = await workbookBytes((wb) => void wb.addWorksheet(S));
    const text = "kode _x000D_ dan tab\t";
    const { bytes } = applyPlanToXlsx(input, plan([planned(S, "A1", { value: null }, { value: text })]));
    expect(entryText(bytes, "xl/worksheets/sheet1.xml")).toContain("_x005F_x000D_");
    expect(readCellContents(bytes, [{ sheet: S, cell: "A1" }])[0].value).toBe(text);
  });
});

describe("a package whose parts use a namespace prefix", () => {
  const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const input = zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/></Relationships>',
    ),
    "xl/workbook.xml": strToU8(
      `<?xml version="1.0"?><x:workbook xmlns:x="${NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="Data &amp; Angka" sheetId="1" r:id="rId1"/></x:sheets><x:extLst/></x:workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    ),
    "xl/styles.xml": strToU8(
      `<?xml version="1.0"?><x:styleSheet xmlns:x="${NS}"><x:fonts count="1"><x:font/></x:fonts><x:cellXfs count="1"><x:xf numFmtId="0" fontId="0"/></x:cellXfs></x:styleSheet>`,
    ),
    "xl/worksheets/sheet1.xml": strToU8(
      `<?xml version="1.0"?><x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
    ),
  });
  const sheet = "Data & Angka";

  it("writes new elements with the same prefix", () => {
    const { bytes } = applyPlanToXlsx(
      input,
      plan([
        planned(sheet, "A1", { value: 1 }, { value: 2, formula: "1+1", numFmt: "0.000" }),
        planned(sheet, "B3", { value: null }, { value: "baru" }),
      ]),
    );
    expect(readCellContents(bytes, [{ sheet, cell: "A1" }, { sheet, cell: "B3" }])).toEqual([
      { value: 2, formula: "1+1", numFmt: "0.000" },
      { value: "baru", numFmt: "General" },
    ]);
    const sheetXml = entryText(bytes, "xl/worksheets/sheet1.xml");
    expect(sheetXml).toContain('<x:row r="3"><x:c r="B3" t="inlineStr"><x:is><x:t>baru</x:t></x:is></x:c></x:row>');
    expect(entryText(bytes, "xl/styles.xml")).toContain('<x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="0.000"/></x:numFmts>');
    expect(entryText(bytes, "xl/workbook.xml")).toContain('<x:calcPr fullCalcOnLoad="1"/><x:extLst/>');
  });
});
