/**
 * Benchmark: map + validate per 100,000 rows with the full 3406/2024 list (3,468 sub kegiatan) loaded, against
 * the built-in list. The workbook is built in memory from the list's own names: one sheet per bidang (a dinas or
 * badan), its penunjang program first (X.XX.01 written with the unit's bidang), then its own programs, kegiatan
 * and sub kegiatan; amounts whose parents are the sums of their children. Two variants: with the KODE column
 * filled, and without it (every name matched against the list: the worst case).
 *
 *   npm run build:cli && node --expose-gc dist/bench/nomenclature.js [path/to/nomenklatur_…3406….tsv]
 */
import * as fs from "fs";
import * as path from "path";
import { mapWorkbook } from "../src/domain/mapping/mapWorkbook";
import { BUILTIN_CATALOGUE, Catalogue, bidangOfKode, type NomenclatureEntry } from "../src/domain/nomenclature";
import { importList, splitDelimited } from "../src/domain/nomenclature/importList";
import { render } from "../src/domain/messages";
import { fixedCatalogue } from "../src/domain/nomenclature/library";
import { snapshotFromGrid, type CellValue, type SheetSnapshot } from "../src/domain/sheet/snapshot";
import { validate } from "../src/domain/validate";

const DEFAULT_LIST = path.resolve(process.env.RENJA_NOMENCLATURE_DIR ?? path.join(process.cwd(), "..", "shared", "data", "nomenclature"), "nomenklatur_kabkota_kepmendagri-900.1.15.5-3406-2024__unhasy.tsv");
const ROWS = 100_000;

function loadList(file: string): Catalogue {
  const result = importList(splitDelimited(fs.readFileSync(file, "utf8")), { fileName: path.basename(file) });
  if (!result.ok) throw new Error(result.errors.map((e) => render(e.message, "en")).join("; "));
  return new Catalogue(result.data, "stored");
}

interface Node {
  entry: NomenclatureEntry;
  kode: string;
  children: Node[];
  amount: number;
}

/** The list's tree for one unit of `bidang`: the penunjang program, then the bidang's own programs (K = 2 only). */
function unitTree(list: Catalogue, bidang: string): Node[] {
  const programs: Node[] = [];
  const byKode = new Map<string, Node>();
  for (const e of list.entries) {
    const own = bidangOfKode(e.kode);
    if (own !== bidang && !(own === "X.XX")) continue;
    const parts = e.kode.split(".");
    if (parts.length >= 5 && parts[3] !== "2") continue;
    const kode = list.kodeForBidang(e, bidang);
    if (!kode) continue;
    const node: Node = { entry: e, kode, children: [], amount: 0 };
    byKode.set(kode, node);
    if (e.level === "program") programs.push(node);
    else {
      const parent = byKode.get(e.level === "kegiatan" ? parts.slice(0, 3).join(".").replace(/^X\.XX/, bidang) : kode.slice(0, kode.lastIndexOf(".")));
      parent?.children.push(node);
    }
  }
  return programs.sort((a, b) => a.kode.localeCompare(b.kode));
}

function sheetFor(name: string, programs: Node[], withKode: boolean, seed: { s: number }): { sheet: SheetSnapshot; rows: number } {
  const random = () => {
    seed.s = (seed.s * 1664525 + 1013904223) >>> 0;
    return seed.s / 2 ** 32;
  };
  const head = ["Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Lokasi", "Target Capaian Kinerja", "Kebutuhan Dana/Pagu Indikatif", "Sumber Dana"];
  const grid: CellValue[][] = [[`RENCANA KERJA DAN PENDANAAN ${name.toUpperCase()} TAHUN 2025`], [], withKode ? ["Kode", ...head] : head];
  const line = (n: Node) => {
    const cells: CellValue[] = [n.entry.name, "Jumlah dokumen yang disusun (Dokumen)", "Kabupaten", "1 Dokumen", n.amount, "APBD"];
    grid.push(withKode ? [n.kode, ...cells] : cells);
  };
  let total = 0;
  for (const p of programs) {
    p.amount = 0;
    for (const k of p.children) {
      k.amount = 0;
      for (const s of k.children) {
        s.amount = Math.round(random() * 500_000) * 1000;
        k.amount += s.amount;
      }
      p.amount += k.amount;
    }
    total += p.amount;
    line(p);
    for (const k of p.children) {
      line(k);
      for (const s of k.children) line(s);
    }
  }
  grid.push(withKode ? ["", "JUMLAH", "", "", "", total, ""] : ["JUMLAH", "", "", "", total, ""]);
  return { sheet: snapshotFromGrid(name, grid, { id: name }), rows: grid.length - 4 };
}

