/**
 * Number formats in styles.xml: which format a cell's style shows, and a style index that is the cell's
 * current style with only the number format changed (an existing identical `<xf>` is reused, otherwise the
 * current one is cloned at the end of cellXfs so no other cell's look changes).
 */
import { HostError } from "../../domain/host";
import { msg } from "../../domain/messages";
import {
  attr,
  childElements,
  elementAt,
  escapeAttribute,
  findElement,
  rootElement,
  scanFragment,
  scanTags,
  tagAttributes,
  withAttribute,
  type XmlElement,
  type XmlTag,
} from "./xml";
import { freeFormatId, freeSlot } from "./styleSlots";

/** Excel's built-in number formats (the ids no numFmt element declares), as ExcelJS names them. */
export const BUILTIN_NUMBER_FORMATS: ReadonlyMap<number, string> = new Map([
  [0, "General"],
  [1, "0"],
  [2, "0.00"],
  [3, "#,##0"],
  [4, "#,##0.00"],
  [9, "0%"],
  [10, "0.00%"],
  [11, "0.00E+00"],
  [12, "# ?/?"],
  [13, "# ??/??"],
  [14, "mm-dd-yy"],
  [15, "d-mmm-yy"],
  [16, "d-mmm"],
  [17, "mmm-yy"],
  [18, "h:mm AM/PM"],
  [19, "h:mm:ss AM/PM"],
  [20, "h:mm"],
  [21, "h:mm:ss"],
  [22, 'm/d/yy "h":mm'],
  [37, "#,##0 ;(#,##0)"],
  [38, "#,##0 ;[Red](#,##0)"],
  [39, "#,##0.00 ;(#,##0.00)"],
  [40, "#,##0.00 ;[Red](#,##0.00)"],
  [45, "mm:ss"],
  [46, "[h]:mm:ss"],
  [47, "mmss.0"],
  [48, "##0.0E+0"],
  [49, "@"],
]);

export class StylesEditor {
  private xml: string;
  private tags: XmlTag[];
  private changed = false;
  // Indexes built once per text (a planned cell asks for its style's format; 64,000 styles rescanned per cell
  // took minutes): the xf list and the custom formats are dropped when the text changes; the canonical form of an
  // xf never changes with offsets, so its index only grows as xfs are appended.
  private xfList?: XmlElement[];
  private formatMap?: Map<number, string>;
  private canonicalIndex?: Map<string, number>;
  private used?: ReadonlySet<number>;
  private readonly answered = new Map<string, number>();

  /**
   * @param usedStyles the cellXfs indexes the worksheets point at (styleSlots.ts), asked for only when an xf is
   *   appended: an index past the end that a cell already names is never given to the new xf.
   */
  constructor(
    xml: string | undefined,
    private readonly usedStyles: () => ReadonlySet<number> = () => new Set(),
  ) {
    this.xml = xml ?? "";
    this.tags = xml ? scanTags(xml) : [];
  }

  get text(): string {
    return this.xml;
  }

  get isChanged(): boolean {
    return this.changed;
  }

  /** The number format code a style index shows ("General" when none). */
  formatOf(styleIndex: number): string {
    const xf = this.cellXfs()[styleIndex] ?? this.cellXfs()[0];
    if (!xf) return "General";
    const id = Number(attr(this.xml, xf.open, "numFmtId") ?? "0");
    return this.customFormats().get(id) ?? BUILTIN_NUMBER_FORMATS.get(id) ?? "General";
  }

  /** A style index like `styleIndex` but showing `format`; adds a numFmt and/or an xf when needed. */
  styleWithFormat(styleIndex: number, format: string): number {
    // Adding a numFmt moves offsets, so the xf list is read after it.
    const formatId = this.formatId(format);
    // Every planned cell of a column asks the same question: the clone and its comparison are made once.
    const key = `${styleIndex}:${formatId}`;
    const known = this.answered.get(key);
    if (known !== undefined) return known;
    const index = this.styleWithFormatId(styleIndex, formatId);
    this.answered.set(key, index);
    return index;
  }

  private styleWithFormatId(styleIndex: number, formatId: number): number {
    const xfs = this.cellXfs();
    const base = xfs[styleIndex] ?? xfs[0];
    if (!base) throw noStyles();
    const index = xfs[styleIndex] ? styleIndex : 0;
    if (Number(attr(this.xml, base.open, "numFmtId") ?? "0") === formatId) return index;

    const clone = this.cloneWithFormat(base, formatId);
    const wanted = canonical(clone, scanFragment(clone));
    const same = this.xfIndex().get(wanted);
    if (same !== undefined) return same;
    const added = this.appendXf(clone);
    this.xfIndex().set(wanted, added);
    return added;
  }

