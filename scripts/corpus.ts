/**
 * Every `renja` command over real-world workbooks (../shared/corpus, sources in its SOURCES.md), run in process
 * through `main` with captured output. Per file: `check`, `check --json`, then `fix-numbers`, `recompute` and
 * `generate tabel-3.3` (each as --dry-run preview and as a write). Counted as problems:
 * - a crash: an internal error message, a stack trace, an exception out of `main`, an exit code outside 0–3;
 * - a refusal (exit 2) of a package that is not on the list of expected refusals (encrypted, legacy, damaged);
 * - check and the writers disagreeing on whether the file can be read;
 * - a written output with a part that is not well-formed XML, that the reader cannot open, with a zip entry
 *   changed that the command does not edit, or with a cell changed outside the plan the preview listed.
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

/** Expected refusals: check exits 2 on these for a reason the message gives (not an .xlsx, encrypted, damaged). */
export const EXPECTED_REFUSAL = /terenkripsi|berformat Excel lama|bukan buku kerja Excel|rusak|kosong \(0 bita\)|terlalu besar/;

export async function runCorpusFile(file: string, outDir: string): Promise<FileReport> {
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
  const report: FileReport = { file, verdict: readable ? "read" : "refused", problems, runs, written: 0 };
  if (!readable) report.refusal = human.stderr.trim();
  const base = path.join(outDir, path.basename(file).replace(/[^\w.+-]/g, "_"));
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
    }
    fs.rmSync(out, { force: true });
  }
  if (!readable && !EXPECTED_REFUSAL.test(report.refusal ?? "")) problems.push(`unexpected refusal: ${report.refusal}`);
  return report;
}

export interface CorpusSummary {
  files: number;
  read: number;
  refused: number;
  written: number;
  problems: { file: string; problem: string }[];
  refusals: { file: string; message: string }[];
  slowest: { file: string; ms: number }[];
  ms: number;
}

export async function runCorpus(files: string[], log?: (line: string) => void): Promise<CorpusSummary> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "renja-corpus-"));
  const started = Date.now();
  const summary: CorpusSummary = { files: files.length, read: 0, refused: 0, written: 0, problems: [], refusals: [], slowest: [], ms: 0 };
  const times: { file: string; ms: number }[] = [];
  for (const [i, file] of files.entries()) {
    const t = Date.now();
    const report = await runCorpusFile(file, outDir);
    const rel = path.relative(CORPUS_DIR, file);
    times.push({ file: rel, ms: Date.now() - t });
    if (report.verdict === "read") summary.read++;
    else {
      summary.refused++;
      summary.refusals.push({ file: rel, message: (report.refusal ?? "").replace(/^renja: /, "").slice(0, 200) });
    }
    summary.written += report.written;
    for (const problem of report.problems) summary.problems.push({ file: rel, problem });
    log?.(`[${i + 1}/${files.length}] ${rel}: ${report.verdict}, ${report.written} written, ${report.problems.length} problem(s), ${Date.now() - t} ms`);
  }
  fs.rmSync(outDir, { recursive: true, force: true });
  summary.ms = Date.now() - started;
  summary.slowest = times.sort((a, b) => b.ms - a.ms).slice(0, 10);
  return summary;
}

if (require.main === module) {
  // npm run corpus -- [folder] [--start N] [--skip REGEX] [--quiet]
  const argv = process.argv.slice(2);
  const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const folder = argv.find((a, i) => !a.startsWith("--") && !argv[i - 1]?.startsWith("--"));
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
  void runCorpus(files, quiet ? undefined : (l) => console.error(l)).then((s) => {
    console.log(`files ${s.files}: read ${s.read}, refused ${s.refused}; outputs written ${s.written}; problems ${s.problems.length}; ${(s.ms / 1000).toFixed(0)} s`);
    for (const p of s.problems) console.log(`PROBLEM ${p.file}: ${p.problem}`);
    for (const r of s.refusals) console.log(`REFUSED ${r.file}: ${r.message}`);
    for (const t of s.slowest) console.log(`SLOW ${t.file}: ${t.ms} ms (all commands)`);
    process.exit(s.problems.length ? 1 : 0);
  });
}
