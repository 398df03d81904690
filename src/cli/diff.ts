/**
 * `renja diff <old.xlsx> <new.xlsx> [--json] [--findings old.json]`: what changed between two versions of a
 * Renja — per table, rows added / removed / renamed and every amount semula → menjadi with the totals — and,
 * given the JSON of the last `renja check`, which of its findings are resolved, new or remaining. Neither file
 * is changed. Exit 0 when the comparison ran, 2 when it could not.
 */
import type Decimal from "decimal.js";
import type { Finding } from "../domain/findings";
import { HostError } from "../domain/host";
import type { MappedWorkbook } from "../domain/mapping/types";
import { count, money, msg, nested, percent, render, text, type MessageRef } from "../domain/messages";
import { levelName, moneyColumnLabel } from "../domain/analysis/describe";
import { compareFindings, diffToJson, diffWorkbooks, type FindingComparison, type KeyedFinding, type KeyTable, type TableDiff, type WorkbookDiff } from "../domain/versions";
import { openXlsxHost } from "../xlsx";
import { type CliIo, hostReadOptions } from "./io";
import type { Lang } from "./lang";
import { findingText } from "./findingJson";

export interface DiffRequest {
  lang: Lang;
  oldFile: string;
  newFile: string;
  json: boolean;
  /** The JSON `renja check --json` printed for the old version. */
  findings?: string;
}

const EXIT_RAN = 0;
const EXIT_CANNOT_RUN = 2;

