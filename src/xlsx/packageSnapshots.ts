/**
 * The fast read path of the .xlsx host: SheetSnapshots straight from the package XML, without building ExcelJS's
 * model of every cell (that model cost most of `renja check`'s time). The result is the one readWorksheet.ts
 * gives from an ExcelJS load, quirks included (ExcelJS's rules are named where they matter), and a test compares
 * the two cell by cell on every fixture.
 * The sheet part is scanned once with indexOf; workbook, styles and shared strings are small enough for the
 * patcher's tag scanner.
 */
import type { SheetRef } from "../domain/host";
import type { Cell, MergeArea, SheetSnapshot } from "../domain/sheet/snapshot";
import { columnIndex } from "../domain/sheet/snapshot";
import { shiftFormula } from "./patch/formulaShift";
import { openPackage, type XlsxPackage } from "./patch/package";
import { parseArea, readSharedStrings } from "./patch/sheet";
import { BUILTIN_NUMBER_FORMATS } from "./patch/styles";
import { attr, childElements, decodeXstring, findElement, scanTags, unescapeXml } from "./patch/xml";
import { HUGE_MERGE_CELLS } from "./hugeMerges";

export interface PackageSheet {
  ref: SheetRef;
  /** Zip entry of the worksheet part. */
  path: string;
}

interface CellStyle {
  numFmt?: string;
  bold: boolean;
  indent?: number;
}

/** A package opened for reading: its parts are decoded on demand, workbook-wide parts once. */
export class PackageSnapshots {
  readonly sheets: PackageSheet[];
  readonly date1904: boolean;
  private readonly pkg: XlsxPackage;
  private sharedStrings?: string[];
  private cellStyles?: (CellStyle | undefined)[];

  constructor(bytes: Uint8Array) {
    this.pkg = openPackage(bytes);
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

  read(sheet: PackageSheet, styles: boolean): SheetSnapshot {
    return readSheetXml(this.pkg.text(sheet.path), sheet.ref, {
      styles,
      date1904: this.date1904,
      sharedString: (i) => this.sharedString(i),
      style: (i) => this.style(i),
    });
  }

  private sharedString(index: number): string | undefined {
    this.sharedStrings ??= readSharedStrings(this.pkg);
    return this.sharedStrings[index];
  }

  private style(index: number): CellStyle | undefined {
    if (!this.cellStyles) this.cellStyles = readCellStyles(this.pkg);
    return this.cellStyles[index];
  }
}

/** numFmt, bold and indent of every cellXfs entry, as ExcelJS's StylesXform.getStyleModel derives them. */
function readCellStyles(pkg: XlsxPackage): (CellStyle | undefined)[] {
  const path = pkg.stylesPath;
  if (!path || !pkg.has(path)) return [];
  const xml = pkg.text(path);
  const tags = scanTags(xml);
  const custom = new Map<number, string>();
  const numFmts = findElement(tags, "numFmts");
  if (numFmts) {
    for (const el of childElements(tags, numFmts)) {
      // ExcelJS drops the backslash of every escaped character ("#,##0;\\-#,##0" reads as "#,##0;-#,##0").
      if (el.open.local === "numFmt") custom.set(Number(attr(xml, el.open, "numFmtId")), (attr(xml, el.open, "formatCode") ?? "").replace(/\\(.)/g, "$1"));
    }
  }
  const fontsEl = findElement(tags, "fonts");
  // ExcelJS reads any <b> element as bold, whatever its val says.
  const boldFonts = fontsEl ? childElements(tags, fontsEl).map((font) => childElements(tags, font).some((c) => c.open.local === "b")) : [];
  const xfsEl = findElement(tags, "cellXfs");
  if (!xfsEl) return [];
  return childElements(tags, xfsEl).map((xf): CellStyle => {
    const numFmtId = parseInt(attr(xml, xf.open, "numFmtId") ?? "0", 10);
    const style: CellStyle = { bold: boldFonts[parseInt(attr(xml, xf.open, "fontId") ?? "", 10)] === true };
    if (numFmtId) {
      const code = custom.get(numFmtId) ?? BUILTIN_NUMBER_FORMATS.get(numFmtId);
      if (code) style.numFmt = code;
    }
    const alignment = childElements(tags, xf).find((c) => c.open.local === "alignment");
    const indent = alignment ? parseInt(attr(xml, alignment.open, "indent") ?? "", 10) : NaN;
    if (indent) style.indent = indent;
    return style;
  });
}

interface SheetReadContext {
  styles: boolean;
  date1904: boolean;
  sharedString(index: number): string | undefined;
  style(index: number): CellStyle | undefined;
}

const MS_PER_DAY = 24 * 60 * 60 * 1000;
const UNIX_EPOCH_SERIAL = 25569;
const DATE_1904_OFFSET = 1462;

/** One worksheet part into a sparse snapshot, in one pass over sheetData. */
export function readSheetXml(xml: string, ref: SheetRef, ctx: SheetReadContext): SheetSnapshot {
  const rows = new Map<number, Map<number, Cell>>();
  const hiddenCandidates = new Set<number>();
  const masters = new Map<string, { row: number; col: number; text: string }>();
  const dataStart = xml.indexOf("<sheetData");
  const dataEnd = dataStart < 0 ? -1 : xml.indexOf("</sheetData>", dataStart);
  let rowNum = 0;
  let prevCol = 0;
  let i = dataStart < 0 ? -1 : xml.indexOf("<", dataStart + 1);
  while (i >= 0 && i < dataEnd) {
    const tagEnd = xml.indexOf(">", i);
    if (tagEnd < 0) break;
    if (isTag(xml, i, "row")) {
      const r = attrIn(xml, i, tagEnd, "r");
      rowNum = r === undefined ? rowNum + 1 : parseInt(r, 10);
      prevCol = 0;
      if (isTrue(attrIn(xml, i, tagEnd, "hidden"))) hiddenCandidates.add(rowNum);
      i = xml.indexOf("<", tagEnd + 1);
    } else if (isTag(xml, i, "c")) {
      const r = attrIn(xml, i, tagEnd, "r");
      const col = r === undefined ? prevCol + 1 : columnIndex(columnPart(r));
      prevCol = col;
      let next = tagEnd + 1;
      if (xml[tagEnd - 1] !== "/") {
        const close = xml.indexOf("</c>", tagEnd);
        const end = close < 0 ? dataEnd : close;
        const cell = readCell(xml, i, tagEnd, end, rowNum, col, ctx, masters);
        if (cell) {
          let cells = rows.get(rowNum);
          if (!cells) rows.set(rowNum, (cells = new Map()));
          cells.set(col, cell);
        }
        next = end + 4;
      }
      i = xml.indexOf("<", next);
    } else {
      i = xml.indexOf("<", tagEnd + 1);
    }
  }

  const merges = readMerges(xml, dataEnd < 0 ? 0 : dataEnd);
  // ExcelJS turns every cell a merge covers into part of the merge, its content gone (merges too large for it
  // are kept away from it, see hugeMerges.ts, so their cells keep their content).
  for (const m of merges) {
    if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > HUGE_MERGE_CELLS) continue;
    for (let row = m.top; row <= m.bottom; row++) {
      const cells = rows.get(row);
      if (!cells) continue;
      for (let col = m.left; col <= m.right; col++) if (row !== m.top || col !== m.left) cells.delete(col);
    }
  }

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
    protected: isProtected(xml, dataEnd < 0 ? 0 : dataEnd),
  };
  if (hiddenRows.size > 0) snapshot.hiddenRows = hiddenRows;
  return snapshot;
}

