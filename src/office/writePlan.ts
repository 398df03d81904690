/// <reference types="office-js" />
/**
 * Writes a WritePlan into the open workbook: ONE sync re-reads every planned cell and each target sheet's
 * protection; a changed cell or a protected sheet ends the command with ZERO writes. Then each chunk of
 * contiguous cell runs is written in one sync (number formats first, then contents, in queue order).
 */
import { refusals } from "../domain/host";
import { textNeedsTextFormat, type CellContent, type PlannedCell, type UndoRecord, type WritePlan } from "../domain/plan";
import { a1, columnLetter } from "../domain/sheet/snapshot";
import { PROPERTY_BYTES, RANGE_BYTES, dataBytes, splitWorthy } from "./requestSize";
import { syncWithMerges } from "./merges";
import type { Batch } from "./queue";

export interface WriteTuning {
  /** Estimated request bytes per write sync: well under the 5 MB request payload. */
  targetChunkBytes: number;
  /** Empty rows a guard read may span between two planned cells of a column before it splits. */
  guardGapRows: number;
}

export const DEFAULT_WRITE_TUNING: WriteTuning = { targetChunkBytes: 1_500_000, guardGapRows: 64 };

export interface WriteReport {
  syncs: number;
  chunks: number;
  payloadRetries: number;
}

const GUARD_PROPERTIES = "values,formulas,numberFormat,valueTypes";
export async function writePlan(
  b: Batch,
  plan: WritePlan,
  tuning: WriteTuning = DEFAULT_WRITE_TUNING,
  report: WriteReport = { syncs: 0, chunks: 0, payloadRetries: 0 },
): Promise<UndoRecord> {
  const current = await guard(b, plan.cells, tuning, report);
  const runs = buildRuns(plan.cells, current);
  const written: Run[] = [];
  try {
    for (const chunk of chunkRuns(runs, tuning.targetChunkBytes)) await writeChunk(b, chunk, report, written);
  } catch (e) {
    if (written.length > 0) await restore(b, written);
    throw e;
  }
  return {
    title: plan.title,
    cells: plan.cells.map((c, i) => ({ ...c, before: writtenContent(c.after, runs, c), after: current[i] })),
  };
}

/* ---------- the guard: one sync ---------- */

async function guard(b: Batch, cells: readonly PlannedCell[], tuning: WriteTuning, report: WriteReport): Promise<CellContent[]> {
  // A plan that writes a cell twice is refused before anything is read.
  const twice = refusals({ cells }, { cells: cells.map(() => ({ content: { value: null } })), protectedSheets: new Set() });
  if (twice?.code === "unwritable-cell") throw twice;
  const sheets = new Map<string, Excel.Worksheet>();
  for (const c of cells) {
    if (sheets.has(c.sheet)) continue;
    sheets.set(c.sheet, b.context.workbook.worksheets.getItem(c.sheet));
  }
  const bands = guardBands(cells, tuning.guardGapRows);
  const { merges: found } = await syncWithMerges(b, [...sheets.values()], () => {
    for (const ws of sheets.values()) ws.protection.load("protected");
    for (const band of bands) {
      // Whole column segments, not one range per cell: a few ranges keep the request small.
      band.range = sheets.get(band.sheet)?.getRange(`${columnLetter(band.col)}${band.top}:${columnLetter(band.col)}${band.bottom}`);
      band.range?.load(GUARD_PROPERTIES);
    }
  }, () => report.syncs++);
  const areas = new Map([...sheets.keys()].map((name, i) => [name, found[i]]));

  const locked = new Set([...sheets].filter(([, ws]) => ws.protection.protected).map(([name]) => name));
  const current = cells.map((c) => {
    const band = bands.find((x) => x.sheet === c.sheet && x.col === c.col && c.row >= x.top && c.row <= x.bottom);
    const range = band?.range;
    if (!band || !range) throw new Error(`no guard band for ${c.sheet}!${c.cell}`);
    const r = c.row - band.top;
    return readContent(range.values[r][0], range.formulas[r][0], range.numberFormat[r][0], range.valueTypes[r][0]);
  });
  // The host contract's refusal rules (domain/host.ts), the same the .xlsx host applies.
  const refused = refusals(
    { cells },
    {
      cells: cells.map((c, i) => ({
        content: current[i],
        merge: areas.get(c.sheet)?.find((a) => c.row >= a.top && c.row <= a.bottom && c.col >= a.left && c.col <= a.right),
      })),
      protectedSheets: locked,
    },
  );
  if (refused) throw refused;
  return current;
}

