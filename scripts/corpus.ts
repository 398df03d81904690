/**
 * Every `renja` command over real-world workbooks (../shared/corpus, sources in its SOURCES.md), run in process
 * through `main` with captured output. Per file: `check`, `check --json`, then `fix-numbers`, `recompute` and
 * `generate tabel-3.3` (each as --dry-run preview and as a write). Counted as problems:
 * - a crash: an internal error message, a stack trace, an exception out of `main`, an exit code outside 0–3;
 * - a refusal (exit 2) of a package that is not on the list of expected refusals (encrypted, legacy, damaged);
 * - check and the writers disagreeing on whether the file can be read;
 * - a written output with a part that is not well-formed XML, that the reader cannot open, with a zip entry
 *   changed that the command does not edit, or with a cell changed outside the plan the preview listed;
 * - a written output LibreOffice cannot load while it loads the input (outputs are checked in batches, one soffice
 *   process per batch of 100; skipped with a message when soffice is missing, or with --no-libreoffice).
 * `npm run corpus` runs the whole corpus (optionally a folder: `npm run corpus -- poi`); test/corpus runs a subset.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import type { CliIo } from "../src/cli/io";
import { nodeIo } from "../src/cli/io";
import { main } from "../src/cli/main";
import type { Cell, SheetSnapshot } from "../src/domain/sheet/snapshot";
import { a1 } from "../src/domain/sheet/snapshot";
import { openXlsxHost } from "../src/xlsx";
import { assertWellFormed } from "../src/xlsx/patch/xml";
import { libreOfficeMissing, openedByLibreOffice } from "./libreOffice";

export const CORPUS_DIR = path.resolve(__dirname, "..", "..", "shared", "corpus");

export interface CommandRun {
  args: string[];
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface FileReport {
  file: string;
  /** check's verdict: "read" (exit 0, 1 or 3) or the refusal message. */
  verdict: "read" | "refused";
  refusal?: string;
  problems: string[];
  runs: CommandRun[];
  written: number;
  /** Outputs kept for the LibreOffice check (only when asked to keep them). */
  outputs: { path: string; command: string }[];
}

const INTERNAL = /kesalahan internal|internal error|\n\s+at |\b(Type|Reference|Range)Error:|node_modules/;

export function corpusFiles(dir = CORPUS_DIR): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.(xlsx|xlsm|xltx|xltm)$/i.test(entry.name)) out.push(p);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

