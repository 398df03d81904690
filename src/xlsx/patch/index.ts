/** Lossless .xlsx writes: read cells exactly as stored, and patch planned cells inside the original package. */
export { readCellContents, type CellRef } from "./readCells";
export { applyPlanToXlsx, type PatchResult } from "./applyPlan";
