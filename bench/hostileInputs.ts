/**
 * The CLI on each hostile workbook of bench/hostile.ts (issue 17: bombs refused within 5 s and under 512 MB peak;
 * the others in seconds): wall time, CPU and peak RSS from /usr/bin/time -v, one run each.
 * Run: npm run build:cli && node dist/bench/hostileInputs.js [case name…]   (prints a Markdown table; no test
 * asserts on time; names, e.g. styles-nested-2m, run only those cases)
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { hostileWorkbooks } from "./hostile";

const root = path.join(__dirname, "..", "..");

function measure(args: string[]): { code: number; wallS: number; cpuS: number; peakMiB: number } {
  const r = spawnSync("/usr/bin/time", ["-v", process.execPath, ...args], { encoding: "utf8", maxBuffer: 1 << 30, timeout: 300_000 });
  const field = (name: string) => {
    const m = new RegExp(`${name}: ([\\d.:]+)`).exec(r.stderr);
    if (!m) throw new Error(`no "${name}" in /usr/bin/time output:\n${r.stderr.slice(-2000)}`);
    return m[1];
  };
  const wall = field("Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)").split(":").map(Number);
  return {
    code: Number(field("Exit status")),
    wallS: wall.reduce((a, b) => a * 60 + b, 0),
    cpuS: Number(field("User time \\(seconds\\)")) + Number(field("System time \\(seconds\\)")),
    peakMiB: Number(field("Maximum resident set size \\(kbytes\\)")) / 1024,
  };
}

function mainBench(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "renja-hostile-"));
  const seed = new Uint8Array(fs.readFileSync(path.join(root, "seeds", "sample-renja-tomoni-2025.xlsx")));
  console.log(`Hostile inputs, one run each, load average ${os.loadavg()[0].toFixed(1)} at the start:\n`);
  console.log("| case | file | command | exit | wall | CPU | peak RSS |");
  console.log("|---|---|---|---|---|---|---|");
  const only = new Set(process.argv.slice(2));
  for (const c of hostileWorkbooks(seed).filter((h) => only.size === 0 || only.has(h.name))) {
    const file = path.join(dir, `${c.name}.xlsx`);
    fs.writeFileSync(file, c.bytes);
    const args = [path.join(root, "bin", "renja.js"), c.command, file];
    if (c.command === "recompute") args.push("-o", path.join(dir, `${c.name}-out.xlsx`));
    const m = measure(args);
    const kb = (c.bytes.length / 1024).toFixed(0);
    console.log(`| ${c.what} | ${kb} KB | ${c.command} | ${m.code} | ${m.wallS.toFixed(2)} s | ${m.cpuS.toFixed(2)} s | ${m.peakMiB.toFixed(0)} MiB |`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

mainBench();