/** Rows in ascending order, cells too, as ExcelJS's eachRow/eachCell visit them. */
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

/**
 * One <c> element, content between `open` (its "<") and `end` (its "</c>"). Types follow ExcelJS's CellXform:
 * a formula whenever there is formula text or a shared/array type; results and values by the t attribute.
 */
function readCell(
  xml: string,
  open: number,
  openEnd: number,
  end: number,
  row: number,
  col: number,
  ctx: SheetReadContext,
  masters: Map<string, { row: number; col: number; text: string }>,
): Cell | undefined {
  const t = attrIn(xml, open, openEnd, "t");
  const s = attrIn(xml, open, openEnd, "s");
  const styleId = s === undefined ? 0 : parseInt(s, 10);
  // ExcelJS applies no style for s="0".
  const style = styleId ? ctx.style(styleId) : undefined;
  const isDate = style?.numFmt !== undefined && isDateFmt(style.numFmt);

  // The cell's own text, so searching for a child it lacks stops at its end.
  const body = xml.slice(openEnd + 1, end);
  const f = childTag(body, 0, body.length, "f");
  const vText = childText(body, 0, body.length, "v");
  let cell: Cell;
  if (f) {
    const shareType = attrIn(body, f.start, f.openEnd, "t");
    let formula = f.text === undefined ? "" : unescapeXml(f.text);
    if (!formula && shareType === undefined) return plainCell();
    if (shareType === "shared") {
      const si = attrIn(body, f.start, f.openEnd, "si") ?? "";
      if (attrIn(body, f.start, f.openEnd, "ref") !== undefined) {
        if (formula && !masters.has(si)) masters.set(si, { row, col, text: formula });
      } else if (!formula) {
        const master = masters.get(si);
        formula = master ? shiftFormula(master.text, row - master.row, col - master.col) : "";
      }
    }
    cell = { value: null };
    if (formula) cell.formula = formula.startsWith("=") ? formula.slice(1) : formula;
    if (vText) {
      const raw = unescapeXml(vText);
      if (t === "str") cell.value = raw;
      else if (t === "b") cell.value = parseInt(raw, 10) !== 0;
      else if (t === "e") cell.error = raw;
      else cell.value = isDate ? dateSerial(parseFloat(raw), ctx.date1904) : parseFloat(raw);
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

  function plainCell(): Cell | undefined {
    if (t === "inlineStr") {
      const text = inlineText(body);
      return text === undefined || text.trim() === "" ? undefined : { value: text };
    }
    if (vText === undefined) return undefined;
    const raw = unescapeXml(vText);
    switch (t) {
      case "s": {
        const text = ctx.sharedString(parseInt(raw, 10));
        if (text === undefined) throw new Error(`shared string ${raw} is missing`);
        return text.trim() === "" ? undefined : { value: text };
      }
      case "str":
        return raw.trim() === "" ? undefined : { value: raw };
      case "b":
        return { value: parseInt(raw, 10) !== 0 };
      case "e":
        return { value: null, error: raw };
      default: {
        const n = parseFloat(raw);
        return { value: isDate ? dateSerial(n, ctx.date1904) : n };
      }
    }
  }
}

/** ExcelJS's test for a date format: date letters outside quotes and brackets. */
function isDateFmt(fmt: string): boolean {
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** The serial ExcelJS's Date round trip gives (it rounds to whole milliseconds on the way in). */
function dateSerial(v: number, date1904: boolean): number {
  const offset = date1904 ? DATE_1904_OFFSET : 0;
  const ms = Math.round((v - UNIX_EPOCH_SERIAL + offset) * MS_PER_DAY);
  return UNIX_EPOCH_SERIAL + new Date(ms).getTime() / MS_PER_DAY - offset;
}

/** Whether the tag at `at` is <name …>, not a longer name that starts the same. */
function isTag(xml: string, at: number, name: string): boolean {
  if (!xml.startsWith(name, at + 1)) return false;
  const after = xml.charCodeAt(at + 1 + name.length);
  // space, tab, LF, CR, "/" or ">"
  return after === 32 || after === 9 || after === 10 || after === 13 || after === 47 || after === 62;
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

/** The first <name> child in [from, to): its tag and raw text (undefined text for an empty element). */
function childTag(xml: string, from: number, to: number, name: string): { start: number; openEnd: number; text?: string } | undefined {
  let at = xml.indexOf(`<${name}`, from);
  while (at >= 0 && at < to && !isTag(xml, at, name)) at = xml.indexOf(`<${name}`, at + 1);
  if (at < 0 || at >= to) return undefined;
  const openEnd = xml.indexOf(">", at);
  if (xml[openEnd - 1] === "/") return { start: at, openEnd };
  const close = xml.indexOf(`</${name}>`, openEnd);
  return { start: at, openEnd, text: xml.slice(openEnd + 1, close) };
}

function childText(xml: string, from: number, to: number, name: string): string | undefined {
  const el = childTag(xml, from, to, name);
  return el?.text === undefined || el.text === "" ? undefined : el.text;
}

/** The text of an inline string (<is>): its <t> elements, rich text runs joined, phonetic runs left out. */
function inlineText(cellBody: string): string | undefined {
  const is = childTag(cellBody, 0, cellBody.length, "is");
  if (!is || is.text === undefined) return undefined;
  const body = is.text.replace(/<rPh[\s>][\s\S]*?<\/rPh>/g, "");
  let out = "";
  let found = false;
  let k = 0;
  for (;;) {
    const t = childTag(body, k, body.length, "t");
    if (!t) break;
    found = true;
    if (t.text !== undefined) out += unescapeXml(t.text);
    k = t.openEnd + 1;
  }
  return found ? decodeXstring(out) : undefined;
}

function readMerges(xml: string, from: number): MergeArea[] {
  const out: MergeArea[] = [];
  let at = xml.indexOf("<mergeCell", from);
  while (at >= 0) {
    const end = xml.indexOf(">", at);
    if (isTag(xml, at, "mergeCell")) {
      const area = parseArea(attrIn(xml, at, end, "ref") ?? "");
      if (area) out.push(area);
    }
    at = xml.indexOf("<mergeCell", end);
  }
  return out;
}

function isProtected(xml: string, from: number): boolean {
  let at = xml.indexOf("<sheetProtection", from);
  while (at >= 0 && !isTag(xml, at, "sheetProtection")) at = xml.indexOf("<sheetProtection", at + 1);
  if (at < 0) return false;
  // ExcelJS counts a sheet protected only for sheet="1".
  return attrIn(xml, at, xml.indexOf(">", at), "sheet") === "1";
}

function columnPart(ref: string): string {
  let k = 0;
  while (k < ref.length && !(ref.charCodeAt(k) >= 48 && ref.charCodeAt(k) <= 57)) k++;
  return ref.slice(0, k).replace(/\$/g, "");
}

function isTrue(v: string | undefined): boolean {
  return v === "1" || v === "true";
}
