/** The worksheet part of a generated sheet, written whole from a SheetPlan. */
import { headerFooterCodes, type SheetPlan } from "../../domain/plan";
import { a1 } from "../../domain/sheet/snapshot";
import { cellXml } from "./cellXml";
import type { GeneratedStyles } from "./sheetStyles";
import { escapeText } from "./xml";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export function worksheetXml(plan: SheetPlan, styles: GeneratedStyles): string {
  const byRow = new Map<number, string[]>();
  let maxRow = 1;
  let maxCol = 1;
  for (const c of [...plan.cells].sort((a, b) => a.row - b.row || a.col - b.col)) {
    const style = styles.xfFor(c.style, c.numFmt);
    const xml = cellXml({ value: c.value, formula: c.formula }, { prefix: "", ref: a1(c.row, c.col), style });
    if (xml === "") continue;
    byRow.set(c.row, [...(byRow.get(c.row) ?? []), xml]);
    maxRow = Math.max(maxRow, c.row);
    maxCol = Math.max(maxCol, c.col);
  }
  const heights = new Map(plan.rowHeights.map((h) => [h.row, h.height]));
  const rowNumbers = [...new Set([...byRow.keys(), ...heights.keys()])].sort((a, b) => a - b);
  const rows = rowNumbers
    .map((r) => {
      const h = heights.get(r);
      const ht = h === undefined ? "" : ` ht="${h}" customHeight="1"`;
      return `<row r="${r}"${ht}>${(byRow.get(r) ?? []).join("")}</row>`;
    })
    .join("");
  const cols = [...plan.columnWidths]
    .sort((a, b) => a.col - b.col)
    .map((w) => `<col min="${w.col}" max="${w.col}" width="${w.width}" customWidth="1"/>`)
    .join("");
  const merges = plan.merges.map((m) => `<mergeCell ref="${a1(m.top, m.left)}:${a1(m.bottom, m.right)}"/>`).join("");
  const p = plan.print;
  const fitToPage = p.fitToWidth > 0 || p.fitToHeight > 0;
  const freeze = plan.freezeRows
    ? `<pane ySplit="${plan.freezeRows}" topLeftCell="${a1(plan.freezeRows + 1, 1)}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${a1(plan.freezeRows + 1, 1)}" sqref="${a1(plan.freezeRows + 1, 1)}"/>`
    : "";
  const m = p.margins;
  return [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`,
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`,
    fitToPage ? `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` : "",
    `<dimension ref="A1:${a1(maxRow, maxCol)}"/>`,
    `<sheetViews><sheetView workbookViewId="0">${freeze}</sheetView></sheetViews>`,
    `<sheetFormatPr defaultRowHeight="15"/>`,
    cols ? `<cols>${cols}</cols>` : "",
    `<sheetData>${rows}</sheetData>`,
    merges ? `<mergeCells count="${plan.merges.length}">${merges}</mergeCells>` : "",
    p.centerHorizontally ? `<printOptions horizontalCentered="1"/>` : "",
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`,
    `<pageSetup paperSize="${p.paperSize}" orientation="${p.orientation}" fitToWidth="${p.fitToWidth}" fitToHeight="${p.fitToHeight}"/>`,
    headerFooterXml(headerFooterCodes(p)),
    `</worksheet>`,
  ].join("");
}

function headerFooterXml(codes: { oddHeader?: string; oddFooter?: string }): string {
  if (!codes.oddHeader && !codes.oddFooter) return "";
  const header = codes.oddHeader ? `<oddHeader>${escapeText(codes.oddHeader)}</oddHeader>` : "";
  const footer = codes.oddFooter ? `<oddFooter>${escapeText(codes.oddFooter)}</oddFooter>` : "";
  return `<headerFooter>${header}${footer}</headerFooter>`;
}
