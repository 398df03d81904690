/**
 * The sums of a workbook, worked out once and shared by the arithmetic rules (rollup-mismatch, total-mismatch,
 * malformed-number, suspect-scale, text-number): every money cell's reading, the value each slip most likely
 * meant, and for every parent whether its stated amount equals the sum of its children.
 *
 * A slip (a malformed or suspect-scale reading) is a variable with ranked candidate values; so is a sound
 * whole number that may be 1,000 times off (its thousandfold readings are tried only when nothing else
 * balances). Parents are settled bottom-up: at each parent the cheapest choice of candidates that makes
 * Σ children = parent wins, and fixes those cells for the levels above. A slip nothing balances keeps its most
 * plausible candidate. Then every parent is judged with the settled values.
 */
import Decimal from "decimal.js";
import type { ColumnRole, Level, MappedRow, MappedTable, MappedWorkbook } from "../mapping/types";
import type { SheetSnapshot } from "../sheet/snapshot";
import { plainDecimal, thousandfoldCandidates } from "../numbers";
import { familyOf } from "./family";
import { RowIndex } from "./rowIndex";
import { leadingAmount, LazyMoneyCell, moneyColumn, moneyColumns, sheetOf, type MoneyCell, type MoneyColumn } from "./moneyCells";
import { namesExactly, rangeProblem, sumReferences, type CellRef } from "./sumFormula";

/**
 * stated: the amount as written (for a fraction, the literal reading: sen, or a slip the sums did not need);
 * repair: a slip's candidate; thousandfold: a sound amount read 1,000 times larger or smaller;
 * derived: a SUM formula's value recomputed from its children's chosen readings.
 */
export type OptionKind = "stated" | "repair" | "thousandfold" | "derived";

export interface AmountOption {
  value: Decimal;
  kind: OptionKind;
  /** Lower is more plausible: the stated amount 0, repairs by rank, a thousandfold reading last. */
  cost: number;
}

export interface AmountSlot {
  money: MoneyCell;
  /** The reading is a slip on its own (malformed or suspect-scale). */
  slipped: boolean;
  /** No amount can be used: words or an error value, or a slip without any candidate. */
  unreadable: boolean;
  /** The stated amount, or a slip's candidates, ranked. */
  options: AmountOption[];
  /** Thousandfold readings of a sound amount: worked out only when a sum needs them (alternatesOf). */
  alternates?: AmountOption[];
  chosen?: AmountOption;
  /** chosen's kind, read without building a stated whole number's Decimal. */
  readonly chosenKind?: OptionKind;
  /** What settled the value: equal to its children's sum, balancing its parent, or nothing (most plausible). */
  decidedBy?: "children" | "parent" | "default";
  /** The parent whose sum settled it (decidedBy "parent") — the cell itself for "children". */
  decidedAt?: AmountSlot;
  /**
   * A parent whose formula sums exactly its children: its value is theirs by construction, so it is no witness of
   * its own. Its sum is not settled; the sum above it looks through it to its children, and a slip among them is
   * mended there (never by replacing the formula with a constant).
   */
  readonly derived: boolean;
  /** Text pasted into the amount after it ("6.757.833.494 Kantor Kec. Tomoni" → "Kantor Kec. Tomoni"). */
  readonly displaced?: string;
}

export type SumOutcome =
  /** Σ children = parent as stated. */
  | "holds"
  /** The sum holds once a child's slip is repaired: the child carries the error, the parent an info. */
  | "explained"
  /** The parent's own slip, repaired, equals Σ children: the parent's slip finding says so, no sum finding. */
  | "parent-slip"
  | "mismatch"
  /** A cell in the sum holds no usable amount. */
  | "undecidable";

export interface SumCheck {
  kind: "rollup" | "total";
  parent: AmountSlot;
  children: AmountSlot[];
  outcome: SumOutcome;
  /** The parent's settled amount and Σ of the children's settled amounts (null when undecidable). */
  stated: Decimal | null;
  sum: Decimal | null;
  /** Children whose settled value is a repair or a thousandfold reading (through derived children: their cells). */
  repairedChildren: AmountSlot[];
}

export interface ColumnArithmetic {
  table: MappedTable;
  role: ColumnRole;
  col: number;
  /** Sheet row -> slot, for every row that carries amounts (built when first read: `cells` is cheaper to walk). */
  readonly slots: Map<number, AmountSlot>;
  /** The same slots, in sheet order. */
  readonly cells: readonly AmountSlot[];
  checks: SumCheck[];
}

