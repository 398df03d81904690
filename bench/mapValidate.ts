/**
 * Map + validate alone, in process, on the 100,000-row synthetic workbook (and optionally one of the 300-row units),
 * repeated so that a CPU profile (`node --cpu-prof dist/bench/mapValidate.js`) sees the steady state rather than the
 * first-run compile. Prints CPU per run; records nothing (bench/run.ts records the figures).
 * Run: npm run build:cli && node dist/bench/mapValidate.js [runs] [--catalogue FILE]
 */
import * as fs from "fs";
import * as path from "path";
import { mapWorkbook } from "../src/domain/mapping/mapWorkbook";
import { validate } from "../src/domain/validate";
import type { SheetSnapshot } from "../src/domain/sheet/snapshot";
import { openXlsxHost } from "../src/xlsx";
import { buildSyntheticWorkbook } from "./synthetic";

const root = path.join(__dirname, "..", "..");
const outDir = path.join(root, "bench", "generated");

async function readSnapshots(file: string): Promise<SheetSnapshot[]> {
  const host = await openXlsxHost(new Uint8Array(fs.readFileSync(file)), path.basename(file));
  const snapshots: SheetSnapshot[] = [];
  for (const ref of await host.listSheets()) snapshots.push(await host.readSnapshot(ref, { styles: true }));
  return snapshots;
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 3);
  fs.mkdirSync(outDir, { recursive: true });
  const big = path.join(outDir, "rows-100000.xlsx");
  if (!fs.existsSync(big)) fs.writeFileSync(big, await buildSyntheticWorkbook({ rows: 100_000, sheets: 1, seed: 7 }));
  const snapshots = await readSnapshots(big);
  for (let i = 0; i < runs; i++) {
    const cpu0 = process.cpuUsage();
    const mapped = mapWorkbook(snapshots);
    const cpuMap = process.cpuUsage(cpu0);
    const findings = validate(mapped);
    const cpu = process.cpuUsage(cpu0);
    const rows = mapped.tables.reduce((a, tb) => a + tb.rows.length, 0);
    const ms = (c: NodeJS.CpuUsage) => ((c.user + c.system) / 1000).toFixed(0);
    // Map and validate apart: they are owned and sped up separately.
    console.log(`run ${i + 1}: ${ms(cpu)} ms CPU (map ${ms(cpuMap)}, validate ${ms({ user: cpu.user - cpuMap.user, system: cpu.system - cpuMap.system })}), ${rows} rows, ${findings.length} findings`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
