/**
 * A small XML tag scanner for string-level edits: it reports where each tag starts and ends in the original
 * text, so a patch can splice a few elements and leave every other byte of the part as it was.
 * It is not a validating parser; it understands exactly what SpreadsheetML parts contain (declarations,
 * comments, CDATA, attributes with either quote, namespace prefixes).
 */
import { HostError } from "../../domain/host";

export interface XmlTag {
  kind: "open" | "close" | "empty";
  /** Qualified name as written, e.g. "x:row". */
  name: string;
  /** Name without its namespace prefix, e.g. "row". */
  local: string;
  /** Offset of "<". */
  start: number;
  /** Offset just past ">". */
  end: number;
}

/** Every tag of `xml` in document order (comments, CDATA, declarations and processing instructions skipped). */
export function scanTags(xml: string, from = 0, to = xml.length): XmlTag[] {
  const tags: XmlTag[] = [];
  let i = xml.indexOf("<", from);
  while (i >= 0 && i < to) {
    if (xml.startsWith("<!--", i)) {
      i = skipPast(xml, "-->", i);
    } else if (xml.startsWith("<![CDATA[", i)) {
      i = skipPast(xml, "]]>", i);
    } else if (xml.startsWith("<?", i)) {
      i = skipPast(xml, "?>", i);
    } else if (xml.startsWith("<!", i)) {
      i = skipPast(xml, ">", i);
    } else {
      const tag = readTag(xml, i);
      tags.push(tag);
      i = tag.end;
    }
    i = xml.indexOf("<", i);
  }
  return tags;
}

function skipPast(xml: string, marker: string, from: number): number {
  const j = xml.indexOf(marker, from);
  if (j < 0) throw new Error("XML ends inside a comment, CDATA section or declaration");
  return j + marker.length;
}

function readTag(xml: string, start: number): XmlTag {
  const closing = xml[start + 1] === "/";
  let i = start + (closing ? 2 : 1);
  const nameStart = i;
  while (i < xml.length && !/[\s/>]/.test(xml[i])) i++;
  const name = xml.slice(nameStart, i);
  // Attribute values may hold ">" or "/", so walk quotes instead of searching for the next ">".
  let quote = "";
  for (; i < xml.length; i++) {
    const ch = xml[i];
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === ">") {
      const empty = !closing && xml[i - 1] === "/";
      const colon = name.indexOf(":");
      return {
        kind: closing ? "close" : empty ? "empty" : "open",
        name,
        local: colon >= 0 ? name.slice(colon + 1) : name,
        start,
        end: i + 1,
      };
    }
  }
  throw new Error(`XML ends inside the tag <${name}`);
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
  const text = xml.slice(tag.start + 1 + tag.name.length, tag.end);
  const re = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) attrs.set(m[1], unescapeXml(m[2] ?? m[3] ?? ""));
  return attrs;
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
  const raw = xml.slice(el.open.end, el.close.start);
  let out = "";
  let i = 0;
  while (i < raw.length) {
    const cdata = raw.indexOf("<![CDATA[", i);
    if (cdata < 0) {
      out += unescapeXml(stripTags(raw.slice(i)));
      break;
    }
    out += unescapeXml(stripTags(raw.slice(i, cdata)));
    const endCdata = raw.indexOf("]]>", cdata);
    out += raw.slice(cdata + 9, endCdata);
    i = endCdata + 3;
  }
  return out;
}

function stripTags(s: string): string {
  return s.replace(/<!--[\s\S]*?-->/g, "").replace(/<[^>]*>/g, "");
}

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, ent: string) => {
    if (ent[0] === "#") {
      const code = ent[1] === "x" || ent[1] === "X" ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[ent] ?? whole;
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
  for (const ch of underscored) out += isXmlInvalid(ch.charCodeAt(0)) ? `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_` : ch;
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
  let tags: XmlTag[];
  try {
    tags = scanTags(xml);
  } catch (e) {
    return malformed(part, e instanceof Error ? e.message : String(e));
  }
  const fail = (problem: string): never => malformed(part, problem);
  const stack: { name: string; prefixes: Set<string> }[] = [];
  let roots = 0;
  const bound = (prefix: string) => prefix === "xml" || prefix === "xmlns" || stack.some((s) => s.prefixes.has(prefix));
  for (const tag of tags) {
    if (tag.kind === "close") {
      const top = stack.pop();
      if (!top || top.name !== tag.name) fail(`</${tag.name}> closes ${top ? `<${top.name}>` : "nothing"}`);
      continue;
    }
    if (stack.length === 0 && ++roots > 1) fail(`a second root element <${tag.name}>`);
    const prefixes = new Set<string>();
    const names = new Set<string>();
    const text = xml.slice(tag.start + 1 + tag.name.length, tag.end);
    const re = /([^\s=/>]+)\s*=\s*(?:"[^"]*"|'[^']*')/g;
    let m: RegExpExecArray | null;
    const attributes: string[] = [];
    while ((m = re.exec(text))) {
      if (names.has(m[1])) fail(`<${tag.name}> has the attribute ${m[1]} twice`);
      names.add(m[1]);
      attributes.push(m[1]);
      if (m[1].startsWith("xmlns:")) prefixes.add(m[1].slice(6));
    }
    stack.push({ name: tag.name, prefixes });
    for (const name of [tag.name, ...attributes]) {
      const colon = name.indexOf(":");
      if (colon > 0 && !bound(name.slice(0, colon))) fail(`the prefix ${name.slice(0, colon)}: of ${name} is not declared`);
    }
    if (tag.kind === "empty") stack.pop();
  }
  if (stack.length) fail(`<${stack[stack.length - 1].name}> is never closed`);
  if (roots === 0) fail("no root element");
}

function malformed(part: string, problem: string): never {
  throw new HostError("corrupt", {
    id: `Bagian ${part} yang akan ditulis bukan XML yang utuh (${problem}), sehingga tidak ada yang ditulis. Mohon laporkan berkasnya.`,
    en: `The part ${part} about to be written is not well-formed XML (${problem}), so nothing was written. Please report the file.`,
  });
}