interface Band {
  sheet: string;
  col: number;
  top: number;
  bottom: number;
  range?: Excel.Range;
}

function guardBands(cells: readonly PlannedCell[], gap: number): Band[] {
  const sorted = [...cells].sort((a, b) => a.sheet.localeCompare(b.sheet) || a.col - b.col || a.row - b.row);
  const bands: Band[] = [];
  for (const c of sorted) {
    const last = bands[bands.length - 1];
    if (last && last.sheet === c.sheet && last.col === c.col && c.row - last.bottom <= gap) last.bottom = c.row;
    else bands.push({ sheet: c.sheet, col: c.col, top: c.row, bottom: c.row });
  }
  return bands;
}

/** A cell as the guard compares it: the number format always explicit. */
function readContent(value: unknown, formula: unknown, numberFormat: unknown, valueType: unknown): CellContent {
  const format = typeof numberFormat === "string" ? numberFormat : "General";
  const content: CellContent = { value: null, numFmt: format };
  if (valueType === "Error") content.error = String(value);
  else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") content.value = value === "" ? null : value;
  if (typeof formula === "string" && formula.startsWith("=")) content.formula = formula.slice(1);
  return content;
}

/* ---------- runs and chunks ---------- */

interface Run {
  sheet: string;
  row: number;
  left: number;
  formats: string[];
  /** Only when some format differs from what the cells hold now. */
  setFormats: boolean;
  contents: (string | number | boolean)[];
  /** What the cells held before (for a rollback after a failure part-way). */
  previous: CellContent[];
}

function buildRuns(cells: readonly PlannedCell[], current: readonly CellContent[]): Run[] {
  const order = cells.map((_, i) => i).sort((i, j) => cells[i].sheet.localeCompare(cells[j].sheet) || cells[i].row - cells[j].row || cells[i].col - cells[j].col);
  const runs: Run[] = [];
  for (const i of order) {
    const c = cells[i];
    const { format, content } = cellWrite(c.after, current[i]);
    const last = runs[runs.length - 1];
    const extend = last && last.sheet === c.sheet && last.row === c.row && last.left + last.contents.length === c.col;
    const run: Run = extend ? last : { sheet: c.sheet, row: c.row, left: c.col, formats: [], setFormats: false, contents: [], previous: [] };
    if (!extend) runs.push(run);
    run.formats.push(format);
    run.contents.push(content);
    run.previous.push(current[i]);
    if (format !== (current[i].numFmt ?? "General")) run.setFormats = true;
  }
  return runs;
}

/**
 * The number format and the `formulas` entry that make the cell hold `after`. Excel parses a string written
 * through the API as if typed, so text that would become a formula or a number is protected: with the Text
 * format "@" when the plan leaves the format open, or with Excel's quote prefix (') when the plan names another
 * format (undo restoring a General cell that held "4.765,000" as text).
 */
export function cellWrite(after: CellContent, now: CellContent): { format: string; content: string | number | boolean } {
  const held = now.numFmt ?? "General";
  if (after.formula) return { format: explicitFormat(after) ?? (held === "@" ? "General" : held), content: `=${after.formula}` };
  if (after.error) return { format: explicitFormat(after) ?? held, content: after.error };
  const v = after.value;
  if (v === null || v === "") return { format: explicitFormat(after) ?? held, content: "" };
  if (typeof v !== "string") return { format: explicitFormat(after) ?? (held === "@" ? "General" : held), content: v };
  const needsProtection = textNeedsTextFormat(v) || /^\s*(true|false)\s*$/i.test(v) || v.startsWith("'");
  const format = explicitFormat(after) ?? (needsProtection ? "@" : held);
  return { format, content: needsProtection && format !== "@" ? `'${v}` : v };
}

