/**
 * year-mismatch: a year stated in a title or header that disagrees with the plan year N. Each stated year carries
 * its meaning from its wording ("Prakiraan Maju … 2026" means N+1); it must equal N, N+1, N-1 or N-2
 * accordingly. N is the user's (options.year) when set; else the workbook's plan year when its plan tables
 * (Tabel 3.3, Tabel 7) agree on one — so a Tabel 2.3 copied from last year's Renja ("Review Terhadap Rancangan
 * Awal RKPD Tahun 2024" in a 2025 plan) is caught; else the table's own. Years whose meaning is unknown, or a
 * Renstra period, are not judged. One finding per cell, listing every wrong year in it.
 */
import type { Finding } from "../findings";
import type { MappedWorkbook, StatedYear } from "../mapping/types";
import { a1 } from "../sheet/snapshot";
import { severityFor } from "../analysis/describe";
import type { Rule, RuleMeta } from "./types";
import { quoteName } from "./content-support/tableCells";
import { list, msg, nested, text, year, type MessageRef } from "../messages";

const meta: RuleMeta = {
  id: "year-mismatch",
  severity: "error",
  description: msg("rule.description.year-mismatch", {}),
};

const OFFSET: Partial<Record<StatedYear["meaning"], number>> = { N: 0, "N+1": 1, "N-1": -1, "N-2": -2 };

type Meaning = "N" | "N+1" | "N-1" | "N-2";

function meaningOf(meaning: StatedYear["meaning"]): MessageRef {
  // Only the meanings OFFSET names reach here.
  return msg(`year.meaning.${meaning as Meaning}`, {});
}

/** The year N the workbook's plan tables agree on, if they all state the same one. */
function workbookPlanYear(workbook: MappedWorkbook): number | undefined {
  const years = new Set(workbook.tables.filter((t) => t.kind === "tabel-3.3" || t.kind === "tabel-7").map((t) => t.year));
  const [only] = years;
  return years.size === 1 && typeof only === "number" ? only : undefined;
}

export const rule: Rule = {
  meta,
  check(workbook, options) {
    const severity = severityFor(meta, options);
    const findings: Finding[] = [];
    const planYear = workbookPlanYear(workbook);
    for (const table of workbook.tables) {
      const n = options.year ?? planYear ?? table.year;
      if (n === null || n === undefined) continue;
      const wrongByCell = new Map<string, Array<{ stated: StatedYear; expected: number }>>();
      for (const stated of table.statedYears) {
        const offset = OFFSET[stated.meaning];
        if (offset === undefined || stated.year === n + offset) continue;
        const cell = a1(stated.row, stated.col);
        const list = wrongByCell.get(cell) ?? [];
        list.push({ stated, expected: n + offset });
        wrongByCell.set(cell, list);
      }
      for (const [cell, wrong] of wrongByCell) {
        const { stated } = wrong[0];
        const parts = wrong.map((w) => msg("year.part", { stated: year(w.stated.year), meaning: nested(meaningOf(w.stated.meaning)), expected: year(w.expected) }));
        const single = wrong.length === 1;
        findings.push({
          rule: meta.id,
          severity,
          sheet: table.sheet,
          cell,
          row: stated.row,
          valueKind: "year",
          expected: single ? String(wrong[0].expected) : undefined,
          actual: single ? String(wrong[0].stated.year) : undefined,
          suggestion: single
            ? {
                value: String(wrong[0].expected),
                reason: msg("year.reason", { n: year(n), meaning: nested(meaningOf(wrong[0].stated.meaning)), expected: year(wrong[0].expected) }),
              }
            : undefined,
          message: msg("year.finding", { n: year(n), text: text(quoteName(stated.text)), parts: list(parts, ";") }),
        });
      }
    }
    return findings;
  },
};
