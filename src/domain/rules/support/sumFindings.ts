/**
 * Findings for sums that do not hold, shared by rollup-mismatch (parent vs children) and total-mismatch
 * (total row vs programs): an error on the parent's cell when the sum fails, an info when a child's slip
 * explains the difference (the child carries the error), nothing when the parent's own slip does.
 */
import type { Finding, Message } from "../../findings";
import type { MappedWorkbook } from "../../mapping/types";
import { formatRupiah, plainDecimal } from "../../numbers";
import type { RuleMeta, RuleOptions } from "../types";
import { sumAsRead, type SumCheck } from "../../analysis/arithmetic";
import { analysisOf, type SourceVerdict } from "../../analysis";
import { likelyCauses } from "../../analysis/causes";
import { capitalize, levelName, listCells, moneyColumnLabel, rowName, severityFor, signedRupiah } from "../../analysis/describe";

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

function childrenPhrase(check: SumCheck): Message {
  const level = levelName(check.children[0].money.row.level);
  const n = check.children.length;
  return check.kind === "total" ? { id: `${n} program`, en: `its ${n} program(s)` } : { id: `${n} ${level.id} di bawahnya`, en: `its ${n} ${level.en}` };
}

function mismatchFinding(check: SumCheck, meta: RuleMeta, options: RuleOptions, causes: Message[]): Finding {
  // Both are set for a mismatch (judge leaves them null only when undecidable).
  const stated = check.stated ?? sumAsRead(check);
  const sum = check.sum ?? sumAsRead(check);
  const m = check.parent.money;
  const column = moneyColumnLabel(m.table, m.role, m.col);
  const who = rowName(m.row);
  const children = childrenPhrase(check);
  const difference = signedRupiah(stated.minus(sum));
  const repaired = check.repairedChildren.map((c) => c.money.address);
  const repairNote: Message = repaired.length
    ? {
        id: ` Jumlah ini memakai perbaikan salah ketik di ${listCells(repaired).id}.`,
        en: ` The sum uses the repaired typing slips in ${listCells(repaired).en}.`,
      }
    : { id: "", en: "" };
  const causeText: Message = causes.length
    ? { id: causes.map((c) => ` ${capitalize(c.id)}.`).join(""), en: causes.map((c) => ` ${capitalize(c.en)}.`).join("") }
    : { id: "", en: "" };
  return {
    ...base(check, meta),
    severity: severityFor(meta, options),
    expected: plainDecimal(sum),
    actual: plainDecimal(stated),
    message: {
      id: `${capitalize(column.id)} ${who.id} tertulis ${formatRupiah(stated)}, tetapi jumlah ${children.id} ${formatRupiah(sum)} (selisih ${difference}).${repairNote.id}${causeText.id}`,
      en: `${capitalize(column.en)} of ${who.en} is ${formatRupiah(stated)}, but ${children.en} add up to ${formatRupiah(sum)} (difference ${difference}).${repairNote.en}${causeText.en}`,
    },
    related: check.children.map((c) => c.money.address),
  };
}

function explainedFinding(check: SumCheck, meta: RuleMeta): Finding {
  const m = check.parent.money;
  const column = moneyColumnLabel(m.table, m.role, m.col);
  const who = rowName(m.row);
  const slips = listCells(check.repairedChildren.map((c) => c.money.address));
  const asRead = sumAsRead(check);
  const stated = check.stated ?? asRead;
  return {
    ...base(check, meta),
    severity: "info",
    expected: plainDecimal(asRead),
    actual: plainDecimal(stated),
    message: {
      id: `${capitalize(column.id)} ${who.id} (${formatRupiah(stated)}) cocok dengan jumlah rinciannya setelah salah ketik di ${slips.id} diperbaiki; sebagaimana tertulis sekarang rinciannya berjumlah ${formatRupiah(asRead)}. Perbaiki sel tersebut.`,
      en: `${capitalize(column.en)} of ${who.en} (${formatRupiah(stated)}) equals the sum of its children once the typing slips in ${slips.en} are repaired; as written now they add up to ${formatRupiah(asRead)}. Fix those cells.`,
    },
    related: check.repairedChildren.map((c) => c.money.address),
  };
}

/** Most sources support the parent's amount: its children that disagree carry the error (cross-table-mismatch). */
function blamedChildrenFinding(check: SumCheck, verdict: SourceVerdict, meta: RuleMeta): Finding {
  const m = check.parent.money;
  const column = moneyColumnLabel(m.table, m.role, m.col);
  const who = rowName(m.row);
  const stated = check.stated ?? sumAsRead(check);
  const sum = check.sum ?? sumAsRead(check);
  const cells = listCells(verdict.blamed.map((b) => b.money.address));
  return {
    ...base(check, meta),
    severity: "info",
    expected: plainDecimal(sum),
    actual: plainDecimal(stated),
    message: {
      id: `${capitalize(column.id)} ${who.id} tertulis ${formatRupiah(stated)}, rinciannya berjumlah ${formatRupiah(sum)}; ${verdict.evidence.id}, jadi yang keliru kemungkinan rinciannya (${cells.id}).`,
      en: `${capitalize(column.en)} of ${who.en} is ${formatRupiah(stated)}, its children add up to ${formatRupiah(sum)}; ${verdict.evidence.en}, so the children (${cells.en}) are probably wrong.`,
    },
    related: verdict.blamed.map((b) => b.money.address),
  };
}