export interface WorkbookArithmetic {
  columns: ColumnArithmetic[];
  /** Settled non-zero amounts of the whole workbook by plain decimal value (for "equals a row elsewhere"). */
  cellsWithAmount(value: Decimal): AmountSlot[];
}

const cache = new WeakMap<MappedWorkbook, WorkbookArithmetic>();

export function arithmeticOf(workbook: MappedWorkbook): WorkbookArithmetic {
  let result = cache.get(workbook);
  if (!result) {
    result = analyse(workbook);
    cache.set(workbook, result);
  }
  return result;
}

function analyse(workbook: MappedWorkbook): WorkbookArithmetic {
  const columns: ColumnArithmetic[] = [];
  for (const table of workbook.tables) {
    const sheet = sheetOf(workbook, table);
    for (const { role, col } of moneyColumns(table)) columns.push(analyseColumn(table, role, col, sheet));
  }
  let index: AmountIndex | undefined;
  return {
    columns,
    cellsWithAmount(value) {
      if (!index) index = indexByAmount(columns);
      const abs = value.abs();
      const whole = wholeOf(abs);
      return (whole !== undefined ? index.whole.get(whole) : index.other.get(plainDecimal(abs))) ?? [];
    },
  };
}

/** Slot flags, one small integer instead of a field each (a kabupaten workbook has hundreds of thousands of slots). */
const SLIPPED = 1;
const UNREADABLE = 2;
const DERIVED = 4;
/** Chosen as its stated whole number, the option not built yet. */
const CHOSEN_WHOLE = 8;
/** decidedBy in bits 4–5: 0 none, then DECIDERS[1..3]. */
const DECIDED_SHIFT = 4;
const DECIDED_MASK = 3 << DECIDED_SHIFT;
const DECIDERS: ReadonlyArray<AmountSlot["decidedBy"]> = [undefined, "children", "parent", "default"];

/** What few slots have (a slip, a run-in amount, a derived parent): kept apart so that the usual slot is small. */
interface RareFields {
  displaced: string | undefined;
  literal: AmountOption | undefined;
  alternates: AmountOption[] | undefined;
  below: Slot[] | undefined;
  derivedWhole: number | undefined;
}

/**
 * A money cell with its settlement: one object per cell (a kabupaten workbook has hundreds of thousands), so it
 * is its own `money`. A stated whole number (money.whole) gets its Decimal option only when something reads it:
 * choosing it as stated, the usual outcome, costs a flag. Its fields are few (flags in one integer, the rare ones
 * in `rare`): the slots of a 100,000-row workbook were 37 MB a run, most of its garbage collection.
 */
class Slot extends LazyMoneyCell implements AmountSlot {
  private flags = 0;
  private rare: RareFields | undefined = undefined;
  decidedAt: AmountSlot | undefined = undefined;
  private optionList: AmountOption[] | undefined;
  private chosenOption: AmountOption | undefined = undefined;

  constructor(sheet: SheetSnapshot | undefined, column: MoneyColumn, row: MappedRow, tableCol: number) {
    super(sheet, column, row, tableCol);
    if (this.whole !== undefined) {
      // A sound whole number (most cells): its stated option is built from `whole` when first read.
      this.optionList = undefined;
      return;
    }
    const { reading } = this;
    const slipped = reading.status === "malformed" || reading.status === "suspect-scale";
    const runIn = reading.status === "not-amount" && !this.cell?.error ? leadingAmount(reading.raw) : undefined;
    if (slipped) {
      this.flags |= SLIPPED;
      const rare = this.rareFields();
      this.optionList = reading.candidates.map((value, i): AmountOption => ({ value, kind: "repair", cost: 1 + i }));
      if (reading.slip === "fraction" && reading.value !== null) {
        // Cheaper than any repair, so a sum that holds as read keeps it; listed last, so a sum that decides
        // nothing leaves the slip at its most plausible repair.
        rare.literal = { value: reading.value, kind: "stated", cost: 0.5 };
        this.optionList.push(rare.literal);
      }
      if (this.optionList.length === 0) this.flags |= UNREADABLE;
      rare.alternates = [];
    } else if (runIn) {
      this.rareFields().displaced = runIn.rest;
      this.optionList = [{ value: runIn.value, kind: "stated", cost: 0 }];
    } else if (reading.status === "not-amount" || reading.value === null) {
      this.flags |= UNREADABLE;
      this.optionList = [];
      this.rareFields().alternates = [];
    } else {
      this.optionList = [{ value: reading.value, kind: "stated", cost: 0 }];
    }
  }

