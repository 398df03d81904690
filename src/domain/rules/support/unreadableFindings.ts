/**
 * Money cells of plan rows that hold no amount at all: an Excel error value (#REF!, #VALUE!, #DIV/0!) or words.
 * Their sums cannot be judged, so without this finding they would pass in silence. They are reported under
 * malformed-number ("an amount that cannot be read"), without a repair.
 * An amount with the next column's text after it (the seed's Tabel 2.1: "6.757.833.494 Kantor Kec. Tomoni") is
 * read as that amount by the model; it gets a warning naming the displaced text, and its sums are checked.
 */
import type Decimal from "decimal.js";
import type { Finding } from "../../findings";
import type { MoneyCell } from "../../analysis/moneyCells";
import type { MappedWorkbook } from "../../mapping/types";
import { plainDecimal } from "../../numbers";
import type { RuleMeta, RuleOptions } from "../types";
import { analysisOf } from "../../analysis";
import { moneyColumnLabel, rowName, severityFor } from "../../analysis/describe";
import { money, msg, nested, text as textValue } from "../../messages";

export function unreadableFindings(workbook: MappedWorkbook, meta: RuleMeta, options: RuleOptions): Finding[] {
  const findings: Finding[] = [];
  for (const column of analysisOf(workbook).columns) {
    // indexed: every money cell of the workbook (a for…of allocates an iterator result per cell until optimised)
    for (let i = 0; i < column.cells.length; i++) {
      const slot = column.cells[i];
      if (slot.displaced !== undefined && slot.chosen && slot.money.row.level !== "other") {
        findings.push(displacedFinding(slot.money, slot.displaced, slot.chosen.value, meta));
        continue;
      }
      if (!slot.unreadable || slot.money.whole !== undefined) continue;
      const m = slot.money;
      if (m.reading.status !== "not-amount" || m.row.level === "other") continue;
      const params = { where: nested(moneyColumnLabel(m.table, m.role, m.col)), who: nested(rowName(m.row)), raw: textValue(m.reading.raw) };
      findings.push({
        rule: meta.id,
        severity: severityFor(meta, options),
        sheet: m.table.sheet,
        cell: m.address,
        row: m.row.row,
        role: m.role,
        message: m.cell?.error ? msg("unreadable.excelError", params) : msg("unreadable.text", params),
      });
    }
  }
  return findings;
}

/**
 * An amount with the next column's text pasted after it: read as the amount (its sums are checked with it),
 * with a warning that names the displaced text so the user moves it to its own column (fix-numbers does, into
 * an empty Unit PD cell).
 */
function displacedFinding(m: MoneyCell, text: string, value: Decimal, meta: RuleMeta): Finding {
  const where = moneyColumnLabel(m.table, m.role, m.col);
  const who = rowName(m.row);
  return {
    rule: meta.id,
    severity: "warning",
    sheet: m.table.sheet,
    cell: m.address,
    row: m.row.row,
    role: m.role,
    actual: plainDecimal(value),
    message: msg("unreadable.pasted", { where: nested(where), who: nested(who), raw: textValue(m.reading.raw), amount: money(value), text: textValue(text) }),
  };
}
