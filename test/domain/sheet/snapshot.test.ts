import { a1, cellText, columnIndex, columnLetter, numberToPlainString, parseA1, snapshotFromGrid, textAt } from "../../../src/domain/sheet/snapshot";

describe("snapshot", () => {
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