  private rareFields(): RareFields {
    return (this.rare ??= { displaced: undefined, literal: undefined, alternates: undefined, below: undefined, derivedWhole: undefined });
  }

  get money(): MoneyCell {
    return this;
  }

  /** The reading is a slip on its own (malformed or suspect-scale). */
  get slipped(): boolean {
    return (this.flags & SLIPPED) !== 0;
  }

  get unreadable(): boolean {
    return (this.flags & UNREADABLE) !== 0;
  }

  get derived(): boolean {
    return (this.flags & DERIVED) !== 0;
  }

  set derived(value: boolean) {
    this.flags = value ? this.flags | DERIVED : this.flags & ~DERIVED;
  }

  get displaced(): string | undefined {
    return this.rare?.displaced;
  }

  /** A fraction's literal reading, kept as an option: when the sums hold as read it is no slip (DOMAIN.md §3). */
  get literal(): AmountOption | undefined {
    return this.rare?.literal;
  }

  get alternates(): AmountOption[] | undefined {
    return this.rare?.alternates;
  }

  set alternates(value: AmountOption[] | undefined) {
    if (value !== undefined || this.rare) this.rareFields().alternates = value;
  }

  /** A derived slot's children (the cells its formula sums): a field, not a map, as every sum above reads it. */
  get below(): Slot[] | undefined {
    return this.rare?.below;
  }

  set below(value: Slot[] | undefined) {
    if (value !== undefined || this.rare) this.rareFields().below = value;
  }

  /** A derived slot's value when it is its cached whole number, the children's sum worked out in integers. */
  get derivedWhole(): number | undefined {
    return this.rare?.derivedWhole;
  }

  set derivedWhole(value: number | undefined) {
    if (value !== undefined || this.rare) this.rareFields().derivedWhole = value;
  }

  get decidedBy(): AmountSlot["decidedBy"] {
    return DECIDERS[(this.flags & DECIDED_MASK) >> DECIDED_SHIFT];
  }

  set decidedBy(value: AmountSlot["decidedBy"]) {
    const code = value === undefined ? 0 : DECIDERS.indexOf(value);
    this.flags = (this.flags & ~DECIDED_MASK) | (code << DECIDED_SHIFT);
  }

  /** What the cell holds as a number (a formula's cached result), or null. */
  get cachedValue(): Decimal | null {
    if (this.whole !== undefined) return new Decimal(this.whole);
    return this.reading.value;
  }

  get options(): AmountOption[] {
    // Built from `whole` when not given (the constructor gives the options of every other slot).
    return (this.optionList ??= [{ value: new Decimal(this.whole ?? 0), kind: "stated", cost: 0 }]);
  }

  get chosen(): AmountOption | undefined {
    if ((this.flags & CHOSEN_WHOLE) !== 0) {
      this.flags &= ~CHOSEN_WHOLE;
      this.chosenOption = this.options[0];
    }
    return this.chosenOption;
  }

  set chosen(option: AmountOption | undefined) {
    this.flags &= ~CHOSEN_WHOLE;
    this.chosenOption = option;
  }

  get chosenKind(): OptionKind | undefined {
    return (this.flags & CHOSEN_WHOLE) !== 0 ? "stated" : this.chosenOption?.kind;
  }

  get isChosen(): boolean {
    return (this.flags & CHOSEN_WHOLE) !== 0 || this.chosenOption !== undefined;
  }

  /** The amount as stated when it is a whole number and nothing settled it otherwise; else undefined. */
  get statedWhole(): number | undefined {
    if ((this.flags & (SLIPPED | UNREADABLE | DERIVED)) !== 0) return undefined;
    if (this.chosenOption !== undefined && this.chosenOption.kind !== "stated") return undefined;
    return this.whole;
  }

  /** The settled whole number when chosen as stated (no Decimal needed); else undefined. */
  get chosenWholeValue(): number | undefined {
    if (this.derived) return this.derivedWhole;
    return (this.flags & CHOSEN_WHOLE) !== 0 || this.chosenOption?.kind === "stated" ? this.statedWhole : undefined;
  }

