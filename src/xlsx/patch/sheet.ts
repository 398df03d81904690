/**
 * One worksheet part, located tag by tag: rows and cells of sheetData with their offsets, merges,
 * protection, column styles, shared and array formulas. Reading a cell never changes the text.
 */
import { a1, columnIndex, type MergeArea } from "../../domain/sheet/snapshot";
import type { XlsxPackage } from "./package";
import { shiftFormula } from "./formulaShift";
import {
  assertSmlRoot,
  attr,
  childElements,
  decodeXstring,
  elementAt,
  elementText,
  isSml,
  scanTags,
  tagAttributes,
  textBetween,
  withAttribute,
  XmlTokenizer,
  type XmlElement,
  type XmlTag,
} from "./xml";

export interface CellNode {
  row: number;
  col: number;
  el: XmlElement;
  /** The r attribute is written (some producers leave it out and count instead). */
  explicit: boolean;
}

export interface RowNode {
  row: number;
  el: XmlElement;
  cells: CellNode[];
  explicit: boolean;
}

interface SharedFormula {
  row: number;
  col: number;
  text: string;
}

export class SheetDoc {
  readonly tags: XmlTag[];
  readonly sheetData: XmlElement | undefined;
  readonly rows: RowNode[] = [];
  private readonly rowIndex = new Map<number, RowNode>();
  private sharedFormulas?: Map<string, SharedFormula>;
  private mergeList?: MergeArea[];
  private arrayList?: MergeArea[];
  private colStyles?: { min: number; max: number; style: number }[];

  constructor(readonly xml: string) {
    this.tags = scanTags(xml);
    const dataIndex = this.tags.findIndex((t) => t.kind !== "close" && isSml(t, "sheetData"));
    this.sheetData = dataIndex >= 0 ? elementAt(this.tags, dataIndex) : undefined;
    if (!this.sheetData) return;
    let lastRow = 0;
    for (const rowEl of childElements(this.tags, this.sheetData)) {
      if (!isSml(rowEl.open, "row")) continue;
      const r = attr(xml, rowEl.open, "r");
      const rowNum = r ? Number(r) : lastRow + 1;
      lastRow = rowNum;
      const cells: CellNode[] = [];
      let lastCol = 0;
      for (const cEl of childElements(this.tags, rowEl)) {
        if (!isSml(cEl.open, "c")) continue;
        const ref = attr(xml, cEl.open, "r");
        const col = ref ? columnIndex(ref.replace(/\d+$/, "").replace(/\$/g, "")) : lastCol + 1;
        lastCol = col;
        cells.push({ row: rowNum, col, el: cEl, explicit: !!ref });
      }
      const node = { row: rowNum, el: rowEl, cells, explicit: !!r };
      this.rows.push(node);
      this.rowIndex.set(rowNum, node);
    }
  }

  row(row: number): RowNode | undefined {
    return this.rowIndex.get(row);
  }

  cell(row: number, col: number): CellNode | undefined {
    return this.rowIndex.get(row)?.cells.find((c) => c.col === col);
  }

  /** Whether every row and cell states its own address (a patch relies on it when inserting). */
  hasExplicitRefs(): boolean {
    return this.rows.every((r) => r.explicit && r.cells.every((c) => c.explicit));
  }

  /** The same sheet with r attributes written on every row and cell; content unchanged. */
  withExplicitRefs(): string {
    const splices: { at: number; end: number; text: string }[] = [];
    for (const row of this.rows) {
      for (const c of row.cells) {
        if (!c.explicit) splices.push({ at: c.el.open.start, end: c.el.open.end, text: withAttribute(this.xml, c.el.open, "r", a1(c.row, c.col)) });
      }
      if (!row.explicit) splices.push({ at: row.el.open.start, end: row.el.open.end, text: withAttribute(this.xml, row.el.open, "r", String(row.row)) });
    }
    return applySplices(this.xml, splices);
  }

  merges(): MergeArea[] {
    if (this.mergeList) return this.mergeList;
    const out: MergeArea[] = [];
    for (const tag of this.tags) {
      if (tag.kind === "close" || !isSml(tag, "mergeCell")) continue;
      const area = parseArea(attr(this.xml, tag, "ref") ?? "");
      if (area) out.push(area);
    }
    this.mergeList = out;
    return out;
  }

  /** True when the sheet is protected (Excel refuses edits to locked cells; we refuse the whole write). */
  isProtected(): boolean {
    const el = this.tags.find((t) => t.kind !== "close" && isSml(t, "sheetProtection"));
    if (!el) return false;
    const sheet = attr(this.xml, el, "sheet");
    return sheet === "1" || sheet === "true";
  }

  /** Multi-cell array formula areas: no part of one can be changed on its own. */
  arrayAreas(): MergeArea[] {
    if (this.arrayList) return this.arrayList;
    const out: MergeArea[] = [];
    for (const row of this.rows) {
      for (const c of row.cells) {
        const f = this.child(c.el, "f");
        if (!f || attr(this.xml, f.open, "t") !== "array") continue;
        const area = parseArea(attr(this.xml, f.open, "ref") ?? "");
        if (area && (area.bottom > area.top || area.right > area.left)) out.push(area);
      }
    }
    this.arrayList = out;
    return out;
  }

  /** The style index a cell has, or would get when created: its own, else its row's, else its column's. */
  styleAt(row: number, col: number): number {
    const cell = this.cell(row, col);
    if (cell) return Number(attr(this.xml, cell.el.open, "s") ?? "0");
    return this.defaultStyle(row, col);
  }

