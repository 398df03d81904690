/** The host on the fixture engineer's hostile workbooks (test/fixtures/generated, built by jest's globalSetup). */
import * as fs from "fs";
import * as path from "path";
import { cellAt, cellText, parseA1 } from "../../src/domain/sheet/snapshot";
import type { SheetSnapshot } from "../../src/domain/sheet/snapshot";
import { openXlsxHost } from "../../src/xlsx";
import { SNAPSHOT_TEXT_LIMIT } from "../../src/xlsx/packageSnapshots";
import { readCellContents } from "../../src/xlsx/patch";
import { EXCEL_MAX_CELL_CHARS, FIXTURE_CELLS, FIXTURE_FILES, GENERATED_DIR, MANY_SHEETS } from "../fixtures/build-fixtures";

async function snapshots(file: string): Promise<SheetSnapshot[]> {
  const host = await openXlsxHost(new Uint8Array(fs.readFileSync(path.join(GENERATED_DIR, file))), file);
  return host.readAllSnapshots({ styles: true });
}

function sheet(all: SheetSnapshot[], name: string): SheetSnapshot {
  const found = all.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

function at(s: SheetSnapshot, address: string) {
  const ref = parseA1(address);
  if (!ref) throw new Error(`bad address ${address}`);
  return cellAt(s, ref.row, ref.col);
}

describe("host on the generated fixtures", () => {
  it("stray-cell.xlsx: reads the value at row 1,048,576 and stores only real rows", async () => {
    const s = sheet(await snapshots(FIXTURE_FILES.strayCell), "Tabel 7");
    expect(s.maxRow).toBe(1048576);
    expect(at(s, FIXTURE_CELLS.strayCell)).toBeDefined();
    expect(s.rows.size).toBeLessThan(200);
  });

  it("errors.xlsx: error results come through as errors with their formulas", async () => {
    const s = sheet(await snapshots(FIXTURE_FILES.errors), "Tabel 7");
    const expected = FIXTURE_CELLS.errors;
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    for (const [address, error] of Object.entries(expected)) {
      const cell = at(s, address);
      expect({ address, error: cell?.error, value: cell?.value, hasFormula: Boolean(cell?.formula) }).toEqual({ address, error, value: null, hasFormula: true });
    }
  });

  it("huge-cell.xlsx: the snapshot cuts the 32,767-character cell for mapping; the cell reader keeps it whole", async () => {
    const s = sheet(await snapshots(FIXTURE_FILES.hugeCell), "Tabel 7");
    const [whole] = readCellContents(new Uint8Array(fs.readFileSync(path.join(GENERATED_DIR, FIXTURE_FILES.hugeCell))), [{ sheet: "Tabel 7", cell: FIXTURE_CELLS.hugeCell }]);
    expect(typeof whole.value === "string" && whole.value.length).toBe(EXCEL_MAX_CELL_CHARS);
    expect(cellText(at(s, FIXTURE_CELLS.hugeCell))).toBe((whole.value as string).slice(0, SNAPSHOT_TEXT_LIMIT));
    expect(SNAPSHOT_TEXT_LIMIT).toBeLessThan(EXCEL_MAX_CELL_CHARS);
  });

  it("merged-data.xlsx: reports the merged data ranges", async () => {
    const s = sheet(await snapshots(FIXTURE_FILES.mergedData), "Tabel 7");
    const ranges = s.merges.map((m) => `${columnOf(m.left)}${m.top}:${columnOf(m.right)}${m.bottom}`);
    for (const range of FIXTURE_CELLS.mergedData) expect(ranges).toContain(range);
  });

  it("many-sheets.xlsx: lists all 150 sheets in tab order", async () => {
    const all = await snapshots(FIXTURE_FILES.manySheets);
    expect(all).toHaveLength(MANY_SHEETS.count);
    // renjaIndex counts sheets from 1, as the tabs do.
    expect(all[MANY_SHEETS.renjaIndex - 1].name).toBe(MANY_SHEETS.renjaSheet);
  });

  it("empty-workbook.xlsx: sheets without any cell", async () => {
    const all = await snapshots(FIXTURE_FILES.emptyWorkbook);
    expect(all.every((s) => s.rows.size === 0 && s.maxRow === 0 && s.maxCol === 0)).toBe(true);
  });
});

function columnOf(col: number): string {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}
