import { HostError } from "../../../src/domain/host";
import { applyPlanToXlsx, readCellContents } from "../../../src/xlsx/patch";
import { editPackage, editText, plan, planned, workbookBytes } from "./support";

const S = "Tabel 3.3";

async function workbook(): Promise<Uint8Array> {
  return workbookBytes((wb) => {
    const ws = wb.addWorksheet(S);
    ws.getCell("F12").value = "4765";
    ws.getCell("F13").value = 4765;
    ws.getCell("F14").value = { formula: "SUM(F12:F13)", result: 4765 };
    ws.getCell("F15").numFmt = "#,##0";
    ws.mergeCells("A1:C2");
    const locked = wb.addWorksheet("Terkunci");
    locked.getCell("A1").value = 1;
  });
}

function thrown(run: () => unknown): HostError {
  try {
    run();
  } catch (e) {
    if (e instanceof HostError) return e;
    throw e;
  }
  throw new Error("expected a HostError");
}

describe("apply refuses when a planned cell changed since it was read", () => {
  it("treats the text '4765' and the number 4765 as different and names the cell", async () => {
    const input = await workbook();
    const copy = input.slice();
    const err = thrown(() =>
      applyPlanToXlsx(input, plan([
        planned(S, "F12", { value: 4765 }, { value: 5000 }),
        planned(S, "F13", { value: 4765 }, { value: 5000 }),
      ])),
    );
    expect(err.code).toBe("changed-since-read");
    expect(err.messages.id).toBe("Sel berikut berubah sejak dibaca: 'Tabel 3.3'!F12. Tidak ada yang ditulis. Jalankan pemeriksaan lagi.");
    expect(err.messages.en).toContain("'Tabel 3.3'!F12");
    expect(err.messages.en).not.toContain("F13");
    expect(input).toEqual(copy);
  });

  it("names every changed cell, including a changed formula and a changed number format", async () => {
    const input = await workbook();
    const err = thrown(() =>
      applyPlanToXlsx(input, plan([
        planned(S, "F14", { value: 4765, formula: "SUM(F12:F14)" }, { value: 1, formula: "SUM(F13)" }),
        planned(S, "F13", { value: 4765, numFmt: "#,##0" }, { value: 5000 }),
      ])),
    );
    expect(err.code).toBe("changed-since-read");
    expect(err.messages.id).toContain("'Tabel 3.3'!F14, 'Tabel 3.3'!F13");
  });

  it("accepts an empty formatted cell planned as empty (snapshots carry no format for empty cells)", async () => {
    const input = await workbook();
    const { bytes } = applyPlanToXlsx(input, plan([planned(S, "F15", { value: null }, { value: 9530, formula: "F12+F13" })]));
    expect(readCellContents(bytes, [{ sheet: S, cell: "F15" }])[0]).toEqual({ value: 9530, formula: "F12+F13", numFmt: "#,##0" });
  });

  it("accepts the formula written with or without '=' and different spacing", async () => {
    const input = await workbook();
    expect(() =>
      applyPlanToXlsx(input, plan([planned(S, "F14", { value: 0, formula: "=SUM( F12:F13 )" }, { value: 4765 })])),
    ).not.toThrow();
  });
});

describe("apply refuses cells it cannot write, writing nothing", () => {
  it("refuses a protected sheet", async () => {
    const input = await workbookBytes(async (wb) => {
      const ws = wb.addWorksheet("Terkunci");
      ws.getCell("A1").value = 1;
      await ws.protect("rahasia", {});
    });
    const err = thrown(() => applyPlanToXlsx(input, plan([planned("Terkunci", "A1", { value: 1 }, { value: 2 })])));
    expect(err.code).toBe("protected");
    expect(err.messages.id).toContain("'Terkunci' diproteksi");
  });

  it("refuses a cell inside a merge that is not its top-left cell, and names the merge", async () => {
    const input = await workbook();
    const err = thrown(() =>
      applyPlanToXlsx(input, plan([
        planned(S, "F13", { value: 4765 }, { value: 1 }),
        planned(S, "B2", { value: null }, { value: 1 }),
      ])),
    );
    expect(err.messages.id).toContain("'Tabel 3.3'!B2 (A1:C2)");
    expect(err.messages.en).toContain("merged");
  });

  it("writes into the top-left cell of a merge", async () => {
    const input = await workbook();
    const { bytes } = applyPlanToXlsx(input, plan([planned(S, "A1", { value: null }, { value: "Judul" })]));
    expect(readCellContents(bytes, [{ sheet: S, cell: "A1" }])[0].value).toBe("Judul");
  });

  it("refuses part of a multi-cell array formula", async () => {
    const base = await workbookBytes((wb) => {
      const ws = wb.addWorksheet(S);
      [1, 2, 3].forEach((n) => (ws.getCell(`A${n}`).value = n));
      ws.getCell("B1").value = { formula: "A1*2", result: 2 };
      ws.getCell("B2").value = 4;
      ws.getCell("B3").value = 6;
    });
    // ExcelJS's types offer no array formula, so the fixture's XML states one.
    const input = editPackage(base, (files) =>
      editText(files, "xl/worksheets/sheet1.xml", (x) => x.replace("<f>A1*2</f>", '<f t="array" ref="B1:B3">A1:A3*2</f>')),
    );
    const err = thrown(() => applyPlanToXlsx(input, plan([planned(S, "B2", readCellContents(input, [{ sheet: S, cell: "B2" }])[0], { value: 5 })])));
    expect(err.messages.id).toContain("rumus array");
    expect(err.messages.id).toContain("'Tabel 3.3'!B2");
  });

  it("names an unknown sheet", async () => {
    const input = await workbook();
    const err = thrown(() => applyPlanToXlsx(input, plan([planned("Tabel 9", "A1", { value: null }, { value: 1 })])));
    expect(err.code).toBe("not-found");
    expect(err.messages.id).toContain("'Tabel 9'");
  });
});
