import Decimal from "decimal.js";

/** Plain decimal without grouping or exponent, as findings carry it: "4596424824", "13729.7", "-5". */
export function plainDecimal(d: Decimal): string {
  if (d.isZero()) return "0"; // decimal.js keeps the sign of -0, which no reader wants to see
  return d.toFixed();
}

/** How a language writes an amount: the mark that groups thousands and the one that marks decimals. */
export interface AmountMarks {
  group: string;
  decimal: string;
}

const INDONESIAN: AmountMarks = { group: ".", decimal: "," };

/**
 * An amount written the Indonesian way: "." groups thousands, "," marks decimals ("4.990.894.675", "13.729,7").
 * Never throws: text that is no number comes back as given, so a message can always be built.
 */
export function formatRupiah(d: Decimal | number | string): string {
  return formatAmountWith(d, INDONESIAN);
}

/** The same with another language's marks (English: "4,990,894,675", "13,729.7"). */
/** `places`: that many decimals, zeros kept ("0,50"); by default as many as the amount has. */
export function formatAmountWith(d: Decimal | number | string, marks: AmountMarks, places?: number): string {
  const value = toDecimal(d);
  if (!value) return String(d);
  const negative = value.isNegative() && !value.isZero();
  const [whole, fraction] = (places === undefined ? value.abs().toFixed() : value.abs().toFixed(places)).split(".");
  return (negative ? "-" : "") + groupThousands(whole, marks.group) + (fraction ? marks.decimal + fraction : "");
}

/**
 * "4990894675" → "4.990.894.675", linear in the length. (The look-ahead regex usually used for this rescans
 * the rest of the number at every position: 32 s for a 30,000-digit amount text.)
 */
function groupThousands(digits: string, sep: string): string {
  const head = digits.length % 3 || 3;
  const groups = [digits.slice(0, head)];
  for (let i = head; i < digits.length; i += 3) groups.push(digits.slice(i, i + 3));
  return groups.join(sep);
}

/** A finite amount from a Decimal, a number or a plain decimal string; undefined for anything else. */
export function toDecimal(d: Decimal | number | string): Decimal | undefined {
  if (d instanceof Decimal) return d.isFinite() ? d : undefined;
  if (typeof d === "number") return Number.isFinite(d) ? new Decimal(d) : undefined;
  const text = d.trim();
  // Only plain decimal strings (what findings carry); grouped text is the parser's business, not the formatter's.
  if (!/^[-+]?\d+(\.\d+)?$/.test(text)) return undefined;
  return new Decimal(text);
}