  /** Chooses the first option: the stated amount, or a slip's most plausible candidate. */
  chooseFirst(decidedBy: AmountSlot["decidedBy"], at?: AmountSlot): void {
    if (this.optionList === undefined) {
      this.chosenOption = undefined;
      this.flags |= CHOSEN_WHOLE;
    } else this.chosen = this.optionList[0];
    this.decidedBy = decidedBy;
    this.decidedAt = at;
  }
}

function analyseColumn(
  table: MappedTable,
  role: ColumnRole,
  col: number,
  sheet: SheetSnapshot | undefined,
): ColumnArithmetic {
  const family = familyOf(table);
  const slots = new RowIndex<Slot>(family.amountRows);
  const cells: Slot[] = [];
  const column = moneyColumn(table, role);
  // Indexed loops here and below: this runs once per column, mostly before V8 optimises it, and an
  // unoptimised for…of allocates an iterator result per row.
  const amountRows = family.amountRows;
  for (let r = 0; r < amountRows.length; r++) {
    const row = amountRows[r];
    const slot = new Slot(sheet, column, row, col);
    const before = slots.get(row.row);
    // A row listed twice keeps its first place and its last reading, as a Map would.
    if (before) cells[cells.indexOf(before)] = slot;
    else cells.push(slot);
    slots.set(row.row, slot);
  }

  const sums: Array<{ kind: SumCheck["kind"]; parent: Slot; children: Slot[] }> = [];
  const addSum = (kind: SumCheck["kind"], parentRow: MappedRow) => {
    const parent = slots.get(parentRow.row);
    if (!parent) return;
    const children: Slot[] = [];
    const rows = family.childrenOf(parentRow);
    for (let c = 0; c < rows.length; c++) {
      const slot = slots.get(rows[c].row);
      if (slot) children.push(slot);
    }
    if (children.length > 0) sums.push({ kind, parent, children });
  };
  const parents = family.parentsBottomUp;
  for (let p = 0; p < parents.length; p++) addSum("rollup", parents[p]);
  if (family.totalRow) addSum("total", family.totalRow);

  if (sheet) markDerived(table, sheet, sums);
  let anyDerived = false;
  for (let i = 0; i < sums.length; i++) {
    const s = sums[i];
    if (s.parent.derived) {
      s.parent.below = s.children;
      anyDerived = true;
    }
  }

  // The cells each sum really adds, worked out once for settling and judging it (derived and below do not change).
  const added = sums.map((s) => (s.parent.derived ? s.children : throughDerived(s.children, anyDerived)));
  const settledAsStated = sums.map((s, i) => (s.parent.derived ? false : settle(s.parent, added[i])));
  for (let c = 0; c < cells.length; c++) {
    const slot = cells[c];
    if (!slot.isChosen && !slot.unreadable && !slot.derived) slot.chooseFirst("default");
  }
  // Bottom-up, so a derived parent's derived children already have their value.
  for (let i = 0; i < sums.length; i++) if (sums[i].parent.derived) deriveValue(sums[i].parent, sums[i].children);

  const checks = sums.map((s, i) =>
    s.parent.derived ? judgeDerived(s.kind, s.parent, s.children, anyDerived) : judge(s.kind, s.parent, added[i], settledAsStated[i], s.children),
  );
  let slotMap: Map<number, AmountSlot> | undefined;
  return {
    table,
    role,
    col,
    get slots() {
      return (slotMap ??= new Map(cells.map((slot) => [slot.money.row.row, slot])));
    },
    cells,
    checks,
  };
}

/**
 * Marks the parents whose formula sums exactly their children (SUM(F25:F32), SUM(F10,F15)): Excel computes
 * them, so their cached value says nothing the children do not.
 */
function markDerived(table: MappedTable, sheet: SheetSnapshot, sums: Array<{ parent: Slot; children: Slot[] }>): void {
  let levels: Map<number, Level> | undefined;
  const levelByRow = () => (levels ??= new Map<number, Level>(table.rows.map((r) => [r.row, r.level])));
  // One array of references, refilled for each sum: a kabupaten workbook has tens of thousands of parents.
  const pool: CellRef[] = [];
  const refs: CellRef[] = [];
  for (let s = 0; s < sums.length; s++) {
    const { parent, children } = sums[s];
    const formula = parent.cell?.formula;
    if (formula === undefined || parent.cell?.error) continue;
    refs.length = 0;
    for (let i = 0; i < children.length; i++) {
      const ref = (pool[i] ??= { row: 0, col: 0 });
      ref.row = children[i].row.row;
      ref.col = children[i].col;
      refs.push(ref);
    }
    if (namesExactly(formula, refs)) parent.derived = true;
    else if (sumReferences(formula) && rangeProblem(sheet, formula, { row: parent.row.row, col: parent.col }, refs, levelByRow) === undefined) {
      parent.derived = true;
    }
  }
}

