import ExcelJS from "exceljs";
import { openXlsxHost } from "../../src/xlsx";
import { DEFAULT_READ_TUNING } from "../../src/office/readSnapshot";
import type { SheetSnapshot } from "../../src/domain/sheet/snapshot";
import { cellAt } from "../../src/domain/sheet/snapshot";
import { FakeWorkbook } from "./fakeExcel";
import { COLUMNS, hostFor, renjaFake, syncCounter } from "./support";

const ROWS = 10_000;

describe("Office host: reading a sheet", () => {
  it("reads a 10,000-row sheet in at most ceil(rows/chunk) + 1 syncs, each under 5 MB", async () => {
    const fake = renjaFake(ROWS);
    const host = hostFor(fake);
    const [ref] = await host.listSheets();
    const count = syncCounter(fake);
    const snapshot = await host.readSnapshot(ref);
    const { work: syncs, cleanup } = count();
    expect(cleanup).toBeLessThanOrEqual(1);
    const usedRows = ROWS + 2;
    const firstChunk = Math.min(DEFAULT_READ_TUNING.firstChunkRows, Math.floor(DEFAULT_READ_TUNING.firstChunkCells / COLUMNS));
    expect(syncs).toBeLessThanOrEqual(Math.ceil(usedRows / firstChunk) + 1);
    expect(syncs).toBe(host.stats.lastRead?.syncs);
    expect(Math.max(...fake.maxResponseBytes)).toBeLessThan(5 * 1024 * 1024);
    console.log(`read ${usedRows} rows x ${COLUMNS} cols: ${syncs} syncs, chunks ${host.stats.lastRead?.chunkRows.join("+")}, largest response ${Math.max(...fake.maxResponseBytes)} bytes`);
    expect(snapshot.maxRow).toBe(usedRows);
    expect(snapshot.maxCol).toBe(8);
    expect(cellAt(snapshot, 3, 6)).toEqual({ value: 4_765_000 * 9, formula: "SUM(F4:F12)", numFmt: "#,##0" });
    expect(cellAt(snapshot, 4, 3)).toEqual({ value: "Penyusunan Dokumen Perencanaan Perangkat Daerah 1" });
    expect(cellAt(snapshot, 4, 1)).toBeUndefined();
    expect(cellAt(snapshot, usedRows, 6)).toEqual({ value: 4_765_000, numFmt: "#,##0" });
  });

  it("reads the same sheet with style cues (ExcelApi 1.9) within the same budget and under 5 MB per sync", async () => {
    const fake = renjaFake(ROWS, "1.9");
    const host = hostFor(fake);
    const count = syncCounter(fake);
    const snapshot = await host.readSnapshot({ id: "Tabel 3.3", name: "Tabel 3.3", visible: true }, { styles: true });
    const { work: syncs, cleanup } = count();
    expect(cleanup).toBeLessThanOrEqual(1);
    const firstChunk = Math.floor(DEFAULT_READ_TUNING.firstChunkCells / 2 / COLUMNS);
    expect(syncs).toBeLessThanOrEqual(Math.ceil((ROWS + 2) / firstChunk) + 1);
    expect(Math.max(...fake.maxResponseBytes)).toBeLessThan(5 * 1024 * 1024);
    console.log(`read with styles: ${syncs} syncs, chunks ${host.stats.lastRead?.chunkRows.join("+")}, largest response ${Math.max(...fake.maxResponseBytes)} bytes`);
    expect(cellAt(snapshot, 3, 3)).toEqual({ value: "Program Penyelenggaraan Pemerintahan Kecamatan 0", bold: true });
    expect(cellAt(snapshot, 4, 3)).toEqual({ value: "Penyusunan Dokumen Perencanaan Perangkat Daerah 1", indent: 2 });
  });

  it("halves the chunk on a payload error mid-read and still returns the full snapshot", async () => {
    const fake = renjaFake(2_000);
    const expected = await hostFor(renjaFake(2_000)).readSnapshot({ id: "Tabel 3.3", name: "Tabel 3.3", visible: true });
    // A smaller limit plays the part of 5 MB: the 2nd chunk (grown from the 1st's measure) is refused.
    const host = hostFor(fake, { read: { firstChunkCells: 4_000, firstChunkRows: 500, maxChunkRows: 5_000, targetChunkBytes: 2_000_000, safeChunkBytes: 3_500_000 } });
    fake.responseLimit = 300_000;
    const snapshot = await host.readSnapshot({ id: "Tabel 3.3", name: "Tabel 3.3", visible: true });
    const report = host.stats.lastRead;
    expect(report?.payloadRetries).toBeGreaterThan(0);
    expect(report?.chunkRows.reduce((a, b) => a + b, 0)).toBe(2_002);
    console.log(`payload retry: chunks ${report?.chunkRows.join("+")}, ${report?.payloadRetries} retries, ${report?.syncs} syncs`);
    expect(plain(snapshot)).toEqual(plain(expected));
  });

  it("reads errors, en-US formulas, style cues and hidden rows (ExcelApi 1.9) in the chunk's own sync", async () => {
    const fake = new FakeWorkbook();
    fake.apiVersion = "1.9";
    fake.addSheet(
      "S",
      [
        ["Program", { value: 10, formula: "ROUND(10,0)" }],
        [{ value: "Kegiatan", indent: 1, bold: true }, { value: null, error: "#REF!", formula: "A1+#REF!" }],
        ["  ", { value: null, error: "#DIV/0!" }],
      ],
      { hiddenRows: [2, 3], merges: [{ top: 5, left: 1, bottom: 6, right: 2 }] },
    );
    const host = hostFor(fake);
    const count = syncCounter(fake);
    const s = await host.readSnapshot({ id: "S", name: "S", visible: true }, { styles: true });
    expect(count().work).toBe(2);
    expect(count().cleanup).toBeLessThanOrEqual(1);
    expect(cellAt(s, 1, 2)).toEqual({ value: 10, formula: "ROUND(10,0)" });
    expect(cellAt(s, 2, 1)).toEqual({ value: "Kegiatan", bold: true, indent: 1 });
    expect(cellAt(s, 2, 2)).toEqual({ value: null, error: "#REF!", formula: "A1+#REF!" });
    expect(cellAt(s, 3, 1)).toBeUndefined();
    expect(cellAt(s, 3, 2)).toEqual({ value: null, error: "#DIV/0!" });
    expect([...(s.hiddenRows ?? [])]).toEqual([2, 3]);
    expect(s.merges).toEqual([{ top: 5, left: 1, bottom: 6, right: 2 }]);
  });

  it("reads without style cues or hidden rows below ExcelApi 1.9 (no getCellProperties there)", async () => {
    const fake = new FakeWorkbook();
    fake.apiVersion = "1.8";
    fake.addSheet("S", [[{ value: "x", bold: true }]], { hiddenRows: [1] });
    const s = await hostFor(fake).readSnapshot({ id: "S", name: "S", visible: true }, { styles: true });
    expect(cellAt(s, 1, 1)).toEqual({ value: "x" });
    expect(s.hiddenRows).toBeUndefined();
  });

  it("reads an empty sheet in one sync", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("Kosong");
    const count = syncCounter(fake);
    const s = await hostFor(fake).readSnapshot({ id: "Kosong", name: "Kosong", visible: true });
    expect(count().work).toBe(1);
    expect(count().cleanup).toBeLessThanOrEqual(1);
    expect(s.maxRow).toBe(0);
    expect(s.rows.size).toBe(0);
  });

  it("gives the same snapshot as the .xlsx host for the same content", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tabel 3.3");
    ws.getCell("A1").value = "RENJA KECAMATAN";
    ws.mergeCells("A1:C1");
    ws.getCell("A3").value = "Program Penyelenggaraan";
    ws.getCell("A3").font = { bold: true };
    // SUM skips the text in B5, as Excel does.
    ws.getCell("B3").value = { formula: "SUM(B4:B5)", result: 4765000 };
    ws.getCell("B3").numFmt = "#,##0";
    ws.getCell("A4").value = "Penyusunan Dokumen";
    ws.getCell("A4").alignment = { indent: 2 };
    ws.getCell("B4").value = 4765000;
    ws.getCell("B4").numFmt = "#,##0";
    ws.getCell("B5").value = "4.765,000";
    ws.getCell("B5").numFmt = "@";
    ws.getCell("C4").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
    ws.getCell("C5").value = true;
    ws.getCell("D5").value = 63.8;
    ws.getRow(5).hidden = true;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const xlsx = await openXlsxHost(bytes, "same.xlsx");
    const [xref] = await xlsx.listSheets();
    const fromXlsx = await xlsx.readSnapshot(xref, { styles: true });

    const fake = new FakeWorkbook();
    fake.apiVersion = "1.9";
    fake.addSheet(
      "Tabel 3.3",
      [
        ["RENJA KECAMATAN"],
        [],
        [{ value: "Program Penyelenggaraan", bold: true }, { value: 4765000, formula: "SUM(B4:B5)", numFmt: "#,##0" }],
        [{ value: "Penyusunan Dokumen", indent: 2 }, { value: 4765000, numFmt: "#,##0" }, { value: null, error: "#REF!" }],
        [undefined, { value: "4.765,000", numFmt: "@" }, true, 63.8],
      ],
      { merges: [{ top: 1, left: 1, bottom: 1, right: 3 }], hiddenRows: [5] },
    );
    const host = hostFor(fake);
    const [oref] = await host.listSheets();
    const fromOffice = await host.readSnapshot(oref, { styles: true });
    expect(plain(fromOffice)).toEqual(plain(fromXlsx));
  });
});