  defaultStyle(row: number, col: number): number {
    const rowNode = this.row(row);
    if (rowNode) {
      const a = tagAttributes(this.xml, rowNode.el.open);
      if ((a.get("customFormat") === "1" || a.get("customFormat") === "true") && a.has("s")) return Number(a.get("s"));
    }
    if (!this.colStyles) {
      this.colStyles = [];
      for (const tag of this.tags) {
        if (tag.kind === "close" || !isSml(tag, "col")) continue;
        const a = tagAttributes(this.xml, tag);
        this.colStyles.push({ min: Number(a.get("min")), max: Number(a.get("max")), style: Number(a.get("style") ?? "0") });
      }
    }
    return this.colStyles.find((c) => c.min <= col && col <= c.max)?.style ?? 0;
  }

  child(el: XmlElement, local: string): XmlElement | undefined {
    return childElements(this.tags, el).find((c) => isSml(c.open, local));
  }

  /** The formula text of a cell, shared formulas filled in from their first cell. */
  formulaOf(cell: CellNode): string | undefined {
    const f = this.child(cell.el, "f");
    if (!f) return undefined;
    const text = elementText(this.xml, f);
    if (attr(this.xml, f.open, "t") !== "shared" || text) return text || undefined;
    const master = this.sharedFormulaMasters().get(attr(this.xml, f.open, "si") ?? "");
    if (!master) return undefined;
    return shiftFormula(master.text, cell.row - master.row, cell.col - master.col);
  }

  /** Cells other than the master that take their formula from shared group `si`. */
  sharedFormulaDependents(si: string): CellNode[] {
    const out: CellNode[] = [];
    for (const row of this.rows) {
      for (const c of row.cells) {
        const f = this.child(c.el, "f");
        if (f && attr(this.xml, f.open, "t") === "shared" && attr(this.xml, f.open, "si") === si && !elementText(this.xml, f)) out.push(c);
      }
    }
    return out;
  }

  private sharedFormulaMasters(): Map<string, SharedFormula> {
    if (this.sharedFormulas) return this.sharedFormulas;
    const map = new Map<string, SharedFormula>();
    for (const row of this.rows) {
      for (const c of row.cells) {
        const f = this.child(c.el, "f");
        if (!f || attr(this.xml, f.open, "t") !== "shared") continue;
        const text = elementText(this.xml, f);
        const si = attr(this.xml, f.open, "si") ?? "";
        if (text && !map.has(si)) map.set(si, { row: c.row, col: c.col, text });
      }
    }
    this.sharedFormulas = map;
    return map;
  }
}

/**
 * The workbook's shared-string table (sharedStrings.xml), in index order; empty when the package has none.
 * One pass of the tokenizer, no tag list (200,000 strings cost 400 ms as a tag list, a fifth of that so): each
 * item is the concatenated text of its `<t>` elements, phonetic runs (`<rPh>`) left out, `_xHHHH_` decoded.
 * A `<t>`'s text runs to the next tag, whatever it is, as Excel reads a `<t>` (it holds no elements).
 */
export function readSharedStrings(pkg: XlsxPackage): string[] {
  const path = pkg.sharedStringsPath;
  if (!path || !pkg.has(path)) return [];
  const xml = pkg.text(path);
  const out: string[] = [];
  const tok = new XmlTokenizer(xml);
  let inItem = false;
  let text = "";
  let phonetic = 0;
  // Where the text of the open <t> starts; -1 when none is open.
  let tFrom = -1;
  while (tok.next()) {
    if (tFrom >= 0) {
      text += textBetween(xml, tFrom, tok.start);
      tFrom = -1;
    }
    const depth = tok.depth;
    if (depth === 0) {
      if (tok.kind !== "close") assertSmlRoot({ local: tok.local, ns: tok.ns }, "sst");
      continue;
    }
    if (depth === 1) {
      if (!tok.isSml("si")) continue;
      if (tok.kind === "empty") out.push("");
      else if (tok.kind === "open") {
        inItem = true;
        text = "";
        phonetic = 0;
      } else {
        inItem = false;
        out.push(text.includes("_x") ? decodeXstring(text) : text);
      }
      continue;
    }
    if (!inItem) continue;
    if (tok.isSml("rPh")) {
      if (tok.kind === "open") phonetic++;
      else if (tok.kind === "close") phonetic--;
    } else if (phonetic === 0 && tok.kind === "open" && tok.isSml("t")) tFrom = tok.end;
  }
  return out;
}

export function parseArea(ref: string): MergeArea | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return undefined;
  const left = columnIndex(m[1]);
  const top = Number(m[2]);
  const right = m[3] ? columnIndex(m[3]) : left;
  const bottom = m[4] ? Number(m[4]) : top;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

export interface Splice {
  at: number;
  end: number;
  text: string;
  /** Orders edits at the same offset: lower keys come first in the text. */
  key?: number;
}

/** Applies non-overlapping splices to the original text in one pass. */
export function applySplices(xml: string, splices: readonly Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.at - b.at || (a.key ?? 0) - (b.key ?? 0));
  const parts: string[] = [];
  let cursor = 0;
  for (const s of sorted) {
    if (s.at < cursor) throw new Error("overlapping edits in one XML part");
    parts.push(xml.slice(cursor, s.at), s.text);
    cursor = s.end;
  }
  parts.push(xml.slice(cursor));
  return parts.join("");
}
