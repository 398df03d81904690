/// <reference types="office-js" />
/**
 * "Tandai di lembar": finding cells get a fill, and each cell's previous fill (colour, and on ExcelApi 1.9 its
 * pattern, pattern colour and tint) is kept in the workbook settings under `renja.highlight`, so the highlight
 * can be removed exactly even after the pane was closed or the workbook saved and reopened.
 *
 * Sized for many findings: cells are read, filled and restored in byte-sized syncs (a cell costs a range and its
 * property sets, about 750 B of request: 7,000 cells in one sync were 5.45 MB); the stored fills are grouped,
 * identical fills as one address list per sheet (7,000 cells in ~60 KB, not ~743 KB; settings fail near
 * 1-2 MB); at most MAX_HIGHLIGHTED cells are marked and the rest are named in a notice. A gradient fill cannot
 * be written back through the API, so such a cell is left unmarked rather than lose its fill.
 */
import type { Message } from "../domain/findings";
import { count, list, msg, renderAll, type MessageRef } from "../domain/messages";
import type { Batch } from "./queue";
import type { OfficeEnvironment } from "./environment";
import { PROPERTY_BYTES, RANGE_BYTES, TARGET_REQUEST_BYTES } from "./requestSize";

export const HIGHLIGHT_KEY = "renja.highlight";
export const HIGHLIGHT_COLOR = "#FFD966";
/** The most cells one "Tandai di lembar" marks; findings beyond are left unmarked and counted in a notice. */
export const MAX_HIGHLIGHTED = 10_000;

export interface CellTarget {
  sheet: string;
  /** A1 address without sheet and $. */
  cell: string;
}

/** What a highlighted cell held before. `pattern` is absent below ExcelApi 1.9 (white then means no fill). */
export interface StoredFill extends CellTarget {
  color: string;
  pattern?: string;
  patternColor?: string;
  tintAndShade?: number;
}

export interface HighlightResult {
  marked: number;
  /** Set when some cells were left unmarked (over the cap, or a gradient fill). */
  notice?: Message;
}

/** Request bytes per cell: its range, its fill and the load or the sets on it (~875 B measured through the client). */
const CELL_BYTES = RANGE_BYTES + 3 * PROPERTY_BYTES;

export async function highlightCells(b: Batch, cells: readonly CellTarget[], env: OfficeEnvironment, cap = MAX_HIGHLIGHTED, targetBytes = TARGET_REQUEST_BYTES): Promise<HighlightResult> {
  if (cells.length === 0) return { marked: 0 };
  const detailed = env.isSetSupported("ExcelApi", "1.9");
  const all = unique(cells);
  const targets = all.slice(0, cap);
  const sheets = new Map<string, Excel.Worksheet>();
  const stored: StoredFill[] = [];
  for (const chunk of chunks(targets, targetBytes)) {
    const fills = chunk.map((t) => {
      const fill = worksheet(b, sheets, t.sheet).getRange(t.cell).format.fill;
      fill.load(detailed ? "color,pattern,patternColor,tintAndShade" : "color");
      return fill;
    });
    await b.sync();
    chunk.forEach((t, i) => {
      const f = fills[i];
      stored.push(detailed ? { ...t, color: f.color, pattern: f.pattern, patternColor: f.patternColor, tintAndShade: f.tintAndShade } : { ...t, color: f.color });
    });
  }
  const markable = stored.filter((s) => !isGradient(s.pattern));
  // Stored before the first fill changes: a run cut short still knows what to put back.
  b.context.workbook.settings.add(HIGHLIGHT_KEY, JSON.stringify(packFills(markable)));
  for (const chunk of chunks(markable, targetBytes)) {
    for (const s of chunk) {
      const fill = worksheet(b, sheets, s.sheet).getRange(s.cell).format.fill;
      // A patterned fill would show the highlight through its pattern; a solid one is unmistakable.
      if (detailed) fill.pattern = "Solid";
      fill.color = HIGHLIGHT_COLOR;
    }
    await b.sync();
  }
  const overCap = all.length - targets.length;
  const gradients = stored.length - markable.length;
  return { marked: markable.length, notice: overCap + gradients > 0 ? leftUnmarkedNotice(markable.length, overCap, gradients, cap) : undefined };
}

/**
 * Puts back every stored fill, except on cells whose fill the user changed since (they keep the user's).
 * Cells on sheets that no longer exist are skipped.
 */
