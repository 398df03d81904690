/**
 * Recompute: every parent money cell (kegiatan, program, the total row; every money column of the table) gets
 * the sum of its children, the lowest rows (sub kegiatan) being the truth. As a SUM formula over exactly the
 * children's cells (default) or as a value. A parent whose sum cannot be trusted is skipped and said why;
 * `changes` tells the user how much each recomputed amount moves. Every planned cell carries a class
 * (same-amount, explained, decision, see ChangeClass) and its evidence; decisions are applied only when chosen
 * (`accept`), any change can be left out (`skip`), and a parent above a held change waits with it.
 *
 * The cached result of every formula is what Excel and LibreOffice compute from the written cells: SUM skips
 * text, so in formula mode a child holding a well-formed amount as text is turned into a number in the same
 * plan; a child that cannot be read unambiguously (a slip, words, an error value) makes its parent — and every
 * parent above it — wait for `fix-numbers`.
 */
import Decimal from "decimal.js";
import type { Message } from "../findings";
import { sheetRef } from "../findings";
import { columnOf } from "../mapping/tree";
import type { ColumnRole, Level, MappedRow, MappedTable, MappedWorkbook } from "../mapping/types";
import { readAmount } from "../numbers";
import type { CellContent, PlannedCell, WritePlan } from "../plan";
import { analysisOf, familyOf, moneyColumns, sheetOf, type ColumnArithmetic, type WorkbookAnalysis } from "../analysis";
import { likelyCauses } from "../analysis/causes";
import { moneyColumnLabel, rowName } from "../analysis/describe";
import { holdsSomething, rangeProblem, sumFormulaFor, type CellRef } from "../analysis/sumFormula";
import { narrativeTotalsOf } from "../analysis/sources";
import { a1, cellAt, type Cell, type SheetSnapshot } from "../sheet/snapshot";
import { cell, formula as formulaValue, list, money, msg, nested, render, renderAll, signedMoney, text, type Lang, type MessageRef } from "../messages";
import { AMOUNT_FORMAT, amountNumber, contentOf, formatForAmount, sameAmount, storableAmount } from "./cellContent";

export type RollupMode = "formulas" | "values";

export interface RollupOptions {
  mode: RollupMode;
  /** Only these tables (by sheet name); every table when absent. */
  tables?: string[];
  /** Decisions to apply: "all", or cells ("Tabel 3.3!F63", "'Tabel 3.3'!F63" or "F63" on any sheet). None by default. */
  accept?: "all" | readonly string[];
  /** Any other planned change to leave out, by cell as for accept. */
  skip?: readonly string[];
}

/**
 * What kind of change a planned cell is (DESIGN.md "Recompute and repairs"): no amount changes (a value becomes
 * a SUM formula, text becomes a number); the change follows from a named cause (a right formula's stale
 * result, a formula over the wrong cells, a change below it, a difference equal to a row elsewhere, swapped
 * digits); or a decision — the evidence argues for the stated amount — applied only when chosen.
 */
export type ChangeClass = "same-amount" | "explained" | "decision";

/** One cell recompute would write, applied or held back. */
export interface PlanEntry {
  /** "'Sheet'!A1". */
  ref: string;
  cell: PlannedCell;
  class: ChangeClass;
  evidence: Message[];
  applied: boolean;
  /** Why it is not applied (a decision not chosen, --skip, a held change below it). */
  heldBecause?: Message;
}

/** One recomputed parent amount: what the user is told. */
export interface TotalChange {
  sheet: string;
  cell: string;
  row: number;
  role: ColumnRole;
  level: Level;
  uraian: string;
  /** The amount as the cell read before (null when it held no readable amount). */
  before: Decimal | null;
  after: Decimal;
  /** after − before (after itself when before is null). */
  difference: Decimal;
  class: ChangeClass;
  evidence: Message[];
  applied: boolean;
  heldBecause?: Message;
}

/** A parent left as it is, and why. */
export interface SkippedParent {
  sheet: string;
  cell: string;
  row: number;
  role: ColumnRole;
  reason: Message;
}

export interface RollupResult {
  /** The cells to write: every applied entry. */
  plan: WritePlan;
  /** Every recomputed parent amount, applied or held. */
  changes: TotalChange[];
  /** Every cell recompute would write, with its class; the held ones are not in `plan`. */
  entries: PlanEntry[];
  skipped: SkippedParent[];
  /** Each table's total row before and after the applied changes. */
  totals: TotalMove[];
}

