/**
 * fix-numbers: every malformed or suspect-scale amount becomes the number it was meant to be — by default the
 * suggestion of its finding (the candidate that balances its parent), or the candidate the user picked — stored
 * as a number with the amount format.
 */
import Decimal from "decimal.js";
import type { Finding, Message } from "../findings";
import { sheetRef } from "../findings";
import { columnOf } from "../mapping/tree";
import type { MappedTable, MappedWorkbook } from "../mapping/types";
import { formatRupiah, parseAmountText, readAmount, thousandfoldCandidates } from "../numbers";
import { familyOf } from "../analysis/family";
import { moneyColumns, sheetOf } from "../analysis/moneyCells";
import type { PlannedCell, WritePlan } from "../plan";
import { a1, cellAt, parseA1 } from "../sheet/snapshot";
import { AMOUNT_FORMAT, amountNumber, contentOf } from "./cellContent";

export const REPAIR_TITLE: Message = { id: "Perbaiki angka yang salah ketik", en: "Repair mistyped amounts" };

const REPAIRED_RULES = new Set(["malformed-number", "suspect-scale"]);

/** The user's pick per cell: "Sheet!A1" (as sheetRef writes it) → the amount as a plain decimal string. */
export type RepairChoices = Readonly<Record<string, string>>;

export function planRepairs(workbook: MappedWorkbook, findings: readonly Finding[], choices: RepairChoices = {}): WritePlan {
  const cells: PlannedCell[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    if (!REPAIRED_RULES.has(f.rule)) continue;
    const key = sheetRef(f.sheet, f.cell);
    if (seen.has(key)) continue;
    const at = parseA1(f.cell);
    const sheet = workbook.sheets.find((s) => s.name === f.sheet);
    if (!at || !sheet) continue;
    const cell = cellAt(sheet, at.row, at.col);
    const picked = choices[key];
    const value = picked !== undefined ? chosenCandidate(key, cell, picked, f) : f.suggestion ? new Decimal(f.suggestion.value) : undefined;
    if (!value) continue;
    seen.add(key);
    const raw = readAmount(cell).raw;
    cells.push({
      sheet: f.sheet,
      row: at.row,
      col: at.col,
      cell: f.cell,
      before: contentOf(cell),
      after: { value: amountNumber(value), numFmt: AMOUNT_FORMAT },
      reason:
        picked !== undefined
          ? { id: `pilihan pengguna untuk "${raw}"`, en: `the user's choice for "${raw}"` }
          : { id: f.suggestion?.reason ?? `"${raw}" dibaca sebagai ${formatRupiah(value)}`, en: `"${raw}" read as ${formatRupiah(value)}` },
    });
  }
  for (const table of workbook.tables) cells.push(...runInRepairs(workbook, table).filter((c) => !seen.has(sheetRef(c.sheet, c.cell))));
  return { title: REPAIR_TITLE, cells };
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
      if ((amount.status !== "ok" && amount.status !== "text-number") || !amount.value) continue;
      const reason: Message = { id: `"${m[2]}" ikut tertempel ke dalam angka; dipindah ke kolom Unit PD`, en: `"${m[2]}" was pasted into the amount; moved to the Unit PD column` };
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

/** The candidates a user may pick from for a cell: the reading's own, its thousandfold readings, the suggestion. */
export function repairCandidates(cell: Parameters<typeof readAmount>[0], finding?: Finding): Decimal[] {
  const reading = readAmount(cell);
  const list = [...reading.candidates];
  if (reading.value && reading.value.isInteger() && reading.status === "ok") list.push(...thousandfoldCandidates(reading.value));
  if (finding?.suggestion) list.unshift(new Decimal(finding.suggestion.value));
  const unique: Decimal[] = [];
  for (const d of list) if (!unique.some((u) => u.eq(d))) unique.push(d);
  return unique;
}

function chosenCandidate(key: string, cell: Parameters<typeof readAmount>[0], picked: string, finding: Finding): Decimal {
  const candidates = repairCandidates(cell, finding);
  const match = /^-?\d+$/.test(picked.trim()) ? candidates.find((c) => c.eq(picked.trim())) : undefined;
  if (!match) {
    const list = candidates.map((c) => formatRupiah(c)).join(", ");
    throw new RangeError(`${key}: ${picked} is not one of the candidates (${list})`);
  }
  return match;
}
