/**
 * formula-range: a parent cell whose SUM formula adds other cells than exactly its children (one missing,
 * a non-child or the parent itself included, a child counted twice, another column, another sheet). Blank
 * cells between the children (page-break rows) may be covered. Formulas that are not plain sums are left alone.
 * expected = the correct formula, actual = the formula as written (both without "=", as Cell.formula holds them);
 * the suggestion is the correct formula.
 */
import type { Finding } from "../findings";
import type { Level } from "../mapping/types";
import { a1 } from "../sheet/snapshot";
import type { Rule } from "./types";
import { moneyColumnLabel, rowName, severityFor } from "../analysis/describe";
import { analysisOf } from "../analysis";
import { moneyColumns, sheetOf } from "../analysis/moneyCells";
import { holdsSomething, rangeProblem, sumFormulaFor, type CellRef } from "../analysis/sumFormula";
import { formula as formulaValue, msg, nested } from "../messages";

export const rule: Rule = {
  meta: {
    id: "formula-range",
    severity: "error",
    description: msg("rule.description.formula-range", {}),
  },
  check(workbook, options) {
    const findings: Finding[] = [];
    for (const table of workbook.tables) {
      const sheet = sheetOf(workbook, table);
      if (!sheet) continue;
      // Needed only for a formula that does not name exactly the children (rangeProblem asks for it then).
      let levels: Map<number, Level> | undefined;
      const levelByRow = () => (levels ??= new Map<number, Level>(table.rows.map((r) => [r.row, r.level])));
      for (const { role, col } of moneyColumns(table)) {
        // The model's sums are the parents with their children in this column, in the same order (parents bottom
        // up, then the total). A parent it found "derived" sums exactly its children: its formula was judged there.
        const checks = analysisOf(workbook).column(table, role)?.checks ?? [];
        // An indexed loop: an unoptimised for…of (a rule runs once per table) allocates per row.
        for (let ic = 0; ic < checks.length; ic++) {
          const check = checks[ic];
          if (check.parent.derived) continue;
          const parentMoney = check.parent.money;
          const parent = parentMoney.row;
          const formula = parentMoney.cell?.formula;
          if (!formula) continue;
          const parentCell: CellRef = { row: parent.row, col: parentMoney.col };
          const childCells = check.children.map((c): CellRef => ({ row: c.money.row.row, col: c.money.col }));
          const problem = rangeProblem(sheet, formula, parentCell, childCells, levelByRow);
          if (!problem) continue;
          const expected = sumFormulaFor(childCells, (r) => !holdsSomething(sheet, r, col, levelByRow()));
          const column = moneyColumnLabel(table, role, col);
          const who = rowName(parent);
          findings.push({
            rule: rule.meta.id,
            severity: severityFor(rule.meta, options),
            sheet: table.sheet,
            cell: a1(parentCell.row, parentCell.col),
            row: parent.row,
            role,
            valueKind: "formula",
            expected,
            actual: formula,
            message: msg("formulaRange.finding", {
              column: nested(column),
              who: nested(who),
              formula: formulaValue(formula),
              problem: nested(problem),
              expected: formulaValue(expected),
            }),
            suggestion: { value: expected, reason: msg("formulaRange.reason", {}) },
            related: childCells.map((c) => a1(c.row, c.col)),
          });
        }
      }
    }
    return findings;
  },
};
