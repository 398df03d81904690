/** The Office host: the only code that calls the Excel API (ESLint enforces it). */
export { OfficeHost, type OfficeHostOptions, type OfficeHostStats } from "./officeHost";
export { officeEnvironment, type OfficeEnvironment, type ExcelRunOptions } from "./environment";
export { ExcelQueue, Batch } from "./queue";
export { HIGHLIGHT_COLOR, MAX_HIGHLIGHTED, type CellTarget, type HighlightResult } from "./highlight";
export type { SheetPlanResult } from "./sheetPlan";
