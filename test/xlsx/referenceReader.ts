/** Compares the fast reader's snapshots of a workbook with the ExcelJS-based reference reader's. */
import { openXlsxHost } from "../../src/xlsx";
import { openExcelJsXlsxHost } from "../../src/xlsx/xlsxHost";

/** Asserts identical snapshots (with and without style cues) for every sheet; returns how many cells it compared. */
export async function expectSameAsReference(bytes: Uint8Array, fileName = "test.xlsx"): Promise<number> {
  const fast = await openXlsxHost(bytes, fileName);
  const reference = await openExcelJsXlsxHost(bytes, fileName);
  expect(await fast.listSheets()).toEqual(await reference.listSheets());
  let cells = 0;
  for (const styles of [true, false]) {
    const a = await fast.readAllSnapshots({ styles });
    const b = await reference.readAllSnapshots({ styles });
    expect(a.map((s) => s.name)).toEqual(b.map((s) => s.name));
    a.forEach((sheet, i) => {
      const ref = b[i];
      // Cell by cell first, so a failure names the cell.
      for (const [r, row] of ref.rows) {
        for (const [c, cell] of row) {
          expect({ sheet: sheet.name, r, c, cell: sheet.rows.get(r)?.get(c) }).toEqual({ sheet: sheet.name, r, c, cell });
          cells++;
        }
      }
      expect(sheet).toEqual(ref);
      // toEqual does not compare Map order; readers of a snapshot walk rows in order.
      expect([...sheet.rows.keys()]).toEqual([...ref.rows.keys()]);
    });
  }
  return cells;
}
