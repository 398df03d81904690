/**
 * cross-table-mismatch: Bab III (Tabel 3.3) and Bab IV (Tabel 7) must agree row by row, and Tabel 2.3's
 * Kebutuhan Dana total must equal the pagu of the year it reviews (DOMAIN.md §4).
 *
 * Choices:
 * - Rows are paired by level and fuzzy name down the tree (cross-support/alignRows), never by position.
 * - A difference is reported on the Tabel 7 cell (Bab IV is the matrix reviewers hold against SIPD), with
 *   `related` pointing at the Tabel 3.3 cell. A row present in only one table is reported on that row's name cell.
 *   A row without partner hides its children: they are missing with it.
 * - Money differences are errors, text (target, indikator) warnings. An amount slip in either table
 *   ("4.765,000") is not a difference when a plausible reading of it equals the other table's amount: the slip is
 *   malformed-number's or suspect-scale's finding.
 * - Tabel 2.3 (year Y) is held against, first, a Tabel 3.3/7 of year Y (its total pagu N), else a Tabel 2.1's
 *   "Target Renja" Rp total (the Renja of the evaluated year, which is what the seed's Tabel 2.3 reviews).
 */
import type Decimal from "decimal.js";
import type { Finding, Severity } from "../findings";
import { sheetRef } from "../findings";
import type { ColumnRole, MappedRow, MappedTable, MappedWorkbook } from "../mapping/types";
import { parseTarget, plainDecimal } from "../numbers";
import { columnOf } from "../mapping/tree";
import type { SheetSnapshot } from "../sheet/snapshot";
import { cellAt } from "../sheet/snapshot";
import { compactName, LEVEL_NAME, nameCell, quoteName, roleCell, roleText } from "./content-support/tableCells";
import { alignTables } from "../analysis/alignRows";
import { differenceNote } from "../analysis/amountDifference";
import type { PlacedAmount } from "../analysis/amounts";
import { amountAt, amountsAgree, shownValue, statedTotal } from "../analysis/amounts";
import { shorten } from "../analysis/describe";
import { analysisOf, type AmountSlot, type SourceVerdict } from "../analysis";
import { planPairs as tablePairs } from "../analysis/sources";
import { sheetOf } from "../analysis/moneyCells";
import type { Rule, RuleMeta, RuleOptions } from "./types";
import { cell as cellRef, money, msg, nested, text, type MessageRef } from "../messages";

const meta: RuleMeta = {
  id: "cross-table-mismatch",
  severity: "error",
  description: msg("rule.description.cross-table-mismatch", {}),
};

interface Side {
  workbook: MappedWorkbook;
  table: MappedTable;
  sheet: SheetSnapshot;
  label: MessageRef;
  /** Sheet row -> position in table.rows, and the header rows repeated inside the table. */
  position: Map<number, number>;
  headerRows: Set<number>;
}

interface Severities {
  money: Severity;
  text: Severity;
}

export const rule: Rule = {
  meta,
  check(workbook: MappedWorkbook, options: RuleOptions): Finding[] {
    const override = options.severity?.[meta.id];
    const severities: Severities = { money: override ?? "error", text: override ?? "warning" };
    const findings: Finding[] = [];
    for (const [plan, matrix] of planPairs(workbook)) findings.push(...comparePlanTables(plan, matrix, severities));
    findings.push(...reviewTotals(workbook, severities.money));
    return findings;
  },
};

const LABEL_33 = msg("tableLabel.tabel33", {});
const LABEL_7 = msg("tableLabel.tabel7", {});

function side(workbook: MappedWorkbook, table: MappedTable, label: MessageRef): Side | undefined {
  const sheet = sheetOf(workbook, table);
  if (!sheet) return undefined;
  const position = new Map(table.rows.map((r, i) => [r.row, i]));
  const headerRows = new Set([...table.repeatedHeaderRows, ...(table.columnNumberRow ? [table.columnNumberRow] : [])]);
  return { workbook, table, sheet, label, position, headerRows };
}

/** Each Tabel 7 with the Tabel 3.3 of the same year (or the first Tabel 3.3 when years are unknown). */
function planPairs(workbook: MappedWorkbook): Array<[Side, Side]> {
  const out: Array<[Side, Side]> = [];
  for (const [t33, t7] of tablePairs(workbook)) {
    const a = side(workbook, t33, LABEL_33);
    const b = side(workbook, t7, LABEL_7);
    if (a && b) out.push([a, b]);
  }
  return out;
}