/** The cells a sum really adds: derived children replaced by their own children, down to cells that state amounts. */
function throughDerived(children: Slot[], anyDerived: boolean): Slot[] {
  if (!anyDerived || !someDerived(children)) return children;
  const out: Slot[] = [];
  for (let i = 0; i < children.length; i++) addThroughDerived(children[i], 0, out);
  return out;
}

function someDerived(slots: Slot[]): boolean {
  for (let i = 0; i < slots.length; i++) if (slots[i].derived) return true;
  return false;
}

/** Adds the slot to `out`, or for a derived one its children through their own (a plain function: no closure per sum). */
function addThroughDerived(slot: Slot, depth: number, out: Slot[]): void {
  const below = slot.derived ? slot.below : undefined;
  if (below && depth < 64) for (let i = 0; i < below.length; i++) addThroughDerived(below[i], depth + 1, out);
  else out.push(slot);
}

/** A derived parent's value: the sum of its children's chosen readings ("derived" when it differs from the cache). */
function deriveValue(parent: Slot, children: Slot[]): void {
  // The usual case, in integers without a Decimal: every child a whole number as stated, the cache right.
  if (parent.whole !== undefined) {
    let whole = 0;
    let exact = true;
    for (const c of children) {
      const v = c.chosenWholeValue;
      if (v === undefined) {
        exact = false;
        break;
      }
      whole += v;
      if (!Number.isSafeInteger(whole)) {
        exact = false;
        break;
      }
    }
    if (exact && whole === parent.whole) {
      parent.chooseFirst("children", parent);
      parent.derivedWhole = whole;
      return;
    }
  }
  let sum = new Decimal(0);
  for (const c of children) {
    const chosen = c.chosen;
    if (!chosen || c.unreadable) return;
    sum = sum.plus(chosen.value);
  }
  const cached = parent.cachedValue;
  const kind: OptionKind = cached !== null && cached.eq(sum) ? "stated" : "derived";
  choose(parent, { value: sum, kind, cost: 0 }, "children", parent);
}

function alternatesOf(slot: AmountSlot): AmountOption[] {
  if (!slot.alternates) {
    const stated = slot.options[0];
    slot.alternates =
      !slot.slipped && stated && stated.value.isInteger()
        ? thousandfoldCandidates(stated.value).map((value, i): AmountOption => ({ value, kind: "thousandfold", cost: 1000 + i }))
        : [];
  }
  return slot.alternates;
}

function choose(slot: AmountSlot, option: AmountOption, decidedBy: AmountSlot["decidedBy"], at?: AmountSlot): void {
  slot.chosen = option;
  slot.decidedBy = decidedBy;
  slot.decidedAt = at;
}

/**
 * Settles the open cells of one sum: the cheapest assignment that balances it, if any. Returns true when the
 * sum holds with every amount as stated (most sums), so judging it needs no second addition.
 */
function settle(parent: Slot, children: Slot[]): boolean {
  if (holdsAsStated(parent, children)) return true;
  const cells = [parent, ...children];
  if (cells.some((c) => c.unreadable)) return false;
  let fixed = new Decimal(0);
  const open: Variable[] = [];
  for (const c of cells) {
    const sign = c === parent ? -1 : 1;
    if (c.chosen) fixed = sign > 0 ? fixed.plus(c.chosen.value) : fixed.minus(c.chosen.value);
    else open.push({ slot: c, sign, options: c.options });
  }

  // Only when no slip's candidate balances may sound amounts be read as 1,000 times off.
  const best = solve(open, fixed) ?? solveThousandfold(open, fixed);

  if (best) {
    best.picks.forEach((option, i) => {
      const slot = open[i].slot;
      choose(slot, option, slot === parent ? "children" : "parent", parent);
    });
    return cells.every((c) => c.chosen?.kind === "stated");
  }
  for (const v of open) if (v.slot !== parent) choose(v.slot, v.slot.options[0], "default");
  // A sound parent keeps what it states; a slipped one stays open for the sum above it.
  if (!parent.isChosen && !parent.slipped) parent.chooseFirst("default");
  return false;
}

