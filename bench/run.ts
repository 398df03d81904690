/**
 * Benchmark: map+validate core time, and `renja check` against merely loading the same file with ExcelJS, on
 * synthetic kabupaten-scale workbooks. Writes bench/results.md (the recorded results) and prints it.
 * Run: npm run build:cli && node dist/bench/run.js   (not part of the test suite: no test asserts on time)
 * Map + validate is timed in fresh processes (bench/mapValidate.ts, started with --expose-gc), each mapping and
 * validating all the workload's workbooks in one pass as `renja check <folder>` does, four passes: the first pass
 * pays for compiling the engine, the others are the steady cost. Timing it here, between ExcelJS loads and
 * process starts, charged each 300-row workbook a collection and a half-cold engine of its own.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { MapValidateRun } from "./mapValidate";
import { readSnapshots } from "./readWorkbook";
import { buildSyntheticWorkbook } from "./synthetic";

const root = path.join(__dirname, "..", "..");
const outDir = path.join(root, "bench", "generated");
const bin = path.join(root, "bin", "renja.js");

interface Measure {
  name: string;
  rows: number;
  files: number;
  excelJsLoadMs: number;
  excelJsProcessMs: number;
  checkMs: number;
  readMs: number;
  /** Map + validate CPU of the workload's first pass in a fresh process (median over the processes). */
  coldCpuMs: number;
  /** Map + validate CPU of the later passes (median). */
  steadyCpuMs: number;
  findings: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * The baseline: a Node process that merely loads the file with ExcelJS, started the same way as `renja check`
 * (so both pay for starting Node and loading ExcelJS). In-process load time is recorded beside it.
 */
const LOAD_ONLY = `const E=require(${JSON.stringify(require.resolve("exceljs"))});new E.Workbook().xlsx.load(require("fs").readFileSync(process.argv[1])).then(()=>0,(e)=>{console.error(e);process.exit(2)})`;

function excelJsLoadProcess(file: string): number {
  const t = performance.now();
  execFileSync(process.execPath, ["-e", LOAD_ONLY, file], { stdio: ["ignore", "ignore", "inherit"] });
  return performance.now() - t;
}

async function excelJsLoad(file: string): Promise<number> {
  const t = performance.now();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ExcelJS.Buffer);
  return performance.now() - t;
}

function renjaCheck(file: string): number {
  const t = performance.now();
  try {
    execFileSync(process.execPath, [bin, "check", file, "--json"], { stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 30 });
  } catch (e) {
    // exit 1 means "errors found" and is a normal outcome here
    const status = (e as { status?: number }).status;
    if (status !== 1) throw e;
  }
  return performance.now() - t;
}

const mapValidateScript = path.join(__dirname, "mapValidate.js");
const PROCESSES = 3;
const PASSES = 4;

/** Map + validate of all the files, PASSES passes in a fresh process (bench/mapValidate.ts). */
function mapValidatePasses(files: string[]): MapValidateRun {
  const out = execFileSync(process.execPath, ["--expose-gc", mapValidateScript, String(PASSES), "--json", ...files], { encoding: "utf8", maxBuffer: 1 << 26 });
  return JSON.parse(out.trim().split("\n").pop() ?? "{}") as MapValidateRun;
}

async function measure(name: string, files: string[], repeats: number): Promise<Measure> {
  const load: number[] = [];
  const loadProcess: number[] = [];
  const check: number[] = [];
  const read: number[] = [];
  for (let i = 0; i < repeats; i++) {
    let l = 0, lp = 0, c = 0, rd = 0;
    for (const f of files) {
      l += await excelJsLoad(f);
      lp += excelJsLoadProcess(f);
      c += renjaCheck(f);
      const t = performance.now();
      await readSnapshots(f);
      rd += performance.now() - t;
    }
    load.push(l);
    loadProcess.push(lp);
    check.push(c);
    read.push(rd);
  }
  const cold: number[] = [];
  const steady: number[] = [];
  let run: MapValidateRun | undefined;
  for (let p = 0; p < PROCESSES; p++) {
    run = mapValidatePasses(files);
    cold.push(run.passes[0].cpuMs);
    for (const pass of run.passes.slice(1)) steady.push(pass.cpuMs);
  }
  return {
    name,
    rows: run?.rows ?? 0,
    files: files.length,
    excelJsLoadMs: median(load),
    excelJsProcessMs: median(loadProcess),
    checkMs: median(check),
    readMs: median(read),
    coldCpuMs: median(cold),
    steadyCpuMs: median(steady),
    findings: run?.findings ?? 0,
  };
}

