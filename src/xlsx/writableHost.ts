/**
 * The .xlsx host's write side: plans are patched into the workbook's current bytes (src/xlsx/patch, lossless),
 * and the host reopens itself from the new bytes so that later reads see what was written. `bytes()` is the
 * workbook to save; the file on disk is never touched here.
 */
import type { ReadOptions, SheetRef, WritableHost } from "../domain/host";
import type { MappingOverrides } from "../domain/mapping/types";
import type { UndoRecord, WritePlan } from "../domain/plan";
import type { SheetSnapshot } from "../domain/sheet/snapshot";
import type { SidecarAccess } from "./mappingSidecar";
import { applyPlanToXlsx } from "./patch";
import type { SniffLimits } from "./sniff";
import { openXlsxHost, type XlsxHost } from "./xlsxHost";

export interface WritableXlsxHost extends XlsxHost, WritableHost {
  /** The workbook as it stands after every apply and undo so far. */
  bytes(): Uint8Array;
}

export async function openWritableXlsxHost(
  bytes: Uint8Array,
  fileName: string,
  sidecar: SidecarAccess = {},
  limits: SniffLimits = {},
): Promise<WritableXlsxHost> {
  const reader = await openXlsxHost(bytes, fileName, sidecar, limits);
  return new PatchingHost(bytes, reader, sidecar, limits);
}

class PatchingHost implements WritableXlsxHost {
  constructor(
    private current: Uint8Array,
    private reader: XlsxHost,
    private readonly sidecar: SidecarAccess,
    private readonly limits: SniffLimits,
  ) {}

  get fileName(): string {
    return this.reader.fileName;
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

  loadMapping(): Promise<MappingOverrides | undefined> {
    return this.reader.loadMapping();
  }

  saveMapping(m: MappingOverrides): Promise<void> {
    return this.reader.saveMapping(m);
  }

  async apply(plan: WritePlan): Promise<UndoRecord> {
    const { bytes, undo } = applyPlanToXlsx(this.current, plan);
    await this.replaceWith(bytes);
    return undo;
  }

  async undo(record: UndoRecord): Promise<void> {
    const { bytes } = applyPlanToXlsx(this.current, { title: record.title, cells: record.cells });
    await this.replaceWith(bytes);
  }

  /** Reopening is the simplest way to make every later read see the written cells exactly as stored. */
  private async replaceWith(bytes: Uint8Array): Promise<void> {
    if (bytes === this.current) return;
    const reader = await openXlsxHost(bytes, this.reader.fileName, this.sidecar, this.limits);
    this.current = bytes;
    this.reader = reader;
  }
}
