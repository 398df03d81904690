/**
 * The standalone page's workbook: the writable .xlsx host (lossless patches into the bytes in memory) plus
 * what the pane needs on a page: pointing at a cell, adding a generated sheet, the bytes to download.
 * The file the user picked is never touched. Mapping corrections live in the browser's storage, keyed by the
 * file name, in the sidecar's format.
 */
import type { Message } from "../../domain/findings";
import type { InteractiveHost, ReadOptions, SheetRef } from "../../domain/host";
import type { MappingOverrides } from "../../domain/mapping/types";
import type { SheetPlan, SheetUndoRecord, UndoRecord, WritePlan } from "../../domain/plan";
import type { SheetSnapshot } from "../../domain/sheet/snapshot";
import { openWritableXlsxHost } from "../../xlsx";
import type { SidecarAccess, WritableXlsxHost } from "../../xlsx";
import type { MarkerVerdict } from "../../domain/generatedMarker";
import { generatedSheets, markerVerdicts } from "../../xlsx/patch/addSheet";
import type { SheetWritingHost } from "../controller";

/** The part of localStorage the sidecar needs (tests hand in a Map-backed one). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export class BrowserWorkbook implements InteractiveHost, SheetWritingHost {
  private constructor(
    private host: WritableXlsxHost,
    /** The bytes as opened: undoing every change comes back to them (the host restores the same bytes). */
    private readonly opened: Uint8Array,
    readonly fileName: string,
    private readonly sidecar: SidecarAccess,
    private readonly onSelect: (sheet: string, cell: string) => void,
  ) {}

  static async open(bytes: Uint8Array, fileName: string, store?: KeyValueStore, onSelect: (sheet: string, cell: string) => void = () => undefined): Promise<BrowserWorkbook> {
    const sidecar = sidecarIn(store, fileName);
    const host = await openWritableXlsxHost(bytes, fileName, sidecar);
    return new BrowserWorkbook(host, host.bytes(), fileName, sidecar, onSelect);
  }

  /**
   * Whether the workbook differs from the file as opened, so the page offers the download and warns before
   * leaving. Undoing every change makes it false again: nothing would be lost by leaving then.
   */
  get changed(): boolean {
    const now = this.host.bytes();
    return now !== this.opened && !sameBytes(now, this.opened);
  }

  /** The workbook as it stands now, changes included. */
  get bytes(): Uint8Array {
    return this.host.bytes();
  }

  get signed(): boolean {
    return this.host.signed === true;
  }

  listSheets(): Promise<SheetRef[]> {
    return this.host.listSheets();
  }

  readSnapshot(sheet: SheetRef, opts?: ReadOptions): Promise<SheetSnapshot> {
    return this.host.readSnapshot(sheet, opts);
  }

  loadMapping(): Promise<MappingOverrides | undefined> {
    return this.host.loadMapping();
  }

  saveMapping(m: MappingOverrides): Promise<void> {
    return this.host.saveMapping(m);
  }

  async apply(plan: WritePlan): Promise<UndoRecord> {
    const record = await this.host.apply(plan);
    return record;
  }

  async undo(record: UndoRecord): Promise<void> {
    await this.host.undo(record);
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.onSelect(sheet, cell);
  }

  async applySheetPlan(plan: SheetPlan): Promise<{ sheetName: string; replaced: boolean; notices: Message[]; undo: SheetUndoRecord }> {
    const result = await this.host.applySheetPlan(plan);
    return { sheetName: result.sheetName, replaced: result.replaced, notices: result.notices, undo: result.undo };
  }

  /** Batalkan after Buat Tabel: the workbook goes back to its bytes before the sheet (see WritableXlsxHost). */
  async undoSheet(record: SheetUndoRecord): Promise<{ notices: Message[] }> {
    const result = await this.host.undoSheet(record);
    return result;
  }

  async generatedSheetNames(): Promise<string[]> {
    return [...generatedSheets(this.host.bytes()).keys()];
  }

  async markedSheets(): Promise<MarkerVerdict[]> {
    return markerVerdicts(this.host.bytes());
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sidecarIn(store: KeyValueStore | undefined, fileName: string): SidecarAccess {
  if (!store) return {};
  const key = `renja-cermat:${fileName}.renja.json`;
  return {
    sidecarName: `${fileName}.renja.json`,
    readSidecar: async () => store.getItem(key) ?? undefined,
    writeSidecar: async (text: string) => store.setItem(key, text),
  };
}

/** "rencana.xlsx" -> "rencana (Renja Cermat).xlsx": the download never shadows the original. */
export function downloadName(fileName: string): string {
  const dot = fileName.toLowerCase().lastIndexOf(".xls");
  const base = dot > 0 ? fileName.slice(0, dot) : fileName;
  return `${base} (Renja Cermat).xlsx`;
}
