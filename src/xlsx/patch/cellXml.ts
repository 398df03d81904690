/**
 * The `<c>` element for a planned content. Text is always written as an inline string so it can never become
 * a formula or a number, and sharedStrings.xml stays untouched; formulas carry their cached result.
 */
import type { CellContent } from "../../domain/plan";
import { encodeXstring, escapeAttribute, escapeText } from "./xml";

export interface CellXmlOptions {
  /** Namespace prefix of the sheet's elements ("" or e.g. "x:"). */
  prefix: string;
  ref: string;
  style: number;
  /** Attributes of the old element worth keeping (phonetic display). */
  keep?: Record<string, string>;
}

export function cellXml(content: CellContent, opts: CellXmlOptions): string {
  const p = opts.prefix;
  const attrs: Record<string, string> = { r: opts.ref };
  if (opts.style) attrs.s = String(opts.style);
  Object.assign(attrs, opts.keep ?? {});
  let inner = "";
  const formula = content.formula?.replace(/^=/, "");
  if (formula) inner += `<${p}f>${escapeText(formula)}</${p}f>`;

  if (content.error) {
    attrs.t = "e";
    inner += `<${p}v>${escapeText(content.error)}</${p}v>`;
  } else if (typeof content.value === "number") {
    inner += `<${p}v>${numberText(content.value)}</${p}v>`;
  } else if (typeof content.value === "boolean") {
    attrs.t = "b";
    inner += `<${p}v>${content.value ? 1 : 0}</${p}v>`;
  } else if (typeof content.value === "string" && content.value !== "") {
    if (formula) {
      attrs.t = "str";
      inner += `<${p}v>${escapeText(encodeXstring(content.value))}</${p}v>`;
    } else {
      attrs.t = "inlineStr";
      inner += `<${p}is>${textElement(p, content.value)}</${p}is>`;
    }
  }
  const attrText = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`)
    .join("");
  if (inner) return `<${p}c${attrText}>${inner}</${p}c>`;
  // An empty cell with no style is no cell at all (ExcelJS even reads a bare <c r="B5"/> as part of a merge).
  return Object.keys(attrs).length === 1 ? "" : `<${p}c${attrText}/>`;
}

function textElement(p: string, text: string): string {
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "";
  return `<${p}t${space}>${escapeText(encodeXstring(text))}</${p}t>`;
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`cannot write ${n} into a cell`);
  // Shortest round-trip form; "1e+21" is a valid xsd:double, and Excel reads it.
  return String(n);
}

// Moved to the domain so both hosts share it.
export { textNeedsTextFormat } from "../../domain/plan";
