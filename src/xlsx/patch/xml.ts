/**
 * The one XML tokenizer of the .xlsx host: every reader of a package part (worksheets, shared strings, styles,
 * workbook, relationships) and the patcher's string-level edits go through it, so what a reader sees as an
 * element is what Excel sees. It reports where each tag starts and ends in the original text, so a patch can
 * splice a few elements and leave every other byte of the part as it was.
 * Non-validating but namespace-aware, as Excel reads parts: comments, CDATA and processing instructions are
 * never elements; every element's namespace is resolved from the xmlns declarations in scope (so `x:c` with x
 * bound to SpreadsheetML is a cell, `foo:c` in another namespace is not); a DTD is refused (OOXML parts may not
 * carry one, and refusing it means no entity is ever defined or expanded); a part cut short, a tag closed by
 * another name, or an unbound prefix is refused.
 */
import { HostError } from "../../domain/host";
import { msg, render, text, type MessageRef } from "../../domain/messages";

/** A part that is not XML as Excel reads it; the reason is a catalogue message (readers name the part). */
export class XmlError extends Error {
  constructor(readonly reason: MessageRef) {
    super(render(reason, "en"));
  }
}

const xmlError = (reason: MessageRef) => new XmlError(reason);

/**
 * Throws unless the part's root element is SpreadsheetML's `local`: a part in another namespace (Excel 2007
 * beta's, say) holds nothing Excel would read as cells, so it is refused rather than read as empty.
 */
export function assertSmlRoot(tag: { local: string; ns: string }, local: string): void {
  if (isSml(tag, local)) return;
  throw xmlError(msg("xml.notSpreadsheetRoot", { element: text(tag.local), ns: text(tag.ns), expected: text(local) }));
}

/** SpreadsheetML's main namespace, transitional and strict. */
export const SPREADSHEETML_NAMESPACES: ReadonlySet<string> = new Set([
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://purl.oclc.org/ooxml/spreadsheetml/main",
]);

export interface XmlTag {
  kind: "open" | "close" | "empty";
  /** Qualified name as written, e.g. "x:row". */
  name: string;
  /** Name without its namespace prefix, e.g. "row". */
  local: string;
  /** Namespace URI the element's prefix (or the default namespace) is bound to; "" when none. */
  ns: string;
  /** Offset of "<". */
  start: number;
  /** Offset just past ">". */
  end: number;
}

/**
 * A SpreadsheetML element of this local name. A part that declares no namespace at all is read as SpreadsheetML
 * too (hand-written and some generated parts omit it; it can mean nothing else); an element bound to any other
 * namespace is not SpreadsheetML, whatever its local name.
 */
export function isSml(tag: { local: string; ns: string }, local: string): boolean {
  return tag.local === local && (tag.ns === "" || SPREADSHEETML_NAMESPACES.has(tag.ns));
}

const XMLNS = "http://www.w3.org/2000/xmlns/";
const XML_NS = "http://www.w3.org/XML/1998/namespace";

/**
 * A pull tokenizer over one whole part: `next()` moves to the next tag and returns false at the end; the
 * current tag is described by the fields (no object per tag, so the sheet reader stays as fast as a plain
 * indexOf scan). At the end it throws when an element is still open (the part was cut short).
 */
export class XmlTokenizer {
  kind: "open" | "close" | "empty" = "open";
  start = 0;
  end = 0;
  /** Depth of the current tag: 0 for the root element (for a closing tag, the depth of its element). */
  depth = 0;
  ns = "";
  private nameStart = 0;
  private nameEnd = 0;
  private localStart = 0;
  private pos: number;
  /** Name start and end of every open element; `top` entries are in use (the array is reused, never shrunk). */
  private readonly openNames: number[] = [];
  private top = 0;
  /** The current tag is in SpreadsheetML's namespace (or in none). */
  private sml = true;
  private readonly bindings = new Map<string, string>([["xml", XML_NS], ["xmlns", XMLNS]]);
  /** Declarations to undo when the element at a depth closes: depth, prefix, previous URI. */
  private readonly undo: { depth: number; prefix: string; previous: string | undefined }[] = [];
  private roots = 0;
  private defaultNs = "";
  private nextDouble = -1;
  private nextSingle = -1;
  private nextXmlns = -1;

  /**
   * `fragment`: the text is a piece of a part (a tag or an element a patch builds), so its prefixes may be bound
   * outside it and it need not be closed; only tags are reported.
   */
  constructor(
    readonly xml: string,
    private readonly fragment = false,
  ) {
    this.pos = 0;
  }