async function run(args: string[]): Promise<CommandRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    ...baseIo,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    flush: undefined,
    debug: false,
  };
  const started = Date.now();
  let code: number;
  try {
    code = await main(args, { io });
  } catch (e) {
    code = -1;
    stderr += `THROWN: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
  }
  return { args, code, stdout, stderr, ms: Date.now() - started };
}

const baseIo = nodeIo();

/** Planned cells a preview lists ("  'Sheet'!F28: before → after (reason)"). */
export function plannedCells(preview: string): Set<string> {
  const cells = new Set<string>();
  // Every cell the preview names (the change list, and recompute's totals and decisions lines, whose layout differs).
  for (const m of preview.matchAll(/'((?:[^']|'')+)'!\$?([A-Z]+)\$?(\d+)/g)) cells.add(`${m[1].replace(/''/g, "'")}!${m[2]}${m[3]}`);
  return cells;
}

/** Every { sheet, cell } a `recompute --dry-run --json` names (its changes, totals and skipped cells). */
export function plannedCellsOfJson(text: string): Set<string> {
  const cells = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (typeof o.sheet === "string" && typeof o.cell === "string") cells.add(`${o.sheet}!${o.cell}`);
      Object.values(o).forEach(walk);
    }
  };
  // A notice line (a signed workbook's warning) may stand before the JSON object.
  const start = text.startsWith("{") ? 0 : text.indexOf("\n{") + 1;
  try {
    walk(JSON.parse(text.slice(start)));
  } catch {
    // no JSON: nothing is planned, so any change shows as a problem
  }
  return cells;
}

/** Entries a command may change in the package: the rest must come out byte-identical. */
function mayChange(name: string, command: string, editedSheets: Set<string>): boolean {
  if (name === "[Content_Types].xml" || /^docProps\//.test(name)) return command === "generate" || name === "[Content_Types].xml";
  if (/(^|\/)workbook\.xml$/i.test(name) || /(^|\/)_rels\/workbook\.xml\.rels$/i.test(name)) return true;
  if (/(^|\/)styles\.xml$/i.test(name)) return true;
  if (/(^|\/)calcChain\.xml$/i.test(name)) return true;
  return editedSheets.has(name);
}

function sameCell(a: Cell | undefined, b: Cell | undefined): boolean {
  if (!a || !b) return !a && !b;
  return Object.is(a.value, b.value) && (a.formula ?? "") === (b.formula ?? "") && (a.error ?? "") === (b.error ?? "") && (a.numFmt ?? "") === (b.numFmt ?? "");
}

async function snapshots(bytes: Uint8Array): Promise<SheetSnapshot[]> {
  return (await openXlsxHost(bytes, "x.xlsx")).readAllSnapshots({ styles: false });
}

/** Problems of one written output against its input and the plan its preview listed. */
export async function outputProblems(input: Uint8Array, output: Uint8Array, command: string, planned: Set<string>): Promise<string[]> {
  const problems: string[] = [];
  let inFiles: Record<string, Uint8Array>;
  let outFiles: Record<string, Uint8Array>;
  try {
    inFiles = unzipSync(input);
    outFiles = unzipSync(output);
  } catch (e) {
    return [`${command}: the output is not a readable zip (${String(e)})`];
  }
  for (const [name, data] of Object.entries(outFiles)) {
    if (!/\.(xml|rels|vml)$/i.test(name) || inFiles[name]?.length === data.length && Buffer.compare(inFiles[name], data) === 0) continue;
    try {
      assertWellFormed(strFromU8(data), name);
    } catch (e) {
      problems.push(`${command}: ${name} is not well-formed (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  let before: SheetSnapshot[];
  let after: SheetSnapshot[];
  try {
    before = await snapshots(input);
    after = await snapshots(output);
  } catch (e) {
    return [...problems, `${command}: the output cannot be read back (${e instanceof Error ? e.message : String(e)})`];
  }
  const editedSheets = new Set<string>();
  const changedCells: string[] = [];
  for (const sheet of before) {
    const out = after.find((s) => s.name === sheet.name);
    if (!out) {
      problems.push(`${command}: sheet '${sheet.name}' is missing from the output`);
      continue;
    }
    const rows = new Set([...sheet.rows.keys(), ...out.rows.keys()]);
    for (const r of rows) {
      const cols = new Set([...(sheet.rows.get(r)?.keys() ?? []), ...(out.rows.get(r)?.keys() ?? [])]);
      for (const c of cols) {
        if (sameCell(sheet.rows.get(r)?.get(c), out.rows.get(r)?.get(c))) continue;
        const key = `${sheet.name}!${a1(r, c)}`;
        if (!planned.has(key)) changedCells.push(key);
      }
    }
  }
  if (changedCells.length) problems.push(`${command}: cells changed outside the plan: ${changedCells.slice(0, 5).join(", ")}${changedCells.length > 5 ? ` (+${changedCells.length - 5})` : ""}`);
  // Which parts hold the planned sheets: the workbook names them, the reader knows their paths.
  const { PackageSnapshots } = await import("../src/xlsx/packageSnapshots");
  const parts = new PackageSnapshots(input).sheets;
  const plannedSheets = new Set([...planned].map((k) => k.slice(0, k.lastIndexOf("!"))));
  for (const p of parts) if (plannedSheets.has(p.ref.name)) editedSheets.add(p.path);
  for (const [name, data] of Object.entries(inFiles)) {
    const out = outFiles[name];
    if (out && out.length === data.length && Buffer.compare(out, data) === 0) continue;
    if (!out && /(^|\/)calcChain\.xml$/i.test(name)) continue;
    if (!mayChange(name, command, editedSheets)) problems.push(`${command}: entry ${name} ${out ? "changed" : "dropped"} outside the plan`);
  }
  return problems;
}

async function separateProblems(output: Uint8Array): Promise<string[]> {
  const problems: string[] = [];
  try {
    for (const [name, data] of Object.entries(unzipSync(output))) if (/\.(xml|rels)$/i.test(name)) assertWellFormed(strFromU8(data), name);
    if ((await snapshots(output)).length === 0) problems.push("generate: the separate workbook has no sheet");
  } catch (e) {
    problems.push(`generate: the separate workbook is not valid (${e instanceof Error ? e.message : String(e)})`);
  }
  return problems;
}

/**
 * Expected refusals: check exits 2 on these for a reason the message gives (not an .xlsx, encrypted, damaged),
 * most specific first; a refusal matching none of them is a problem.
 */
export const REFUSAL_REASONS: readonly { reason: string; message: RegExp }[] = [
  { reason: "encrypted with Excel's default protection (no user password)", message: /terenkripsi hanya dengan perlindungan bawaan/ },
  { reason: "encrypted with a password", message: /terenkripsi/ },
  { reason: "legacy Excel format (.xls)", message: /berformat Excel lama/ },
  { reason: "empty file (0 bytes)", message: /kosong \(0 bita\)/ },
  { reason: "not an Excel workbook", message: /bukan buku kerja Excel/ },
  { reason: "too large", message: /terlalu besar/ },
  { reason: "damaged", message: /rusak/ },
];

export function refusalReason(message: string): string | undefined {
  return REFUSAL_REASONS.find((r) => r.message.test(message))?.reason;
}

export async function runCorpusFile(file: string, outDir: string, opts: { index?: number; keepOutputs?: boolean } = {}): Promise<FileReport> {
  const input = new Uint8Array(fs.readFileSync(file));
  const runs: CommandRun[] = [];
  const problems: string[] = [];
  const note = (r: CommandRun) => {
    runs.push(r);
    if (r.code < 0 || r.code > 3 || INTERNAL.test(r.stderr) || INTERNAL.test(r.stdout)) problems.push(`crash in ${r.args[0]}: ${(r.stderr || r.stdout).split("\n")[0].slice(0, 300)}`);
  };
  const human = await run(["check", file]);
  note(human);
  const json = await run(["check", file, "--json"]);
  note(json);
  if (json.code !== human.code) problems.push(`check exits ${human.code} but check --json exits ${json.code}`);
  if (json.code === 0 || json.code === 1 || json.code === 3) {
    try {
      JSON.parse(json.stdout);
    } catch {
      problems.push("check --json printed no JSON");
    }
  }
  const readable = human.code !== 2;
  const report: FileReport = { file, verdict: readable ? "read" : "refused", problems, runs, written: 0, outputs: [] };
  if (!readable) report.refusal = human.stderr.trim();
  // The index keeps outputs of files with the same name in different folders apart while they wait for LibreOffice.
  const base = path.join(outDir, `${opts.index ?? 0}-${path.basename(file).replace(/[^\w.+-]/g, "_")}`);
  const writers: { command: string; args: (out: string) => string[] }[] = [
    { command: "fix-numbers", args: (out) => ["fix-numbers", file, "-o", out] },
    { command: "recompute", args: (out) => ["recompute", file, "-o", out] },
    { command: "generate", args: (out) => ["generate", "tabel-3.3", file, "-o", out] },
  ];
  for (const w of writers) {
    const out = `${base}.${w.command}.xlsx`;
    let planned = new Set<string>();
    if (w.command !== "generate") {
      // recompute's human preview lists the amount changes and counts the rest; its --json names every cell.
      const json = w.command === "recompute" ? ["--json"] : [];
      const preview = await run([...w.args(out).filter((a, i, all) => a !== "-o" && all[i - 1] !== "-o"), "--dry-run", ...json]);
      note(preview);
      planned = json.length ? plannedCellsOfJson(preview.stdout) : plannedCells(preview.stdout);
    }
    const written = await run(w.args(out));
    note(written);
    // One verdict: a file check reads is never refused as unreadable by a writer, and the other way round.
    const refusedAsDamaged = written.code === 2 && /rusak|terenkripsi|bukan buku kerja|berformat Excel lama/.test(written.stderr);
    if (readable && refusedAsDamaged) problems.push(`${w.command} refuses a file check reads: ${written.stderr.split("\n")[0].slice(0, 300)}`);
    if (!readable && written.code === 0) problems.push(`${w.command} writes a file check refuses`);
    if (written.code === 0) {
      report.written++;
      if (!fs.existsSync(out)) problems.push(`${w.command} exits 0 without writing ${out}`);
      else if (w.command === "generate" && /buku kerja terpisah/.test(written.stdout)) {
        // The table went into a separate workbook (the input cannot take a sheet safely): it must read back.
        problems.push(...(await separateProblems(new Uint8Array(fs.readFileSync(out)))));
      } else problems.push(...(await outputProblems(input, new Uint8Array(fs.readFileSync(out)), w.command, planned)));
      if (opts.keepOutputs && fs.existsSync(out)) {
        report.outputs.push({ path: out, command: w.command });
        continue;
      }
    }
    fs.rmSync(out, { force: true });
  }
  if (!readable && !refusalReason(report.refusal ?? "")) problems.push(`unexpected refusal: ${report.refusal}`);
  return report;
}

export interface CorpusSummary {
  files: number;
  read: number;
  refused: number;
  written: number;
  /**
   * Outputs LibreOffice loaded, of those handed to it (0 of 0 when the check did not run). An output it cannot
   * load is a problem when it loads the input; when it cannot load the input either, the output only keeps the
   * input's trouble (a patch keeps every entry it does not edit) and is listed under `inherited` instead.
   */
  libreOffice: { checked: number; opened: number; inherited: { file: string; command: string }[]; skipped?: string };
  problems: { file: string; problem: string }[];
  /** Why each refused file was refused, and whether LibreOffice loads it (undefined when it was not asked). */
  refusals: { file: string; message: string; reason: string; libreOfficeLoads?: boolean }[];
  slowest: { file: string; ms: number }[];
  ms: number;
}

/**
 * Every command over these files. With `libreOffice` (the default when soffice is on PATH), every written output
 * is also loaded by LibreOffice, in batches; an output it cannot load is a problem unless LibreOffice cannot load
 * the input either (see CorpusSummary.libreOffice).
 */
export async function runCorpus(files: string[], log?: (line: string) => void, opts: { libreOffice?: boolean } = {}): Promise<CorpusSummary> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "renja-corpus-"));
  const started = Date.now();
  const missing = opts.libreOffice === false ? "--no-libreoffice" : libreOfficeMissing();
  const summary: CorpusSummary = {
    files: files.length,
    read: 0,
    refused: 0,
    written: 0,
    libreOffice: { checked: 0, opened: 0, inherited: [], ...(missing ? { skipped: missing } : {}) },
    problems: [],
    refusals: [],
    slowest: [],
    ms: 0,
  };
  const times: { file: string; ms: number }[] = [];
  let waiting: { path: string; command: string; input: string }[] = [];
  const checkWithLibreOffice = () => {
    if (!waiting.length) return;
    const t = Date.now();
    const opened = openedByLibreOffice(waiting.map((w) => w.path), { log });
    summary.libreOffice.checked += waiting.length;
    summary.libreOffice.opened += opened.size;
    const failed = waiting.filter((w) => !opened.has(w.path));
    const inputsOpened = failed.length ? openedByLibreOffice([...new Set(failed.map((w) => w.input))]) : new Set<string>();
    for (const w of failed) {
      const file = path.relative(CORPUS_DIR, w.input);
      if (inputsOpened.has(w.input)) summary.problems.push({ file, problem: `${w.command}: LibreOffice cannot load the output (it loads the input)` });
      else summary.libreOffice.inherited.push({ file, command: w.command });
    }
    log?.(`LibreOffice: ${opened.size} of ${waiting.length} outputs loaded, ${Date.now() - t} ms`);
    for (const w of waiting) fs.rmSync(w.path, { force: true });
    waiting = [];
  };
  for (const [i, file] of files.entries()) {
    const t = Date.now();
    const report = await runCorpusFile(file, outDir, { index: i, keepOutputs: !missing });
    const rel = path.relative(CORPUS_DIR, file);
    times.push({ file: rel, ms: Date.now() - t });
    if (report.verdict === "read") summary.read++;
    else {
      summary.refused++;
      summary.refusals.push({ file: rel, message: (report.refusal ?? "").replace(/^renja: /, "").slice(0, 200), reason: refusalReason(report.refusal ?? "") ?? "unexpected" });
    }
    summary.written += report.written;
    for (const problem of report.problems) summary.problems.push({ file: rel, problem });
    log?.(`[${i + 1}/${files.length}] ${rel}: ${report.verdict}, ${report.written} written, ${report.problems.length} problem(s), ${Date.now() - t} ms`);
    waiting.push(...report.outputs.map((o) => ({ ...o, input: file })));
    if (waiting.length >= 100) checkWithLibreOffice();
  }
  checkWithLibreOffice();
  if (!missing && summary.refusals.length) {
    // A refused file LibreOffice loads is worth a look: only the default-protection ones are expected to.
    const loads = openedByLibreOffice(summary.refusals.map((r) => path.join(CORPUS_DIR, r.file)));
    for (const r of summary.refusals) r.libreOfficeLoads = loads.has(path.join(CORPUS_DIR, r.file));
  }
  fs.rmSync(outDir, { recursive: true, force: true });
  summary.ms = Date.now() - started;
  summary.slowest = times.sort((a, b) => b.ms - a.ms).slice(0, 10);
  return summary;
}

