/** Rule modules follow ESLint's model: each exports its meta and one check function. */
import type { Finding, RuleId, Severity } from "../findings";
import type { MessageRef } from "../messages";
import type { MappedWorkbook } from "../mapping/types";
import type { SipdExport } from "../sipd/types";

export interface RuleOptions {
  /** Plan year N when the user sets it; otherwise each table's own year is used. */
  year?: number;
  /** Override a rule's default severity. */
  severity?: Partial<Record<RuleId, Severity>>;
  /** A SIPD-RI export to compare the plan tables with (sipd-mismatch), and the unit to take from it. */
  sipd?: { export: SipdExport; skpd?: string };
}

export interface RuleMeta {
  id: RuleId;
  severity: Severity;
  /** What the rule checks: a catalogue message (rule.description.*), rendered where it is shown. */
  description: MessageRef;
}

export interface Rule {
  meta: RuleMeta;
  check(workbook: MappedWorkbook, options: RuleOptions): Finding[];
}
