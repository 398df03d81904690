/// <reference types="office-js" />
/**
 * The cells of a generated sheet as few ranges as possible: each batch of rows gets its contents as one
 * rectangle (number formats, then formulas), and each style property once per rectangular block of cells that
 * share its value (borders of a whole table body are one range, not five border objects per cell run). Batches
 * are sized by estimated request bytes (requestSize.ts); a batch Excel refuses is split in two and sent again.
 */
import type { SheetCellStyle, SheetPlanCell } from "../domain/plan";
import { a1 } from "../domain/sheet/snapshot";
import { PROPERTY_BYTES, RANGE_BYTES, arrayBytes, dataBytes, splitWorthy } from "./requestSize";
import { cellWrite } from "./writePlan";

export interface PlanRow {
  row: number;
  cells: SheetPlanCell[];
  /** Estimated request bytes of the row written alone (its blocks only get cheaper when rows join). */
  bytes: number;
}

export interface BlockReport {
  syncs: number;
  payloadRetries: number;
  /** Estimated bytes of each batch sent (the tests compare them with what the client really sent). */
  batchBytes: number[];
}

export function rowsOf(cells: readonly SheetPlanCell[]): PlanRow[] {
  const byRow = new Map<number, SheetPlanCell[]>();
  for (const c of cells) {
    let line = byRow.get(c.row);
    if (!line) byRow.set(c.row, (line = []));
    line.push(c);
  }
  return [...byRow.keys()]
    .sort((x, y) => x - y)
    .map((row) => {
      const line = (byRow.get(row) ?? []).sort((x, y) => x.col - y.col);
      return { row, cells: line, bytes: batchBytes([{ row, cells: line, bytes: 0 }]) };
    });
}

/** Consecutive rows whose estimated bytes together stay under the target (a row above it goes alone). */
export function* rowBatches(rows: readonly PlanRow[], target: number): Generator<PlanRow[]> {
  let batch: PlanRow[] = [];
  let bytes = 0;
  for (const row of rows) {
    if (batch.length > 0 && bytes + row.bytes > target) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(row);
    bytes += row.bytes;
  }
  if (batch.length > 0) yield batch;
}

export async function writeBatch(ws: Excel.Worksheet, rows: readonly PlanRow[], sync: () => Promise<void>, report: BlockReport): Promise<void> {
  const estimate = queueBatch(ws, rows);
  try {
    await sync();
    report.batchBytes.push(estimate);
  } catch (e) {
    // A refused request wrote nothing; a choked big one may have written part, and writing it again is harmless.
    if (rows.length === 1 || !splitWorthy(e, estimate)) throw e;
    report.payloadRetries++;
    const half = Math.ceil(rows.length / 2);
    await writeBatch(ws, rows.slice(0, half), sync, report);
    await writeBatch(ws, rows.slice(half), sync, report);
  }
}

/** Queues the batch and returns its estimated request bytes. */
function queueBatch(ws: Excel.Worksheet, rows: readonly PlanRow[]): number {
  const { box, formats, contents, setFormats } = contentBlock(rows);
  const range = ws.getRange(address(box));
  // In queue order: the Text format must be in place before the text arrives, or Excel parses it.
  if (setFormats) range.numberFormat = formats;
  range.formulas = contents;
  for (const block of styleBlocks(rows)) applyBlock(ws.getRange(address(block)), block);
  return batchBytes(rows);
}