export interface TotalMove {
  sheet: string;
  cell: string;
  role: ColumnRole;
  before: Decimal | null;
  after: Decimal | null;
}

export const ROLLUP_TITLE: Message = renderAll(msg("plan.rollupTitle", {}));

export function planRollup(workbook: MappedWorkbook, options: RollupOptions): RollupResult {
  const analysis = analysisOf(workbook);
  const result: RollupResult = { plan: { title: ROLLUP_TITLE, cells: [] }, changes: [], entries: [], skipped: [], totals: [] };
  const choice = { accept: options.accept ?? [], skip: options.skip ?? [] };
  for (const table of workbook.tables) {
    if (options.tables && !options.tables.includes(table.sheet)) continue;
    const sheet = sheetOf(workbook, table);
    if (!sheet) continue;
    for (const { role, col } of moneyColumns(table)) {
      const column = analysis.column(table, role);
      if (column) planColumn({ workbook, analysis, column, table, sheet, role, col, mode: options.mode, choice }, result);
    }
  }
  result.plan.cells = result.entries.filter((e) => e.applied).map((e) => e.cell);
  return result;
}

/** Whether a cell spec ("Tabel 3.3!F63", "'Tabel 3.3'!F63", "F63") names this cell. */
export function namesCell(spec: string, sheet: string, cell: string): boolean {
  const text = spec.trim();
  const bang = text.lastIndexOf("!");
  const address = (bang >= 0 ? text.slice(bang + 1) : text).replace(/\$/g, "").toUpperCase();
  if (address !== cell) return false;
  if (bang < 0) return true;
  const name = text.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
  return name.toLowerCase() === sheet.toLowerCase();
}

interface ColumnJob {
  workbook: MappedWorkbook;
  analysis: WorkbookAnalysis;
  column: ColumnArithmetic;
  table: MappedTable;
  sheet: SheetSnapshot;
  role: ColumnRole;
  col: number;
  mode: RollupMode;
  choice: { accept: "all" | readonly string[]; skip: readonly string[] };
}

