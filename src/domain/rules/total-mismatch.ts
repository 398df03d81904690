/**
 * total-mismatch: the total row (JUMLAH / TOTAL / "T O T A L") ≠ the sum of the programs, per money column,
 * with the same slip explanation as rollup-mismatch.
 */
import type { Rule } from "./types";
import { sumFindings } from "./support/sumFindings";

export const rule: Rule = {
  meta: {
    id: "total-mismatch",
    severity: "error",
    description: {
      id: "Baris total tidak sama dengan jumlah pagu semua program.",
      en: "The total row differs from the sum of all programs.",
    },
  },
  check(workbook, options) {
    return sumFindings(workbook, rule.meta, options, "total");
  },
};
