/// <reference types="office-js" />
/**
 * Adds a generated table (SheetPlan) as a new sheet, or rewrites the cells of a sheet this tool generated
 * before. The marker is the one the .xlsx writer uses — a sheet-scoped name `RenjaCermat_Generated` holding the
 * table kind — so a sheet generated in the standalone page or by the CLI is recognised in Excel and back. A sheet is never deleted, so the command stays one
 * undoable group on ExcelApi 1.20. Page layout needs ExcelApi 1.9 and is skipped below it (a notice says so).
 */
import { HostError } from "../domain/host";
import type { Message } from "../domain/findings";
import { GENERATED_SHEET_MARKER, type SheetCellStyle, type SheetPlan, type SheetPlanCell } from "../domain/plan";
import { a1 } from "../domain/sheet/snapshot";
import type { OfficeEnvironment } from "./environment";
import type { Batch } from "./queue";
import { cellWrite } from "./writePlan";

/** The marker both hosts put on a sheet this tool generated (src/domain/plan.ts). */
export const GENERATED_MARKER = GENERATED_SHEET_MARKER;
/** Rows written per sync: a generated table's rows carry styles, so the request stays far below 5 MB. */
const ROWS_PER_SYNC = 250;

export interface SheetPlanResult {
  sheetName: string;
  sheetId: string;
  replaced: boolean;
  /** The plan's notices, plus any the host adds (page layout unavailable). */
  notices: Message[];
  syncs: number;
}

export async function applySheetPlanToWorkbook(b: Batch, plan: SheetPlan, env: OfficeEnvironment): Promise<SheetPlanResult> {
  let syncs = 0;
  const sync = async (): Promise<void> => {
    await b.sync();
    syncs++;
  };
  if (plan.sheetName.toLowerCase() === plan.sourceSheet.toLowerCase()) throw sheetExistsError(plan.sheetName, false);
  const workbook = b.context.workbook;
  const existing = workbook.worksheets.getItemOrNullObject(plan.sheetName);
  existing.load("id,name");
  await sync();

  let ws: Excel.Worksheet;
  let staleMarker: Excel.NamedItem | undefined;
  const replaced = !existing.isNullObject;
  if (replaced) {
    // Loaded only once the sheet is known to exist: a null object's navigation properties are not loadable.
    const marker = existing.names.getItemOrNullObject(GENERATED_MARKER);
    marker.load("formula");
    existing.protection.load("protected");
    await sync();
    const generated = !marker.isNullObject;
    if (!plan.replaceGenerated || !generated) throw sheetExistsError(plan.sheetName, generated);
    if (marker.formula !== `="${plan.table}"`) staleMarker = marker;
    if (existing.protection.protected) throw protectedSheetError(plan.sheetName);
    ws = existing;
    const all = ws.getRange();
    all.unmerge();
    all.clear();
  } else {
    ws = workbook.worksheets.add(plan.sheetName);
    ws.load("id");
  }

  const byRow = new Map<number, SheetPlanCell[]>();
  for (const c of plan.cells) {
    let line = byRow.get(c.row);
    if (!line) byRow.set(c.row, (line = []));
    line.push(c);
  }
  const rows = [...byRow.keys()].sort((x, y) => x - y);
  for (let i = 0; i < rows.length; i += ROWS_PER_SYNC) {
    for (const row of rows.slice(i, i + ROWS_PER_SYNC)) writeRow(ws, (byRow.get(row) ?? []).sort((x, y) => x.col - y.col));
    await sync();
  }

  for (const m of plan.merges) ws.getRange(`${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).merge(false);
  for (const w of plan.columnWidths) ws.getRange(`${a1(1, w.col)}`).format.columnWidth = characterWidthToPoints(w.width);
  for (const h of plan.rowHeights) ws.getRange(`${a1(h.row, 1)}`).format.rowHeight = h.height;
  if (plan.freezeRows) ws.freezePanes.freezeRows(plan.freezeRows);
  const notices = [...plan.notices];
  if (env.isSetSupported("ExcelApi", "1.9")) setPageLayout(ws, plan);
  else notices.push(noPageLayoutNotice());
  // The marker names the table the sheet now holds.
  staleMarker?.delete();
  if (!replaced || staleMarker) ws.names.add(GENERATED_MARKER, `="${plan.table}"`);
  await sync();
  return { sheetName: plan.sheetName, sheetId: ws.id, replaced, notices, syncs };
}

/** Contents per run of adjacent cells; formats per run of adjacent cells sharing a style. */
function writeRow(ws: Excel.Worksheet, cells: readonly SheetPlanCell[]): void {
  for (const run of runsOf(cells, (a, b) => a.col + 1 === b.col)) {
    const writes = run.map((c) => cellWrite({ value: c.value, formula: c.formula, numFmt: c.numFmt }, { value: null, numFmt: "General" }));
    const range = ws.getRange(`${a1(run[0].row, run[0].col)}:${a1(run[0].row, run[run.length - 1].col)}`);
    if (writes.some((w) => w.format !== "General")) range.numberFormat = [writes.map((w) => w.format)];
    range.formulas = [writes.map((w) => w.content)];
  }
  for (const run of runsOf(cells, (a, b) => a.col + 1 === b.col && JSON.stringify(a.style ?? {}) === JSON.stringify(b.style ?? {}))) {
    const style = run[0].style;
    if (style) applyStyle(ws.getRange(`${a1(run[0].row, run[0].col)}:${a1(run[0].row, run[run.length - 1].col)}`), style, run.length);
  }
}

function runsOf<T>(items: readonly T[], joins: (a: T, b: T) => boolean): T[][] {
  const runs: T[][] = [];
  for (const item of items) {
    const last = runs[runs.length - 1];
    if (last && joins(last[last.length - 1], item)) last.push(item);
    else runs.push([item]);
  }
  return runs;
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", center: "Center", bottom: "Bottom" } as const;
const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

function applyStyle(range: Excel.Range, style: SheetCellStyle, width: number): void {
  const f = range.format;
  if (style.bold) f.font.bold = true;
  if (style.italic) f.font.italic = true;
  if (style.fontSize) f.font.size = style.fontSize;
  if (style.indent) f.indentLevel = style.indent;
  if (style.wrap) f.wrapText = true;
  if (style.horizontal) f.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical) f.verticalAlignment = VERTICAL[style.vertical];
  if (style.fill) f.fill.color = `#${style.fill}`;
  if (style.border) {
    // Office.js has no "thin" style: a continuous line of weight Thin is Excel's thin border.
    const edges: (typeof EDGES[number] | "InsideVertical")[] = width > 1 ? [...EDGES, "InsideVertical"] : [...EDGES];
    for (const edge of edges) {
      const border = f.borders.getItem(edge);
      border.style = "Continuous";
      border.weight = "Thin";
    }
  }
}

/**
 * Excel column width units (characters of the default font's digit) to the points Office.js takes:
 * 7 px per character plus 5 px padding for an 11-point Calibri/Aptos body font, at 96 px per inch.
 */
export function characterWidthToPoints(width: number): number {
  return Math.round((Math.trunc(width * 7 + 5) * 72) / 96 * 100) / 100;
}

function setPageLayout(ws: Excel.Worksheet, plan: SheetPlan): void {
  const p = plan.print;
  const layout = ws.pageLayout;
  layout.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = p.paperSize === 14 ? "Folio" : "A4";
  layout.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight };
  const inch = 72;
  layout.leftMargin = p.margins.left * inch;
  layout.rightMargin = p.margins.right * inch;
  layout.topMargin = p.margins.top * inch;
  layout.bottomMargin = p.margins.bottom * inch;
  layout.headerMargin = p.margins.header * inch;
  layout.footerMargin = p.margins.footer * inch;
  if (p.centerHorizontally) layout.centerHorizontally = true;
  if (p.printTitleRows) layout.setPrintTitleRows(`$${p.printTitleRows[0]}:$${p.printTitleRows[1]}`);
  if (p.footerCenter) layout.headersFooters.defaultForAllPages.centerFooter = p.footerCenter;
}

