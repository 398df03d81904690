/**
 * count-mismatch: a narrative cell that states counts of programs, kegiatan and sub kegiatan and/or a pagu total
 * ("merencanakan 5 program dan 15 kegiatan dan 37 sub kegiatan dengan pagu indikatif Rp. 4.990.894.675,-") must
 * agree with the table it introduces.
 *
 * Choices:
 * - The table a narrative introduces is the nearest table starting below it on the same sheet; failing that, the
 *   only table of its sheet. A narrative with neither is not checked.
 * - One finding per narrative cell (DESIGN.md: one finding per cell and rule), its message listing every wrong
 *   statement; `expected`/`actual` are set when exactly one statement is wrong.
 * - The table's total is its stated total row (pagu N; Tabel 2.1: Target Renja Rp); a stated amount equal to the
 *   sum of the program rows is accepted too, since a wrong total row is total-mismatch's finding.
 */
import Decimal from "decimal.js";
import type { Finding } from "../findings";
import { sheetRef } from "../findings";
import type { ColumnRole, MappedTable, MappedWorkbook, NarrativeCell } from "../mapping/types";
import { countLevels } from "../mapping/tree";
import { plainDecimal } from "../numbers";
import { a1 } from "../sheet/snapshot";
import { amountsAgree, roleAmount, shownValue, statedTotal } from "../analysis/amounts";
import type { CountedLevel, StatedCount } from "../analysis/narrativeStatements";
import { firstRow, introducedTable, readStatements } from "../analysis/narrativeStatements";
import { severityFor } from "../analysis/describe";
import { sheetOf } from "../analysis/moneyCells";
import type { Rule, RuleMeta, RuleOptions } from "./types";
import { count, list, money, msg, text, type MessageRef } from "../messages";

const meta: RuleMeta = {
  id: "count-mismatch",
  severity: "error",
  description: msg("rule.description.count-mismatch", {}),
};

export const rule: Rule = {
  meta,
  check(workbook: MappedWorkbook, options: RuleOptions): Finding[] {
    const findings: Finding[] = [];
    for (const narrative of workbook.narratives) {
      const table = introducedTable(workbook, narrative);
      if (!table) continue;
      const f = checkNarrative(workbook, narrative, table, options);
      if (f) findings.push(f);
    }
    return findings;
  },
};

const TABLE_NAME: Record<MappedTable["kind"], string> = {
  "tabel-3.3": "Tabel 3.3",
  "tabel-7": "Tabel 7",
  "tabel-2.1": "Tabel 2.1",
  "tabel-2.3": "Tabel 2.3",
  "tabel-perubahan": "Tabel Perubahan",
};

const LEVEL_COUNT: Record<CountedLevel, "count.program" | "count.kegiatan" | "count.subKegiatan"> = {
  program: "count.program",
  kegiatan: "count.kegiatan",
  subKegiatan: "count.subKegiatan",
};

function budgetRole(t: MappedTable): ColumnRole {
  return t.kind === "tabel-2.1" ? "targetRenjaRp" : "paguN";
}

interface Wrong {
  stated: MessageRef;
  actual: MessageRef;
  /** A count ("5 program") or the pagu total. */
  kind: "count" | "money";
  expected: string;
  actualValue: string;
  related?: string;
}

function checkNarrative(workbook: MappedWorkbook, n: NarrativeCell, table: MappedTable, options: RuleOptions): Finding | undefined {
  const statements = readStatements(n.text);
  if (statements.counts.length === 0 && !statements.total) return undefined;
  const wrong: Wrong[] = [];
  const counts = countLevels(table);
  for (const c of statements.counts) {
    const has = counts[c.level];
    if (has !== c.count) wrong.push(countWrong(c, has));
  }
  const sheet = sheetOf(workbook, table);
  if (statements.total && sheet) {
    const role = budgetRole(table);
    const total = statedTotal(sheet, table, role);
    const sum = programSum(workbook, table, role);
    const reading = statements.total.reading;
    const agreesWithTotal = total ? amountsAgree(reading, total.reading) : undefined;
    const agreesWithSum = sum ? reading.value?.eq(sum) || reading.candidates.some((c) => c.eq(sum)) : undefined;
    const tableTotal = (total && shownValue(total.reading)) ?? sum;
    const stated = shownValue(reading);
    if (agreesWithTotal !== true && !agreesWithSum && tableTotal && stated) {
      const where = total ? (table.sheet === n.sheet ? total.cell : sheetRef(table.sheet, total.cell)) : undefined;
      wrong.push({
        stated: msg("count.statedPagu", { amount: money(stated) }),
        actual: msg("count.tableTotal", { amount: money(tableTotal) }),
        kind: "money",
        expected: plainDecimal(tableTotal),
        actualValue: plainDecimal(stated),
        related: where,
      });
    }
  }
  if (wrong.length === 0) return undefined;
  const name = TABLE_NAME[table.kind];
  const related = wrong.map((w) => w.related).filter((r): r is string => r !== undefined);
  const headerCell = a1(firstRow(table), 1);
  return {
    rule: meta.id,
    severity: severityFor(meta, options),
    sheet: n.sheet,
    cell: a1(n.row, n.col),
    row: n.row,
    ...(wrong.length === 1 ? { valueKind: wrong[0].kind, expected: wrong[0].expected, actual: wrong[0].actualValue } : {}),
    message: msg("count.finding", { stated: list(wrong.map((w) => w.stated)), table: text(name), actual: list(wrong.map((w) => w.actual)) }),
    related: [table.sheet === n.sheet ? headerCell : sheetRef(table.sheet, headerCell), ...related],
  };
}

function countWrong(c: StatedCount, has: number): Wrong {
  const key = LEVEL_COUNT[c.level];
  return {
    stated: msg(key, { n: count(c.count) }),
    actual: msg(key, { n: count(has) }),
    kind: "count",
    expected: String(has),
    actualValue: String(c.count),
  };
}

/** Σ of the program rows' amounts (repairs of slips where the reading is one), or undefined without programs. */
function programSum(workbook: MappedWorkbook, table: MappedTable, role: ColumnRole): Decimal | undefined {
  const sheet = sheetOf(workbook, table);
  if (!sheet) return undefined;
  const programs = table.rows.filter((r) => r.level === "program");
  if (programs.length === 0) return undefined;
  let sum = new Decimal(0);
  for (const p of programs) {
    const amount = roleAmount(sheet, table, p, role);
    const value = amount ? shownValue(amount.reading) : null;
    if (value === null) return undefined;
    sum = sum.plus(value);
  }
  return sum;
}