function workbook(list: Catalogue, withKode: boolean): { sheets: SheetSnapshot[]; rows: number } {
  const bidangs = list.coveredBidang();
  const sheets: SheetSnapshot[] = [];
  let rows = 0;
  const seed = { s: 42 };
  for (let copy = 0; rows < ROWS; copy++) {
    for (const b of bidangs) {
      if (rows >= ROWS) break;
      const tree = unitTree(list, b);
      if (tree.length <= 1) continue;
      const { sheet, rows: n } = sheetFor(`Unit ${b} ${copy + 1}`, tree, withKode, seed);
      sheets.push(sheet);
      rows += n;
    }
  }
  return { sheets, rows };
}

function measure(sheets: SheetSnapshot[], catalogue: Catalogue): { cpuMs: number; findings: number; byRule: Record<string, number>; rows: number } {
  // With --expose-gc: the garbage of building the workbook (and of the run before) is not charged to this run.
  (globalThis as { gc?: () => void }).gc?.();
  const cpu0 = process.cpuUsage();
  const mapped = mapWorkbook(sheets, { nomenclature: fixedCatalogue(catalogue) });
  const cpuMap = process.cpuUsage(cpu0);
  const findings = validate(mapped);
  const cpu = process.cpuUsage(cpu0);
  // Map and validate apart on stderr (the table on stdout keeps its columns): they are sped up separately.
  if (process.env.SPLIT) process.stderr.write(`  map ${((cpuMap.user + cpuMap.system) / 1000).toFixed(0)} ms, validate ${((cpu.user + cpu.system - cpuMap.user - cpuMap.system) / 1000).toFixed(0)} ms\n`);
  const byRule: Record<string, number> = {};
  for (const f of findings) byRule[`${f.rule}/${f.severity}`] = (byRule[`${f.rule}/${f.severity}`] ?? 0) + 1;
  return { cpuMs: (cpu.user + cpu.system) / 1000, findings: findings.length, byRule, rows: mapped.tables.reduce((a, t) => a + t.rows.length, 0) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function main(): void {
  const file = process.argv[2] ?? DEFAULT_LIST;
  const list = loadList(file);
  const repeats = Number(process.env.REPEATS ?? 3);
  const variants = process.env.VARIANT === "kode" ? [true] : process.env.VARIANT === "names" ? [false] : [true, false];
  for (const withKode of variants) {
    const { sheets, rows } = workbook(list, withKode);
    for (const catalogue of process.env.ONLY_FULL ? [list] : [list, BUILTIN_CATALOGUE]) {
      const runs: number[] = [];
      let last: ReturnType<typeof measure> | undefined;
      // a fresh Catalogue per run: its name index and caches are built inside the measured time
      for (let i = 0; i < repeats; i++) {
        const fresh = catalogue === BUILTIN_CATALOGUE ? catalogue : new Catalogue(catalogue.toData(), "stored");
        last = measure(sheets, fresh);
        runs.push(last.cpuMs);
      }
      const ms = median(runs);
      process.stdout.write(
        `| ${withKode ? "KODE filled" : "no KODE column"} | ${catalogue.label} | ${sheets.length} | ${rows} | ${Math.round(ms)} ms | ${Math.round((ms * ROWS) / rows)} ms | ${last?.findings ?? 0} | ${JSON.stringify(last?.byRule ?? {})} |\n`,
      );
    }
  }
}

main();
