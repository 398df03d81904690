/**
 * planRollup on hand-made Tabel 3.3-like tables (rows from 5: see test/support/planWorkbook.ts; F = paguN, J = paguN1).
 */
import type { MappedWorkbook } from "../../../src/domain/mapping/types";
import type { PlannedCell } from "../../../src/domain/plan";
import { describeChanges, planRollup } from "../../../src/domain/rollup";
import type { MergeArea } from "../../../src/domain/sheet/snapshot";
import { planTable, planWorkbook, type PlanRowSpec } from "../../support/planWorkbook";

const P = (uraian: string, paguN: PlanRowSpec["paguN"], paguN1: PlanRowSpec["paguN1"] = null): PlanRowSpec => ({ level: "program", uraian, paguN, paguN1 });
const K = (uraian: string, paguN: PlanRowSpec["paguN"], paguN1: PlanRowSpec["paguN1"] = null): PlanRowSpec => ({ level: "kegiatan", uraian, paguN, paguN1 });
const S = (uraian: string, paguN: PlanRowSpec["paguN"], paguN1: PlanRowSpec["paguN1"] = null): PlanRowSpec => ({ level: "subKegiatan", uraian, paguN, paguN1 });
const T = (paguN: PlanRowSpec["paguN"], paguN1: PlanRowSpec["paguN1"] = null): PlanRowSpec => ({ level: "total", uraian: "JUMLAH", paguN, paguN1 });

function workbook(rows: PlanRowSpec[], sheet: { merges?: MergeArea[]; hiddenRows?: number[] } = {}): MappedWorkbook {
  const wb = planWorkbook(planTable(rows));
  const s = wb.sheets[0];
  wb.sheets[0] = { ...s, merges: sheet.merges ?? s.merges, hiddenRows: sheet.hiddenRows ? new Set(sheet.hiddenRows) : undefined };
  return wb;
}

function byCell(cells: PlannedCell[]): Record<string, PlannedCell> {
  return Object.fromEntries(cells.map((c) => [c.cell, c]));
}