  /** The first xf of each canonical form, by its form. */
  private xfIndex(): Map<string, number> {
    if (!this.canonicalIndex) {
      const index = new Map<string, number>();
      this.cellXfs().forEach((xf, i) => {
        const form = canonical(this.xml.slice(xf.open.start, xf.close.end), this.tags.slice(xf.openIndex, xf.closeIndex + 1));
        if (!index.has(form)) index.set(form, i);
      });
      this.canonicalIndex = index;
    }
    return this.canonicalIndex;
  }

  private cloneWithFormat(xf: XmlElement, formatId: number): string {
    let open = withAttribute(this.xml, xf.open, "numFmtId", String(formatId));
    const openTags = scanFragment(open);
    open = withAttribute(open, openTags[0], "applyNumberFormat", "1");
    const rest = this.xml.slice(xf.open.end, xf.close.end);
    return open + (xf.open.kind === "empty" ? "" : rest);
  }

  private formatId(format: string): number {
    if (format === "General") return 0;
    for (const [id, code] of this.customFormats()) if (code === format) return id;
    for (const [id, code] of BUILTIN_NUMBER_FORMATS) if (code === format) return id;
    return this.addCustomFormat(format);
  }

  private addCustomFormat(format: string): number {
    const custom = this.customFormats();
    // Past every id declared or named by an xf: an xf naming an undeclared id must not pick this format up.
    const id = freeFormatId(custom.keys(), this.xml);
    const root = this.root();
    const prefix = prefixOf(root.open.name);
    const element = `<${prefix}numFmt numFmtId="${id}" formatCode="${escapeAttribute(format)}"/>`;
    const numFmts = findElement(this.tags, "numFmts");
    if (numFmts) {
      this.appendChild(numFmts, element, custom.size + 1);
    } else {
      const block = `<${prefix}numFmts count="1">${element}</${prefix}numFmts>`;
      this.splice(root.open.end, root.open.end, block);
    }
    return id;
  }

  private appendXf(xf: string): number {
    const cellXfs = findElement(this.tags, "cellXfs");
    if (!cellXfs) throw noStyles();
    const count = childElements(this.tags, cellXfs).length;
    // Slots past the end that cells already name get a copy of the first xf (what readers show them as).
    this.used ??= this.usedStyles();
    const at = freeSlot(count, this.used);
    const first = this.cellXfs()[0];
    const filler = first ? this.xml.slice(first.open.start, first.close.end) : "";
    this.appendChild(cellXfs, filler.repeat(at - count) + xf, at + 1);
    return at;
  }

  /** Adds `child` as the last child of `parent` and sets its count attribute. */
  private appendChild(parent: XmlElement, child: string, count: number): void {
    const openText = withAttribute(this.xml, parent.open, "count", String(count));
    if (parent.open.kind === "empty") {
      const name = parent.open.name;
      const opened = openText.replace(/\s*\/>$/, ">");
      this.splice(parent.open.start, parent.open.end, `${opened}${child}</${name}>`);
    } else {
      // Splice the later position first so the earlier offsets stay valid.
      this.splice(parent.close.start, parent.close.start, child, false);
      this.splice(parent.open.start, parent.open.end, openText);
    }
  }

  private splice(from: number, to: number, text: string, rescan = true): void {
    this.xml = this.xml.slice(0, from) + text + this.xml.slice(to);
    this.changed = true;
    this.xfList = undefined;
    this.formatMap = undefined;
    if (rescan) this.tags = scanTags(this.xml);
  }

  private root(): XmlElement {
    return rootElement(this.tags);
  }

  private cellXfs(): XmlElement[] {
    if (!this.xfList) {
      const list = findElement(this.tags, "cellXfs");
      this.xfList = list ? childElements(this.tags, list).filter((e) => e.open.local === "xf") : [];
    }
    return this.xfList;
  }

  private customFormats(): Map<number, string> {
    if (this.formatMap) return this.formatMap;
    const map = new Map<number, string>();
    const list = findElement(this.tags, "numFmts");
    if (list) {
      for (const el of childElements(this.tags, list)) {
        const a = tagAttributes(this.xml, el.open);
        map.set(Number(a.get("numFmtId")), a.get("formatCode") ?? "");
      }
    }
    this.formatMap = map;
    return map;
  }
}

/** An xf compared by its attributes (any order) and children, so an identical existing xf is reused. */
function canonical(text: string, tags: XmlTag[]): string {
  const first = elementAt(tags.map((t) => ({ ...t, start: t.start - tags[0].start, end: t.end - tags[0].start })), 0);
  const attrs = [...tagAttributes(text, first.open)].sort(([a], [b]) => a.localeCompare(b));
  const inner = first.open.kind === "empty" ? "" : text.slice(first.open.end, first.close.start).replace(/>\s+</g, "><").trim();
  return `${attrs.map(([k, v]) => `${k}=${v}`).join(" ")}|${inner}`;
}

export function prefixOf(qualifiedName: string): string {
  const colon = qualifiedName.indexOf(":");
  return colon >= 0 ? qualifiedName.slice(0, colon + 1) : "";
}

function noStyles(): HostError {
  return new HostError("corrupt", msg("xlsx.noStyles", {}));
}
