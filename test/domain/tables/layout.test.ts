import { sumReferences } from "../../../src/domain/analysis/sumFormula";
import { contentCell } from "../../../src/domain/tables/layout";
import { sumFormulaWithinLimits } from "../../../src/domain/tables/layout";

describe("SUM formulas within Excel's limits", () => {
  const column = (rows: number[]) => rows.map((row) => ({ row, col: 6 }));

  it("is a range for contiguous children and a list otherwise", () => {
    expect(sumFormulaWithinLimits(column([10, 11, 12]))).toBe("SUM(F10:F12)");
    expect(sumFormulaWithinLimits(column([8, 42, 45]))).toBe("SUM(F8,F42,F45)");
  });

  it("splits more than 255 cells into SUM(…)+SUM(…) that still adds exactly those cells", () => {
    const rows = Array.from({ length: 600 }, (_, i) => 8 + i * 3);
    const formula = sumFormulaWithinLimits(column(rows));
    expect(formula?.split("+")).toHaveLength(3);
    for (const part of formula?.split("+") ?? []) expect(part.split(",").length).toBeLessThanOrEqual(255);
    expect(sumReferences(formula ?? "")?.cells.map((c) => c.row)).toEqual(rows);
  });

  it("gives up (the caller writes the value) beyond Excel's formula length", () => {
    const rows = Array.from({ length: 2000 }, (_, i) => 100000 + i * 3);
    expect(sumFormulaWithinLimits(column(rows))).toBeUndefined();
  });
});

describe("cells with the user's content", () => {
  it.each(["=SUM(A1)", "+62", "-", "-2 dokumen", "@x", " =x"])("%j is text with the Text format", (text) => {
    expect(contentCell(1, 1, text, {})).toEqual({ row: 1, col: 1, value: text, numFmt: "@", style: {} });
  });

  it.each([["2 dokumen"], [100], [null]])("%j keeps its type and format", (value) => {
    expect(contentCell(1, 1, value, {})).toEqual({ row: 1, col: 1, value, style: {} });
  });
});
