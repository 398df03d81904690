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

      await host.undo(rollup);
      await host.undo(repairs);
      expect(fullSnapshot(await host.readAllSnapshots())).toEqual(original);
      expect(Buffer.compare(input, pristine)).toBe(0);
    },
  );

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
