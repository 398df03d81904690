/**
 * sipd-mismatch: the plan tables (Tabel 3.3, Tabel 7) against the unit's SIPD-RI export, when one is given
 * (RuleOptions.sipd): pagu N and N+1, sumber dana and the sub kegiatan present on one side only. Money is an
 * error, text a warning; the SIPD row is in `related` and SIPD's value is the suggestion. The comparison itself
 * is src/domain/sipd's; without an export the rule has nothing to say.
 */
import type { Finding } from "../findings";
import type { MappedWorkbook } from "../mapping/types";
import { compareWithSipd } from "../sipd";
import type { Rule, RuleMeta, RuleOptions } from "./types";
import { msg } from "../messages";

const meta: RuleMeta = {
  id: "sipd-mismatch",
  severity: "error",
  description: msg("rule.description.sipd-mismatch", {}),
};

export const rule: Rule = {
  meta,
  check(workbook: MappedWorkbook, options: RuleOptions): Finding[] {
    if (!options.sipd) return [];
    return compareWithSipd(workbook, options.sipd.export, { skpd: options.sipd.skpd, severity: options.severity?.[meta.id] }).findings;
  },
};
