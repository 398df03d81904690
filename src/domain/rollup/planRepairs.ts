/**
 * fix-numbers: every amount the reconciliation model reads differently from what it states becomes the number it
 * was meant to be — by default the model's chosen reading (the one that balances the sums), or another plausible
 * reading the user picked — stored as a number with the amount format. A formula is never replaced by a constant:
 * a SUM whose value is odd because its children are slips is mended by mending the children. A well-formed amount
 * stored as text ("4.765.000", the text-number finding) is stored as the same number.
 */
import Decimal from "decimal.js";
import type { Message } from "../findings";
import { sheetRef } from "../findings";
import { columnOf } from "../mapping/tree";
import type { MappedTable, MappedWorkbook } from "../mapping/types";
import { formatRupiah, parseAmountText, plainDecimal, readAmount } from "../numbers";
import { analysisOf, familyOf, isStoredAsText, moneyColumns, plausibleReadings, sheetOf, type AmountSlot } from "../analysis";
import type { PlannedCell, WritePlan } from "../plan";
import { a1, cellAt } from "../sheet/snapshot";
import { money, msg, nested, renderAll, text } from "../messages";
import { AMOUNT_FORMAT, amountNumber, contentOf, storableAmount } from "./cellContent";

export const REPAIR_TITLE: Message = renderAll(msg("plan.repairTitle", {}));

/** The user's pick per cell: "Sheet!A1" (as sheetRef writes it) → the amount as a plain decimal string. */
export type RepairChoices = Readonly<Record<string, string>>;

/** Text that states its amount exactly, to be stored as that number (not a formula, not a derived sum). */
function convertible(slot: AmountSlot): boolean {
  return isStoredAsText(slot) && !slot.derived && slot.money.cell?.formula === undefined && slot.money.reading.value !== null;
}

/** The cells fix-numbers repairs: read as another amount than they state, not a formula, not a derived sum. */
function repairable(slot: AmountSlot): boolean {
  if (slot.derived || slot.unreadable || slot.displaced !== undefined || !slot.chosen) return false;
  if (slot.money.cell?.formula !== undefined) return false;
  return slot.chosen.kind === "repair" || slot.chosen.kind === "thousandfold";
}

export function planRepairs(workbook: MappedWorkbook, choices: RepairChoices = {}): WritePlan {
  const analysis = analysisOf(workbook);
  const cells: PlannedCell[] = [];
  const seen = new Set<string>();
  for (const column of analysis.columns) {
    for (const slot of column.cells) {
      if (!repairable(slot) || !slot.chosen) continue;
      const m = slot.money;
      const key = sheetRef(m.table.sheet, m.address);
      if (seen.has(key)) continue;
      const picked = choices[key];
      const value = picked !== undefined ? chosenCandidate(key, slot, picked) : slot.chosen.value;
      if (!storableAmount(value)) continue;
      seen.add(key);
      const raw = m.reading.raw;
      const why = analysis.reading(slot).evidence[0];
      cells.push(
        storedAsNumber(
          slot,
          value,
          picked !== undefined
            ? renderAll(msg("plan.userChoice", { raw: text(raw) }))
            : renderAll(msg("plan.readAs", { raw: text(raw), value: money(value), why: nested(why ? msg("plan.because", { why: nested(why) }) : msg("empty", {})) })),
        ),
      );
    }
  }
  for (const column of analysis.columns) {
    for (const slot of column.cells) {
      const m = slot.money;
      const value = m.reading.value;
      const key = sheetRef(m.table.sheet, m.address);
      if (!convertible(slot) || value === null || !storableAmount(value) || seen.has(key)) continue;
      seen.add(key);
      const raw = m.reading.raw;
      cells.push(storedAsNumber(slot, value, renderAll(msg("plan.textStored", { raw: text(raw), value: money(value) }))));
    }
  }
  for (const table of workbook.tables) cells.push(...runInRepairs(workbook, table).filter((c) => !seen.has(sheetRef(c.sheet, c.cell))));
  return { title: REPAIR_TITLE, cells };
}

