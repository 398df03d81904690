/** planRepairs and describePlan: hand-made slips, then the seed's Tabel 2.1 run-in Unit PD cells. */
import { mapWorkbook } from "../../../src/domain/mapping/mapWorkbook";
import { describePlan, planRepairs, planRollup, repairAlternatives } from "../../../src/domain/rollup";
import { seedSheet } from "../mapping/seedSheets";
import { planTable, planWorkbook } from "../../support/planWorkbook";

describe("planRepairs", () => {
  const wb = planWorkbook(
    planTable([
      { level: "kegiatan", uraian: "Administrasi Umum", paguN: "4.775.000" },
      { level: "subKegiatan", uraian: "Bahan Logistik", paguN: "4.765,000" },
      { level: "subKegiatan", uraian: "Cetakan", paguN: "10.000" },
    ]),
  );

  it("turns each malformed amount into the suggestion that balances its parent, and each amount stored as text into its number", () => {
    const plan = planRepairs(wb);
    expect(plan.cells.map((c) => [c.cell, c.before, c.after])).toEqual([
      ["F6", { value: "4.765,000" }, { value: 4765000, numFmt: "#,##0" }],
      ["F5", { value: "4.775.000" }, { value: 4775000, numFmt: "#,##0" }],
      ["F7", { value: "10.000" }, { value: 10000, numFmt: "#,##0" }],
    ]);
    expect(describePlan(plan, "id")).toEqual([
      `'Tabel 3.3'!F6: "4.765,000" → 4.765.000 (${plan.cells[0].reason.id})`,
      `'Tabel 3.3'!F5: "4.775.000" → 4.775.000 ("4.775.000" tersimpan sebagai teks; disimpan sebagai angka 4.775.000)`,
      `'Tabel 3.3'!F7: "10.000" → 10.000 ("10.000" tersimpan sebagai teks; disimpan sebagai angka 10.000)`,
    ]);
  });

  it("lets the user pick another plausible reading per cell, and refuses one that is not one", () => {
    expect(repairAlternatives(wb, planRepairs(wb))).toEqual({ "'Tabel 3.3'!F6": ["4765000", "4765"] });
    const plan = planRepairs(wb, { "'Tabel 3.3'!F6": "4765" });
    expect(plan.cells[0].after).toEqual({ value: 4765, numFmt: "#,##0" });
    expect(plan.cells[0].reason.en).toBe(`the user's choice for "4.765,000"`);
    expect(() => planRepairs(wb, { "'Tabel 3.3'!F6": "123" })).toThrow(/not one of the candidates/);
  });
});

describe("the seed's Tabel 2.1: the Unit PD run into the last Rp column", () => {
  const { sheet } = seedSheet("tabel21");
  const wb = mapWorkbook([sheet]);
  const table = wb.tables[0];
  const N = table.columns.realisasiAkhirRp as number;
  const O = table.columns.unitPd as number;

  it('splits "6.757.833.494 Kantor Kec. Tomoni" into the amount (a number) and the empty Unit PD cell beside it, 11 rows', () => {
    const plan = planRepairs(wb);
    const split = plan.cells.filter((c) => c.col === O);
    expect(split.length).toBe(11);
    for (const c of split) {
      expect(c.after).toEqual({ value: "Kantor Kec. Tomoni" });
      expect(c.before).toEqual({ value: null });
      const amount = plan.cells.find((a) => a.row === c.row && a.col === N);
      expect(typeof amount?.after.value).toBe("number");
    }
    const first = plan.cells.find((c) => c.before.value === "6.757.833.494 Kantor Kec. Tomoni");
    expect(first?.after).toEqual({ value: 6757833494, numFmt: "#,##0" });
  });

  it("before the split, recompute skips the parents of those cells and says why", () => {
    const { skipped } = planRollup(wb, { mode: "formulas" });
    const notAmounts = skipped.filter((s) => /bukan angka/.test(s.reason.id));
    expect(notAmounts.map((s) => s.cell)).toEqual(["N46", "N49", "N51", "N53"]);
    // and the parents above them, which wait for their sums
    expect(skipped.filter((s) => /N\d+ belum dapat dihitung/.test(s.reason.id)).map((s) => s.cell)).toEqual(["N38", "N86"]);
  });
});
