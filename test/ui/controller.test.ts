/**
 * The pane's controller on the real sample workbook (seeds/sample-renja-tomoni-2025.xlsx, the seed as pasted),
 * through the same BrowserWorkbook the standalone page uses: what a click does, without React.
 */
import fs from "fs";
import path from "path";
import { HostError } from "../../src/domain/host";
import { sameContent } from "../../src/domain/plan";
import type { WritePlan } from "../../src/domain/plan";
import { readCellContents } from "../../src/xlsx/patch";
import { PaneController } from "../../src/ui/controller";
import type { PaneHost } from "../../src/ui/controller";
import { defaultPlanners } from "../../src/ui/defaultPlanners";
import { acceptAllDecisions } from "../support/acceptDecisions";
import { domainEngine } from "../../src/ui/engine";
import { BrowserWorkbook, downloadName } from "../../src/ui/standalone/browserWorkbook";
import { msg, renderAll } from "../../src/domain/messages";

const SAMPLE = path.join(__dirname, "..", "..", "seeds", "sample-renja-tomoni-2025.xlsx");

function memoryStore() {
  const data = new Map<string, string>();
  return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

async function openSample(store = memoryStore()) {
  const selected: string[] = [];
  const workbook = await BrowserWorkbook.open(new Uint8Array(fs.readFileSync(SAMPLE)), "sample.xlsx", store, (s, c) => selected.push(`${s}!${c}`));
  const controller = new PaneController(workbook, domainEngine, defaultPlanners);
  return { workbook, controller, selected, store };
}

const ref = (f: { sheet: string; cell: string }) => `${f.sheet}!${f.cell}`;

describe("PaneController on the sample workbook", () => {
  it("Validasi maps the four tables and lists the seed's slips, reporting progress per sheet", async () => {
    const { controller } = await openSample();
    const progress: number[] = [];
    controller.subscribe(() => {
      const p = controller.getState().busy?.progress;
      if (p !== undefined && progress[progress.length - 1] !== p) progress.push(p);
    });
    expect(await controller.validate()).toBe(true);
    const state = controller.getState();
    expect(state.view).toBe("findings");
    expect(state.busy).toBeUndefined();
    expect(state.workbook?.tables.map((t) => `${t.sheet}:${t.kind}`)).toEqual(["Tabel 2.1:tabel-2.1", "Tabel 2.3:tabel-2.3", "Tabel 3.3:tabel-3.3", "Tabel 7:tabel-7"]);
    const findings = state.findings ?? [];
    const byRef = (r: string, rule: string) => findings.find((f) => ref(f) === r && f.rule === rule);
    expect(byRef("Tabel 3.3!F28", "malformed-number")?.suggestion?.value).toBe("4765000");
    expect(byRef("Tabel 3.3!J9", "rollup-mismatch")?.expected).toBe("4596424824");
    expect(byRef("Tabel 3.3!F63", "rollup-mismatch")?.actual).toBe("16742000");
    expect(progress).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it("Perbaiki Angka previews before → after, applies, and Batalkan restores every cell exactly", async () => {
    const { controller, workbook } = await openSample();
    const original = workbook.bytes;
    await controller.validate();
    expect(await controller.preview("fixNumbers")).toBe(true);
    const preview = controller.getState().preview;
    if (!preview || !("plan" in preview)) throw new Error("expected a cell plan");
    const f28 = preview.plan.cells.find((c) => ref(c) === "Tabel 3.3!F28");
    expect(f28?.before.value).toBe("4.765,000");
    expect(f28?.after.value).toBe(4765000);
    expect(workbook.changed).toBe(false);

    expect(await controller.applyPreview()).toBe(true);
    let state = controller.getState();
    expect(state.notice?.intent).toBe("success");
    expect(state.undoStack).toHaveLength(1);
    expect(workbook.changed).toBe(true);
    expect(state.findings?.some((f) => ref(f) === "Tabel 3.3!F28" && f.rule === "malformed-number")).toBe(false);

    expect(await controller.undoLast()).toBe(true);
    state = controller.getState();
    expect(state.undoStack).toHaveLength(0);
    const cells = preview.plan.cells.map((c) => ({ sheet: c.sheet, cell: c.cell }));
    const was = readCellContents(original, cells);
    const restored = readCellContents(workbook.bytes, cells);
    expect(restored.map((c) => c.value)).toEqual(was.map((c) => c.value));
    expect(restored.filter((c, i) => !sameContent(c, was[i]))).toEqual([]);
    expect(state.findings?.some((f) => ref(f) === "Tabel 3.3!F28" && f.rule === "malformed-number")).toBe(true);
  });

  it("Perbaiki Angka offers the other readings of an ambiguous amount, and a pick changes the plan", async () => {
    const { controller } = await openSample();
    await controller.validate();
    await controller.preview("fixNumbers");
    let preview = controller.getState().preview;
    if (!preview || !("plan" in preview)) throw new Error("expected a cell plan");
    const f28 = preview.options["'Tabel 3.3'!F28"];
    expect(f28?.[0]).toBe("4765000");
    expect(f28?.length).toBeGreaterThan(1);
    const other = f28[1];
    controller.chooseValue("'Tabel 3.3'!F28", other);
    preview = controller.getState().preview;
    if (!preview || !("plan" in preview)) throw new Error("expected a cell plan");
    const cell = preview.plan.cells.find((c) => c.sheet === "Tabel 3.3" && c.cell === "F28");
    expect(String(cell?.after.value)).toBe(other);
    expect(cell?.reason.en).toContain("choice");
    expect(preview.choices).toEqual({ "'Tabel 3.3'!F28": other });
  });

  it("after repairs, Hitung Ulang sets the totals of DOMAIN.md §7 (N 4.990.624.675, N+1 4.828.024.554)", async () => {
    const { controller } = await openSample();
    await controller.validate();
    await controller.preview("fixNumbers");
    await controller.applyPreview();
    await controller.preview("recompute");
    const first = controller.getState().preview;
    if (!first || !("plan" in first) || !first.changes) throw new Error("expected a recompute plan");
    // Decisions come first and start unticked: the program Bab IV backs, the N+1 kegiatan that are less than half.
    const decisions = first.changes.filter((c) => c.class === "decision");
    expect(decisions.map((c) => [c.ref, c.applied])).toEqual(expect.arrayContaining([["'Tabel 3.3'!F63", false], ["'Tabel 3.3'!J33", false]]));
    expect(first.changes.slice(0, decisions.length).every((c) => c.class === "decision")).toBe(true);
    expect(first.plan.cells.find((c) => ref(c) === "Tabel 3.3!F71")).toBeUndefined();
    acceptAllDecisions(controller);
    const preview = controller.getState().preview;
    if (!preview || !("plan" in preview)) throw new Error("expected a cell plan");
    const summary = preview.summary.map((m) => m.id).join("\n");
    expect(summary).toContain("Total Tabel 3.3!F71: 4.990.894.675 → 4.990.624.675, −Rp 270.000 (−0 %)");
    expect(summary).toContain("Total Tabel 3.3!J71: 5.253.625.474 → 4.828.024.554, −Rp 425.600.920 (−8,1 %)");
    // English: the same line with English marks (the amounts and the percentage were Indonesian before).
    const english = preview.summary.map((m) => m.en).join("\n");
    expect(english).toContain("Total Tabel 3.3!J71: 5,253,625,474 → 4,828,024,554, −Rp 425,600,920 (−8.1 %)");
    expect(preview.summary.find((m) => /keputusan/.test(m.id))).toEqual({
      id: expect.stringMatching(/^\d+ keputusan: bukti mendukung angka yang tertulis; 0 tidak dicentang sehingga tidak ditulis\.$/),
      en: expect.stringMatching(/^\d+ decisions: the evidence argues for the amount as written; 0 unticked, so not written\.$/),
    });
    expect(preview.plan.cells.find((c) => ref(c) === "Tabel 3.3!F71")?.after.value).toBe(4990624675);
  });

  it("a cell edited after the read: apply is refused with the host's message in the chosen language, nothing written", async () => {
    const { controller, workbook } = await openSample();
    controller.setLang("en");
    await controller.validate();
    await controller.preview("fixNumbers");
    const preview = controller.getState().preview;
    if (!preview || !("plan" in preview)) throw new Error("expected a cell plan");
    // Someone else types into F28 between the read and Terapkan.
    const first = preview.plan.cells[0];
    const edit: WritePlan = { title: { id: "ketik", en: "typing" }, cells: [{ ...first, after: { value: "typed meanwhile" }, reason: { id: "", en: "" } }] };
    await workbook.apply(edit);
    const before = workbook.bytes;
    expect(await controller.applyPreview()).toBe(false);
    const notice = controller.getState().notice;
    expect(notice?.intent).toBe("error");
    expect(notice?.message.en).toContain(first.cell);
    expect(workbook.bytes).toBe(before);
    expect(controller.getState().undoStack).toHaveLength(0);
  });

  it("a level correction is saved as mapping overrides and the findings follow it", async () => {
    const { controller, store } = await openSample();
    await controller.validate();
    const table = controller.getState().workbook?.tables.find((t) => t.sheet === "Tabel 3.3");
    const row28 = table?.rows.find((r) => r.row === 28);
    expect(row28?.level).toBe("subKegiatan");
    await controller.setLevel(table?.sheetId ?? "", 28, "other");
    const state = controller.getState();
    expect(state.notice?.intent).toBe("success");
    expect(state.overrides.levels["Tabel 3.3"]).toEqual({ 28: "other" });
    expect(state.workbook?.tables.find((t) => t.sheet === "Tabel 3.3")?.rows.find((r) => r.row === 28)?.level).toBe("other");
    expect(JSON.parse(store.data.get("renja-cermat:sample.xlsx.renja.json") ?? "{}").levels).toEqual({ "Tabel 3.3": { 28: "other" } });
  });

  it("an indicator kind chosen in the mapping view is saved, mapped onto the row, and can be cleared", async () => {
    const { controller, store } = await openSample();
    await controller.validate();
    const table = controller.getState().workbook?.tables.find((t) => t.kind === "tabel-2.1");
    const row = table?.rows.find((r) => r.level === "program");
    if (!table || !row) throw new Error("the sample has no Tabel 2.1 program");
    await controller.setIndicatorKind(table.sheetId, row.row, "lower");
    expect(controller.getState().notice?.intent).toBe("success");
    const mapped = () => controller.getState().workbook?.tables.find((t) => t.sheetId === table.sheetId)?.rows.find((r) => r.row === row.row);
    expect(mapped()?.indicatorKind).toBe("lower");
    expect(JSON.parse(store.data.get("renja-cermat:sample.xlsx.renja.json") ?? "{}").indicatorKinds).toEqual({ [table.sheetId]: { [row.row]: "lower" } });
    await controller.setIndicatorKind(table.sheetId, row.row, undefined);
    expect(mapped()?.indicatorKind).toBeUndefined();
  });

  it("Buat Tabel 3.3 previews a new sheet and writes it; the download name keeps the original's", async () => {
    const { controller, workbook } = await openSample();
    expect(controller.can("generate33")).toBe(true);
    await controller.preview("generate33");
    const preview = controller.getState().preview;
    if (!preview || !("sheet" in preview)) throw new Error("expected a sheet plan");
    expect(preview.sheet.sheetName).toBe("Tabel 3.3 (Renja Cermat)");
    expect(await controller.applyPreview()).toBe(true);
    expect((await workbook.listSheets()).map((s) => s.name)).toContain("Tabel 3.3 (Renja Cermat)");
    expect(await workbook.generatedSheetNames()).toEqual(["Tabel 3.3 (Renja Cermat)"]);
    expect(downloadName("sample.xlsx")).toBe("sample (Renja Cermat).xlsx");
  });

  it("generating again rewrites the sheet made before (the preview says so) instead of adding another", async () => {
    const { controller, workbook } = await openSample();
    await controller.preview("generate33");
    await controller.applyPreview();
    await controller.preview("generate33");
    const preview = controller.getState().preview;
    if (!preview || !("sheet" in preview)) throw new Error("expected a sheet plan");
    expect(preview.sheet).toMatchObject({ sheetName: "Tabel 3.3 (Renja Cermat)", replaceGenerated: true, sourceSheet: "Tabel 3.3" });
    expect(await controller.applyPreview()).toBe(true);
    expect((await workbook.listSheets()).filter((s) => s.name.startsWith("Tabel 3.3"))).toHaveLength(2);
  });

  it("Batalkan takes back the last action whatever it was: first the generated sheet (exactly), then the recompute", async () => {
    const { controller, workbook } = await openSample();
    const original = workbook.bytes;
    await controller.validate();
    await controller.preview("recompute");
    expect(await controller.applyPreview()).toBe(true);
    const recomputed = workbook.bytes;
    const findingsAfterRecompute = controller.getState().findings?.length;
    await controller.preview("generate33");
    expect(await controller.applyPreview()).toBe(true);
    const NAME = "Tabel 3.3 (Renja Cermat)";
    expect((await workbook.listSheets()).map((s) => s.name)).toContain(NAME);
    const stack = controller.getState().undoStack;
    expect(stack).toHaveLength(2);
    // Batalkan's label says what it takes back (ActionsView shows "Batalkan: " + the newest record's title).
    expect(stack[1].title).toEqual({ id: `Tabel 3.3 di lembar baru '${NAME}'`, en: `Tabel 3.3 on the new sheet '${NAME}'` });

    expect(await controller.undoLast()).toBe(true);
    let state = controller.getState();
    expect(state.notice).toMatchObject({ intent: "success", message: { id: `Dibatalkan: Tabel 3.3 di lembar baru '${NAME}'.` } });
    expect(state.undoStack).toHaveLength(1);
    expect((await workbook.listSheets()).map((s) => s.name)).not.toContain(NAME);
    // The package is the one before Buat Tabel, byte for byte: the recompute is still applied.
    expect(Buffer.from(workbook.bytes).equals(Buffer.from(recomputed))).toBe(true);
    expect(state.generatedSheets).toEqual([]);
    expect(state.findings).toHaveLength(findingsAfterRecompute ?? -1);

    expect(await controller.undoLast()).toBe(true);
    state = controller.getState();
    expect(state.undoStack).toHaveLength(0);
    expect(Buffer.from(workbook.bytes).equals(Buffer.from(original))).toBe(true);
  });

  it("Batalkan after a rewrite of the generated sheet brings back what it held before, and a cell write after it comes back first", async () => {
    const { controller, workbook } = await openSample();
    const NAME = "Tabel 3.3 (Renja Cermat)";
    await controller.preview("generate33");
    await controller.applyPreview();
    const firstTable = workbook.bytes;
    await controller.preview("fixNumbers");
    await controller.applyPreview();
    const fixed = workbook.bytes;
    await controller.preview("generate33");
    const preview = controller.getState().preview;
    if (!preview || !("sheet" in preview)) throw new Error("expected a sheet plan");
    expect(preview.sheet.replaceGenerated).toBe(true);
    await controller.applyPreview();
    expect(Buffer.from(workbook.bytes).equals(Buffer.from(fixed))).toBe(false);
    expect(controller.getState().undoStack.map((r) => r.title.en)).toEqual([`Tabel 3.3 on the new sheet '${NAME}'`, expect.any(String), `Tabel 3.3 rewritten on sheet '${NAME}'`]);

    await controller.undoLast();
    // The rewrite taken back: the first table is there as it was (the package is the one before the rewrite).
    expect(Buffer.from(workbook.bytes).equals(Buffer.from(fixed))).toBe(true);
    expect(await workbook.generatedSheetNames()).toEqual([NAME]);
    await controller.undoLast();
    expect(Buffer.from(workbook.bytes).equals(Buffer.from(firstTable))).toBe(true);
    await controller.undoLast();
    expect((await workbook.listSheets()).map((s) => s.name)).not.toContain(NAME);
    expect(controller.getState().undoStack).toHaveLength(0);
  });

  it("Batalkan refuses to take back a generated sheet when the workbook changed since, and keeps it on the stack", async () => {
    const { controller, workbook } = await openSample();
    const NAME = "Tabel 3.3 (Renja Cermat)";
    await controller.preview("generate33");
    await controller.applyPreview();
    // A write that is not on the pane's stack (as another tool's would be).
    const [k9] = readCellContents(workbook.bytes, [{ sheet: NAME, cell: "K9" }]);
    await workbook.apply({ title: { id: "ubah", en: "edit" }, cells: [{ sheet: NAME, cell: "K9", row: 9, col: 11, before: k9, after: { value: "catatan saya" }, reason: { id: "uji", en: "test" } }] });
    expect(await controller.undoLast()).toBe(false);
    const state = controller.getState();
    expect(state.notice).toMatchObject({ intent: "error", message: { id: expect.stringContaining(`Lembar '${NAME}' tidak dapat dibatalkan`) } });
    expect(state.undoStack).toHaveLength(1);
    expect(readCellContents(workbook.bytes, [{ sheet: NAME, cell: "K9" }])[0].value).toBe("catatan saya");
  });

  it("Validasi after Buat Tabel leaves the generated sheets out (same findings as before), and checks them on request", async () => {
    const { controller } = await openSample();
    await controller.validate();
    const before = controller.getState().findings?.length ?? 0;
    expect(before).toBeGreaterThan(0);
    for (let i = 0; i < 2; i++) {
      await controller.preview("generate33");
      expect(await controller.applyPreview()).toBe(true);
      await controller.validate();
      expect(controller.getState().generatedSheets).toEqual(["Tabel 3.3 (Renja Cermat)"]);
      expect(controller.getState().findings).toHaveLength(before);
    }
    controller.setIncludeGenerated(true);
    const all = controller.getState().findings ?? [];
    expect(all.length).toBeGreaterThan(before);
    expect(all.some((f) => f.sheet === "Tabel 3.3 (Renja Cermat)")).toBe(true);
    controller.setIncludeGenerated(false);
    expect(controller.getState().findings).toHaveLength(before);
  });

  it("Buat Tabel again after the user edited the generated sheet writes a new sheet and says why, leaving the edit", async () => {
    const { controller, workbook } = await openSample();
    await controller.preview("generate33");
    expect(await controller.applyPreview()).toBe(true);
    const NAME = "Tabel 3.3 (Renja Cermat)";
    const [k9] = readCellContents(workbook.bytes, [{ sheet: NAME, cell: "K9" }]);
    await workbook.apply({ title: { id: "ubah", en: "edit" }, cells: [{ sheet: NAME, cell: "K9", row: 9, col: 11, before: k9, after: { value: "catatan saya" }, reason: { id: "uji", en: "test" } }] });
    expect(await workbook.generatedSheetNames()).toEqual([]);
    await controller.preview("generate33");
    const preview = controller.getState().preview;
    if (!preview || !("sheet" in preview)) throw new Error("expected a sheet plan");
    expect(preview.sheet).toMatchObject({ sheetName: "Tabel 3.3 (Renja Cermat) (2)", replaceGenerated: false, sourceSheet: "Tabel 3.3" });
    expect(preview.sheet.notices[0].id).toBe(`Lembar '${NAME}' dibuat oleh Renja Cermat, tetapi isinya sudah diubah sejak itu; lembar ini dianggap milik Anda dan tidak ditimpa. Tabel baru ditulis ke lembar 'Tabel 3.3 (Renja Cermat) (2)'.`);
    expect(await controller.applyPreview()).toBe(true);
    expect(readCellContents(workbook.bytes, [{ sheet: NAME, cell: "K9" }])[0].value).toBe("catatan saya");
    expect(controller.getState().notice?.message.id).toContain("tidak ditimpa");
  });

  it("Buat Tabel 2.1 builds the evaluation table from the sample's Tabel 2.1", async () => {
    const { controller, workbook } = await openSample();
    expect(controller.can("generate21")).toBe(true);
    await controller.preview("generate21");
    const preview = controller.getState().preview;
    if (!preview || !("sheet" in preview)) throw new Error(`expected a sheet plan, got ${JSON.stringify(controller.getState().notice)}`);
    expect(preview.sheet).toMatchObject({ sheetName: "Tabel 2.1 (Renja Cermat)", sourceSheet: "Tabel 2.1" });
    expect(await controller.applyPreview()).toBe(true);
    expect(await workbook.generatedSheetNames()).toEqual(["Tabel 2.1 (Renja Cermat)"]);
  });

  it("a second Validasi while the first still reads does nothing (ribbon and pane share one controller)", async () => {
    const { controller } = await openSample();
    const first = controller.validate();
    expect(await controller.validate()).toBe(false);
    expect(await first).toBe(true);
    expect(controller.getState().findings?.length).toBeGreaterThan(0);
  });

  it("after a rejected file nothing is open: the sample's findings are gone and Validasi or a write reports nothing", async () => {
    const { controller } = await openSample();
    await controller.validate();
    expect(controller.getState().findings?.length).toBeGreaterThan(0);
    controller.closeWorkbook({ intent: "error", message: { id: "ditolak", en: "rejected" } });
    expect(controller.getState().findings).toBeUndefined();
    expect(controller.getState().workbook).toBeUndefined();
    expect(await controller.validate()).toBe(false);
    expect(await controller.preview("fixNumbers")).toBe(false);
    expect(controller.getState().findings).toBeUndefined();
    expect(controller.getState().notice?.message.id).toBe("Tidak ada buku kerja yang dimuat; buka berkas .xlsx.");
    expect(controller.pending("fixNumbers")).toBeUndefined();
  });

  it("says what each step would do on the last read, and that Perbaiki Angka has nothing left after it is applied", async () => {
    const { controller } = await openSample();
    expect(controller.pending("fixNumbers")).toBeUndefined();
    await controller.validate();
    const fix = controller.pending("fixNumbers");
    expect(fix && "cells" in fix && fix.cells).toBeGreaterThan(0);
    expect(controller.pending("generate33")).toEqual({ sheet: "Tabel 3.3 (Renja Cermat)" });
    expect(controller.pending("generatePerubahan")).toHaveProperty("refused");
    await controller.preview("fixNumbers");
    await controller.applyPreview();
    expect(controller.pending("fixNumbers")).toEqual({ cells: 0 });
  });

  it("clicking a finding asks the host to select its cell", async () => {
    const { controller, selected } = await openSample();
    await controller.selectFinding({ sheet: "Tabel 3.3", cell: "F28" });
    expect(selected).toEqual(["Tabel 3.3!F28"]);
    expect(controller.getState().selected).toEqual({ sheet: "Tabel 3.3", cell: "F28", rule: undefined });
    await controller.selectCell({ sheet: "Tabel 3.3", cell: "F24" });
    expect(selected).toEqual(["Tabel 3.3!F28", "Tabel 3.3!F24"]);
  });
});

describe("PaneController with other hosts", () => {
  const emptyHost: PaneHost = { listSheets: async () => [], readSnapshot: async () => Promise.reject(new Error("none")), loadMapping: async () => undefined, saveMapping: async () => undefined };

  it("a read-only host offers no write buttons and says so when asked to apply", async () => {
    const controller = new PaneController(emptyHost, domainEngine, defaultPlanners);
    expect(controller.can("recompute")).toBe(false);
    expect(controller.can("generate33")).toBe(false);
    expect(controller.canHighlight).toBe(false);
    await controller.toggleHighlight();
    expect(controller.getState().notice?.message.id).toBe("Penandaan sel tidak didukung di sini.");
  });

  it("a host that returns no record for a generated sheet leaves Batalkan on the action before it", async () => {
    const { workbook } = await openSample();
    const host: PaneHost = {
      listSheets: () => workbook.listSheets(),
      readSnapshot: (s, o) => workbook.readSnapshot(s, o),
      loadMapping: async () => undefined,
      saveMapping: async () => undefined,
      applySheetPlan: async (plan) => ({ sheetName: plan.sheetName, replaced: false }),
    };
    const controller = new PaneController(host, domainEngine, defaultPlanners);
    await controller.preview("generate33");
    expect(await controller.applyPreview()).toBe(true);
    expect(controller.getState().undoStack).toEqual([]);
  });

  it("a HostError while reading ends as a message in both languages, and the pane is no longer busy", async () => {
    const failing: PaneHost = { ...emptyHost, listSheets: async () => Promise.reject(new HostError("cell-edit-mode", msg("office.cellEditMode", {}))) };
    const controller = new PaneController(failing, domainEngine, defaultPlanners);
    expect(await controller.validate()).toBe(false);
    const state = controller.getState();
    expect(state.notice).toEqual({ intent: "error", message: renderAll(msg("office.cellEditMode", {})) });
    expect(state.busy).toBeUndefined();
  });

  it("Tandai di lembar marks every finding cell once and the second click clears exactly what the host marked", async () => {
    const calls: string[] = [];
    const host: PaneHost = {
      ...emptyHost,
      highlight: async (cells) => void calls.push(`mark ${cells.map((c) => `${c.sheet}!${c.cell}`).join(",")}`),
      clearHighlight: async () => void calls.push("clear"),
    };
    const engine = { mapWorkbook: domainEngine.mapWorkbook, validate: () => [{ rule: "rollup-mismatch" as const, severity: "error" as const, sheet: "S", cell: "F9", row: 9, message: msg("empty", {}) }] };
    const controller = new PaneController(host, engine, {});
    await controller.validate();
    await controller.toggleHighlight();
    expect(controller.getState().highlighted).toBe(true);
    await controller.toggleHighlight();
    expect(controller.getState().highlighted).toBe(false);
    expect(calls).toEqual(["mark S!F9", "clear"]);
  });
});

describe("PaneController previews from a fresh read", () => {
  it("a cell typed after Validasi is planned from what it holds now, so Terapkan is not refused", async () => {
    const { controller, workbook } = await openSample();
    await controller.validate();
    // The user fixes F28 by hand after validating.
    const f28 = { sheet: "Tabel 3.3", row: 28, col: 6, cell: "F28", before: { value: "4.765,000" }, after: { value: 4765000 }, reason: { id: "", en: "" } };
    await workbook.apply({ title: { id: "ketik", en: "typing" }, cells: [f28] });
    await controller.preview("fixNumbers");
    const preview = controller.getState().preview;
    if (!preview || !("plan" in preview)) throw new Error("expected a cell plan");
    expect(preview.plan.cells.some((c) => c.sheet === "Tabel 3.3" && c.cell === "F28")).toBe(false);
    expect(await controller.applyPreview()).toBe(true);
  });
});