function batchBytes(rows: readonly PlanRow[]): number {
  const { formats, contents, setFormats } = contentBlock(rows);
  let bytes = RANGE_BYTES + arrayBytes(contents) + (setFormats ? arrayBytes(formats) : 0);
  for (const block of styleBlocks(rows)) bytes += RANGE_BYTES + block.sets * PROPERTY_BYTES + dataBytes(block.value);
  return bytes;
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function address(b: Box): string {
  return b.top === b.bottom && b.left === b.right ? a1(b.top, b.left) : `${a1(b.top, b.left)}:${a1(b.bottom, b.right)}`;
}

/** The batch's cells as one rectangle; cells the plan leaves out are written empty (the sheet is new or cleared). */
function contentBlock(rows: readonly PlanRow[]): { box: Box; formats: string[][]; contents: (string | number | boolean)[][]; setFormats: boolean } {
  const top = rows[0].row;
  const bottom = rows[rows.length - 1].row;
  let left = Infinity;
  let right = 0;
  for (const r of rows) {
    for (const c of r.cells) {
      left = Math.min(left, c.col);
      right = Math.max(right, c.col);
    }
  }
  const width = right - left + 1;
  const formats = Array.from({ length: bottom - top + 1 }, () => new Array<string>(width).fill("General"));
  const contents = Array.from({ length: bottom - top + 1 }, () => new Array<string | number | boolean>(width).fill(""));
  let setFormats = false;
  for (const r of rows) {
    for (const c of r.cells) {
      const w = cellWrite({ value: c.value, formula: c.formula, numFmt: c.numFmt }, { value: null, numFmt: "General" });
      formats[r.row - top][c.col - left] = w.format;
      contents[r.row - top][c.col - left] = w.content;
      if (w.format !== "General") setFormats = true;
    }
  }
  return { box: { top, left, bottom, right }, formats, contents, setFormats };
}

type StyleKey = keyof SheetCellStyle;
const STYLE_KEYS: readonly StyleKey[] = ["bold", "italic", "fontSize", "indent", "wrap", "horizontal", "vertical", "fill", "border"];

interface StyleBlock extends Box {
  key: StyleKey;
  value: SheetCellStyle[StyleKey];
  /** Property sets the block costs. */
  sets: number;
}

/**
 * For each style property, the rectangles of cells sharing one value: runs of adjacent cells in a row, joined
 * with the run of the same columns and value in the row above.
 */
function styleBlocks(rows: readonly PlanRow[]): StyleBlock[] {
  const out: StyleBlock[] = [];
  for (const key of STYLE_KEYS) {
    const open = new Map<string, StyleBlock>();
    for (const r of rows) {
      const runs: StyleBlock[] = [];
      for (const c of r.cells) {
        const value = c.style?.[key];
        if (value === undefined || value === false || value === 0) continue;
        const last = runs[runs.length - 1];
        if (last && last.right + 1 === c.col && last.value === value) last.right = c.col;
        else runs.push({ key, value, top: r.row, bottom: r.row, left: c.col, right: c.col, sets: 1 });
      }
      for (const run of runs) {
        const id = `${run.left}:${run.right}:${String(run.value)}`;
        const above = open.get(id);
        if (above && above.bottom + 1 === r.row) above.bottom = r.row;
        else {
          open.set(id, run);
          out.push(run);
        }
      }
    }
  }
  for (const b of out) if (b.key === "border") b.sets = 2 * borderEdges(b).length;
  return out;
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", center: "Center", bottom: "Bottom" } as const;

type Edge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal";

function borderEdges(b: Box): Edge[] {
  const edges: Edge[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
  if (b.right > b.left) edges.push("InsideVertical");
  if (b.bottom > b.top) edges.push("InsideHorizontal");
  return edges;
}

function applyBlock(range: Excel.Range, block: StyleBlock): void {
  const f = range.format;
  const v = block.value;
  switch (block.key) {
    case "bold":
      f.font.bold = true;
      break;
    case "italic":
      f.font.italic = true;
      break;
    case "fontSize":
      f.font.size = Number(v);
      break;
    case "indent":
      f.indentLevel = Number(v);
      break;
    case "wrap":
      f.wrapText = true;
      break;
    case "horizontal":
      f.horizontalAlignment = HORIZONTAL[v as keyof typeof HORIZONTAL];
      break;
    case "vertical":
      f.verticalAlignment = VERTICAL[v as keyof typeof VERTICAL];
      break;
    case "fill":
      f.fill.color = `#${String(v)}`;
      break;
    case "border":
      // Office.js has no "thin" style: a continuous line of weight Thin is Excel's thin border; the inside
      // edges give every cell of the block its own four sides.
      for (const edge of borderEdges(block)) {
        const border = f.borders.getItem(edge);
        border.style = "Continuous";
        border.weight = "Thin";
      }
      break;
  }
}
