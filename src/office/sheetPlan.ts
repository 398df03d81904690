/// <reference types="office-js" />
/**
 * Adds a generated table (SheetPlan) as a new sheet, or rewrites the cells of a sheet this tool generated
 * before. The marker is the one the .xlsx writer uses — a sheet-scoped name `RenjaCermat_Generated` holding the
 * table kind, the sheet's id and a fingerprint of the cells written (src/domain/generatedMarker.ts) — so a sheet
 * generated in the standalone page or by the CLI is recognised in Excel and back, and a copy of it (Excel copies
 * the name with the sheet) or a sheet edited since is never cleared. A sheet is never deleted, so the command stays one
 * undoable group on ExcelApi 1.20. Page layout needs ExcelApi 1.9 and is skipped below it (a notice says so).
 */
import { HostError, protectedSheetsError } from "../domain/host";
import type { Message } from "../domain/findings";
import { msg, nested, renderAll, text } from "../domain/messages";
import { contentFingerprint, isOwnSheet, markerFormula, notOwnReason, parseMarker, planFingerprint, snapshotFingerprint, verifyMarkedSheets, type MarkerVerdict } from "../domain/generatedMarker";
import { GENERATED_SHEET_MARKER, sheetUndoRecord, type SheetPlan, type SheetUndoRecord } from "../domain/plan";
import { readSheetSnapshot } from "./readSnapshot";
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
  /** What Batalkan needs to empty the sheet again (undoSheetInWorkbook). */
  undo: SheetUndoRecord;
  /** A rewrite of a verified generated sheet: the fingerprint its marker held, i.e. of the table it held before. */
  previousFingerprint?: string;
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
  const fingerprint = planFingerprint(plan);
  let previousFingerprint: string | undefined;
  if (replaced) {
    // Only a sheet whose marker is verified (its own id, its cells as written) is cleared: a copy of a generated
    // sheet, or one the user edited since, is the user's work.
    const verdicts = await markedSheetVerdicts(b, env);
    const verdict = verdicts.find((v) => v.name.toLowerCase() === existing.name.toLowerCase());
    const own = verdict !== undefined && isOwnSheet(verdict);
    if (!plan.replaceGenerated || !own) throw sheetExistsError(plan.sheetName, own, own ? undefined : verdict);
    // Loaded only once the sheet is known to exist: a null object's navigation properties are not loadable.
    const marker = existing.names.getItemOrNullObject(GENERATED_MARKER);
    marker.load("formula");
    const incomplete = existing.names.getItemOrNullObject(INCOMPLETE_MARKER);
    incomplete.load("formula");
    existing.protection.load("protected");
    await sync();
    if (existing.protection.protected) throw protectedSheetsError([plan.sheetName]);
    if (verdict.status === "generated") previousFingerprint = parseMarker(String(marker.formula))?.fp;
    ws = existing;
    // The marker names the table the sheet will hold from the first sync on, flagged incomplete until the last.
    const formula = markerFormula(plan.table, existing.id, fingerprint);
    if (marker.formula !== formula) {
      marker.delete();
      ws.names.add(GENERATED_MARKER, formula);
    }
    if (incomplete.isNullObject) ws.names.add(INCOMPLETE_MARKER, "=TRUE");
    const all = ws.getRange();
    all.unmerge();
    all.clear();
  } else {
    // Alone in its sync: a batch of rows Excel refuses for its size must not take the new sheet with it.
    ws = workbook.worksheets.add(plan.sheetName);
    ws.load("id");
    await sync();
    // Marked, with the id Excel just gave it, before any cell is written: a generation that fails later leaves a
    // sheet the tool knows as its own (incomplete), so "Timpa" can replace it.
    ws.names.add(GENERATED_MARKER, markerFormula(plan.table, ws.id, fingerprint));
    ws.names.add(INCOMPLETE_MARKER, "=TRUE");
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
  const undoRecord = sheetUndoRecord(plan, plan.sheetName, ws.id, replaced, fingerprint);
  return { sheetName: plan.sheetName, sheetId: ws.id, replaced, undo: undoRecord, ...(previousFingerprint ? { previousFingerprint } : {}), notices, syncs, batchBytes: report.batchBytes, payloadRetries: report.payloadRetries };
}

/**
 * Batalkan after Buat Tabel, in Excel, only while the sheet's marker still verifies with the fingerprint of what was
 * written — a sheet the user changed since (or a copy) is never touched. A rewrite whose earlier table the host
 * still has (`earlier`: generated in this session; "empty": the sheet was an emptied one) gets it back; otherwise
 * the sheet is emptied (cells, formats, merges). It is not deleted (DECISIONS.md "Batalkan after Buat Tabel"): Excel cannot undo a deleted
 * sheet, and a formula elsewhere pointing at it would turn into #REF!. The emptied sheet keeps the marker (with the
 * fingerprint of no cells), so the next Buat Tabel rewrites it instead of adding another sheet.
 */
