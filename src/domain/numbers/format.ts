import Decimal from "decimal.js";

/** Plain decimal without grouping or exponent, as findings carry it: "4596424824", "13729.7", "-5". */
export function plainDecimal(d: Decimal): string {
  if (d.isZero()) return "0"; // decimal.js keeps the sign of -0, which no reader wants to see
  return d.toFixed();
}

/**
 * An amount written the Indonesian way: "." groups thousands, "," marks decimals ("4.990.894.675", "13.729,7").
 * Never throws: text that is no number comes back as given, so a message can always be built.
 */
export function formatRupiah(d: Decimal | number | string): string {
  const value = toDecimal(d);
  if (!value) return String(d);
  const negative = value.isNegative() && !value.isZero();
  const [whole, fraction] = value.abs().toFixed().split(".");
  return (negative ? "-" : "") + groupThousands(whole) + (fraction ? "," + fraction : "");
}

/**
 * "4990894675" → "4.990.894.675", linear in the length. (The look-ahead regex usually used for this rescans
 * the rest of the number at every position: 32 s for a 30,000-digit amount text.)
 */
function groupThousands(digits: string): string {
  const head = digits.length % 3 || 3;
  const groups = [digits.slice(0, head)];
  for (let i = head; i < digits.length; i += 3) groups.push(digits.slice(i, i + 3));
  return groups.join(".");
}

function toDecimal(d: Decimal | number | string): Decimal | undefined {
  if (d instanceof Decimal) return d.isFinite() ? d : undefined;
  if (typeof d === "number") return Number.isFinite(d) ? new Decimal(d) : undefined;
  const text = d.trim();
  // Only plain decimal strings (what findings carry); grouped text is the parser's business, not the formatter's.
  if (!/^[-+]?\d+(\.\d+)?$/.test(text)) return undefined;
  return new Decimal(text);
}