function sheetExistsError(name: string, generated: boolean): HostError {
  return new HostError("unwritable-cell", generated
    ? {
        id: `Lembar '${name}' sudah ada (dibuat sebelumnya oleh Renja Cermat). Pilih "Timpa" untuk menulis ulang isinya, atau beri nama lain.`,
        en: `Sheet '${name}' already exists (made earlier by Renja Cermat). Choose "Replace" to rewrite it, or pick another name.`,
      }
    : {
        id: `Lembar '${name}' sudah ada dan bukan buatan Renja Cermat; lembar itu tidak diubah. Beri nama lain untuk tabel baru.`,
        en: `Sheet '${name}' already exists and was not made by Renja Cermat; it is left alone. Pick another name for the new table.`,
      });
}

function protectedSheetError(name: string): HostError {
  return new HostError("protected", {
    id: `Lembar '${name}' diproteksi. Buka proteksinya (Tinjau > Buka Proteksi Lembar) lalu jalankan lagi. Tidak ada yang ditulis.`,
    en: `Sheet '${name}' is protected. Unprotect it (Review > Unprotect Sheet) and run again. Nothing was written.`,
  });
}

function noPageLayoutNotice(): Message {
  return {
    id: "Pengaturan cetak (kertas, orientasi, judul berulang) tidak dapat diatur di versi Excel ini; atur lewat Tata Letak Halaman.",
    en: "Print setup (paper, orientation, repeated titles) cannot be set in this Excel version; set it under Page Layout.",
  };
}

/** Names of the sheets this tool generated (their marker name present), in tab order. */
export async function generatedSheetNames(b: Batch): Promise<string[]> {
  const sheets = b.context.workbook.worksheets;
  sheets.load("items/name");
  await b.sync();
  const markers = sheets.items.map((ws) => {
    const marker = ws.names.getItemOrNullObject(GENERATED_MARKER);
    marker.load("formula");
    return { name: ws.name, marker };
  });
  await b.sync();
  return markers.filter((m) => !m.marker.isNullObject).map((m) => m.name);
}
