/**
 * The .xlsx host's write side with recompute plans: reads after a write see it, undo restores every cell of
 * every sheet exactly, a cell changed since planning makes apply refuse, a protected sheet is refused, and the
 * caller's bytes (a Node Buffer, as fs gives them) are never touched.
 */
import * as fs from "fs";
import * as path from "path";
import { HostError } from "../../src/domain/host";
import { mapWorkbook } from "../../src/domain/mapping/mapWorkbook";
import { planRepairs, planRollup } from "../../src/domain/rollup";
import { buildTabel33 } from "../../src/domain/tables/tabel33";
import type { SheetSnapshot } from "../../src/domain/sheet/snapshot";
import { openWritableXlsxHost, type WritableXlsxHost } from "../../src/xlsx";
import { FIXTURE_FILES, GENERATED_DIR } from "../fixtures/build-fixtures";
import { richSeedWorkbook } from "./writableFixture";

const fixture = (name: keyof typeof FIXTURE_FILES) => fs.readFileSync(path.join(GENERATED_DIR, FIXTURE_FILES[name]));

/** Every cell of every sheet: value, formula, number format, error. */
function fullSnapshot(sheets: SheetSnapshot[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of sheets) {
    for (const [r, row] of s.rows) {
      for (const [c, cell] of row) {
        out.set(`${s.name}!${r}:${c}`, JSON.stringify([cell.value, cell.formula ?? null, cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : null, cell.error ?? null]));
      }
    }
  }
  return out;
}

async function mapped(host: WritableXlsxHost) {
  return mapWorkbook(await host.readAllSnapshots({ styles: true }));
}

describe("WritableXlsxHost", () => {
  it.each(["seedAsPasted", "seedIdLocale", "variantKodeFormulas", "seedEvaluation"] as const)(
    "%s: fix-numbers and recompute, then undo both: every cell of every sheet is back (values, formulas, formats)",
    async (name) => {
      const input = fixture(name);
      const pristine = Buffer.from(input);
      const host = await openWritableXlsxHost(input, name);
      const original = fullSnapshot(await host.readAllSnapshots());

      const repairs = await host.apply(planRepairs(await mapped(host)));
      const { plan } = planRollup(await mapped(host), { mode: "formulas", accept: "all" });
      expect(plan.cells.length).toBeGreaterThan(0);
      const rollup = await host.apply(plan);

      // later reads see the written cells
      const written = fullSnapshot(await host.readAllSnapshots());
      const total = plan.cells.find((c) => c.after.formula !== undefined);
      expect(written.get(`${total?.sheet}!${total?.row}:${total?.col}`)).toContain(total?.after.formula);

      // Copies of the records: the host does not know them as its own last writes, so the cells are patched back
      // (the path taken when the bytes changed since); the records it returned go back to the bytes exactly.
      await host.undo({ ...rollup });
      await host.undo({ ...repairs });
      expect(fullSnapshot(await host.readAllSnapshots())).toEqual(original);
      expect(Buffer.compare(input, pristine)).toBe(0);
    },
  );

  it("Batalkan in the order of the writes gives back the exact bytes: cells, a generated sheet (its part, relationship, content type, names, styles), cells", async () => {
    const input = fixture("seedAsPasted");
    const host = await openWritableXlsxHost(input, "seed.xlsx");
    const steps: Uint8Array[] = [host.bytes()];
    const repairs = await host.apply(planRepairs(await mapped(host)));
    steps.push(host.bytes());
    const wb = await mapped(host);
    const built = buildTabel33(wb, { existingSheets: wb.sheets.map((s) => s.name), paper: "f4" });
    if ("error" in built) throw new Error(built.error.en);
    const sheet = await host.applySheetPlan(built);
    expect(sheet.undo).toMatchObject({ type: "sheet", sheetName: sheet.sheetName, sheetId: sheet.sheetId, replaced: false });
    steps.push(host.bytes());
    const { plan } = planRollup(await mapped(host), { mode: "formulas", accept: "all" });
    const rollup = await host.apply(plan);

    await host.undo(rollup);
    expect(Buffer.from(host.bytes()).equals(Buffer.from(steps[2]))).toBe(true);
    expect((await host.undoSheet(sheet.undo)).notices).toEqual([]);
    expect(Buffer.from(host.bytes()).equals(Buffer.from(steps[1]))).toBe(true);
    expect((await host.listSheets()).map((s) => s.name)).not.toContain(sheet.sheetName);
    await host.undo(repairs);
    expect(Buffer.from(host.bytes()).equals(Buffer.from(steps[0]))).toBe(true);
    // A record taken back once is not taken back twice over later bytes.
    await expect(host.undoSheet(sheet.undo)).rejects.toMatchObject({ code: "changed-since-read" });
  });

  it("refuses, naming the cell, when a planned cell changed between planning and applying; nothing is written", async () => {
    const host = await openWritableXlsxHost(fixture("seedIdLocale"), "id-locale.xlsx");
    const { plan } = planRollup(await mapped(host), { mode: "formulas", accept: "all" });
    const target = plan.cells.find((c) => c.sheet === "Tabel 3.3" && c.cell === "J21");
    expect(target).toBeDefined();
    // the user types into J21 after the plan was made
    await host.apply({ title: { id: "ketik", en: "typing" }, cells: [{ ...(target as NonNullable<typeof target>), after: { value: 1 } }] });
    const typed = host.bytes();
    const refusal = await host.apply(plan).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(HostError);
    expect((refusal as HostError).code).toBe("changed-since-read");
    expect((refusal as HostError).messages.id).toMatch(/'Tabel 3\.3'!J21/);
    expect((refusal as HostError).messages.id).toMatch(/Tidak ada yang ditulis/);
    expect(host.bytes()).toBe(typed);
  });

  it("refuses a protected sheet with HostError protected; nothing is written", async () => {
    const host = await openWritableXlsxHost(await richSeedWorkbook({ protect: true }), "protected.xlsx");
    const before = host.bytes();
    const { plan } = planRollup(await mapped(host), { mode: "formulas", accept: "all" });
    const refusal = await host.apply(plan).catch((e: unknown) => e);
    expect((refusal as HostError).code).toBe("protected");
    expect((refusal as HostError).messages.en).toMatch(/Sheet 'Tabel 3\.3' is protected.*Nothing was written/);
    expect(host.bytes()).toBe(before);
  });
});
