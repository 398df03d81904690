/** Workbooks, plans and full read-backs for the lossless-writer tests. */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { CellContent, PlannedCell, WritePlan } from "../../../src/domain/plan";
import { a1, parseA1 } from "../../../src/domain/sheet/snapshot";
import { readCellContents } from "../../../src/xlsx/patch";

export async function workbookBytes(build: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** A plan cell; `before` is what the test expects the workbook to hold now. */
export function planned(sheet: string, cell: string, before: CellContent, after: CellContent): PlannedCell {
  const at = parseA1(cell);
  if (!at) throw new Error(`bad address ${cell}`);
  return { sheet, cell, row: at.row, col: at.col, before, after, reason: { id: "uji", en: "test" } };
}

export function plan(cells: PlannedCell[]): WritePlan {
  return { title: { id: "Uji", en: "Test" }, cells };
}

/** The current contents of the given cells, as the guard will see them (for building plans). */
export function currentOf(bytes: Uint8Array, sheet: string, cell: string): CellContent {
  return readCellContents(bytes, [{ sheet, cell }])[0];
}

export interface ReadBackCell {
  value: unknown;
  formula?: string;
  numFmt?: string;
}

/** Every non-empty cell of every sheet as ExcelJS reads it: "Sheet!A1" → value, formula, number format. */
export async function excelJsReadBack(bytes: Uint8Array): Promise<Map<string, ReadBackCell>> {
  const wb = await loadWorkbook(bytes);
  const out = new Map<string, ReadBackCell>();
  wb.eachSheet((ws) => {
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        const v = cell.value;
        const formula = cell.formula || undefined;
        const value = formula ? cell.result : v;
        const numFmt = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : undefined;
        out.set(`${ws.name}!${cell.address}`, { value: normalise(value), formula, numFmt });
      });
    });
  });
  return out;
}

function normalise(v: unknown): unknown {
  if (v && typeof v === "object" && "richText" in v) {
    return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join("");
  }
  return v ?? null;
}

/** Every cell in the first `rows` × `cols` of every named sheet, read by our own reader. */
export function ownReadBack(bytes: Uint8Array, sheets: string[], rows = 30, cols = 12): Map<string, CellContent> {
  const refs = sheets.flatMap((sheet) => {
    const list: { sheet: string; cell: string }[] = [];
    for (let r = 1; r <= rows; r++) for (let c = 1; c <= cols; c++) list.push({ sheet, cell: a1(r, c) });
    return list;
  });
  const contents = readCellContents(bytes, refs);
  return new Map(refs.map((ref, i) => [`${ref.sheet}!${ref.cell}`, contents[i]]));
}

export function entries(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function entryText(bytes: Uint8Array, name: string): string {
  const e = entries(bytes)[name];
  if (!e) throw new Error(`no entry ${name}`);
  return strFromU8(e);
}

/** Re-zips a package after editing some of its text parts (only for building fixtures). */
export function editPackage(bytes: Uint8Array, edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(bytes);
  edit(files);
  return zipSync(files);
}

export function editText(files: Record<string, Uint8Array>, name: string, edit: (text: string) => string): void {
  const e = files[name];
  if (!e) throw new Error(`no entry ${name}`);
  files[name] = strToU8(edit(strFromU8(e)));
}

/** A 1×1 red PNG. */
export const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==",
  "base64",
);
