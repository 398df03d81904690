/**
 * H3: generated sheets within Excel on the web's 5 MB request limit. A 600-row Tabel 2.1 (the seed's table,
 * built by the real builder, its body repeated) is written in byte-sized batches, styles once per block; the
 * real request size is what Microsoft's client sends (test/office/officejs/), the fake's estimate otherwise.
 */
import { mapWorkbook } from "../../src/domain/mapping/mapWorkbook";
import type { SheetPlan, SheetPlanCell } from "../../src/domain/plan";
import { buildTabel21, isBuildError } from "../../src/domain/tables";
import { markerFormula, planFingerprint } from "../../src/domain/generatedMarker";
import { INCOMPLETE_MARKER } from "../../src/office/sheetPlan";
import { seedSheet } from "../domain/mapping/seedSheets";
import { clientMode } from "./clientMode";
import { FakeWorkbook, PAYLOAD_LIMIT } from "./fakeExcel";
import { hostFor } from "./support";

const FIRST_BODY_ROW = 8;

/** The seed's Tabel 2.1 with its body repeated until it has `rows` body rows; formulas follow their rows. */
function tabel21Plan(rows: number): SheetPlan {
  const workbook = mapWorkbook([seedSheet("tabel21", { sheetName: "Tabel 2.1" }).sheet]);
  const plan = buildTabel21(workbook, { existingSheets: ["Tabel 2.1"] });
  if (isBuildError(plan)) throw new Error(plan.error.en);
  const head = plan.cells.filter((c) => c.row < FIRST_BODY_ROW);
  const body = plan.cells.filter((c) => c.row >= FIRST_BODY_ROW);
  const bodyRows = Math.max(...body.map((c) => c.row)) - FIRST_BODY_ROW + 1;
  const shift = (formula: string | undefined, by: number): string | undefined =>
    formula?.replace(/\b([A-Z]{1,3})(\d+)\b/g, (m: string, col: string, row: string) => (Number(row) >= FIRST_BODY_ROW ? `${col}${Number(row) + by}` : m));
  const cells: SheetPlanCell[] = [...head];
  for (let copy = 0; copy * bodyRows < rows; copy++) {
    const by = copy * bodyRows;
    for (const c of body) if (c.row - FIRST_BODY_ROW + by < rows) cells.push({ ...c, row: c.row + by, formula: shift(c.formula, by) });
  }
  return { ...plan, sheetName: "Tabel 2.1 (Renja Cermat)", cells };
}

function measured(fake: FakeWorkbook): number[] {
  const sizes: number[] = [];
  fake.onRequest = (_body, bytes) => sizes.push(bytes);
  return sizes;
}

describe("Office host: generated sheets within the 5 MB request limit", () => {
  it("writes a 600-row Tabel 2.1 with every request under 5 MB", async () => {
    const plan = tabel21Plan(600);
    const fake = new FakeWorkbook();
    fake.apiVersion = "1.9";
    fake.addSheet("Tabel 2.1", [["x"]]);
    const sizes = measured(fake);
    const result = await hostFor(fake).applySheetPlan(plan);
    const largest = Math.max(...fake.maxRequestBytes);
    expect(largest).toBeLessThan(PAYLOAD_LIMIT);
    const out = fake.sheet("Tabel 2.1 (Renja Cermat)");
    expect(out.names.has(INCOMPLETE_MARKER)).toBe(false);
    expect(fake.cell("Tabel 2.1 (Renja Cermat)", "O607")).toMatchObject({ formula: expect.stringMatching(/^IFERROR\(M607\/E607/) as unknown, numFmt: "0.00%" });
    expect(fake.cell("Tabel 2.1 (Renja Cermat)", "R607")?.borders?.["EdgeTop.style"]).toBe("Continuous");
    const bodyRequests = sizes.length > 0 ? sizes : fake.maxRequestBytes;
    const total = bodyRequests.reduce((a, b) => a + b, 0);
    console.log(
      `600-row Tabel 2.1 (${clientMode()}): ${result.syncs} syncs, largest request ${largest} B, all requests ${total} B ` +
        `(${Math.round(total / 600)} B per row); estimated batches ${result.batchBytes.join("+")} B`,
    );
    if (sizes.length > 0) {
      // The byte model errs high: every batch's estimate covers what Microsoft's client really sent.
      const batchRequests = [...sizes].sort((a, b) => b - a).slice(0, result.batchBytes.length);
      expect(Math.min(...result.batchBytes)).toBeGreaterThanOrEqual(Math.min(...batchRequests) * 0.9);
    }
  });

  it("splits a batch Excel refuses for its size and writes every row once", async () => {
    const plan = tabel21Plan(300);
    const fake = new FakeWorkbook();
    fake.apiVersion = "1.9";
    fake.addSheet("Tabel 2.1", [["x"]]);
    fake.requestLimit = 60_000;
    const result = await hostFor(fake).applySheetPlan(plan);
    expect(result.payloadRetries).toBeGreaterThan(0);
    expect(fake.cell("Tabel 2.1 (Renja Cermat)", "C307")).toEqual(expect.objectContaining({ value: expect.any(String) as unknown }));
    const formulaWrites = fake.writes.filter((w) => w.sheet === "Tabel 2.1 (Renja Cermat)" && w.what === "formulas");
    const rowsWritten = formulaWrites.reduce((n, w) => n + rowSpan(w.target), 0);
    expect(rowsWritten).toBe(307);
  });

  it("marks the sheet (with its new id) before any row, so a failed generation leaves a sheet Timpa can replace", async () => {
    const plan = tabel21Plan(100);
    const fake = new FakeWorkbook();
    fake.apiVersion = "1.9";
    fake.addSheet("Tabel 2.1", [["x"]]);
    const host = hostFor(fake);
    // Sync 1 looks for the name, 2 adds the sheet, 3 marks it with the id Excel gave it, 4 writes the rows: it fails.
    fake.failSync.set(fake.syncs + 4, "AccessDenied");
    await expect(host.applySheetPlan(plan)).rejects.toMatchObject({ code: "protected" });
    const left = fake.sheet("Tabel 2.1 (Renja Cermat)");
    expect(left.names.get("RenjaCermat_Generated")).toBe(markerFormula("tabel-2.1", left.id, planFingerprint(plan)));
    expect(left.names.has(INCOMPLETE_MARKER)).toBe(true);
    expect(await host.generatedSheetNames()).toEqual(["Tabel 2.1 (Renja Cermat)"]);
    await host.applySheetPlan({ ...plan, replaceGenerated: true });
    expect(left.names.has(INCOMPLETE_MARKER)).toBe(false);
    expect(fake.cell("Tabel 2.1 (Renja Cermat)", "C8")?.value).toBe(plan.cells.find((c) => c.row === 8 && c.col === 3)?.value);
  });
});

function rowSpan(target: string): number {
  const m = /^[A-Z]+(\d+)(?::[A-Z]+(\d+))?$/.exec(target);
  if (!m) return 0;
  return (m[2] ? Number(m[2]) : Number(m[1])) - Number(m[1]) + 1;
}
