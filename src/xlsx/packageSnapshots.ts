/**
 * The one package reader of the .xlsx host: SheetSnapshots straight from the package XML, and the cell contents
 * the patcher's guard compares with a plan's `before` (src/xlsx/patch/readCells.ts reads through this class), so
 * what a snapshot says a cell holds and what the guard finds there can never disagree on an unchanged file.
 * Cells, shared and inline strings, styles and number formats (as stored: `\-` keeps its backslash), merges,
 * hidden rows and protection are read here and nowhere else. The ExcelJS reader in test/ is the oracle the tests
 * compare it with, its known quirks normalised there.
 * Every part goes through the package's one XML tokenizer (patch/xml.ts): the sheet part and the shared strings
 * in a single pass of it (each string decoded and cut once, whatever the number of cells that use it), workbook
 * and styles through the tag list built on it.
 */
import type { SheetRef } from "../domain/host";
import { HostError } from "../domain/host";
import type { CellContent } from "../domain/plan";
import type { Cell, MergeArea, SheetSnapshot } from "../domain/sheet/snapshot";
import { a1, columnIndex } from "../domain/sheet/snapshot";
import { cell as cellValue, msg, nested, text, type MessageRef } from "../domain/messages";
import { DamagedPartError } from "./patch/damagedPart";
import { shiftFormula } from "./patch/formulaShift";
import type { PackageLimits } from "./patch/inflate";
import { openPackage, type XlsxPackage } from "./patch/package";
import { parseArea, readSharedStrings } from "./patch/sheet";
import { BUILTIN_NUMBER_FORMATS } from "./patch/styles";
import { assertSmlRoot, attr, childElements, decodeXstring, findElement, scanTags, textBetween, XmlError, XmlTokenizer } from "./patch/xml";

export interface PackageSheet {
  ref: SheetRef;
  /** Zip entry of the worksheet part. */
  path: string;
}

export interface CellStyle {
  numFmt?: string;
  bold: boolean;
  indent?: number;
}

/**
 * Text longer than this is cut in snapshots, for mapping's sake: no Renja cell (a name, an indicator, a narrative
 * paragraph) comes near it, and mapping every cell of a 1 MB shared string used 12,000 times took minutes
 * (apache/poi's poc-shared-strings.xlsx: 197 s; cut here, under 1 s of CPU). The guard cuts
 * the text it finds the same way before comparing (cutSnapshotText); undo records keep the whole text.
 */
export const SNAPSHOT_TEXT_LIMIT = 4096;

export function cutSnapshotText(text: string): string {
  return text.length > SNAPSHOT_TEXT_LIMIT ? text.slice(0, SNAPSHOT_TEXT_LIMIT) : text;
}

export { DamagedPartError };

export function damagedPartHostError(fileName: string, e: DamagedPartError): HostError {
  return new HostError("corrupt", msg("xlsx.part.damaged", { file: text(fileName), part: text(e.part), reason: nested(e.reason) }));
}

/** A package opened for reading: its parts are decoded on demand, workbook-wide parts once. */
export class PackageSnapshots {
  readonly sheets: PackageSheet[];
  readonly date1904: boolean;
  readonly pkg: XlsxPackage;
  private sharedStrings?: string[];
  private sharedCells?: (string | null)[];
  private cellStyles?: CellStyle[];
  private readonly read_ = new Map<string, SheetSnapshot>();
  private readonly longTexts = new Map<string, Map<string, string>>();

  constructor(source: Uint8Array | XlsxPackage, limits?: PackageLimits) {
    this.pkg = source instanceof Uint8Array ? openPackage(source, limits) : source;
    const wbXml = this.pkg.text(this.pkg.workbookPath);
    const tags = scanTags(wbXml);
    const states = new Map<string, string | undefined>();
    let date1904 = false;
    for (const tag of tags) {
      if (tag.kind === "close") continue;
      if (tag.local === "sheet") states.set(attr(wbXml, tag, "name") ?? "", attr(wbXml, tag, "state"));
      else if (tag.local === "workbookPr") date1904 = isTrue(attr(wbXml, tag, "date1904"));
    }
    this.date1904 = date1904;
    // Sheet names are unique in a workbook and readable in the sidecar file, so they serve as ids.
    this.sheets = this.pkg.sheets.map((s) => {
      const state = states.get(s.name);
      return { ref: { id: s.name, name: s.name, visible: state === undefined || state === "visible" }, path: s.path };
    });
  }

