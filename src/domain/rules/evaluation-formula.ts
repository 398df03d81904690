/**
 * evaluation-formula: Tabel 2.1's computed columns must follow their formulas (DOMAIN.md §2), for the columns the
 * table actually has.
 *   86/2017 form: 12 = 8+9+10+11 (Rp), 13 = 6+12 (Rp), 14 = 13/5 × 100% (K and Rp).
 *   T-C.29 form: 8 = 7/6 × 100%, 10 = 5+7+9, 11 = 10/4 × 100%.
 *
 * Choices:
 * - Sums are checked on money (Rp) columns exactly; kinerja (K) sums only in the T-C.29 form, whose columns are
 *   kinerja by definition. In the 86/2017 form a K sum adds percentages of different bases (realisation so far of
 *   the Renstra target plus a year's realisation), which offices do not compute, so it is not held against them.
 * - Percentages are compared to the precision they are written with ("63,80%" ±0.005, "64%" ±0.5).
 * - A row whose operands or result cannot be read (text, a shifted cell, a K cell "-") is not evaluated.
 * - Kinerja follows the indicator's kind (evaluation/indicatorKind.ts): the capaian of a lower-is-better
 *   indicator is target / realisasi, and a kinerja sum of a percentage or rate indicator is its latest value.
 * - When most evaluated rows deviate (at least 3, more than half), the column does not follow the formula: one
 *   finding on the column's header cell, the deviating cells in `related`. Otherwise one finding per cell.
 */
import Decimal from "decimal.js";
import type { Finding, Severity } from "../findings";
import { accumulates, latestOf, rowIndicatorKind } from "../evaluation/indicatorKind";
import type { ColumnRole, IndicatorKind, MappedRow, MappedTable, MappedWorkbook } from "../mapping/types";
import type { AmountReading } from "../numbers";
import { parsePercent, parseTarget, plainDecimal, readAmount } from "../numbers";
import type { Cell, SheetSnapshot } from "../sheet/snapshot";
import { a1, cellAt, cellText, columnLetter } from "../sheet/snapshot";
import { shownValue } from "../analysis/amounts";
import { severityFor } from "../analysis/describe";
import { sheetOf } from "../analysis/moneyCells";
import type { Rule, RuleMeta, RuleOptions } from "./types";
import { cell as cellRef, count, formula as formulaValue, money, msg, nested, percent, text, type MessageRef } from "../messages";

const meta: RuleMeta = {
  id: "evaluation-formula",
  severity: "error",
  description: msg("rule.description.evaluation-formula", {}),
};

type Unit = "money" | "kinerja";

interface Formula {
  result: ColumnRole;
  kind: "sum" | "ratio";
  /** sum: the addends; ratio: [numerator, denominator]. */
  operands: ColumnRole[];
  unit: Unit;
  /** The formula in the form's column numbers: "13 = 6 + 12". */
  canonical: string;
}

/** Every formula of both forms; a formula applies when the table has its result and all its operands. */
const FORMULAS: Formula[] = [
  { result: "realisasiRenjaRp", kind: "sum", operands: ["tw1Rp", "tw2Rp", "tw3Rp", "tw4Rp"], unit: "money", canonical: "12 = 8 + 9 + 10 + 11" },
  { result: "realisasiAkhirRp", kind: "sum", operands: ["realisasiLaluRp", "realisasiRenjaRp"], unit: "money", canonical: "13 = 6 + 12" },
  { result: "tingkatCapaianRp", kind: "ratio", operands: ["realisasiAkhirRp", "renstraRp"], unit: "money", canonical: "14 = 13 / 5 × 100%" },
  { result: "tingkatCapaianK", kind: "ratio", operands: ["realisasiAkhirK", "renstraK"], unit: "kinerja", canonical: "14 = 13 / 5 × 100%" },
  { result: "tingkatRealisasiN2", kind: "ratio", operands: ["realisasiN2", "targetN2"], unit: "kinerja", canonical: "8 = 7 / 6 × 100%" },
  { result: "realisasiSdN1", kind: "sum", operands: ["realisasiN3", "realisasiN2", "targetN1Renja"], unit: "kinerja", canonical: "10 = 5 + 7 + 9" },
  { result: "tingkatCapaianK", kind: "ratio", operands: ["realisasiSdN1", "renstraK"], unit: "kinerja", canonical: "11 = 10 / 4 × 100%" },
];

export const rule: Rule = {
  meta,
  check(workbook: MappedWorkbook, options: RuleOptions): Finding[] {
    const severity = severityFor(meta, options);
    const findings: Finding[] = [];
    for (const table of workbook.tables.filter((t) => t.kind === "tabel-2.1")) {
      const sheet = sheetOf(workbook, table);
      if (!sheet) continue;
      const done = new Set<ColumnRole>();
      const recomputed: Recomputed = new Map();
      for (const f of FORMULAS) {
        if (done.has(f.result) || !applies(table, f)) continue;
        done.add(f.result);
        findings.push(...checkFormula(sheet, table, f, severity, recomputed));
      }
    }
    return findings;
  },
};

