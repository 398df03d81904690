import { applyPlanToXlsx, readCellContents } from "../../../src/xlsx/patch";
import { currentOf, entryText, excelJsReadBack, loadWorkbook, plan, planned, workbookBytes } from "./support";

const S = "Tabel 3.3";

async function tabel33(): Promise<Uint8Array> {
  return workbookBytes((wb) => {
    const ws = wb.addWorksheet(S);
    ws.addRow(["Kode", "Uraian", "Pagu N", "Pagu N+1"]);
    ws.addRow(["1.01", "Program A", 5000, "4.765"]);
    ws.addRow(["1.01.01", "Kegiatan A", 1000, 2000]);
    ws.addRow(["1.01.02", "Kegiatan B", 4000, 2765]);
    ws.getCell("A6").value = "Catatan";
    ws.getCell("A8").value = "kiri";
    ws.getCell("C8").value = "kanan";
    for (const ref of ["C2", "C3", "C4", "D3", "D4"]) ws.getCell(ref).numFmt = "#,##0";
    ws.getCell("C10").value = 7;
  });
}

describe("applyPlanToXlsx writes planned cells", () => {
  let input: Uint8Array;
  let output: Uint8Array;

  beforeAll(async () => {
    input = await tabel33();
    const cur = (cell: string) => currentOf(input, S, cell);
    const result = applyPlanToXlsx(
      input,
      plan([
        planned(S, "C3", { value: 1000, numFmt: "#,##0" }, { value: 1500, numFmt: "#,##0" }),
        planned(S, "B2", { value: "Program A" }, { value: "Program Penunjang Urusan" }),
        planned(S, "B3", { value: "Kegiatan A" }, { value: "=SUM(C1)" }),
        planned(S, "C2", cur("C2"), { value: 5500, formula: "SUM(C3:C4)", numFmt: "#,##0" }),
        planned(S, "D3", cur("D3"), { value: 2000, numFmt: "#,##0.00" }),
        planned(S, "D4", cur("D4"), { value: 2765, numFmt: "#,##0;[Red]-#,##0" }),
        planned(S, "C5", { value: null }, { value: 42 }),
        planned(S, "B8", { value: null }, { value: "tengah" }),
        planned(S, "D2", { value: "4.765" }, { value: 4765, numFmt: "#,##0" }),
        planned(S, "E2", { value: null }, { value: "4765" }),
        planned(S, "B12", { value: null }, { value: true }),
      ]),
    );
    output = result.bytes;
  });

  it("leaves the input bytes alone", async () => {
    expect(readCellContents(input, [{ sheet: S, cell: "C3" }])[0].value).toBe(1000);
  });

  it("writes numbers, text, formulas with cached results and booleans that ExcelJS reads back", async () => {
    const wb = await loadWorkbook(output);
    const ws = wb.getWorksheet(S);
    if (!ws) throw new Error("sheet missing");
    expect(ws.getCell("C3").value).toBe(1500);
    expect(ws.getCell("C3").numFmt).toBe("#,##0");
    expect(ws.getCell("B2").value).toBe("Program Penunjang Urusan");
    expect(ws.getCell("C2").formula).toBe("SUM(C3:C4)");
    expect(ws.getCell("C2").result).toBe(5500);
    expect(ws.getCell("C5").value).toBe(42);
    expect(ws.getCell("B8").value).toBe("tengah");
    expect(ws.getCell("A8").value).toBe("kiri");
    expect(ws.getCell("C8").value).toBe("kanan");
    expect(ws.getCell("D2").value).toBe(4765);
    expect(ws.getCell("D2").numFmt).toBe("#,##0");
    expect(ws.getCell("B12").value).toBe(true);
    expect(ws.getCell("C10").value).toBe(7);
  });

  it("writes text that looks like a formula or a number as text with the Text format", async () => {
    const wb = await loadWorkbook(output);
    const ws = wb.getWorksheet(S);
    expect(ws?.getCell("B3").value).toBe("=SUM(C1)");
    expect(ws?.getCell("B3").formula).toBeUndefined();
    expect(ws?.getCell("B3").numFmt).toBe("@");
    expect(ws?.getCell("E2").value).toBe("4765");
    expect(ws?.getCell("E2").numFmt).toBe("@");
    expect(entryText(output, "xl/worksheets/sheet1.xml")).not.toContain("<f>=SUM(C1)");
  });

  it("changes number formats through built-in ids and added custom formats", async () => {
    const wb = await loadWorkbook(output);
    const ws = wb.getWorksheet(S);
    expect(ws?.getCell("D3").numFmt).toBe("#,##0.00");
    expect(ws?.getCell("D4").numFmt).toBe("#,##0;[Red]-#,##0");
    // The other cells that shared D3's old style keep "#,##0".
    expect(ws?.getCell("C4").numFmt).toBe("#,##0");
    expect(entryText(output, "xl/styles.xml")).toContain('formatCode="#,##0;[Red]-#,##0"');
  });

  it("reads back with its own reader what it wrote", () => {
    const got = readCellContents(output, ["C2", "B3", "C5", "B8", "E2", "D4", "B12", "A1"].map((cell) => ({ sheet: S, cell })));
    expect(got).toEqual([
      { value: 5500, formula: "SUM(C3:C4)", numFmt: "#,##0" },
      { value: "=SUM(C1)", numFmt: "@" },
      { value: 42, numFmt: "General" },
      { value: "tengah", numFmt: "General" },
      { value: "4765", numFmt: "@" },
      { value: 2765, numFmt: "#,##0;[Red]-#,##0" },
      { value: true, numFmt: "General" },
      { value: "Kode", numFmt: "General" },
    ]);
  });

  it("keeps rows and cells in sorted order and tells Excel to recalculate on open", () => {
    const xml = entryText(output, "xl/worksheets/sheet1.xml");
    const rows = [...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(rows).toContain(5);
    const row8 = /<row r="8"[^>]*>(.*?)<\/row>/.exec(xml)?.[1] ?? "";
    expect([...row8.matchAll(/<c r="([A-Z]+)8"/g)].map((m) => m[1])).toEqual(["A", "B", "C"]);
    expect(entryText(output, "xl/workbook.xml")).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it("ExcelJS reads every untouched cell as before", async () => {
    const before = await excelJsReadBack(input);
    const after = await excelJsReadBack(output);
    const touched = new Set(["C3", "B2", "B3", "C2", "D3", "D4", "C5", "B8", "D2", "E2", "B12"].map((c) => `${S}!${c}`));
    for (const [key, cell] of before) if (!touched.has(key)) expect([key, after.get(key)]).toEqual([key, cell]);
  });
});