  /** The sheet's snapshot with style cues (read once; `styles` false gives it without bold and indent). */
  read(sheet: PackageSheet, styles = true): SheetSnapshot {
    let snapshot = this.read_.get(sheet.path);
    if (!snapshot) {
      const longTexts = new Map<string, string>();
      snapshot = readSheetXml(this.partText(sheet.path), sheet.ref, {
        styles: true,
        date1904: this.date1904,
        sharedCell: (i) => this.sharedCell(i),
        sharedString: (i) => this.sharedString(i),
        style: (i) => this.style(i),
        part: sheet.path,
        longTexts,
      });
      this.read_.set(sheet.path, snapshot);
      if (longTexts.size) this.longTexts.set(sheet.path, longTexts);
    }
    return styles ? snapshot : withoutStyleCues(snapshot);
  }

  /** The sheet by name (Excel's names are unique regardless of case). */
  sheet(name: string): PackageSheet | undefined {
    return this.sheets.find((s) => s.ref.name === name) ?? this.sheets.find((s) => s.ref.name.toLowerCase() === name.toLowerCase());
  }

  /**
   * What a cell holds, as the guard and undo records compare and restore it: the snapshot's cell, with its whole
   * text when the snapshot cut it. `emptyStyle` gives the style index of a cell the snapshot has no content for
   * (its own s, or its row's or column's), whose number format the content then carries.
   */
  content(sheetName: string, row: number, col: number, emptyStyle: () => number): CellContent {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const cell = this.read(sheet).rows.get(row)?.get(col);
    if (!cell) return { value: null, numFmt: this.numFmtOf(emptyStyle()) };
    const content: CellContent = { value: cell.value };
    const whole = this.longTexts.get(sheet.path)?.get(`${row}:${col}`);
    if (whole !== undefined) content.value = whole;
    if (cell.formula !== undefined) content.formula = cell.formula;
    if (cell.error !== undefined) content.error = cell.error;
    content.numFmt = cell.numFmt ?? "General";
    return content;
  }

  /** The number format a style index shows ("General" when none): the snapshot's own style table. */
  numFmtOf(styleIndex: number): string {
    return this.style(styleIndex)?.numFmt ?? "General";
  }

  private partText(path: string): string {
    try {
      return this.pkg.text(path);
    } catch (e) {
      if (e instanceof HostError) throw e;
      throw new DamagedPartError(path, msg("xlsx.part.notUtf8", {}));
    }
  }

  private sharedString(index: number): string | undefined {
    this.sharedStrings ??= this.readParts(this.pkg.sharedStringsPath, () => readSharedStrings(this.pkg));
    return this.sharedStrings[index];
  }

  /**
   * The snapshot value of shared string `index`: null when blank, undefined when missing. The whole table is cut
   * once, on first use, into a dense array (filled lazily by index, a sparse array turns into a dictionary).
   */
  private sharedCell(index: number): string | null | undefined {
    if (!this.sharedCells) {
      this.sharedString(0);
      this.sharedCells = (this.sharedStrings ?? []).map((text) => (text.trim() === "" ? null : cutSnapshotText(text)));
    }
    return this.sharedCells[index];
  }

  private style(index: number): CellStyle | undefined {
    this.cellStyles ??= this.readParts(this.pkg.stylesPath, () => readCellStyles(this.pkg));
    // A style index past the list shows as the first style, as the patcher's StylesEditor treats it.
    return this.cellStyles[index] ?? this.cellStyles[0];
  }

  private readParts<T>(part: string | undefined, read: () => T): T {
    try {
      return read();
    } catch (e) {
      if (e instanceof HostError || e instanceof DamagedPartError) throw e;
      throw new DamagedPartError(part ?? "?", xmlProblem(e));
    }
  }
}

/** Why a part's XML cannot be read: the tokenizer's reason, else what the reader threw. */
function xmlProblem(e: unknown): MessageRef {
  return e instanceof XmlError ? e.reason : notWellFormed(e);
}

/** "Its XML is not well-formed" with the first line of what a reader of the part threw. */
export function notWellFormed(e: unknown): MessageRef {
  return msg("xlsx.part.notWellFormed", { detail: text(firstLine(e)) });
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0];
}

