/**
 * Recompute: every parent money cell (kegiatan, program, the total row; every money column of the table) gets
 * the sum of its children, the lowest rows (sub kegiatan) being the truth. As a SUM formula over exactly the
 * children's cells (default) or as a value. A parent whose sum cannot be trusted is skipped and said why;
 * `changes` tells the user how much each recomputed amount moves.
 *
 * The cached result of every formula is what Excel and LibreOffice compute from the written cells: SUM skips
 * text, so in formula mode a child holding a well-formed amount as text is turned into a number in the same
 * plan; a child that cannot be read unambiguously (a slip, words, an error value) makes its parent — and every
 * parent above it — wait for `fix-numbers`.
 */
import Decimal from "decimal.js";
import type { Finding, Message } from "../findings";
import { sheetRef } from "../findings";
import { columnOf } from "../mapping/tree";
import type { ColumnRole, Level, MappedRow, MappedTable, MappedWorkbook } from "../mapping/types";
import { formatRupiah, readAmount } from "../numbers";
import type { CellContent, PlannedCell, WritePlan } from "../plan";
import { rule as malformedNumber } from "../rules/malformed-number";
import { rule as suspectScale } from "../rules/suspect-scale";
import { familyOf } from "../analysis/family";
import { moneyColumnLabel, rowName } from "../analysis/describe";
import { moneyColumns, sheetOf } from "../analysis/moneyCells";
import { holdsSomething, rangeProblem, sumFormulaFor, type CellRef } from "../analysis/sumFormula";
import { a1, cellAt, type Cell, type SheetSnapshot } from "../sheet/snapshot";
import { AMOUNT_FORMAT, amountNumber, contentOf, formatForAmount, sameAmount } from "./cellContent";

export type RollupMode = "formulas" | "values";

export interface RollupOptions {
  mode: RollupMode;
  /** Only these tables (by sheet name); every table when absent. */
  tables?: string[];
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
  plan: WritePlan;
  changes: TotalChange[];
  skipped: SkippedParent[];
}

export const ROLLUP_TITLE: Message = { id: "Hitung ulang jumlah pagu", en: "Recompute budget totals" };

export function planRollup(workbook: MappedWorkbook, options: RollupOptions): RollupResult {
  const slips = slipCells(workbook);
  const result: RollupResult = { plan: { title: ROLLUP_TITLE, cells: [] }, changes: [], skipped: [] };
  for (const table of workbook.tables) {
    if (options.tables && !options.tables.includes(table.sheet)) continue;
    const sheet = sheetOf(workbook, table);
    if (!sheet) continue;
    for (const { role, col } of moneyColumns(table)) planColumn({ table, sheet, role, col, mode: options.mode, slips }, result);
  }
  return result;
}

interface ColumnJob {
  table: MappedTable;
  sheet: SheetSnapshot;
  role: ColumnRole;
  col: number;
  mode: RollupMode;
  /** "Sheet!A1" of every amount the slip rules flag (malformed, fraction, 1,000× off). */
  slips: ReadonlySet<string>;
}

