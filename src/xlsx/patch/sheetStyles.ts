/**
 * Cell styles for a generated sheet, added to styles.xml: fonts (bold, italic, size), solid fills, thin borders
 * and cellXfs with alignment and number format. New entries are appended (existing ones are never edited, so
 * no other cell changes look); identical requests share one xf.
 */
import type { SheetCellStyle } from "../../domain/plan";
import { BUILTIN_NUMBER_FORMATS, prefixOf } from "./styles";
import { childElements, escapeAttribute, findElement, rootElement, scanTags, tagAttributes, type XmlElement, type XmlTag } from "./xml";

export class CannotExtendError extends Error {}

const FIRST_CUSTOM_ID = 164;

export class GeneratedStyles {
  private readonly tags: XmlTag[];
  private readonly prefix: string;
  private readonly fonts: string[] = [];
  private readonly fills: string[] = [];
  private readonly borders: string[] = [];
  private readonly numFmts: Array<{ id: number; code: string }> = [];
  private readonly xfs: string[] = [];
  private readonly xfIndex = new Map<string, number>();
  private readonly existing: { fonts: number; fills: number; borders: number; xfs: number };
  private readonly customFormats = new Map<string, number>();
  private readonly baseFont: string;

  constructor(private readonly xml: string) {
    this.tags = scanTags(xml);
    this.prefix = prefixOf(rootElement(this.tags).open.name);
    const fonts = this.list("fonts");
    const fills = this.list("fills");
    const borders = this.list("borders");
    const xfs = this.list("cellXfs");
    if (!fonts || !fills || !borders || !xfs) throw new CannotExtendError("styles.xml lacks fonts, fills, borders or cellXfs");
    // New xfs point at the first cell style (xfId="0"): it must exist.
    if (!this.list("cellStyleXfs")?.length) throw new CannotExtendError("styles.xml has no cell style (cellStyleXfs)");
    this.existing = { fonts: fonts.length, fills: fills.length, borders: borders.length, xfs: xfs.length };
    const first = fonts[0];
    this.baseFont = first && first.open.kind !== "empty" ? xml.slice(first.open.end, first.close.start) : "";
    const numFmts = findElement(this.tags, "numFmts");
    if (numFmts) {
      for (const el of childElements(this.tags, numFmts)) {
        const a = tagAttributes(xml, el.open);
        this.customFormats.set(a.get("formatCode") ?? "", Number(a.get("numFmtId")));
      }
    }
  }

  /** The cellXfs index for a style and number format (0, the workbook's default, for no style at all). */
  xfFor(style: SheetCellStyle | undefined, numFmt: string | undefined): number {
    const s = style ?? {};
    const key = JSON.stringify([s.bold, s.italic, s.fontSize, s.fill, s.border, s.wrap, s.horizontal, s.vertical, s.indent, numFmt]);
    const known = this.xfIndex.get(key);
    if (known !== undefined) return known;
    if (key === JSON.stringify(Array(10).fill(undefined))) return 0;
    const p = this.prefix;
    const fontId = s.bold || s.italic || s.fontSize ? this.add(this.fonts, this.existing.fonts, this.font(s)) : 0;
    const fillId = s.fill ? this.add(this.fills, this.existing.fills, `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${escapeAttribute(s.fill)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`) : 0;
    const borderId = s.border ? this.add(this.borders, this.existing.borders, this.thinBorder()) : 0;
    const numFmtId = numFmt ? this.formatId(numFmt) : 0;
    const align: string[] = [];
    if (s.horizontal) align.push(`horizontal="${s.horizontal}"`);
    if (s.vertical) align.push(`vertical="${s.vertical}"`);
    if (s.wrap) align.push(`wrapText="1"`);
    if (s.indent) align.push(`indent="${s.indent}"`);
    const applies = [
      numFmtId ? ` applyNumberFormat="1"` : "",
      fontId ? ` applyFont="1"` : "",
      fillId ? ` applyFill="1"` : "",
      borderId ? ` applyBorder="1"` : "",
      align.length ? ` applyAlignment="1"` : "",
    ].join("");
    const open = `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}`;
    const xf = align.length ? `${open}><${p}alignment ${align.join(" ")}/></${p}xf>` : `${open}/>`;
    const index = this.existing.xfs + this.xfs.length;
    this.xfs.push(xf);
    this.xfIndex.set(key, index);
    return index;
  }