/** numFmt, bold and indent of every cellXfs entry, as stored. */
export function readCellStyles(pkg: XlsxPackage): CellStyle[] {
  const path = pkg.stylesPath;
  if (!path || !pkg.has(path)) return [];
  const xml = pkg.text(path);
  const tags = scanTags(xml);
  const custom = new Map<number, string>();
  const numFmts = findElement(tags, "numFmts");
  if (numFmts) {
    for (const el of childElements(tags, numFmts)) {
      if (el.open.local === "numFmt") custom.set(Number(attr(xml, el.open, "numFmtId")), attr(xml, el.open, "formatCode") ?? "");
    }
  }
  const fontsEl = findElement(tags, "fonts");
  const boldFonts = fontsEl
    ? childElements(tags, fontsEl).map((font) =>
        childElements(tags, font).some((c) => c.open.local === "b" && !isFalse(attr(xml, c.open, "val"))),
      )
    : [];
  const xfsEl = findElement(tags, "cellXfs");
  if (!xfsEl) return [];
  return childElements(tags, xfsEl)
    .filter((xf) => xf.open.local === "xf")
    .map((xf): CellStyle => {
      const numFmtId = parseInt(attr(xml, xf.open, "numFmtId") ?? "0", 10);
      const style: CellStyle = { bold: boldFonts[parseInt(attr(xml, xf.open, "fontId") ?? "", 10)] === true };
      if (numFmtId) {
        const code = custom.get(numFmtId) ?? BUILTIN_NUMBER_FORMATS.get(numFmtId);
        if (code && code !== "General") style.numFmt = code;
      }
      const alignment = childElements(tags, xf).find((c) => c.open.local === "alignment");
      const indent = alignment ? parseInt(attr(xml, alignment.open, "indent") ?? "", 10) : NaN;
      if (indent) style.indent = indent;
      return style;
    });
}

/** The snapshot without bold and indent. */
export function withoutStyleCues(snapshot: SheetSnapshot): SheetSnapshot {
  const rows = new Map<number, Map<number, Cell>>();
  for (const [r, cells] of snapshot.rows) {
    const plain = new Map<number, Cell>();
    for (const [c, cell] of cells) {
      if (cell.bold === undefined && cell.indent === undefined) plain.set(c, cell);
      else {
        const { bold: _bold, indent: _indent, ...rest } = cell;
        plain.set(c, rest);
      }
    }
    rows.set(r, plain);
  }
  return { ...snapshot, rows };
}

interface SheetReadContext {
  styles: boolean;
  date1904: boolean;
  /** A shared string as a snapshot value: cut, null when blank, undefined when the index is missing. */
  sharedCell(index: number): string | null | undefined;
  sharedString(index: number): string | undefined;
  style(index: number): CellStyle | undefined;
  /** The part's name, for the message when it is damaged. */
  part?: string;
  /** Receives the whole text of every cell whose snapshot text was cut ("row:col" → text). */
  longTexts?: Map<string, string>;
}

/**
 * What one <c> element holds, as the tokenizer found it: its own tag, its first <f> and <v>, its inline text.
 * One instance is reused for every cell of a part (a 100,000-row sheet has a million cells): fields are offsets
 * into the part, and strings are made only for what the cell keeps.
 */
class CellParts {
  start = 0;
  openEnd = 0;
  row = 0;
  col = 0;
  /** The first <f> tag's start and end (-1 when none), and its text range (fTextFrom -1 for <f/>). */
  fStart = -1;
  fEnd = -1;
  fTextFrom = -1;
  fTextTo = -1;
  /** Range of the first non-empty <v>'s content; vFrom -1 when absent. */
  vFrom = -1;
  vTo = -1;
  /** The <is> text: its <t> elements joined, undefined when there is no <is> or no <t>. */
  inline: string | undefined = undefined;

  reset(start: number, openEnd: number, row: number, col: number): void {
    this.start = start;
    this.openEnd = openEnd;
    this.row = row;
    this.col = col;
    this.fStart = this.fEnd = this.fTextFrom = this.fTextTo = this.vFrom = this.vTo = -1;
    this.inline = undefined;
  }
}

/**
 * One worksheet part into a sparse snapshot, in one pass of the package's XML tokenizer (patch/xml.ts), so a
 * comment, CDATA or processing instruction is never a cell and a prefixed SpreadsheetML element is one.
 */
