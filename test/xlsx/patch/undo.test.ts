import { sameContent } from "../../../src/domain/plan";
import { applyPlanToXlsx } from "../../../src/xlsx/patch";
import { currentOf, excelJsReadBack, ownReadBack, plan, planned, workbookBytes } from "./support";

const A = "Tabel 3.3";
const B = "Tabel 7";

async function workbook(): Promise<Uint8Array> {
  return workbookBytes((wb) => {
    const a = wb.addWorksheet(A);
    a.addRow(["Kode", "Uraian", "Pagu N", "Pagu N+1"]);
    a.addRow(["1.01", "Program A", 5000, "4.765,000"]);
    a.addRow(["1.01.01", "Kegiatan A", 1000, 2000]);
    a.addRow(["1.01.02", "Kegiatan B", 4000, 2765]);
    a.getCell("C5").value = { formula: "SUM(C3:C4)", result: 5000 };
    a.getCell("E7").value = "'=teks";
    for (const ref of ["C2", "C3", "C4", "D3", "D4", "C5"]) a.getCell(ref).numFmt = "#,##0";
    a.getCell("F9").numFmt = "0.00%";
    const b = wb.addWorksheet(B);
    b.getCell("A1").value = "Tabel 7";
    b.getCell("C3").value = 12.5;
    b.getCell("C3").numFmt = "0.0";
  });
}

describe("apply then undo", () => {
  it("gives back identical values, formulas and number formats for every cell of every sheet", async () => {
    const input = await workbook();
    const cur = (sheet: string, cell: string) => currentOf(input, sheet, cell);
    const forward = plan([
      planned(A, "C2", cur(A, "C2"), { value: 5000, formula: "SUM(C3:C4)" }),
      planned(A, "D2", cur(A, "D2"), { value: 4765, numFmt: "#,##0" }),
      planned(A, "C5", cur(A, "C5"), { value: 5000, numFmt: "#,##0.00" }),
      planned(A, "B3", cur(A, "B3"), { value: "+62 kegiatan" }),
      planned(A, "E7", cur(A, "E7"), { value: null }),
      planned(A, "F9", cur(A, "F9"), { value: 0.638 }),
      planned(A, "H20", { value: null }, { value: "baris baru", numFmt: "@" }),
      planned(A, "B6", { value: null }, { value: 1, numFmt: "#,##0;(#,##0)" }),
      planned(B, "C3", cur(B, "C3"), { value: 13, numFmt: "General" }),
      planned(B, "B3", { value: null }, { value: false }),
    ]);
    const original = { exceljs: await excelJsReadBack(input), own: ownReadBack(input, [A, B]) };

    const applied = applyPlanToXlsx(input, forward);
    expect(await excelJsReadBack(applied.bytes)).not.toEqual(original.exceljs);
    for (const [i, c] of applied.undo.cells.entries()) {
      expect([c.cell, sameContent(c.before, forward.cells[i].after) || forward.cells[i].after.numFmt === undefined]).toEqual([c.cell, true]);
    }

    const undone = applyPlanToXlsx(applied.bytes, applied.undo);
    expect(await excelJsReadBack(undone.bytes)).toEqual(original.exceljs);
    expect(ownReadBack(undone.bytes, [A, B])).toEqual(original.own);
  });

  it("undo is refused when the user changed a written cell afterwards", async () => {
    const input = await workbook();
    const applied = applyPlanToXlsx(input, plan([planned(A, "C3", currentOf(input, A, "C3"), { value: 1500 })]));
    const typedOver = applyPlanToXlsx(applied.bytes, plan([planned(A, "C3", { value: 1500 }, { value: 1600 })]));
    expect(() => applyPlanToXlsx(typedOver.bytes, applied.undo)).toThrow(/'Tabel 3.3'!C3/);
  });
});
