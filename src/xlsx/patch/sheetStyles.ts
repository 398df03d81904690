/**
 * Cell styles for a generated sheet, added to styles.xml: fonts (bold, italic, size), solid fills, thin borders
 * and cellXfs with alignment and number format. New entries are appended (existing ones are never edited, so
 * no other cell changes look); identical requests share one xf.
 */
import type { SheetCellStyle } from "../../domain/plan";
import { BUILTIN_NUMBER_FORMATS, prefixOf } from "./styles";
import { attributeNumbers, freeFormatId, freeSlot } from "./styleSlots";
import { childElements, escapeAttribute, findElement, rootElement, scanTags, tagAttributes, type XmlElement, type XmlTag } from "./xml";

export class CannotExtendError extends Error {}

export class GeneratedStyles {
  private readonly tags: XmlTag[];
  private readonly prefix: string;
  private readonly fonts: AppendedList;
  private readonly fills: AppendedList;
  private readonly borders: AppendedList;
  private readonly numFmts: Array<{ id: number; code: string }> = [];
  private readonly xfs: AppendedList;
  private readonly xfIndex = new Map<string, number>();
  private readonly customFormats = new Map<string, number>();
  private readonly baseFont: string;

  /** @param usedStyles the cellXfs indexes the worksheets point at (styleSlots.ts): never given to a new xf. */
  constructor(
    private readonly xml: string,
    usedStyles: ReadonlySet<number> = new Set(),
  ) {
    this.tags = scanTags(xml);
    this.prefix = prefixOf(rootElement(this.tags).open.name);
    const fonts = this.list("fonts");
    const fills = this.list("fills");
    const borders = this.list("borders");
    const xfs = this.list("cellXfs");
    if (!fonts || !fills || !borders || !xfs) throw new CannotExtendError("styles.xml lacks fonts, fills, borders or cellXfs");
    // New xfs point at the first cell style (xfId="0"): it must exist.
    if (!this.list("cellStyleXfs")?.length) throw new CannotExtendError("styles.xml has no cell style (cellStyleXfs)");
    // A font, fill or border id an xf names past the end of its list, or an xf index a cell names past the end
    // of cellXfs, is left to what readers show it as (the first entry): new entries go after those slots.
    const slots = (list: XmlElement[], used: ReadonlySet<number>) => new AppendedList(list.length, used, list.length ? xml.slice(list[0].open.start, list[0].close.end) : "");
    this.fonts = slots(fonts, attributeNumbers(xml, "fontId"));
    this.fills = slots(fills, attributeNumbers(xml, "fillId"));
    this.borders = slots(borders, attributeNumbers(xml, "borderId"));
    this.xfs = slots(xfs, usedStyles);
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
    const fontId = s.bold || s.italic || s.fontSize ? this.fonts.add(this.font(s)) : 0;
    const fillId = s.fill ? this.fills.add(`<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${escapeAttribute(s.fill)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`) : 0;
    const borderId = s.border ? this.borders.add(this.thinBorder()) : 0;
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
    const index = this.xfs.add(xf);
    this.xfIndex.set(key, index);
    return index;
  }

  /** styles.xml with everything requested so far appended. */
  text(): string {
    const edits: Array<{ at: number; end: number; text: string }> = [];
    const append = (local: string, list: AppendedList) => {
      if (list.items.length === 0) return;
      const el = findElement(this.tags, local);
      if (!el) throw new CannotExtendError(`styles.xml has no ${local}`);
      edits.push(...appendChildren(this.xml, el, list.items, list.existing + list.items.length));
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
    append("fonts", this.fonts);
    append("fills", this.fills);
    append("borders", this.borders);
    append("cellXfs", this.xfs);
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
    // Past every id declared or named by an xf: an xf naming an undeclared id must not pick this format up.
    const id = freeFormatId(this.customFormats.values(), this.xml);
    this.customFormats.set(code, id);
    this.numFmts.push({ id, code });
    return id;
  }
}

/** Entries appended to one positional list of styles.xml; identical requests share one. */
class AppendedList {
  readonly items: string[] = [];
  private readonly byText = new Map<string, number>();

  constructor(
    readonly existing: number,
    private readonly used: ReadonlySet<number>,
    private readonly filler: string,
  ) {}

  /** The index `item` gets; slots something already names are filled with a copy of the first entry first. */
  add(item: string): number {
    const known = this.byText.get(item);
    if (known !== undefined) return known;
    const next = this.existing + this.items.length;
    const at = freeSlot(next, this.used);
    for (let i = next; i < at; i++) this.items.push(this.filler);
    this.items.push(item);
    this.byText.set(item, at);
    return at;
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

