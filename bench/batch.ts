/**
 * Benchmark (issue 12): a reviewer's folder of 60 workbooks × 300 rows checked in one `renja check <folder>`
 * run against 60 separate `renja check <file>` runs (one Node start-up each). Target: the one run at most a
 * third of the time of the 60. Writes its section of bench/results.md (between its markers) and prints it.
 * Run: npm run build:cli && node dist/bench/batch.js   (not part of the test suite: no test asserts on time)
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildSyntheticWorkbook } from "./synthetic";

const root = path.join(__dirname, "..", "..");
const folder = path.join(root, "bench", "generated", "batch-60x300");
const bin = path.join(root, "bin", "renja.js");
const UNITS = 60;
const ROWS = 300;
const RUNS = 3;

/** Runs renja; exit 1 ("errors found") and 3 are outcomes, not failures. */
function renja(args: string[]): number {
  const t = performance.now();
  try {
    execFileSync(process.execPath, [bin, ...args], { stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 30 });
  } catch (e) {
    const status = (e as { status?: number }).status;
    if (status !== 1 && status !== 3) throw e;
  }
  return performance.now() - t;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  fs.mkdirSync(folder, { recursive: true });
  const files: string[] = [];
  for (let u = 0; u < UNITS; u++) {
    const f = path.join(folder, `unit-${String(u + 1).padStart(2, "0")}.xlsx`);
    if (!fs.existsSync(f)) fs.writeFileSync(f, await buildSyntheticWorkbook({ rows: ROWS, sheets: 1, seed: 100 + u }));
    files.push(f);
  }
  const separate: number[] = [];
  const oneJson: number[] = [];
  const oneSummary: number[] = [];
  const report: number[] = [];
  const out = path.join(os.tmpdir(), `renja-bench-verifikasi-${process.pid}.xlsx`);
  for (let r = 0; r < RUNS; r++) {
    separate.push(files.reduce((sum, f) => sum + renja(["check", f, "--json"]), 0));
    oneJson.push(renja(["check", folder, "--json"]));
    oneSummary.push(renja(["check", folder, "--summary"]));
    report.push(renja(["report", folder, "-o", out]));
  }
  fs.rmSync(out, { force: true });
  const s = median(separate);
  const row = (name: string, ms: number) => `| ${name} | ${Math.round(ms)} ms | ${(ms / s).toFixed(2)}× |`;
  const section = [
    "<!-- batch:start -->",
    "## Many workbooks in one run (issue 12)",
    "",
    `Recorded ${new Date().toISOString().slice(0, 10)} (load average ${os.loadavg()[0].toFixed(1)} at the end) on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "?"}, Node ${process.version}. Median of ${RUNS} runs.`,
    "Reproduce: `npm run build:cli && node dist/bench/batch.js`.",
    "",
    `| ${UNITS} workbooks × ${ROWS} rows | time | against ${UNITS} separate runs |`,
    "|---|---|---|",
    row(`${UNITS} separate \`renja check <file> --json\` runs`, s),
    row("one `renja check <folder> --json` (JSON Lines)", median(oneJson)),
    row("one `renja check <folder> --summary`", median(oneSummary)),
    row("one `renja report <folder> -o verifikasi.xlsx`", median(report)),
    "",
    `Target: the one run at most 1/3 of the ${UNITS} separate runs.`,
    "Each separate run pays for starting Node and loading the CLI and the rule engine; the one run pays once. With a high",
    "load average (other work on the machine) absolute times are inflated; the ratio is what the target is about.",
    "<!-- batch:end -->",
  ].join("\n");
  const resultsFile = path.join(root, "bench", "results.md");
  const old = fs.existsSync(resultsFile) ? fs.readFileSync(resultsFile, "utf8") : "# Benchmark results\n";
  const marked = /<!-- batch:start -->[\s\S]*<!-- batch:end -->/;
  const next = marked.test(old) ? old.replace(marked, section) : `${old.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(resultsFile, next);
  process.stdout.write(`${section}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
