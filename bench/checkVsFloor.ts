/**
 * `renja check --json` on the 100,000-row workbook against the floor (bench/floor.ts: fflate + one indexOf scan),
 * CPU (user + system) and peak memory (maximum resident set size) from /usr/bin/time -v, median of 3 runs each.
 * Run: npm run build:cli && node dist/bench/checkVsFloor.js   (prints a Markdown table; no test asserts on time)
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildSyntheticWorkbook } from "./synthetic";

const root = path.join(__dirname, "..", "..");
const outDir = path.join(root, "bench", "generated");

interface Usage {
  cpuMs: number;
  peakMiB: number;
  wallMs: number;
}

function measure(args: string[]): Usage {
  const r = spawnSync("/usr/bin/time", ["-v", process.execPath, ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
  const field = (name: string) => {
    const m = new RegExp(`${name}: ([\\d.:]+)`).exec(r.stderr);
    if (!m) throw new Error(`no "${name}" in /usr/bin/time output:\n${r.stderr}`);
    return m[1];
  };
  const wall = field("Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)").split(":").map(Number);
  return {
    cpuMs: (Number(field("User time \\(seconds\\)")) + Number(field("System time \\(seconds\\)"))) * 1000,
    peakMiB: Number(field("Maximum resident set size \\(kbytes\\)")) / 1024,
    wallMs: wall.reduce((a, b) => a * 60 + b, 0) * 1000,
  };
}

function median(runs: Usage[]): Usage {
  const m = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { cpuMs: m(runs.map((r) => r.cpuMs)), peakMiB: m(runs.map((r) => r.peakMiB)), wallMs: m(runs.map((r) => r.wallMs)) };
}

async function mainBench(): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  const big = path.join(outDir, "rows-100000.xlsx");
  if (!fs.existsSync(big)) fs.writeFileSync(big, await buildSyntheticWorkbook({ rows: 100_000, sheets: 1, seed: 7 }));
  const floorArgs = [path.join(__dirname, "floor.js"), big];
  const checkArgs = [path.join(root, "bin", "renja.js"), "check", big, "--json"];
  const floor: Usage[] = [];
  const check: Usage[] = [];
  for (let i = 0; i < 3; i++) {
    floor.push(measure(floorArgs));
    check.push(measure(checkArgs));
  }
  const f = median(floor);
  const c = median(check);
  const load = os.loadavg()[0].toFixed(1);
  const cells = execFileSync(process.execPath, floorArgs, { encoding: "utf8" }).trim();
  console.log(`100,000-row workbook (${(fs.statSync(big).size / 2 ** 20).toFixed(1)} MiB, ${cells} cells), median of 3, load average ${load}:\n`);
  console.log("| process | CPU (user + sys) | peak RSS | wall |");
  console.log("|---|---|---|---|");
  console.log(`| floor (fflate + indexOf) | ${f.cpuMs.toFixed(0)} ms | ${f.peakMiB.toFixed(0)} MiB | ${f.wallMs.toFixed(0)} ms |`);
  console.log(`| \`renja check --json\` | ${c.cpuMs.toFixed(0)} ms | ${c.peakMiB.toFixed(0)} MiB | ${c.wallMs.toFixed(0)} ms |`);
  console.log(`| ratio | ${(c.cpuMs / f.cpuMs).toFixed(2)}× | ${(c.peakMiB / f.peakMiB).toFixed(2)}× | ${(c.wallMs / f.wallMs).toFixed(2)}× |`);
}

void mainBench();
