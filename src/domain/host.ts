/**
 * The host contract (DESIGN.md), in one file: what the Office host (src/office) and the .xlsx host (src/xlsx)
 * offer, the optional capabilities the task pane uses, and the refusal rules every host applies before a write
 * (`refusals`, pure: each host reads what the planned cells hold now and asks it). The domain never calls a host.
 */
import { sheetRef, type Message } from "./findings";
import type { MarkerVerdict } from "./generatedMarker";
import type { MappingOverrides } from "./mapping/types";
import { unchangedSinceRead, type CellContent, type PlannedCell, type SheetPlan, type SheetUndoRecord, type UndoRecord, type WritePlan } from "./plan";
import { a1, type MergeArea, type SheetSnapshot } from "./sheet/snapshot";
import { cell, count, msg, nested, renderAll, text, type MessageRef, type Phrase } from "./messages";

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
  /**
   * The workbook carries a digital signature that a write cannot keep (the .xlsx host writes a patched copy).
   * Absent where the application itself handles signatures (Excel warns on save).
   */
  readonly signed?: boolean;
}

/** What every write surface says before writing a signed workbook (CLI write commands, the pane's preview). */
export const SIGNED_WORKBOOK_WARNING: MessageRef = msg("host.signedWorkbook", {});

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

/**
 * Optional host capabilities, named as the Office host (src/office/officeHost.ts) offers them:
 * "Tandai di lembar" fills finding cells and takes the fill off exactly (the host keeps what each cell held);
 * a generated table is written as a new sheet.
 */
/**
 * "Tandai di lembar" fills finding cells and takes the fill off exactly (the host keeps what each cell held).
 * May say how many cells it marked and why some were left unmarked.
 */
export interface HighlightingHost {
  highlight(cells: readonly { sheet: string; cell: string }[]): Promise<void | { marked: number; notice?: Message }>;
  clearHighlight(): Promise<void>;
}

export interface SheetWritingHost {
  /** `undo`: what `undoSheet` needs to take the sheet back (a host without undoSheet leaves it out). */
  applySheetPlan(plan: SheetPlan): Promise<{ sheetName: string; replaced: boolean; notices?: Message[]; undo?: SheetUndoRecord }>;
  /**
   * Batalkan after Buat Tabel: takes back the sheet the record names, only while it is still as the tool left it
   * (HostError otherwise, nothing changed). The .xlsx host removes an added sheet (restores a rewritten one)
   * exactly; the Office host empties it (DECISIONS.md). `notices` say what the user must know about it.
   */
  undoSheet?(record: SheetUndoRecord): Promise<{ notices?: Message[] }>;
  /** Sheets this tool generated before, so a new table is never built from one. */
  generatedSheetNames?(): Promise<string[]>;
  /** Every sheet carrying this tool's marker, with its verdict (a copy and an edited sheet are the user's). */
  markedSheets?(): Promise<MarkerVerdict[]>;
}

/** What the task pane works with: a readable host, with whichever write and pointing capabilities it has. */
export type PaneHost = WorkbookHost &
  Partial<Pick<InteractiveHost, "apply" | "undo" | "selectCell">> &
  Partial<HighlightingHost> &
  Partial<SheetWritingHost>;

/** What a host found at one planned cell just before writing. */
export interface PlannedCellNow {
  content: CellContent;
  /** The merged area the cell lies in, if any. */
  merge?: MergeArea;
  /** The cell is part of a multi-cell array formula. */
  inArray?: boolean;
}

/** What a host found in the workbook just before writing: `cells` in the plan's order, protected sheets by name. */
export interface WorkbookNow {
  cells: readonly PlannedCellNow[];
  protectedSheets: ReadonlySet<string>;
}

/** Cells a refusal names; the rest are counted. */
const LISTED_CELLS = 12;

function listed(refs: readonly string[]): MessageRef {
  const shown = text(refs.slice(0, LISTED_CELLS).join(", "));
  const more = refs.length - LISTED_CELLS;
  return more > 0 ? msg("host.cellsAndMore", { cells: shown, more: count(more) }) : msg("host.cellsListed", { cells: shown });
}

/**
 * The refusal rules of every write, once: the plan writes a cell twice; a protected sheet; a cell inside a
 * merged area that is not its top-left cell; a cell changed since it was read (the user kept typing); part of a
 * multi-cell array formula. The first rule that applies refuses the whole plan, naming the cells it concerns;
 * undefined when the plan may be written. Both hosts call it with what they read just before writing.
 */
export function refusals(plan: { readonly cells: readonly PlannedCell[] }, now: WorkbookNow): HostError | undefined {
  const seen = new Set<string>();
  for (const c of plan.cells) {
    const key = `${c.sheet.toLowerCase()}!${c.row}:${c.col}`;
    if (seen.has(key)) {
      return new HostError("unwritable-cell", msg("host.writesTwice", { cell: cell(sheetRef(c.sheet, c.cell)) }));
    }
    seen.add(key);
  }
  const locked = [...new Set(plan.cells.map((c) => c.sheet))].filter((s) => now.protectedSheets.has(s));
  if (locked.length) {
    return protectedSheetsError(locked);
  }
  const inMerge = plan.cells.flatMap((c, i) => {
    const m = now.cells[i].merge;
    return m && (m.top !== c.row || m.left !== c.col) ? [`${sheetRef(c.sheet, c.cell)} (${a1(m.top, m.left)}:${a1(m.bottom, m.right)})`] : [];
  });
  if (inMerge.length) {
    return new HostError("protected", msg("host.inMerge", { cells: text(inMerge.join(", ")) }));
  }
  const changed = plan.cells.filter((c, i) => !unchangedSinceRead(c.before, now.cells[i].content));
  if (changed.length) {
    return new HostError("changed-since-read", msg("host.changedSinceRead", { cells: nested(listed(changed.map((c) => sheetRef(c.sheet, c.cell)))) }));
  }
  const inArray = plan.cells.filter((_c, i) => now.cells[i].inArray).map((c) => sheetRef(c.sheet, c.cell));
  if (inArray.length) {
    return new HostError("protected", msg("host.inArray", { cells: nested(listed(inArray)) }));
  }
  return undefined;
}

/** A write refused because these sheets are protected (the Office host's sheet writer says the same of one sheet). */
export function protectedSheetsError(sheets: readonly string[]): HostError {
  return new HostError("protected", msg("host.sheetProtected", { sheets: text(sheets.map((s) => `'${s}'`).join(", ")) }));
}

/**
 * A failure a host reports to the user: a code for programs and a catalogue message (kept in `ref`, so another
 * message can embed it), rendered in every language once (`messages`).
 */
export class HostError extends Error {
  readonly messages: Phrase;
  constructor(
    readonly code: HostErrorCode,
    readonly ref: MessageRef,
  ) {
    const messages = renderAll(ref);
    super(messages.en);
    this.messages = messages;
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