/** Most sums hold with every amount sound and as stated: settle those with one addition and no search. */
function holdsAsStated(parent: Slot, children: Slot[]): boolean {
  const whole = holdsAsStatedWhole(parent, children);
  if (whole !== undefined) {
    if (!whole) return false;
    if (!parent.isChosen) parent.chooseFirst("children", parent);
    for (let i = 0; i < children.length; i++) if (!children[i].isChosen) children[i].chooseFirst("parent", parent);
    return true;
  }
  const statedOf = (slot: Slot) => {
    if (slot.unreadable) return undefined;
    if (slot.chosen) return slot.chosen.kind === "stated" ? slot.chosen.value : undefined;
    // A fraction is summed as read here: if every sum holds with it, it is no slip, whatever its decimals.
    if (slot.slipped) return slot.literal?.value;
    return slot.options[0].value;
  };
  const parentValue = statedOf(parent);
  if (!parentValue) return false;
  let sum = new Decimal(0);
  for (const c of children) {
    const v = statedOf(c);
    if (!v) return false;
    sum = sum.plus(v);
  }
  if (!sum.eq(parentValue)) return false;
  for (const slot of [parent, ...children]) {
    if (slot.isChosen) continue;
    if (slot.literal) choose(slot, slot.literal, slot === parent ? "children" : "parent", parent);
    else slot.chooseFirst(slot === parent ? "children" : "parent", parent);
  }
  return true;
}

/**
 * The same test in integers when every amount is a stated whole number: exact, since each partial sum is checked
 * to stay within ±(2^53 − 1), where doubles hold every integer (a sum that leaves it falls back to Decimal).
 * Returns undefined when the integer test cannot decide.
 */
function holdsAsStatedWhole(parent: Slot, children: Slot[]): boolean | undefined {
  const stated = parent.statedWhole;
  if (stated === undefined) return undefined;
  let sum = 0;
  // indexed: on every sum of the workbook, mostly before V8 optimises it (a for…of allocates an iterator result)
  for (let i = 0; i < children.length; i++) {
    const v = children[i].statedWhole;
    if (v === undefined) return undefined;
    sum += v;
    if (!Number.isSafeInteger(sum)) return undefined;
  }
  return sum === stated;
}

interface Variable {
  slot: AmountSlot;
  /** +1 for a child, -1 for the parent: a sum balances when Σ sign·value = 0. */
  sign: number;
  options: AmountOption[];
}

interface Assignment {
  picks: AmountOption[];
  cost: number;
}

/** Enough to try every candidate of a handful of slips in one sum; beyond it, the best found so far. */
const MAX_COMBINATIONS = 20_000;

/** Cheapest choice of one option per variable with fixed + Σ sign·value = 0; the last variable is looked up. */
function solve(vars: Variable[], fixed: Decimal): Assignment | undefined {
  if (vars.every((v) => v.options.length === 1)) {
    // The common case, every amount sound: one sum, no search.
    let total = fixed;
    for (const v of vars) total = v.sign > 0 ? total.plus(v.options[0].value) : total.minus(v.options[0].value);
    return total.isZero() ? { picks: vars.map((v) => v.options[0]), cost: vars.reduce((acc, v) => acc + v.options[0].cost, 0) } : undefined;
  }
  // The variable with most options goes last, where it costs a lookup instead of a loop.
  const order = vars.map((_, i) => i).sort((a, b) => vars[a].options.length - vars[b].options.length);
  const last = vars[order[order.length - 1]];
  const head = order.slice(0, -1);
  let best: Assignment | undefined;
  let visited = 0;
  const picks: AmountOption[] = new Array<AmountOption>(vars.length);

  const walk = (depth: number, partial: Decimal, cost: number): void => {
    if (visited++ > MAX_COMBINATIONS) return;
    if (best && cost >= best.cost) return;
    if (depth === head.length) {
      // last.sign * value = -partial
      const needed = partial.negated().times(last.sign);
      const match = last.options.find((o) => o.value.eq(needed));
      if (match && (!best || cost + match.cost < best.cost)) {
        picks[order[order.length - 1]] = match;
        best = { picks: [...picks], cost: cost + match.cost };
      }
      return;
    }
    const v = vars[head[depth]];
    for (const o of v.options) {
      picks[head[depth]] = o;
      walk(depth + 1, v.sign > 0 ? partial.plus(o.value) : partial.minus(o.value), cost + o.cost);
    }
  };
  walk(0, fixed, 0);
  return best;
}

