/**
 * H4: highlighting many findings. 7,000 cells are marked in syncs each under 5 MB of real request, their
 * previous fills stored compactly (identical fills as address lists), at most MAX_HIGHLIGHTED cells marked with
 * a notice for the rest, and a gradient fill never touched (it could not be written back).
 */
import { HIGHLIGHT_COLOR, MAX_HIGHLIGHTED } from "../../src/office";
import { HIGHLIGHT_KEY } from "../../src/office/highlight";
import { a1 } from "../../src/domain/sheet/snapshot";
import { FakeWorkbook, PAYLOAD_LIMIT } from "./fakeExcel";
import { hostFor } from "./support";

function findingCells(n: number, sheet = "Tabel 3.3"): { sheet: string; cell: string }[] {
  // Two money columns, as a recompute's findings are.
  return Array.from({ length: n }, (_, i) => ({ sheet, cell: a1(3 + Math.floor(i / 2), 6 + (i % 2)) }));
}

describe("Office host: highlighting many findings", () => {
  it("marks 7,000 cells with every request under 5 MB and a compact stored setting, and restores them", async () => {
    const fake = new FakeWorkbook();
    fake.apiVersion = "1.9";
    fake.addSheet("Tabel 3.3", [[1]]);
    fake.sheet("Tabel 3.3").cells.set(5, new Map([[6, { value: 1, fill: { color: "#C6EFCE", pattern: "Solid" } }]]));
    const host = hostFor(fake);
    const before = fake.maxRequestBytes.length;
    const result = await host.highlight(findingCells(7_000));
    expect(result).toEqual({ marked: 7_000 });
    const largest = Math.max(...fake.maxRequestBytes.slice(before));
    expect(largest).toBeLessThan(PAYLOAD_LIMIT);
    const stored = String(fake.settings.get(HIGHLIGHT_KEY));
    console.log(`highlight 7,000 cells: largest request ${largest} B over ${fake.maxRequestBytes.length - before} syncs; stored fills ${stored.length} B`);
    expect(stored.length).toBeLessThan(100_000);
    expect(fake.cell("Tabel 3.3", "G3502")?.fill?.color).toBe(HIGHLIGHT_COLOR);
    await hostFor(fake).clearHighlight();
    expect(fake.cell("Tabel 3.3", "G3502")?.fill).toBeUndefined();
    expect(fake.cell("Tabel 3.3", "F5")?.fill).toEqual({ color: "#C6EFCE", pattern: "Solid" });
    expect(Math.max(...fake.maxRequestBytes.slice(before))).toBeLessThan(PAYLOAD_LIMIT);
    expect(fake.settings.has(HIGHLIGHT_KEY)).toBe(false);
    // 7,000 cells through Microsoft's client take a while on a shared machine.
  }, 180_000);

  it("marks at most the cap and says how many were left", async () => {
    // The default cap leaves room for the 7,000 above; a smaller one keeps this test quick.
    expect(MAX_HIGHLIGHTED).toBeGreaterThanOrEqual(7_000);
    const fake = new FakeWorkbook();
    fake.addSheet("Tabel 3.3", [[1]]);
    const result = await hostFor(fake, { highlightCap: 1_200 }).highlight(findingCells(1_250));
    expect(result.marked).toBe(1_200);
    expect(result.notice?.id).toBe("1.200 sel ditandai; 50 sel lainnya tidak ditandai (paling banyak 1.200 sel sekaligus).");
    expect(result.notice?.en).toContain("50 more cells were not marked (at most 1,200 at a time)");
    const last = findingCells(1_250)[1_200];
    expect(fake.cell("Tabel 3.3", last.cell)?.fill).toBeUndefined();
  });

  it("leaves a cell with a gradient fill unmarked and untouched, and says so", async () => {
    const fake = new FakeWorkbook();
    fake.apiVersion = "1.9";
    const gradient = { color: "#FFFFFF", pattern: "LinearGradient" };
    fake.addSheet("S", [[1, { value: 2, fill: gradient }]]);
    const host = hostFor(fake);
    const result = await host.highlight([{ sheet: "S", cell: "A1" }, { sheet: "S", cell: "B1" }]);
    expect(result.marked).toBe(1);
    expect(result.notice?.id).toContain("1 sel berisian gradasi tidak ditandai");
    expect(fake.cell("S", "B1")?.fill).toEqual(gradient);
    await host.clearHighlight();
    expect(fake.cell("S", "A1")?.fill).toBeUndefined();
    expect(fake.cell("S", "B1")?.fill).toEqual(gradient);
  });

  it("restores a highlight stored by the earlier version (one entry per cell)", async () => {
    const fake = new FakeWorkbook();
    fake.apiVersion = "1.9";
    fake.addSheet("S", [[{ value: 1, fill: { color: HIGHLIGHT_COLOR, pattern: "Solid" } }]]);
    fake.settings.set(HIGHLIGHT_KEY, JSON.stringify([{ sheet: "S", cell: "A1", color: "#FF0000", pattern: "Gray50", patternColor: "#0000FF", tintAndShade: 0 }]));
    await hostFor(fake).clearHighlight();
    expect(fake.cell("S", "A1")?.fill).toEqual({ color: "#FF0000", pattern: "Gray50", patternColor: "#0000FF" });
  });

  it("makes marking one undo entry on ExcelApi 1.20", async () => {
    const fake = new FakeWorkbook();
    fake.apiVersion = "1.20";
    fake.addSheet("S", [[1]]);
    await hostFor(fake).highlight([{ sheet: "S", cell: "A1" }]);
    expect(fake.runs).toEqual([{ mergeUndoGroup: true }]);
  });
});
