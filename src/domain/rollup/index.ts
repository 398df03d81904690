/** Recompute and repair: host-independent WritePlans for rollups and mistyped amounts, and their preview. */
export { planRollup, describeChanges, ROLLUP_TITLE } from "./planRollup";
export type { RollupMode, RollupOptions, RollupResult, SkippedParent, TotalChange } from "./planRollup";
export { planRepairs, repairCandidates, REPAIR_TITLE } from "./planRepairs";
export type { RepairChoices } from "./planRepairs";
export { describePlan } from "./describePlan";
export { AMOUNT_FORMAT } from "./cellContent";
