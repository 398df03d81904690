/** Reads the seed document's tab-separated tables, exactly as they stand in the text. */
import * as fs from "fs";
import * as path from "path";

export const SEED_FILE = path.join(__dirname, "..", "..", "seeds", "renja-perubahan-kecamatan-tomoni-2025.txt");

let cached: string[] | undefined;

export function seedLines(): string[] {
  if (!cached) cached = fs.readFileSync(SEED_FILE, "utf8").split(/\r?\n/);
  return cached;
}

/** 1-based line number of the first line (at or after `from`) whose trimmed text matches. */
export function findLine(match: RegExp, from = 1): number {
  const lines = seedLines();
  for (let i = from - 1; i < lines.length; i++) if (match.test(lines[i].trim())) return i + 1;
  throw new Error(`seed: no line matches ${match} after line ${from}`);
}

/** Lines first..last (1-based, inclusive) as a grid: each line split on tabs, cells trimmed. */
export function seedGrid(first: number, last: number): string[][] {
  return seedLines()
    .slice(first - 1, last)
    .map((line) => (line.trim() === "" ? [] : line.split("\t").map((c) => c.trim())));
}

export interface SeedTable {
  /** Title lines, the "Tabel x" caption first. */
  title: string[];
  /** Header, data and total lines as they stand (blank lines at page breaks kept as empty rows). */
  body: string[][];
  /** For Tabel 7: the sentence above the table that states its counts and total. */
  narrative?: string;
}

/** The four tables of the seed, located by their captions and closing total rows. */
export function seedTables(): Record<"tabel21" | "tabel23" | "tabel33" | "tabel7", SeedTable> {
  const t21 = findLine(/^TABEL 2\.1$/);
  const t21Head = findLine(/^No\tSasaran/, t21);
  const t21End = findLine(/^JUMLAH\b/, t21Head);
  const t23 = findLine(/^Tabel 2\.3$/);
  const t23Head = findLine(/^No\.\tRancangan Awal RKPD/, t23);
  const t23End = findLine(/^JUMLAH TOTAL/, t23Head);
  const t33 = findLine(/^Tabel 3\.3$/);
  const t33Head = findLine(/^KODE\t/, t33);
  const t33End = findLine(/^T O T A L/, t33Head);
  const t7 = findLine(/^Tabel\.7$/);
  const t7Head = findLine(/^No\.\tProgram\/Kegiatan/, t7);
  const t7End = findLine(/^JUMLAH TOTAL/, t7Head);
  const narrativeLine = findLine(/merencanakan \d+ program/, t33End);
  const titleOf = (from: number, to: number) =>
    seedLines()
      .slice(from - 1, to - 1)
      .map((l) => l.trim())
      .filter((l) => l !== "");
  return {
    tabel21: { title: titleOf(t21, t21Head), body: seedGrid(t21Head, t21End) },
    tabel23: { title: titleOf(t23, t23Head), body: seedGrid(t23Head, t23End) },
    tabel33: { title: titleOf(t33, t33Head), body: seedGrid(t33Head, t33End) },
    tabel7: { title: titleOf(t7, t7Head), body: seedGrid(t7Head, t7End), narrative: seedLines()[narrativeLine - 1].trim() },
  };
}
