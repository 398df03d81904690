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

const meta: RuleMeta = {
  id: "sipd-mismatch",
  severity: "error",
  description: {
    id: "Tabel 3.3 / Tabel 7 harus sama dengan ekspor SIPD-RI unit yang sama: pagu N (dan N+1), sumber dana, sub kegiatan yang ada.",
    en: "Tabel 3.3 / Tabel 7 must agree with the same unit's SIPD-RI export: pagu N (and N+1), sumber dana, the sub kegiatan listed.",
  },
};

export const rule: Rule = {
  meta,
  check(workbook: MappedWorkbook, options: RuleOptions): Finding[] {
    if (!options.sipd) return [];
    return compareWithSipd(workbook, options.sipd.export, { skpd: options.sipd.skpd, severity: options.severity?.[meta.id] }).findings;
  },
};