function planColumn(job: ColumnJob, result: RollupResult): void {
  const { table, sheet, role, col, column, choice } = job;
  const family = familyOf(table);
  const levelByRow = new Map<number, Level>(table.rows.map((r) => [r.row, r.level]));
  const at = (row: MappedRow): CellRef => ({ row: row.row, col: columnOf(table, row, role) ?? col });
  const cellOf = (ref: CellRef) => cellAt(sheet, ref.row, ref.col);
  const entries = new Map<string, PlanEntry>();
  /** Each row's amount once recomputed (parents: as written after this plan) or as read (leaves); undefined: not known. */
  const amounts = new Map<number, Decimal | undefined>();
  /** Parents whose own change is held back: the levels above them wait too. */
  const held = new Set<number>();
  /** Parents whose amount this plan changes (applied). */
  const moved = new Set<number>();
  const label = moneyColumnLabel(table, role, col);
  const isSkipped = (address: string) => choice.skip.some((s) => namesCell(s, table.sheet, address));
  const isAccepted = (address: string) => choice.accept === "all" || choice.accept.some((s) => namesCell(s, table.sheet, address));

  /** A leaf's amount as the model chose it, or the kind of problem that keeps it from being summed. */
  const leafAmount = (row: MappedRow): { value?: Decimal; problem?: "slip" | "not-amount"; address: string; text?: boolean } => {
    const ref = at(row);
    const address = a1(ref.row, ref.col);
    const slot = column.slots.get(row.row);
    const reading = readAmount(cellOf(ref));
    if (!slot || slot.unreadable || !slot.chosen) return { problem: "not-amount", address };
    // Excel's SUM skips text: an amount with words pasted after it waits for fix-numbers to separate them.
    if (slot.displaced !== undefined) return { problem: "not-amount", address };
    if (slot.chosen.kind !== "stated" && slot.chosen.kind !== "derived") return { problem: "slip", address };
    if (reading.status === "malformed") return { problem: "slip", address };
    return { value: slot.chosen.value, address, text: reading.status === "text-number" };
  };

  const skip = (parent: MappedRow, ref: CellRef, why: MessageRef) => {
    amounts.set(parent.row, undefined);
    const who = rowName(parent);
    result.skipped.push({
      sheet: table.sheet,
      cell: a1(ref.row, ref.col),
      row: parent.row,
      role,
      reason: renderAll(msg("plan.notRecomputed", { column: nested(label), who: nested(who), why: nested(why) })),
    });
  };

  const narrativeTotals = table.kind === "tabel-2.1" ? [] : narrativeTotalsOf(job.workbook, [table]);
  const parents = family.totalRow ? [...family.parentsBottomUp, family.totalRow] : family.parentsBottomUp;
  for (const parent of parents) {
    const children = family.childrenOf(parent);
    if (children.length === 0) continue;
    const parentRef = at(parent);
    const parentCell = cellOf(parentRef);
    // Children with no amounts at all (a column staff fill only at this level): this row is the lowest truth.
    if (children.every((c) => !amounts.has(c.row) && readAmount(cellOf(at(c))).status === "empty")) continue;

    let sum = new Decimal(0);
    /** Σ of the children as they read now: whether the parent held before this plan. */
    let sumBefore = new Decimal(0);
    const blocked = { slip: [] as string[], "not-amount": [] as string[], pending: [] as string[] };
    const textChildren: Array<{ ref: CellRef; value: Decimal }> = [];
    const heldBelow: string[] = [];
    const movedBelow: string[] = [];
    for (const child of children) {
      const ref = at(child);
      if (amounts.has(child.row)) {
        const known = amounts.get(child.row);
        if (held.has(child.row)) heldBelow.push(a1(ref.row, ref.col));
        if (moved.has(child.row)) movedBelow.push(a1(ref.row, ref.col));
        if (known === undefined) blocked.pending.push(a1(ref.row, ref.col));
        else sum = sum.plus(known);
        sumBefore = sumBefore.plus(readAmount(cellOf(ref)).value ?? 0);
        continue;
      }
      const leaf = leafAmount(child);
      if (leaf.problem || !leaf.value) {
        blocked[leaf.problem ?? "not-amount"].push(leaf.address);
        continue;
      }
      sum = sum.plus(leaf.value);
      sumBefore = sumBefore.plus(leaf.value);
      if (leaf.text) textChildren.push({ ref, value: leaf.value });
    }
    const problems = blockedReasons(blocked);
    if (problems.length > 0) {
      skip(parent, parentRef, msg("plan.reasons", { reasons: list(problems, ";") }));
      continue;
    }
    if (!storableAmount(sum)) {
      // A double holds every whole number only up to 2^53: past it the written total would not be the sum.
      skip(parent, parentRef, msg("plan.sumTooLarge", { amount: money(sum) }));
      continue;
    }
    const ownProblem = parentCellProblem(table, sheet, parent, parentRef, parentCell);
    if (ownProblem) {
      skip(parent, parentRef, ownProblem);
      continue;
    }

    const childRefs = children.map(at);
    const formula = sumFormulaFor(childRefs, (r) => !holdsSomething(sheet, r, col, levelByRow));
    const after = afterFor(job, sheet, parentRef, parentCell, childRefs, formula, sum, levelByRow);
    const before = readAmount(parentCell).value;
    if (!after) {
      amounts.set(parent.row, sum);
      continue;
    }
    const address = a1(parentRef.row, parentRef.col);
    const { kind, evidence } = classify({ job, parent, parentCell, parentRef, childRefs, before, sum, sumBefore, movedBelow, heldBelow, narrativeTotals, levelByRow });
    let heldBecause: Message | undefined;
    if (heldBelow.length > 0) {
      heldBecause = renderAll(msg("plan.heldWaits", { cells: text(heldBelow.join(", ")) }));
    } else if (isSkipped(address)) {
      heldBecause = renderAll(msg("plan.heldSkip", {}));
    } else if (kind === "decision" && !isAccepted(address)) {
      heldBecause = renderAll(msg("plan.heldDecision", {}));
    }
    const applied = heldBecause === undefined;
    const why: Message =
      after.formula !== undefined
        ? renderAll(msg("plan.sumOfChildrenFormula", { formula: formulaValue(after.formula) }))
        : renderAll(msg("plan.sumOfChildren", {}));
    const planned = plannedCell(table.sheet, parentRef, parentCell, after, why);
    entries.set(address, { ref: sheetRef(table.sheet, address), cell: planned, class: kind, evidence, applied, ...(heldBecause ? { heldBecause } : {}) });
    if (applied) {
      amounts.set(parent.row, sum);
      if (!(before && before.eq(sum))) moved.add(parent.row);
    } else {
      amounts.set(parent.row, before ?? undefined);
      held.add(parent.row);
    }
    result.changes.push({
      sheet: table.sheet,
      cell: address,
      row: parent.row,
      role,
      level: parent.level,
      uraian: parent.uraian,
      before,
      after: sum,
      difference: before ? sum.minus(before) : sum,
      class: kind,
      evidence,
      applied,
      ...(heldBecause ? { heldBecause } : {}),
    });

    // SUM skips text: the amounts it adds must be numbers, or Excel would compute another total than ours.
    if (after.formula !== undefined && applied) {
      for (const t of textChildren) {
        const key = a1(t.ref.row, t.ref.col);
        if (entries.has(key)) continue;
        const conversion = plannedCell(table.sheet, t.ref, cellOf(t.ref), { value: amountNumber(t.value), numFmt: AMOUNT_FORMAT }, renderAll(msg("plan.textForSum", {})));
        entries.set(key, { ref: sheetRef(table.sheet, key), cell: conversion, class: "same-amount", evidence: [], applied: true });
      }
    }
  }
  if (family.totalRow) {
    const ref = at(family.totalRow);
    const before = readAmount(cellOf(ref)).value;
    const after = amounts.get(family.totalRow.row) ?? before;
    result.totals.push({ sheet: table.sheet, cell: a1(ref.row, ref.col), role, before, after });
  }
  // A parent's own entry replaces a conversion planned for it as a child (same cell, written once).
  result.entries.push(...entries.values());
}

