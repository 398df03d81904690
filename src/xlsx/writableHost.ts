/**
 * The .xlsx host's write side: plans are patched into the workbook's current bytes (src/xlsx/patch, lossless),
 * and the host reopens itself from the new bytes so that later reads see what was written. `bytes()` is the
 * workbook to save; the file on disk is never touched here.
 */
import type { ReadOptions, SheetRef, WritableHost } from "../domain/host";
import type { MappingOverrides } from "../domain/mapping/types";
import type { Message } from "../domain/findings";
import { sheetUndoRecord, type SheetPlan, type SheetUndoRecord, type UndoRecord, type WritePlan } from "../domain/plan";
import { planFingerprint } from "../domain/generatedMarker";
import { HostError } from "../domain/host";
import { msg, text } from "../domain/messages";
import type { SheetSnapshot } from "../domain/sheet/snapshot";
import type { SidecarAccess } from "./mappingSidecar";
import { applyPlanToXlsx } from "./patch";
import type { MarkerVerdict } from "../domain/generatedMarker";
import { addSheetToXlsx, generatedSheets } from "./patch/addSheet";
import { openXlsxHost, type HostReadOptions, type XlsxHost } from "./xlsxHost";

export interface WritableXlsxHost extends XlsxHost, WritableHost {
  /** The workbook as it stands after every apply and undo so far. */
  bytes(): Uint8Array;
  /**
   * Adds a generated sheet, or rewrites the one this tool generated before when `plan.replaceGenerated`
   * (never another sheet). Throws HostError when refused, CannotExtendError when the package cannot take a
   * new sheet safely (the caller then offers sheetPlanToNewWorkbook).
   */
  applySheetPlan(plan: SheetPlan): Promise<{ sheetName: string; sheetId: string; replaced: boolean; notices: Message[]; undo: SheetUndoRecord }>;
  /**
   * Takes back the sheet of an applySheetPlan of this host: the package as it was before (the added sheet, its
   * relationship, content type, names and styles gone; a rewritten sheet as it was), byte for byte. Refused
   * (HostError, nothing changed) when the workbook was changed since by anything not taken back first.
   */
  undoSheet(record: SheetUndoRecord): Promise<{ notices: Message[] }>;
  /** Sheets this tool generated before: name → table kind. */
  generatedSheets(): Map<string, string>;
}

export async function openWritableXlsxHost(
  bytes: Uint8Array,
  fileName: string,
  sidecar: SidecarAccess = {},
  limits: HostReadOptions = {},
): Promise<WritableXlsxHost> {
  const reader = await openXlsxHost(bytes, fileName, sidecar, limits);
  return new PatchingHost(bytes, reader, sidecar, limits);
}

class PatchingHost implements WritableXlsxHost {
  /**
   * The package before and after each write of this host, by the record it returned. Batalkan goes back in the
   * order of the writes, so when the bytes are still the ones a write left, going back to the bytes before it is
   * exact — and it is the only exact way back for a sheet (its parts, names, styles and calc chain at once).
   */
  private readonly writes = new WeakMap<object, { before: Uint8Array; after: Uint8Array }>();

  constructor(
    private current: Uint8Array,
    private reader: XlsxHost,
    private readonly sidecar: SidecarAccess,
    private readonly limits: HostReadOptions,
  ) {}

  get fileName(): string {
    return this.reader.fileName;
  }

  get signed(): boolean {
    return this.reader.signed === true;
  }

  bytes(): Uint8Array {
    return this.current;
  }

  listSheets(): Promise<SheetRef[]> {
    return this.reader.listSheets();
  }

  readSnapshot(sheet: SheetRef, opts?: ReadOptions): Promise<SheetSnapshot> {
    return this.reader.readSnapshot(sheet, opts);
  }

  readAllSnapshots(opts?: ReadOptions): Promise<SheetSnapshot[]> {
    return this.reader.readAllSnapshots(opts);
  }

  markedSheets(): MarkerVerdict[] {
    return this.reader.markedSheets?.() ?? [];
  }

  loadMapping(): Promise<MappingOverrides | undefined> {
    return this.reader.loadMapping();
  }

  saveMapping(m: MappingOverrides): Promise<void> {
    return this.reader.saveMapping(m);
  }

  async apply(plan: WritePlan): Promise<UndoRecord> {
    const before = this.current;
    const { bytes, undo } = applyPlanToXlsx(this.current, plan);
    await this.replaceWith(bytes);
    this.writes.set(undo, { before, after: this.current });
    return undo;
  }

  async applySheetPlan(plan: SheetPlan): Promise<{ sheetName: string; sheetId: string; replaced: boolean; notices: Message[]; undo: SheetUndoRecord }> {
    const before = this.current;
    const result = addSheetToXlsx(this.current, plan);
    await this.replaceWith(result.bytes);
    const sheet = (await this.reader.listSheets()).find((s) => s.name === result.sheetName);
    const sheetId = sheet?.id ?? result.sheetName;
    const undo = sheetUndoRecord(plan, result.sheetName, sheetId, result.replaced, planFingerprint(plan));
    this.writes.set(undo, { before, after: this.current });
    return { sheetName: result.sheetName, sheetId, replaced: result.replaced, notices: plan.notices, undo };
  }

  generatedSheets(): Map<string, string> {
    return generatedSheets(this.current);
  }

  /** Exactly the bytes before the write when nothing changed since; else the cells are patched back (guarded). */
  async undo(record: UndoRecord): Promise<void> {
    const write = this.writes.get(record);
    if (write && write.after === this.current) {
      await this.replaceWith(write.before);
      return;
    }
    const { bytes } = applyPlanToXlsx(this.current, { title: record.title, cells: record.cells });
    await this.replaceWith(bytes);
  }

  async undoSheet(record: SheetUndoRecord): Promise<{ notices: Message[] }> {
    const write = this.writes.get(record);
    if (!write || write.after !== this.current) throw sheetChangedSinceError(record.sheetName);
    await this.replaceWith(write.before);
    return { notices: [] };
  }

  /** Reopening is the simplest way to make every later read see the written cells exactly as stored. */
  private async replaceWith(bytes: Uint8Array): Promise<void> {
    if (bytes === this.current) return;
    const reader = await openXlsxHost(bytes, this.reader.fileName, this.sidecar, this.limits);
    this.current = bytes;
    this.reader = reader;
  }
}

function sheetChangedSinceError(sheet: string): HostError {
  return new HostError("changed-since-read", msg("xlsx.undoSheetChanged", { sheet: text(sheet) }));
}
