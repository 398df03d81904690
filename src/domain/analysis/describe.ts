/** Words the arithmetic rules' messages share: what a money column is, what a row is, as catalogue messages. */
import type { Severity } from "../findings";
import type { ColumnRole, Level, MappedRow, MappedTable } from "../mapping/types";
import { msg, nested, text, year, type MessageRef } from "../messages";
import { columnLetter } from "../sheet/snapshot";
import type { RuleMeta, RuleOptions } from "../rules/types";

/** "pagu tahun 2025" / "the 2025 budget" for a plan column; "kolom F" / "column F" for any other. */
export function moneyColumnLabel(table: MappedTable, role: ColumnRole, col: number): MessageRef {
  const planYear = table.year;
  switch (role) {
    case "paguN":
      if (table.kind === "tabel-2.3") return msg("column.fundingNeed", {});
      return planYear ? msg("column.budget", { year: year(planYear) }) : msg("column.budgetN", {});
    case "paguN1":
      return planYear ? msg("column.forwardEstimate", { year: year(planYear + 1) }) : msg("column.forwardEstimateN1", {});
    case "rkpdPagu":
      return msg("column.rkpdDraft", {});
    default:
      return msg("column.letter", { col: text(columnLetter(col)) });
  }
}

const LEVELS: readonly Level[] = ["urusan", "bidang", "program", "kegiatan", "subKegiatan", "total", "other"];

/** A message for every level, each its own catalogue key ("level.kegiatan", "rowLevel.a.kegiatan"). */
export function messagesByLevel(messageOf: (level: Level) => MessageRef): Record<Level, MessageRef> {
  return Object.fromEntries(LEVELS.map((level) => [level, messageOf(level)])) as Record<Level, MessageRef>;
}

const LEVEL_NAMES = messagesByLevel((level) => msg(`level.${level}`, {}));

export function levelName(level: Level): MessageRef {
  return LEVEL_NAMES[level];
}

/** `program «PROGRAM PENUNJANG …»`, the name cut short so a message stays readable. */
export function rowName(row: MappedRow): MessageRef {
  const level = levelName(row.level);
  if (row.level === "total") return level;
  const name = shorten(row.uraian);
  return name ? msg("level.rowNamed", { level: nested(level), name: text(name) }) : level;
}

export function shorten(text: string, max = 70): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : flat.slice(0, max - 1).trimEnd() + "…";
}

/** The severity of a rule's regular findings: the user's override, else the rule's default. */
export function severityFor(meta: RuleMeta, options: RuleOptions): Severity {
  return options.severity?.[meta.id] ?? meta.severity;
}
