/**
 * Structured mutations of the seed workbooks, run through every command (issue 17, done-when 2).
 *
 *   npx ts-node --transpile-only scripts/fuzz-workbooks.ts [--cases 1000] [--seed 1] [--keep DIR] [--timeout 30]
 *     [--wall 600] [--jobs N] [--rerun DIR]   (--rerun: the failing cases an earlier run kept in DIR, again)
 *
 * Each case takes one seed-built workbook, changes one part of its package the way damaged or hostile files
 * differ from good ones (duplicate cells, a character reference beyond Unicode, an unclosed <sheetData>, junk
 * processing instructions, odd style and string indexes, comments holding cells, a namespace prefix, truncation,
 * a bad CRC, invalid UTF-8, a 30,000-digit number, missing parts…), and runs `check --json`, `fix-numbers`,
 * `recompute` and `generate tabel-3.3` on it in a child process (scripts/fuzz-worker.js). It counts:
 *   abort     — the child died (out of memory, a native crash) or a command threw past main();
 *   internal  — a command answered "kesalahan internal" / "internal error";
 *   hang      — a command took more than --timeout seconds of CPU (its child's own CPU time: wall time on a
 *               shared, loaded machine says little), or a case overran --wall seconds of wall time, was killed,
 *               and overran it again when rerun alone after the others;
 *   verdict   — check refused the file as unreadable (exit 2) but a writer wrote an output from it;
 *   unplanned — a written output differs from the input in a cell outside the plan the command applied (told
 *               by the CLI through io.onPlan), on the cell's bytes and its style's look
 *               (test/support/unplannedCells.ts); for generate, in any cell of the sheets already there.
 * Exit 0 when all five are zero. Failing cases are kept in --keep DIR (default: a temporary folder) to rerun.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { fork, type ChildProcess } from "child_process";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";

interface Options {
  cases: number;
  seed: number;
  keep: string;
  /** CPU seconds one command may take before it is a hang. */
  timeoutSeconds: number;
  /** Wall seconds a whole case (four commands) may take before its child is killed and the case rerun alone. */
  wallSeconds: number;
  jobs: number;
  /** A folder of kept cases to run again instead of making new ones. */
  rerun?: string;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    cases: Number(value("--cases") ?? 1000),
    seed: Number(value("--seed") ?? 1),
    keep: value("--keep") ?? fs.mkdtempSync(path.join(os.tmpdir(), "renja-fuzz-")),
    timeoutSeconds: Number(value("--timeout") ?? 30),
    wallSeconds: Number(value("--wall") ?? 600),
    jobs: Number(value("--jobs") ?? Math.max(1, Math.min(os.cpus().length, 4))),
    rerun: value("--rerun"),
  };
}

