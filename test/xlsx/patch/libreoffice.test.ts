/**
 * A real spreadsheet engine agrees with the cached results the patcher writes: LibreOffice recalculates every
 * formula on load (lo-sheets forces it) and its values must equal ours.
 */
import Decimal from "decimal.js";
import { libreOfficeMissing, recalculatedBytes } from "../../../scripts/libreOffice";
import { seedTables } from "../../support/seed";
import { applyPlanToXlsx } from "../../../src/xlsx/patch";
import { FIXTURE_SHEET, richWorkbook } from "./fixture";
import { currentOf, plan, planned, workbookBytes } from "./support";
import type { PlannedCell } from "../../../src/domain/plan";

const missing = libreOfficeMissing();
if (missing) console.warn(`SKIPPED: LibreOffice check: ${missing}.`);
const hasLibreOffice = missing === undefined;
const describeWithLibreOffice = hasLibreOffice ? describe : describe.skip;


/** Well-formed Rupiah amounts as the seed's Tabel 3.3 states them ("4.990.894.675"). */
function seedAmounts(): Decimal[] {
  const out: Decimal[] = [];
  for (const row of seedTables().tabel33.body) {
    for (const cell of row) if (/^\d{1,3}(\.\d{3})+$/.test(cell)) out.push(new Decimal(cell.replace(/\./g, "")));
  }
  return out;
}

describeWithLibreOffice("LibreOffice recalculates what the patcher wrote", () => {
  it("computes every SUM formula to the cached result (seed amounts, parents and a total)", async () => {
    const amounts = seedAmounts().slice(0, 24);
    expect(amounts.length).toBe(24);
    const S = "Tabel 3.3";
    // Layout: a parent row, then its three children; the total row after the last group.
    const groups = [0, 1, 2, 3, 4, 5, 6, 7].map((g) => amounts.slice(g * 3, g * 3 + 3));
    const input = await workbookBytes((wb) => {
      const ws = wb.addWorksheet(S);
      ws.getCell("A1").value = "Uraian";
      groups.forEach((children, g) => {
        const parentRow = 2 + g * 4;
        ws.getCell(parentRow, 1).value = `Kegiatan ${g + 1}`;
        children.forEach((amount, k) => {
          ws.getCell(parentRow + 1 + k, 1).value = `Sub kegiatan ${g + 1}.${k + 1}`;
          ws.getCell(parentRow + 1 + k, 3).value = amount.toNumber();
          ws.getCell(parentRow + 1 + k, 3).numFmt = "#,##0";
        });
      });
    });
    const cells: PlannedCell[] = groups.map((children, g) => {
      const r = 2 + g * 4;
      const sum = children.reduce((a, b) => a.plus(b), new Decimal(0));
      return planned(S, `C${r}`, { value: null }, { value: sum.toNumber(), formula: `SUM(C${r + 1}:C${r + 3})`, numFmt: "#,##0" });
    });
    const totalRow = 2 + groups.length * 4;
    const total = amounts.reduce((a, b) => a.plus(b), new Decimal(0));
    cells.push(planned(S, `C${totalRow}`, { value: null }, { value: total.toNumber(), formula: `SUM(${cells.map((c) => c.cell).join(",")})`, numFmt: "#,##0" }));

    const { bytes } = applyPlanToXlsx(input, plan(cells));
    const grid = recalculatedBytes(bytes, [S]).get(S) ?? [];
    for (const c of cells) {
      const computed = grid[c.row - 1]?.[c.col - 1];
      expect([c.cell, computed]).toEqual([c.cell, String(c.after.value)]);
    }
  });

  it("keeps text that looks like a formula as text, in new rows and between existing cells", async () => {
    const S = "Teks";
    const input = await workbookBytes((wb) => {
      const ws = wb.addWorksheet(S);
      ws.getCell("A1").value = 2;
      ws.getCell("C1").value = 3;
    });
    const { bytes } = applyPlanToXlsx(
      input,
      plan([
        planned(S, "B1", { value: null }, { value: "=A1+C1" }),
        planned(S, "A4", { value: null }, { value: "+62 811" }),
        planned(S, "B4", { value: null }, { value: 5, formula: "A1+C1" }),
      ]),
    );
    const grid = recalculatedBytes(bytes, [S]).get(S) ?? [];
    expect(grid[0]).toEqual(["2", "=A1+C1", "3"]);
    expect(grid[3]?.slice(0, 2)).toEqual(["+62 811", "5"]);
  });

  it("opens the patched chart/picture/comment fixture and recalculates its formulas", async () => {
    const input = await richWorkbook();
    const S = FIXTURE_SHEET;
    const { bytes } = applyPlanToXlsx(
      input,
      plan([
        planned(S, "C2", currentOf(input, S, "C2"), { value: 5000, formula: "SUM(C3:C4)" }),
        planned(S, "D2", currentOf(input, S, "D2"), { value: 4765, formula: "SUM(D3:D4)", numFmt: "#,##0.00" }),
        planned(S, "C3", currentOf(input, S, "C3"), { value: 1500 }),
      ]),
    );
    const grid = recalculatedBytes(bytes, [S]).get(S) ?? [];
    expect(grid[1]?.[2]).toBe("5500"); // C2: the cached 5000 is stale after C3 changed; LibreOffice recomputes it.
    expect(grid[1]?.[3]).toBe("4765");
    expect(grid[4]?.[2]).toBe("5500"); // C5 = SUM(C3:C4), an untouched formula
  });
});