  /** styles.xml with everything requested so far appended. */
  text(): string {
    const edits: Array<{ at: number; end: number; text: string }> = [];
    const append = (local: string, items: string[], existing: number) => {
      if (items.length === 0) return;
      const el = findElement(this.tags, local);
      if (!el) throw new CannotExtendError(`styles.xml has no ${local}`);
      edits.push(...appendChildren(this.xml, el, items, existing + items.length));
    };
    if (this.numFmts.length) {
      const list = findElement(this.tags, "numFmts");
      const items = this.numFmts.map((f) => `<${this.prefix}numFmt numFmtId="${f.id}" formatCode="${escapeAttribute(f.code)}"/>`);
      if (list) edits.push(...appendChildren(this.xml, list, items, childElements(this.tags, list).length + items.length));
      else {
        const root = rootElement(this.tags);
        edits.push({ at: root.open.end, end: root.open.end, text: `<${this.prefix}numFmts count="${items.length}">${items.join("")}</${this.prefix}numFmts>` });
      }
    }
    append("fonts", this.fonts, this.existing.fonts);
    append("fills", this.fills, this.existing.fills);
    append("borders", this.borders, this.existing.borders);
    append("cellXfs", this.xfs, this.existing.xfs);
    // From the end backwards; at one offset the replacement goes first, so an insertion there lands before it.
    edits.sort((a, b) => b.at - a.at || b.end - a.end);
    let out = this.xml;
    for (const e of edits) out = out.slice(0, e.at) + e.text + out.slice(e.end);
    return out;
  }

  private list(local: string): XmlElement[] | undefined {
    const el = findElement(this.tags, local);
    return el ? childElements(this.tags, el) : undefined;
  }

  private add(list: string[], existing: number, item: string): number {
    const at = list.indexOf(item);
    if (at >= 0) return existing + at;
    list.push(item);
    return existing + list.length - 1;
  }

  private font(s: SheetCellStyle): string {
    const p = this.prefix;
    // CT_Font is an unordered choice: drop the base font's bold/italic/size and state ours.
    const rest = this.baseFont.replace(new RegExp(`<${p}(?:b|i|sz)(?:\\s[^>]*)?/>`, "g"), "");
    const size = s.fontSize ?? Number(/<[^>]*sz\s+val="([\d.]+)"/.exec(this.baseFont)?.[1] ?? "11");
    return `<${p}font>${s.bold ? `<${p}b/>` : ""}${s.italic ? `<${p}i/>` : ""}<${p}sz val="${size}"/>${rest}</${p}font>`;
  }

  private thinBorder(): string {
    const p = this.prefix;
    const side = (name: string) => `<${p}${name} style="thin"><${p}color indexed="64"/></${p}${name}>`;
    return `<${p}border>${side("left")}${side("right")}${side("top")}${side("bottom")}<${p}diagonal/></${p}border>`;
  }

  private formatId(code: string): number {
    const custom = this.customFormats.get(code);
    if (custom !== undefined) return custom;
    for (const [id, builtin] of BUILTIN_NUMBER_FORMATS) if (builtin === code) return id;
    const id = Math.max(FIRST_CUSTOM_ID - 1, ...this.customFormats.values()) + 1;
    this.customFormats.set(code, id);
    this.numFmts.push({ id, code });
    return id;
  }
}

function appendChildren(xml: string, el: XmlElement, items: string[], count: number): Array<{ at: number; end: number; text: string }> {
  const openText = xml.slice(el.open.start, el.open.end);
  const countRe = /\scount\s*=\s*("[^"]*"|'[^']*')/;
  const withCount = countRe.test(openText) ? openText.replace(countRe, ` count="${count}"`) : openText.replace(/\s*(\/?)>$/, ` count="${count}"$1>`);
  if (el.open.kind === "empty") {
    return [{ at: el.open.start, end: el.open.end, text: `${withCount.replace(/\s*\/>$/, ">")}${items.join("")}</${el.open.name}>` }];
  }
  return [
    { at: el.close.start, end: el.close.start, text: items.join("") },
    { at: el.open.start, end: el.open.end, text: withCount },
  ];
}

