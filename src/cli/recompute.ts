/**
 * `renja recompute <in.xlsx> -o <out.xlsx> [--mode formulas|values] [--dry-run]`: every program, kegiatan and
 * total amount becomes the sum of its children (the sub kegiatan are the truth). The input is never modified;
 * exit 0 when the output was written (even with nothing to change) or the preview printed, 2 when not.
 */
import { HostError } from "../domain/host";
import type { MappedWorkbook } from "../domain/mapping/types";
import type { WritePlan } from "../domain/plan";
import type Decimal from "decimal.js";
import { describePlan, planRollup, type ChangeClass, type RollupMode, type RollupResult, type TotalChange } from "../domain/rollup";
import { plainDecimal } from "../domain/numbers";
import { cell, count, money, msg, nested, percent, render, text, type MessageRef } from "../domain/messages";
import { shorten } from "../domain/analysis/describe";
import { openWritableXlsxHost, SIGNED_WORKBOOK_WARNING, type WritableXlsxHost } from "../xlsx";
import type { CheckEngine } from "./check";
import { type CliIo, hostReadOptions } from "./io";
import type { Lang } from "./lang";

export interface WriteRequest {
  lang: Lang;
  file: string;
  output?: string;
  dryRun: boolean;
}

export const EXIT_WRITTEN = 0;
export const EXIT_NOT_WRITTEN = 2;

/** What a write command works out once the workbook is open and mapped. */
export interface Planned {
  plan: WritePlan;
  /** Lines printed after the plan (what changes in the totals, what was left and why). */
  summary: string[];
  /** False: the summary says everything, the plan is not listed cell by cell. */
  listPlan?: boolean;
  /** Printed instead of any text (--json). */
  json?: unknown;
}

export interface RecomputeRequest extends WriteRequest {
  mode: RollupMode;
  accept?: "all" | string[];
  skip?: string[];
  json?: boolean;
}

export async function runRecompute(req: RecomputeRequest, io: CliIo): Promise<number> {
  return runWriteCommand(req, io, undefined, (workbook) => {
    const result = planRollup(workbook, { mode: req.mode, accept: req.accept ?? [], skip: req.skip ?? [] });
    if (req.json) return { plan: result.plan, summary: [], json: recomputeJson(workbook.file, result) };
    return { plan: result.plan, summary: recomputeReport(result, req.lang), listPlan: false };
  });
}

/** Totals first (Rp and %), then the decisions with their evidence, then the rest, then what was held back. */
export function recomputeReport(result: RollupResult, lang: Lang): string[] {
  const out: string[] = [];
  const say = (m: MessageRef) => render(m, lang);
  const amount = (d: Decimal | null) => nested(d ? msg("plan.amount", { amount: money(d) }) : msg("plan.none", {}));
  const sign = (d: Decimal) => text(d.isNegative() ? "−" : "+");
  out.push(say(msg("cli.recompute.totalsHeading", {})));
  for (const t of result.totals) {
    const diff = t.before && t.after ? t.after.minus(t.before) : null;
    const share =
      diff && t.before && !t.before.isZero() ? msg("cli.recompute.percent", { sign: sign(diff), value: percent(diff.abs().dividedBy(t.before.abs()).times(100), 1) }) : msg("empty", {});
    const moved = !diff || diff.isZero() ? msg("cli.recompute.unchanged", {}) : msg("cli.recompute.moved", { sign: sign(diff), amount: money(diff.abs()), percent: nested(share) });
    out.push(say(msg("cli.recompute.totalLine", { cell: cell(`${t.sheet}!${t.cell}`), before: amount(t.before), after: amount(t.after), moved: nested(moved) })));
  }
  const line = (c: TotalChange) =>
    say(
      msg("cli.recompute.line", {
        cell: cell(`${c.sheet}!${c.cell}`),
        name: nested(c.level === "total" ? msg("plan.total", {}) : msg("cli.recompute.rowName", { name: text(shorten(c.uraian, 50)) })),
        before: amount(c.before),
        after: amount(c.after),
      }),
    );
  const classWord = (k: ChangeClass) => say(msg(`cli.recompute.class.${k}`, {}));
  const held = say(msg("cli.recompute.held", {}));
  const decisions = result.changes.filter((c) => c.class === "decision");
  if (decisions.length) {
    out.push(say(msg("cli.recompute.decisionsHeading", {})));
    for (const c of decisions) {
      out.push(`${line(c)} [${c.applied ? say(msg("cli.recompute.accepted", {})) : held}]`);
      for (const e of c.evidence) out.push(`      - ${e[lang]}`);
    }
  }
  const rest = result.entries.filter((e) => e.class !== "decision");
  const moving = result.changes.filter((c) => c.class !== "decision" && !c.difference.isZero());
  if (moving.length) {
    out.push(say(msg("cli.recompute.otherHeading", {})));
    for (const c of moving) out.push(`${line(c)} [${classWord(c.class)}${c.applied ? "" : `, ${held}`}]: ${c.evidence.map((e) => e[lang]).join("; ")}`);
  }
  const same = rest.filter((e) => e.class === "same-amount" && e.applied).length;
  if (same) out.push(say(msg("cli.recompute.sameKept", { n: count(same) })));
  const heldBack = result.entries.filter((e) => !e.applied);
  if (heldBack.length || result.skipped.length) {
    out.push(say(msg("cli.recompute.heldHeading", {})));
    for (const e of heldBack) out.push(`  ${e.cell.sheet}!${e.cell.cell}: ${e.heldBecause?.[lang] ?? ""}`);
    for (const s of result.skipped) out.push(`  ${s.sheet}!${s.cell}: ${s.reason[lang]}`);
  }
  if (!result.changes.some((c) => !c.difference.isZero())) out.push(say(msg("cli.recompute.noChange", {})));
  return out;
}