/** mulberry32: the same seed gives the same cases, so a failure can be rerun. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Files = Record<string, Uint8Array>;
type Mutation = { name: string; parts: RegExp; apply(xml: string, pick: (n: number) => number): string | undefined };

const SHEET = /^xl\/worksheets\/sheet\d+\.xml$/;
const STRINGS = /^xl\/sharedStrings\.xml$/;
const STYLES = /^xl\/styles\.xml$/;
const ANY_XML = /\.(xml|rels)$/;

/** The start offsets of every match, to choose one of them. */
function offsets(xml: string, pattern: RegExp): Array<{ index: number; text: string }> {
  const found: Array<{ index: number; text: string }> = [];
  for (const m of xml.matchAll(new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g"))) found.push({ index: m.index ?? 0, text: m[0] });
  return found;
}

function atOne(xml: string, pattern: RegExp, pick: (n: number) => number, change: (text: string) => string): string | undefined {
  const all = offsets(xml, pattern);
  if (!all.length) return undefined;
  const one = all[pick(all.length)];
  return xml.slice(0, one.index) + change(one.text) + xml.slice(one.index + one.text.length);
}

const CELL = /<c [^>]*?(?:\/>|>[\s\S]*?<\/c>)/;
const TEXT_NODE = /<(v|t)( [^>]*)?>[^<]+<\/\1>/;

const MUTATIONS: Mutation[] = [
  { name: "duplicate-cell", parts: SHEET, apply: (x, p) => atOne(x, CELL, p, (c) => c + c) },
  { name: "char-beyond-unicode", parts: /^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/, apply: (x, p) => atOne(x, TEXT_NODE, p, (t) => t.replace(/>([^<]*)</, ">$1&#x110000;<")) },
  { name: "unclosed-sheetData", parts: SHEET, apply: (x) => (x.includes("</sheetData>") ? x.replace("</sheetData>", "") : undefined) },
  { name: "junk-processing-instruction", parts: ANY_XML, apply: (x, p) => atOne(x, /<\/[A-Za-z:]+>/, p, (t) => t + "<?junk da ta?>") },
  { name: "style-index-past-end", parts: SHEET, apply: (x, p) => atOne(x, /<c r="[A-Z]+\d+"/, p, (t) => t + ' s="60000"') },
  { name: "style-index-negative", parts: SHEET, apply: (x, p) => atOne(x, / s="\d+"/, p, () => ' s="-3"') },
  { name: "string-index-past-end", parts: SHEET, apply: (x, p) => atOne(x, /<c [^>]*t="s"[^>]*><v>\d+<\/v>/, p, (t) => t.replace(/<v>\d+<\/v>/, "<v>999999</v>")) },
  { name: "comment-holding-cell", parts: SHEET, apply: (x, p) => atOne(x, CELL, p, (c) => `<!-- ${c.replace(/--/g, "")} -->`) },
  { name: "comment-with-fake-cell", parts: SHEET, apply: (x, p) => atOne(x, /<row [^>]*>/, p, (r) => r + '<!--<c r="J9"><v>123</v></c>-->') },
  { name: "namespace-prefix", parts: SHEET, apply: prefixWorksheet },
  { name: "truncated-part", parts: ANY_XML, apply: (x, p) => (x.length > 10 ? x.slice(0, 1 + p(x.length - 1)) : undefined) },
  { name: "bad-cell-reference", parts: SHEET, apply: (x, p) => atOne(x, /<c r="[A-Z]+\d+"/, p, () => '<c r="ZZZZ0"') },
  { name: "row-without-r", parts: SHEET, apply: (x, p) => atOne(x, /<row r="\d+"/, p, () => "<row") },
  { name: "rows-out-of-order", parts: SHEET, apply: (x, p) => atOne(x, /<row r="\d+"/, p, () => '<row r="2"') },
  { name: "huge-number", parts: SHEET, apply: (x, p) => atOne(x, /<v>\d+(\.\d+)?<\/v>/, p, () => `<v>${"9".repeat(30_000)}</v>`) },
  { name: "huge-text-amount", parts: /^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/, apply: (x, p) => atOne(x, TEXT_NODE, p, (t) => t.replace(/>([^<]*)</, `>${"1.".repeat(15_000)}000<`)) },
  { name: "undefined-entity", parts: /^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/, apply: (x, p) => atOne(x, TEXT_NODE, p, (t) => t.replace(/>([^<]*)</, ">$1&nbsp;&bogus;<")) },
  { name: "doctype-entity", parts: STRINGS, apply: (x) => x.replace(/^(<\?xml[^>]*\?>)?/, (d) => `${d}<!DOCTYPE sst [<!ENTITY big "${"x".repeat(1000)}">]>`).replace(/<t>/, "<t>&big;") },
  { name: "styles-garbage", parts: STYLES, apply: (x, p) => atOne(x, /<cellXfs[^>]*>/, p, (t) => t + "<xf numFmtId=\"abc\" fontId=\"-1\"/>") },
  { name: "dimension-huge", parts: SHEET, apply: (x) => (x.includes("<dimension") ? x.replace(/<dimension ref="[^"]*"/, '<dimension ref="A1:XFD1048576"') : undefined) },
  { name: "merge-overlap", parts: SHEET, apply: (x) => x.replace(/<\/sheetData>/, '</sheetData><mergeCells count="2"><mergeCell ref="A1:Z40"/><mergeCell ref="C3:AA50"/></mergeCells>') },
  { name: "formula-garbage", parts: SHEET, apply: (x, p) => atOne(x, /<c r="[A-Z]+\d+"[^>]*>/, p, (t) => `${t.replace(/\/>$/, ">")}<f>SUM(((((</f>`) },
];

/** Every element of the worksheet part under an `x:` prefix: the same document, namespace-wise. */
function prefixWorksheet(xml: string): string | undefined {
  const decl = /<worksheet([^>]*) xmlns="http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main"/;
  if (!decl.test(xml)) return undefined;
  return xml
    .replace(decl, '<worksheet$1 xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')
    .replace(/<(\/?)([A-Za-z][\w]*)(?=[\s/>])/g, (m, slash: string, name: string) => (m.startsWith("<?") ? m : `<${slash}x:${name}`));
}

const BYTE_MUTATIONS: Array<{ name: string; apply(files: Files, pick: (n: number) => number): Files | undefined; rezip?: (zip: Uint8Array, pick: (n: number) => number) => Uint8Array }> = [
  {
    name: "invalid-utf8",
    apply: (files, pick) => {
      const names = Object.keys(files).filter((n) => SHEET.test(n) || STRINGS.test(n));
      const name = names[pick(names.length)];
      const text = strFromU8(files[name]);
      const at = offsets(text, /<t[^>]*>[^<]+</);
      if (!at.length) return undefined;
      const where = Buffer.byteLength(text.slice(0, at[pick(at.length)].index + 3), "utf8");
      const bytes = files[name];
      const changed = new Uint8Array(bytes.length + 2);
      changed.set(bytes.subarray(0, where));
      changed.set([0xc3, 0x28], where);
      changed.set(bytes.subarray(where), where + 2);
      return { ...files, [name]: changed };
    },
  },
  { name: "missing-styles", apply: (files) => dropPart(files, STYLES) },
  { name: "missing-shared-strings", apply: (files) => dropPart(files, STRINGS) },
  { name: "missing-sheet", apply: (files, pick) => dropPart(files, SHEET, pick) },
  { name: "bad-crc", apply: (files) => files, rezip: flipCrc },
];

function dropPart(files: Files, pattern: RegExp, pick?: (n: number) => number): Files | undefined {
  const names = Object.keys(files).filter((n) => pattern.test(n));
  if (!names.length) return undefined;
  const drop = names[pick ? pick(names.length) : 0];
  const rest = { ...files };
  delete rest[drop];
  return rest;
}

/** Flips one bit of a stored CRC-32 (local header and central directory alike), leaving the data intact. */
function flipCrc(zip: Uint8Array, pick: (n: number) => number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const central: number[] = [];
  for (let i = 0; i + 4 <= out.length; i++) if (view.getUint32(i, true) === 0x02014b50) central.push(i);
  if (!central.length) return out;
  const entry = central[pick(central.length)];
  const local = view.getUint32(entry + 42, true);
  out[entry + 16] ^= 0x01;
  out[local + 14] ^= 0x01;
  return out;
}

interface Case {
  id: number;
  source: string;
  mutation: string;
  part?: string;
  file: string;
}

function makeCase(id: number, sources: string[], rnd: () => number, dir: string): Case | undefined {
  const pick = (n: number) => Math.floor(rnd() * n);
  const source = sources[pick(sources.length)];
  const files = unzipSync(fs.readFileSync(source)) as Files;
  const all = MUTATIONS.length + BYTE_MUTATIONS.length;
  const which = pick(all);
  let mutated: Files | undefined;
  let name: string;
  let part: string | undefined;
  let rezip: ((zip: Uint8Array, pick: (n: number) => number) => Uint8Array) | undefined;
  if (which < MUTATIONS.length) {
    const m = MUTATIONS[which];
    name = m.name;
    const parts = Object.keys(files).filter((n) => m.parts.test(n));
    if (!parts.length) return undefined;
    part = parts[pick(parts.length)];
    const changed = m.apply(strFromU8(files[part]), pick);
    if (changed === undefined) return undefined;
    mutated = { ...files, [part]: strToU8(changed) };
  } else {
    const m = BYTE_MUTATIONS[which - MUTATIONS.length];
    name = m.name;
    mutated = m.apply(files, pick);
    rezip = m.rezip;
  }
  if (!mutated) return undefined;
  let zip = zipSync(mutated as Zippable);
  if (rezip) zip = rezip(zip, pick);
  const file = path.join(dir, `case-${String(id).padStart(4, "0")}-${name}.xlsx`);
  fs.writeFileSync(file, zip);
  return { id, source: path.basename(source), mutation: name, part, file };
}

type Outcome = {
  command: string;
  code?: number;
  internal: boolean;
  /** CPU seconds of the command in its child (the hang measure: wall time on a loaded machine is not). */
  cpuS?: number;
  wallS?: number;
  /** The child was killed past the case's wall limit: rerun alone before it is called a hang. */
  timedOut?: boolean;
  abort?: string;
  wrote: boolean;
  unplanned: string[];
  message?: string;
};

/**
 * Long-lived child processes (scripts/fuzz-worker.js), `size` of them: each compiles the sources once and takes
 * one case at a time. A child that dies (out of memory, a native crash) is an abort; one that overruns the wall
 * limit of a case (a loop no await can interrupt) is killed and replaced, and the case is rerun alone.
 */
class WorkerPool {
  private idle: ChildProcess[] = [];
  private waiting: Array<(w: ChildProcess) => void> = [];
  private readonly starting: Array<Promise<void>> = [];

  constructor(
    size: number,
    private readonly wallMs: number,
  ) {
    for (let i = 0; i < size; i++) this.starting.push(this.spawn().then((w) => this.give(w)));
  }

  private spawn(): Promise<ChildProcess> {
    const child = fork(path.join(__dirname, "fuzz-worker.js"), [], { execArgv: ["--max-old-space-size=2048"], stdio: ["ignore", "ignore", "pipe", "ipc"] });
    child.stderr?.resume();
    return new Promise((resolve) => child.once("message", () => resolve(child)));
  }

  private take(): Promise<ChildProcess> {
    const w = this.idle.pop();
    return w ? Promise.resolve(w) : new Promise((resolve) => this.waiting.push(resolve));
  }

  private give(w: ChildProcess): void {
    const next = this.waiting.shift();
    if (next) next(w);
    else this.idle.push(w);
  }

  async run(c: Case): Promise<Outcome[]> {
    const worker = await this.take();
    return new Promise((resolve) => {
      let done = false;
      const finish = (outcomes: Outcome[], healthy: boolean) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        worker.removeAllListeners("message");
        worker.removeAllListeners("exit");
        if (healthy) this.give(worker);
        else {
          worker.kill("SIGKILL");
          void this.spawn().then((w) => this.give(w));
        }
        resolve(outcomes);
      };
      const timer = setTimeout(() => finish([{ command: "(case)", internal: false, timedOut: true, wrote: false, unplanned: [] }], false), this.wallMs);
      worker.on("message", (outcomes: Outcome[]) => finish(outcomes, true));
      worker.on("exit", (code, signal) => finish([{ command: "(worker)", internal: false, abort: `child exited (${signal ?? `code ${code}`})`, wrote: false, unplanned: [] }], false));
      worker.send({ file: c.file });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.starting);
    while (this.waiting.length) await new Promise((r) => setTimeout(r, 100));
    for (const w of this.idle) w.kill();
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const { buildFixtures, fixturesUpToDate, FIXTURE_FILES, GENERATED_DIR, SAMPLE_PATH } = await import("../test/fixtures/build-fixtures");
  if (!fixturesUpToDate(GENERATED_DIR)) await buildFixtures(GENERATED_DIR);
  const sources = [
    SAMPLE_PATH,
    ...(["seedAsPasted", "seedIdLocale", "seedEvaluation"] as const).map((n) => path.join(GENERATED_DIR, FIXTURE_FILES[n])),
  ].filter((f) => fs.existsSync(f));
  const rnd = random(options.seed);
  const counts = { abort: 0, internal: 0, hang: 0, verdict: 0, unplanned: 0 };
  console.log(options.rerun ? `renja fuzz: running the cases kept in ${options.rerun} again` : `renja fuzz: making ${options.cases} cases in ${options.keep}`);
  const byMutation = new Map<string, number>();
  const failures: string[] = [];
  const cases: Case[] = [];
  if (options.rerun) {
    // The kept failing cases of an earlier run, as they were (case-0066-truncated-part.xlsx: id 66, its mutation).
    for (const name of fs.readdirSync(options.rerun).filter((n) => /^case-\d+-.*\.xlsx$/.test(n)).sort()) {
      const m = /^case-(\d+)-(.*)\.xlsx$/.exec(name) as RegExpExecArray;
      const file = path.join(options.keep, name);
      if (path.resolve(options.rerun) !== path.resolve(options.keep)) fs.copyFileSync(path.join(options.rerun, name), file);
      cases.push({ id: Number(m[1]), source: `kept ${name}`, mutation: m[2], file });
    }
  }
  for (let id = 1; !options.rerun && cases.length < options.cases; id++) {
    const c = makeCase(id, sources, rnd, options.keep);
    if (c) cases.push(c);
  }
  const load0 = os.loadavg()[0];
  const started = Date.now();
  let finished = 0;
  const runAll = async (list: Case[], jobs: number) => {
    const pool = new WorkerPool(jobs, options.wallSeconds * 1000);
    const out = await Promise.all(
      list.map(async (c) => {
        const outcomes = await pool.run(c);
        finished++;
        if (process.env.FUZZ_VERBOSE) {
          const cpu = outcomes.reduce((n, o) => n + (o.cpuS ?? 0), 0);
          process.stderr.write(`case ${c.id} ${c.mutation}: ${cpu.toFixed(1)} s CPU (${finished}/${cases.length})\n`);
        }
        return { c, outcomes };
      }),
    );
    await pool.close();
    return out;
  };
  const results = await runAll(cases, options.jobs);
  // A case killed at the wall limit is run again alone: on a loaded machine a slow case is not yet a hang.
  const timedOut = results.filter((r) => r.outcomes.some((o) => o.timedOut));
  let reruns = 0;
  for (const r of timedOut) {
    reruns++;
    r.outcomes = (await runAll([r.c], 1))[0].outcomes;
  }
  let ran = 0;
  let cpuTotal = 0;
  let cpuMax = 0;
  for (const { c, outcomes } of results) {
    ran++;
    byMutation.set(c.mutation, (byMutation.get(c.mutation) ?? 0) + 1);
    const problems: string[] = [];
    for (const o of outcomes) {
      const fail = (kind: keyof typeof counts, text: string) => {
        counts[kind]++;
        problems.push(text);
      };
      cpuTotal += o.cpuS ?? 0;
      cpuMax = Math.max(cpuMax, o.cpuS ?? 0);
      if (o.abort) fail("abort", `${o.command} aborted: ${o.abort}`);
      if (o.internal) fail("internal", `${o.command} internal error: ${o.message ?? ""}`);
      if (o.timedOut) fail("hang", `${o.command} past the ${options.wallSeconds} s wall limit, twice`);
      else if ((o.cpuS ?? 0) > options.timeoutSeconds) fail("hang", `${o.command} took ${o.cpuS?.toFixed(1)} s of CPU`);
      if (o.unplanned.length) fail("unplanned", `${o.command} changed unplanned cells ${o.unplanned.slice(0, 5).join(", ")}`);
    }
    const check = outcomes.find((o) => o.command === "check");
    if (check?.code !== undefined) {
      const readable = check.code !== 2;
      for (const o of outcomes.filter((x) => x.command !== "check" && x.code !== undefined)) {
        if (!readable && o.wrote) {
          counts.verdict++;
          problems.push(`check exit ${check.code} but ${o.command} exit ${o.code} (wrote)`);
        }
      }
    }
    if (problems.length) failures.push(`case ${c.id} ${c.mutation}${c.part ? ` (${c.part})` : ""} of ${c.source}: ${problems.join("; ")} — ${c.file}`);
    else fs.rmSync(c.file, { force: true });
  }
  console.log(
    `renja fuzz: ${ran} cases (seed ${options.seed}) over ${sources.length} workbooks, ${options.jobs} children, hang = over ${options.timeoutSeconds} s CPU in one command ` +
      `or over ${options.wallSeconds} s wall for a case twice; ${Math.round((Date.now() - started) / 1000)} s wall, ${cpuTotal.toFixed(0)} s CPU in commands ` +
      `(most in one: ${cpuMax.toFixed(1)} s), load average ${load0.toFixed(1)} → ${os.loadavg()[0].toFixed(1)}, ${reruns} case(s) rerun alone`,
  );
  console.log(`mutations: ${[...byMutation].sort().map(([n, k]) => `${n} ${k}`).join(", ")}`);
  console.log(`aborts ${counts.abort}, internal errors ${counts.internal}, hangs ${counts.hang}, verdict disagreements ${counts.verdict}, unplanned changes ${counts.unplanned}`);
  for (const f of failures) console.log(`  ${f}`);
  if (failures.length) console.log(`failing cases kept in ${options.keep}`);
  process.exitCode = failures.length ? 1 : 0;
}

void main();
