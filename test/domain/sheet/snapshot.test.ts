import { a1, cellText, columnIndex, columnLetter, numberToPlainString, parseA1, rowNumbers, snapshotFromGrid, sortedRowNumbers, textAt } from "../../../src/domain/sheet/snapshot";
import type { Cell, SheetSnapshot } from "../../../src/domain/sheet/snapshot";

describe("snapshot", () => {
  it("lists row numbers in order, for dense and sparse sheets, and again after rows are added", () => {
    const rows = new Map<number, Map<number, Cell>>();
    // inserted out of order: the Map's order is not the rows' order
    for (const r of [300, 5, 120, ...Array.from({ length: 100 }, (_, i) => 200 - i)]) rows.set(r, new Map([[1, { value: r }]]));
    const sheet: SheetSnapshot = { id: "s", name: "S", visible: true, rows, maxRow: 300, maxCol: 1, merges: [] };
    const expected = [...rows.keys()].sort((a, b) => a - b);
    expect(sortedRowNumbers(sheet)).toEqual(expected);
    expect(rowNumbers(sheet)).toEqual(expected);
    rows.set(1_000_000, new Map([[1, { value: 1 }]]));
    rows.set(2, new Map([[1, { value: 2 }]]));
    expect(sortedRowNumbers(sheet)).toEqual([...rows.keys()].sort((a, b) => a - b));
    // a copy: changing it leaves the shared list alone
    rowNumbers(sheet).pop();
    expect(sortedRowNumbers(sheet)[sortedRowNumbers(sheet).length - 1]).toBe(1_000_000);
  });
  it("converts column letters both ways", () => {
    for (const [n, s] of [[1, "A"], [26, "Z"], [27, "AA"], [52, "AZ"], [703, "AAA"], [16384, "XFD"]] as const) {
      expect(columnLetter(n)).toBe(s);
      expect(columnIndex(s)).toBe(n);
    }
    expect(a1(12, 6)).toBe("F12");
    expect(parseA1("$F$12")).toEqual({ row: 12, col: 6 });
    expect(parseA1("F12:G13")).toBeUndefined();
  });
  it("keeps only non-empty cells and the real extent", () => {
    const s = snapshotFromGrid("S", [[null, "  "], [], [null, null, 5]]);
    expect(s.maxRow).toBe(3);
    expect(s.maxCol).toBe(3);
    expect([...s.rows.keys()]).toEqual([3]);
    expect(textAt(s, 3, 3)).toBe("5");
  });
  it("writes numbers without exponents", () => {
    expect(numberToPlainString(1e21)).toBe("1000000000000000000000");
    expect(numberToPlainString(4765.5)).toBe("4765.5");
    expect(cellText({ value: null, error: "#REF!" })).toBe("#REF!");
  });
});
