/// <reference types="office-js" />
/**
 * The Office host: the InteractiveHost contract over the open workbook, plus what the pane needs to point at
 * cells and to add generated tables. Every Excel.run goes through one queue (see queue.ts).
 */
import type { InteractiveHost, ReadOptions, SheetRef } from "../domain/host";
import type { MappingOverrides } from "../domain/mapping/types";
import type { SheetPlan, SheetUndoRecord, UndoRecord, WritePlan } from "../domain/plan";
import type { Message } from "../domain/findings";
import type { SheetSnapshot } from "../domain/sheet/snapshot";
import { officeEnvironment, type ExcelRunOptions, type OfficeEnvironment } from "./environment";
import { MAX_HIGHLIGHTED, clearHighlightCells, highlightCells, type CellTarget, type HighlightResult } from "./highlight";
import { ExcelQueue } from "./queue";
import { DEFAULT_READ_TUNING, readSheetSnapshot, type ReadReport, type ReadTuning } from "./readSnapshot";
import { loadMappingSettings, saveMappingSettings } from "./settings";
import { contentFingerprint, planFingerprint, type MarkerVerdict } from "../domain/generatedMarker";
import { applySheetPlanToWorkbook, generatedSheetNames, markedSheetVerdicts, undoSheetInWorkbook, type SheetPlanResult } from "./sheetPlan";
import { DEFAULT_WRITE_TUNING, writePlan, type WriteReport, type WriteTuning } from "./writePlan";

/** The fingerprint of a sheet Batalkan emptied. */
const EMPTY = contentFingerprint([]);

export interface OfficeHostOptions {
  syncTimeoutMs?: number;
  readTuning?: ReadTuning;
  writeTuning?: WriteTuning;
  /** Most cells one highlight marks (default MAX_HIGHLIGHTED). */
  highlightCap?: number;
}

/** Sync counts of the last read and write, for the pane's progress and for the tests' budgets. */
export interface OfficeHostStats {
  lastRead?: ReadReport;
  lastWrite?: WriteReport;
}

export class OfficeHost implements InteractiveHost {
  readonly queue: ExcelQueue;
  readonly stats: OfficeHostStats = {};
  private readonly readTuning: ReadTuning;
  private readonly writeTuning: WriteTuning;
  private readonly highlightCap: number;
  /** The last table this host wrote to each sheet (by worksheet id), in this session. */
  private readonly written = new Map<string, SheetPlan>();
  /** For the record of a rewrite: the table the sheet held before, which Batalkan writes back. */
  private readonly earlier = new WeakMap<SheetUndoRecord, SheetPlan | "empty">();

  constructor(
    private readonly env: OfficeEnvironment = officeEnvironment(),
    opts: OfficeHostOptions = {},
  ) {
    this.queue = new ExcelQueue(env, opts.syncTimeoutMs);
    this.readTuning = opts.readTuning ?? DEFAULT_READ_TUNING;
    this.writeTuning = opts.writeTuning ?? DEFAULT_WRITE_TUNING;
    this.highlightCap = opts.highlightCap ?? MAX_HIGHLIGHTED;
  }

  listSheets(): Promise<SheetRef[]> {
    return this.queue.run(async (b) => {
      const sheets = b.context.workbook.worksheets;
      sheets.load("items/id,items/name,items/visibility");
      await b.sync();
      return sheets.items.map((ws) => ({ id: ws.id, name: ws.name, visible: ws.visibility === "Visible" }));
    });
  }

  readSnapshot(sheet: SheetRef, opts: ReadOptions = {}): Promise<SheetSnapshot> {
    const report: ReadReport = { syncs: 0, chunkRows: [], payloadRetries: 0 };
    this.stats.lastRead = report;
    const caps = { cellProperties: this.env.isSetSupported("ExcelApi", "1.9") };
    return this.queue.run((b) => readSheetSnapshot(b, sheet, opts, caps, this.readTuning, report));
  }

  loadMapping(): Promise<MappingOverrides | undefined> {
    return this.queue.run((b) => loadMappingSettings(b, this.env.isSetSupported("ExcelApi", "1.12")));
  }

  saveMapping(m: MappingOverrides): Promise<void> {
    return this.queue.run((b) => saveMappingSettings(b, m, this.env.isSetSupported("ExcelApi", "1.12")));
  }

  /** One Excel.run, so on ExcelApi 1.20 the whole command is one entry in Excel's undo list. */
  apply(plan: WritePlan): Promise<UndoRecord> {
    const report: WriteReport = { syncs: 0, chunks: 0, payloadRetries: 0 };
    this.stats.lastWrite = report;
    return this.queue.run((b) => writePlan(b, plan, this.writeTuning, report), this.runOptions());
  }

  /** "Batalkan": the record is a plan like any other, guarded the same way (a cell edited since is refused). */
  async undo(record: UndoRecord): Promise<void> {
    await this.apply({ title: record.title, cells: record.cells });
  }

  selectCell(sheet: string, cell: string): Promise<void> {
    return this.queue.run(async (b) => {
      const ws = b.context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await b.sync();
    });
  }

  /**
   * "Tandai di lembar": fills the cells, keeping what each held so clearHighlight restores it exactly. On
   * ExcelApi 1.20 marking (and unmarking) is one entry in Excel's undo list.
   */
  highlight(cells: readonly CellTarget[]): Promise<HighlightResult> {
    return this.queue.run(async (b) => {
      await clearHighlightCells(b, this.env);
      return highlightCells(b, cells, this.env, this.highlightCap);
    }, this.runOptions());
  }

  clearHighlight(): Promise<void> {
    return this.queue.run((b) => clearHighlightCells(b, this.env), this.runOptions());
  }

  /** Sheets this tool generated: never offered as the source of a new table. */
  generatedSheetNames(): Promise<string[]> {
    return this.queue.run((b) => generatedSheetNames(b, this.env));
  }

  markedSheets(): Promise<MarkerVerdict[]> {
    return this.queue.run((b) => markedSheetVerdicts(b, this.env));
  }

  async applySheetPlan(plan: SheetPlan): Promise<SheetPlanResult> {
    const result = await this.queue.run((b) => applySheetPlanToWorkbook(b, plan, this.env), this.runOptions());
    // A rewrite of the table this host wrote there last (the marker said so): Batalkan can write it back.
    const earlier = this.written.get(result.sheetId);
    if (result.replaced && result.previousFingerprint === EMPTY) this.earlier.set(result.undo, "empty");
    else if (result.replaced && earlier && result.previousFingerprint === planFingerprint(earlier)) this.earlier.set(result.undo, earlier);
    this.written.set(result.sheetId, plan);
    return result;
  }

  /**
   * Batalkan after Buat Tabel, if the sheet is still as written (see sheetPlan.ts): a rewrite gets back the table
   * this host wrote before it; otherwise the sheet is emptied (Excel keeps it; the notice says so).
   */
  async undoSheet(record: SheetUndoRecord): Promise<{ notices: Message[] }> {
    const earlier = this.earlier.get(record);
    const result = await this.queue.run((b) => undoSheetInWorkbook(b, record, this.env, earlier), this.runOptions());
    if (result.restored && earlier && earlier !== "empty") this.written.set(record.sheetId, earlier);
    else this.written.delete(record.sheetId);
    return { notices: result.notices };
  }

  /** ExcelApi 1.20: the command's syncs form one entry in Excel's undo list. */
  private runOptions(): ExcelRunOptions {
    return this.env.isSetSupported("ExcelApi", "1.20") ? { mergeUndoGroup: true } : {};
  }
}
