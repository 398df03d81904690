/**
 * rollup-mismatch: a parent's amount (program: Σ kegiatan; kegiatan: Σ sub kegiatan) ≠ the sum of its
 * children, in every money column of the table (N and N+1; every Rp column of Tabel 2.1). Exact Decimal sums;
 * empty and "-" count as zero. Reported on the parent's cell with its children in `related` and the likely cause.
 * A child's slip that explains the difference makes this an info (the child carries the error); a slip in the
 * parent itself that equals Σ children is left to the parent's malformed-number/suspect-scale finding.
 */
import type { Rule } from "./types";
import { sumFindings } from "./support/sumFindings";
import { msg } from "../messages";

export const rule: Rule = {
  meta: {
    id: "rollup-mismatch",
    severity: "error",
    description: msg("rule.description.rollup-mismatch", {}),
  },
  check(workbook, options) {
    return sumFindings(workbook, rule.meta, options, "rollup");
  },
};
