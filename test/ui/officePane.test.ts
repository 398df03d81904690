/**
 * The pane's controller over the Office host, on the recording fake of Excel holding the sample workbook:
 * what a staff member's clicks do inside Excel (Validasi, Perbaiki Angka, Hitung Ulang, Batalkan, Tandai di
 * lembar, a level correction, the ribbon), and that the findings equal those of the standalone page.
 */
import fs from "fs";
import path from "path";
import { registerCommands } from "../../src/commands/commands";
import type { CommandEvent } from "../../src/commands/commands";
import type { SheetSnapshot } from "../../src/domain/sheet/snapshot";
import { PaneController } from "../../src/ui/controller";
import { defaultPlanners } from "../../src/ui/defaultPlanners";
import { acceptAllDecisions } from "../support/acceptDecisions";
import { domainEngine } from "../../src/ui/engine";
import { openXlsxHost } from "../../src/xlsx";
import { FakeWorkbook } from "../office/fakeExcel";
import type { FakeCell } from "../office/fakeExcel";
import { hostFor } from "../office/support";

const SAMPLE = path.join(__dirname, "..", "..", "seeds", "sample-renja-tomoni-2025.xlsx");

async function sampleSnapshots(): Promise<SheetSnapshot[]> {
  const host = await openXlsxHost(new Uint8Array(fs.readFileSync(SAMPLE)), "sample.xlsx");
  return host.readAllSnapshots();
}

/** The sample's cells in the fake, as a staff member's workbook open in Excel. */
async function excelWithSample(opts: { protectedSheet?: string } = {}): Promise<FakeWorkbook> {
  const fake = new FakeWorkbook();
  fake.apiVersion = "1.9";
  for (const s of await sampleSnapshots()) {
    const sheet = fake.addSheet(s.name, [], { merges: [...s.merges], protected: s.name === opts.protectedSheet });
    for (const [r, cells] of s.rows) sheet.cells.set(r, new Map([...cells].map(([c, cell]) => [c, { ...cell } as FakeCell])));
  }
  return fake;
}

const valueAt = (fake: FakeWorkbook, sheet: string, row: number, col: number) => fake.sheets.find((s) => s.name === sheet)?.cells.get(row)?.get(col);

