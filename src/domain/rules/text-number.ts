/**
 * text-number: a well-formed amount stored as text ("4,472,430,125" pasted from Word). Excel's SUM skips it,
 * so a parent formula over such cells silently gives 0. One info per cell; the suggestion is the number.
 */
import type { Rule } from "./types";
import { cellFindings } from "./support/slipFindings";
import { msg } from "../messages";

export const rule: Rule = {
  meta: {
    id: "text-number",
    severity: "info",
    description: msg("rule.description.text-number", {}),
  },
  check(workbook, options) {
    return cellFindings(workbook, rule.meta, options);
  },
};