  get name(): string {
    return this.xml.slice(this.nameStart, this.nameEnd);
  }

  get local(): string {
    return this.xml.slice(this.localStart, this.nameEnd);
  }

  /** Whether the current tag's local name is `local` (compared in place, no string made). */
  isLocal(local: string): boolean {
    return this.nameEnd - this.localStart === local.length && this.xml.startsWith(local, this.localStart);
  }

  /** Whether the current tag is the SpreadsheetML element `local` (see isSml). */
  isSml(local: string): boolean {
    return this.sml && this.isLocal(local);
  }

  next(): boolean {
    const xml = this.xml;
    // Pop the element an empty tag or closing tag ended before moving on.
    if (this.kind !== "open" && this.end > 0) this.leave();
    for (;;) {
      const i = xml.indexOf("<", this.pos);
      if (i < 0) {
        this.pos = xml.length;
        if (this.fragment) return false;
        if (this.top) {
          const name = xml.slice(this.openNames[this.top - 2], this.openNames[this.top - 1]);
          throw xmlError(msg("xml.neverClosed", { element: text(name) }));
        }
        if (this.roots === 0) throw xmlError(msg("xml.noElement", {}));
        return false;
      }
      const c1 = xml.charCodeAt(i + 1);
      if (c1 === 33 /* ! */) {
        if (xml.startsWith("<!--", i)) this.pos = skipPast(xml, "-->", i, "xml.cutInComment");
        else if (xml.startsWith("<![CDATA[", i)) this.pos = skipPast(xml, "]]>", i, "xml.cutInCdata");
        else if (/^<!DOCTYPE/i.test(xml.slice(i, i + 9))) throw xmlError(msg("xml.dtd", {}));
        else throw xmlError(msg("xml.unknownDeclaration", {}));
        continue;
      }
      if (c1 === 63 /* ? */) {
        this.pos = skipPast(xml, "?>", i, "xml.cutInInstruction");
        continue;
      }
      this.readTag(i);
      return true;
    }
  }