async function main(): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  const kab: string[] = [];
  for (let u = 0; u < 40; u++) {
    const f = path.join(outDir, `kabupaten-unit-${String(u + 1).padStart(2, "0")}.xlsx`);
    if (!fs.existsSync(f)) fs.writeFileSync(f, await buildSyntheticWorkbook({ rows: 300, sheets: 1, seed: u + 1 }));
    kab.push(f);
  }
  const big = path.join(outDir, "rows-100000.xlsx");
  if (!fs.existsSync(big)) fs.writeFileSync(big, await buildSyntheticWorkbook({ rows: 100_000, sheets: 1, seed: 7 }));
  const results = [await measure("40 workbooks × 300 rows (one kabupaten)", kab, 3), await measure("1 workbook × 100,000 rows", [big], 3)];
  const per100k = (ms: number, rows: number) => `${((ms * 100_000) / Math.max(1, rows)).toFixed(0)} ms`;
  const lines = [
    "# Benchmark results",
    "",
    `Recorded ${new Date().toISOString().slice(0, 10)} (load average ${os.loadavg()[0].toFixed(1)} at the end) on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}. Median of 3 runs.`,
    "Reproduce: `npm run build:cli && node dist/bench/run.js`.",
    "",
    "| workload | mapped rows | ExcelJS load (in process) | `node` loading it with ExcelJS | `renja check --json` | ratio check / load process | host read (in process) | map + validate CPU, first pass | per 100,000 rows | map + validate CPU, steady | per 100,000 rows | findings |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...results.map((m) =>
      `| ${m.name} | ${m.rows.toLocaleString("en-US")} | ${m.excelJsLoadMs.toFixed(0)} ms | ${m.excelJsProcessMs.toFixed(0)} ms | ${m.checkMs.toFixed(0)} ms | ${(m.checkMs / m.excelJsProcessMs).toFixed(2)}× | ${m.readMs.toFixed(0)} ms | ${m.coldCpuMs.toFixed(0)} ms | ${per100k(m.coldCpuMs, m.rows)} | ${m.steadyCpuMs.toFixed(0)} ms | ${per100k(m.steadyCpuMs, m.rows)} | ${m.findings} |`,
    ),
    "",
    "Targets (issue 2): map + validate at most 1 s of CPU per 100,000 rows; `renja check` at most 1.3× the ExcelJS load time.",
    "`renja check` includes starting Node and loading the CLI (one process per workbook, as a reviewer would run it).",
    `Map + validate: CPU of the whole process (V8's background compiler and collector threads included) for one pass over all the workload's workbooks, in ${PROCESSES} fresh processes (bench/mapValidate.ts) of ${PASSES} passes each, a full collection before each pass. First pass: median of the processes' first passes, which compile the engine; steady: median of the other passes.`,
  ];
  // Other benches (bench/sipd.ts, bench/batch.ts, …) keep their own sections after this one, each opening with
  // an HTML comment marker: everything from the first marker on is kept as it stands.
  const resultsFile = path.join(root, "bench", "results.md");
  const previous = fs.existsSync(resultsFile) ? fs.readFileSync(resultsFile, "utf8") : "";
  const firstSection = previous.search(/^<!-- /m);
  fs.writeFileSync(resultsFile, lines.join("\n") + "\n" + (firstSection >= 0 ? `\n${previous.slice(firstSection)}` : ""));
  process.stdout.write(lines.join("\n") + "\n");
}

main().catch((e) => {
  process.stderr.write(String(e instanceof Error ? e.stack : e) + "\n");
  process.exit(1);
});