/**
 * The cheapest balance that reads sound amounts as 1,000 times off: any number of children 1,000 times too
 * small (an Indonesian Excel turns "4.765,000" into 4765), or the parent 1,000 times off either way, together
 * with the slips' candidates. Reading k children ×1000 adds 999 × their sum, so the children to pick are a
 * subset summing to -residual / 999: a subset-sum over whole numbers, tried only when that division is exact.
 */
function solveThousandfold(open: Variable[], fixed: Decimal): Assignment | undefined {
  const upOf = (v: Variable) => {
    const stated = v.options[0].value;
    return alternatesOf(v.slot).find((a) => a.value.eq(stated.times(1000)));
  };
  const isFlex = (v: Variable) => v.sign > 0 && !v.slot.slipped && v.options[0].value.isPositive() && upOf(v) !== undefined;
  const flexIdx: number[] = [];
  const restIdx: number[] = [];
  open.forEach((v, i) => (isFlex(v) ? flexIdx : restIdx).push(i));
  if (flexIdx.length === 0 && !open.some((v) => v.sign < 0 && alternatesOf(v.slot).length > 0)) return undefined;
  const restOptions = restIdx.map((i) => {
    const v = open[i];
    return v.sign < 0 && !v.slot.slipped ? [...v.options, ...alternatesOf(v.slot)] : v.options;
  });
  const flexValues = flexIdx.map((i) => BigInt(open[i].options[0].value.toFixed()));
  const flexStated = flexIdx.reduce((acc, i) => acc.plus(open[i].options[0].value), new Decimal(0));

  let best: Assignment | undefined;
  let visited = 0;
  const picks: AmountOption[] = new Array<AmountOption>(open.length);
  const walk = (depth: number, partial: Decimal, cost: number): void => {
    if (visited++ > MAX_COMBINATIONS || (best && cost >= best.cost)) return;
    if (depth === restIdx.length) {
      const residual = partial.plus(flexStated);
      let chosen: number[] | undefined;
      if (residual.isZero()) chosen = [];
      else {
        const target = residual.negated().dividedBy(999);
        if (target.isInteger() && target.isPositive()) chosen = fewestSummingTo(flexValues, BigInt(target.toFixed()));
      }
      if (!chosen) return;
      const total = cost + chosen.reduce((acc, k) => acc + (upOf(open[flexIdx[k]])?.cost ?? 0), 0);
      if (total === 0 || (best && total >= best.cost)) return;
      const picked = new Set(chosen);
      flexIdx.forEach((i, k) => {
        picks[i] = (picked.has(k) ? upOf(open[i]) : undefined) ?? open[i].options[0];
      });
      best = { picks: [...picks], cost: total };
      return;
    }
    const i = restIdx[depth];
    for (const o of restOptions[depth]) {
      picks[i] = o;
      walk(depth + 1, partial.plus(o.value.times(open[i].sign)), cost + o.cost);
    }
  };
  walk(0, fixed, 0);
  return best;
}

/** Sums kept while searching for a subset: plenty for the children of one parent. */
const MAX_SUBSET_STATES = 4096;

/** Indices of the fewest values (found breadth-first) that add up to target, or undefined. */
function fewestSummingTo(values: bigint[], target: bigint): number[] | undefined {
  let frontier = new Map<bigint, number[]>([[0n, []]]);
  const seen = new Set<bigint>([0n]);
  for (let size = 1; size <= values.length && frontier.size > 0; size++) {
    const next = new Map<bigint, number[]>();
    for (const [sum, indices] of frontier) {
      const from = indices.length ? indices[indices.length - 1] + 1 : 0;
      for (let k = from; k < values.length; k++) {
        const s = sum + values[k];
        if (s === target) return [...indices, k];
        if (s > target || seen.has(s) || seen.size >= MAX_SUBSET_STATES) continue;
        seen.add(s);
        next.set(s, [...indices, k]);
      }
    }
    frontier = next;
  }
  return undefined;
}

