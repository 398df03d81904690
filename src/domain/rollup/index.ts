/** Recompute and repair: host-independent WritePlans for rollups and mistyped amounts, and their preview. */
export { planRollup, describeChanges, namesCell, ROLLUP_TITLE } from "./planRollup";
export type { ChangeClass, PlanEntry, RollupMode, RollupOptions, RollupResult, SkippedParent, TotalChange, TotalMove } from "./planRollup";
export { planRepairs, repairAlternatives, REPAIR_TITLE } from "./planRepairs";
export type { RepairChoices } from "./planRepairs";
export { describePlan } from "./describePlan";
export { AMOUNT_FORMAT } from "./cellContent";
