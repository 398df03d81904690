/**
 * The amounts a generated table starts from: every row's settled amount as the arithmetic rules worked it out
 * (the stated amount, or — for a slip such as "4.765,000" or a figure 1,000 times off — the repair that makes
 * the sums hold). Only the lowest rows' amounts are written; parents are formulas over them, so a generated
 * table is always internally consistent, and every repaired cell is named in a notice so the user can fix the
 * source too (renja fix-numbers).
 */
import type Decimal from "decimal.js";
import type { ColumnRole, MappedTable, MappedWorkbook } from "../mapping/types";
import { analysisOf } from "../analysis";
import { sheetRef } from "../findings";
import { cell, list, money, msg, text, type MessageRef } from "../messages";

export interface LeafAmount {
  value: Decimal | null;
  /** The source cell's text when no amount can be read from it (words, an error value). */
  unreadable?: string;
  repairedFrom?: string;
}

export interface PlanAmounts {
  amountAt(row: number, role: ColumnRole): LeafAmount | undefined;
  /** What the table's notes say about them; each builder renders them with its own notes. */
  notices: MessageRef[];
}

export function planAmounts(workbook: MappedWorkbook, table: MappedTable, roles: readonly ColumnRole[]): PlanAmounts {
  const arithmetic = analysisOf(workbook);
  const byRole = new Map<ColumnRole, Map<number, LeafAmount>>();
  const repaired: MessageRef[] = [];
  const unreadable: string[] = [];
  const displaced: MessageRef[] = [];
  for (const role of roles) {
    const column = arithmetic.columns.find((c) => c.table === table && c.role === role);
    if (!column) continue;
    const amounts = new Map<number, LeafAmount>();
    for (const [row, slot] of column.slots) {
      const chosen = slot.chosen ?? slot.options[0];
      if (slot.unreadable || !chosen) {
        const raw = slot.money.reading.raw;
        amounts.set(row, { value: null, unreadable: raw });
        if (raw !== "") unreadable.push(sheetRef(table.sheet, slot.money.address));
        continue;
      }
      const leaf: LeafAmount = { value: chosen.value };
      // the cell's text as written, the amount the table uses in the reader's language
      const item = { cell: cell(sheetRef(table.sheet, slot.money.address)), raw: text(slot.money.reading.raw), value: money(chosen.value) };
      if (slot.displaced !== undefined) displaced.push(msg("tables.amounts.displacedItem", item));
      if (chosen.kind !== "stated") {
        leaf.repairedFrom = slot.money.reading.raw;
        repaired.push(msg("tables.amounts.repairedItem", item));
      }
      amounts.set(row, leaf);
    }
    byRole.set(role, amounts);
  }
  const notices: MessageRef[] = [];
  if (repaired.length) notices.push(msg("tables.amounts.repaired", { items: list(repaired, ";") }));
  if (displaced.length) notices.push(msg("tables.amounts.displaced", { items: list(displaced, ";") }));
  // cell references read the same in every language: listed as the sheet names them, comma after comma
  if (unreadable.length) notices.push(msg("tables.amounts.unreadable", { cells: text(unreadable.join(", ")) }));
  return { amountAt: (row, role) => byRole.get(role)?.get(row), notices };
}