function judge(kind: SumCheck["kind"], parent: Slot, children: Slot[], heldAsStated: boolean, direct: Slot[] = children): SumCheck {
  const base = { kind, parent, children: direct };
  if (heldAsStated && parent.isChosen) return new HeldSum(kind, parent, direct);
  const repairedChildren = children.filter((c) => c.chosen && c.chosen.kind !== "stated");
  if (!parent.chosen || children.some((c) => !c.chosen)) return { ...base, repairedChildren, outcome: "undecidable", stated: null, sum: null };
  const stated = parent.chosen.value;
  const sum = children.reduce((acc, c) => acc.plus(c.chosen ? c.chosen.value : 0), new Decimal(0));
  let outcome: SumOutcome;
  if (!sum.eq(stated)) outcome = "mismatch";
  else if (parent.chosen.kind !== "stated") outcome = "parent-slip";
  else if (repairedChildren.length > 0) outcome = "explained";
  else outcome = "holds";
  return { ...base, repairedChildren, outcome, stated, sum };
}

/**
 * A derived parent holds by construction once its children are mended ("explained" when a slip among them is
 * what changes its value); its cached value disagrees with them only when the cache is stale or Excel skipped a
 * child it could not add (text).
 */
function judgeDerived(kind: SumCheck["kind"], parent: Slot, direct: Slot[], anyDerived: boolean): SumCheck {
  // Its children whole numbers as stated and adding up to its cache (deriveValue): it holds, nothing to build.
  if (parent.derivedWhole !== undefined) return new HeldSum(kind, parent, direct);
  const leaves = throughDerived(direct, anyDerived);
  const repairedChildren = leaves.filter((c) => (c.chosenKind ?? c.chosen?.kind) !== "stated" && c.isChosen);
  const cached = parent.cachedValue;
  const sum = parent.chosen?.value ?? null;
  if (sum === null || cached === null) return { kind, parent, children: direct, repairedChildren, outcome: "undecidable", stated: null, sum: null };
  if (repairedChildren.length > 0) return { kind, parent, children: direct, repairedChildren, outcome: "explained", stated: cached, sum };
  return { kind, parent, children: direct, repairedChildren, outcome: sum.eq(cached) ? "holds" : "mismatch", stated: cached, sum };
}

/** A sum that holds as stated: its amount becomes a Decimal only when something reads it. */
class HeldSum implements SumCheck {
  constructor(
    readonly kind: SumCheck["kind"],
    readonly parent: Slot,
    readonly children: Slot[],
  ) {}

  get stated(): Decimal | null {
    return this.parent.chosen?.value ?? null;
  }

  get sum(): Decimal | null {
    return this.stated;
  }

  // On the prototype, not per instance: a kabupaten workbook has tens of thousands of sums that hold.
  get outcome(): SumOutcome {
    return "holds";
  }

  get repairedChildren(): AmountSlot[] {
    return [];
  }
}

/** Σ children as the cells read now, slips at their literal reading (0 when they have none). */
export function sumAsRead(check: SumCheck): Decimal {
  return check.children.reduce((acc, c) => acc.plus(c.money.reading.value ?? 0), new Decimal(0));
}

/**
 * Settled amounts by value: whole numbers within ±(2^53 − 1) (nearly all) keyed by the number itself, which
 * needs no string per cell; any other amount by its plain decimal text. An integer Decimal in that range is
 * keyed as the number, so both kinds of slot meet under one key.
 */
interface AmountIndex {
  whole: Map<number, AmountSlot[]>;
  other: Map<string, AmountSlot[]>;
}

/** A non-negative Decimal as a safe integer, when it is one. */
function wholeOf(abs: Decimal): number | undefined {
  if (!abs.isInteger()) return undefined;
  const n = abs.toNumber();
  return Number.isSafeInteger(n) && abs.eq(n) ? n : undefined;
}

function indexByAmount(columns: ColumnArithmetic[]): AmountIndex {
  const index: AmountIndex = { whole: new Map(), other: new Map() };
  const add = <K>(map: Map<K, AmountSlot[]>, key: K, slot: AmountSlot) => {
    const list = map.get(key);
    if (list) list.push(slot);
    else map.set(key, [slot]);
  };
  for (let c = 0; c < columns.length; c++) {
    const cells = columns[c].cells;
    for (let i = 0; i < cells.length; i++) {
      const slot = cells[i];
      const whole = slot instanceof Slot ? slot.chosenWholeValue : undefined;
      if (whole !== undefined) {
        if (whole !== 0) add(index.whole, Math.abs(whole), slot);
        continue;
      }
      if (!slot.chosen || slot.chosen.value.isZero()) continue;
      const abs = slot.chosen.value.abs();
      const asWhole = wholeOf(abs);
      if (asWhole !== undefined) add(index.whole, asWhole, slot);
      else add(index.other, plainDecimal(abs), slot);
    }
  }
  return index;
}
