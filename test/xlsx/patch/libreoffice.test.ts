/**
 * A real spreadsheet engine agrees with the cached results the patcher writes: LibreOffice recalculates every
 * formula on load (lo-sheets forces it) and its values must equal ours.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import Decimal from "decimal.js";
import { seedTables } from "../../support/seed";
import { applyPlanToXlsx } from "../../../src/xlsx/patch";
import { FIXTURE_SHEET, richWorkbook } from "./fixture";
import { currentOf, plan, planned, workbookBytes } from "./support";
import type { PlannedCell } from "../../../src/domain/plan";

const LO_SHEETS = process.env.LO_SHEETS ?? path.resolve(__dirname, "../../../../shared/tools/lo-sheets");
const hasLibreOffice = spawnSync("sh", ["-c", "command -v soffice"]).status === 0 && fs.existsSync(LO_SHEETS);
if (!hasLibreOffice) {
  console.warn(`SKIPPED: LibreOffice check needs 'soffice' on PATH and ${LO_SHEETS} (apt-get install -y libreoffice-calc-nogui).`);
}
const describeWithLibreOffice = hasLibreOffice ? describe : describe.skip;

/** Runs lo-sheets csv and returns sheet name → rows of raw cell texts. */
function recalculated(bytes: Uint8Array, sheets: string[]): Map<string, string[][]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "renja-lo-"));
  try {
    const file = path.join(dir, "patched.xlsx");
    fs.writeFileSync(file, bytes);
    const run = spawnSync(LO_SHEETS, ["csv", file, path.join(dir, "out")], { encoding: "utf8", timeout: 240000 });
    if (run.status !== 0) throw new Error(`lo-sheets failed: ${run.stderr}`);
    return new Map(sheets.map((s) => [s, parseCsv(fs.readFileSync(path.join(dir, "out", `patched-${s}.csv`), "utf8"))]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function parseCsv(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((l) => l !== "")
    .map((line) => {
      const cells: string[] = [];
      let cur = "";
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (quoted && ch === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') {
          quoted = !quoted;
        } else if (ch === "," && !quoted) {
          cells.push(cur);
          cur = "";
        } else {
          cur += ch;
        }
      }
      cells.push(cur);
      return cells;
    });
}

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
    const grid = recalculated(bytes, [S]).get(S) ?? [];
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
    const grid = recalculated(bytes, [S]).get(S) ?? [];
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
    const grid = recalculated(bytes, [S]).get(S) ?? [];
    expect(grid[1]?.[2]).toBe("5500"); // C2: the cached 5000 is stale after C3 changed; LibreOffice recomputes it.
    expect(grid[1]?.[3]).toBe("4765");
    expect(grid[4]?.[2]).toBe("5500"); // C5 = SUM(C3:C4), an untouched formula
  });
});
