/**
 * One pass over an ExcelJS worksheet into a sparse SheetSnapshot: only cells holding a value, a formula or an
 * error are kept, so a stray formatted cell far down the sheet costs nothing and the extent is the real data's.
 */
import type ExcelJS from "exceljs";
import type { Cell, MergeArea, SheetSnapshot } from "../../../src/domain/sheet/snapshot";
import { ValueType } from "../../../src/xlsx/excelWorkbook";

export interface WorksheetReadOptions {
  styles?: boolean;
  /** The workbook counts dates from 1904 (Mac Excel of old): dates become serials of that system. */
  date1904?: boolean;
  /** Merges kept away from ExcelJS (see hugeMerges.ts). */
  extraMerges?: readonly MergeArea[];
}

const MS_PER_DAY = 24 * 60 * 60 * 1000;
/** Days from Excel's 1900 epoch (with its 1900-02-29) to 1970-01-01; 1462 fewer in the 1904 system. */
const UNIX_EPOCH_SERIAL = 25569;
const DATE_1904_OFFSET = 1462;

export function readWorksheet(
  ws: ExcelJS.Worksheet,
  ref: { id: string; name: string; visible: boolean },
  opts: WorksheetReadOptions = {},
): SheetSnapshot {
  const rows = new Map<number, Map<number, Cell>>();
  const hiddenRows = new Set<number>();
  const styles = opts.styles === true;
  const date1904 = opts.date1904 === true;
  let maxRow = 0;
  let maxCol = 0;

  // eachRow/eachCell without includeEmpty visit only the rows and cells the file holds (ExcelJS keeps them in
  // sparse arrays), never the blank range between them.
  ws.eachRow((row, rowNumber) => {
    let cells: Map<number, Cell> | undefined;
    row.eachCell((xc, colNumber) => {
      const cell = toSnapshotCell(xc, styles, date1904);
      if (!cell) return;
      if (!cells) cells = new Map();
      cells.set(colNumber, cell);
      if (colNumber > maxCol) maxCol = colNumber;
    });
    if (!cells) return;
    rows.set(rowNumber, cells);
    if (rowNumber > maxRow) maxRow = rowNumber;
    // Only rows with content: a hidden empty row has nothing for mapping to skip or count.
    if (row.hidden) hiddenRows.add(rowNumber);
  });

  const snapshot: SheetSnapshot = {
    id: ref.id,
    name: ref.name,
    visible: ref.visible,
    rows,
    maxRow,
    maxCol,
    merges: readMerges(ws, opts.extraMerges ?? []),
    protected: isProtected(ws),
  };
  if (hiddenRows.size > 0) snapshot.hiddenRows = hiddenRows;
  return snapshot;
}

/** undefined for a cell that holds nothing (formatting only, an empty string, or the covered part of a merge). */
function toSnapshotCell(xc: ExcelJS.Cell, styles: boolean, date1904: boolean): Cell | undefined {
  let cell: Cell;
  switch (xc.type) {
    case ValueType.Number:
    case ValueType.Boolean:
      cell = { value: xc.value as number | boolean };
      break;
    case ValueType.String:
    case ValueType.SharedString:
    case ValueType.RichText:
    case ValueType.Hyperlink: {
      const text = plainText(xc.value);
      if (text.trim() === "") return undefined;
      cell = { value: text };
      break;
    }
    case ValueType.Date:
      // Dates are kept as Excel serial numbers: Renja tables hold no dates that matter, and a number keeps the
      // snapshot host-independent (the Office host reads serials too).
      cell = { value: dateToSerial(xc.value as Date, date1904) };
      break;
    case ValueType.Error:
      cell = { value: null, error: errorCode(xc.value) };
      break;
    case ValueType.Formula: {
      const formula = formulaCell(xc, date1904);
      if (!formula) return undefined;
      cell = formula;
      break;
    }
    default:
      // Null (formatting only) and Merge (a cell covered by a merge; its content lives in the top-left cell).
      return undefined;
  }
  const numFmt = xc.numFmt;
  if (numFmt) cell.numFmt = numFmt;
  if (styles) {
    if (xc.font?.bold) cell.bold = true;
    const indent = xc.alignment?.indent;
    if (indent) cell.indent = indent;
  }
  return cell;
}

function formulaCell(xc: ExcelJS.Cell, date1904: boolean): Cell | undefined {
  // For a shared formula's dependent cells ExcelJS translates the master's formula to this cell's address.
  const formula = xc.formula ?? "";
  const cell: Cell = { value: null };
  if (formula) cell.formula = formula.startsWith("=") ? formula.slice(1) : formula;
  const result: unknown = xc.result;
  if (result === null || result === undefined) return cell.formula ? cell : undefined;
  if (typeof result === "number" || typeof result === "boolean") cell.value = result;
  else if (typeof result === "string") cell.value = result;
  else if (result instanceof Date) cell.value = dateToSerial(result, date1904);
  else if (isErrorValue(result)) cell.error = result.error;
  else cell.value = plainText(result);
  return cell;
}

/** Rich text runs joined, a hyperlink's shown text; anything else as its string form. */
function plainText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) {
      return value.richText.map((run: unknown) => (isTextRun(run) ? run.text : "")).join("");
    }
    // A hyperlink's text may itself be rich text.
    if ("text" in value) return plainText(value.text);
  }
  return String(value);
}

function isTextRun(run: unknown): run is { text: string } {
  return typeof run === "object" && run !== null && "text" in run && typeof run.text === "string";
}

function isErrorValue(v: unknown): v is { error: string } {
  return typeof v === "object" && v !== null && "error" in v && typeof v.error === "string";
}

function errorCode(value: unknown): string {
  return isErrorValue(value) ? value.error : "#VALUE!";
}

function dateToSerial(d: Date, date1904: boolean): number {
  return UNIX_EPOCH_SERIAL + d.getTime() / MS_PER_DAY - (date1904 ? DATE_1904_OFFSET : 0);
}

interface RangeLike {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * ExcelJS keeps loaded merges in the worksheet's `_merges` (master address -> Range). The public
 * `worksheet.model` would build a model of every cell just to list them, so the field is read directly.
 */
function readMerges(ws: ExcelJS.Worksheet, extra: readonly MergeArea[]): MergeArea[] {
  const merges = (ws as unknown as { _merges?: Record<string, unknown> })._merges ?? {};
  const out: MergeArea[] = extra.map((m) => ({ ...m }));
  for (const range of Object.values(merges)) {
    if (!isRangeLike(range)) continue;
    out.push({ top: range.top, left: range.left, bottom: range.bottom, right: range.right });
  }
  out.sort((a, b) => a.top - b.top || a.left - b.left);
  return out;
}

function isRangeLike(v: unknown): v is RangeLike {
  if (typeof v !== "object" || v === null) return false;
  const r = v as Partial<RangeLike>;
  return typeof r.top === "number" && typeof r.left === "number" && typeof r.bottom === "number" && typeof r.right === "number";
}

function isProtected(ws: ExcelJS.Worksheet): boolean {
  const protection: unknown = (ws as unknown as { sheetProtection?: unknown }).sheetProtection;
  return typeof protection === "object" && protection !== null && "sheet" in protection && Boolean(protection.sheet);
}
