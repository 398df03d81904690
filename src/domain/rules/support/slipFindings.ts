/**
 * Findings on single money cells: malformed-number, suspect-scale and text-number. The repair offered for a
 * slip is the one the sums settled on (arithmetic.ts): equal to the cell's children's sum, or balancing its
 * parent; when no sum decides, the most plausible reading, and the reason says it does not balance.
 *
 * One finding per cell: malformed-number is the more specific of the two slip rules. A malformed text
 * ("4.765,000") is also 1,000 times off when read as an Indonesian decimal, but its separators show exactly
 * what went wrong and the repair of the text repairs the scale; suspect-scale is for amounts that are well
 * written and still wrong in scale (a fraction of a Rupiah, or a sound number 1,000 times off its parent's need).
 */
import type { Finding, RuleId } from "../../findings";
import type { MappedWorkbook } from "../../mapping/types";
import { formatRupiah, plainDecimal } from "../../numbers";
import type { RuleMeta, RuleOptions } from "../types";
import type { AmountSlot, ColumnArithmetic, SumCheck } from "../../analysis/arithmetic";
import { analysisOf, isStoredAsText } from "../../analysis";
import { levelName, moneyColumnLabel, rowName, severityFor } from "../../analysis/describe";
import { cells, count, money, msg, nested, text, type MessageRef } from "../../messages";

/** Which cells each single-cell rule reports. */
// A sound whole number (money.whole) reads "ok": its reading is not built just to say so.
const SELECTS: Partial<Record<RuleId, (slot: AmountSlot) => boolean>> = {
  "malformed-number": (slot) => slot.money.whole === undefined && !slot.derived && slot.money.reading.status === "malformed",
  // A fraction the sums hold with as read (chosen "stated") is no slip; a derived formula is mended through its children.
  "suspect-scale": (slot) =>
    !slot.derived &&
    ((slot.money.whole === undefined && slot.money.reading.status === "suspect-scale" && (slot.chosenKind ?? slot.chosen?.kind) !== "stated") ||
      (slot.chosenKind ?? slot.chosen?.kind) === "thousandfold"),
  "text-number": isStoredAsText,
};

export function cellFindings(workbook: MappedWorkbook, meta: RuleMeta, options: RuleOptions): Finding[] {
  const select = SELECTS[meta.id];
  if (!select) return [];
  const findings: Finding[] = [];
  for (const column of analysisOf(workbook).columns) {
    let sumsOf: Map<AmountSlot, SumCheck[]> | undefined;
    // An indexed loop: an unoptimised for…of (a rule runs once per table) allocates per row.
    for (let is = 0; is < column.cells.length; is++) {
      const slot = column.cells[is];
      if (!select(slot)) continue;
      if (meta.id === "text-number") {
        findings.push(textNumberFinding(slot, meta, options));
        continue;
      }
      sumsOf ??= sumsByCell(column);
      findings.push(slipFinding(slot, meta, options, sumsOf.get(slot) ?? []));
    }
  }
  return findings;
}

function sumsByCell(column: ColumnArithmetic): Map<AmountSlot, SumCheck[]> {
  const map = new Map<AmountSlot, SumCheck[]>();
  const add = (slot: AmountSlot, check: SumCheck) => {
    const list = map.get(slot);
    if (list) list.push(check);
    else map.set(slot, [check]);
  };
  for (const check of column.checks) {
    add(check.parent, check);
    for (const c of check.children) add(c, check);
  }
  return map;
}

function base(slot: AmountSlot, meta: RuleMeta, options: RuleOptions): Pick<Finding, "rule" | "severity" | "sheet" | "cell" | "row" | "role"> {
  const m = slot.money;
  return { rule: meta.id, severity: severityFor(meta, options), sheet: m.table.sheet, cell: m.address, row: m.row.row, role: m.role };
}

function slipFinding(slot: AmountSlot, meta: RuleMeta, options: RuleOptions, sums: SumCheck[]): Finding {
  const m = slot.money;
  const column = nested(moneyColumnLabel(m.table, m.role, m.col));
  const who = nested(rowName(m.row));
  const raw = m.reading.raw;
  const literal = m.reading.value;
  const chosen = slot.chosen;
  const why = whyThisValue(slot, sums);
  const balances = slot.decidedBy === "children" || slot.decidedBy === "parent";

  let what: MessageRef;
  if (slot.chosen?.kind === "thousandfold" && literal) {
    const smaller = chosen ? chosen.value.gt(literal) : true;
    // The example is what was typed, the Indonesian way whatever the reader's language: "8.399,000".
    what = smaller
      ? msg("slip.thousandfoldSmaller", { column, who, literal: money(literal), typed: text(`${formatRupiah(literal)},000`) })
      : msg("slip.thousandfoldLarger", { column, who, literal: money(literal) });
  } else if (m.reading.status === "suspect-scale") {
    what = msg("slip.fraction", { column, who, literal: literal ? money(literal) : money(raw) });
  } else {
    const slip = m.reading.slip ?? "bad-grouping";
    what = msg("slip.unreadable", { raw: text(raw), column, who, slip: nested(msg(`slip.kind.${slip}`, {})) });
  }
  const proposal = chosen ? msg("slip.proposal", { value: money(chosen.value), why: nested(why) }) : msg("slip.noProposal", {});

  return {
    ...base(slot, meta, options),
    ...(literal ? { actual: plainDecimal(literal) } : {}),
    ...(typeof m.cell?.value === "string" ? { written: m.cell.value } : {}),
    ...(chosen && balances ? { expected: plainDecimal(chosen.value) } : {}),
    message: msg("slip.finding", { what: nested(what), proposal: nested(proposal) }),
    ...(chosen ? { suggestion: { value: plainDecimal(chosen.value), reason: why } } : {}),
    ...(slot.decidedAt && slot.decidedAt !== slot ? { related: [slot.decidedAt.money.address] } : {}),
  };
}

/** Why the settled value: it equals the children's sum, balances the parent, or is only the likeliest reading. */
function whyThisValue(slot: AmountSlot, sums: SumCheck[]): MessageRef {
  if (slot.decidedBy === "children") {
    const asParent = sums.find((s) => s.parent === slot);
    const n = asParent?.children.length ?? 0;
    const level = asParent ? levelName(asParent.children[0].money.row.level) : levelName("subKegiatan");
    return msg("slip.whyChildren", { n: count(n), level: nested(level) });
  }
  if (slot.decidedBy === "parent" && slot.decidedAt) {
    const parent = slot.decidedAt.money;
    return msg("slip.whyParent", { who: nested(rowName(parent.row)), cell: { kind: "cell", value: parent.address } });
  }
  if (sums.length > 0) return msg("slip.whyNoBalance", { cells: cells(sums.map((s) => s.parent.money.address)) });
  return msg("slip.whyLikeliest", {});
}

function textNumberFinding(slot: AmountSlot, meta: RuleMeta, options: RuleOptions): Finding {
  const m = slot.money;
  const column = moneyColumnLabel(m.table, m.role, m.col);
  const who = rowName(m.row);
  // A text-number reading always has a value (numbers contract).
  const value = m.reading.value;
  return {
    ...base(slot, meta, options),
    ...(value ? { actual: plainDecimal(value) } : {}),
    written: m.reading.raw,
    message: msg("textNumber.finding", { column: nested(column), who: nested(who), amount: value ? money(value) : money(m.reading.raw), raw: text(m.reading.raw) }),
    ...(value ? { suggestion: { value: plainDecimal(value), reason: msg("textNumber.reason", {}) } } : {}),
  };
}
