/** The write planners of the domain, wired for the pane. */
import type { Message } from "../domain/findings";
import { keptSheetNotice } from "../domain/generatedMarker";
import { cell, count, money, msg, nested, percent, phrase, renderAll, text } from "../domain/messages";
import { namesCell, planRepairs, planRollup, repairAlternatives } from "../domain/rollup";
import type { RollupResult, SkippedParent } from "../domain/rollup";
import { buildPerubahan, buildTabel21, buildTabel33, DEFAULT_PERUBAHAN_SHEET, DEFAULT_TABEL21_SHEET, DEFAULT_TABEL33_SHEET, isBuildError } from "../domain/tables";
import type { BuildError } from "../domain/tables";
import type { SheetPlan } from "../domain/plan";
import type { PlanInput, PlannedChange, Planners, PreviewChange } from "./planners";
import { planTakeSipd } from "../domain/sipd/takeSipd";

/** Skipped parents listed one by one in the summary; the rest are counted. */
const SKIPPED_SHOWN = 3;

export const defaultPlanners: Planners = {
  // Formulas, so the workbook keeps adding up when staff edit a sub kegiatan later (the CLI's default too).
  recompute: ({ workbook, accept, skip }) => {
    const result = planRollup(workbook, { mode: "formulas", accept: accept ?? [], skip: skip ?? [] });
    const { shown, more } = skippedLines(result.skipped);
    return { plan: result.plan, summary: [...totalLines(result), ...shown], moreSkipped: more, changes: previewChanges(result, accept ?? [], skip ?? []) };
  },
  fixNumbers: ({ workbook, choices }) => {
    const plan = planRepairs(workbook, choices);
    return { plan, options: repairAlternatives(workbook, plan) };
  },
  // Ambil nilai SIPD: every sipd-mismatch cell gets SIPD-RI's value unless the user keeps the cell's own.
  takeSipd: ({ workbook, findings, choices }) => {
    const { plan, options, skipped } = planTakeSipd(workbook, findings, choices);
    const next = renderAll(msg("ui.planner.afterSipd", {}));
    return { plan, options, summary: [...skipped.map((s) => s.reason), ...(plan.cells.length > 0 ? [next] : [])] };
  },
  generate33: (input) => generated(input, DEFAULT_TABEL33_SHEET, (options) => buildTabel33(input.workbook, options)),
  generate21: (input) => generated(input, DEFAULT_TABEL21_SHEET, (options) => buildTabel21(input.workbook, options)),
  generatePerubahan: (input) => {
    const original = input.original;
    if (!original) return { refused: renderAll(msg("ui.planner.pickOriginal", {})) };
    return generated(input, DEFAULT_PERUBAHAN_SHEET, (options) => buildPerubahan(original, input.workbook, options));
  },
};

/** Decisions first (the user must look at them), then the changes that follow from a cause, then the rest. */
const CLASS_ORDER: Record<PreviewChange["class"], number> = { decision: 0, explained: 1, "same-amount": 2 };

function previewChanges(result: RollupResult, accept: readonly string[], skip: readonly string[]): PreviewChange[] {
  const named = (list: readonly string[], sheet: string, cell: string) => list.some((r) => namesCell(r, sheet, cell));
  return result.entries
    .map((e): PreviewChange => ({
      ref: e.ref,
      class: e.class,
      ticked: e.class === "decision" ? named(accept, e.cell.sheet, e.cell.cell) : !named(skip, e.cell.sheet, e.cell.cell),
      applied: e.applied,
      before: e.cell.before,
      after: e.cell.after,
      evidence: e.evidence,
      ...(e.heldBecause ? { heldBecause: e.heldBecause } : {}),
    }))
    .sort((a, b) => CLASS_ORDER[a.class] - CLASS_ORDER[b.class]);
}

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
  const kept = input.keptSheets ?? [];
  // A copy or an edited generated sheet is passed over as the source, as the tool's own sheets are.
  const marked = [...(input.generatedSheets ?? []), ...kept.map((v) => v.name)];
  const built = build({ existingSheets, generatedSheets: marked, ...(rewrite ? { sheetName: defaultName, replace: true } : {}) });
  if (isBuildError(built)) return { refused: built.error };
  // The sheet of the default name is the user's now: the table goes to a new name, and the user is told why.
  const taken = kept.find((v) => v.name.toLowerCase() === defaultName.toLowerCase());
  if (!taken) return { sheet: built };
  return { sheet: { ...built, notices: [renderAll(keptSheetNotice(taken, built.sheetName)), ...built.notices] } };
}

/** How each table's total moves with the ticked changes, in Rp and %: the lines staff check before applying. */
function totalLines(result: RollupResult): Message[] {
  const lines: Message[] = [];
  for (const t of result.totals) {
    if (!t.before || !t.after || t.before.eq(t.after)) continue;
    const diff = t.after.minus(t.before);
    // The typographic minus and an explicit plus, before the amount and the percentage alike.
    const sign = text(diff.isNegative() ? "−" : "+");
    const pct = t.before.isZero() ? msg("empty", {}) : msg("ui.planner.totalMovedPercent", { sign, percent: percent(diff.abs().dividedBy(t.before.abs()).times(100), 1) });
    const moved = msg("ui.planner.totalMoved", { cell: cell(`${t.sheet}!${t.cell}`), before: money(t.before), after: money(t.after), sign, amount: money(diff.abs()), percent: nested(pct) });
    lines.push(renderAll(moved));
  }
  const decisions = result.entries.filter((e) => e.class === "decision");
  if (decisions.length) {
    const held = decisions.filter((e) => !e.applied).length;
    lines.push(renderAll(msg("ui.planner.decisions", { n: count(decisions.length), held: count(held) })));
  }
  return lines;
}

/** The first few skipped parents as summary lines; the others go behind "… dan N jumlah lain" (a disclosure). */
function skippedLines(skipped: readonly SkippedParent[]): { shown: Message[]; more: Message[] } {
  const reasons = skipped.map((s) => renderAll(msg("ui.planner.skipped", { cell: cell(`${s.sheet}!${s.cell}`), reason: phrase(s.reason) })));
  return { shown: reasons.slice(0, SKIPPED_SHOWN), more: reasons.slice(SKIPPED_SHOWN) };
}
