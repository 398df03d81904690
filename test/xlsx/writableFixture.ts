/**
 * Workbooks for the recompute write tests: the seed's Tabel 3.3 and Tabel 7 typed into an Indonesian Excel
 * (seed-id-locale), with what a lossy writer would drop (a chart written by hand, a picture, a comment, data
 * validation, a defined name, a calc chain), sub kegiatan rows hidden under an AutoFilter, and optionally a
 * protected sheet or a merged parent cell.
 */
import type ExcelJS from "exceljs";
import { seedIdLocaleWorkbook } from "../fixtures/build-fixtures";
import { withChartAndCalcChain } from "./patch/fixture";
import { TINY_PNG } from "./patch/support";

/** Sub kegiatan rows of Tabel 3.3 hidden by the AutoFilter (children of Administrasi Umum, F24). */
export const HIDDEN_ROWS = [27, 28, 29];

export interface RichOptions {
  protect?: boolean;
  /** Merge F9:G9 (the program Penunjang's pagu N with its Sumber Dana cell). */
  mergeParent?: boolean;
}

export async function richSeedWorkbook(opts: RichOptions = {}): Promise<Uint8Array> {
  const wb = seedIdLocaleWorkbook();
  const ws = wb.getWorksheet("Tabel 3.3") as ExcelJS.Worksheet;
  ws.getCell("B9").note = "Dicek oleh Bappeda";
  ws.getCell("G10").dataValidation = { type: "list", allowBlank: true, formulae: ['"APBD,DAK,DAU"'] };
  ws.addImage(wb.addImage({ buffer: TINY_PNG as unknown as ArrayBuffer, extension: "png" }), "L2:M4");
  wb.definedNames.add("'Tabel 3.3'!$F$9:$F$70", "PaguN");
  ws.autoFilter = "A8:J70";
  for (const r of HIDDEN_ROWS) ws.getRow(r).hidden = true;
  if (opts.mergeParent) ws.mergeCells("F9:G9");
  if (opts.protect) await ws.protect("", {});
  return withChartAndCalcChain(new Uint8Array(await wb.xlsx.writeBuffer()));
}
