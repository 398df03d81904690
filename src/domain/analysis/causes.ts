/**
 * Why a sum might not hold, as a reviewer would guess it: two digits swapped in the stated amount, or a row
 * whose amount equals the difference (a child dropped since an earlier draft, or one added without updating
 * the parent), looked for in the same table and in the other tables of the workbook (e.g. Tabel 2.3's RKPD rows).
 */
import type Decimal from "decimal.js";
import { sheetRef } from "../findings";
import { cell as cellRef, money, msg, nested, text, type MessageRef } from "../messages";
import { a1, cellAt } from "../sheet/snapshot";
import type { Level, MappedWorkbook } from "../mapping/types";
import type { AmountSlot, SumCheck, WorkbookArithmetic } from "./arithmetic";
import { familyOf } from "./family";
import { shorten } from "./describe";
import { sheetOf } from "./moneyCells";

export type DigitOrder = "two-swapped" | "reordered" | undefined;

/** Whether two whole amounts are written with the same digits in another order (16.742.000 vs 16.472.000). */
export function digitOrder(stated: Decimal, expected: Decimal): DigitOrder {
  if (!stated.isInteger() || !expected.isInteger() || stated.eq(expected)) return undefined;
  const a = stated.abs().toFixed();
  const b = expected.abs().toFixed();
  if (a.length !== b.length || stated.isNegative() !== expected.isNegative()) return undefined;
  if ([...a].sort().join("") !== [...b].sort().join("")) return undefined;
  const differing = [...a].map((_, i) => i).filter((i) => a[i] !== b[i]);
  return differing.length === 2 ? "two-swapped" : "reordered";
}

const PLAN_DEPTH: readonly Level[] = ["urusan", "bidang", "program", "kegiatan", "subKegiatan"];

/** At most this many rows are named as "the amount of". */
const MAX_NAMED = 2;

/** Rows whose amount equals |stated − sum|, most telling first: same level as the children, then the rest. */
export function rowsMatchingDifference(workbook: MappedWorkbook, arithmetic: WorkbookArithmetic, check: SumCheck, difference: Decimal): AmountSlot[] {
  if (difference.isZero()) return [];
  const parent = check.parent.money;
  const family = familyOf(parent.table);
  const childLevel = check.children[0]?.money.row.level;
  const inSum = new Set(check.children);
  const candidates = arithmetic.cellsWithAmount(difference).filter((slot) => {
    const m = slot.money;
    if (m.row.level === "other" || m.row.level === "total") return false;
    if (m.table !== parent.table) return true;
    if (m.role !== parent.role || m.row.row === parent.row.row) return false;
    // Within the same sum only a child counts: its amount missing from the parent (stated < Σ).
    if (inSum.has(slot)) return difference.isNegative();
    return !family.isDescendant(m.row, parent.row) && !family.isDescendant(parent.row, m.row);
  });
  // The children's own level first, then finer levels (a dropped sub kegiatan), then coarser ones.
  const depth = (level: Level | undefined) => (level ? PLAN_DEPTH.indexOf(level) : -1);
  const levelRank = (level: Level) => (level === childLevel ? 0 : depth(level) > depth(childLevel) ? 1 : 2);
  const rank = (slot: AmountSlot) => levelRank(slot.money.row.level) * 2 + (slot.money.table === parent.table ? 0 : 1);
  const sorted = [...candidates].sort((x, y) => rank(x) - rank(y) || x.money.row.row - y.money.row.row);
  const named: AmountSlot[] = [];
  const names = new Set<string>();
  for (const slot of sorted) {
    const name = nameOf(workbook, slot).toLowerCase();
    if (names.has(name)) continue;
    names.add(name);
    named.push(slot);
    if (named.length === MAX_NAMED) break;
  }
  return named;
}

/** The row's name as written beside that amount (the RKPD block of Tabel 2.3 has its own name column). */
export function nameOf(workbook: MappedWorkbook, slot: AmountSlot): string {
  const { table, row, role } = slot.money;
  if (role === "rkpdPagu" && table.columns.rkpdUraian !== undefined) {
    const sheet = sheetOf(workbook, table);
    const cell = sheet ? cellAt(sheet, row.row, table.columns.rkpdUraian) : undefined;
    if (typeof cell?.value === "string" && cell.value.trim() !== "") return cell.value.trim();
  }
  return row.uraian;
}

/** Where a matching row is, seen from the sum's sheet. */
export function whereIs(slot: AmountSlot, fromSheet: string): string {
  const address = a1(slot.money.row.row, slot.money.col);
  return slot.money.table.sheet === fromSheet ? address : sheetRef(slot.money.table.sheet, address);
}

/** The likely causes of a mismatch, one sentence each. */
export function likelyCauses(workbook: MappedWorkbook, arithmetic: WorkbookArithmetic, check: SumCheck): MessageRef[] {
  if (!check.stated || !check.sum) return [];
  const causes: MessageRef[] = [];
  const difference = check.stated.minus(check.sum);
  if (check.parent.money.reading.status === "empty" && !check.sum.isZero()) causes.push(msg("cause.parentEmpty", {}));
  const order = digitOrder(check.stated, check.sum);
  if (order === "two-swapped") {
    causes.push(msg("cause.twoSwapped", { stated: money(check.stated), expected: money(check.sum) }));
  } else if (order === "reordered") {
    causes.push(msg("cause.reordered", {}));
  }
  const sheet = check.parent.money.table.sheet;
  for (const slot of rowsMatchingDifference(workbook, arithmetic, check, difference)) {
    const sameTable = slot.money.table === check.parent.money.table;
    const isChild = check.children.includes(slot);
    const guess = isChild
      ? msg("cause.childNotIncluded", {})
      : sameTable
        ? msg("cause.countedTwice", {})
        : difference.isPositive()
          ? msg("cause.dropped", {})
          : msg("cause.added", {});
    causes.push(
      msg("cause.matchingRow", {
        difference: money(difference.abs()),
        name: text(shorten(nameOf(workbook, slot))),
        where: cellRef(whereIs(slot, sheet)),
        guess: nested(guess),
      }),
    );
  }
  return causes;
}
