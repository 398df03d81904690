/// <reference types="office-js" />
/**
 * "Tandai di lembar": finding cells get a fill, and each cell's previous fill (colour, and on ExcelApi 1.9 its
 * pattern, pattern colour and tint) is kept in the workbook settings under `renja.highlight`, so the highlight
 * can be removed exactly even after the pane was closed or the workbook saved and reopened.
 */
import type { Batch } from "./queue";
import type { OfficeEnvironment } from "./environment";

export const HIGHLIGHT_KEY = "renja.highlight";
export const HIGHLIGHT_COLOR = "#FFD966";

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

export async function highlightCells(b: Batch, cells: readonly CellTarget[], env: OfficeEnvironment): Promise<void> {
  if (cells.length === 0) return;
  const detailed = env.isSetSupported("ExcelApi", "1.9");
  const targets = unique(cells);
  const sheets = new Map<string, Excel.Worksheet>();
  const fills = targets.map((t) => {
    const fill = worksheet(b, sheets, t.sheet).getRange(t.cell).format.fill;
    fill.load(detailed ? "color,pattern,patternColor,tintAndShade" : "color");
    return fill;
  });
  await b.sync();
  const stored: StoredFill[] = targets.map((t, i) => {
    const f = fills[i];
    return detailed ? { ...t, color: f.color, pattern: f.pattern, patternColor: f.patternColor, tintAndShade: f.tintAndShade } : { ...t, color: f.color };
  });
  for (const f of fills) {
    // A patterned fill would show the highlight through its pattern; a solid one is unmistakable.
    if (detailed) f.pattern = "Solid";
    f.color = HIGHLIGHT_COLOR;
  }
  b.context.workbook.settings.add(HIGHLIGHT_KEY, JSON.stringify(stored));
  await b.sync();
}

/**
 * Puts back every stored fill, except on cells whose fill the user changed since (they keep the user's).
 * Cells on sheets that no longer exist are skipped.
 */
export async function clearHighlightCells(b: Batch, env: OfficeEnvironment): Promise<void> {
  const setting = b.context.workbook.settings.getItemOrNullObject(HIGHLIGHT_KEY);
  setting.load("value");
  const sheetList = b.context.workbook.worksheets;
  sheetList.load("items/name");
  await b.sync();
  if (setting.isNullObject) return;
  const names = new Set(sheetList.items.map((ws) => ws.name));
  const stored = parseStored(setting.value).filter((s) => names.has(s.sheet));
  const sheets = new Map<string, Excel.Worksheet>();
  const fills = stored.map((s) => {
    const fill = worksheet(b, sheets, s.sheet).getRange(s.cell).format.fill;
    fill.load("color");
    return fill;
  });
  await b.sync();
  const detailed = env.isSetSupported("ExcelApi", "1.9");
  stored.forEach((s, i) => {
    const fill = fills[i];
    if (fill.color.toUpperCase() !== HIGHLIGHT_COLOR) return;
    const noFill = s.pattern !== undefined ? s.pattern === "None" : s.color.toUpperCase() === "#FFFFFF";
    if (noFill) return fill.clear();
    if (detailed && s.pattern && s.pattern !== "Solid") fill.pattern = s.pattern as Excel.FillPattern;
    fill.color = s.color;
    if (detailed && s.patternColor && s.pattern && s.pattern !== "Solid") fill.patternColor = s.patternColor;
    if (detailed && s.tintAndShade !== undefined && s.tintAndShade !== 0) fill.tintAndShade = s.tintAndShade;
  });
  setting.delete();
  await b.sync();
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

function parseStored(raw: unknown): StoredFill[] {
  try {
    const data: unknown = typeof raw === "string" ? JSON.parse(raw) : raw;
    if (!Array.isArray(data)) return [];
    return data.filter(
      (x): x is StoredFill => typeof x === "object" && x !== null && typeof x.sheet === "string" && typeof x.cell === "string" && typeof x.color === "string",
    );
  } catch {
    return [];
  }
}
