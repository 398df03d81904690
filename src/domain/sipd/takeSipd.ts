/**
 * "Take SIPD's value": a WritePlan that writes SIPD-RI's amounts and sumber dana into the plan cells the
 * sipd-mismatch findings point at, and clears the rows of sub kegiatan SIPD-RI does not have. Every cell carries
 * what it held when read, so the host refuses when the user changed it since, and undo puts it back exactly.
 * The parents are not touched: recompute (src/domain/rollup) sums them again afterwards.
 */
import Decimal from "decimal.js";
import type { Finding, Message } from "../findings";
import { sheetRef } from "../findings";
import type { MappedTable, MappedWorkbook } from "../mapping/types";
import { cell as cellRef, formula, money, msg, renderAll } from "../messages";
import type { PlannedCell, WritePlan } from "../plan";
import { textNeedsTextFormat } from "../plan";
import type { Cell, SheetSnapshot } from "../sheet/snapshot";
import { a1, cellAt, cellText, parseA1, rowAt } from "../sheet/snapshot";
import { sheetOf } from "../analysis/moneyCells";
import { SIPD_RULE } from "./compare";

// Plans carry their title and reasons in both languages (the undo list and the preview show them as written), so
// they are rendered from the catalogue here; the skipped reasons go into the same preview summary.
export const TAKE_SIPD_TITLE: Message = renderAll(msg("sipd.take.title", {}));

/** The user's pick per finding cell ("'Sheet'!F12"): SIPD's value (the default) or the cell's own (left alone). */
export type TakeSipdChoices = Readonly<Record<string, string>>;

export interface TakeSipdResult {
  plan: WritePlan;
  /** Per finding cell: [SIPD's value, the cell's current text]; picking the second leaves the cell as it is. */
  options: Record<string, string[]>;
  /** Findings no cell write can settle (a row to insert, a formula cell), with why. */
  skipped: { ref: string; reason: Message }[];
}

function contentOf(cell: Cell | undefined): PlannedCell["before"] {
  if (!cell) return { value: null };
  return {
    value: cell.value,
    ...(cell.formula !== undefined ? { formula: cell.formula } : {}),
    ...(cell.numFmt !== undefined ? { numFmt: cell.numFmt } : {}),
    ...(cell.error !== undefined ? { error: cell.error } : {}),
  };
}

function amountFormat(value: Decimal): string {
  return value.isInteger() ? "#,##0" : "#,##0.00";
}

function tableAt(workbook: MappedWorkbook, sheet: string, row: number): MappedTable | undefined {
  return workbook.tables.find((t) => t.sheet === sheet && row >= t.dataRows[0] && row <= t.dataRows[1]);
}

/** The cells of a table row that hold something, within the table's columns. */
function rowCells(sheet: SheetSnapshot, table: MappedTable, row: number): number[] {
  const cols = Object.values(table.columns).filter((c): c is number => c !== undefined);
  const first = Math.min(...cols);
  const last = Math.max(...cols);
  return [...(rowAt(sheet, row)?.keys() ?? [])].filter((c) => c >= first && c <= last).sort((a, b) => a - b);
}

export function planTakeSipd(workbook: MappedWorkbook, findings: readonly Finding[], choices: TakeSipdChoices = {}): TakeSipdResult {
  const cells: PlannedCell[] = [];
  const options: Record<string, string[]> = {};
  const skipped: TakeSipdResult["skipped"] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    if (f.rule !== SIPD_RULE) continue;
    const ref = sheetRef(f.sheet, f.cell);
    const at = parseA1(f.cell);
    const sheet = workbook.sheets.find((s) => s.name === f.sheet);
    if (!at || !sheet || seen.has(ref)) continue;
    if (!f.suggestion) {
      skipped.push({ ref, reason: renderAll(msg("sipd.take.insertRows", { ref: cellRef(ref) })) });
      continue;
    }
    const cell = cellAt(sheet, at.row, at.col);
    const current = cellText(cell);
    const planned = f.suggestion.value;
    options[ref] = [planned, current];
    const picked = choices[ref];
    if (picked !== undefined && picked !== planned) continue;
    if (cell?.formula !== undefined && f.role !== "uraian") {
      skipped.push({ ref, reason: renderAll(msg("sipd.take.formula", { ref: cellRef(ref), formula: formula(`=${cell.formula}`) })) });
      continue;
    }
    seen.add(ref);
    if (f.role === "paguN" || f.role === "paguN1") {
      const value = new Decimal(planned);
      cells.push({
        sheet: f.sheet, row: at.row, col: at.col, cell: f.cell,
        before: contentOf(cell),
        after: { value: value.toNumber(), numFmt: amountFormat(value) },
        reason: renderAll(msg("sipd.take.pagu", { amount: money(value) })),
      });
    } else if (f.role === "sumberDana") {
      cells.push({
        sheet: f.sheet, row: at.row, col: at.col, cell: f.cell,
        before: contentOf(cell),
        after: { value: planned, ...(textNeedsTextFormat(planned) ? { numFmt: "@" } : {}) },
        reason: renderAll(msg("sipd.take.fund", {})),
      });
    } else if (f.role === "uraian" && planned === "") {
      // a sub kegiatan SIPD-RI does not have: its row is emptied (deleting rows is the user's, and undoable there)
      const table = tableAt(workbook, f.sheet, at.row);
      const tableSheet = table ? sheetOf(workbook, table) : undefined;
      if (!table || !tableSheet) continue;
      for (const col of rowCells(tableSheet, table, at.row)) {
        const c = cellAt(tableSheet, at.row, col);
        cells.push({
          sheet: f.sheet, row: at.row, col, cell: a1(at.row, col),
          before: contentOf(c),
          after: { value: null, ...(c?.numFmt !== undefined ? { numFmt: c.numFmt } : {}) },
          reason: renderAll(msg("sipd.take.emptied", {})),
        });
      }
    }
  }
  return { plan: { title: TAKE_SIPD_TITLE, cells }, options, skipped };
}
