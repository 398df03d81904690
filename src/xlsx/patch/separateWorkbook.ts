/**
 * New workbooks written by ExcelJS, which models everything a SheetPlan uses (styles, merges, widths, print
 * setup, print titles, page header and footer): the fallback when a generated sheet cannot be added to the
 * original package safely (Strict OOXML, a package without styles or content types…), and the verification
 * workbook of `renja report`, which is a new workbook of many sheets.
 */
import type ExcelJS from "exceljs";
import { headerFooterCodes, type SheetCellStyle, type SheetContent, type SheetPlan } from "../../domain/plan";
import { a1 } from "../../domain/sheet/snapshot";
import { newExcelWorkbook } from "../excelWorkbook";

export async function sheetPlanToNewWorkbook(plan: SheetPlan): Promise<Uint8Array> {
  return sheetsToNewWorkbook([plan]);
}

/** A new workbook holding these sheets, in this order. */
export async function sheetsToNewWorkbook(sheets: readonly SheetContent[]): Promise<Uint8Array> {
  const wb = newExcelWorkbook();
  for (const plan of sheets) addSheet(wb, plan);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function addSheet(wb: ExcelJS.Workbook, plan: SheetContent): void {
  const p = plan.print;
  const codes = headerFooterCodes(p);
  const ws = wb.addWorksheet(plan.sheetName, {
    pageSetup: {
      orientation: p.orientation,
      // ExcelJS lists only some paper sizes by name; 14 (Folio/F4) is a valid SpreadsheetML code all the same.
      paperSize: p.paperSize as unknown as ExcelJS.PaperSize,
      fitToPage: true,
      fitToWidth: p.fitToWidth,
      fitToHeight: p.fitToHeight,
      horizontalCentered: Boolean(p.centerHorizontally),
      margins: p.margins,
      printTitlesRow: p.printTitleRows ? `${p.printTitleRows[0]}:${p.printTitleRows[1]}` : undefined,
    },
    headerFooter: codes.oddHeader || codes.oddFooter ? codes : undefined,
    views: plan.freezeRows ? [{ state: "frozen", ySplit: plan.freezeRows }] : undefined,
  });
  for (const w of plan.columnWidths) ws.getColumn(w.col).width = w.width;
  for (const h of plan.rowHeights) ws.getRow(h.row).height = h.height;
  for (const c of plan.cells) {
    const cell = ws.getCell(c.row, c.col);
    if (c.formula) cell.value = { formula: c.formula, result: c.value ?? undefined } as never;
    // A string is always a string in ExcelJS's model (never parsed into a formula or a number).
    else if (c.value !== null) cell.value = c.value;
    if (c.numFmt) cell.numFmt = c.numFmt;
    applyStyle(cell, c.style);
  }
  for (const m of plan.merges) ws.mergeCells(`${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`);
}

function applyStyle(cell: { font: object; alignment: object; border: object; fill: object }, style: SheetCellStyle | undefined): void {
  if (!style) return;
  if (style.bold || style.italic || style.fontSize) cell.font = { bold: style.bold, italic: style.italic, size: style.fontSize };
  if (style.wrap || style.horizontal || style.vertical || style.indent) {
    cell.alignment = { wrapText: style.wrap, horizontal: style.horizontal, vertical: style.vertical === "center" ? "middle" : style.vertical, indent: style.indent };
  }
  if (style.border) {
    const thin = { style: "thin" };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${style.fill}` } };
}
