import { rowByNumber } from "../../../src/domain/mapping/tree";
import type { MappedRow, MappedTable } from "../../../src/domain/mapping/types";

function tableOf(rows: MappedRow[]): MappedTable {
  return { rows } as unknown as MappedTable;
}

const row = (n: number): MappedRow => ({ row: n, level: "subKegiatan", uraian: `Sub kegiatan ${n}`, confidence: 0.9 });

describe("rowByNumber", () => {
  it("finds rows of a large table by number, and none that it does not hold", () => {
    const t = tableOf(Array.from({ length: 500 }, (_, i) => row(10 + 2 * i)));
    expect(rowByNumber(t, 10)?.uraian).toBe("Sub kegiatan 10");
    expect(rowByNumber(t, 1008)?.uraian).toBe("Sub kegiatan 1008");
    expect(rowByNumber(t, 11)).toBeUndefined();
    expect(rowByNumber(t, 5000)).toBeUndefined();
  });
  it("answers for the rows as they are after an edit, not as they were indexed", () => {
    const rows = Array.from({ length: 200 }, (_, i) => row(i + 1));
    const t = tableOf(rows);
    expect(rowByNumber(t, 50)?.uraian).toBe("Sub kegiatan 50");
    // same length, other rows: the old positions no longer hold these numbers
    rows[49] = row(1050);
    rows[0] = row(50);
    expect(rowByNumber(t, 50)).toBe(rows[0]);
    expect(rowByNumber(t, 1050)).toBe(rows[49]);
    rows.push(row(7000));
    expect(rowByNumber(t, 7000)).toBe(rows[200]);
  });
});
