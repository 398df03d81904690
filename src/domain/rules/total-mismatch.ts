/**
 * total-mismatch: the total row (JUMLAH / TOTAL / "T O T A L") ≠ the sum of the programs, per money column,
 * with the same slip explanation as rollup-mismatch.
 */
import type { Rule } from "./types";
import { sumFindings } from "./support/sumFindings";
import { msg } from "../messages";

export const rule: Rule = {
  meta: {
    id: "total-mismatch",
    severity: "error",
    description: msg("rule.description.total-mismatch", {}),
  },
  check(workbook, options) {
    return sumFindings(workbook, rule.meta, options, "total");
  },
};
