"use strict";
// In the browser bundle `exceljs/lib/doc/enums` comes from ExcelJS's prebuilt browser build, which re-exports them.
const ExcelJS = require("exceljs/dist/exceljs.min.js");

module.exports = {
  ValueType: ExcelJS.ValueType,
  FormulaType: ExcelJS.FormulaType,
  RelationshipType: ExcelJS.RelationshipType,
  DocumentType: ExcelJS.DocumentType,
  ReadingOrder: ExcelJS.ReadingOrder,
  ErrorValue: ExcelJS.ErrorValue,
};
