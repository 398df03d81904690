/**
 * Compares the one package reader's snapshots of a workbook with the ExcelJS oracle's. ExcelJS's known quirks are
 * normalised here, on the oracle's side, so the production reader can read the file as it is:
 * - it drops the backslash of escaped characters in number formats ("#,##0;\-#,##0" reads as "#,##0;-#,##0");
 * - it applies no style for s="0" (the first cell style's format, bold and indent are lost);
 * - it reads every <b> element as bold, <b val="0"/> included;
 * - it counts a sheet protected only for sheet="1", not sheet="true";
 * - it turns date cells into Dates, rounding the serial to whole milliseconds;
 * - it keeps the content of cells covered by merges too large for it (the oracle diverts those, hugeMerges.ts);
 * - it keeps text of any length (the reader cuts snapshot text at SNAPSHOT_TEXT_LIMIT).
 */
import type { Cell, SheetSnapshot } from "../../src/domain/sheet/snapshot";
import { openXlsxHost } from "../../src/xlsx";
import { cutSnapshotText, readCellStyles, type CellStyle } from "../../src/xlsx/packageSnapshots";
import { openPackage } from "../../src/xlsx/patch/package";
import { openExcelJsXlsxHost } from "./oracle/excelJsHost";

/** Asserts the same snapshots (with and without style cues) for every sheet; returns how many cells it compared. */
export async function expectSameAsReference(bytes: Uint8Array, fileName = "test.xlsx"): Promise<number> {
  const fast = await openXlsxHost(bytes, fileName);
  const reference = await openExcelJsXlsxHost(bytes, fileName);
  expect(await fast.listSheets()).toEqual(await reference.listSheets());
  const pkg = openPackage(bytes);
  const styles = readCellStyles(pkg);
  const fontValZero = /<(\w+:)?b\s+val="(0|false)"/.test(pkg.stylesPath && pkg.has(pkg.stylesPath) ? pkg.text(pkg.stylesPath) : "");
  let cells = 0;
  for (const withStyles of [true, false]) {
    const a = await fast.readAllSnapshots({ styles: withStyles });
    const b = await reference.readAllSnapshots({ styles: withStyles });
    expect(a.map((s) => s.name)).toEqual(b.map((s) => s.name));
    a.forEach((sheet, i) => {
      const protectedAsTrue = /<(\w+:)?sheetProtection[^>]*\ssheet="true"/.test(pkg.text(pkg.sheets[i].path));
      const ref = normaliseOracle(b[i], sheet, styles[0], fontValZero, protectedAsTrue);
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

/** The oracle's snapshot with ExcelJS's quirks taken out, judged against what the reader read. */
function normaliseOracle(ref: SheetSnapshot, ours: SheetSnapshot, first: CellStyle | undefined, fontValZero: boolean, protectedAsTrue: boolean): SheetSnapshot {
  const rows = new Map<number, Map<number, Cell>>();
  for (const [r, row] of ref.rows) {
    const out = new Map<number, Cell>();
    for (const [c, cell] of row) {
      const covered = ref.merges.some((m) => m.top <= r && r <= m.bottom && m.left <= c && c <= m.right && (m.top !== r || m.left !== c));
      if (covered) continue;
      out.set(c, normaliseCell(cell, ours.rows.get(r)?.get(c), first, fontValZero));
    }
    if (out.size) rows.set(r, out);
  }
  let maxRow = 0;
  let maxCol = 0;
  for (const [r, row] of rows) {
    maxRow = Math.max(maxRow, r);
    for (const c of row.keys()) maxCol = Math.max(maxCol, c);
  }
  const hiddenRows = ref.hiddenRows ? new Set([...ref.hiddenRows].filter((r) => rows.has(r))) : undefined;
  const out: SheetSnapshot = { ...ref, rows, maxRow, maxCol, protected: ref.protected || (protectedAsTrue && ours.protected) };
  if (hiddenRows?.size) out.hiddenRows = hiddenRows;
  else delete out.hiddenRows;
  return out;
}

function normaliseCell(ref: Cell, ours: Cell | undefined, first: CellStyle | undefined, fontValZero: boolean): Cell {
  const cell: Cell = { ...ref };
  if (typeof cell.value === "string") cell.value = cutSnapshotText(cell.value);
  if (!ours) return cell;
  const unescaped = (f: string | undefined) => f?.replace(/\\(.)/g, "$1");
  if (cell.numFmt !== undefined && ours.numFmt !== undefined && unescaped(ours.numFmt) === cell.numFmt) cell.numFmt = ours.numFmt;
  if (first && cell.numFmt === undefined && ours.numFmt !== undefined && ours.numFmt === first.numFmt) cell.numFmt = ours.numFmt;
  if (first?.bold && cell.bold === undefined && ours.bold) cell.bold = true;
  if (first?.indent && cell.indent === undefined && ours.indent === first.indent) cell.indent = first.indent;
  if (fontValZero && cell.bold && !ours.bold) delete cell.bold;
  if (typeof cell.value === "number" && typeof ours.value === "number" && Math.abs(cell.value - ours.value) < 1e-8) cell.value = ours.value;
  return cell;
}
