/** The finding contract of DESIGN.md: one finding per cell and rule, pointing at the cell. */
import type { ColumnRole } from "./mapping/types";
import { formatAmount, type Lang, type MessageRef, type Phrase } from "./messages";

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

/** A text in both languages made outside the catalogue (rule descriptions, host errors, descriptive phrases). */
export type Message = Phrase;

/**
 * How a finding's expected, actual and suggested values are shown: money (the default) as an amount, a year
 * never grouped, a count, a formula or a text as written.
 */
export type FindingValueKind = "money" | "year" | "count" | "formula" | "text";

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
  /** How expected, actual and suggestion.value are shown; money when absent. */
  valueKind?: FindingValueKind;
  /** The cell's content as written when it is text ("5.494,000"): shown as "Tertulis" rather than `actual`. */
  written?: string;
  /** The catalogue message and its typed data; rendered per language at the edge (messages/render.ts). */
  message: MessageRef;
  /** A repair the user can apply (value as a plain decimal string, or text for a text finding). */
  suggestion?: { value: string; reason: MessageRef };
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

/** A finding's expected or suggested value as its kind is shown: "8.399.475" (id) / "8,399,475" (en), "2026", "=SUM(F6:F9)". */
export function showFindingValue(f: Pick<Finding, "valueKind">, value: string, lang: Lang): string {
  switch (f.valueKind ?? "money") {
    case "money":
    case "count":
      return formatAmount(value, lang);
    case "formula":
      return value.startsWith("=") ? value : `=${value}`;
    case "year":
    case "text":
      return value;
  }
}

/** What the cell says: its text as written when it holds text ("5.494,000"), else the actual value as its kind is shown. */
export function showFindingActual(f: Pick<Finding, "valueKind" | "written" | "actual">, lang: Lang): string | undefined {
  if (f.written !== undefined) return f.written;
  return f.actual === undefined ? undefined : showFindingValue(f, f.actual, lang);
}
