/**
 * suspect-scale: a Rupiah amount that is well written but wrong in scale: a number with a fraction (13729.7,
 * from "13.729,700" typed into an Indonesian-locale Excel), or a whole number 1,000 times off what its sum
 * needs (4765 where the parent needs 4.765.000; decidable only against the parent, so reported only when the
 * thousandfold reading balances the sum). The suggestion is the balancing amount.
 */
import type { Rule } from "./types";
import { cellFindings } from "./support/slipFindings";
import { msg } from "../messages";

export const rule: Rule = {
  meta: {
    id: "suspect-scale",
    severity: "error",
    description: msg("rule.description.suspect-scale", {}),
  },
  check(workbook, options) {
    return cellFindings(workbook, rule.meta, options);
  },
};
