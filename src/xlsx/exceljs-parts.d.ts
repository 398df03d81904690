/**
 * Types for the two ExcelJS modules the host loads directly (see excelWorkbook.ts); they are the same objects the
 * package entry re-exports.
 */
declare module "exceljs/lib/doc/workbook" {
  import type { Workbook } from "exceljs";
  const WorkbookClass: typeof Workbook;
  export = WorkbookClass;
}

declare module "exceljs/lib/doc/enums" {
  import type { ValueType } from "exceljs";
  const enums: { ValueType: typeof ValueType };
  export = enums;
}
