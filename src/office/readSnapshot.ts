/// <reference types="office-js" />
/**
 * Reads one worksheet into a sparse SheetSnapshot: one sync for the sheet's facts (used range, merges,
 * protection), then one sync per row chunk (values, en-US formulas, number formats, value types, and the
 * style cues and hidden rows when ExcelApi 1.9 offers them in bulk). Chunks are sized from the first chunk's
 * measured size to stay well under the 5 MB payload of Excel on the web, and halved on a payload error.
 */
import { HostError, type SheetRef } from "../domain/host";
import { count, msg } from "../domain/messages";
import type { Cell, SheetSnapshot } from "../domain/sheet/snapshot";
import { isPayloadTooLarge } from "./errors";
import { syncWithMerges } from "./merges";
import type { Batch } from "./queue";

export interface ReadTuning {
  /** Cells in the first chunk (rows = cells / columns). */
  firstChunkCells: number;
  /** Rows in the first chunk at most, whatever the width. */
  firstChunkRows: number;
  /** Rows in any chunk at most. */
  maxChunkRows: number;
  /** Estimated response bytes a chunk aims at: well under Excel on the web's 5 MB. */
  targetChunkBytes: number;
  /** A chunk that came back at most this big is not made smaller for the next one. */
  safeChunkBytes: number;
  /** Cells in any chunk at most: above 5 million Excel may return null instead of the arrays, without an error. */
  maxChunkCells?: number;
}

export const EXCEL_CELLS_PER_READ = 5_000_000;

export const DEFAULT_READ_TUNING: ReadTuning = {
  firstChunkCells: 50_000,
  firstChunkRows: 5_000,
  maxChunkRows: 50_000,
  targetChunkBytes: 2_000_000,
  safeChunkBytes: 3_500_000,
};

export interface ReadCapabilities {
  /** ExcelApi 1.9: getCellProperties / getRowProperties. */
  cellProperties: boolean;
}

export interface ReadReport {
  syncs: number;
  chunkRows: number[];
  payloadRetries: number;
}

const CHUNK_PROPERTIES = "values,formulas,numberFormat,valueTypes";

export async function readSheetSnapshot(
  b: Batch,
  ref: SheetRef,
  opts: { styles?: boolean },
  caps: ReadCapabilities,
  tuning: ReadTuning = DEFAULT_READ_TUNING,
  report: ReadReport = { syncs: 0, chunkRows: [], payloadRetries: 0 },
): Promise<SheetSnapshot> {
  const ws = b.context.workbook.worksheets.getItem(ref.id);
  const facts = syncWithMerges(b, [ws], () => {
    ws.load("id,name,visibility");
    ws.protection.load("protected");
    const usedRange = ws.getUsedRangeOrNullObject(true);
    usedRange.load("rowIndex,columnIndex,rowCount,columnCount");
    return usedRange;
  }, () => report.syncs++);
  const {
    queued: used,
    merges: [merges],
  } = await facts;

  const rows = new Map<number, Map<number, Cell>>();
  const hiddenRows = new Set<number>();
  let maxRow = 0;
  let maxCol = 0;

  if (!used.isNullObject) {
    const top = used.rowIndex;
    const left = used.columnIndex;
    const width = used.columnCount;
    const height = used.rowCount;
    // Style cues come back as one object per cell, about as big as the four arrays together.
    const firstCells = opts.styles && caps.cellProperties ? tuning.firstChunkCells / 2 : tuning.firstChunkCells;
    let chunkRows = Math.max(1, Math.min(tuning.firstChunkRows, Math.floor(firstCells / width)));
    // After a payload error no chunk grows back to the size that failed; no chunk holds more cells than Excel reads.
    let ceiling = Math.max(1, Math.min(tuning.maxChunkRows, Math.floor((tuning.maxChunkCells ?? EXCEL_CELLS_PER_READ) / width)));
    chunkRows = Math.min(chunkRows, ceiling);
    let done = 0;
    while (done < height) {
      const n = Math.min(chunkRows, height - done);
      const range = ws.getRangeByIndexes(top + done, left, n, width);
      range.load(CHUNK_PROPERTIES);
      const styles = opts.styles && caps.cellProperties ? range.getCellProperties({ format: { font: { bold: true }, indentLevel: true } }) : undefined;
      const rowProps = caps.cellProperties ? range.getRowProperties({ rowHidden: true }) : undefined;
      try {
        await b.sync();
        report.syncs++;
      } catch (e) {
        report.syncs++;
        if (!isPayloadTooLarge(e) || n === 1) throw e;
        report.payloadRetries++;
        ceiling = Math.max(1, Math.floor(n / 2));
        chunkRows = ceiling;
        continue;
      }
      report.chunkRows.push(n);
      const { values, formulas, numberFormat, valueTypes } = range;
      // Never an empty sheet by mistake: a read Excel answered without its arrays is a failure.
      if (!values || !formulas || !numberFormat || !valueTypes) throw readTooLargeError(n * width);
      // One entry per row of the range, in order.
      const hidden = rowProps?.value ?? [];
      for (let r = 0; r < n; r++) {
        const rowNumber = top + done + r + 1;
        let cells: Map<number, Cell> | undefined;
        for (let c = 0; c < width; c++) {
          const cell = toCell(values[r][c], formulas[r][c], numberFormat[r][c], valueTypes[r][c]);
          if (!cell) continue;
          const style = styles?.value[r]?.[c]?.format;
          if (style?.font?.bold) cell.bold = true;
          if (style?.indentLevel) cell.indent = style.indentLevel;
          if (!cells) cells = new Map();
          cells.set(left + c + 1, cell);
          maxCol = Math.max(maxCol, left + c + 1);
        }
        if (!cells) continue;
        rows.set(rowNumber, cells);
        maxRow = rowNumber;
        // Only rows with content, as the .xlsx host does.
        if (hidden[r]?.rowHidden) hiddenRows.add(rowNumber);
      }
      done += n;
      const bytes = estimateBytes(values, formulas, numberFormat, valueTypes) + (styles ? JSON.stringify(styles.value).length : 0);
      chunkRows = nextChunkRows(bytes, n, tuning, ceiling);
    }
  }

  const snapshot: SheetSnapshot = {
    id: ws.id,
    name: ws.name,
    visible: ws.visibility === "Visible",
    rows,
    maxRow,
    maxCol,
    merges,
    protected: ws.protection.protected,
  };
  if (hiddenRows.size > 0) snapshot.hiddenRows = hiddenRows;
  return snapshot;
}

