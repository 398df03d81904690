"use strict";
// In the browser bundle `exceljs/lib/doc/workbook` (what src/xlsx/excelWorkbook.ts imports to keep Node start-up
// fast) is the Workbook class of ExcelJS's prebuilt browser build: its lib/ sources need Node's streams.
module.exports = require("exceljs/dist/exceljs.min.js").Workbook;