/** Comparable form: the id differs by design (worksheet GUID in Excel, the name in .xlsx). */
function plain(s: SheetSnapshot): unknown {
  return {
    name: s.name,
    visible: s.visible,
    maxRow: s.maxRow,
    maxCol: s.maxCol,
    merges: s.merges,
    protected: s.protected,
    hiddenRows: s.hiddenRows ? [...s.hiddenRows] : undefined,
    rows: [...s.rows].map(([r, cells]) => [r, [...cells]]),
  };
}

describe("Office host: Excel's 5 million cells per read", () => {
  const tuning = { firstChunkCells: 50_000, firstChunkRows: 5_000, maxChunkRows: 50_000, targetChunkBytes: 2_000_000, safeChunkBytes: 3_500_000 };

  it("never asks one read for more cells than Excel returns (here a stand-in of 1,000)", async () => {
    const fake = renjaFake(300);
    fake.cellsPerRead = 1_000;
    const host = hostFor(fake, { read: { ...tuning, maxChunkCells: 1_000 } });
    const s = await host.readSnapshot({ id: "Tabel 3.3", name: "Tabel 3.3", visible: true });
    expect(s.maxRow).toBe(302);
    expect(Math.max(...(host.stats.lastRead?.chunkRows ?? []))).toBeLessThanOrEqual(125);
  });

  it("fails, instead of reading an empty sheet, when Excel answers a read without its arrays", async () => {
    const fake = renjaFake(300);
    fake.cellsPerRead = 1_000;
    const e = await hostFor(fake, { read: tuning }).readSnapshot({ id: "Tabel 3.3", name: "Tabel 3.3", visible: true }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "too-large" });
    expect((e as { messages: { id: string } }).messages.id).toContain("2.416 sel");
  });
});