if (require.main === module) {
  // npm run corpus -- [folder] [--start N] [--skip REGEX] [--quiet] [--no-libreoffice]
  const argv = process.argv.slice(2);
  const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const flags = ["--quiet", "--no-libreoffice"];
  const folder = argv.find((a, i) => !a.startsWith("--") && (!argv[i - 1]?.startsWith("--") || flags.includes(argv[i - 1])));
  const dir = folder ? path.join(CORPUS_DIR, folder) : CORPUS_DIR;
  const start = Number(option("--start") ?? "1");
  const skip = option("--skip");
  if (!fs.existsSync(dir)) {
    console.log(`SKIPPED: no corpus at ${dir} (see ../shared/corpus/SOURCES.md).`);
    process.exit(0);
  }
  const quiet = process.argv.includes("--quiet");
  const files = corpusFiles(dir)
    .slice(start - 1)
    .filter((f) => !skip || !new RegExp(skip).test(f));
  void runCorpus(files, quiet ? undefined : (l) => console.error(l), { libreOffice: !argv.includes("--no-libreoffice") }).then((s) => {
    console.log(`files ${s.files}: read ${s.read}, refused ${s.refused}; outputs written ${s.written}, loaded by LibreOffice ${s.libreOffice.opened}; problems ${s.problems.length}; ${(s.ms / 1000).toFixed(0)} s`);
    for (const p of s.problems) console.log(`PROBLEM ${p.file}: ${p.problem}`);
    const lo = s.libreOffice;
    console.log(lo.skipped ? `LibreOffice check skipped: ${lo.skipped}` : `LibreOffice loaded ${lo.opened} of ${lo.checked} outputs`);
    for (const i of lo.inherited) console.log(`INHERITED ${i.file}: LibreOffice loads neither the input nor the ${i.command} output`);
    const reasons = new Map<string, { count: number; loads: number }>();
    for (const r of s.refusals) {
      const n = reasons.get(r.reason) ?? { count: 0, loads: 0 };
      reasons.set(r.reason, { count: n.count + 1, loads: n.loads + (r.libreOfficeLoads ? 1 : 0) });
    }
    for (const [reason, n] of [...reasons].sort((a, b) => b[1].count - a[1].count)) console.log(`REFUSAL REASON ${n.count} × ${reason}${lo.skipped ? "" : ` (LibreOffice loads ${n.loads})`}`);
    for (const r of s.refusals) console.log(`REFUSED ${r.file} [${r.reason}${r.libreOfficeLoads ? "; LibreOffice loads it" : ""}]: ${r.message}`);
    for (const t of s.slowest) console.log(`SLOW ${t.file}: ${t.ms} ms (all commands)`);
    process.exit(s.problems.length ? 1 : 0);
  });
}
