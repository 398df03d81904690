/** The write planners of the domain, wired for the pane. */
import type { Message } from "../domain/findings";
import { describeChanges, planRepairs, planRollup, repairCandidates } from "../domain/rollup";
import { sheetRef } from "../domain/findings";
import type { Finding } from "../domain/findings";
import type { MappedWorkbook } from "../domain/mapping/types";
import { plainDecimal } from "../domain/numbers";
import { cellAt } from "../domain/sheet/snapshot";
import type { WritePlan } from "../domain/plan";
import type { SkippedParent, TotalChange } from "../domain/rollup";
import { buildPerubahan, buildTabel21, buildTabel33, DEFAULT_PERUBAHAN_SHEET, DEFAULT_TABEL21_SHEET, DEFAULT_TABEL33_SHEET, isBuildError } from "../domain/tables";
import type { BuildError } from "../domain/tables";
import type { SheetPlan } from "../domain/plan";
import type { PlanInput, PlannedChange, Planners } from "./planners";

/** Skipped parents listed one by one in the summary; the rest are counted. */
const SKIPPED_SHOWN = 3;

export const defaultPlanners: Planners = {
  // Formulas, so the workbook keeps adding up when staff edit a sub kegiatan later (the CLI's default too).
  recompute: ({ workbook }) => {
    const { plan, changes, skipped } = planRollup(workbook, { mode: "formulas" });
    return { plan, summary: [...totalLines(changes), ...skippedLines(skipped)] };
  },
  fixNumbers: ({ workbook, findings, choices }) => {
    const plan = planRepairs(workbook, findings, choices);
    return { plan, options: repairOptions(workbook, findings, plan) };
  },
  generate33: (input) => generated(input, DEFAULT_TABEL33_SHEET, (options) => buildTabel33(input.workbook, options)),
  generate21: (input) => generated(input, DEFAULT_TABEL21_SHEET, (options) => buildTabel21(input.workbook, options)),
  generatePerubahan: (input) => {
    const original = input.original;
    if (!original) return { refused: { id: "Pilih dulu buku kerja versi semula (.xlsx).", en: "Pick the original version's workbook (.xlsx) first." } };
    return generated(input, DEFAULT_PERUBAHAN_SHEET, (options) => buildPerubahan(original, input.workbook, options));
  },
};

interface SheetOptions {
  existingSheets: string[];
  generatedSheets?: string[];
  sheetName?: string;
  replace?: boolean;
}

/**
 * Generating again rewrites the sheet this tool made before (the preview says so, and Terapkan is the user's
 * confirmation) instead of piling up "Tabel 3.3 (Renja Cermat) (2)", "(3)"…
 */
function generated(input: PlanInput, defaultName: string, build: (options: SheetOptions) => SheetPlan | BuildError): PlannedChange {
  const existingSheets = input.workbook.sheets.map((s) => s.name);
  const rewrite = input.generatedSheets?.includes(defaultName) ?? false;
  const built = build({ existingSheets, generatedSheets: input.generatedSheets, ...(rewrite ? { sheetName: defaultName, replace: true } : {}) });
  return isBuildError(built) ? { refused: built.error } : { sheet: built };
}

/** How each table's total moves: the lines staff check before applying. */
function totalLines(changes: readonly TotalChange[]): Message[] {
  const totals = changes.filter((c) => c.level === "total");
  const en = describeChanges(totals, "en");
  return describeChanges(totals, "id").map((id, i) => ({ id, en: en[i] }));
}

function skippedLines(skipped: readonly SkippedParent[]): Message[] {
  const lines = skipped.slice(0, SKIPPED_SHOWN).map((s) => s.reason);
  const rest = skipped.length - lines.length;
  if (rest > 0) lines.push({ id: `… dan ${rest} jumlah lain tidak dihitung ulang.`, en: `… and ${rest} more totals not recomputed.` });
  return lines;
}

/** Where a slip has more than one plausible reading, the user may pick another than the planned one. */
function repairOptions(workbook: MappedWorkbook, findings: readonly Finding[], plan: WritePlan): Record<string, string[]> {
  const options: Record<string, string[]> = {};
  for (const c of plan.cells) {
    const finding = findings.find((f) => f.sheet === c.sheet && f.cell === c.cell && (f.rule === "malformed-number" || f.rule === "suspect-scale"));
    const sheet = workbook.sheets.find((s) => s.name === c.sheet);
    if (!finding || !sheet) continue;
    const candidates = repairCandidates(cellAt(sheet, c.row, c.col), finding).map(plainDecimal);
    const planned = typeof c.after.value === "number" ? String(c.after.value) : undefined;
    const ordered = planned !== undefined && candidates.includes(planned) ? [planned, ...candidates.filter((v) => v !== planned)] : candidates;
    if (ordered.length > 1) options[sheetRef(c.sheet, c.cell)] = ordered;
  }
  return options;
}