export async function undoSheetInWorkbook(b: Batch, record: SheetUndoRecord, env: OfficeEnvironment, earlier?: SheetPlan | "empty"): Promise<{ notices: Message[]; restored: boolean }> {
  const ws = b.context.workbook.worksheets.getItemOrNullObject(record.sheetId);
  ws.load("id,name");
  await b.sync();
  if (ws.isNullObject) {
    return { restored: false, notices: [renderAll(msg("office.sheetGone", { sheet: text(record.sheetName) }))] };
  }
  const verdict = (await markedSheetVerdicts(b, env)).find((v) => v.name === ws.name);
  const marker = ws.names.getItemOrNullObject(GENERATED_MARKER);
  marker.load("formula");
  ws.protection.load("protected");
  await b.sync();
  const written = marker.isNullObject ? undefined : parseMarker(String(marker.formula));
  if (verdict?.status !== "generated" || written?.fp !== record.fingerprint) throw sheetChangedError(ws.name, verdict);
  if (ws.protection.protected) throw protectedSheetsError([ws.name]);
  const history = undoHistoryNotice(env);
  if (record.replaced && earlier && earlier !== "empty") {
    // The same plan as before, so the sheet holds exactly the table it held, formatting and marker included.
    await applySheetPlanToWorkbook(b, { ...earlier, sheetName: ws.name, replaceGenerated: true }, env);
    return { restored: true, notices: history ? [history] : [] };
  }
  const all = ws.getRange();
  all.unmerge();
  all.clear();
  marker.delete();
  ws.names.add(GENERATED_MARKER, markerFormula(record.table, ws.id, contentFingerprint([])));
  await b.sync();
  const notices: Message[] = [renderAll(msg(record.replaced && earlier !== "empty" ? "office.sheetEmptiedOtherSession" : "office.sheetEmptied", { sheet: text(ws.name) }))];
  if (history) notices.push(history);
  return { restored: false, notices };
}

function sheetChangedError(name: string, verdict: MarkerVerdict | undefined): HostError {
  const why = verdict && !isOwnSheet(verdict) ? notOwnReason(verdict) : msg("office.sheetChanged", { sheet: text(name) });
  return new HostError("changed-since-read", msg("office.sheetNotEmptied", { why: nested(why) }));
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

function sheetExistsError(name: string, generated: boolean, marked?: MarkerVerdict): HostError {
  if (marked) return new HostError("unwritable-cell", msg("office.sheetPickAnotherName", { why: nested(notOwnReason(marked)) }));
  return new HostError("unwritable-cell", msg(generated ? "office.sheetExistsOwn" : "office.sheetExistsNotOwn", { sheet: text(name) }));
}

/**
 * Below ExcelApi 1.20 a change made through the API clears Excel's undo list (office-addin-notes §4): the
 * user is told so. On 1.20+ the command is one undo group instead.
 */
export function undoHistoryNotice(env: OfficeEnvironment): Message | undefined {
  if (env.isSetSupported("ExcelApi", "1.20")) return undefined;
  return renderAll(msg("office.undoHistoryCleared", {}));
}

function noPageLayoutNotice(): Message {
  return renderAll(msg("office.noPageLayout", {}));
}

/** Names of the sheets this tool generated and may rewrite (their marker verified), in tab order. */
export async function generatedSheetNames(b: Batch, env: OfficeEnvironment): Promise<string[]> {
  return (await markedSheetVerdicts(b, env)).filter(isOwnSheet).map((v) => v.name);
}

/**
 * The verdict on every sheet carrying the marker. Two syncs for the names, then the cells of each marked sheet
 * (few: the generated tables) are read for their fingerprint.
 */
export async function markedSheetVerdicts(b: Batch, env: OfficeEnvironment): Promise<MarkerVerdict[]> {
  const sheets = b.context.workbook.worksheets;
  sheets.load("items/name,items/id,items/visibility");
  await b.sync();
  const found = sheets.items.map((ws) => {
    const marker = ws.names.getItemOrNullObject(GENERATED_MARKER);
    marker.load("formula");
    const incomplete = ws.names.getItemOrNullObject(INCOMPLETE_MARKER);
    incomplete.load("formula");
    return { ws, marker, incomplete };
  });
  await b.sync();
  const marked = found.filter((m) => !m.marker.isNullObject);
  const fingerprints = new Map<string, string>();
  const caps = { cellProperties: env.isSetSupported("ExcelApi", "1.9") };
  for (const m of marked) {
    // A marker without a fingerprint (an earlier version's) is never verified: its cells need not be read.
    if (parseMarker(String(m.marker.formula))?.fp === undefined) continue;
    const snapshot = await readSheetSnapshot(b, { id: m.ws.id, name: m.ws.name, visible: m.ws.visibility === "Visible" }, { styles: false }, caps);
    fingerprints.set(m.ws.id, snapshotFingerprint(snapshot));
  }
  return verifyMarkedSheets(
    marked.map((m) => ({
      name: m.ws.name,
      id: m.ws.id,
      marker: String(m.marker.formula),
      incomplete: !m.incomplete.isNullObject,
      fingerprint: () => fingerprints.get(m.ws.id) ?? "",
    })),
  );
}