export function readSheetXml(xml: string, ref: SheetRef, ctx: SheetReadContext): SheetSnapshot {
  const part = ctx.part ?? ref.name;
  try {
    return readSheetTokens(xml, ref, ctx, part);
  } catch (e) {
    if (e instanceof XmlError) throw new DamagedPartError(part, e.reason);
    throw e;
  }
}

function readSheetTokens(xml: string, ref: SheetRef, ctx: SheetReadContext, part: string): SheetSnapshot {
  const rows = new Map<number, Map<number, Cell>>();
  const hiddenCandidates = new Set<number>();
  const masters = new Map<string, { row: number; col: number; text: string }>();
  const merges: MergeArea[] = [];
  let protectedSheet: boolean | undefined;
  const seenRows = new Set<number>();
  let rowNum = 0;
  let prevCol = 0;
  let revisited = false;
  // Depth of <sheetData> while inside it (-1 outside, -2 once it closed: only the first one holds cells).
  let dataDepth = -1;
  let inRow = false;
  const cell = new CellParts();
  let inCell = false;
  // The child of <c> being read (its text starts at textFrom), and inside <is>: phonetic depth and <t> text.
  let child: "f" | "v" | "is" | "" = "";
  let textFrom = 0;
  let inT = false;
  let phonetic = 0;
  let inlineText = "";
  let inlineFound = false;
  // The cells of the row last written to (rows come in order, so this is nearly always the one asked for).
  let lastRow = -1;
  let lastCells: Map<number, Cell> | undefined;
  let maxRow = 0;
  let maxCol = 0;

  const tok = new XmlTokenizer(xml);
  while (tok.next()) {
    const depth = tok.depth;
    if (depth === 0) assertSmlRoot({ local: tok.local, ns: tok.ns }, "worksheet");
    if (dataDepth < 0) {
      if (tok.kind === "close") continue;
      if (dataDepth === -1 && tok.isSml("sheetData")) {
        if (tok.kind === "open") dataDepth = depth;
        else dataDepth = -2;
      } else if (tok.isSml("mergeCell")) {
        const area = parseArea(attrIn(xml, tok.start, tok.end, "ref") ?? "");
        if (area) merges.push(area);
      } else if (protectedSheet === undefined && tok.isSml("sheetProtection")) {
        protectedSheet = isTrue(attrIn(xml, tok.start, tok.end, "sheet"));
      }
      continue;
    }
    const level = depth - dataDepth;
    if (tok.kind === "close") {
      if (level === 0) dataDepth = -2;
      else if (level === 1) inRow = false;
      else if (inCell && level === 2) {
        if (inlineFound) cell.inline = decodeXstring(inlineText);
        addCell();
        inCell = false;
      } else if (inCell && level === 3) {
        if (child === "f" && cell.fStart >= 0) {
          cell.fTextFrom = textFrom;
          cell.fTextTo = tok.start;
        } else if (child === "v" && tok.start > textFrom) {
          cell.vFrom = textFrom;
          cell.vTo = tok.start;
        }
        child = "";
      } else if (inCell && child === "is") {
        if (tok.isSml("rPh")) phonetic--;
        else if (inT && tok.isSml("t")) {
          inlineText += textBetween(xml, textFrom, tok.start);
          inT = false;
        }
      }
      continue;
    }
    if (level === 1) {
      inRow = tok.isSml("row");
      if (!inRow) continue;
      const at = attrAt(xml, tok.start, tok.end, "r");
      rowNum = at < 0 ? rowNum + 1 : intAt(xml, at, attrEnd);
      revisited = seenRows.has(rowNum);
      seenRows.add(rowNum);
      prevCol = 0;
      if (isTrue(attrIn(xml, tok.start, tok.end, "hidden"))) hiddenCandidates.add(rowNum);
    } else if (level === 2 && inRow && tok.isSml("c")) {
      const at = attrAt(xml, tok.start, tok.end, "r");
      const col = at < 0 ? prevCol + 1 : columnAt(xml, at, attrEnd);
      if ((col <= prevCol || revisited) && rows.get(rowNum)?.has(col)) {
        throw new DamagedPartError(part, msg("xlsx.part.cellTwice", { cell: cellValue(a1(rowNum, col)) }));
      }
      prevCol = col;
      cell.reset(tok.start, tok.end - 1, rowNum, col);
      if (tok.kind === "empty") addCell();
      else {
        inCell = true;
        child = "";
        inlineText = "";
        inlineFound = false;
      }
    } else if (level === 3 && inCell) {
      // Only the first <f> and the first non-empty <v> of a cell count.
      if (tok.isSml("f") && cell.fStart < 0) {
        cell.fStart = tok.start;
        cell.fEnd = tok.end;
        if (tok.kind === "open") {
          child = "f";
          textFrom = tok.end;
        }
      } else if (tok.isSml("v") && cell.vFrom < 0 && child === "") {
        if (tok.kind === "open") {
          child = "v";
          textFrom = tok.end;
        }
      } else if (tok.isSml("is") && tok.kind === "open") {
        child = "is";
        phonetic = 0;
      }
    } else if (inCell && child === "is") {
      if (tok.isSml("rPh")) {
        if (tok.kind === "open") phonetic++;
      } else if (phonetic === 0 && tok.isSml("t")) {
        inlineFound = true;
        if (tok.kind === "open") {
          inT = true;
          textFrom = tok.end;
        }
      }
    }
  }

  function addCell(): void {
    // A cell outside Excel's grid (row 0 in some fuzzed files) has no address a user or a plan could name.
    const { row, col } = cell;
    const outside = !(row >= 1 && row <= MAX_ROWS && col >= 1 && col <= MAX_COLS);
    const value = readCellOf(part, xml, cell, ctx, masters);
    if (!value || outside) return;
    if (row !== lastRow || !lastCells) {
      lastCells = rows.get(row);
      if (!lastCells) rows.set(row, (lastCells = new Map()));
      lastRow = row;
    }
    lastCells.set(col, value);
    if (row > maxRow) maxRow = row;
    if (col > maxCol) maxCol = col;
  }

  // A cell a merge covers shows nothing in Excel, whatever the file still stores there: only the top-left
  // cell keeps its content. The cells present are visited, never the (possibly whole-sheet) area.
  const dropped = merges.length ? dropCoveredCells(rows, merges) : 0;

  const hiddenRows = new Set<number>();
  if (dropped > 0) {
    maxRow = 0;
    maxCol = 0;
  }
  for (const [row, cells] of rows) {
    if (cells.size === 0) {
      rows.delete(row);
      continue;
    }
    if (dropped > 0) {
      if (row > maxRow) maxRow = row;
      for (const col of cells.keys()) if (col > maxCol) maxCol = col;
    }
    if (hiddenCandidates.has(row)) hiddenRows.add(row);
  }
  const snapshot: SheetSnapshot = {
    id: ref.id,
    name: ref.name,
    visible: ref.visible,
    rows: sortedRows(rows),
    maxRow,
    maxCol,
    merges: merges.sort((a, b) => a.top - b.top || a.left - b.left),
    protected: protectedSheet === true,
  };
  if (hiddenRows.size > 0) snapshot.hiddenRows = hiddenRows;
  return snapshot;
}