  private readTag(start: number): void {
    const xml = this.xml;
    const closing = xml.charCodeAt(start + 1) === 47;
    let i = start + (closing ? 2 : 1);
    const nameStart = i;
    if (closing && this.top && this.closesOpenElement(start, nameStart)) return;
    let colon = -1;
    for (; i < xml.length; i++) {
      const c = xml.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62) break;
      if (c === 58 && colon < 0) colon = i;
    }
    const nameEnd = i;
    if (nameEnd >= xml.length) throw xmlError(msg("xml.cutInTag", {}));
    // The offset is a position in the part's text, not a count: written as is, never grouped.
    if (nameEnd === nameStart) throw xmlError(msg("xml.noElementName", { offset: text(String(start)) }));
    // Attribute values may hold ">" or "/", so quotes are walked instead of taking the next ">". The next quote
    // of each kind and the next "xmlns" are found once and reused until passed, so the walk stays linear.
    let gt = xml.indexOf(">", i);
    for (;;) {
      if (gt < 0) {
        i = xml.length;
        break;
      }
      const dq = this.nextDouble < i ? (this.nextDouble = indexOr(xml, '"', i)) : this.nextDouble;
      const sq = this.nextSingle < i ? (this.nextSingle = indexOr(xml, "'", i)) : this.nextSingle;
      const q = dq < sq ? dq : sq;
      if (q > gt) {
        i = gt;
        break;
      }
      const close = xml.indexOf(q === dq ? '"' : "'", q + 1);
      if (close < 0) {
        i = xml.length;
        break;
      }
      i = close + 1;
      if (close > gt) gt = xml.indexOf(">", i);
    }
    const xmlns = this.nextXmlns < nameEnd ? (this.nextXmlns = indexOr(xml, "xmlns", nameEnd)) : this.nextXmlns;
    const declares = xmlns < i;
    if (i >= xml.length) {
      throw xmlError(msg("xml.cutInNamedTag", { element: text(xml.slice(nameStart, nameEnd)) }));
    }
    this.start = start;
    this.end = i + 1;
    this.pos = i + 1;
    this.nameStart = nameStart;
    this.nameEnd = nameEnd;
    this.localStart = colon < 0 ? nameStart : colon + 1;
    if (closing) {
      const n = this.top;
      const openStart = n ? this.openNames[n - 2] : -1;
      const openEnd = n ? this.openNames[n - 1] : -1;
      if (!n && this.fragment) {
        this.kind = "close";
        this.depth = 0;
        this.setNs("");
        this.push(nameStart, nameEnd);
        return;
      }
      if (!n || !sameName(xml, openStart, openEnd, nameStart, nameEnd)) {
        const element = text(xml.slice(nameStart, nameEnd));
        throw xmlError(n ? msg("xml.closesOther", { element, open: text(xml.slice(openStart, openEnd)) }) : msg("xml.closesNothing", { element }));
      }
      this.kind = "close";
      this.depth = n / 2 - 1;
      this.setNs(colon < 0 ? this.defaultNs : this.resolve(xml.slice(nameStart, colon)));
      return;
    }
    this.kind = xml.charCodeAt(i - 1) === 47 ? "empty" : "open";
    this.depth = this.top / 2;
    if (this.depth === 0 && ++this.roots > 1 && !this.fragment) {
      throw xmlError(msg("xml.secondRoot", { element: text(xml.slice(nameStart, nameEnd)) }));
    }
    this.push(nameStart, nameEnd);
    if (declares) this.declare();
    this.setNs(colon < 0 ? this.defaultNs : this.resolve(xml.slice(nameStart, colon)));
  }

  /**
   * The common closing tag: exactly `</name>` of the innermost open element, taken without walking the name
   * again (half of a sheet's tags are these). Anything else goes the general way, which reports what is wrong.
   */
  private closesOpenElement(start: number, nameStart: number): boolean {
    const xml = this.xml;
    const openStart = this.openNames[this.top - 2];
    const length = this.openNames[this.top - 1] - openStart;
    if (xml.charCodeAt(nameStart + length) !== 62 || !sameName(xml, openStart, openStart + length, nameStart, nameStart + length)) return false;
    let colon = -1;
    for (let k = openStart; k < openStart + length; k++) {
      if (xml.charCodeAt(k) === 58) {
        colon = k;
        break;
      }
    }
    this.start = start;
    this.end = nameStart + length + 1;
    this.pos = this.end;
    this.nameStart = nameStart;
    this.nameEnd = nameStart + length;
    this.localStart = colon < 0 ? nameStart : nameStart + (colon - openStart) + 1;
    this.kind = "close";
    this.depth = this.top / 2 - 1;
    this.setNs(colon < 0 ? this.defaultNs : this.resolve(xml.slice(openStart, colon)));
    return true;
  }

  /** Binds the prefixes the current tag declares, to be unbound when its element closes. */
  private declare(): void {
    for (const [name, value] of rawAttributes(this.xml.slice(this.nameEnd, this.end))) {
      if (name !== "xmlns" && !name.startsWith("xmlns:")) continue;
      const prefix = name === "xmlns" ? "" : name.slice(6);
      this.undo.push({ depth: this.depth, prefix, previous: this.bindings.get(prefix) });
      this.bindings.set(prefix, unescapeXml(value));
      if (prefix === "") this.defaultNs = this.bindings.get("") ?? "";
    }
  }

  /** Whether a prefix is bound where the current tag is (its own declarations included). */
  isBound(prefix: string): boolean {
    return this.bindings.has(prefix);
  }

  private resolve(prefix: string): string {
    const uri = this.bindings.get(prefix);
    if (uri !== undefined) return uri;
    if (prefix === "" || this.fragment) return "";
    throw xmlError(msg("xml.undeclaredPrefix", { prefix: text(prefix) }));
  }

  private push(nameStart: number, nameEnd: number): void {
    this.openNames[this.top++] = nameStart;
    this.openNames[this.top++] = nameEnd;
  }

  private setNs(ns: string): void {
    if (ns !== this.ns) {
      this.ns = ns;
      this.sml = ns === "" || SPREADSHEETML_NAMESPACES.has(ns);
    }
  }

  private leave(): void {
    this.top -= 2;
    const depth = this.top / 2;
    while (this.undo.length && this.undo[this.undo.length - 1].depth === depth) {
      const u = this.undo.pop() as (typeof this.undo)[number];
      if (u.previous === undefined) this.bindings.delete(u.prefix);
      else this.bindings.set(u.prefix, u.previous);
      if (u.prefix === "") this.defaultNs = u.previous ?? "";
    }
  }
}

/** indexOf, with "not found" as a position past every tag. */
function indexOr(xml: string, what: string, from: number): number {
  const at = xml.indexOf(what, from);
  return at < 0 ? Number.MAX_SAFE_INTEGER : at;
}

function sameName(xml: string, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let k = 0; k < aEnd - a; k++) if (xml.charCodeAt(a + k) !== xml.charCodeAt(b + k)) return false;
  return true;
}

/** Every tag of `xml` in document order (comments, CDATA, declarations and processing instructions skipped). */
export function scanTags(xml: string): XmlTag[] {
  return tagsOf(new XmlTokenizer(xml));
}