interface ClassifyInput {
  job: ColumnJob;
  parent: MappedRow;
  parentCell: Cell | undefined;
  parentRef: CellRef;
  childRefs: CellRef[];
  before: Decimal | null;
  sum: Decimal;
  sumBefore: Decimal;
  movedBelow: string[];
  heldBelow: string[];
  narrativeTotals: Decimal[];
  levelByRow: Map<number, Level>;
}

function classify(input: ClassifyInput): { kind: ChangeClass; evidence: Message[] } {
  const { job, parent, parentCell, parentRef, childRefs, before, sum, sumBefore, movedBelow, heldBelow, narrativeTotals, levelByRow } = input;
  if (before !== null && before.eq(sum)) {
    const what: Message =
      typeof parentCell?.value === "string"
        ? renderAll(msg("plan.textBecomesNumber", {}))
        : renderAll(msg("plan.nowSum", {}));
    return { kind: "same-amount", evidence: [what] };
  }
  const existing = parentCell?.formula;
  if (existing !== undefined) {
    const right = rangeProblem(job.sheet, existing, parentRef, childRefs, levelByRow) === undefined;
    return right
      ? { kind: "explained", evidence: [renderAll(msg("plan.formulaRight", { formula: formulaValue(existing) }))] }
      : { kind: "explained", evidence: [renderAll(msg("plan.formulaWrongCells", { formula: formulaValue(existing) }))] };
  }
  if (before === null || before.isZero()) {
    return { kind: "explained", evidence: [renderAll(msg("plan.parentEmpty", {}))] };
  }
  if (movedBelow.length > 0 && before.eq(sumBefore)) {
    return { kind: "explained", evidence: [renderAll(msg("plan.follows", { cells: text(movedBelow.join(", ")) }))] };
  }
  // The evidence that argues for the amount as written.
  const decision: Message[] = [];
  const slot = job.column.slots.get(parent.row);
  const verdict = slot ? job.analysis.verdictOf(slot) : undefined;
  if (verdict) decision.push(renderAll(verdict.evidence));
  if (parent.level === "total" && narrativeTotals.some((n) => n.eq(before))) {
    decision.push(renderAll(msg("plan.narrativeTotal", { amount: money(before) })));
  }
  if (before.isPositive() && sum.times(2).lt(before)) {
    decision.push(renderAll(msg("plan.lessThanHalf", { sum: money(sum), stated: money(before) })));
  }
  if (heldBelow.length > 0) {
    decision.push(renderAll(msg("plan.levelsDisagree", { cells: text(heldBelow.join(", ")) })));
  }
  if (decision.length > 0) return { kind: "decision", evidence: decision };
  const check = slot ? job.column.checks.find((c) => c.parent === slot) : undefined;
  const causes = check && check.outcome === "mismatch" ? likelyCauses(job.workbook, job.analysis, check) : [];
  if (causes.length > 0) return { kind: "explained", evidence: causes.map(renderAll) };
  return {
    kind: "decision",
    evidence: [renderAll(msg("plan.noClearCause", { stated: money(before), sum: money(sum) }))],
  };
}


