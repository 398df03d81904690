/**
 * The one package reader of the .xlsx host: SheetSnapshots straight from the package XML, and the cell contents
 * the patcher's guard compares with a plan's `before` (src/xlsx/patch/readCells.ts reads through this class), so
 * what a snapshot says a cell holds and what the guard finds there can never disagree on an unchanged file.
 * Cells, shared and inline strings, styles and number formats (as stored: `\-` keeps its backslash), merges,
 * hidden rows and protection are read here and nowhere else. The ExcelJS reader in test/ is the oracle the tests
 * compare it with, its known quirks normalised there.
 * Every part goes through the package's one XML tokenizer (patch/xml.ts): the sheet part in a single pass of it,
 * workbook, styles and shared strings (each decoded once, whatever the number of cells that use a string) through
 * the tag list built on it.
 */
import type { SheetRef } from "../domain/host";
import { HostError } from "../domain/host";
import type { CellContent } from "../domain/plan";
import type { Cell, MergeArea, SheetSnapshot } from "../domain/sheet/snapshot";
import { a1, columnIndex } from "../domain/sheet/snapshot";
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
  return new HostError("corrupt", {
    id: `Berkas ${fileName} rusak: bagian ${e.part} tidak dapat dibaca (${e.reason.id}). Buka berkasnya di Excel atau LibreOffice, simpan ulang sebagai .xlsx, lalu coba lagi. Tidak ada yang ditulis.`,
    en: `The file ${fileName} is damaged: its part ${e.part} cannot be read (${e.reason.en}). Open it in Excel or LibreOffice, save it again as .xlsx, and try again. Nothing was written.`,
  });
}