function readTooLargeError(cells: number): HostError {
  return new HostError("too-large", msg("office.readTooLarge", { cells: count(cells) }));
}

/**
 * The next chunk's rows from the last chunk's measured size: aimed at the target, never above the ceiling
 * left by a payload error, and not smaller than a chunk that just came back safely.
 */
function nextChunkRows(bytes: number, rows: number, tuning: ReadTuning, ceiling: number): number {
  const aimed = Math.floor((tuning.targetChunkBytes * rows) / Math.max(1, bytes));
  const floor = bytes <= tuning.safeChunkBytes ? rows : 1;
  return Math.max(1, Math.min(Math.max(aimed, floor), tuning.maxChunkRows, ceiling));
}

/** The JSON size Excel sends for the chunk, near enough: the loaded arrays as JSON. */
export function estimateBytes(...arrays: unknown[][][]): number {
  let bytes = 0;
  for (const a of arrays) bytes += JSON.stringify(a).length;
  return bytes;
}

/**
 * One cell as the snapshot holds it; undefined when it holds nothing. Error values arrive as their text in
 * `values` with value type "Error"; a formula is in `formulas` (en-US) with a leading "=".
 */
export function toCell(value: unknown, formula: unknown, numberFormat: unknown, valueType: unknown): Cell | undefined {
  const formulaText = typeof formula === "string" && formula.startsWith("=") ? formula.slice(1) : undefined;
  let cell: Cell;
  if (valueType === "Error") cell = { value: null, error: String(value) };
  else if (valueType === "Empty" || value === null || value === undefined) {
    if (formulaText === undefined) return undefined;
    cell = { value: null };
  } else if (typeof value === "string") {
    if (formulaText === undefined && value.trim() === "") return undefined;
    cell = { value };
  } else if (typeof value === "number" || typeof value === "boolean") cell = { value };
  else cell = { value: String(value) };
  if (formulaText !== undefined) cell.formula = formulaText;
  // "General" is what every unformatted cell holds; the .xlsx host leaves it out too.
  if (typeof numberFormat === "string" && numberFormat !== "" && numberFormat !== "General") cell.numFmt = numberFormat;
  return cell;
}
