/**
 * The write planners the pane offers, as one injectable set: the controller does not know which issues have
 * landed, and tests hand in their own. `defaultPlanners` (defaultPlanners.ts) wires the domain's builders.
 */
import type { Finding, Message } from "../domain/findings";
import type { MappedWorkbook } from "../domain/mapping/types";
import type { WritePlan } from "../domain/plan";

export type PlanKind = "recompute" | "fixNumbers" | "generate33" | "generate21";

export interface PlanInput {
  workbook: MappedWorkbook;
  findings: Finding[];
}

/** A planner returns the plan and, optionally, a summary line (e.g. how much each total changes). */
export interface PlannedChange {
  plan: WritePlan;
  summary?: Message[];
}

export type Planner = (input: PlanInput) => PlannedChange;

export type Planners = Partial<Record<PlanKind, Planner>>;
