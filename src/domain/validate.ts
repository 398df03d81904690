/**
 * One click: every registered rule over a mapped workbook, one finding per cell and rule, in a stable order.
 */
import type { Finding } from "./findings";
import { sortFindings } from "./findings";
import { assignFindingIds } from "./findingIds";
import type { MappedWorkbook } from "./mapping/types";
import { rules } from "./rules/registry";
import type { RuleOptions } from "./rules/types";

export interface ValidateOptions extends RuleOptions {
  /** Keep only the findings of this sheet (other sheets are still read for cross-table rules). */
  sheet?: string;
}

export function validate(workbook: MappedWorkbook, options: ValidateOptions = {}): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const rule of rules) {
    const override = options.severity?.[rule.meta.id];
    for (const finding of rule.check(workbook, options)) {
      if (options.sheet !== undefined && finding.sheet !== options.sheet) continue;
      const key = `${finding.rule}\u0000${finding.sheet}\u0000${finding.cell}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // An override changes the default severity; a rule's deliberate "info" (an explained sum) stays info.
      out.push(override && finding.severity === rule.meta.severity ? { ...finding, severity: override } : finding);
    }
  }
  return assignFindingIds(sortFindings(out), workbook);
}