function comparePlanTables(plan: Side, matrix: Side, sev: Severities): Finding[] {
  const findings: Finding[] = [];
  const matrixPartner = new Map<number, MappedRow>();
  const planPartner = new Map<number, MappedRow>();
  const pairs = alignTables(plan.table, matrix.table);
  for (const p of pairs) {
    if (p.left && p.right) {
      matrixPartner.set(p.left.row, p.right);
      planPartner.set(p.right.row, p.left);
    }
  }
  for (const p of pairs) {
    if (p.left && p.right) {
      const money = compareMoney(plan, p.left, matrix, p.right, "paguN", sev.money);
      if (money) findings.push(money);
      const target = compareText(plan, p.left, matrix, p.right, "targetN", sev.text);
      if (target) findings.push(target);
      const indikator = compareText(plan, p.left, matrix, p.right, "indikator", sev.text);
      if (indikator) findings.push(indikator);
    } else if (p.left) {
      findings.push(missingRow(plan, p.left, matrix, matrixPartner, sev.text));
    } else if (p.right) {
      findings.push(missingRow(matrix, p.right, plan, planPartner, sev.text));
    }
  }
  const totals = compareTotals(plan, matrix, sev.money);
  if (totals) findings.push(totals);
  return findings;
}

function levelName(row: MappedRow): MessageRef {
  return LEVEL_NAME[row.level];
}

function compareMoney(
  plan: Side, planRow: MappedRow, matrix: Side, matrixRow: MappedRow, role: ColumnRole, severity: Severity,
): Finding | undefined {
  const colA = columnOf(plan.table, planRow, role);
  const colB = columnOf(matrix.table, matrixRow, role);
  if (colA === undefined || colB === undefined) return undefined;
  const cellA = cellAt(plan.sheet, planRow.row, colA);
  const cellB = cellAt(matrix.sheet, matrixRow.row, colB);
  // the usual case, decided without parsing: the same value typed in both tables
  if (cellA?.value === cellB?.value && !cellA?.error && !cellB?.error && cellA?.value !== null) return undefined;
  const a = amountAt(plan.sheet, planRow.row, colA);
  const b = amountAt(matrix.sheet, matrixRow.row, colB);
  const analysis = analysisOf(plan.workbook);
  const slotA = analysis.slotAt(plan.table.sheet, a.cell);
  const slotB = analysis.slotAt(matrix.table.sheet, b.cell);
  const chosenA = slotA?.chosen?.value;
  const chosenB = slotB?.chosen?.value;
  if (chosenA && chosenB && chosenA.eq(chosenB)) return undefined;
  // Where most sources say the other table is right, the disagreeing cell carries the finding, whichever table it is in.
  for (const [slot, own, ownAmount, other, otherAmount, row] of [
    [slotA, plan, a, matrix, b, planRow],
    [slotB, matrix, b, plan, a, matrixRow],
  ] as const) {
    const verdict = slot ? analysis.blamedBy(slot) : undefined;
    if (!verdict || !slot) continue;
    const witness = verdict.witnesses[verdict.blamed.indexOf(slot)];
    return blamedFinding(own, ownAmount, other, otherAmount, row, slot, witness, verdict, severity);
  }
  const name = quoteName(matrixRow.uraian);
  return moneyFinding(plan, a, matrix, b, severity, msg("cross.what.pagu", { level: nested(levelName(matrixRow)), name: text(name) }), chosenA, chosenB);
}