describe("the pane inside Excel (Office host on the fake)", () => {
  it("finds what the standalone page finds, repairs, recomputes to DOMAIN.md §7's totals, and Batalkan reverts", async () => {
    const fake = await excelWithSample();
    const controller = new PaneController(hostFor(fake), domainEngine, defaultPlanners);
    expect(await controller.validate()).toBe(true);
    const findings = controller.getState().findings ?? [];
    expect(findings.some((f) => f.sheet === "Tabel 3.3" && f.cell === "F28" && f.rule === "malformed-number")).toBe(true);
    expect(findings.some((f) => f.sheet === "Tabel 3.3" && f.cell === "J9" && f.rule === "rollup-mismatch")).toBe(true);
    const standalone = domainEngine.validate(domainEngine.mapWorkbook(await sampleSnapshots()));
    expect(findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual(standalone.map((f) => `${f.sheet}!${f.cell} ${f.rule}`));

    const statedTotal = { ...valueAt(fake, "Tabel 3.3", 71, 6) };
    expect(statedTotal.value).toBe("4,990,894,675");
    await controller.preview("fixNumbers");
    expect(await controller.applyPreview()).toBe(true);
    expect(valueAt(fake, "Tabel 3.3", 28, 6)?.value).toBe(4765000);
    await controller.preview("recompute");
    acceptAllDecisions(controller);
    const preview = controller.getState().preview;
    if (!preview || !("plan" in preview)) throw new Error("expected a cell plan");
    const planned = (cell: string) => preview.plan.cells.find((c) => c.sheet === "Tabel 3.3" && c.cell === cell)?.after;
    expect(planned("F71")?.value).toBe(4990624675);
    expect(planned("J71")?.value).toBe(4828024554);
    expect(await controller.applyPreview()).toBe(true);
    expect(controller.getState().notice?.intent).toBe("success");
    // The fake does not calculate: Excel computes the SUM written here (its cached result is the plan's value).
    expect(valueAt(fake, "Tabel 3.3", 71, 6)?.formula).toBe(planned("F71")?.formula);
    expect(valueAt(fake, "Tabel 3.3", 71, 10)?.formula).toBe(planned("J71")?.formula);

    expect(await controller.undoLast()).toBe(true);
    // Batalkan takes back the recompute: the total is again a constant, the number Perbaiki Angka stored the text as.
    expect(valueAt(fake, "Tabel 3.3", 71, 6)).toMatchObject({ value: 4990894675 });
    expect(valueAt(fake, "Tabel 3.3", 71, 6)?.formula).toBeUndefined();
    expect(valueAt(fake, "Tabel 3.3", 28, 6)?.value).toBe(4765000);
  });

  it("Batalkan after Buat Tabel empties the sheet the tool made (Excel keeps it, the notice says so), then takes back the recompute", async () => {
    const fake = await excelWithSample();
    fake.apiVersion = "1.20";
    const controller = new PaneController(hostFor(fake), domainEngine, defaultPlanners);
    await controller.validate();
    await controller.preview("recompute");
    const preview = controller.getState().preview;
    const total = preview && "plan" in preview ? preview.plan.cells.find((c) => c.after.formula && !c.before.formula) : undefined;
    if (!total) throw new Error("expected a total the recompute turns into a SUM");
    const at = () => valueAt(fake, total.sheet, total.row, total.col);
    expect(await controller.applyPreview()).toBe(true);
    const recomputed = at()?.formula;
    expect(recomputed).toBe(total.after.formula);
    await controller.preview("generate33");
    expect(await controller.applyPreview()).toBe(true);
    const NAME = "Tabel 3.3 (Renja Cermat)";
    expect(fake.sheet(NAME).cells.size).toBeGreaterThan(0);
    expect(controller.getState().undoStack.map((r) => r.title.id)).toEqual([expect.any(String), `Tabel 3.3 di lembar baru '${NAME}'`]);

    expect(await controller.undoLast()).toBe(true);
    expect([...fake.sheet(NAME).cells.values()].every((line) => line.size === 0)).toBe(true);
    expect(controller.getState().notice?.message.id).toBe(`Dibatalkan: Tabel 3.3 di lembar baru '${NAME}'. Lembar '${NAME}' dikosongkan; Excel tetap menyimpan lembar kosong itu. Hapus lembarnya (klik kanan tab lembar > Hapus) bila tidak diperlukan.`);
    expect(at()?.formula).toBe(recomputed);

    expect(await controller.undoLast()).toBe(true);
    expect(at()?.formula).toBeUndefined();
    expect(at()?.value).toEqual(total.before.value);
    expect(controller.getState().undoStack).toEqual([]);
  });

  it("Batalkan after Buat Tabel leaves a generated sheet the user typed into, says why, and keeps the record", async () => {
    const fake = await excelWithSample();
    const controller = new PaneController(hostFor(fake), domainEngine, defaultPlanners);
    await controller.preview("generate33");
    await controller.applyPreview();
    const sheet = fake.sheet("Tabel 3.3 (Renja Cermat)");
    sheet.cells.set(200, new Map([[2, { value: "catatan saya" }]]));
    expect(await controller.undoLast()).toBe(false);
    expect(controller.getState().notice).toMatchObject({ intent: "error", message: { en: expect.stringContaining("The sheet was not emptied; nothing was changed.") } });
    expect(sheet.cells.get(200)?.get(2)?.value).toBe("catatan saya");
    expect(sheet.cells.get(8)?.size).toBeGreaterThan(0);
    expect(controller.getState().undoStack).toHaveLength(1);
  });

  it("a protected sheet: Terapkan ends with the host's message in Bahasa Indonesia and writes nothing", async () => {
    const fake = await excelWithSample({ protectedSheet: "Tabel 3.3" });
    const controller = new PaneController(hostFor(fake), domainEngine, defaultPlanners);
    await controller.validate();
    await controller.preview("fixNumbers");
    const writesBefore = fake.writes.length;
    expect(await controller.applyPreview()).toBe(false);
    const notice = controller.getState().notice;
    expect(notice?.intent).toBe("error");
    expect(notice?.message.id).toMatch(/dilindungi|proteksi/i);
    expect(fake.writes.length).toBe(writesBefore);
    expect(controller.getState().undoStack).toEqual([]);
  });

  it("Tandai di lembar fills the finding cells and the second click restores each cell's fill", async () => {
    const fake = await excelWithSample();
    const controller = new PaneController(hostFor(fake), domainEngine, defaultPlanners);
    await controller.validate();
    const fillOf = () => valueAt(fake, "Tabel 3.3", 28, 6)?.fill;
    const before = fillOf();
    await controller.toggleHighlight();
    expect(controller.getState().highlighted).toBe(true);
    expect(fillOf()?.color).not.toBe(before?.color);
    await controller.toggleHighlight();
    expect(controller.getState().highlighted).toBe(false);
    expect(fillOf()?.color ?? "#FFFFFF").toBe(before?.color ?? "#FFFFFF");
  });

  it("a level correction is kept in the workbook's settings, and the ribbon's Validasi reaches the same controller", async () => {
    const fake = await excelWithSample();
    const controller = new PaneController(hostFor(fake), domainEngine, defaultPlanners);
    const handlers = new Map<string, (e: CommandEvent) => unknown>();
    registerCommands(controller, { actions: { associate: (name, fn) => void handlers.set(name, fn) } });
    let completed = 0;
    await handlers.get("validasi")?.({ completed: () => void completed++ });
    expect(completed).toBe(1);
    const table = controller.getState().workbook?.tables.find((t) => t.sheet === "Tabel 3.3");
    await controller.setLevel(table?.sheetId ?? "", 28, "other");
    expect(controller.getState().notice?.intent).toBe("success");
    expect(JSON.stringify([...fake.settings.values()])).toContain("other");
  });
});