function planColumn(job: ColumnJob, result: RollupResult): void {
  const { table, sheet, role, col } = job;
  const family = familyOf(table);
  const levelByRow = new Map<number, Level>(table.rows.map((r) => [r.row, r.level]));
  const at = (row: MappedRow): CellRef => ({ row: row.row, col: columnOf(table, row, role) ?? col });
  const cellOf = (ref: CellRef) => cellAt(sheet, ref.row, ref.col);
  const planned = new Map<string, PlannedCell>();
  /** Each row's amount once recomputed (parents) or as read (leaves); undefined: not known. */
  const amounts = new Map<number, Decimal | undefined>();
  const column = moneyColumnLabel(table, role, col);

  /** A leaf's amount, or the kind of problem that keeps it from being summed. */
  const leafAmount = (row: MappedRow): { value?: Decimal; problem?: "slip" | "not-amount"; address: string } => {
    const ref = at(row);
    const address = a1(ref.row, ref.col);
    const reading = readAmount(cellOf(ref));
    // Words and error values first: the slip rules flag them too, but no number repair reads them.
    if (reading.status === "not-amount" || (reading.value === null && reading.candidates.length === 0)) return { problem: "not-amount", address };
    if (job.slips.has(sheetRef(table.sheet, address)) || reading.status === "malformed" || reading.status === "suspect-scale") {
      return { problem: "slip", address };
    }
    if (reading.value === null) return { problem: "not-amount", address };
    return { value: reading.value, address };
  };

  const skip = (parent: MappedRow, ref: CellRef, why: Message) => {
    amounts.set(parent.row, undefined);
    const who = rowName(parent);
    result.skipped.push({
      sheet: table.sheet,
      cell: a1(ref.row, ref.col),
      row: parent.row,
      role,
      reason: { id: `${column.id} ${who.id} tidak dihitung ulang: ${why.id}.`, en: `${column.en} of ${who.en} was not recomputed: ${why.en}.` },
    });
  };

  const parents = family.totalRow ? [...family.parentsBottomUp, family.totalRow] : family.parentsBottomUp;
  for (const parent of parents) {
    const children = family.childrenOf(parent);
    if (children.length === 0) continue;
    const parentRef = at(parent);
    const parentCell = cellOf(parentRef);
    // Children with no amounts at all (a column staff fill only at this level): this row is the lowest truth.
    if (children.every((c) => !amounts.has(c.row) && readAmount(cellOf(at(c))).status === "empty")) continue;

    let sum = new Decimal(0);
    const blocked = { slip: [] as string[], "not-amount": [] as string[], pending: [] as string[] };
    const textChildren: Array<{ ref: CellRef; value: Decimal }> = [];
    for (const child of children) {
      const ref = at(child);
      if (amounts.has(child.row)) {
        const known = amounts.get(child.row);
        if (known === undefined) blocked.pending.push(a1(ref.row, ref.col));
        else sum = sum.plus(known);
        continue;
      }
      const leaf = leafAmount(child);
      if (leaf.problem || !leaf.value) {
        blocked[leaf.problem ?? "not-amount"].push(leaf.address);
        continue;
      }
      sum = sum.plus(leaf.value);
      if (readAmount(cellOf(ref)).status === "text-number") textChildren.push({ ref, value: leaf.value });
    }
    const problems = blockedReasons(blocked);
    if (problems.length > 0) {
      skip(parent, parentRef, { id: problems.map((p) => p.id).join("; "), en: problems.map((p) => p.en).join("; ") });
      continue;
    }
    const ownProblem = parentCellProblem(table, sheet, parent, parentRef, parentCell);
    if (ownProblem) {
      skip(parent, parentRef, ownProblem);
      continue;
    }
    amounts.set(parent.row, sum);

    const childRefs = children.map(at);
    const formula = sumFormulaFor(childRefs, (r) => !holdsSomething(sheet, r, col, levelByRow));
    const after = afterFor(job, sheet, parentRef, parentCell, childRefs, formula, sum, levelByRow);
    if (!after) continue;
    const why: Message =
      after.formula !== undefined
        ? { id: `jumlah rincian langsungnya (=${after.formula})`, en: `the sum of its direct children (=${after.formula})` }
        : { id: "jumlah rincian langsungnya", en: "the sum of its direct children" };
    put(planned, table.sheet, parentRef, parentCell, after, why);

    const before = readAmount(parentCell).value;
    result.changes.push({
      sheet: table.sheet,
      cell: a1(parentRef.row, parentRef.col),
      row: parent.row,
      role,
      level: parent.level,
      uraian: parent.uraian,
      before,
      after: sum,
      difference: before ? sum.minus(before) : sum,
    });

    // SUM skips text: the amounts it adds must be numbers, or Excel would compute another total than ours.
    if (after.formula !== undefined) {
      for (const t of textChildren) {
        const key = a1(t.ref.row, t.ref.col);
        if (planned.has(key)) continue;
        put(planned, table.sheet, t.ref, cellOf(t.ref), { value: amountNumber(t.value), numFmt: AMOUNT_FORMAT }, {
          id: "angka yang tersimpan sebagai teks disimpan sebagai angka agar ikut dijumlahkan",
          en: "an amount stored as text is stored as a number so that the sum counts it",
        });
      }
    }
  }
  // A parent's own entry replaces a conversion planned for it as a child (same cell, written once).
  result.plan.cells.push(...planned.values());
}