/** A cell that disagrees with the amount most sources support (the other table, its own parent, the narrative). */
function blamedFinding(
  own: Side, ownAmount: PlacedAmount, other: Side, otherAmount: PlacedAmount, row: MappedRow,
  slot: AmountSlot, witness: AmountSlot | undefined, verdict: SourceVerdict, severity: Severity,
): Finding | undefined {
  const actual = slot.chosen?.value;
  const expected = witness?.chosen?.value;
  if (!actual || !expected) return undefined;
  const name = quoteName(row.uraian);
  const parent = verdict.check.parent.money;
  return {
    rule: meta.id,
    severity,
    sheet: own.table.sheet,
    cell: ownAmount.cell,
    row: ownAmount.row,
    role: "paguN",
    expected: plainDecimal(expected),
    actual: plainDecimal(actual),
    message: msg("cross.blamed", {
      level: nested(levelName(row)),
      name: text(name),
      own: nested(own.label),
      actual: money(actual),
      evidence: nested(verdict.evidence),
      other: nested(other.label),
      otherCell: cellRef(otherAmount.cell),
      expected: money(expected),
      parentLevel: nested(levelName(verdict.check.parent.money.row)),
      parentCell: cellRef(parent.address),
      majority: money(verdict.majority),
    }),
    related: [sheetRef(other.table.sheet, otherAmount.cell), parent.address],
  };
}

function compareTotals(plan: Side, matrix: Side, severity: Severity): Finding | undefined {
  const a = statedTotal(plan.sheet, plan.table, "paguN");
  const b = statedTotal(matrix.sheet, matrix.table, "paguN");
  if (!a || !b) return undefined;
  return moneyFinding(plan, a, matrix, b, severity, msg("cross.what.total", {}));
}

/** A finding on b's cell when the two amounts disagree; `what` names the amount ("Pagu kegiatan …"). */
function moneyFinding(
  a: Side, amountA: PlacedAmount, b: Side, amountB: PlacedAmount, severity: Severity, what: MessageRef, chosenA?: Decimal, chosenB?: Decimal,
): Finding | undefined {
  if (amountsAgree(amountA.reading, amountB.reading) !== false) return undefined;
  const expected = chosenA ?? shownValue(amountA.reading);
  const actual = chosenB ?? shownValue(amountB.reading);
  if (!expected || !actual) return undefined;
  return {
    rule: meta.id,
    severity,
    sheet: b.table.sheet,
    cell: amountB.cell,
    row: amountB.row,
    role: "paguN",
    expected: plainDecimal(expected),
    actual: plainDecimal(actual),
    message: msg("cross.money", {
      what: nested(what),
      inTable: nested(b.label),
      actual: money(actual),
      otherTable: nested(a.label),
      expected: money(expected),
      note: nested(differenceNote(expected, actual)),
    }),
    related: [sheetRef(a.table.sheet, amountA.cell)],
  };
}

const TEXT_ROLE_NAME: Partial<Record<ColumnRole, MessageRef>> = {
  targetN: msg("cross.what.target", {}),
  indikator: msg("cross.what.indicator", {}),
};

function compareText(
  plan: Side, planRow: MappedRow, matrix: Side, matrixRow: MappedRow, role: ColumnRole, severity: Severity,
): Finding | undefined {
  if (plan.table.columns[role] === undefined || matrix.table.columns[role] === undefined) return undefined;
  const a = continuedText(plan, planRow, role);
  const b = continuedText(matrix, matrixRow, role);
  const same = a === b || (role === "targetN" ? sameTarget(a, b) : compactName(a) === compactName(b));
  if (same) return undefined;
  const cell = roleCell(matrix.table, matrixRow, role);
  const planCell = roleCell(plan.table, planRow, role);
  if (!cell || !planCell) return undefined;
  const what = TEXT_ROLE_NAME[role] ?? msg("cross.what.role", { role: text(role) });
  const name = quoteName(matrixRow.uraian);
  const shown = (t: string) => nested(t === "" ? msg("cross.empty", {}) : msg("cross.quoted", { text: text(shorten(t)) }));
  return {
    rule: meta.id,
    severity,
    sheet: matrix.table.sheet,
    cell,
    row: matrixRow.row,
    role,
    message: msg("cross.text", {
      what: nested(what),
      level: nested(levelName(matrixRow)),
      name: text(name),
      inTable: nested(matrix.label),
      actual: shown(b),
      otherTable: nested(plan.label),
      expected: shown(a),
    }),
    related: [sheetRef(plan.table.sheet, planCell)],
  };
}

/** Targets agree when value, percent sign and unit agree ("3 Paket" ≠ "3 orang"; "5 Orang" = "5 orang"). */
function sameTarget(a: string, b: string): boolean {
  if (compactName(a) === compactName(b)) return true;
  const x = parseTarget(a);
  const y = parseTarget(b);
  if (x.value === null || y.value === null) return false;
  return x.value.eq(y.value) && x.percent === y.percent && compactName(x.unit ?? "") === compactName(y.unit ?? "");
}

