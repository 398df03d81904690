/**
 * The fast reader (openXlsxHost, straight from the package XML) against the ExcelJS-based reference reader:
 * every generated fixture that opens gives the same snapshots, cell by cell, with and without style cues.
 */
import fs from "fs";
import path from "path";
import { HostError } from "../../src/domain/host";
import { openXlsxHost } from "../../src/xlsx";
import { openExcelJsXlsxHost } from "./oracle/excelJsHost";
import { expectSameAsReference } from "./referenceReader";
import { zipBytes } from "./workbooks";

const GENERATED = path.join(__dirname, "..", "fixtures", "generated");

const OPENING = [
  "seed-as-pasted.xlsx",
  "seed-id-locale.xlsx",
  "variant-kode-formulas.xlsx",
  "seed-evaluation.xlsx",
  "many-sheets.xlsx",
  "huge-cell.xlsx",
  "errors.xlsx",
  "merged-data.xlsx",
  "stray-cell.xlsx",
  "empty-workbook.xlsx",
  "no-renja.xlsx",
];

describe("fast .xlsx reader against the ExcelJS reference", () => {
  it.each(OPENING)("%s: identical snapshots", async (file) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(GENERATED, file)));
    const compared = await expectSameAsReference(bytes, file);
    expect(compared).toBeGreaterThan(file === "empty-workbook.xlsx" ? -1 : 0);
  });

  it("reads a package written the way Excel and LibreOffice write it (shared formulas, escaped formats, inline text)", async () => {
    const bytes = handWrittenPackage();
    await expectSameAsReference(bytes, "excel-style.xlsx");
    const host = await openXlsxHost(bytes, "excel-style.xlsx");
    const [data, hidden] = await host.readAllSnapshots({ styles: true });
    // The reference could share a bug with the fast reader; these cells pin what the file means.
    expect(data.rows.get(2)?.get(3)).toEqual({ value: 3, formula: "A2+B2", numFmt: "#,##0;\\-#,##0;\\-" });
    expect(data.rows.get(3)?.get(3)).toEqual({ value: 7, formula: "A3+B3", numFmt: "#,##0;\\-#,##0;\\-" });
    expect(data.rows.get(4)?.get(1)).toEqual({ value: "Belanja Modal", bold: true, indent: 2 });
    expect(data.rows.get(4)?.get(2)).toEqual({ value: null, error: "#DIV/0!" });
    expect(data.rows.get(4)?.get(3)).toEqual({ value: true });
    expect(data.rows.get(4)?.get(4)).toEqual({ value: "A & B", formula: 'A4&" "&B4' });
    expect(data.rows.get(5)?.get(2)).toBeUndefined();
    expect(data.merges).toEqual([{ top: 5, left: 1, bottom: 5, right: 2 }]);
    expect([...(data.hiddenRows ?? [])]).toEqual([3]);
    expect([data.protected, data.visible, hidden.visible]).toEqual([true, true, false]);
  });

  it("every generated workbook either opens in both readers or fails in both with the same code", async () => {
    for (const file of fs.readdirSync(GENERATED).filter((f) => !OPENING.includes(f))) {
      const bytes = new Uint8Array(fs.readFileSync(path.join(GENERATED, file)));
      const codes = await Promise.all(
        [openXlsxHost, openExcelJsXlsxHost].map((open) =>
          open(bytes, file).then(
            () => "opened",
            (e: unknown) => (e instanceof HostError ? e.code : String(e)),
          ),
        ),
      );
      expect({ file, fast: codes[0] }).toEqual({ file, fast: codes[1] });
    }
  });
});

function handWrittenPackage(): Uint8Array {
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  return zipBytes({
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    "_rels/.rels":
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      rel("rId1", "officeDocument", "xl/workbook.xml") +
      "</Relationships>",
    "xl/workbook.xml":
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><sheets>' +
      '<sheet name="Tabel 3.3" sheetId="1" r:id="rId1"/><sheet name="Tabel 7" sheetId="2" state="hidden" r:id="rId2"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels":
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      rel("rId1", "worksheet", "worksheets/sheet1.xml") +
      rel("rId2", "worksheet", "worksheets/sheet2.xml") +
      rel("rId3", "styles", "styles.xml") +
      rel("rId4", "sharedStrings", "sharedStrings.xml") +
      "</Relationships>",
    "xl/styles.xml":
      '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0;\\-#,##0;\\-"/></numFmts>' +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
      '<fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
      '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
      '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment indent="2"/></xf></cellXfs></styleSheet>',
    "xl/sharedStrings.xml":
      '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">' +
      '<si><t>Kode</t></si><si><r><rPr><b/></rPr><t>Belanja </t></r><r><t>Modal</t></r></si></sst>',
    "xl/worksheets/sheet1.xml":
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>Pagu </t></r><r><t xml:space="preserve">2025</t></r></is></c></row>' +
      '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c><c r="C2" s="1"><f t="shared" ref="C2:C3" si="0">A2+B2</f><v>3</v></c></row>' +
      '<row r="3" hidden="1"><c r="A3"><v>3</v></c><c r="B3"><v>4</v></c><c r="C3" s="1"><f t="shared" si="0"/><v>7</v></c></row>' +
      '<row r="4"><c r="A4" s="2" t="s"><v>1</v></c><c r="B4" t="e"><v>#DIV/0!</v></c><c r="C4" t="b"><v>1</v></c>' +
      '<c r="D4" t="str"><f>A4&amp;" "&amp;B4</f><v>A &amp; B</v></c><c r="E4" s="0"/></row>' +
      '<row r="5"><c r="A5"><v>10</v></c><c r="B5"><v>20</v></c></row>' +
      '</sheetData><sheetProtection sheet="1" objects="1"/><mergeCells count="1"><mergeCell ref="A5:B5"/></mergeCells></worksheet>',
    "xl/worksheets/sheet2.xml":
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1"><v>5</v></c></row></sheetData></worksheet>',
  });
}
