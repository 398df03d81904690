/**
 * Benchmark of issue 13: a 7,000-row SIPD-RI rekap export (40 units, one row per rekening) against a 300-row
 * plan (Tabel 7 of one unit, 12 programs × 3 kegiatan × 7 sub kegiatan): the CPU time of reading the export's
 * snapshot into units (readSipdExport) and comparing (compareWithSipd). Snapshots are built in memory: the .xlsx
 * reading is the host's, measured by bench/run.ts. Writes its section of bench/results.md and prints it.
 * Run: npm run build:cli && node dist/bench/sipd.js   (not part of the test suite: no test asserts on time)
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { mapWorkbook } from "../src/domain/mapping/mapWorkbook";
import type { CellValue } from "../src/domain/sheet/snapshot";
import { snapshotFromGrid } from "../src/domain/sheet/snapshot";
import { compareWithSipd, isReadFailure, readSipdExport } from "../src/domain/sipd";
import { render } from "../src/domain/messages";

const root = path.join(__dirname, "..", "..");
const EXPORT_ROWS = 7000;
const UNITS = 40;
const PROGRAMS = 12;
const KEGIATAN = 3;
const SUBS = 7;

function pad(n: number, w: number): string {
  return String(n).padStart(w, "0");
}

function subAmount(u: number, p: number, k: number, s: number, part: number): number {
  return ((u * 7919 + p * 104729 + k * 1299709 + s * 15485863 + part * 32452843) % 9000 + 1000) * 1000 + (part % 3 === 0 ? 0.5 : 0);
}

function buildExport(): ReturnType<typeof snapshotFromGrid> {
  const grid: CellValue[][] = [["NO", "KODE SKPD", "NAMA SKPD", "KODE PROGRAM", "NAMA PROGRAM", "KODE KEGIATAN", "NAMA KEGIATAN", "KODE SUB KEGIATAN", "NAMA SUB KEGIATAN", "NAMA SUMBER DANA", "KODE REKENING", "PAGU"]];
  const subsPerUnit = PROGRAMS * KEGIATAN * SUBS;
  // the compared unit: four rekening rows per sub kegiatan; the other units share the rest
  const planned = 4 * subsPerUnit;
  for (let u = 1; u <= UNITS; u++) {
    const perUnit = u === 1 ? planned : Math.ceil((EXPORT_ROWS - planned) / (UNITS - 1));
    for (let i = 0; i < perUnit && grid.length <= EXPORT_ROWS; i++) {
      const sub = i % subsPerUnit;
      const p = Math.floor(sub / (KEGIATAN * SUBS)) + 1;
      const k = Math.floor((sub % (KEGIATAN * SUBS)) / SUBS) + 1;
      const s = (sub % SUBS) + 1;
      const part = Math.floor(i / subsPerUnit);
      const prog = `7.01.${pad(p, 2)}`;
      const keg = `${prog}.2.${pad(k, 2)}`;
      grid.push([grid.length, `7.01.0.00.0.00.${pad(u, 2)}.0000`, `Kecamatan Nomor ${u}`, prog, `PROGRAM NOMOR ${p}`, keg, `Kegiatan Nomor ${p} ${k}`,
        `${keg}.${pad(s, 4)}`, `Sub Kegiatan Nomor ${p} ${k} ${s}`, "Dana Transfer Umum-Dana Alokasi Umum", `5.1.02.01.01.${pad(part, 4)}`, subAmount(u, p, k, s, part)]);
    }
  }
  return snapshotFromGrid("Sheet 1", grid);
}

function buildPlan(exportSheet: ReturnType<typeof snapshotFromGrid>) {
  // the plan holds unit 1's sub kegiatan with SIPD's sums, but for a few rows typed otherwise
  const sums = new Map<string, number>();
  for (const [r, cells] of exportSheet.rows) {
    if (r === 1 || cells.get(3)?.value !== "Kecamatan Nomor 1") continue;
    const kode = String(cells.get(8)?.value);
    sums.set(kode, (sums.get(kode) ?? 0) + Number(cells.get(12)?.value));
  }
  const grid: CellValue[][] = [["RENCANA KERJA DAN PENDANAAN KECAMATAN NOMOR 1 TAHUN 2024"], [], ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Lokasi", "Target", "Pagu Indikatif (Rp)", "Sumber Dana"]];
  for (let p = 1; p <= PROGRAMS; p++) {
    const prog = `7.01.${pad(p, 2)}`;
    grid.push([prog, `PROGRAM NOMOR ${p}`, "Persentase", "Kecamatan", "100%", null, "DAU"]);
    for (let k = 1; k <= KEGIATAN; k++) {
      const keg = `${prog}.2.${pad(k, 2)}`;
      grid.push([keg, `Kegiatan Nomor ${p} ${k}`, "Persentase", "Kecamatan", "100%", null, "DAU"]);
      for (let s = 1; s <= SUBS; s++) {
        const kode = `${keg}.${pad(s, 4)}`;
        const amount = (sums.get(kode) ?? 0) + (s === 1 && k === 1 ? 1000 : 0);
        grid.push([p % 2 === 0 ? null : kode, `Sub Kegiatan Nomor ${p} ${k} ${s}`, "Jumlah", "Kecamatan", "12 Bulan", amount, s === 2 ? "PAD" : "DAU"]);
      }
    }
  }
  grid.push([null, "JUMLAH", null, null, null, null, null]);
  return mapWorkbook([snapshotFromGrid("Tabel 7", grid)]);
}

function cpuMs(f: () => void): number {
  const start = process.cpuUsage();
  f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function main(): void {
  const exportSheet = buildExport();
  const plan = buildPlan(exportSheet);
  const planRows = plan.tables[0]?.rows.length ?? 0;
  let findings = 0;
  let units = 0;
  const run = () => {
    const exp = readSipdExport([exportSheet], "rekap.xlsx");
    if (isReadFailure(exp)) throw new Error(render(exp.error, "en"));
    units = exp.units.length;
    findings = compareWithSipd(plan, exp).findings.length;
  };
  const cold = cpuMs(run);
  const warm = [1, 2, 3, 4, 5].map(() => cpuMs(run));
  const load = os.loadavg()[0].toFixed(1);
  const section = [
    "<!-- section: sipd (bench/sipd.ts) -->",
    "## SIPD-RI comparison (issue 13)",
    "",
    `Recorded ${new Date().toISOString().slice(0, 10)} (load average ${load}) on ${os.cpus().length} × ${os.cpus()[0]?.model.split(" ").slice(0, 2).join(" ")}, Node ${process.version}.`,
    "Reproduce: `npm run build:cli && node dist/bench/sipd.js`.",
    "",
    "| workload | export rows | units | plan rows | findings | first run CPU | median of 5 CPU |",
    "|---|---|---|---|---|---|---|",
    `| readSipdExport + compareWithSipd | ${exportSheet.maxRow - 1} | ${units} | ${planRows} | ${findings} | ${cold.toFixed(0)} ms | ${median(warm).toFixed(0)} ms |`,
    "",
    "Target (issue 13): well under a second of core time. Snapshots are built in memory; reading the .xlsx is the",
    "host's (bench/run.ts). Half the plan's sub kegiatan have no kode (matched by name), 12 pagu and 36 sumber dana differ.",
  ].join("\n");
  const file = path.join(root, "bench", "results.md");
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const at = text.indexOf("<!-- section: sipd");
  const kept = at >= 0 ? text.slice(0, at) : `${text.trimEnd()}\n\n`;
  fs.writeFileSync(file, `${kept}${section}\n`);
  console.log(section);
}

main();
