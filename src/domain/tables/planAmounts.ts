/**
 * The amounts a generated table starts from: every row's settled amount as the arithmetic rules worked it out
 * (the stated amount, or — for a slip such as "4.765,000" or a figure 1,000 times off — the repair that makes
 * the sums hold). Only the lowest rows' amounts are written; parents are formulas over them, so a generated
 * table is always internally consistent, and every repaired cell is named in a notice so the user can fix the
 * source too (renja fix-numbers).
 */
import type Decimal from "decimal.js";
import type { Message } from "../findings";
import type { ColumnRole, MappedTable, MappedWorkbook } from "../mapping/types";
import { formatRupiah } from "../numbers";
import { analysisOf } from "../analysis";
import { sheetRef } from "../findings";

export interface LeafAmount {
  value: Decimal | null;
  /** The source cell's text when no amount can be read from it (words, an error value). */
  unreadable?: string;
  repairedFrom?: string;
}

export interface PlanAmounts {
  amountAt(row: number, role: ColumnRole): LeafAmount | undefined;
  notices: Message[];
}

export function planAmounts(workbook: MappedWorkbook, table: MappedTable, roles: readonly ColumnRole[]): PlanAmounts {
  const arithmetic = analysisOf(workbook);
  const byRole = new Map<ColumnRole, Map<number, LeafAmount>>();
  const repaired: string[] = [];
  const unreadable: string[] = [];
  const displaced: string[] = [];
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
      if (slot.displaced !== undefined) displaced.push(`${sheetRef(table.sheet, slot.money.address)} "${slot.money.reading.raw}" → ${formatRupiah(chosen.value)}`);
      if (chosen.kind !== "stated") {
        leaf.repairedFrom = slot.money.reading.raw;
        repaired.push(`${sheetRef(table.sheet, slot.money.address)} ${slot.money.reading.raw} → ${formatRupiah(chosen.value)}`);
      }
      amounts.set(row, leaf);
    }
    byRole.set(role, amounts);
  }
  const notices: Message[] = [];
  if (repaired.length) {
    notices.push({
      id: `Angka berikut di lembar sumber salah tulis; tabel memakai perbaikannya: ${repaired.join("; ")}. Perbaiki juga sumbernya dengan Perbaiki Angka.`,
      en: `These source amounts are slips; the table uses their repair: ${repaired.join("; ")}. Fix the source too with Fix Numbers.`,
    });
  }
  if (displaced.length) {
    notices.push({
      id: `Sel berikut berisi angka dengan teks kolom lain di belakangnya; tabel memakai angkanya saja: ${displaced.join("; ")}.`,
      en: `These cells hold an amount followed by another column's text; the table uses the amount only: ${displaced.join("; ")}.`,
    });
  }
  if (unreadable.length) {
    notices.push({
      id: `Sel berikut tidak berisi angka yang dapat dibaca dan ditulis apa adanya sebagai teks: ${unreadable.join(", ")}.`,
      en: `These cells hold no readable amount and are copied as text: ${unreadable.join(", ")}.`,
    });
  }
  return { amountAt: (row, role) => byRole.get(role)?.get(row), notices };
}
