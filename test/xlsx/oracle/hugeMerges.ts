/**
 * ExcelJS turns every cell a merge covers into a cell object when it loads a workbook: a merge down a whole
 * column (C3:C1048576) costs it about 4 s and 700 MB, and one over several whole columns exhausts memory. Merges
 * that large carry no table structure, so they are taken out of the parsed model before ExcelJS applies it, and
 * the snapshot gets them back as plain ranges.
 */
import type ExcelJS from "exceljs";
import type { MergeArea } from "../../../src/domain/sheet/snapshot";
import { parseA1 } from "../../../src/domain/sheet/snapshot";

/** Merges covering more cells than this are kept out of ExcelJS (a 10,000-cell merge costs it ~80 ms). */
export const HUGE_MERGE_CELLS = 10_000;

interface ParsedSheetModel {
  name?: unknown;
  mergeCells?: unknown;
}

interface ReconcilingXlsx {
  reconcile?: (model: { worksheets?: unknown }, options: unknown) => void;
}

/**
 * Hooks ExcelJS's `reconcile` step (between parsing the package and building the worksheets) on this workbook
 * only. Returns the huge merges found, by sheet name, once the load has finished. When a later ExcelJS has no such
 * step the hook is a no-op and ExcelJS handles merges itself, as before.
 */
export function divertHugeMerges(workbook: ExcelJS.Workbook): Map<string, MergeArea[]> {
  const diverted = new Map<string, MergeArea[]>();
  const xlsx = workbook.xlsx as unknown as ReconcilingXlsx;
  const reconcile = xlsx.reconcile;
  if (typeof reconcile !== "function") return diverted;
  xlsx.reconcile = function (model, options) {
    reconcile.call(this, model, options);
    if (!Array.isArray(model.worksheets)) return;
    for (const sheet of model.worksheets as ParsedSheetModel[]) {
      if (!sheet || !Array.isArray(sheet.mergeCells) || typeof sheet.name !== "string") continue;
      const kept: unknown[] = [];
      for (const ref of sheet.mergeCells) {
        const area = typeof ref === "string" ? mergeArea(ref) : undefined;
        if (area && cellsIn(area) > HUGE_MERGE_CELLS) {
          const list = diverted.get(sheet.name) ?? [];
          list.push(area);
          diverted.set(sheet.name, list);
        } else {
          kept.push(ref);
        }
      }
      sheet.mergeCells = kept;
    }
  };
  return diverted;
}

function mergeArea(ref: string): MergeArea | undefined {
  const [from, to] = ref.split(":");
  const a = parseA1(from);
  const b = to === undefined ? a : parseA1(to);
  if (!a || !b) return undefined;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

function cellsIn(m: MergeArea): number {
  return (m.bottom - m.top + 1) * (m.right - m.left + 1);
}
