/**
 * Map + validate alone, in process, repeated: each pass maps and validates every given workbook once, in order, as
 * `renja check <folder>` does. The first pass of a fresh process includes compiling the engine (V8 compiles on
 * background threads, and process CPU counts them); the later passes are the steady cost per row. A CPU profile
 * (`node --cpu-prof dist/bench/mapValidate.js`) sees the steady state rather than the first-run compile.
 * Run: npm run build:cli && node --expose-gc dist/bench/mapValidate.js [passes] [--json] [file.xlsx …]
 * Without files: the 100,000-row synthetic workbook (built into bench/generated/ when missing). With --expose-gc a
 * full collection runs before each pass, so the garbage of reading the files is not charged to the first.
 * --json prints one line {passes: [{cpuMs, mapMs}], rows, findings} (bench/run.ts reads it); otherwise a line per pass.
 * Records nothing itself (bench/run.ts records the figures).
 */
import * as fs from "fs";
import * as path from "path";
import { mapWorkbook } from "../src/domain/mapping/mapWorkbook";
import { validate } from "../src/domain/validate";
import type { SheetSnapshot } from "../src/domain/sheet/snapshot";
import { readSnapshots } from "./readWorkbook";
import { buildSyntheticWorkbook } from "./synthetic";

const root = path.join(__dirname, "..", "..");
const outDir = path.join(root, "bench", "generated");

export interface PassCpu {
  /** Map + validate of every workbook, CPU of the whole process (user + system). */
  cpuMs: number;
  mapMs: number;
}

export interface MapValidateRun {
  passes: PassCpu[];
  rows: number;
  findings: number;
}

function cpuMs(c: NodeJS.CpuUsage): number {
  return (c.user + c.system) / 1000;
}

async function defaultFiles(): Promise<string[]> {
  fs.mkdirSync(outDir, { recursive: true });
  const big = path.join(outDir, "rows-100000.xlsx");
  if (!fs.existsSync(big)) fs.writeFileSync(big, await buildSyntheticWorkbook({ rows: 100_000, sheets: 1, seed: 7 }));
  return [big];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const rest = args.filter((a) => a !== "--json");
  const passCount = rest.length > 0 && /^\d+$/.test(rest[0]) ? Number(rest.shift()) : 3;
  const files = rest.length > 0 ? rest : await defaultFiles();
  const workbooks: SheetSnapshot[][] = [];
  for (const f of files) workbooks.push(await readSnapshots(f));
  const run: MapValidateRun = { passes: [], rows: 0, findings: 0 };
  for (let i = 0; i < passCount; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    let mapMs = 0;
    let rows = 0;
    let findings = 0;
    const cpu0 = process.cpuUsage();
    for (const snapshots of workbooks) {
      const map0 = process.cpuUsage();
      const mapped = mapWorkbook(snapshots);
      mapMs += cpuMs(process.cpuUsage(map0));
      findings += validate(mapped).length;
      rows += mapped.tables.reduce((a, tb) => a + tb.rows.length, 0);
    }
    const pass = { cpuMs: cpuMs(process.cpuUsage(cpu0)), mapMs };
    run.passes.push(pass);
    run.rows = rows;
    run.findings = findings;
    // Map and validate apart: they are owned and sped up separately.
    if (!json) console.log(`run ${i + 1}: ${pass.cpuMs.toFixed(0)} ms CPU (map ${mapMs.toFixed(0)}, validate ${(pass.cpuMs - mapMs).toFixed(0)}), ${rows} rows, ${findings} findings`);
  }
  if (json) process.stdout.write(JSON.stringify(run) + "\n");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
