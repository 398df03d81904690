/**
 * The Tabel Perubahan `renja generate perubahan` writes, recalculated by LibreOffice: every formula of the
 * generated sheet (parents' and the total's SUMs, each row's bertambah (berkurang) and its %) equals the result
 * cached in the file, in both layouts.
 */
import * as fs from "fs";
import { mapWorkbook } from "../../src/domain/mapping/mapWorkbook";
import { a1 } from "../../src/domain/sheet/snapshot";
import { openXlsxHost } from "../../src/xlsx";
import { tempDir } from "../cli/cliHarness";
import { generatePerubahan, type Layout } from "../support/perubahanFiles";
import { libreOfficeMissing, recalculatedSheets } from "./libreOffice";

const SHEET = "Tabel Perubahan (Renja Cermat)";

describe("Tabel Perubahan recalculated by LibreOffice", () => {
  const missing = libreOfficeMissing();
  if (missing) {
    it("is skipped: LibreOffice is not available", () => {
      console.warn(`SKIPPED (LibreOffice recalculation): ${missing}`);
    });
    return;
  }

  it.each<Layout>(["kode-empty", "kode-filled"])("%s: LibreOffice agrees with every formula", async (layout) => {
    const { output, run } = await generatePerubahan(tempDir(), layout);
    expect(run.code).toBe(0);
    const host = await openXlsxHost(fs.readFileSync(output), output);
    const sheets = await host.readAllSnapshots();
    const sheet = sheets.find((s) => s.name === SHEET);
    if (!sheet) throw new Error("no generated sheet");
    const lo = recalculatedSheets(output, [SHEET]).get(SHEET) ?? [];
    const seen: string[] = [];
    for (const [r, row] of sheet.rows) {
      for (const [c, cell] of row) {
        if (!cell.formula) continue;
        const recalculated = lo[r - 1]?.[c - 1] ?? "";
        seen.push(cell.formula.replace(/\d+/g, ""));
        const expected = typeof cell.value === "number" ? cell.value : cell.value ?? "";
        // LibreOffice writes a percent-formatted number with its % sign
        const got = typeof cell.value !== "number" ? recalculated : recalculated.endsWith("%") ? Number(recalculated.slice(0, -1)) / 100 : Number(recalculated);
        if (typeof expected === "number" && !Number.isInteger(expected)) expect([a1(r, c), got]).toEqual([a1(r, c), expect.closeTo(expected, 12)]);
        else expect([a1(r, c), got]).toEqual([a1(r, c), expected]);
      }
    }
    // parents' SUMs (ranges and lists), each row's selisih and %, the total row's
    expect(seen.filter((f) => f.startsWith("SUM(")).length).toBeGreaterThan(60);
    expect(seen.filter((f) => f === "G-F").length).toBe(39);
    expect(seen.filter((f) => f.startsWith("IF(")).length).toBe(6 + 15 + 39 + 1);
    // and the sheet still maps as what it is
    expect(mapWorkbook(sheets).tables.find((t) => t.sheet === SHEET)?.kind).toBe("tabel-perubahan");
  }, 240_000);
});
