/// <reference types="office-js" />
/**
 * Adds a generated table (SheetPlan) as a new sheet, or rewrites the cells of a sheet this tool generated
 * before. The marker is the one the .xlsx writer uses — a sheet-scoped name `RenjaCermat_Generated` holding the
 * table kind — so a sheet generated in the standalone page or by the CLI is recognised in Excel and back. A sheet is never deleted, so the command stays one
 * undoable group on ExcelApi 1.20. Page layout needs ExcelApi 1.9 and is skipped below it (a notice says so).
 */
import { HostError } from "../domain/host";
import type { Message } from "../domain/findings";
import { GENERATED_SHEET_MARKER, type SheetPlan } from "../domain/plan";
import { a1 } from "../domain/sheet/snapshot";
import type { OfficeEnvironment } from "./environment";
import type { Batch } from "./queue";
import { PROPERTY_BYTES, RANGE_BYTES, TARGET_REQUEST_BYTES } from "./requestSize";
import { rowBatches, rowsOf, writeBatch, type BlockReport } from "./sheetBlocks";

/** The marker both hosts put on a sheet this tool generated (src/domain/plan.ts). */
export const GENERATED_MARKER = GENERATED_SHEET_MARKER;
/** Set on a generated sheet while it is being written; its presence after a run means the run did not finish. */
export const INCOMPLETE_MARKER = "RenjaCermat_Incomplete";

export interface SheetPlanResult {
  sheetName: string;
  sheetId: string;
  replaced: boolean;
  /** The plan's notices, plus any the host adds (page layout unavailable). */
  notices: Message[];
  syncs: number;
  /** Estimated request bytes of each batch of rows sent. */
  batchBytes: number[];
  /** Batches Excel refused and that were sent again in halves. */
  payloadRetries: number;
}

export async function applySheetPlanToWorkbook(b: Batch, plan: SheetPlan, env: OfficeEnvironment, targetBytes = TARGET_REQUEST_BYTES): Promise<SheetPlanResult> {
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
  const replaced = !existing.isNullObject;
  const markerFormula = `="${plan.table}"`;
  if (replaced) {
    // Loaded only once the sheet is known to exist: a null object's navigation properties are not loadable.
    const marker = existing.names.getItemOrNullObject(GENERATED_MARKER);
    marker.load("formula");
    const incomplete = existing.names.getItemOrNullObject(INCOMPLETE_MARKER);
    incomplete.load("formula");
    existing.protection.load("protected");
    await sync();
    const generated = !marker.isNullObject;
    if (!plan.replaceGenerated || !generated) throw sheetExistsError(plan.sheetName, generated);
    if (existing.protection.protected) throw protectedSheetError(plan.sheetName);
    ws = existing;
    // The marker names the table the sheet holds from the first sync on, flagged incomplete until the last.
    if (marker.formula !== markerFormula) {
      marker.delete();
      ws.names.add(GENERATED_MARKER, markerFormula);
    }
    if (incomplete.isNullObject) ws.names.add(INCOMPLETE_MARKER, "=TRUE");
    const all = ws.getRange();
    all.unmerge();
    all.clear();
  } else {
    // Marked in the very sync that adds it: a generation that fails later leaves a sheet the tool knows as its
    // own (incomplete), so "Timpa" can replace it; never an unmarked sheet that blocks the name.
    ws = workbook.worksheets.add(plan.sheetName);
    ws.load("id");
    ws.names.add(GENERATED_MARKER, markerFormula);
    ws.names.add(INCOMPLETE_MARKER, "=TRUE");
    // Alone in its sync: a batch of rows Excel refuses for its size must not take the new sheet with it.
    await sync();
  }

  // The rows go in byte-sized batches (see requestSize.ts); a batch Excel refuses is split and sent again.
  const report: BlockReport = { syncs: 0, payloadRetries: 0, batchBytes: [] };
  for (const batch of rowBatches(rowsOf(plan.cells), targetBytes)) await writeBatch(ws, batch, sync, report);

  // Merges, widths and heights are ranges too: sent in byte-sized syncs like the rows (heights per run of rows).
  const layout: { bytes: number; queue: () => void }[] = [
    ...plan.merges.map((m) => ({ bytes: RANGE_BYTES + PROPERTY_BYTES, queue: () => ws.getRange(`${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).merge(false) })),
    ...plan.columnWidths.map((w) => ({ bytes: RANGE_BYTES + PROPERTY_BYTES, queue: () => (ws.getRange(`${a1(1, w.col)}`).format.columnWidth = characterWidthToPoints(w.width)) })),
    ...heightRuns(plan.rowHeights).map((h) => ({ bytes: RANGE_BYTES + PROPERTY_BYTES, queue: () => (ws.getRange(`${h.top}:${h.bottom}`).format.rowHeight = h.height) })),
  ];
  let pending = 0;
  for (const op of layout) {
    if (pending > 0 && pending + op.bytes > targetBytes) {
      await sync();
      pending = 0;
    }
    op.queue();
    pending += op.bytes;
  }
  if (plan.freezeRows) ws.freezePanes.freezeRows(plan.freezeRows);
  const notices = [...plan.notices];
  if (env.isSetSupported("ExcelApi", "1.9")) setPageLayout(ws, plan);
  else notices.push(noPageLayoutNotice());
  const undo = undoHistoryNotice(env);
  if (undo) notices.push(undo);
  ws.names.getItem(INCOMPLETE_MARKER).delete();
  await sync();
  return { sheetName: plan.sheetName, sheetId: ws.id, replaced, notices, syncs, batchBytes: report.batchBytes, payloadRetries: report.payloadRetries };
}

/** Consecutive rows of one height, as one range each. */
function heightRuns(heights: readonly { row: number; height: number }[]): { top: number; bottom: number; height: number }[] {
  const runs: { top: number; bottom: number; height: number }[] = [];
  for (const h of [...heights].sort((x, y) => x.row - y.row)) {
    const last = runs[runs.length - 1];
    if (last && last.bottom + 1 === h.row && last.height === h.height) last.bottom = h.row;
    else runs.push({ top: h.row, bottom: h.row, height: h.height });
  }
  return runs;
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

/**
 * Below ExcelApi 1.20 a change made through the API clears Excel's undo list (office-addin-notes §4): the
 * user is told so. On 1.20+ the command is one undo group instead.
 */
export function undoHistoryNotice(env: OfficeEnvironment): Message | undefined {
  if (env.isSetSupported("ExcelApi", "1.20")) return undefined;
  return {
    id: "Di versi Excel ini perubahan oleh add-in mengosongkan riwayat Urungkan (Ctrl+Z): langkah sebelumnya tidak dapat diurungkan lagi.",
    en: "In this Excel version a change made by an add-in clears the Undo history (Ctrl+Z): earlier steps can no longer be undone.",
  };
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
