/**
 * namesExactly reads the usual SUM(F6:F9) / SUM(F6,F8,F9) straight from the text: it must say true only where the
 * full reading (sumReferences) names exactly the children in their order, and it must say true for the usual forms.
 */
import { namesExactly, sumReferences, type CellRef } from "../../../src/domain/analysis/sumFormula";

/** What the full reading says: the formula's cells on this sheet are the children, in order, and nothing else. */
function referenceAnswer(formula: string, children: CellRef[]): boolean {
  const refs = sumReferences(formula);
  if (!refs || refs.foreign.length > 0 || refs.cells.length !== children.length) return false;
  return refs.cells.every((c, i) => c.row === children[i].row && c.col === children[i].col);
}

const column = (col: number, ...rows: number[]): CellRef[] => rows.map((row) => ({ row, col }));

describe("namesExactly", () => {
  it("says true for the usual forms that name exactly the children", () => {
    const usual: Array<[string, CellRef[]]> = [
      ["SUM(F6:F9)", column(6, 6, 7, 8, 9)],
      ["SUM($F$6:$F$9)", column(6, 6, 7, 8, 9)],
      ["SUM(F6,F8,F9)", column(6, 6, 8, 9)],
      ["SUM(F6:F7,F9)", column(6, 6, 7, 9)],
      ["SUM(F9:F6)", column(6, 6, 7, 8, 9)],
      ["SUM(AB100:AB101)", column(28, 100, 101)],
      ["SUM(F6)", column(6, 6)],
    ];
    for (const [formula, children] of usual) {
      expect([formula, namesExactly(formula, children)]).toEqual([formula, true]);
      expect([formula, referenceAnswer(formula, children)]).toEqual([formula, true]);
    }
  });

  it("never says true where the full reading does not", () => {
    const kids = column(6, 6, 7, 8, 9);
    const formulas = [
      "SUM(F6:F8)",
      "SUM(F6:F10)",
      "SUM(F6,F7,F9)",
      "SUM(F6:F9,F6)",
      "SUM(F6:G9)",
      "SUM(E6:E9)",
      "SUM(F6:F9)+F10",
      "SUM(Sheet2!F6:F9)",
      "SUM(F6:F9",
      "SUM()",
      "SUM(F:F)",
      "SUM(6:9)",
      "SUM(ABCD6:ABCD9)",
      "SUM(F12345678)",
      "F6+F7+F8+F9",
      "sum(f6:f9)",
      "SUM(F6:F9 )",
      "SUBTOTAL(9,F6:F9)",
      "SUM(F7:F9,F6)",
    ];
    for (const formula of formulas) {
      if (namesExactly(formula, kids)) expect([formula, referenceAnswer(formula, kids)]).toEqual([formula, true]);
    }
    // the reordered one names the same cells in another order: not the usual case
    expect(namesExactly("SUM(F7:F9,F6)", kids)).toBe(false);
    expect(namesExactly("SUM(F6:F8)", kids)).toBe(false);
    expect(namesExactly("SUM(F6:F9)+F10", kids)).toBe(false);
  });

  it("agrees with the full reading on generated formulas wherever it says true", () => {
    const parts = ["SUM(", "F", "$", "G", "6", "7", "9", "1", ":", ",", ")", "+", "!", " "];
    let seed = 7;
    const pick = () => parts[((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % parts.length];
    const childSets = [column(6, 6, 7), column(6, 6, 7, 9), column(6, 7), column(7, 6, 7), column(6, 6)];
    const wrong: string[] = [];
    let trues = 0;
    for (let n = 0; n < 20_000; n++) {
      let formula = "SUM(";
      const len = 2 + (n % 8);
      for (let k = 0; k < len; k++) formula += pick();
      formula += ")";
      for (const kids of childSets) {
        if (!namesExactly(formula, kids)) continue;
        trues++;
        if (!referenceAnswer(formula, kids)) wrong.push(formula);
      }
    }
    expect(wrong).toEqual([]);
    expect(trues).toBeGreaterThan(0);
  });
});
