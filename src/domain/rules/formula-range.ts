/**
 * formula-range: a parent cell whose SUM formula adds other cells than exactly its children (one missing,
 * a non-child or the parent itself included, a child counted twice, another column, another sheet). Blank
 * cells between the children (page-break rows) may be covered. Formulas that are not plain sums are left alone.
 * expected = the correct formula, actual = the formula as written (both without "=", as Cell.formula holds them);
 * the suggestion is the correct formula.
 */
import type { Finding } from "../findings";
import { columnOf } from "../mapping/tree";
import type { Level, MappedRow } from "../mapping/types";
import { a1, cellAt, type SheetSnapshot } from "../sheet/snapshot";
import type { Rule } from "./types";
import { listCells, moneyColumnLabel, rowName, severityFor } from "./support/describe";
import { familyOf } from "./support/family";
import { moneyColumns, sheetOf } from "./support/moneyCells";
import { sumFormulaFor, sumReferences, type CellRef } from "./support/sumFormula";

export const rule: Rule = {
  meta: {
    id: "formula-range",
    severity: "error",
    description: {
      id: "Rumus SUM pada baris induk menjumlahkan sel selain rinciannya sendiri.",
      en: "A parent's SUM formula adds other cells than its own children.",
    },
  },
  check(workbook, options) {
    const findings: Finding[] = [];
    for (const table of workbook.tables) {
      const sheet = sheetOf(workbook, table);
      if (!sheet) continue;
      const family = familyOf(table);
      const levelByRow = new Map<number, Level>(table.rows.map((r) => [r.row, r.level]));
      const parents = family.totalRow ? [...family.parentsBottomUp, family.totalRow] : family.parentsBottomUp;
      for (const { role, col } of moneyColumns(table)) {
        for (const parent of parents) {
          const children = family.childrenOf(parent);
          if (children.length === 0) continue;
          const at = (row: MappedRow): CellRef => ({ row: row.row, col: columnOf(table, row, role) ?? col });
          const parentCell = at(parent);
          const formula = cellAt(sheet, parentCell.row, parentCell.col)?.formula;
          if (!formula) continue;
          const childCells = children.map(at);
          const problem = rangeProblem(sheet, formula, parentCell, childCells, levelByRow);
          if (!problem) continue;
          const expected = sumFormulaFor(childCells, (r) => !holdsSomething(sheet, r, col, levelByRow));
          const column = moneyColumnLabel(table, role, col);
          const who = rowName(parent);
          findings.push({
            rule: rule.meta.id,
            severity: severityFor(rule.meta, options),
            sheet: table.sheet,
            cell: a1(parentCell.row, parentCell.col),
            row: parent.row,
            role,
            expected,
            actual: formula,
            message: {
              id: `Rumus ${column.id} ${who.id} =${formula} ${problem.id}; seharusnya =${expected}.`,
              en: `The formula of ${column.en} of ${who.en} =${formula} ${problem.en}; it should be =${expected}.`,
            },
            suggestion: { value: expected, reason: "menjumlahkan tepat semua rincian langsungnya" },
            related: childCells.map((c) => a1(c.row, c.col)),
          });
        }
      }
    }
    return findings;
  },
};

/** What is wrong with the cells a parent formula sums, or undefined when it sums exactly its children. */
function rangeProblem(
  sheet: SheetSnapshot,
  formula: string,
  parent: CellRef,
  children: CellRef[],
  levelByRow: Map<number, Level>,
): { id: string; en: string } | undefined {
  const refs = sumReferences(formula);
  if (!refs) return undefined;
  const childKeys = children.map((c) => a1(c.row, c.col));
  const isChild = new Set(childKeys);
  const counts = new Map<string, number>();
  const extra: string[] = [];
  for (const ref of refs.cells) {
    const key = a1(ref.row, ref.col);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const isParent = ref.row === parent.row && ref.col === parent.col;
    if (!isChild.has(key) && (isParent || holdsSomething(sheet, ref.row, ref.col, levelByRow)) && !extra.includes(key)) extra.push(key);
  }
  extra.push(...refs.foreign);
  const missing = childKeys.filter((key) => !counts.has(key));
  const twice = childKeys.filter((key) => (counts.get(key) ?? 0) > 1);
  if (missing.length === 0 && extra.length === 0 && twice.length === 0) return undefined;
  const parts: Array<{ id: string; en: string }> = [];
  if (missing.length) parts.push({ id: `tidak menjumlahkan ${listCells(missing).id}`, en: `leaves out ${listCells(missing).en}` });
  if (extra.length) parts.push({ id: `ikut menjumlahkan ${listCells(extra).id} yang bukan rinciannya`, en: `also adds ${listCells(extra).en}, which are not its children` });
  if (twice.length) parts.push({ id: `menjumlahkan ${listCells(twice).id} dua kali`, en: `adds ${listCells(twice).en} twice` });
  return { id: parts.map((p) => p.id).join(", "), en: parts.map((p) => p.en).join(", ") };
}

/**
 * Whether a cell would change a sum that covers it: it is a cell of a plan row (empty today, filled tomorrow),
 * or it holds a number, a formula or an error. Blank page-break rows, and text (a repeated header), which SUM
 * skips, are harmless.
 */
function holdsSomething(sheet: SheetSnapshot, row: number, col: number, levelByRow: Map<number, Level>): boolean {
  const level = levelByRow.get(row);
  if (level !== undefined && level !== "other") return true;
  const cell = cellAt(sheet, row, col);
  return cell !== undefined && (cell.formula !== undefined || cell.error !== undefined || typeof cell.value === "number");
}
