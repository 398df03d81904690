/**
 * Benchmark: map+validate core time in process, and `renja check` against merely loading the same file with
 * ExcelJS, on synthetic kabupaten-scale workbooks. Writes bench/results.md (the recorded results) and prints it.
 * Run: npm run build:cli && node --expose-gc dist/bench/run.js   (not part of the test suite: no test asserts on time)
 * With --expose-gc the garbage of the ExcelJS model loaded just before (the comparison column) and of the host read
 * is collected before map + validate is timed, so that collection is not charged to map + validate; without the
 * flag the figure includes it (and says so in the notes).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { mapWorkbook } from "../src/domain/mapping/mapWorkbook";
import { validate } from "../src/domain/validate";
import type { SheetSnapshot } from "../src/domain/sheet/snapshot";
import { openXlsxHost } from "../src/xlsx";
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
  mapValidateCpuMs: number;
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

/** The sheets as `renja check` reads them; the host (ExcelJS's model) is garbage once this returns, as in the CLI. */
async function readSnapshots(file: string): Promise<SheetSnapshot[]> {
  const host = await openXlsxHost(new Uint8Array(fs.readFileSync(file)), path.basename(file));
  const snapshots: SheetSnapshot[] = [];
  for (const ref of await host.listSheets()) snapshots.push(await host.readSnapshot(ref, { styles: true }));
  return snapshots;
}

/** A full collection, where node runs with --expose-gc: what was allocated before is not charged to what follows. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function inProcess(file: string): Promise<{ readMs: number; cpuMs: number; findings: number; rows: number }> {
  const t = performance.now();
  const snapshots = await readSnapshots(file);
  const readMs = performance.now() - t;
  collectGarbage();
  const cpu0 = process.cpuUsage();
  const mapped = mapWorkbook(snapshots);
  const findings = validate(mapped);
  const cpu = process.cpuUsage(cpu0);
  const rows = mapped.tables.reduce((a, tb) => a + tb.rows.length, 0);
  return { readMs, cpuMs: (cpu.user + cpu.system) / 1000, findings: findings.length, rows };
}

async function measure(name: string, files: string[], repeats: number): Promise<Measure> {
  const load: number[] = [];
  const loadProcess: number[] = [];
  const check: number[] = [];
  const read: number[] = [];
  const cpu: number[] = [];
  let findings = 0;
  let rows = 0;
  for (let i = 0; i < repeats; i++) {
    let l = 0, lp = 0, c = 0, rd = 0, cp = 0;
    findings = 0;
    rows = 0;
    for (const f of files) {
      l += await excelJsLoad(f);
      lp += excelJsLoadProcess(f);
      c += renjaCheck(f);
      const r = await inProcess(f);
      rd += r.readMs;
      cp += r.cpuMs;
      findings += r.findings;
      rows += r.rows;
    }
    load.push(l);
    loadProcess.push(lp);
    check.push(c);
    read.push(rd);
    cpu.push(cp);
  }
  return { name, rows, files: files.length, excelJsLoadMs: median(load), excelJsProcessMs: median(loadProcess), checkMs: median(check), readMs: median(read), mapValidateCpuMs: median(cpu), findings };
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
  const lines = [
    "# Benchmark results",
    "",
    `Recorded ${new Date().toISOString().slice(0, 10)} (load average ${os.loadavg()[0].toFixed(1)} at the end) on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}. Median of 3 runs.`,
    "Reproduce: `npm run build:cli && node --expose-gc dist/bench/run.js`.",
    "",
    "| workload | mapped rows | ExcelJS load (in process) | `node` loading it with ExcelJS | `renja check --json` | ratio check / load process | host read (in process) | map + validate CPU | per 100,000 rows | findings |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...results.map((m) =>
      `| ${m.name} | ${m.rows.toLocaleString("en-US")} | ${m.excelJsLoadMs.toFixed(0)} ms | ${m.excelJsProcessMs.toFixed(0)} ms | ${m.checkMs.toFixed(0)} ms | ${(m.checkMs / m.excelJsProcessMs).toFixed(2)}× | ${m.readMs.toFixed(0)} ms | ${m.mapValidateCpuMs.toFixed(0)} ms | ${((m.mapValidateCpuMs * 100_000) / Math.max(1, m.rows)).toFixed(0)} ms | ${m.findings} |`,
    ),
    "",
    "Targets (issue 2): map + validate at most 1 s of CPU per 100,000 rows; `renja check` at most 1.3× the ExcelJS load time.",
    "`renja check` includes starting Node and loading the CLI (one process per workbook, as a reviewer would run it).",
    typeof (globalThis as { gc?: unknown }).gc === "function"
      ? "Map + validate CPU starts after a full collection (--expose-gc): the ExcelJS model loaded before it is not charged to it."
      : "Run without --expose-gc: map + validate CPU includes collecting the ExcelJS model loaded before it.",
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