/** The tags of a piece of a part (see XmlTokenizer's `fragment`). */
export function scanFragment(xml: string): XmlTag[] {
  return tagsOf(new XmlTokenizer(xml, true));
}

function tagsOf(tok: XmlTokenizer): XmlTag[] {
  const tags: XmlTag[] = [];
  while (tok.next()) {
    tags.push({ kind: tok.kind, name: tok.name, local: tok.local, ns: tok.ns, start: tok.start, end: tok.end });
  }
  return tags;
}

function skipPast(xml: string, marker: string, from: number, cutShort: "xml.cutInComment" | "xml.cutInCdata" | "xml.cutInInstruction"): number {
  const j = xml.indexOf(marker, from);
  if (j < 0) throw xmlError(msg(cutShort, {}));
  return j + marker.length;
}

/** An element: its opening tag and, unless it is empty (`<x/>`), its closing tag. */
export interface XmlElement {
  open: XmlTag;
  /** The closing tag; equal to `open` for an empty element. */
  close: XmlTag;
  /** Index of `open` and `close` in the tag list it came from. */
  openIndex: number;
  closeIndex: number;
}

/** The element whose opening tag is tags[index], matched to its closing tag by depth. */
export function elementAt(tags: readonly XmlTag[], index: number): XmlElement {
  const open = tags[index];
  if (open.kind === "empty") return { open, close: open, openIndex: index, closeIndex: index };
  if (open.kind !== "open") throw new Error(`not an opening tag: </${open.name}>`);
  let depth = 0;
  for (let i = index; i < tags.length; i++) {
    const t = tags[i];
    if (t.kind === "open") depth++;
    else if (t.kind === "close") {
      depth--;
      if (depth === 0) return { open, close: t, openIndex: index, closeIndex: i };
    }
  }
  throw new Error(`<${open.name}> is never closed`);
}

/** The direct children of an element, as elements. */
export function childElements(tags: readonly XmlTag[], parent: XmlElement): XmlElement[] {
  const children: XmlElement[] = [];
  let i = parent.openIndex + 1;
  while (i < parent.closeIndex) {
    const child = elementAt(tags, i);
    children.push(child);
    i = child.closeIndex + 1;
  }
  return children;
}

/** The first element with this local name, searching the whole tag list. */
export function findElement(tags: readonly XmlTag[], local: string, from = 0): XmlElement | undefined {
  for (let i = from; i < tags.length; i++) {
    if (tags[i].kind !== "close" && tags[i].local === local) return elementAt(tags, i);
  }
  return undefined;
}

/** The root element of a part. */
export function rootElement(tags: readonly XmlTag[]): XmlElement {
  if (tags.length === 0) throw new Error("XML part has no element");
  return elementAt(tags, 0);
}

/** Attributes of an opening or empty tag, by qualified name, values unescaped. */
export function tagAttributes(xml: string, tag: XmlTag): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const [name, value] of rawAttributes(xml.slice(tag.start + 1 + tag.name.length, tag.end))) attrs.set(name, unescapeXml(value));
  return attrs;
}

/** Name and raw (still escaped) value of every attribute in a tag's text after its name. */
function rawAttributes(text: string): [string, string][] {
  const out: [string, string][] = [];
  const re = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push([m[1], m[2] ?? m[3] ?? ""]);
  return out;
}

/** One attribute's value, or undefined. */
export function attr(xml: string, tag: XmlTag, name: string): string | undefined {
  return tagAttributes(xml, tag).get(name);
}

