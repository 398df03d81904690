/**
 * malformed-number: a money amount whose text cannot be read unambiguously (dots and commas mixed, wrong digit
 * grouping, a digit too many or missing: "4.765,000", "41,400,0000", "70.500.00"). The suggestion is the
 * repair that balances the sums: equal to the cell's children's sum for a parent, or making its parent's sum
 * hold; when none does, the most plausible reading with a reason saying it does not balance.
 * Cells of plan rows that hold no amount at all (an Excel error, words) are reported too (support/unreadableFindings.ts).
 * More specific than suspect-scale: such a cell never also gets suspect-scale (see support/slipFindings.ts).
 */
import type { Rule } from "./types";
import { cellFindings } from "./support/slipFindings";
import { unreadableFindings } from "./support/unreadableFindings";
import { msg } from "../messages";

export const rule: Rule = {
  meta: {
    id: "malformed-number",
    severity: "error",
    description: msg("rule.description.malformed-number", {}),
  },
  check(workbook, options) {
    return [...cellFindings(workbook, rule.meta, options), ...unreadableFindings(workbook, rule.meta, options)];
  },
};