/** A package opened for reading: its parts are decoded on demand, workbook-wide parts once. */
export class PackageSnapshots {
  readonly sheets: PackageSheet[];
  readonly date1904: boolean;
  readonly pkg: XlsxPackage;
  private sharedStrings?: string[];
  private sharedCells?: (string | null | undefined)[];
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
      throw new DamagedPartError(path, { id: "teksnya bukan UTF-8 yang sah", en: "its text is not valid UTF-8" });
    }
  }

  private sharedString(index: number): string | undefined {
    this.sharedStrings ??= this.readParts(this.pkg.sharedStringsPath, () => readSharedStrings(this.pkg));
    return this.sharedStrings[index];
  }

  /** The snapshot value of shared string `index`: cut once, null when blank, undefined when missing. */
  private sharedCell(index: number): string | null | undefined {
    this.sharedCells ??= [];
    if (index in this.sharedCells) return this.sharedCells[index];
    const text = this.sharedString(index);
    const value = text === undefined ? undefined : text.trim() === "" ? null : cutSnapshotText(text);
    this.sharedCells[index] = value;
    return value;
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

function xmlProblem(e: unknown): { id: string; en: string } {
  if (e instanceof XmlError) return e.reason;
  const detail = (e instanceof Error ? e.message : String(e)).split("\n")[0];
  return { id: `XML-nya tidak utuh: ${detail}`, en: `its XML is not well-formed: ${detail}` };
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

/** What one <c> element holds, as the tokenizer found it: its own tag, its first <f> and <v>, its inline text. */
interface CellParts {
  start: number;
  openEnd: number;
  row: number;
  col: number;
  /** The <f> tag (start, end) and its text (undefined for <f/>). */
  f?: { start: number; end: number; text?: string };
  /** Raw text of the first <v>, undefined when absent or empty. */
  v?: string;
  /** The <is> text: its <t> elements joined, undefined when there is no <is> or no <t>. */
  inline?: string;
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
  let cell: CellParts | undefined;
  // The child of <c> being read (its text starts at textFrom), and inside <is>: phonetic depth and <t> text.
  let child: "f" | "v" | "is" | "" = "";
  let textFrom = 0;
  let inT = false;
  let phonetic = 0;
  let inlineText = "";
  let inlineFound = false;

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
      else if (cell && level === 2) {
        if (inlineFound) cell.inline = decodeXstring(inlineText);
        addCell(cell);
        cell = undefined;
      } else if (cell && level === 3) {
        if (child === "f" && cell.f) cell.f.text = xml.slice(textFrom, tok.start);
        else if (child === "v") cell.v = xml.slice(textFrom, tok.start) || undefined;
        child = "";
      } else if (cell && child === "is") {
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
      const r = attrIn(xml, tok.start, tok.end, "r");
      rowNum = r === undefined ? rowNum + 1 : parseInt(r, 10);
      revisited = seenRows.has(rowNum);
      seenRows.add(rowNum);
      prevCol = 0;
      if (isTrue(attrIn(xml, tok.start, tok.end, "hidden"))) hiddenCandidates.add(rowNum);
    } else if (level === 2 && inRow && tok.isSml("c")) {
      const r = attrIn(xml, tok.start, tok.end, "r");
      const col = r === undefined ? prevCol + 1 : columnIndex(columnPart(r));
      if ((col <= prevCol || revisited) && rows.get(rowNum)?.has(col)) {
        throw new DamagedPartError(part, { id: `sel ${a1(rowNum, col)} tercatat dua kali`, en: `cell ${a1(rowNum, col)} is stored twice` });
      }
      prevCol = col;
      const parts: CellParts = { start: tok.start, openEnd: tok.end - 1, row: rowNum, col };
      if (tok.kind === "empty") addCell(parts);
      else {
        cell = parts;
        child = "";
        inlineText = "";
        inlineFound = false;
      }
    } else if (level === 3 && cell) {
      // Only the first <f> and the first <v> of a cell count.
      if (tok.isSml("f") && !cell.f) {
        cell.f = { start: tok.start, end: tok.end };
        if (tok.kind === "open") {
          child = "f";
          textFrom = tok.end;
        }
      } else if (tok.isSml("v") && cell.v === undefined && child === "") {
        if (tok.kind === "open") {
          child = "v";
          textFrom = tok.end;
        }
      } else if (tok.isSml("is") && tok.kind === "open") {
        child = "is";
        phonetic = 0;
      }
    } else if (cell && child === "is") {
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

  function addCell(parts: CellParts): void {
    // A cell outside Excel's grid (row 0 in some fuzzed files) has no address a user or a plan could name.
    const outside = !(parts.row >= 1 && parts.row <= MAX_ROWS && parts.col >= 1 && parts.col <= MAX_COLS);
    const value = readCellOf(part, xml, parts, ctx, masters);
    if (!value || outside) return;
    let cells = rows.get(parts.row);
    if (!cells) rows.set(parts.row, (cells = new Map()));
    cells.set(parts.col, value);
  }

  // A cell a merge covers shows nothing in Excel, whatever the file still stores there: only the top-left
  // cell keeps its content. The cells present are visited, never the (possibly whole-sheet) area.
  if (merges.length) dropCoveredCells(rows, merges);

  let maxRow = 0;
  let maxCol = 0;
  const hiddenRows = new Set<number>();
  for (const [row, cells] of rows) {
    if (cells.size === 0) {
      rows.delete(row);
      continue;
    }
    if (row > maxRow) maxRow = row;
    for (const col of cells.keys()) if (col > maxCol) maxCol = col;
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
    const at = a1(parts.row, parts.col);
    if (e instanceof XmlError) throw new DamagedPartError(part, { id: `sel ${at}: ${e.reason.id}`, en: `cell ${at}: ${e.reason.en}` });
    const detail = (e instanceof Error ? e.message : String(e)).split("\n")[0];
    throw new DamagedPartError(part, { id: `sel ${at}: ${detail}`, en: `cell ${at}: ${detail}` });
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
  const { row, col, f } = parts;
  const t = attrIn(xml, parts.start, parts.openEnd, "t");
  const s = attrIn(xml, parts.start, parts.openEnd, "s");
  const styleId = s === undefined ? 0 : parseInt(s, 10);
  const style = ctx.style(Number.isNaN(styleId) ? 0 : styleId);
  const vText = parts.v;
  let cell: Cell;
  if (f) {
    const shareType = attrIn(xml, f.start, f.end, "t");
    let formula = f.text === undefined ? "" : textOf(f.text);
    if (!formula && shareType === undefined) return plainCell();
    if (shareType === "shared") {
      const si = attrIn(xml, f.start, f.end, "si") ?? "";
      if (attrIn(xml, f.start, f.end, "ref") !== undefined) {
        if (formula && !masters.has(si)) masters.set(si, { row, col, text: formula });
      } else if (!formula) {
        const master = masters.get(si);
        formula = master ? shiftFormula(master.text, row - master.row, col - master.col) : "";
      }
    }
    cell = { value: null };
    if (formula) cell.formula = formula.startsWith("=") ? formula.slice(1) : formula;
    if (vText) {
      const raw = textOf(vText);
      if (t === "str" || t === "d") cell.value = raw;
      else if (t === "b") cell.value = isTrue(raw.trim());
      else if (t === "e") cell.error = raw;
      else {
        const n = parseFloat(raw);
        cell.value = Number.isNaN(n) ? null : n;
      }
    } else if (!cell.formula) {
      return undefined;
    }
  } else {
    const plain = plainCell();
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

  function keepWhole(text: string): string {
    const cut = cutSnapshotText(text);
    if (cut !== text) ctx.longTexts?.set(`${row}:${col}`, text);
    return cut;
  }

  function plainCell(): Cell | undefined {
    if (t === "inlineStr") {
      const text = parts.inline;
      return text === undefined || text.trim() === "" ? undefined : { value: keepWhole(text) };
    }
    if (vText === undefined) return undefined;
    const raw = textOf(vText);
    switch (t) {
      case "s": {
        const index = parseInt(raw, 10);
        const text = ctx.sharedCell(index);
        if (text === undefined) throw new Error(`shared string ${raw} is missing`);
        if (text === null) return undefined;
        const whole = ctx.sharedString(index);
        if (whole !== undefined && whole.length > text.length) ctx.longTexts?.set(`${row}:${col}`, whole);
        return { value: text };
      }
      case "str":
      case "d":
        return raw.trim() === "" ? undefined : { value: keepWhole(raw) };
      case "b":
        return { value: isTrue(raw.trim()) };
      case "e":
        return { value: null, error: raw };
      default: {
        const n = parseFloat(raw);
        return Number.isNaN(n) ? undefined : { value: n };
      }
    }
  }
}

/** The character data of an element's raw content (entities resolved, CDATA kept, comments left out). */
function textOf(raw: string): string {
  return textBetween(raw, 0, raw.length);
}

/** An attribute of the tag spanning [start, end), raw (callers unescape where values may hold entities). */
function attrIn(doc: string, start: number, end: number, name: string): string | undefined {
  // The tag alone is searched, so a missing attribute never sends indexOf through the rest of the part.
  const xml = doc.slice(start, end);
  let from = 0;
  for (;;) {
    const at = xml.indexOf(name, from);
    if (at < 0) return undefined;
    from = at + name.length;
    const before = xml.charCodeAt(at - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    let k = at + name.length;
    while (xml[k] === " ") k++;
    if (xml[k] !== "=") continue;
    k++;
    while (xml[k] === " ") k++;
    const quote = xml[k];
    if (quote !== '"' && quote !== "'") continue;
    const close = xml.indexOf(quote, k + 1);
    return close < 0 ? undefined : xml.slice(k + 1, close);
  }
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

function dropCoveredCells(rows: Map<number, Map<number, Cell>>, merges: readonly MergeArea[]): void {
  const byRow = new Map<number, MergeArea[]>();
  const tall: MergeArea[] = [];
  for (const m of merges) {
    if (m.bottom - m.top > 64) tall.push(m);
    else for (let r = m.top; r <= m.bottom; r++) byRow.set(r, [...(byRow.get(r) ?? []), m]);
  }
  for (const [row, cells] of rows) {
    const here = byRow.get(row);
    const areas = tall.length ? [...(here ?? []), ...tall.filter((m) => m.top <= row && row <= m.bottom)] : here;
    if (!areas) continue;
    for (const col of [...cells.keys()]) {
      if (areas.some((m) => m.left <= col && col <= m.right && (row !== m.top || col !== m.left))) cells.delete(col);
    }
  }
}
