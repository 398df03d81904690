/**
 * The host contract (DESIGN.md): what the Office host (src/office) and the .xlsx host (src/xlsx) both offer.
 * Types only; the domain never calls a host. Writing (apply/undo) is added with the recompute work.
 */
import type { MappingOverrides } from "./mapping/types";
import type { SheetSnapshot } from "./sheet/snapshot";

export interface SheetRef {
  id: string;
  name: string;
  visible: boolean;
}

export interface ReadOptions {
  /** Also read style cues (bold, indent). */
  styles?: boolean;
}

export interface WorkbookHost {
  listSheets(): Promise<SheetRef[]>;
  readSnapshot(sheet: SheetRef, opts?: ReadOptions): Promise<SheetSnapshot>;
  loadMapping(): Promise<MappingOverrides | undefined>;
  saveMapping(m: MappingOverrides): Promise<void>;
}

/** A failure a host reports to the user: a code for programs and a message in both languages. */
export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    readonly messages: { id: string; en: string },
  ) {
    super(messages.en);
    this.name = "HostError";
  }
}

export type HostErrorCode =
  | "not-found"
  | "not-xlsx"
  | "legacy-xls"
  | "encrypted"
  | "corrupt"
  | "empty-file"
  | "too-large"
  | "changed-since-read"
  | "protected"
  | "io";