/** The slot's cell written as the number `value` in the amount format. */
function storedAsNumber(slot: AmountSlot, value: Decimal, reason: Message): PlannedCell {
  const m = slot.money;
  return { sheet: m.table.sheet, row: m.row.row, col: m.col, cell: m.address, before: contentOf(m.cell), after: { value: amountNumber(value), numFmt: AMOUNT_FORMAT }, reason };
}

/** Where a repaired cell has more than one plausible reading: "'Sheet'!A1" → readings (plain decimals), the planned one first. */
export function repairAlternatives(workbook: MappedWorkbook, plan: WritePlan): Record<string, string[]> {
  const analysis = analysisOf(workbook);
  const out: Record<string, string[]> = {};
  for (const c of plan.cells) {
    const slot = analysis.slotAt(c.sheet, c.cell);
    if (!slot || !repairable(slot)) continue;
    const readings = plausibleReadings(slot).map(plainDecimal);
    const planned = typeof c.after.value === "number" ? String(c.after.value) : undefined;
    const ordered = planned !== undefined && readings.includes(planned) ? [planned, ...readings.filter((v) => v !== planned)] : readings;
    if (ordered.length > 1) out[sheetRef(c.sheet, c.cell)] = ordered;
  }
  return out;
}

/**
 * An amount with the next column's text run into it, as a pasted row leaves it ("6.757.833.494 Kantor Kec.
 * Tomoni" in Tabel 2.1's last Rp column, the Unit PD cell beside it empty): the amount stays, as a number, and
 * the words go to the empty cell they belong in. Only when that cell is the table's Unit PD column, so nothing
 * a user typed is overwritten and no words are guessed at.
 */
function runInRepairs(workbook: MappedWorkbook, table: MappedTable): PlannedCell[] {
  const sheet = sheetOf(workbook, table);
  if (!sheet || table.columns.unitPd === undefined) return [];
  const out: PlannedCell[] = [];
  for (const row of familyOf(table).amountRows) {
    const unitCol = columnOf(table, row, "unitPd");
    if (unitCol === undefined || cellAt(sheet, row.row, unitCol)) continue;
    for (const { role } of moneyColumns(table)) {
      const col = columnOf(table, row, role);
      if (col === undefined || col + 1 !== unitCol) continue;
      const cell = cellAt(sheet, row.row, col);
      const m = typeof cell?.value === "string" && !cell.formula ? /^\s*(\S+)\s+(\D.*?)\s*$/.exec(cell.value) : null;
      if (!m || readAmount(cell).status !== "not-amount") continue;
      const amount = parseAmountText(m[1]);
      if ((amount.status !== "ok" && amount.status !== "text-number") || !amount.value || !storableAmount(amount.value)) continue;
      const reason: Message = renderAll(msg("plan.pastedUnit", { unit: text(m[2]) }));
      const here = a1(row.row, col);
      const there = a1(row.row, unitCol);
      out.push(
        { sheet: table.sheet, row: row.row, col, cell: here, before: contentOf(cell), after: { value: amountNumber(amount.value), numFmt: AMOUNT_FORMAT }, reason },
        { sheet: table.sheet, row: row.row, col: unitCol, cell: there, before: { value: null }, after: { value: m[2] }, reason },
      );
    }
  }
  return out;
}

function chosenCandidate(key: string, slot: AmountSlot, picked: string): Decimal {
  const candidates = plausibleReadings(slot);
  const match = /^-?\d+(\.\d+)?$/.test(picked.trim()) ? candidates.find((c) => c.eq(new Decimal(picked.trim()))) : undefined;
  if (!match) {
    const list = candidates.map((c) => formatRupiah(c)).join(", ");
    throw new RangeError(`${key}: ${picked} is not one of the candidates (${list})`);
  }
  return match;
}
