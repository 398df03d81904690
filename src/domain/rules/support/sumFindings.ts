/**
 * Findings for sums that do not hold, shared by rollup-mismatch (parent vs children) and total-mismatch
 * (total row vs programs): an error on the parent's cell when the sum fails, an info when a child's slip
 * explains the difference (the child carries the error), nothing when the parent's own slip does.
 */
import type { Finding } from "../../findings";
import type { MappedWorkbook } from "../../mapping/types";
import { plainDecimal } from "../../numbers";
import { cells, count, list, money, msg, nested, signedMoney, type MessageRef } from "../../messages";
import type { RuleMeta, RuleOptions } from "../types";
import { sumAsRead, type SumCheck } from "../../analysis/arithmetic";
import { analysisOf, type SourceVerdict } from "../../analysis";
import { likelyCauses } from "../../analysis/causes";
import { levelName, moneyColumnLabel, rowName, severityFor } from "../../analysis/describe";

export function sumFindings(workbook: MappedWorkbook, meta: RuleMeta, options: RuleOptions, kind: SumCheck["kind"]): Finding[] {
  const arithmetic = analysisOf(workbook);
  const findings: Finding[] = [];
  for (const column of arithmetic.columns) {
    for (const check of column.checks) {
      if (check.kind !== kind) continue;
      const verdict = check.outcome === "mismatch" ? arithmetic.verdictOf(check.parent) : undefined;
      if (verdict) {
        findings.push(blamedChildrenFinding(check, verdict, meta));
      } else if (check.outcome === "mismatch") {
        findings.push(mismatchFinding(check, meta, options, likelyCauses(workbook, arithmetic, check)));
      } else if (check.outcome === "explained") {
        findings.push(explainedFinding(check, meta));
      }
    }
  }
  return findings;
}

function base(check: SumCheck, meta: RuleMeta): Pick<Finding, "rule" | "sheet" | "cell" | "row" | "role"> {
  const m = check.parent.money;
  return { rule: meta.id, sheet: m.table.sheet, cell: m.address, row: m.row.row, role: m.role };
}

function childrenPhrase(check: SumCheck): MessageRef {
  const n = count(check.children.length);
  return check.kind === "total" ? msg("sum.programs", { n }) : msg("sum.children", { n, level: nested(levelName(check.children[0].money.row.level)) });
}

function mismatchFinding(check: SumCheck, meta: RuleMeta, options: RuleOptions, causes: MessageRef[]): Finding {
  // Both are set for a mismatch (judge leaves them null only when undecidable).
  const stated = check.stated ?? sumAsRead(check);
  const sum = check.sum ?? sumAsRead(check);
  const m = check.parent.money;
  const column = nested(moneyColumnLabel(m.table, m.role, m.col));
  const who = nested(rowName(m.row));
  const repaired = check.repairedChildren.map((c) => c.money.address);
  return {
    ...base(check, meta),
    severity: severityFor(meta, options),
    expected: plainDecimal(sum),
    actual: plainDecimal(stated),
    message: msg("sum.mismatch", {
      column,
      who,
      stated: money(stated),
      children: nested(childrenPhrase(check)),
      sum: money(sum),
      difference: signedMoney(stated.minus(sum)),
      repairNote: nested(repaired.length ? msg("sum.repairNote", { cells: cells(repaired) }) : msg("empty", {})),
      causes: list(causes.map((c) => msg("sum.cause", { cause: nested(c) })), ""),
    }),
    related: check.children.map((c) => c.money.address),
  };
}

function explainedFinding(check: SumCheck, meta: RuleMeta): Finding {
  const m = check.parent.money;
  const column = nested(moneyColumnLabel(m.table, m.role, m.col));
  const who = nested(rowName(m.row));
  const slips = cells(check.repairedChildren.map((c) => c.money.address));
  const asRead = sumAsRead(check);
  const stated = check.stated ?? asRead;
  return {
    ...base(check, meta),
    severity: "info",
    expected: plainDecimal(asRead),
    actual: plainDecimal(stated),
    message: msg("sum.explained", { column, who, stated: money(stated), slips, asRead: money(asRead) }),
    related: check.repairedChildren.map((c) => c.money.address),
  };
}

/** Most sources support the parent's amount: its children that disagree carry the error (cross-table-mismatch). */
function blamedChildrenFinding(check: SumCheck, verdict: SourceVerdict, meta: RuleMeta): Finding {
  const m = check.parent.money;
  const column = nested(moneyColumnLabel(m.table, m.role, m.col));
  const who = nested(rowName(m.row));
  const stated = check.stated ?? sumAsRead(check);
  const sum = check.sum ?? sumAsRead(check);
  return {
    ...base(check, meta),
    severity: "info",
    expected: plainDecimal(sum),
    actual: plainDecimal(stated),
    message: msg("sum.blamed", {
      column,
      who,
      stated: money(stated),
      sum: money(sum),
      evidence: nested(verdict.evidence),
      cells: cells(verdict.blamed.map((b) => b.money.address)),
    }),
    related: verdict.blamed.map((b) => b.money.address),
  };
}