function explicitFormat(after: CellContent): string | undefined {
  return after.numFmt === undefined ? undefined : after.numFmt || "General";
}

/** What a written cell holds afterwards, as undo's guard will compare it. */
function writtenContent(after: CellContent, runs: readonly Run[], c: PlannedCell): CellContent {
  const run = runs.find((r) => r.sheet === c.sheet && r.row === c.row && c.col >= r.left && c.col < r.left + r.formats.length);
  const format = run ? run.formats[c.col - run.left] : after.numFmt;
  return { ...after, numFmt: format };
}

function runBytes(run: Run): number {
  // The request names the range and carries the arrays; formats count only when they are sent (requestSize.ts).
  return RANGE_BYTES + PROPERTY_BYTES + dataBytes(run.contents) + (run.setFormats ? PROPERTY_BYTES + dataBytes(run.formats) : 0);
}

function* chunkRuns(runs: readonly Run[], target: number): Generator<Run[]> {
  let chunk: Run[] = [];
  let bytes = 0;
  for (const run of runs) {
    const size = runBytes(run);
    if (chunk.length > 0 && bytes + size > target) {
      yield chunk;
      chunk = [];
      bytes = 0;
    }
    chunk.push(run);
    bytes += size;
  }
  if (chunk.length > 0) yield chunk;
}

async function writeChunk(b: Batch, chunk: Run[], report: WriteReport, written: Run[]): Promise<void> {
  queueRuns(b, chunk, (r) => ({ formats: r.formats, setFormats: r.setFormats, contents: r.contents }));
  const bytes = chunk.reduce((n, r) => n + runBytes(r), 0);
  try {
    await b.sync();
    report.syncs++;
    report.chunks++;
    written.push(...chunk);
  } catch (e) {
    report.syncs++;
    // A refused payload writes nothing: split the chunk and send the halves. A GeneralException on a big
    // chunk is taken the same way (Excel on the web chokes on size that way too); rewriting a cell is harmless.
    if (!splitWorthy(e, bytes) || chunk.length === 1) throw e;
    report.payloadRetries++;
    const half = Math.ceil(chunk.length / 2);
    await writeChunk(b, chunk.slice(0, half), report, written);
    await writeChunk(b, chunk.slice(half), report, written);
  }
}

function queueRuns(b: Batch, runs: readonly Run[], what: (r: Run) => { formats: string[]; setFormats: boolean; contents: (string | number | boolean)[] }): void {
  const sheets = new Map<string, Excel.Worksheet>();
  for (const run of runs) {
    let ws = sheets.get(run.sheet);
    if (!ws) sheets.set(run.sheet, (ws = b.context.workbook.worksheets.getItem(run.sheet)));
    const w = what(run);
    const range = ws.getRange(`${a1(run.row, run.left)}:${a1(run.row, run.left + w.contents.length - 1)}`);
    // In queue order: the Text format must be in place before the text arrives, or Excel parses it.
    if (w.setFormats) range.numberFormat = [w.formats];
    range.formulas = [w.contents];
  }
}

/** Best effort after a failure part-way: put back what the written chunks replaced, then report the failure. */
async function restore(b: Batch, written: readonly Run[]): Promise<void> {
  try {
    queueRuns(b, written, (r) => {
      // `previous` always names its format, so cellWrite never falls back to what the cell holds now.
      const back = r.previous.map((p) => cellWrite(p, p));
      return { formats: r.previous.map((p) => p.numFmt ?? "General"), setFormats: true, contents: back.map((x) => x.content) };
    });
    await b.sync();
  } catch {
    // The original failure is the one to report.
  }
}

/* ---------- refusals ---------- */

