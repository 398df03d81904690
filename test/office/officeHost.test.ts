import { HostError } from "../../src/domain/host";
import type { MappingOverrides } from "../../src/domain/mapping/types";
import { ExcelQueue, HIGHLIGHT_COLOR } from "../../src/office";
import { SHEET_KEY_PROPERTY } from "../../src/office/settings";
import { FakeWorkbook, cellWrites } from "./fakeExcel";
import { hostFor } from "./support";

describe("Office host: queue, settings, pointing at cells", () => {
  it("runs one Excel.run at a time, in call order, even when callers do not wait", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("A", [[1]]);
    fake.addSheet("B", [[2]]);
    let active = 0;
    let most = 0;
    const env = fake.environment();
    const order: string[] = [];
    const watched = {
      ...env,
      run: async <T>(o: object, batch: (c: Excel.RequestContext) => Promise<T>) => {
        active++;
        most = Math.max(most, active);
        try {
          return await env.run(o, batch);
        } finally {
          active--;
        }
      },
    };
    const queued = new ExcelQueue(watched);
    await Promise.all(
      ["A", "B", "A"].map((name, i) =>
        queued.run(async (b) => {
          const r = b.context.workbook.worksheets.getItem(name).getRange("A1");
          r.load("values");
          await b.sync();
          order.push(`${i}:${String(r.values[0][0])}`);
        }),
      ),
    );
    expect(most).toBe(1);
    expect(order).toEqual(["0:1", "1:2", "2:1"]);
  });

  it("gives up on a sync that never answers, with a retry message, and the queue moves on", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("S", [[1]]);
    const host = hostFor(fake, { syncTimeoutMs: 20 });
    fake.hangOnSync = fake.syncs + 1;
    const e = await host.listSheets().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HostError);
    expect((e as HostError).code).toBe("timeout");
    expect((e as HostError).messages.id).toContain("Coba lagi");
    expect((await host.listSheets()).map((s) => s.name)).toEqual(["S"]);
  });

  it("maps ItemNotFound and GeneralException to messages in both languages", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("S", [[1]]);
    const host = hostFor(fake);
    const missing = await host.selectCell("Tidak Ada", "A1").catch((x: unknown) => x);
    expect(missing).toMatchObject({ code: "not-found" });
    fake.failSync.set(fake.syncs + 1, "GeneralException");
    const general = (await host.listSheets().catch((x: unknown) => x)) as HostError;
    expect(general.code).toBe("io");
    expect(general.messages.id).toContain("Coba lagi");
    expect(general.messages.en).toContain("Try again");
  });

  it("gives InvalidArgument, ItemAlreadyExists, FormulaLengthExceedsLimit, UnsupportedFillType and ApiNotFound messages of their own", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("S", [[1]]);
    const host = hostFor(fake);
    const busy = ((await (fake.failSync.set(fake.syncs + 1, "GeneralException"), host.listSheets()).catch((x: unknown) => x)) as HostError).messages.id;
    const seen = new Set<string>([busy]);
    for (const code of ["InvalidArgument", "ItemAlreadyExists", "FormulaLengthExceedsLimit", "UnsupportedFillType", "ApiNotFound"]) {
      fake.failSync.set(fake.syncs + 1, code);
      const e = (await host.listSheets().catch((x: unknown) => x)) as HostError;
      expect(e).toBeInstanceOf(HostError);
      expect(seen.has(e.messages.id)).toBe(false);
      expect(e.messages.en).not.toContain("busy");
      seen.add(e.messages.id);
    }
  });

  it("lists sheets with their ids and visibility", async () => {
    const fake = new FakeWorkbook();
    const a = fake.addSheet("Tabel 3.3", [[1]]);
    fake.addSheet("Catatan", [], { visibility: "Hidden" });
    expect(await hostFor(fake).listSheets()).toEqual([
      { id: a.id, name: "Tabel 3.3", visible: true },
      { id: fake.sheets[1].id, name: "Catatan", visible: false },
    ]);
  });

  it("saves the mapping per worksheet under a stable key the sheet carries, and loads it back by current id", async () => {
    const fake = new FakeWorkbook();
    const a = fake.addSheet("Tabel 3.3", [[1]]);
    const b = fake.addSheet("Tabel 7", [[1]]);
    const host = hostFor(fake);
    expect(await host.loadMapping()).toBeUndefined();
    const m: MappingOverrides = { version: 1, levels: { [a.id]: { 12: "program", 13: "kegiatan" }, [b.id]: {} }, roles: { [a.id]: { paguN: "F" } }, years: { [b.id]: 2025 }, kinds: { [b.id]: "tabel-3.3" }, indicatorKinds: { [a.id]: { 13: "lower" } } };
    await host.saveMapping(m);
    const keyA = a.customProperties.get(SHEET_KEY_PROPERTY);
    const keyB = b.customProperties.get(SHEET_KEY_PROPERTY);
    expect(keyA).toBeDefined();
    expect(keyB).not.toBe(keyA);
    expect([...fake.settings.keys()].sort()).toEqual([`renja.mapping.${keyA}`, `renja.mapping.${keyB}`].sort());
    expect(await host.loadMapping()).toEqual(m);
    await host.saveMapping({ version: 1, levels: { [a.id]: { 12: "bidang" } } });
    expect([...fake.settings.keys()]).toEqual([`renja.mapping.${keyA}`]);
    expect(a.customProperties.get(SHEET_KEY_PROPERTY)).toBe(keyA);
    fake.settings.set(`renja.mapping.${keyB}`, "{not json");
    expect(await host.loadMapping()).toEqual({ version: 1, levels: { [a.id]: { 12: "bidang" } } });
  });

  it("finds the mapping corrections again after a reopen in which every worksheet id changed", async () => {
    const fake = new FakeWorkbook();
    const a = fake.addSheet("Tabel 3.3", [[1]]);
    const b = fake.addSheet("Tabel 7", [[1]]);
    await hostFor(fake).saveMapping({ version: 1, levels: { [a.id]: { 12: "program" }, [b.id]: { 5: "kegiatan" } }, years: { [b.id]: 2025 } });
    const oldIds = [a.id, b.id];
    fake.reopen();
    expect([a.id, b.id].some((id) => oldIds.includes(id))).toBe(false);
    // A sheet renamed since keeps its corrections: the key is on the sheet, not in its name.
    b.name = "Tabel 7 (revisi)";
    const host = hostFor(fake);
    expect(await host.loadMapping()).toEqual({ version: 1, levels: { [a.id]: { 12: "program" }, [b.id]: { 5: "kegiatan" } }, years: { [b.id]: 2025 } });
    // Without its key (removed by another tool) a sheet is found by the name saved with its entry.
    a.customProperties.clear();
    fake.reopen();
    expect((await host.loadMapping())?.levels[a.id]).toEqual({ 12: "program" });
  });

  it("below ExcelApi 1.12 (no custom properties) keys by id and finds the sheet again by its saved name", async () => {
    const fake = new FakeWorkbook();
    fake.apiVersion = "1.9";
    const a = fake.addSheet("Tabel 3.3", [[1]]);
    await hostFor(fake).saveMapping({ version: 1, levels: { [a.id]: { 12: "program" } } });
    expect([...fake.settings.keys()]).toEqual([`renja.mapping.${a.id}`]);
    fake.reopen();
    expect(await hostFor(fake).loadMapping()).toEqual({ version: 1, levels: { [a.id]: { 12: "program" } } });
  });

  it("gives a copied sheet (same key on two sheets) the corrections only once, to the sheet of the saved name", async () => {
    const fake = new FakeWorkbook();
    const a = fake.addSheet("Tabel 3.3", [[1]]);
    await hostFor(fake).saveMapping({ version: 1, levels: { [a.id]: { 12: "program" } } });
    const copy = fake.addSheet("Tabel 3.3 (2)", [[1]]);
    copy.customProperties = new Map(a.customProperties);
    fake.sheets.reverse();
    const loaded = await hostFor(fake).loadMapping();
    expect(loaded?.levels).toEqual({ [a.id]: { 12: "program" } });
    // Saving again gives the copy a key of its own.
    await hostFor(fake).saveMapping({ version: 1, levels: { [a.id]: { 12: "program" }, [copy.id]: { 3: "bidang" } } });
    expect(copy.customProperties.get(SHEET_KEY_PROPERTY)).not.toBe(a.customProperties.get(SHEET_KEY_PROPERTY));
    expect(await hostFor(fake).loadMapping()).toEqual({ version: 1, levels: { [a.id]: { 12: "program" }, [copy.id]: { 3: "bidang" } } });
  });

  it("selects a cell and brings its sheet forward", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("S", [[1]]);
    await hostFor(fake).selectCell("S", "F23");
    expect(fake.sheet("S")).toMatchObject({ selected: "F23", activations: 1 });
    expect(cellWrites(fake).length).toBe(0);
  });

  it("highlights cells and restores each previous fill exactly (none, solid, pattern), leaving fills the user changed since", async () => {
    const fake = new FakeWorkbook();
    fake.apiVersion = "1.9";
    fake.addSheet("S", [[1, { value: 2, fill: { color: "#C6EFCE", pattern: "Solid" } }, { value: 3, fill: { color: "#FF0000", pattern: "Gray50", patternColor: "#0000FF", tintAndShade: 0 } }, 4]]);
    const host = hostFor(fake);
    await host.highlight([{ sheet: "S", cell: "A1" }, { sheet: "S", cell: "B1" }, { sheet: "S", cell: "C1" }, { sheet: "S", cell: "D1" }]);
    for (const c of ["A1", "B1", "C1", "D1"]) expect(fake.cell("S", c)?.fill?.color).toBe(HIGHLIGHT_COLOR);
    expect(fake.settings.has("renja.highlight")).toBe(true);
    fake.sheet("S").cells.get(1)?.set(4, { value: 4, fill: { color: "#00B050", pattern: "Solid" } });
    // A new host (the pane reopened) still knows what to restore: it is in the workbook settings.
    await hostFor(fake).clearHighlight();
    expect(fake.cell("S", "A1")?.fill).toBeUndefined();
    expect(fake.cell("S", "B1")?.fill).toEqual({ color: "#C6EFCE", pattern: "Solid" });
    expect(fake.cell("S", "C1")?.fill).toEqual({ color: "#FF0000", pattern: "Gray50", patternColor: "#0000FF", tintAndShade: 0 });
    expect(fake.cell("S", "D1")?.fill).toEqual({ color: "#00B050", pattern: "Solid" });
    expect(fake.settings.has("renja.highlight")).toBe(false);
  });
});
