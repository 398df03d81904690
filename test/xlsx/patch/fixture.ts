/**
 * A workbook holding what ExcelJS would drop or rewrite on save: a chart (written by hand, ExcelJS makes none),
 * a picture, comments, data validation, defined names and a calc chain.
 */
import { strToU8 } from "fflate";
import { editPackage, editText, TINY_PNG, workbookBytes } from "./support";

export const FIXTURE_SHEET = "Tabel 3.3";

const CHART_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>'Tabel 3.3'!$B$3:$B$4</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>'Tabel 3.3'!$C$3:$C$4</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;

const CHART_ANCHOR = `<xdr:twoCellAnchor><xdr:from><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="99" name="Grafik Pagu"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rIdChart1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;

export async function richWorkbook(): Promise<Uint8Array> {
  const base = await workbookBytes((wb) => {
    const ws = wb.addWorksheet(FIXTURE_SHEET);
    ws.addRow(["Kode", "Uraian", "Pagu N", "Pagu N+1"]);
    ws.addRow(["1.01", "Program A", 5000, 4765]);
    ws.addRow(["1.01.01", "Kegiatan A", 1000, 2000]);
    ws.addRow(["1.01.02", "Kegiatan B", 4000, 2765]);
    ws.getCell("C5").value = { formula: "SUM(C3:C4)", result: 5000 };
    for (const ref of ["C2", "C3", "C4", "C5", "D2", "D3", "D4"]) ws.getCell(ref).numFmt = "#,##0";
    ws.getCell("B3").note = "Dicek oleh Bappeda";
    ws.getCell("A3").dataValidation = { type: "list", allowBlank: true, formulae: ['"1.01.01,1.01.02"'] };
    const image = wb.addImage({ buffer: TINY_PNG as unknown as ArrayBuffer, extension: "png" });
    ws.addImage(image, "F2:G4");
    wb.definedNames.add(`'${FIXTURE_SHEET}'!$C$3:$C$4`, "PaguKegiatan");
    const other = wb.addWorksheet("Tabel 7");
    other.getCell("A1").value = "Lain";
  });
  return withChartAndCalcChain(base);
}

/**
 * Adds the hand-written chart (anchored in xl/drawings/drawing1.xml, which the workbook's picture created) and a
 * calc chain to a workbook's package.
 */
export function withChartAndCalcChain(base: Uint8Array): Uint8Array {
  return editPackage(base, (files) => {
    files["xl/charts/chart1.xml"] = strToU8(CHART_XML);
    editText(files, "xl/drawings/drawing1.xml", (x) =>
      x.replace(/<\/xdr:wsDr>\s*$/, `${CHART_ANCHOR}</xdr:wsDr>`).replace("<xdr:wsDr ", '<xdr:wsDr xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '),
    );
    editText(files, "xl/drawings/_rels/drawing1.xml.rels", (x) =>
      x.replace("</Relationships>", '<Relationship Id="rIdChart1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>'),
    );
    files["xl/calcChain.xml"] = strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="C5" i="1"/></calcChain>',
    );
    editText(files, "xl/_rels/workbook.xml.rels", (x) =>
      x.replace("</Relationships>", '<Relationship Id="rIdCalc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'),
    );
    editText(files, "[Content_Types].xml", (x) =>
      x.replace(
        "</Types>",
        '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
          '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
      ),
    );
  });
}
