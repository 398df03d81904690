/**
 * The standalone page's workbook: an .xlsx held in memory, read through the .xlsx host and written by the
 * lossless patcher. Every write produces new bytes (the user downloads them); the file on disk is never touched.
 * Mapping corrections live in the browser's storage, keyed by the file name, in the sidecar's format.
 */
import type { ReadOptions, SheetRef, InteractiveHost } from "../../domain/host";
import type { MappingOverrides } from "../../domain/mapping/types";
import type { UndoRecord, WritePlan } from "../../domain/plan";
import type { SheetSnapshot } from "../../domain/sheet/snapshot";
import { openXlsxHost } from "../../xlsx";
import type { XlsxHost } from "../../xlsx";
import { applyPlanToXlsx } from "../../xlsx/patch";

/** The part of localStorage the sidecar needs (tests hand in a Map-backed one). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export class BrowserWorkbook implements InteractiveHost {
  private constructor(
    private host: XlsxHost,
    private current: Uint8Array,
    readonly fileName: string,
    private readonly store: KeyValueStore | undefined,
    private readonly onSelect: (sheet: string, cell: string) => void,
    /** True once a write changed the bytes, so the page offers the download. */
    public changed = false,
  ) {}

  static async open(bytes: Uint8Array, fileName: string, store?: KeyValueStore, onSelect: (sheet: string, cell: string) => void = () => undefined): Promise<BrowserWorkbook> {
    const host = await openXlsxHost(bytes, fileName, sidecarIn(store, fileName));
    return new BrowserWorkbook(host, bytes, fileName, store, onSelect);
  }

  /** The workbook as it stands now, changes included. */
  get bytes(): Uint8Array {
    return this.current;
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
    const { bytes, undo } = applyPlanToXlsx(this.current, plan);
    await this.replaceBytes(bytes);
    return undo;
  }

  async undo(record: UndoRecord): Promise<void> {
    // The record's cells already say what they hold now (before) and what they held (after): a plan to write.
    const { bytes } = applyPlanToXlsx(this.current, { title: record.title, cells: record.cells });
    await this.replaceBytes(bytes);
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.onSelect(sheet, cell);
  }

  private async replaceBytes(bytes: Uint8Array): Promise<void> {
    this.host = await openXlsxHost(bytes, this.fileName, sidecarIn(this.store, this.fileName));
    this.current = bytes;
    this.changed = true;
  }
}

function sidecarIn(store: KeyValueStore | undefined, fileName: string) {
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