function plannedCell(sheet: string, ref: CellRef, cell: Cell | undefined, after: CellContent, reason: Message): PlannedCell {
  const address = a1(ref.row, ref.col);
  return { sheet, row: ref.row, col: ref.col, cell: address, before: contentOf(cell), after, reason };
}

/** What the parent cell should hold, or undefined when it already holds it. */
function afterFor(
  job: ColumnJob,
  sheet: SheetSnapshot,
  parentRef: CellRef,
  cell: Cell | undefined,
  childRefs: CellRef[],
  formula: string,
  sum: Decimal,
  levelByRow: Map<number, Level>,
): CellContent | undefined {
  const existing = cell?.formula;
  const existingIsRight = existing !== undefined && rangeProblem(sheet, existing, parentRef, childRefs, levelByRow) === undefined;
  const numFmt = formatForAmount(cell);
  if (existingIsRight) {
    // A right formula stays; only a stale cached result is refreshed (check reads the cached result).
    if (sameAmount(cell, sum)) return undefined;
    return { value: amountNumber(sum), formula: existing, ...(numFmt ? { numFmt } : {}) };
  }
  if (job.mode === "formulas") return { value: amountNumber(sum), formula, ...(numFmt ? { numFmt } : {}) };
  if (existing === undefined && !cell?.error && sameAmount(cell, sum) && cell?.numFmt !== "@") return undefined;
  return { value: amountNumber(sum), ...(numFmt ? { numFmt } : {}) };
}

/**
 * Why the parent's own cell may not be written: it holds words (never overwrite what someone typed as text),
 * or it lies in a merge that is more than the parent's own cell (a merge reaching into other rows or columns).
 */
function parentCellProblem(table: MappedTable, sheet: SheetSnapshot, parent: MappedRow, ref: CellRef, cell: Cell | undefined): MessageRef | undefined {
  const reading = readAmount(cell);
  if (cell && !cell.formula && !cell.error && reading.status === "not-amount") {
    return msg("plan.cellText", { raw: text(reading.raw) });
  }
  const merge = sheet.merges.find((m) => ref.row >= m.top && ref.row <= m.bottom && ref.col >= m.left && ref.col <= m.right);
  if (!merge) return undefined;
  const area = `${a1(merge.top, merge.left)}:${a1(merge.bottom, merge.right)}`;
  if (merge.top !== ref.row || merge.left !== ref.col) {
    return msg("plan.insideMerge", { area: text(area) });
  }
  const otherRow = table.rows.some((r) => r.row > merge.top && r.row <= merge.bottom && r.level !== "other" && r.row !== parent.row);
  const rolesCovered = Object.values(table.columns).some((c) => c !== undefined && c !== ref.col && c >= merge.left && c <= merge.right);
  if (otherRow || rolesCovered) {
    return msg("plan.mergeCovers", { area: text(area) });
  }
  return undefined;
}

function blockedReasons(blocked: { slip: string[]; "not-amount": string[]; pending: string[] }): MessageRef[] {
  const out: MessageRef[] = [];
  // Cell lists joined with commas only (as the plan has always shown them), not with the language's "and".
  const joined = (cells: string[]) => text(cells.join(", "));
  if (blocked.slip.length) out.push(msg("plan.blockedSlip", { cells: joined(blocked.slip) }));
  if (blocked["not-amount"].length) out.push(msg("plan.blockedNotAmount", { cells: joined(blocked["not-amount"]) }));
  if (blocked.pending.length) out.push(msg("plan.blockedPending", { cells: joined(blocked.pending) }));
  return out;
}

/** The totals change summary, one line per recomputed amount whose value moves, total rows first. */
export function describeChanges(changes: readonly TotalChange[], lang: Lang): string[] {
  const order = (c: TotalChange) => (c.level === "total" ? 0 : 1);
  return [...changes]
    .filter((c) => !c.difference.isZero())
    .sort((a, b) => order(a) - order(b) || a.sheet.localeCompare(b.sheet) || a.row - b.row)
    .map((c) => {
      const before = c.before ? msg("plan.amount", { amount: money(c.before) }) : msg("plan.none", {});
      const name = c.level === "total" ? msg("plan.total", {}) : msg("plan.asWritten", { name: text(c.uraian) });
      return render(msg("plan.change", { cell: cell(sheetRef(c.sheet, c.cell)), name: nested(name), before: nested(before), after: money(c.after), difference: signedMoney(c.difference) }), lang);
    });
}
