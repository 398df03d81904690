/**
 * The write planners the pane offers, as one injectable set: the controller does not know which issues have
 * landed, and tests hand in their own. `defaultPlanners` (defaultPlanners.ts) wires the domain's builders.
 */
import type { Finding, Message } from "../domain/findings";
import type { MappedWorkbook } from "../domain/mapping/types";
import type { MarkerVerdict } from "../domain/generatedMarker";
import type { CellContent, SheetPlan, WritePlan } from "../domain/plan";

export type PlanKind = "recompute" | "fixNumbers" | "generate33" | "generate21" | "takeSipd" | "generatePerubahan";

export interface PlanInput {
  workbook: MappedWorkbook;
  findings: Finding[];
  /** Sheets this tool generated before (never the source of a new table), when the host knows them. */
  generatedSheets?: string[];
  /** Sheets carrying the tool's marker that are the user's now (a copy, an edited sheet): never rewritten. */
  keptSheets?: MarkerVerdict[];
  /** The original version a comparison (Tabel Perubahan) is built against, when the user picked one. */
  original?: MappedWorkbook;
  /** The user's picks among a cell's repair candidates: "'Sheet'!A1" → plain decimal. */
  choices?: Readonly<Record<string, string>>;
  /** Recompute: the decisions the user ticked, and the other changes the user unticked ("'Sheet'!A1"). */
  accept?: readonly string[];
  skip?: readonly string[];
}

/** One change of a recompute preview, with its checkbox: decisions start unticked. */
export interface PreviewChange {
  ref: string;
  class: "same-amount" | "explained" | "decision";
  /** The checkbox: a decision the user ticked, any other change the user did not untick. */
  ticked: boolean;
  /** Written by Terapkan (ticked, and nothing it waits for is held). */
  applied: boolean;
  /** What the cell holds and will hold, shown in the pane's language (previewLines.describeContent). */
  before: CellContent;
  after: CellContent;
  evidence: Message[];
  heldBecause?: Message;
}

/**
 * What a planner proposes: cell edits (a WritePlan) or a whole new sheet (a SheetPlan), with summary lines
 * (how much each total changes, what was left alone), or why nothing can be built.
 */
export type PlannedChange =
  | {
      plan: WritePlan;
      summary?: Message[];
      /** Cells whose new value the user may pick: "'Sheet'!A1" → candidates (plain decimals), the planned one first. */
      options?: Record<string, string[]>;
      /** Every change the user may tick or untick (recompute), applied or held. */
      changes?: PreviewChange[];
      /** Recompute: the parents not recomputed beyond the few in the summary, each with its cell and why. */
      moreSkipped?: Message[];
    }
  | { sheet: SheetPlan; summary?: Message[] }
  | { refused: Message };

export type Planner = (input: PlanInput) => PlannedChange;

export type Planners = Partial<Record<PlanKind, Planner>>;