export async function runDiff(req: DiffRequest, io: CliIo): Promise<number> {
  const say = (m: MessageRef) => render(m, req.lang);
  try {
    const oldWorkbook = await readMapped(req.oldFile, io);
    const newWorkbook = await readMapped(req.newFile, io);
    const diff = diffWorkbooks(oldWorkbook, newWorkbook);
    let findings: FindingComparison | undefined;
    if (req.findings !== undefined) {
      const previous = parsePreviousCheck(new TextDecoder().decode(await io.readFile(req.findings)), req.oldFile);
      if ("error" in previous) {
        io.stderr(`renja: ${say(previous.error)}\n`);
        return EXIT_CANNOT_RUN;
      }
      const { validate } = await import("../domain/validate");
      findings = compareFindings(previous, { findings: validate(newWorkbook), tables: newWorkbook.tables });
    }
    if (req.json) io.stdout(`${JSON.stringify(diffToJson({ old: req.oldFile, new: req.newFile }, diff, findings), null, 2)}\n`);
    else io.stdout(diffReport(req, diff, findings));
    return EXIT_RAN;
  } catch (e) {
    if (e instanceof HostError) {
      io.stderr(`renja: ${e.messages[req.lang]}\n`);
      return EXIT_CANNOT_RUN;
    }
    const detail = (e instanceof Error ? e.message : String(e)).split("\n")[0];
    io.stderr(`renja: ${say(msg("cli.diff.internal", { detail: text(detail) }))}\n`);
    if (io.debug && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return EXIT_CANNOT_RUN;
  }
}

export async function readMapped(file: string, io: CliIo): Promise<MappedWorkbook> {
  const host = await openXlsxHost(await io.readFile(file), file, io.sidecar(file), hostReadOptions(io));
  const snapshots = await host.readAllSnapshots({ styles: true });
  const { mapWorkbook } = await import("../domain/mapping/mapWorkbook");
  const workbook = mapWorkbook(snapshots, { overrides: await host.loadMapping() });
  workbook.file = file;
  return workbook;
}

/**
 * The findings and tables of the last check: one `check --json` object, or JSON Lines of several files (the
 * line whose `file` names the old workbook, else the only line).
 */
export function parsePreviousCheck(json: string, oldFile: string): { findings: KeyedFinding[]; tables: KeyTable[] } | { error: MessageRef } {
  const objects: unknown[] = [];
  try {
    objects.push(JSON.parse(json));
  } catch {
    for (const line of json.split(/\r?\n/)) {
      if (line.trim() === "") continue;
      try {
        objects.push(JSON.parse(line));
      } catch {
        return { error: msg("cli.diff.findingsNotJson", {}) };
      }
    }
  }
  const checks = objects.filter(isCheckJson);
  const base = (p: string) => p.split(/[\\/]/).pop() ?? p;
  const chosen = checks.length === 1 ? checks[0] : checks.find((c) => base(c.file) === base(oldFile));
  if (!chosen) {
    return { error: msg("cli.diff.findingsMissing", { file: text(base(oldFile)) }) };
  }
  return { findings: chosen.findings, tables: chosen.tables };
}

interface CheckJson {
  file: string;
  tables: KeyTable[];
  findings: KeyedFinding[];
}

function isCheckJson(x: unknown): x is CheckJson {
  if (typeof x !== "object" || x === null) return false;
  const o = x as Record<string, unknown>;
  return typeof o.file === "string" && Array.isArray(o.tables) && Array.isArray(o.findings);
}

/** The human report: one block per table, then the findings. Every line is a catalogue message (cli.diff.*). */
export function diffReport(req: DiffRequest, diff: WorkbookDiff, findings?: FindingComparison): string {
  const say = (m: MessageRef) => render(m, req.lang);
  const out: string[] = [say(msg("cli.diff.heading", { old: text(req.oldFile), new: text(req.newFile) })), ""];
  for (const t of diff.tables) out.push(...tableBlock(t).map(say), "");
  for (const t of diff.onlyOld) out.push(say(msg("cli.diff.onlyOld", { kind: text(t.kind), sheet: text(t.sheet) })));
  for (const t of diff.onlyNew) out.push(say(msg("cli.diff.onlyNew", { kind: text(t.kind), sheet: text(t.sheet) })));
  if (diff.tables.length === 0 && diff.onlyOld.length === 0 && diff.onlyNew.length === 0) out.push(say(msg("cli.diff.noTable", {})));
  if (findings) out.push("", ...findingsBlock(findings, req.lang));
  return `${out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}

function tableBlock(t: TableDiff): MessageRef[] {
  const where = t.oldSheet === t.newSheet ? msg("cli.diff.sameSheet", { sheet: text(t.newSheet) }) : msg("cli.diff.movedSheet", { old: text(t.oldSheet), new: text(t.newSheet) });
  const lines = [msg("cli.diff.table", { kind: text(t.kind), where: nested(where) })];
  const name = (r: { level: TableDiff["added"][number]["level"]; kode?: string; uraian: string }) =>
    nested(
      r.kode
        ? msg("cli.diff.rowName", { level: nested(levelName(r.level)), kode: text(r.kode), uraian: text(r.uraian) })
        : msg("cli.diff.rowNameNoKode", { level: nested(levelName(r.level)), uraian: text(r.uraian) }),
    );
  const nothing = t.added.length + t.removed.length + t.renamed.length === 0 && t.money.every((m) => m.changes.length === 0);
  if (nothing) return [...lines, msg("cli.diff.noChange", {})];
  if (t.added.length) lines.push(msg("cli.diff.addedHeading", { n: count(t.added.length) }), ...t.added.map((r) => msg("cli.diff.added", { name: name(r), row: text(String(r.row)) })));
  if (t.removed.length) lines.push(msg("cli.diff.removedHeading", { n: count(t.removed.length) }), ...t.removed.map((r) => msg("cli.diff.removed", { name: name(r), row: text(String(r.row)) })));
  if (t.renamed.length) {
    lines.push(msg("cli.diff.renamedHeading", { n: count(t.renamed.length) }));
    for (const r of t.renamed) lines.push(msg("cli.diff.renamed", { level: nested(levelName(r.new.level)), old: text(r.old.uraian), new: text(r.new.uraian), row: text(String(r.new.row)) }));
  }
  const amount = (d: Decimal | null) => nested(d === null ? msg("cli.diff.none", {}) : msg("value.number", { amount: money(d) }));
  for (const m of t.money) {
    const col = t.newTable.columns[m.role] ?? 0;
    const column = nested(moneyColumnLabel(t.newTable, m.role, col));
    lines.push(msg("cli.diff.total", { column, before: money(m.total.before), after: money(m.total.after), moved: nested(moved(m.total.delta, m.total.before)) }));
    for (const c of m.changes) {
      lines.push(msg("cli.diff.change", { name: name(c), before: amount(c.before), after: amount(c.after), sign: text(c.delta.isNegative() ? "-" : "+"), delta: money(c.delta.abs()) }));
    }
  }
  return lines;
}

/** "bertambah 12.500.000 (0,25%)" / "berkurang …"; "tetap" when nothing changed. */
function moved(delta: Decimal, before: Decimal): MessageRef {
  if (delta.isZero()) return msg("cli.diff.unchanged", {});
  // Two decimals always ("0,50%"), so small changes between versions do not read as none.
  const shown = nested(before.isZero() ? msg("empty", {}) : msg("cli.diff.percent", { value: percent(delta.abs().div(before.abs()).times(100), 2, true) }));
  return msg(delta.isNegative() ? "cli.diff.down" : "cli.diff.up", { amount: money(delta.abs()), percent: shown });
}

function findingsBlock(c: FindingComparison, lang: Lang): string[] {
  const say = (m: MessageRef) => render(m, lang);
  const line = (f: Finding) => `    ${f.severity} ${f.rule} '${f.sheet}'!${f.cell}: ${findingText(f.message, lang)}`;
  return [
    say(msg("cli.diff.findingsHeading", { resolved: count(c.resolved.length), new: count(c.new.length), remaining: count(c.remaining.length) })),
    ...(c.resolved.length ? [say(msg("cli.diff.resolvedHeading", {})), ...c.resolved.map(line)] : []),
    ...(c.new.length ? [say(msg("cli.diff.newHeading", {})), ...c.new.map(line)] : []),
    ...(c.remaining.length ? [say(msg("cli.diff.remaining", { n: count(c.remaining.length) }))] : []),
  ];
}
