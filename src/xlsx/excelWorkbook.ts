/**
 * ExcelJS's workbook model and its .xlsx writer, for the new workbooks separateWorkbook.ts writes (generate's
 * separate-workbook fallback and `renja report`). Nothing in src/ reads a package with it: the ExcelJS reader is
 * the oracle under test/xlsx/oracle/, which also takes ValueType from here. Loaded without the rest of the
 * package: its entry point also loads the streaming reader and writer with their zip libraries, which costs
 * 150–350 ms at every `renja` start on this machine (require("exceljs") 260–520 ms against 115–180 ms for the
 * workbook alone) and is never used here.
 * A browser bundle maps "exceljs/lib/doc/workbook" and "exceljs/lib/doc/enums" to the package's browser build.
 */
import type ExcelJS from "exceljs";
import WorkbookClass from "exceljs/lib/doc/workbook";
import enums from "exceljs/lib/doc/enums";

export function newExcelWorkbook(): ExcelJS.Workbook {
  return new WorkbookClass();
}

export const ValueType = enums.ValueType;