describe("planRollup, formulas", () => {
  // 5 program, 6 kegiatan, 7–8 sub, 9 kegiatan, 10 sub, 11 total
  const rows = [
    P("PROGRAM A", 999, 40),
    K("Kegiatan 1", 30, 30),
    S("Sub 1a", 10, 10),
    S("Sub 1b", 20, 20),
    K("Kegiatan 2", 5, 10),
    S("Sub 2a", 5, 10),
    T(999, 40),
  ];

  it("writes SUM over exactly the children, with the computed result cached, and says how much each total moves", () => {
    const { plan, changes, skipped } = planRollup(workbook(rows), { mode: "formulas", accept: "all" });
    expect(skipped).toEqual([]);
    const cells = byCell(plan.cells);
    expect(cells.F6.after).toEqual({ value: 30, formula: "SUM(F7:F8)" });
    expect(cells.F9.after).toEqual({ value: 5, formula: "SUM(F10)" });
    // kegiatan rows 6 and 9 are not contiguous: a list, never a range over the sub kegiatan between them
    expect(cells.F5.after).toEqual({ value: 35, formula: "SUM(F6,F9)" });
    expect(cells.F11.after).toEqual({ value: 35, formula: "SUM(F5)" });
    expect(cells.J5.after).toEqual({ value: 40, formula: "SUM(J6,J9)" });
    expect(cells.F5.before).toEqual({ value: 999 });
    const program = changes.find((c) => c.cell === "F5");
    expect([program?.before?.toFixed(), program?.after.toFixed(), program?.difference.toFixed()]).toEqual(["999", "35", "-964"]);
    expect(describeChanges(changes, "id")).toEqual(["'Tabel 3.3'!F11 JUMLAH: 999 → 35 (-964)", "'Tabel 3.3'!F5 PROGRAM A: 999 → 35 (-964)"]);
  });

  it("leaves a correct formula with a correct cached result alone, and replaces a wrong one", () => {
    const wb = workbook([
      P("PROGRAM A", { value: 30, formula: "SUM(F6)" }, { value: 30, formula: "SUM(J6:J7)" }),
      K("Kegiatan 1", { value: 30, formula: "SUM(F7:F8)" }, { value: 20, formula: "SUM(J7)" }),
      S("Sub 1a", 10, 10),
      S("Sub 1b", 20, 20),
    ]);
    const { plan } = planRollup(wb, { mode: "formulas", accept: "all" });
    const cells = byCell(plan.cells);
    expect(Object.keys(cells).sort()).toEqual(["J5", "J6"]);
    expect(cells.J6.after).toEqual({ value: 30, formula: "SUM(J7:J8)" });
    expect(cells.J5.after).toEqual({ value: 30, formula: "SUM(J6)" });
  });

  it("turns children that hold amounts as text into numbers (SUM skips text), with the amount format", () => {
    const { plan } = planRollup(workbook([K("Kegiatan", "30.000"), S("a", "10.000"), S("b", "20.000"), S("c", "-")]), { mode: "formulas", accept: "all" });
    const cells = byCell(plan.cells);
    expect(cells.F5.after).toEqual({ value: 30000, formula: "SUM(F6:F8)", numFmt: "#,##0" });
    expect(cells.F6.after).toEqual({ value: 10000, numFmt: "#,##0" });
    expect(cells.F7.after).toEqual({ value: 20000, numFmt: "#,##0" });
    expect(cells.F8).toBeUndefined(); // "-" is zero for SUM as for us
  });

  it("mode values: only parents whose amount is wrong (or stored as text) change, to numbers", () => {
    const { plan } = planRollup(workbook([K("Kegiatan", "30.000"), S("a", "10.000"), S("b", "20.000"), K("Kegiatan 2", 7), S("c", 7)]), { mode: "values", accept: "all" });
    expect(plan.cells.map((c) => [c.cell, c.after])).toEqual([["F5", { value: 30000, numFmt: "#,##0" }]]);
  });

  it("skips a parent whose child is mistyped, and every parent above it, saying to fix the numbers first (Perbaiki Angka)", () => {
    const { plan, skipped } = planRollup(workbook([P("PROGRAM", 1), K("Keg", 2), S("a", "4.765,000"), S("b", 1), T(3)]), { mode: "formulas", accept: "all" });
    expect(plan.cells.filter((c) => c.col === 6)).toEqual([]);
    expect(skipped.map((s) => s.cell)).toEqual(["F6", "F5", "F9"]);
    expect(skipped[0].reason.id).toMatch(/F7 salah ketik \(perbaiki dulu dengan Perbaiki Angka\)/);
    expect(skipped[1].reason.en).toMatch(/F6 could not be computed/);
  });

  it("does not write a sum past 2^53, which a cell (a double) cannot hold exactly, nor anything above it", () => {
    const { plan, skipped } = planRollup(workbook([P("PROGRAM", 1), K("Keg", 2), S("a", 5_000_000_000_000_000), S("b", 5_000_000_000_000_001), T(3)]), { mode: "formulas", accept: "all" });
    expect(plan.cells.filter((c) => c.col === 6)).toEqual([]);
    expect(skipped.map((s) => s.cell)).toEqual(["F6", "F5", "F9"]);
    expect(skipped[0].reason.id).toMatch(/jumlah rinciannya, 10\.000\.000\.000\.000\.001, lebih besar daripada yang dapat disimpan tepat oleh sel/);
    expect(skipped[0].reason.en).toMatch(/the sum of its children, 10,000,000,000,000,001, is larger than a cell can hold exactly/);
  });

  it("never overwrites a parent cell holding words", () => {
    const { plan, skipped } = planRollup(workbook([K("Keg", "lihat lampiran"), S("a", 1), S("b", 2)]), { mode: "formulas", accept: "all" });
    expect(plan.cells.find((c) => c.cell === "F5")).toBeUndefined();
    expect(skipped[0].reason.id).toMatch(/berisi teks "lihat lampiran"/);
  });

  it("sums hidden (filtered) children too, with the same formula: SUM counts hidden rows, SUBTOTAL would not", () => {
    const { plan } = planRollup(workbook([K("Keg", 1), S("a", 10), S("b", 20), S("c", 30)], { hiddenRows: [7] }), { mode: "formulas", accept: "all" });
    expect(byCell(plan.cells).F5.after).toEqual({ value: 60, formula: "SUM(F6:F8)" });
  });

  describe("merged parent cells", () => {
    const rows = [K("Keg", 1), { level: "other" as const, uraian: "" }, S("a", 10), S("b", 20)];

    it("writes the top-left cell of a merge that is the parent's own cell area (its row and a continuation line)", () => {
      const { plan, skipped } = planRollup(workbook(rows, { merges: [{ top: 5, left: 6, bottom: 6, right: 6 }] }), { mode: "formulas", accept: "all" });
      expect(skipped).toEqual([]);
      expect(byCell(plan.cells).F5.after).toEqual({ value: 30, formula: "SUM(F7:F8)" });
    });

    it("skips a parent whose merge reaches another column or row, or whose cell is not the merge's top-left", () => {
      for (const merge of [{ top: 5, left: 6, bottom: 5, right: 7 }, { top: 5, left: 5, bottom: 5, right: 6 }, { top: 5, left: 6, bottom: 7, right: 6 }]) {
        const { plan, skipped } = planRollup(workbook(rows, { merges: [merge] }), { mode: "formulas", accept: "all" });
        expect(plan.cells.find((c) => c.cell === "F5")).toBeUndefined();
        expect(skipped.map((s) => s.cell)).toEqual(["F5"]);
        expect(skipped[0].reason.id).toMatch(/sel gabungan/);
      }
    });
  });
});