function recomputeJson(file: string | undefined, result: RollupResult): unknown {
  const plain = (d: Decimal | null) => (d ? plainDecimal(d) : null);
  const changeOf = new Map(result.changes.map((c) => [`${c.sheet}!${c.cell}`, c]));
  return {
    file,
    totals: result.totals.map((t) => ({ sheet: t.sheet, cell: t.cell, role: t.role, before: plain(t.before), after: plain(t.after) })),
    changes: result.entries.map((e) => {
      const c = changeOf.get(`${e.cell.sheet}!${e.cell.cell}`);
      return {
        sheet: e.cell.sheet,
        cell: e.cell.cell,
        class: e.class,
        applied: e.applied,
        before: c ? plain(c.before) : null,
        after: c ? plain(c.after) : null,
        difference: c ? plain(c.difference) : "0",
        formula: e.cell.after.formula ?? null,
        evidence: e.evidence,
        ...(e.heldBecause ? { heldBecause: e.heldBecause } : {}),
      };
    }),
    skipped: result.skipped.map((s) => ({ sheet: s.sheet, cell: s.cell, reason: s.reason })),
  };
}

/** Open, map, plan, preview or apply, write: shared by recompute and fix-numbers. */
export async function runWriteCommand(
  req: WriteRequest,
  io: CliIo,
  engine: CheckEngine | undefined,
  makePlan: (workbook: MappedWorkbook, checker: CheckEngine) => Planned,
): Promise<number> {
  try {
    if (req.output !== undefined && !req.dryRun) await io.checkOutput?.(req.output, req.file);
    const bytes = await io.readFile(req.file);
    const host = await openWritableXlsxHost(bytes, req.file, io.sidecar(req.file), hostReadOptions(io));
    const checker = engine ?? (await import("./engine")).defaultEngine;
    const workbook = await mapped(host, checker);
    workbook.file = req.file;
    const { plan, summary, listPlan, json } = makePlan(workbook, checker);
    const cells = plan.cells.length;
    if (host.signed && cells > 0) io.stdout(`${render(SIGNED_WORKBOOK_WARNING, req.lang)}\n`);

    if (req.dryRun || req.output === undefined) {
      if (json !== undefined) {
        io.stdout(`${JSON.stringify({ written: false, ...(json as object) }, null, 2)}\n`);
        return EXIT_WRITTEN;
      }
      io.stdout(`${render(msg("cli.write.preview", { n: count(cells) }), req.lang)}\n`);
      if (listPlan !== false) for (const line of describePlan(plan, req.lang)) io.stdout(`  ${line}\n`);
      for (const line of summary) io.stdout(`${line}\n`);
      return EXIT_WRITTEN;
    }
    if (!io.writeFile) throw new Error("this environment cannot write files");
    io.onPlan?.(plan);
    await host.apply(plan);
    await io.writeFile(req.output, host.bytes(), req.file);
    if (json !== undefined) {
      io.stdout(`${JSON.stringify({ written: true, output: req.output, ...(json as object) }, null, 2)}\n`);
      return EXIT_WRITTEN;
    }
    io.stdout(`${render(msg("cli.write.written", { n: count(cells), file: text(req.output) }), req.lang)}\n`);
    for (const line of summary) io.stdout(`${line}\n`);
    return EXIT_WRITTEN;
  } catch (e) {
    if (e instanceof HostError) {
      io.stderr(`renja: ${e.messages[req.lang]}\n`);
      return EXIT_NOT_WRITTEN;
    }
    const detail = (e instanceof Error ? e.message : String(e)).split("\n")[0].trim();
    io.stderr(
      `renja: ${render(msg("cli.write.internal", { detail: text(detail) }), req.lang)}\n`,
    );
    if (io.debug && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return EXIT_NOT_WRITTEN;
  }
}

async function mapped(host: WritableXlsxHost, checker: CheckEngine): Promise<MappedWorkbook> {
  const snapshots = await host.readAllSnapshots({ styles: true });
  const overrides = await host.loadMapping();
  return checker.mapWorkbook(snapshots, { overrides });
}