export async function clearHighlightCells(b: Batch, env: OfficeEnvironment, targetBytes = TARGET_REQUEST_BYTES): Promise<void> {
  const setting = b.context.workbook.settings.getItemOrNullObject(HIGHLIGHT_KEY);
  setting.load("value");
  const sheetList = b.context.workbook.worksheets;
  sheetList.load("items/name");
  await b.sync();
  if (setting.isNullObject) return;
  const names = new Set(sheetList.items.map((ws) => ws.name));
  const stored = parseStored(setting.value).filter((s) => names.has(s.sheet));
  const sheets = new Map<string, Excel.Worksheet>();
  const detailed = env.isSetSupported("ExcelApi", "1.9");
  for (const chunk of chunks(stored, targetBytes / 2)) {
    const fills = chunk.map((s) => {
      const fill = worksheet(b, sheets, s.sheet).getRange(s.cell).format.fill;
      fill.load("color");
      return fill;
    });
    await b.sync();
    chunk.forEach((s, i) => {
      const fill = fills[i];
      if (fill.color.toUpperCase() !== HIGHLIGHT_COLOR) return;
      const noFill = s.pattern !== undefined ? s.pattern === "None" : s.color.toUpperCase() === "#FFFFFF";
      if (noFill) return fill.clear();
      // Never a gradient: Excel takes none through the API (and such cells were never marked).
      const patterned = detailed && s.pattern && s.pattern !== "Solid" && !isGradient(s.pattern);
      if (patterned) fill.pattern = s.pattern as Excel.FillPattern;
      fill.color = s.color;
      if (patterned && s.patternColor) fill.patternColor = s.patternColor;
      if (detailed && s.tintAndShade !== undefined && s.tintAndShade !== 0) fill.tintAndShade = s.tintAndShade;
    });
    await b.sync();
  }
  setting.delete();
  await b.sync();
}

function isGradient(pattern: string | undefined): boolean {
  return pattern !== undefined && /gradient/i.test(pattern);
}

function* chunks<T>(items: readonly T[], targetBytes: number): Generator<T[]> {
  const size = Math.max(1, Math.floor(targetBytes / CELL_BYTES));
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

function worksheet(b: Batch, cache: Map<string, Excel.Worksheet>, name: string): Excel.Worksheet {
  let ws = cache.get(name);
  if (!ws) cache.set(name, (ws = b.context.workbook.worksheets.getItem(name)));
  return ws;
}

function unique(cells: readonly CellTarget[]): CellTarget[] {
  const seen = new Set<string>();
  return cells.filter((c) => {
    const key = `${c.sheet}\u0000${c.cell}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The stored form: one group per distinct fill, its cells as a space-separated address list per sheet. */
interface PackedFills {
  v: 2;
  fills: { color: string; pattern?: string; patternColor?: string; tintAndShade?: number; cells: Record<string, string> }[];
}

export function packFills(stored: readonly StoredFill[]): PackedFills {
  const groups = new Map<string, PackedFills["fills"][number]>();
  for (const s of stored) {
    const fill = { color: s.color, pattern: s.pattern, patternColor: s.patternColor, tintAndShade: s.tintAndShade };
    // Pattern colour and tint matter only under a pattern; a plain cell reports them anyway.
    if (fill.pattern === "None" || fill.pattern === "Solid" || fill.pattern === undefined) delete fill.patternColor;
    if (fill.tintAndShade === 0) delete fill.tintAndShade;
    const id = JSON.stringify(fill);
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { ...JSON.parse(id), cells: {} } as PackedFills["fills"][number]));
    group.cells[s.sheet] = group.cells[s.sheet] ? `${group.cells[s.sheet]} ${s.cell}` : s.cell;
  }
  return { v: 2, fills: [...groups.values()] };
}

/** Both stored forms: the grouped one, and the plain list of earlier versions (a workbook marked before). */
function parseStored(raw: unknown): StoredFill[] {
  try {
    const data: unknown = typeof raw === "string" ? JSON.parse(raw) : raw;
    if (Array.isArray(data)) {
      return data.filter(
        (x): x is StoredFill => typeof x === "object" && x !== null && typeof x.sheet === "string" && typeof x.cell === "string" && typeof x.color === "string",
      );
    }
    if (typeof data !== "object" || data === null || (data as PackedFills).v !== 2 || !Array.isArray((data as PackedFills).fills)) return [];
    const out: StoredFill[] = [];
    for (const g of (data as PackedFills).fills) {
      if (typeof g.color !== "string" || typeof g.cells !== "object" || g.cells === null) continue;
      for (const [sheet, list] of Object.entries(g.cells)) {
        if (typeof list !== "string") continue;
        for (const cell of list.split(" ").filter(Boolean)) {
          const s: StoredFill = { sheet, cell, color: g.color };
          if (typeof g.pattern === "string") s.pattern = g.pattern;
          if (typeof g.patternColor === "string") s.patternColor = g.patternColor;
          if (typeof g.tintAndShade === "number") s.tintAndShade = g.tintAndShade;
          out.push(s);
        }
      }
    }
    return out;
  } catch {
    return [];
  }
}

/** The host contract's notice is rendered text (HighlightingHost), so the message is rendered here. */
function leftUnmarkedNotice(marked: number, overCap: number, gradients: number, cap: number): Message {
  const unmarked: MessageRef[] = [];
  if (overCap > 0) unmarked.push(msg("office.highlightOverCap", { n: count(overCap), cap: count(cap) }));
  if (gradients > 0) unmarked.push(msg("office.highlightGradients", { n: count(gradients) }));
  return renderAll(msg("office.highlightMarked", { marked: count(marked), unmarked: list(unmarked, ";") }));
}
