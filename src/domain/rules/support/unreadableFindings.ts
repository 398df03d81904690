/**
 * Money cells of plan rows that hold no amount at all: an Excel error value (#REF!, #VALUE!, #DIV/0!) or words
 * (the seed's Tabel 2.1 has "6.757.833.494 Kantor Kec. Tomoni": the Unit PD text pasted into the amount cell).
 * Their sums cannot be judged, so without this finding they would pass in silence. They are reported under
 * malformed-number ("an amount that cannot be read"). No repair is suggested: turning the cell into the amount
 * it begins with would drop the words, and the user's text is never thrown away; the message names the amount
 * so the user can split the cell.
 */
import type { Finding } from "../../findings";
import type { MappedWorkbook } from "../../mapping/types";
import { formatRupiah, parseAmountText } from "../../numbers";
import type { RuleMeta, RuleOptions } from "../types";
import { arithmeticOf } from "./arithmetic";
import { capitalize, moneyColumnLabel, rowName, severityFor } from "./describe";

/** "6.757.833.494 Kantor Kec. Tomoni" → the amount it begins with, when the rest are words. */
function leadingAmount(text: string): { amount: string; rest: string } | undefined {
  const m = /^\s*((?:Rp\.?\s*)?[0-9][0-9.,]*)\s+([^\d\s].*)$/i.exec(text);
  if (!m) return undefined;
  const reading = parseAmountText(m[1]);
  if (reading.status !== "ok" && reading.status !== "text-number") return undefined;
  if (reading.value === null) return undefined;
  return { amount: formatRupiah(reading.value), rest: m[2].trim() };
}

export function unreadableFindings(workbook: MappedWorkbook, meta: RuleMeta, options: RuleOptions): Finding[] {
  const findings: Finding[] = [];
  for (const column of arithmeticOf(workbook).columns) {
    for (const slot of column.cells) {
      if (!slot.unreadable || slot.money.whole !== undefined) continue;
      const m = slot.money;
      if (m.reading.status !== "not-amount" || m.row.level === "other") continue;
      const where = moneyColumnLabel(m.table, m.role, m.col);
      const who = rowName(m.row);
      const raw = m.reading.raw;
      const split = m.cell?.error ? undefined : leadingAmount(raw);
      const what = m.cell?.error
        ? {
            id: `${where.id} ${who.id} berisi galat Excel ${raw}, bukan angka; jumlah yang memuatnya tidak dapat diperiksa. Perbaiki rumus atau isi angkanya.`,
            en: `${where.en} of ${who.en} holds the Excel error ${raw}, not an amount; the sums that include it cannot be checked. Fix the formula or type the amount.`,
          }
        : split
          ? {
              id: `${where.id} ${who.id} berisi "${raw}": angka ${split.amount} bercampur dengan teks "${split.rest}" dalam satu sel, sehingga tidak terbaca sebagai angka. Pisahkan teksnya ke kolomnya sendiri.`,
              en: `${where.en} of ${who.en} holds "${raw}": the amount ${split.amount} is mixed with the text "${split.rest}" in one cell, so it does not read as an amount. Move the text to its own column.`,
            }
          : {
              id: `${where.id} ${who.id} berisi "${raw}", bukan angka; jumlah yang memuatnya tidak dapat diperiksa.`,
              en: `${where.en} of ${who.en} holds "${raw}", not an amount; the sums that include it cannot be checked.`,
            };
      findings.push({
        rule: meta.id,
        severity: severityFor(meta, options),
        sheet: m.table.sheet,
        cell: m.address,
        row: m.row.row,
        role: m.role,
        message: { id: capitalize(what.id), en: capitalize(what.en) },
      });
    }
  }
  return findings;
}