/** Rows in ascending order, cells too: readers of a snapshot walk them in sheet order. */
function sortedRows(rows: Map<number, Map<number, Cell>>): Map<number, Map<number, Cell>> {
  let ordered = true;
  let last = 0;
  for (const row of rows.keys()) {
    if (row < last) ordered = false;
    last = row;
  }
  const out = ordered ? rows : new Map([...rows].sort((a, b) => a[0] - b[0]));
  for (const [row, cells] of out) {
    let prev = 0;
    for (const col of cells.keys()) {
      if (col < prev) {
        out.set(row, new Map([...cells].sort((a, b) => a[0] - b[0])));
        break;
      }
      prev = col;
    }
  }
  return out;
}

function readCellOf(
  part: string,
  xml: string,
  parts: CellParts,
  ctx: SheetReadContext,
  masters: Map<string, { row: number; col: number; text: string }>,
): Cell | undefined {
  try {
    return readCell(xml, parts, ctx, masters);
  } catch (e) {
    if (e instanceof DamagedPartError || e instanceof HostError) throw e;
    const at = cellValue(a1(parts.row, parts.col));
    if (e instanceof XmlError) throw new DamagedPartError(part, msg("xlsx.part.atCell", { cell: at, reason: nested(e.reason) }));
    throw new DamagedPartError(part, msg("xlsx.part.atCellDetail", { cell: at, detail: text(firstLine(e)) }));
  }
}

/**
 * One <c> element: a formula whenever there is formula text or a shared/array type; results and values by the
 * t attribute. Dates stay serial numbers, as stored.
 */
