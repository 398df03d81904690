/**
 * The two places mapping corrections are kept (the .xlsx sidecar, the Office workbook settings) accept the same
 * corrections and reject the same damaged ones: the sidecar by refusing the file, the settings by ignoring that
 * one sheet's entry.
 */
import { HostError } from "../../src/domain/host";
import { parseMappingOverrides } from "../../src/xlsx";
import { FakeWorkbook } from "../office/fakeExcel";
import { hostFor } from "../office/support";

/** One sheet's correction as each store would hold it; `ok` says whether it is one the mapping view can make. */
const cases: { name: string; entry: Record<string, unknown>; ok: boolean }[] = [
  { name: "levels, roles (lower-case letters), year, kind, indicator kinds", entry: { levels: { 12: "program" }, roles: { paguN: "f" }, year: 2025, kind: "tabel-3.3", indicatorKinds: { 13: "lower" } }, ok: true },
  { name: "a level that does not exist", entry: { levels: { 12: "programme" } }, ok: false },
  { name: "row 0", entry: { levels: { 0: "program" } }, ok: false },
  { name: "a column beyond three letters", entry: { levels: {}, roles: { paguN: "ABCD" } }, ok: false },
  { name: "a year that is not a whole number", entry: { levels: {}, year: 2025.5 }, ok: false },
  { name: "a table kind that does not exist", entry: { levels: {}, kind: "tabel-9" }, ok: false },
  { name: "an indicator kind that does not exist", entry: { levels: {}, indicatorKinds: { 13: "better" } }, ok: false },
];

function asSidecar(sheetId: string, e: Record<string, unknown>): string {
  const out: Record<string, unknown> = { version: 1, levels: { [sheetId]: e.levels } };
  if (e.roles !== undefined) out.roles = { [sheetId]: e.roles };
  if (e.year !== undefined) out.years = { [sheetId]: e.year };
  if (e.kind !== undefined) out.kinds = { [sheetId]: e.kind };
  if (e.indicatorKinds !== undefined) out.indicatorKinds = { [sheetId]: e.indicatorKinds };
  return JSON.stringify(out);
}

describe("mapping corrections: one rule for what a stored correction may hold", () => {
  it.each(cases)("$name", async ({ entry, ok }) => {
    const sidecar = () => parseMappingOverrides(asSidecar("Tabel 3.3", entry), "x.renja.json");
    if (ok) expect(sidecar().levels["Tabel 3.3"]).toEqual({ 12: "program" });
    else expect(sidecar).toThrow(HostError);

    // The Office host: save a valid correction for the sheet, then overwrite its stored entry with the case.
    const fake = new FakeWorkbook();
    const sheet = fake.addSheet("Tabel 3.3", [[1]]);
    const host = hostFor(fake);
    await host.saveMapping({ version: 1, levels: { [sheet.id]: { 12: "program" } } });
    const [key] = [...fake.settings.keys()];
    fake.settings.set(key, JSON.stringify({ version: 1, name: "Tabel 3.3", ...entry }));
    const loaded = await host.loadMapping();
    if (ok) {
      expect(loaded?.levels[sheet.id]).toEqual({ 12: "program" });
      expect(loaded?.roles?.[sheet.id]).toEqual({ paguN: "F" });
      expect(loaded?.years?.[sheet.id]).toBe(2025);
      expect(loaded?.kinds?.[sheet.id]).toBe("tabel-3.3");
      expect(loaded?.indicatorKinds?.[sheet.id]).toEqual({ 13: "lower" });
      expect(sidecar().roles?.["Tabel 3.3"]).toEqual({ paguN: "F" });
    } else {
      expect(loaded?.levels[sheet.id]).toBeUndefined();
    }
  });
});
