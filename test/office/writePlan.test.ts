import { HostError } from "../../src/domain/host";
import type { PlannedCell, WritePlan } from "../../src/domain/plan";
import { a1 } from "../../src/domain/sheet/snapshot";
import { FakeWorkbook, cellWrites } from "./fakeExcel";
import { clientMode } from "./clientMode";
import { hostFor, renjaFake, syncCounter } from "./support";

const ROWS = 10_000;
const reason = { id: "Jumlah dihitung ulang", en: "Total recomputed" };

/** What a recompute does to the 10,000-row sheet: every program total in F and G gets its SUM and new value. */
function recomputePlan(rows: number): WritePlan {
  const cells: PlannedCell[] = [];
  for (let i = 0; i < rows; i += 10) {
    const row = i + 3;
    const last = Math.min(row + 9, rows + 2);
    for (const col of [6, 7]) {
      const letter = col === 6 ? "F" : "G";
      const before = { value: (col === 6 ? 4_765_000 : 5_000_000) * 9, formula: `SUM(${letter}${row + 1}:${letter}${last})`, numFmt: "#,##0" };
      cells.push({ sheet: "Tabel 3.3", row, col, cell: a1(row, col), before, after: { value: 1, formula: `SUM(${letter}${row + 1}:${letter}${last})+0`, numFmt: "#,##0" }, reason });
    }
  }
  return { title: { id: "Hitung Ulang", en: "Recompute" }, cells };
}