/** The tag text with one attribute set (replaced in place when present, appended otherwise). */
export function withAttribute(xml: string, tag: XmlTag, name: string, value: string): string {
  const text = xml.slice(tag.start, tag.end);
  const escaped = escapeAttribute(value);
  const re = new RegExp(`(\\s${escapeRegExp(name)}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  if (re.test(text)) return text.replace(re, `$1"${escaped}"`);
  const cut = tag.kind === "empty" ? text.lastIndexOf("/") : text.length - 1;
  return `${text.slice(0, cut).replace(/\s+$/, "")} ${name}="${escaped}"${text.slice(cut)}`;
}

/** The tag text without the named attribute. */
export function withoutAttribute(xml: string, tag: XmlTag, name: string): string {
  const text = xml.slice(tag.start, tag.end);
  return text.replace(new RegExp(`\\s${escapeRegExp(name)}\\s*=\\s*(?:"[^"]*"|'[^']*')`), "");
}

/** Text content between an element's tags, with CDATA kept literally and entities resolved. */
export function elementText(xml: string, el: XmlElement): string {
  if (el.open.kind === "empty") return "";
  return textBetween(xml, el.open.end, el.close.start);
}

/**
 * The character data in [from, to) of a part the tokenizer accepted: entities resolved, CDATA kept literally,
 * comments and processing instructions left out (they are not text), text of child elements included.
 */
export function textBetween(xml: string, from: number, to: number): string {
  let lt = xml.indexOf("<", from);
  if (lt < 0 || lt >= to) return unescapeXml(xml.slice(from, to));
  let out = "";
  let i = from;
  while (lt >= 0 && lt < to) {
    out += unescapeXml(xml.slice(i, lt));
    if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt);
      out += xml.slice(lt + 9, end);
      i = end + 3;
    } else if (xml.startsWith("<!--", lt)) {
      i = xml.indexOf("-->", lt) + 3;
    } else if (xml.startsWith("<?", lt)) {
      i = xml.indexOf("?>", lt) + 2;
    } else {
      i = tagEnd(xml, lt);
    }
    lt = xml.indexOf("<", i);
  }
  return out + (i < to ? unescapeXml(xml.slice(i, to)) : "");
}

/** Offset just past the ">" of the tag at `lt`, quotes walked. */
function tagEnd(xml: string, lt: number): number {
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c === 34 || c === 39) i = xml.indexOf(c === 34 ? '"' : "'", i + 1);
    else if (c === 62) return i + 1;
    if (i < 0) break;
  }
  return xml.length;
}

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * Resolves the five predefined entities and character references. Nothing else is ever expanded: with no DTD
 * there is no other entity, so `&name;` for any other name makes the part unreadable, as it does in Excel.
 */
export function unescapeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[A-Za-z_][\w.-]*);/g, (_whole, ent: string) => {
    if (ent[0] === "#") {
      const code = ent[1] === "x" || ent[1] === "X" ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      if (!(code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff))) {
        throw xmlError(msg("xml.badCharReference", { entity: text(ent) }));
      }
      return String.fromCodePoint(code);
    }
    const known = NAMED_ENTITIES[ent];
    if (known === undefined) {
      throw xmlError(msg("xml.unknownEntity", { entity: text(ent) }));
    }
    return known;
  });
}

export function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttribute(s: string): string {
  return escapeText(s).replace(/"/g, "&quot;");
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * SpreadsheetML strings escape characters XML cannot hold as `_xHHHH_` (ST_Xstring); a literal "_x0041_"
 * typed by a user is stored with its underscore escaped as `_x005F_`.
 */
export function decodeXstring(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function encodeXstring(s: string): string {
  const underscored = s.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_");
  let out = "";
  // for…of walks code points: a surrogate seen alone is a lone one (from a read `_xD800_`), which UTF-8 cannot
  // hold; it is written back as it was read.
  for (const ch of underscored) out += isXmlInvalid(ch.charCodeAt(0)) || (ch.length === 1 && ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdfff) ? `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_` : ch;
  return out;
}

/** Characters XML 1.0 cannot hold even as references (tab, LF and CR are fine). */
function isXmlInvalid(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff;
}

/**
 * Throws HostError ("corrupt", naming the part) unless `xml` is well-formed as a namespace-aware reader sees it: one root, every
 * element closed by its own name, no attribute twice, every prefix of an element or attribute bound in scope.
 */
export function assertWellFormed(xml: string, part: string): void {
  // The tokenizer checks structure, closing names, roots and element prefixes, as the reader will; attributes
  // are checked here (each once, its prefix bound, its value free of unknown entities).
  const tok = new XmlTokenizer(xml);
  try {
    while (tok.next()) {
      if (tok.kind === "close") continue;
      const names = new Set<string>();
      for (const [name, value] of rawAttributes(xml.slice(tok.start + 1 + tok.name.length, tok.end))) {
        if (names.has(name)) malformed(part, `<${tok.name}> has the attribute ${name} twice`);
        names.add(name);
        const colon = name.indexOf(":");
        if (colon > 0 && !name.startsWith("xmlns:") && !tok.isBound(name.slice(0, colon))) {
          malformed(part, `the prefix ${name.slice(0, colon)}: of ${name} is not declared`);
        }
        unescapeXml(value);
      }
    }
  } catch (e) {
    if (e instanceof HostError) throw e;
    malformed(part, e instanceof Error ? e.message : String(e));
  }
}

function malformed(part: string, problem: string): never {
  throw new HostError("corrupt", msg("xml.malformedWrite", { part: text(part), problem: text(problem) }));
}
