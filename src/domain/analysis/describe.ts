/** Words the arithmetic rules' messages share: what a money column is, what a row is, signed amounts. */
import type Decimal from "decimal.js";
import type { Message, Severity } from "../findings";
import type { ColumnRole, Level, MappedRow, MappedTable } from "../mapping/types";
import { formatRupiah } from "../numbers";
import { columnLetter } from "../sheet/snapshot";
import type { RuleMeta, RuleOptions } from "../rules/types";

/** "pagu tahun 2025" / "the 2025 budget" for a plan column; "kolom F" / "column F" for any other. */
export function moneyColumnLabel(table: MappedTable, role: ColumnRole, col: number): Message {
  const year = table.year;
  switch (role) {
    case "paguN":
      if (table.kind === "tabel-2.3") return { id: "Kebutuhan Dana", en: "the funding need (Kebutuhan Dana)" };
      return year ? { id: `pagu tahun ${year}`, en: `the ${year} budget` } : { id: "pagu tahun N", en: "the year-N budget" };
    case "paguN1":
      return year
        ? { id: `pagu prakiraan maju ${year + 1}`, en: `the ${year + 1} forward estimate` }
        : { id: "pagu prakiraan maju N+1", en: "the N+1 forward estimate" };
    case "rkpdPagu":
      return { id: "pagu Rancangan Awal RKPD", en: "the RKPD draft budget" };
    default:
      return { id: `kolom ${columnLetter(col)}`, en: `column ${columnLetter(col)}` };
  }
}

const LEVEL_NAMES: Partial<Record<Level, Message>> = {
  urusan: { id: "urusan", en: "urusan" },
  bidang: { id: "bidang urusan", en: "bidang" },
  program: { id: "program", en: "program" },
  kegiatan: { id: "kegiatan", en: "kegiatan" },
  subKegiatan: { id: "sub kegiatan", en: "sub kegiatan" },
  total: { id: "baris total", en: "total row" },
};

export function levelName(level: Level): Message {
  return LEVEL_NAMES[level] ?? { id: "baris", en: "row" };
}

/** `program «PROGRAM PENUNJANG …»`, the name cut short so a message stays readable. */
export function rowName(row: MappedRow): Message {
  const level = levelName(row.level);
  if (row.level === "total") return level;
  const name = shorten(row.uraian);
  return name ? { id: `${level.id} «${name}»`, en: `${level.en} “${name}”` } : level;
}

export function shorten(text: string, max = 70): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : flat.slice(0, max - 1).trimEnd() + "…";
}

/** "+28.633.000" / "-5.000": a difference with its sign, written the Indonesian way. */
export function signedRupiah(d: Decimal): string {
  return (d.isPositive() && !d.isZero() ? "+" : "") + formatRupiah(d);
}

/** The severity of a rule's regular findings: the user's override, else the rule's default. */
export function severityFor(meta: RuleMeta, options: RuleOptions): Severity {
  return options.severity?.[meta.id] ?? meta.severity;
}

/** "F6, F7 dan F9" / "F6, F7 and F9". */
export function listCells(cells: string[]): Message {
  if (cells.length <= 1) return { id: cells.join(""), en: cells.join("") };
  const head = cells.slice(0, -1).join(", ");
  const last = cells[cells.length - 1];
  return { id: `${head} dan ${last}`, en: `${head} and ${last}` };
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