function readCell(
  xml: string,
  parts: CellParts,
  ctx: SheetReadContext,
  masters: Map<string, { row: number; col: number; text: string }>,
): Cell | undefined {
  const { row, col } = parts;
  const tAt = attrAt(xml, parts.start, parts.openEnd, "t");
  const t = tAt < 0 ? undefined : xml.slice(tAt, attrEnd);
  const sAt = attrAt(xml, parts.start, parts.openEnd, "s");
  const styleId = sAt < 0 ? 0 : intAt(xml, sAt, attrEnd);
  const style = ctx.style(Number.isNaN(styleId) ? 0 : styleId);
  let cell: Cell;
  if (parts.fStart >= 0) {
    const { fStart, fEnd } = parts;
    const shareType = attrIn(xml, fStart, fEnd, "t");
    let formula = parts.fTextFrom < 0 ? "" : textBetween(xml, parts.fTextFrom, parts.fTextTo);
    if (!formula && shareType === undefined) return plainCell(xml, parts, t, ctx);
    if (shareType === "shared") {
      const si = attrIn(xml, fStart, fEnd, "si") ?? "";
      if (attrAt(xml, fStart, fEnd, "ref") >= 0) {
        if (formula && !masters.has(si)) masters.set(si, { row, col, text: formula });
      } else if (!formula) {
        const master = masters.get(si);
        formula = master ? shiftFormula(master.text, row - master.row, col - master.col) : "";
      }
    }
    cell = { value: null };
    if (formula) cell.formula = formula.startsWith("=") ? formula.slice(1) : formula;
    if (parts.vFrom >= 0) {
      if (t === "str" || t === "d") cell.value = vText(xml, parts);
      else if (t === "b") cell.value = isTrue(vText(xml, parts).trim());
      else if (t === "e") cell.error = vText(xml, parts);
      else {
        const n = numberAt(xml, parts);
        cell.value = Number.isNaN(n) ? null : n;
      }
    } else if (!cell.formula) {
      return undefined;
    }
  } else {
    const plain = plainCell(xml, parts, t, ctx);
    if (!plain) return undefined;
    cell = plain;
  }
  if (style) {
    if (style.numFmt) cell.numFmt = style.numFmt;
    if (ctx.styles) {
      if (style.bold) cell.bold = true;
      if (style.indent) cell.indent = style.indent;
    }
  }
  return cell;
}

/** A cell's value without a formula, by its t attribute (no style cues: readCell adds them). */
function plainCell(xml: string, parts: CellParts, t: string | undefined, ctx: SheetReadContext): Cell | undefined {
  if (t === "inlineStr") {
    const text = parts.inline;
    return text === undefined || text.trim() === "" ? undefined : { value: keepWhole(text, parts, ctx) };
  }
  if (parts.vFrom < 0) return undefined;
  switch (t) {
    case "s": {
      let index = digitsAt(xml, parts.vFrom, parts.vTo);
      if (index < 0) index = parseInt(vText(xml, parts), 10);
      const text = ctx.sharedCell(index);
      if (text === undefined) throw new Error(`shared string ${vText(xml, parts)} is missing`);
      if (text === null) return undefined;
      // A cut text is exactly SNAPSHOT_TEXT_LIMIT long; only then can the whole one be longer.
      if (text.length === SNAPSHOT_TEXT_LIMIT) {
        const whole = ctx.sharedString(index);
        if (whole !== undefined && whole.length > text.length) ctx.longTexts?.set(`${parts.row}:${parts.col}`, whole);
      }
      return { value: text };
    }
    case "str":
    case "d": {
      const raw = vText(xml, parts);
      return raw.trim() === "" ? undefined : { value: keepWhole(raw, parts, ctx) };
    }
    case "b":
      return { value: isTrue(vText(xml, parts).trim()) };
    case "e":
      return { value: null, error: vText(xml, parts) };
    default: {
      const n = numberAt(xml, parts);
      return Number.isNaN(n) ? undefined : { value: n };
    }
  }
}

function keepWhole(text: string, parts: CellParts, ctx: SheetReadContext): string {
  const cut = cutSnapshotText(text);
  if (cut !== text) ctx.longTexts?.set(`${parts.row}:${parts.col}`, text);
  return cut;
}

/** The character data of the cell's first non-empty <v> (entities resolved, CDATA kept, comments left out). */
function vText(xml: string, parts: CellParts): string {
  return textBetween(xml, parts.vFrom, parts.vTo);
}

