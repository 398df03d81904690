/** The finding contract of DESIGN.md: one finding per cell and rule, pointing at the cell. */
import type { ColumnRole } from "./mapping/types";

export type Severity = "error" | "warning" | "info";

export type RuleId =
  | "rollup-mismatch"
  | "total-mismatch"
  | "formula-range"
  | "malformed-number"
  | "suspect-scale"
  | "text-number"
  | "year-mismatch"
  | "count-mismatch"
  | "cross-table-mismatch"
  | "kode-hierarchy"
  | "evaluation-formula"
  | "kode-format"
  | "nomenclature-mismatch"
  | "missing-field"
  | "target-unit-mismatch"
  | "duplicate-row"
  | "sipd-mismatch";

/** Human text in both languages. */
export interface Message {
  id: string;
  en: string;
}

export interface Finding {
  /**
   * Stable across resubmissions (rule, table kind, the row's kode or normalised name, role; never the row number
   * or the sheet name): set once by validate (findingIds.ts), absent on a rule's raw output.
   */
  id?: string;
  rule: RuleId;
  severity: Severity;
  /** The sheet's name as Excel shows it. */
  sheet: string;
  /** A1 without sheet and without $ (top-left cell of a merge). */
  cell: string;
  /** 1-based sheet row. */
  row: number;
  role?: ColumnRole;
  /** Plain decimal strings, no separators: "4596424824", "13729.7". */
  expected?: string;
  actual?: string;
  message: Message;
  /** A repair the user can apply (value as a plain decimal string). */
  suggestion?: { value: string; reason: string };
  /** Other cells: same sheet "F12", other sheet "'Tabel 7'!F12". */
  related?: string[];
}

export const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A reference to a cell on another sheet, quoted as Excel does: 'Tabel 7'!F12. */
export function sheetRef(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** Stable order: sheet, row, column letters, rule. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      a.sheet.localeCompare(b.sheet) ||
      a.row - b.row ||
      a.cell.length - b.cell.length ||
      a.cell.localeCompare(b.cell) ||
      a.rule.localeCompare(b.rule),
  );
}
