/**
 * `renja check <file|folder>…` over several workbooks in one process: the human report of each file, or one
 * summary row per file (--summary), or one JSON object per file per line (--json, JSON Lines). A single file
 * argument without --summary keeps the single-file check (one JSON object, its own messages on stderr).
 */
import { tableToJson } from "../domain/mapping/tableJson";
import { count, formatAmount, msg, render, text, type Lang } from "../domain/messages";
import { KIND_LABEL } from "../domain/review/unitReview";
import { checkInputs, EXIT_NO_TABLE, expandInputs, isFolder, worstExitCode, type FileOutcome } from "./batch";
import { EXIT_CANNOT_RUN, nomenclatureChoice, runCheck, type CheckEngine, type CheckRequest } from "./check";
import { humanReport } from "./humanReport";
import { loadRunSipdExport, sipdJson, sipdLines } from "./sipd";
import type { CliIo } from "./io";
import { findingToJson } from "./findingJson";

export interface CheckManyRequest extends Omit<CheckRequest, "file"> {
  files: string[];
  summary: boolean;
}

export async function runCheckCommand(req: CheckManyRequest, io: CliIo, engine?: CheckEngine): Promise<number> {
  const [only] = req.files;
  if (req.files.length === 1 && !req.summary && !(await isFolder(only))) {
    return runCheck({ lang: req.lang, file: only, sheet: req.sheet, json: req.json, max: req.max, width: req.width, sipd: req.sipd, skpd: req.skpd, catalogue: req.catalogue, includeGenerated: req.includeGenerated }, io, engine);
  }
  const checker = engine ?? (await import("./engine")).defaultEngine;
  const inputs = await expandInputs(req.files);
  const rows: FileOutcome[] = [];
  const nomenclature = await nomenclatureChoice(req.catalogue);
  const sipd = await loadRunSipdExport(req, io);
  if (sipd === "refused") return EXIT_CANNOT_RUN;
  const codes = await checkInputs(inputs, { lang: req.lang, sheet: req.sheet, nomenclature, includeGenerated: req.includeGenerated, ...(sipd ? { sipd } : {}) }, io, checker, (outcome) => {
    if (req.json) io.stdout(`${JSON.stringify(jsonLine(outcome, req))}\n`);
    else if (req.summary) rows.push(outcome);
    else printHuman(outcome, req, io, checker);
    // The findings and tables of a printed file are not needed again; the summary keeps only its counts.
    if (!req.summary) outcome.findings = [];
  });
  if (req.summary && !req.json) io.stdout(summaryTable(rows, req.lang));
  const code = worstExitCode(codes);
  if (!req.json) io.stdout(`${closingLine(codes, code, req.lang)}\n`);
  return code;
}

function printHuman(outcome: FileOutcome, req: CheckManyRequest, io: CliIo, engine: CheckEngine): void {
  if (outcome.reason) {
    io.stderr(`renja: ${outcome.file}: ${outcome.reason[req.lang]}\n`);
    return;
  }
  const describeRule = engine.describeRule?.bind(engine);
  io.stdout(humanReport({ file: outcome.file, tables: outcome.tables, findings: outcome.findings, lang: req.lang, describeRule, sheet: req.sheet, max: req.max, width: req.width }));
  if (outcome.sipd) io.stdout(sipdLines(outcome.sipd, req.lang));
  io.stdout("\n");
}

type Status = "ok" | "findings" | "no-table" | "unreadable";

function statusOf(o: FileOutcome): Status {
  if (o.code === 2) return "unreadable";
  if (o.code === EXIT_NO_TABLE) return "no-table";
  return o.code === 1 ? "findings" : "ok";
}

/** One JSON Lines object: the contract's { file, tables, findings } plus the file's outcome and summary. */
function jsonLine(o: FileOutcome, req: CheckManyRequest): object {
  const head = { file: o.file, code: o.code, status: statusOf(o) };
  if (o.reason) return { ...head, error: o.reason[req.lang] };
  const r = o.review;
  const summary = {
    unit: r?.unit ?? null,
    kabupaten: r?.kabupaten ?? null,
    totalN: r?.totalN ?? null,
    totalN1: r?.totalN1 ?? null,
    counts: r?.counts ?? { error: 0, warning: 0, info: 0 },
    checklist: r?.checklist.map((c) => ({ id: c.id, status: c.status, findings: c.findings.map((f) => f.id) })) ?? [],
  };
  const sipd = sipdJson(o.sipd, req.sipd, req.lang);
  if (req.summary) return { ...head, ...summary, tables: r?.tables ?? [], ...sipd };
  return { ...head, ...summary, tables: o.tables.map(tableToJson), findings: o.findings.map((f) => findingToJson(f, req.lang)), ...sipd };
}

const HEADER = [
  "cli.many.header.file",
  "cli.many.header.unit",
  "cli.many.header.tables",
  "cli.many.header.totalN",
  "cli.many.header.totalN1",
  "cli.many.header.errors",
  "cli.many.header.warnings",
  "cli.many.header.status",
] as const;

/** The --summary table: one row per file, columns aligned; a file that could not be read ends with its reason. */
export function summaryTable(rows: readonly FileOutcome[], lang: Lang): string {
  const header = HEADER.map((key) => render(msg(key, {}), lang));
  const lines = rows.map((o) => {
    const r = o.review;
    const tables = r?.tables.map((t) => `${KIND_LABEL[t.kind].replace("Tabel ", "")} ${t.counts.program}/${t.counts.kegiatan}/${t.counts.subKegiatan}`).join(", ") ?? "";
    const status = render(msg(`cli.many.status.${statusOf(o)}`, {}), lang) + (o.reason ? `: ${o.reason[lang]}` : "");
    return [
      o.label,
      r?.unit ?? "–",
      tables || "–",
      r?.totalN !== undefined ? formatAmount(r.totalN, lang) : "–",
      r?.totalN1 !== undefined ? formatAmount(r.totalN1, lang) : "–",
      o.reason ? "–" : String(r?.counts.error ?? 0),
      o.reason ? "–" : String(r?.counts.warning ?? 0),
      status,
    ];
  });
  const all = [header, ...lines];
  const widths = header.map((_, c) => Math.max(...all.map((l) => l[c].length)));
  const right = new Set([3, 4, 5, 6]);
  const aligned = (l: string[]) =>
    l
      .map((cell, c) => (c === l.length - 1 ? cell : right.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join("  ")
      .trimEnd();
  return `${[aligned(header), ...lines.map(aligned)].join("\n")}\n`;
}

function closingLine(codes: readonly number[], code: number, lang: Lang): string {
  const n = (c: number) => count(codes.filter((x) => x === c).length);
  return render(msg("cli.many.closing", { files: count(codes.length), errors: n(1), ok: n(0), noTable: n(3), unreadable: n(2), code: text(String(code)) }), lang);
}