/** parseFloat of the <v> text; a plain integer of up to 15 digits (what most cells hold) is read in place. */
function numberAt(xml: string, parts: CellParts): number {
  const { vFrom, vTo } = parts;
  const negative = xml.charCodeAt(vFrom) === 45; /* - */
  const n = digitsAt(xml, negative ? vFrom + 1 : vFrom, vTo);
  if (n >= 0) return negative ? -n : n;
  return parseFloat(vText(xml, parts));
}

/**
 * The value of [from, to) when it is 1 to 15 ASCII digits and nothing else (so exactly what parseInt and
 * parseFloat make of it), else -1.
 */
function digitsAt(xml: string, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let k = from; k < to; k++) {
    const d = xml.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** parseInt(…, 10) of a raw attribute value at [from, to). */
function intAt(xml: string, from: number, to: number): number {
  const n = digitsAt(xml, from, to);
  return n >= 0 ? n : parseInt(xml.slice(from, to), 10);
}

/** The column of a cell reference's raw value at [from, to): columnIndex(columnPart(value)), read in place. */
function columnAt(xml: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = xml.charCodeAt(k);
    if (c >= 48 && c <= 57) break;
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else if (c !== 36 /* $ */) return columnIndex(columnPart(xml.slice(from, to)));
  }
  return n;
}

/** An attribute of the tag spanning [start, end), raw (callers unescape where values may hold entities). */
function attrIn(doc: string, start: number, end: number, name: string): string | undefined {
  const at = attrAt(doc, start, end, name);
  return at < 0 ? undefined : doc.slice(at, attrEnd);
}

/** Where attrAt's last value ends. */
let attrEnd = 0;

/**
 * Where the raw value of attribute `name` starts in the tag spanning [start, end), -1 when absent (attrEnd is
 * set to where it ends): the first ` name="…"` or `name='…'` preceded by white space, searched within the tag
 * alone, so a missing attribute never sends a search through the rest of the part and no copy of the tag is made.
 */
function attrAt(doc: string, start: number, end: number, name: string): number {
  const length = name.length;
  const first = name.charCodeAt(0);
  for (let at = start + 1; at + length <= end; at++) {
    if (doc.charCodeAt(at) !== first) continue;
    const before = doc.charCodeAt(at - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    if (length > 1 && !doc.startsWith(name, at)) continue;
    let k = at + length;
    while (k < end && doc.charCodeAt(k) === 32) k++;
    if (k >= end || doc.charCodeAt(k) !== 61 /* = */) continue;
    k++;
    while (k < end && doc.charCodeAt(k) === 32) k++;
    const quote = k < end ? doc.charCodeAt(k) : -1;
    if (quote !== 34 && quote !== 39) continue;
    for (let close = k + 1; close < end; close++) {
      if (doc.charCodeAt(close) === quote) {
        attrEnd = close;
        return k + 1;
      }
    }
    return -1;
  }
  return -1;
}

function columnPart(ref: string): string {
  let k = 0;
  while (k < ref.length && !(ref.charCodeAt(k) >= 48 && ref.charCodeAt(k) <= 57)) k++;
  return ref.slice(0, k).replace(/\$/g, "");
}

function isTrue(v: string | undefined): boolean {
  return v === "1" || v === "true";
}

function isFalse(v: string | undefined): boolean {
  return v === "0" || v === "false";
}

/** Excel's grid: 1,048,576 rows, 16,384 columns (XFD). */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

/** Drops the cells merges cover; returns how many were dropped. */
function dropCoveredCells(rows: Map<number, Map<number, Cell>>, merges: readonly MergeArea[]): number {
  const byRow = new Map<number, MergeArea[]>();
  const tall: MergeArea[] = [];
  let dropped = 0;
  for (const m of merges) {
    if (m.bottom - m.top > 64) tall.push(m);
    else for (let r = m.top; r <= m.bottom; r++) byRow.set(r, [...(byRow.get(r) ?? []), m]);
  }
  for (const [row, cells] of rows) {
    const here = byRow.get(row);
    const areas = tall.length ? [...(here ?? []), ...tall.filter((m) => m.top <= row && row <= m.bottom)] : here;
    if (!areas) continue;
    for (const col of [...cells.keys()]) {
      if (areas.some((m) => m.left <= col && col <= m.right && (row !== m.top || col !== m.left))) {
        cells.delete(col);
        dropped++;
      }
    }
  }
  return dropped;
}