/**
 * A cell's text with the wrapped continuation lines under it: Word tables pasted into Excel split a long
 * indicator over rows that hold nothing else ("perundangan yang berlaku (%)").
 */
function continuedText(s: Side, row: MappedRow, role: ColumnRole): string {
  const parts = [roleText(s.sheet, s.table, row, role)];
  const index = s.position.get(row.row) ?? s.table.rows.length;
  for (let i = index + 1; i < s.table.rows.length; i++) {
    const next = s.table.rows[i];
    if (next.level !== "other" || s.headerRows.has(next.row)) break;
    if (roleText(s.sheet, s.table, next, "uraian") !== "") break;
    const text = roleText(s.sheet, s.table, next, role);
    if (text !== "") parts.push(text);
  }
  return parts.filter((p) => p !== "").join(" ");
}

function missingRow(
  present: Side, row: MappedRow, other: Side, partnerOf: Map<number, MappedRow>, severity: Severity,
): Finding {
  const { cell, role } = nameCell(present.table, row);
  const name = quoteName(row.uraian);
  const parent = row.parentRow !== undefined ? partnerOf.get(row.parentRow) : undefined;
  const related = parent ? [sheetRef(other.table.sheet, nameCell(other.table, parent).cell)] : undefined;
  return {
    rule: meta.id,
    severity,
    sheet: present.table.sheet,
    cell,
    row: row.row,
    role,
    message: msg("cross.onlyIn", { level: nested(levelName(row)), name: text(name), present: nested(present.label), other: nested(other.label) }),
    ...(related ? { related } : {}),
  };
}

const LABEL_23 = msg("tableLabel.tabel23", {});

/** Tabel 2.3's Kebutuhan Dana total against the pagu of the year it reviews. */
function reviewTotals(workbook: MappedWorkbook, severity: Severity): Finding[] {
  const findings: Finding[] = [];
  for (const t23 of workbook.tables.filter((t) => t.kind === "tabel-2.3")) {
    const review = side(workbook, t23, LABEL_23);
    if (!review) continue;
    const total = statedTotal(review.sheet, t23, "paguN");
    if (!total) continue;
    const reference = reviewedPagu(workbook, t23);
    if (!reference) continue;
    const f = moneyFinding(reference.side, reference.amount, review, total, severity, msg("cross.what.fundingTotal", {}));
    if (f) findings.push(f);
  }
  return findings;
}

/** The pagu total a Tabel 2.3 reviews: a plan table of its year, else a Tabel 2.1's Target Renja Rp total. */
function reviewedPagu(workbook: MappedWorkbook, t23: MappedTable): { side: Side; amount: PlacedAmount } | undefined {
  const year = t23.year;
  const candidates: Array<{ table: MappedTable; role: ColumnRole; label: MessageRef }> = [];
  for (const t of workbook.tables) {
    if ((t.kind === "tabel-3.3" || t.kind === "tabel-7") && year !== null && t.year === year) {
      candidates.push({ table: t, role: "paguN", label: t.kind === "tabel-3.3" ? LABEL_33 : LABEL_7 });
    }
  }
  for (const t of workbook.tables) {
    if (t.kind === "tabel-2.1" && evaluatesYear(t, year)) {
      candidates.push({ table: t, role: "targetRenjaRp", label: msg("tableLabel.tabel21", {}) });
    }
  }
  for (const c of candidates) {
    const s = side(workbook, c.table, c.label);
    const amount = s && statedTotal(s.sheet, c.table, c.role);
    if (s && amount) return { side: s, amount };
  }
  return undefined;
}

/**
 * Whether a Tabel 2.1 evaluates the Renja of the given year. Tables label that year inconsistently (the seed calls
 * 2024 "(n)" in a 2025 document), so any year the table states, or N-1, counts; an unknown year never excludes.
 */
function evaluatesYear(t21: MappedTable, year: number | null): boolean {
  if (year === null || t21.year === null) return true;
  return t21.year === year || t21.year - 1 === year || t21.statedYears.some((y) => y.year === year);
}
