/**
 * H2: more than 512 merged areas. Excel's getMergedAreasOrNullObject gives no answer above 512 areas; the host
 * reads such a sheet in row bands, halving a band that fails or comes back full, and its write guard keeps
 * refusing cells inside merges.
 */
import type { MergeArea } from "../../src/domain/sheet/snapshot";
import { MERGE_AREA_LIMIT } from "../../src/office/merges";
import { FakeWorkbook, cellWrites } from "./fakeExcel";
import { hostFor } from "./support";

const reason = { id: "Uji", en: "Test" };

/** A Word-pasted look: every row's B:C merged, and every 3rd row's D:F too. */
function mergeHeavy(rows: number): { grid: string[][]; merges: MergeArea[] } {
  const grid: string[][] = [];
  const merges: MergeArea[] = [];
  for (let r = 1; r <= rows; r++) {
    grid.push([String(r), `Uraian ${r}`, "", `Indikator ${r}`]);
    merges.push({ top: r, left: 2, bottom: r, right: 3 });
    if (r % 3 === 0) merges.push({ top: r, left: 4, bottom: r, right: 6 });
  }
  return { grid, merges };
}

describe("Office host: sheets with more than 512 merged areas", () => {
  it("reads a sheet with 1,500 merged areas with every one of them", async () => {
    const { grid, merges } = mergeHeavy(1_125);
    expect(merges.length).toBe(1_500);
    const fake = new FakeWorkbook();
    fake.addSheet("Tabel 3.3", grid, { merges });
    const host = hostFor(fake);
    const snapshot = await host.readSnapshot({ id: "Tabel 3.3", name: "Tabel 3.3", visible: true });
    expect(snapshot.merges).toEqual([...merges].sort((a, b) => a.top - b.top || a.left - b.left));
    console.log(`1,500 merged areas: read in ${host.stats.lastRead?.syncs} syncs`);
  });

  it("halves a band that still holds more than 512 areas", async () => {
    // 700 merges in 700 rows: the first 1,000-row band fails and is halved.
    const merges: MergeArea[] = [];
    for (let r = 1; r <= 700; r++) merges.push({ top: r, left: 1, bottom: r, right: 2 });
    const fake = new FakeWorkbook();
    fake.addSheet("S", [["x"]], { merges });
    const snapshot = await hostFor(fake).readSnapshot({ id: "S", name: "S", visible: true });
    expect(snapshot.merges).toHaveLength(700);
    expect(snapshot.merges.length).toBeGreaterThan(MERGE_AREA_LIMIT);
  });

  it("keeps refusing a write into a merged cell on such a sheet, with zero writes", async () => {
    const { grid, merges } = mergeHeavy(1_125);
    const fake = new FakeWorkbook();
    fake.addSheet("Tabel 3.3", grid, { merges });
    const e = await hostFor(fake)
      .apply({ title: reason, cells: [{ sheet: "Tabel 3.3", row: 900, col: 3, cell: "C900", before: { value: null }, after: { value: 5 }, reason }] })
      .catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "protected" });
    expect((e as { messages: { id: string } }).messages.id).toContain("'Tabel 3.3'!C900 (B900:C900)");
    expect(cellWrites(fake)).toEqual([]);
  });

  it("still reads a sheet with few merges in the first sync", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("S", [["Judul"], ["a"]], { merges: [{ top: 1, left: 1, bottom: 1, right: 4 }] });
    const host = hostFor(fake);
    const s = await host.readSnapshot({ id: "S", name: "S", visible: true });
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 4 }]);
    expect(host.stats.lastRead?.syncs).toBe(2);
  });
});