async function refusal(p: Promise<unknown>): Promise<HostError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof HostError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("Office host: applying a plan", () => {
  it("applies a recompute plan on a 10,000-row sheet in 1 + at most 2 syncs per chunk", async () => {
    const fake = renjaFake(ROWS);
    const host = hostFor(fake);
    const plan = recomputePlan(ROWS);
    const count = syncCounter(fake);
    await host.apply(plan);
    const { work: syncs, cleanup } = count();
    expect(cleanup).toBeLessThanOrEqual(1);
    const chunks = host.stats.lastWrite?.chunks ?? 0;
    expect(syncs).toBeLessThanOrEqual(1 + 2 * chunks);
    console.log(`apply ${plan.cells.length} cells on ${ROWS} rows: ${syncs} syncs, ${chunks} chunk(s), largest request ${Math.max(...fake.maxRequestBytes)} bytes`);
    expect(fake.cell("Tabel 3.3", "F3")).toMatchObject({ formula: "SUM(F4:F12)+0", numFmt: "#,##0" });
    expect(fake.cell("Tabel 3.3", "G9993")).toMatchObject({ formula: "SUM(G9994:G10002)+0" });
  });

  it("keeps to 1 + 2 per chunk when the plan needs many chunks", async () => {
    const fake = renjaFake(ROWS);
    const host = hostFor(fake, { write: { targetChunkBytes: 20_000, guardGapRows: 64 } });
    const count = syncCounter(fake);
    await host.apply(recomputePlan(ROWS));
    const chunks = host.stats.lastWrite?.chunks ?? 0;
    expect(chunks).toBeGreaterThan(5);
    expect(count().work).toBeLessThanOrEqual(1 + 2 * chunks);
    expect(count().cleanup).toBeLessThanOrEqual(1);
    console.log(`apply in small chunks: ${count().total} syncs for ${chunks} chunks`);
  });

  it("refuses a protected sheet with a clear message and zero writes", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("Tabel 3.3", [[1]], { protected: true });
    const host = hostFor(fake);
    const e = await refusal(host.apply({ title: reason, cells: [{ sheet: "Tabel 3.3", row: 1, col: 1, cell: "A1", before: { value: 1 }, after: { value: 2 }, reason }] }));
    expect(e.code).toBe("protected");
    expect(e.messages.id).toContain("'Tabel 3.3' diproteksi");
    expect(e.messages.en).toContain("Nothing was written");
    expect(cellWrites(fake)).toEqual([]);
  });

  it("refuses when a planned cell changed since it was read, naming it, with zero writes", async () => {
    const fake = renjaFake(100);
    const plan = recomputePlan(100);
    fake.sheet("Tabel 3.3").cells.get(23)?.set(6, { value: 123, numFmt: "#,##0" });
    const host = hostFor(fake);
    const count = syncCounter(fake);
    const e = await refusal(host.apply(plan));
    expect(e.code).toBe("changed-since-read");
    expect(e.messages.id).toContain("'Tabel 3.3'!F23");
    expect(e.messages.en).toContain("Nothing was written");
    expect(count().work).toBe(1);
    expect(cellWrites(fake)).toEqual([]);
  });

  it("writes text that would turn into a formula or a number as text (Text format first)", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("S", [[]]);
    const cells: PlannedCell[] = ["=SUM(A1)", "-", "4.765,000", "100", "TRUE", "Dokumen"].map((v, i) => ({ sheet: "S", row: 1, col: i + 1, cell: a1(1, i + 1), before: { value: null }, after: { value: v }, reason }));
    await hostFor(fake).apply({ title: reason, cells });
    expect(["A1", "B1", "C1", "D1", "E1", "F1"].map((c) => fake.cell("S", c))).toEqual([
      { value: "=SUM(A1)", numFmt: "@" },
      { value: "-", numFmt: "@" },
      { value: "4.765,000", numFmt: "@" },
      { value: "100", numFmt: "@" },
      { value: "TRUE", numFmt: "@" },
      { value: "Dokumen", numFmt: "General" },
    ]);
  });

  it("undoes exactly with its own record (Batalkan), including a text-looking value in a General cell", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("S", [["4.765,000", { value: 5, numFmt: "0.00" }, { value: 3, formula: "1+2" }]]);
    const host = hostFor(fake);
    const record = await host.apply({
      title: reason,
      cells: [
        { sheet: "S", row: 1, col: 1, cell: "A1", before: { value: "4.765,000" }, after: { value: 4765000, numFmt: "#,##0" }, reason },
        { sheet: "S", row: 1, col: 2, cell: "B1", before: { value: 5, numFmt: "0.00" }, after: { value: 6 }, reason },
        { sheet: "S", row: 1, col: 3, cell: "C1", before: { value: 3, formula: "1+2" }, after: { value: null }, reason },
      ],
    });
    expect(fake.cell("S", "A1")).toMatchObject({ value: 4765000, numFmt: "#,##0" });
    expect(fake.cell("S", "C1")).toMatchObject({ value: null });
    await host.undo(record);
    expect(fake.cell("S", "A1")).toEqual({ value: "4.765,000", numFmt: "General" });
    expect(fake.cell("S", "B1")).toEqual({ value: 5, numFmt: "0.00" });
    expect(fake.cell("S", "C1")).toMatchObject({ formula: "1+2" });
  });

  it("refuses to undo over a cell the user edited after the apply", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("S", [[1]]);
    const host = hostFor(fake);
    const record = await host.apply({ title: reason, cells: [{ sheet: "S", row: 1, col: 1, cell: "A1", before: { value: 1 }, after: { value: 2 }, reason }] });
    fake.sheet("S").cells.get(1)?.set(1, { value: 7 });
    const writes = fake.writes.length;
    expect((await refusal(host.undo(record))).code).toBe("changed-since-read");
    expect(fake.writes.length).toBe(writes);
  });

  it("groups the command into one undo entry on ExcelApi 1.20, and runs ungrouped when Excel refuses the group", async () => {
    const plan: WritePlan = { title: reason, cells: [{ sheet: "S", row: 1, col: 1, cell: "A1", before: { value: 1 }, after: { value: 2 }, reason }] };
    const modern = new FakeWorkbook();
    modern.apiVersion = "1.20";
    modern.addSheet("S", [[1]]);
    await hostFor(modern).apply(plan);
    expect(modern.runs).toEqual([{ mergeUndoGroup: true }]);

    const refusing = new FakeWorkbook();
    refusing.apiVersion = "1.20";
    refusing.undoNotSupported = true;
    refusing.addSheet("S", [[1]]);
    await hostFor(refusing).apply(plan);
    expect(refusing.runs).toEqual([{ mergeUndoGroup: true }, {}]);
    expect(refusing.cell("S", "A1")?.value).toBe(2);

    const old = new FakeWorkbook();
    old.addSheet("S", [[1]]);
    await hostFor(old).apply(plan);
    expect(old.runs).toEqual([{}]);
  });

  it("reports cell-edit mode in both languages", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("S", [[1]]);
    fake.cellEditMode = true;
    const e = await refusal(hostFor(fake).apply({ title: reason, cells: [{ sheet: "S", row: 1, col: 1, cell: "A1", before: { value: 1 }, after: { value: 2 }, reason }] }));
    expect(e.code).toBe("cell-edit-mode");
    expect(e.messages.id).toBe("Excel sedang dalam mode edit sel. Tekan Enter atau Esc, lalu coba lagi.");
    expect(e.messages.en).toMatch(/cell-edit mode/);
  });

  it("splits a write chunk refused for its request size and still writes everything once", async () => {
    const fake = renjaFake(200);
    const host = hostFor(fake);
    // A smaller limit plays the part of 5 MB: a few runs' worth (one run's request is ~70 B in the fake's
    // estimate, ~700 B as Microsoft's client sends it).
    fake.requestLimit = clientMode() === "office-js" ? 6_000 : 800;
    await host.apply(recomputePlan(200));
    expect(host.stats.lastWrite?.payloadRetries).toBeGreaterThan(0);
    expect(fake.cell("Tabel 3.3", "G193")).toMatchObject({ formula: "SUM(G194:G202)+0" });
    const written = cellWrites(fake).filter((w) => w.what === "formulas").length;
    expect(written).toBe(20);
  });

  it("takes one GeneralException on a large chunk as its size and splits it, writing everything once", async () => {
    const fake = renjaFake(ROWS);
    const host = hostFor(fake);
    // Sync 1 is the guard; the first chunk (hundreds of KB) fails once with GeneralException.
    fake.failSync.set(fake.syncs + 2, "GeneralException");
    await host.apply(recomputePlan(ROWS));
    expect(host.stats.lastWrite?.payloadRetries).toBe(1);
    expect(fake.cell("Tabel 3.3", "G9993")).toMatchObject({ formula: "SUM(G9994:G10002)+0" });
    expect(cellWrites(fake).filter((w) => w.what === "formulas").length).toBe(ROWS / 10);
  });

  it("puts the written chunks back when a later chunk fails, and reports the failure", async () => {
    const fake = renjaFake(200);
    const host = hostFor(fake, { write: { targetChunkBytes: 600, guardGapRows: 64 } });
    // Sync 1 is the guard, 2 the first chunk; the second chunk's sync fails.
    fake.failSync.set(fake.syncs + 3, "GeneralException");
    const e = await host.apply(recomputePlan(200)).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "io" });
    // The fake does not calculate, so a restored formula has no cached value; formula and format are back.
    expect(fake.cell("Tabel 3.3", "F3")).toMatchObject({ formula: "SUM(F4:F12)", numFmt: "#,##0" });
    expect(fake.cell("Tabel 3.3", "G3")).toMatchObject({ formula: "SUM(G4:G12)", numFmt: "#,##0" });
    expect(cellWrites(fake).filter((w) => w.what === "formulas").length).toBeGreaterThan(1);
  });

  it("after a chunk's sync times out, sends no rollback on the abandoned context and lets the next run work", async () => {
    const fake = renjaFake(200);
    const host = hostFor(fake, { write: { targetChunkBytes: 6_000, guardGapRows: 64 }, syncTimeoutMs: 50 });
    // Sync 1 is the guard, 2 the first chunk (written), 3 the second chunk: it never answers.
    fake.hangOnSync = fake.syncs + 3;
    const start = fake.syncs - fake.cleanupSyncs;
    const e = await host.apply(recomputePlan(200)).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "timeout" });
    // The batch's code goes on to its rollback; with the context abandoned no request of the host goes out
    // (Microsoft's client still sends its own end-of-run cleanup).
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.syncs - fake.cleanupSyncs - start).toBe(3);
    expect(cellWrites(fake).filter((w) => w.what === "formulas").length).toBeGreaterThan(0);
    expect((await host.listSheets()).map((s) => s.name)).toEqual(["Tabel 3.3"]);
  });

  it("refuses a cell inside a merged area (not its top-left cell), with zero writes, as the .xlsx host does", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("S", [["Judul"]], { merges: [{ top: 1, left: 1, bottom: 1, right: 3 }] });
    const e = await refusal(hostFor(fake).apply({ title: reason, cells: [{ sheet: "S", row: 1, col: 2, cell: "B1", before: { value: null }, after: { value: 5 }, reason }] }));
    expect(e.messages.id).toContain("'S'!B1 (A1:C1)");
    expect(cellWrites(fake)).toEqual([]);
  });
});