function applies(table: MappedTable, f: Formula): boolean {
  return [f.result, ...f.operands].every((r) => table.columns[r] !== undefined);
}

const EVALUATED_LEVELS = new Set<MappedRow["level"]>(["program", "kegiatan", "subKegiatan", "total"]);

/**
 * What an earlier formula computed where the sheet deviates ("role@row" -> value): a percentage that follows
 * the corrected amount is right, and is not reported a second time.
 */
type Recomputed = Map<string, Decimal>;

interface Deviation {
  row: number;
  cell: string;
  stated: Decimal;
  computed: Decimal;
}

function checkFormula(sheet: SheetSnapshot, table: MappedTable, f: Formula, severity: Severity, recomputed: Recomputed): Finding[] {
  const headerCol = table.columns[f.result] as number; // applies() checked every role of the formula has a column
  let evaluated = 0;
  const deviations: Deviation[] = [];
  for (const row of table.rows) {
    if (!EVALUATED_LEVELS.has(row.level)) continue;
    const computed = compute(sheet, table, row, f);
    if (!computed) continue;
    const alternative = compute(sheet, table, row, f, recomputed);
    const resultCol = headerCol + (row.columnShift ?? 0);
    const cell = cellAt(sheet, row.row, resultCol);
    const checkOf = (value: Decimal) => (f.kind === "sum" && f.unit === "money" ? checkAmount(cell, value) : checkNumber(cell, value, f));
    const check = checkOf(computed);
    if (!check) continue;
    evaluated++;
    if (check.ok || (alternative && !alternative.eq(computed) && checkOf(alternative)?.ok)) continue;
    deviations.push({ row: row.row, cell: a1(row.row, resultCol), stated: check.stated, computed });
    recomputed.set(`${f.result}@${row.row}`, computed);
  }
  if (deviations.length === 0) return [];
  const letters = formulaLetters(table, f);
  const formulaText = msg("evaluation.formula", { formula: formulaValue(f.canonical), columns: text(letters) });
  if (evaluated >= 3 && deviations.length * 2 > evaluated) {
    return [columnFinding(table, f, headerCol, evaluated, deviations, formulaText, severity)];
  }
  return deviations.map((d) => cellFinding(table, f, d, formulaText, severity));
}

/** The formula with the table's own column letters: "N = H + L". */
function formulaLetters(table: MappedTable, f: Formula): string {
  const l = (r: ColumnRole) => columnLetter(table.columns[r] as number); // applies() checked the columns exist
  const [first, second] = f.operands;
  if (f.kind === "ratio") return `${l(f.result)} = ${l(first)} / ${l(second)} × 100%`;
  return `${l(f.result)} = ${f.operands.map(l).join(" + ")}`;
}

/**
 * The formula's value for a row, or undefined when an operand cannot be read; with `recomputed`, operands that an
 * earlier formula found wrong are taken at their computed value.
 */
function compute(sheet: SheetSnapshot, table: MappedTable, row: MappedRow, f: Formula, recomputed?: Recomputed): Decimal | undefined {
  const values: Array<Decimal | undefined> = [];
  const kind = f.unit === "kinerja" ? kindOfRow(sheet, table, row) : "higher";
  for (const role of f.operands) {
    const corrected = recomputed?.get(`${role}@${row.row}`);
    if (corrected) {
      values.push(corrected);
      continue;
    }
    const cell = cellAt(sheet, row.row, table.columns[role] as number + (row.columnShift ?? 0)); // applies() checked the columns exist
    const v = f.unit === "money" ? moneyValue(readAmount(cell)) : kinerjaValue(cell);
    // the latest of a percentage's or a rate's figures is enough; a sum needs every addend
    if (v === undefined && !(f.kind === "sum" && !accumulates(kind))) return undefined;
    values.push(v);
  }
  if (f.kind === "sum" && !accumulates(kind)) return latestOf(values);
  if (values.some((v) => v === undefined)) return undefined;
  const known = values as Decimal[];
  if (f.kind === "sum") return known.reduce((a, b) => a.plus(b), new Decimal(0));
  const [numerator, denominator] = kind === "lower" ? [known[1], known[0]] : known;
  if (denominator.isZero()) return undefined;
  return numerator.dividedBy(denominator).times(100);
}