function put(planned: Map<string, PlannedCell>, sheet: string, ref: CellRef, cell: Cell | undefined, after: CellContent, reason: Message): void {
  const address = a1(ref.row, ref.col);
  planned.set(address, { sheet, row: ref.row, col: ref.col, cell: address, before: contentOf(cell), after, reason });
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
function parentCellProblem(table: MappedTable, sheet: SheetSnapshot, parent: MappedRow, ref: CellRef, cell: Cell | undefined): Message | undefined {
  const reading = readAmount(cell);
  if (cell && !cell.formula && !cell.error && reading.status === "not-amount") {
    return { id: `selnya berisi teks "${reading.raw}", bukan angka`, en: `its cell holds the text "${reading.raw}", not an amount` };
  }
  const merge = sheet.merges.find((m) => ref.row >= m.top && ref.row <= m.bottom && ref.col >= m.left && ref.col <= m.right);
  if (!merge) return undefined;
  const area = `${a1(merge.top, merge.left)}:${a1(merge.bottom, merge.right)}`;
  if (merge.top !== ref.row || merge.left !== ref.col) {
    return { id: `selnya berada di dalam sel gabungan ${area}`, en: `its cell lies inside the merged cells ${area}` };
  }
  const otherRow = table.rows.some((r) => r.row > merge.top && r.row <= merge.bottom && r.level !== "other" && r.row !== parent.row);
  const rolesCovered = Object.values(table.columns).some((c) => c !== undefined && c !== ref.col && c >= merge.left && c <= merge.right);
  if (otherRow || rolesCovered) {
    return { id: `sel gabungan ${area} juga mencakup baris atau kolom lain`, en: `the merged cells ${area} also cover other rows or columns` };
  }
  return undefined;
}

function blockedReasons(blocked: { slip: string[]; "not-amount": string[]; pending: string[] }): Message[] {
  const out: Message[] = [];
  const list = (cells: string[]) => cells.join(", ");
  if (blocked.slip.length) {
    out.push({ id: `${list(blocked.slip)} salah ketik (perbaiki angka dulu: renja fix-numbers)`, en: `${list(blocked.slip)} mistyped (fix the numbers first: renja fix-numbers)` });
  }
  if (blocked["not-amount"].length) out.push({ id: `${list(blocked["not-amount"])} bukan angka`, en: `${list(blocked["not-amount"])} not an amount` });
  if (blocked.pending.length) out.push({ id: `${list(blocked.pending)} belum dapat dihitung`, en: `${list(blocked.pending)} could not be computed` });
  return out;
}

/** Cells the slip rules flag: their amount is not known until fix-numbers repairs them. */
function slipCells(workbook: MappedWorkbook): Set<string> {
  const findings: Finding[] = [...malformedNumber.check(workbook, {}), ...suspectScale.check(workbook, {})];
  return new Set(findings.map((f) => sheetRef(f.sheet, f.cell)));
}

/** The totals change summary, one line per recomputed amount whose value moves, total rows first. */
export function describeChanges(changes: readonly TotalChange[], lang: "id" | "en"): string[] {
  const order = (c: TotalChange) => (c.level === "total" ? 0 : 1);
  return [...changes]
    .filter((c) => !c.difference.isZero())
    .sort((a, b) => order(a) - order(b) || a.sheet.localeCompare(b.sheet) || a.row - b.row)
    .map((c) => {
      const before = c.before ? formatRupiah(c.before) : lang === "en" ? "(none)" : "(kosong)";
      const sign = c.difference.isNegative() ? "-" : "+";
      const diff = `${sign}${formatRupiah(c.difference.abs())}`;
      const name = c.level === "total" ? (lang === "en" ? "TOTAL" : "JUMLAH") : c.uraian;
      return `${sheetRef(c.sheet, c.cell)} ${name}: ${before} → ${formatRupiah(c.after)} (${diff})`;
    });
}
