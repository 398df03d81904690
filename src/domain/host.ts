/**
 * The host contract (DESIGN.md): what the Office host (src/office) and the .xlsx host (src/xlsx) both offer.
 * Types only; the domain never calls a host.
 */
import type { MappingOverrides } from "./mapping/types";
import type { UndoRecord, WritePlan } from "./plan";
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

/**
 * A host that can write. `apply` first re-reads every planned cell and refuses (HostError "changed-since-read",
 * naming the cells) if any differs from its `before`; then it writes everything or nothing and returns the record
 * that `undo` needs to restore values, formulas and number formats exactly.
 */
export interface WritableHost extends WorkbookHost {
  apply(plan: WritePlan): Promise<UndoRecord>;
  undo(record: UndoRecord): Promise<void>;
}

/** What the task pane needs beyond reading and writing: pointing the user at cells. */
export interface InteractiveHost extends WritableHost {
  /** Select the cell (sheet name as Excel shows it, A1 address) and bring it into view. */
  selectCell(sheet: string, cell: string): Promise<void>;
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
  | "unwritable-cell"
  | "cell-edit-mode"
  | "timeout"
  | "io";
