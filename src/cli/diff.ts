/**
 * `renja diff <old.xlsx> <new.xlsx> [--json] [--findings old.json]`: what changed between two versions of a
 * Renja — per table, rows added / removed / renamed and every amount semula → menjadi with the totals — and,
 * given the JSON of the last `renja check`, which of its findings are resolved, new or remaining. Neither file
 * is changed. Exit 0 when the comparison ran, 2 when it could not.
 */
import type Decimal from "decimal.js";
import type { Finding, Message } from "../domain/findings";
import { HostError } from "../domain/host";
import type { MappedWorkbook } from "../domain/mapping/types";
import { formatRupiah } from "../domain/numbers";
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
  const say = (m: Message) => m[req.lang];
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
    io.stderr(`renja: ${say({ id: `perbandingan terhenti karena kesalahan internal (${detail}).`, en: `the comparison stopped on an internal error (${detail}).` })}\n`);
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
export function parsePreviousCheck(text: string, oldFile: string): { findings: KeyedFinding[]; tables: KeyTable[] } | { error: Message } {
  const objects: unknown[] = [];
  try {
    objects.push(JSON.parse(text));
  } catch {
    for (const line of text.split(/\r?\n/)) {
      if (line.trim() === "") continue;
      try {
        objects.push(JSON.parse(line));
      } catch {
        return { error: { id: "Berkas --findings bukan keluaran JSON dari renja check --json.", en: "The --findings file is not the JSON output of renja check --json." } };
      }
    }
  }
  const checks = objects.filter(isCheckJson);
  const base = (p: string) => p.split(/[\\/]/).pop() ?? p;
  const chosen = checks.length === 1 ? checks[0] : checks.find((c) => base(c.file) === base(oldFile));
  if (!chosen) {
    return {
      error: {
        id: `Berkas --findings tidak memuat hasil renja check --json untuk ${base(oldFile)}.`,
        en: `The --findings file holds no renja check --json result for ${base(oldFile)}.`,
      },
    };
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

/** The human report: one block per table, then the findings. */
export function diffReport(req: DiffRequest, diff: WorkbookDiff, findings?: FindingComparison): string {
  const en = req.lang === "en";
  const out: string[] = [en ? `Comparing ${req.oldFile} (old) with ${req.newFile} (new)` : `Perbandingan ${req.oldFile} (semula) dengan ${req.newFile} (menjadi)`, ""];
  for (const t of diff.tables) out.push(...tableBlock(t, req.lang), "");
  for (const t of diff.onlyOld) out.push(en ? `${t.kind} on sheet '${t.sheet}' is only in the old version.` : `${t.kind} di lembar '${t.sheet}' hanya ada di versi semula.`);
  for (const t of diff.onlyNew) out.push(en ? `${t.kind} on sheet '${t.sheet}' is only in the new version.` : `${t.kind} di lembar '${t.sheet}' hanya ada di versi menjadi.`);
  if (diff.tables.length === 0 && diff.onlyOld.length === 0 && diff.onlyNew.length === 0) {
    out.push(en ? "No Renja table was recognised in either workbook." : "Tidak ada tabel Renja yang dikenali di kedua buku kerja.");
  }
  if (findings) out.push("", ...findingsBlock(findings, req.lang));
  return `${out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}

function tableBlock(t: TableDiff, lang: Lang): string[] {
  const en = lang === "en";
  const where = t.oldSheet === t.newSheet ? `'${t.newSheet}'` : `'${t.oldSheet}' → '${t.newSheet}'`;
  const lines = [`${t.kind} (${en ? "sheet" : "lembar"} ${where})`];
  const name = (r: { level: TableDiff["added"][number]["level"]; kode?: string; uraian: string }) =>
    `${levelName(r.level)[lang]} ${r.kode ? `${r.kode} ` : ""}${r.uraian}`;
  const nothing = t.added.length + t.removed.length + t.renamed.length === 0 && t.money.every((m) => m.changes.length === 0);
  if (nothing) return [...lines, en ? "  no change" : "  tidak ada perubahan"];
  if (t.added.length) lines.push(`  ${en ? "Added" : "Ditambah"} (${t.added.length}):`, ...t.added.map((r) => `    + ${name(r)} (${en ? "row" : "baris"} ${r.row})`));
  if (t.removed.length) lines.push(`  ${en ? "Removed" : "Dihapus"} (${t.removed.length}):`, ...t.removed.map((r) => `    - ${name(r)} (${en ? "old row" : "baris semula"} ${r.row})`));
  if (t.renamed.length) {
    lines.push(`  ${en ? "Renamed" : "Berganti nama"} (${t.renamed.length}):`);
    for (const r of t.renamed) lines.push(`    ~ ${levelName(r.new.level)[lang]} "${r.old.uraian}" → "${r.new.uraian}" (${en ? "row" : "baris"} ${r.new.row})`);
  }
  for (const m of t.money) {
    const col = t.newTable.columns[m.role] ?? 0;
    const label = moneyColumnLabel(t.newTable, m.role, col)[lang];
    lines.push(`  ${capitalise(label)}: ${en ? "was" : "semula"} ${formatRupiah(m.total.before)}, ${en ? "now" : "menjadi"} ${formatRupiah(m.total.after)}, ${signed(m.total.delta, m.total.before, lang)}`);
    for (const c of m.changes) {
      const before = c.before === null ? "-" : formatRupiah(c.before);
      const after = c.after === null ? "-" : formatRupiah(c.after);
      lines.push(`    ${name(c)}: ${before} → ${after} (${c.delta.isNegative() ? "" : "+"}${formatRupiah(c.delta)})`);
    }
  }
  return lines;
}

/** "bertambah 12.500.000 (0,25%)" / "berkurang …"; "tetap" when nothing changed. */
function signed(delta: Decimal, before: Decimal, lang: Lang): string {
  const en = lang === "en";
  if (delta.isZero()) return en ? "unchanged" : "tetap";
  const word = delta.isNegative() ? (en ? "down" : "berkurang") : en ? "up" : "bertambah";
  const pct = before.isZero() ? "" : ` (${delta.abs().div(before.abs()).times(100).toDecimalPlaces(2).toFixed(2).replace(".", en ? "." : ",")}%)`;
  return `${word} ${formatRupiah(delta.abs())}${pct}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function findingsBlock(c: FindingComparison, lang: Lang): string[] {
  const en = lang === "en";
  const line = (f: Finding) => `    ${f.severity} ${f.rule} '${f.sheet}'!${f.cell}: ${findingText(f.message, lang)}`;
  return [
    en ? `Findings of the last check: ${c.resolved.length} resolved, ${c.new.length} new, ${c.remaining.length} remaining` : `Temuan pemeriksaan sebelumnya: ${c.resolved.length} selesai, ${c.new.length} baru, ${c.remaining.length} masih ada`,
    ...(c.resolved.length ? [`  ${en ? "Resolved" : "Selesai"}:`, ...c.resolved.map(line)] : []),
    ...(c.new.length ? [`  ${en ? "New" : "Baru"}:`, ...c.new.map(line)] : []),
    ...(c.remaining.length ? [en ? `  Remaining: ${c.remaining.length} (listed with --json)` : `  Masih ada: ${c.remaining.length} (rinciannya dengan --json)`] : []),
  ];
}