/** How the row's indicator is judged: the user's choice, else its wording. */
function kindOfRow(sheet: SheetSnapshot, table: MappedTable, row: MappedRow): IndicatorKind {
  return rowIndicatorKind(table, row, (role) => {
    const col = table.columns[role];
    return col === undefined ? null : cellText(cellAt(sheet, row.row, col + (row.columnShift ?? 0)));
  });
}

function moneyValue(r: AmountReading): Decimal | undefined {
  if (r.status === "not-amount") return undefined;
  return shownValue(r) ?? undefined;
}

/** A kinerja figure: "75%", "12,22%", "5", "13 Desa/Kelurahan"; "-" and empty are unknown, not zero. */
function kinerjaValue(cell: Cell | undefined): Decimal | undefined {
  if (cell && typeof cell.value === "number" && !cell.error) return new Decimal(cell.value);
  const text = cellText(cell);
  if (text === "" || text === "-") return undefined;
  return parseTarget(text).value ?? undefined;
}

/** A Rupiah result must equal the sum exactly (any plausible reading of a slip counts). */
function checkAmount(cell: Cell | undefined, computed: Decimal): { ok: boolean; stated: Decimal } | undefined {
  const r = readAmount(cell);
  if (r.status === "not-amount") return undefined;
  const stated = shownValue(r);
  if (stated === null) return undefined;
  const ok = (r.value !== null && r.value.eq(computed)) || r.candidates.some((c) => c.eq(computed));
  return { ok, stated };
}

/** A percentage or kinerja result, within the precision it is written with. */
function checkNumber(cell: Cell | undefined, computed: Decimal, f: Formula): { ok: boolean; stated: Decimal } | undefined {
  if (!cell || cell.error || cell.value === null) return undefined;
  if (typeof cell.value === "number") {
    // a percent-formatted number cell holds the fraction (0.6380 shown as 63,80%)
    const isPercentFormat = f.kind === "ratio" && /%/.test(cell.numFmt ?? "");
    const stated = new Decimal(cell.value).times(isPercentFormat ? 100 : 1);
    const decimals = isPercentFormat ? percentDecimals(cell.numFmt ?? "") : 2;
    return { ok: stated.minus(computed).abs().lte(tolerance(decimals)), stated };
  }
  const text = cellText(cell);
  if (text === "" || text === "-") return undefined;
  const stated = f.kind === "ratio" ? parsePercent(text) : parseTarget(text).value;
  if (stated === null) return undefined;
  const written = /[.,](\d+)\s*%?\s*$/.exec(text);
  const decimals = written ? written[1].length : 0;
  return { ok: stated.minus(computed).abs().lte(tolerance(decimals)), stated };
}

function percentDecimals(numFmt: string): number {
  const m = /0[.,](0+)%/.exec(numFmt);
  return m ? m[1].length : 0;
}

function tolerance(decimals: number): Decimal {
  return new Decimal(10).pow(-decimals).times(0.5).plus(1e-9);
}

function shown(f: Formula, d: Decimal): ReturnType<typeof nested> {
  if (f.unit === "money" && f.kind === "sum") return nested(msg("value.rupiah", { amount: money(d) }));
  return nested(f.kind === "ratio" ? msg("value.percent", { amount: percent(d, 2) }) : msg("value.number", { amount: money(d.toDecimalPlaces(2)) }));
}

function cellFinding(table: MappedTable, f: Formula, d: Deviation, formula: MessageRef, severity: Severity): Finding {
  const exact = f.unit === "money" && f.kind === "sum";
  return {
    rule: meta.id,
    severity,
    sheet: table.sheet,
    cell: d.cell,
    row: d.row,
    role: f.result,
    expected: plainDecimal(exact ? d.computed : d.computed.toDecimalPlaces(4)),
    actual: plainDecimal(d.stated),
    message: msg("evaluation.cell", { stated: shown(f, d.stated), formula: nested(formula), computed: shown(f, d.computed) }),
    ...(exact ? { suggestion: { value: plainDecimal(d.computed), reason: msg("evaluation.reason", { formula: formulaValue(f.canonical) }) } } : {}),
  };
}

function columnFinding(
  table: MappedTable, f: Formula, col: number, evaluated: number, deviations: Deviation[], formula: MessageRef, severity: Severity,
): Finding {
  const headerRow = Math.max(...table.headerRows);
  const first = deviations[0];
  return {
    rule: meta.id,
    severity,
    sheet: table.sheet,
    cell: a1(headerRow, col),
    row: headerRow,
    role: f.result,
    message: msg("evaluation.column", {
      col: text(columnLetter(col)),
      formula: nested(formula),
      deviations: count(deviations.length),
      evaluated: count(evaluated),
      cell: cellRef(first.cell),
      stated: shown(f, first.stated),
      computed: shown(f, first.computed),
    }),
    related: deviations.map((d) => d.cell),
  };
}
