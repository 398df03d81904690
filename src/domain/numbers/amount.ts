import Decimal from "decimal.js";
import { numberToPlainString, type Cell } from "../sheet/snapshot";

/**
 * How a money cell reads (DOMAIN.md §3).
 * - empty: blank, "-", "Rp" alone — zero/none; value 0.
 * - ok: a number cell holding a whole amount, or an amount in sen under a two-decimal format (SIPD exports).
 * - text-number: text that reads unambiguously as an amount ("4.625.057.824", "4,472,430,125", "Rp. 5.000,-").
 * - malformed: text whose separators or digit groups are wrong ("4.765,000", "70.500.00", "41,400,0000").
 * - suspect-scale: a Rupiah amount with a fractional part (4765.5, "13.729,7").
 * - not-amount: words, booleans, error values.
 */
export type AmountStatus = "empty" | "ok" | "text-number" | "malformed" | "suspect-scale" | "not-amount";

export type AmountSlip =
  | "mixed-separators"
  | "bad-grouping"
  | "extra-digit"
  | "missing-digit"
  | "fraction"
  | "thousandfold";

export interface AmountReading {
  status: AmountStatus;
  /** The amount to sum: ok/text-number the amount; empty 0; malformed/suspect-scale the literal reading or null. */
  value: Decimal | null;
  /** The cell as found (text as typed; a number in plain decimal form; an error code). */
  raw: string;
  slip?: AmountSlip;
  /** Plausible intended whole-Rupiah amounts, most plausible first (empty for ok/text-number/empty). */
  candidates: Decimal[];
}

/** Reads a money cell: numbers as the host stored them, text as staff typed it. */
export function readAmount(cell: Cell | undefined): AmountReading {
  if (!cell) return emptyReading("");
  if (cell.error) return notAmount(cell.error);
  const v = cell.value;
  if (v === null || v === undefined) return emptyReading("");
  if (typeof v === "string") return parseAmountText(v);
  if (typeof v === "boolean") return notAmount(v ? "TRUE" : "FALSE");
  if (!Number.isFinite(v)) return notAmount(String(v));
  return readNumber(v, cell.numFmt);
}

/**
 * A number format that shows exactly two decimals ("#,##0.00", "0.00", "Rp #,##0.00", "#.##0,00"): the cell
 * holds sen, as amounts exported from SIPD do (DOMAIN.md §3); two decimals under it are no slip.
 */
export function isSenFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const firstSection = numFmt.split(";")[0].replace(/"[^"]*"/g, "").replace(/\\./g, "");
  return /0[.,]00(?![0#?])/.test(firstSection);
}

/** Decimal places of a number as it is stored (0.1 + 0.2 noise aside): 86672540.34 → 2. */
function decimalPlaces(raw: string): number {
  const dot = raw.indexOf(".");
  return dot < 0 ? 0 : raw.length - dot - 1;
}

function readNumber(n: number, numFmt?: string): AmountReading {
  const raw = numberToPlainString(n);
  const nearest = Math.round(n);
  // A computed cell (e.g. a percentage of a pagu) carries binary floating-point noise such as
  // 476500.00000000006; that is the whole amount, not a typing slip. Real slips are off by far more.
  if (Math.abs(n - nearest) <= 1e-9 + Math.abs(n) * 1e-12) {
    return { status: "ok", value: new Decimal(nearest === 0 ? 0 : nearest), raw, candidates: [] };
  }
  const value = new Decimal(raw);
  // Sen under a two-decimal format are what the format says they are: an amount, not a slip.
  if (decimalPlaces(raw) <= 2 && isSenFormat(numFmt)) return { status: "ok", value, raw, candidates: [] };
  return { status: "suspect-scale", value, raw, slip: "fraction", candidates: fractionCandidates(value) };
}

/** Reads an amount typed as text. Never throws. */
export function parseAmountText(text: string): AmountReading {
  const raw = text;
  const compact = text.replace(/\s+/g, "").replace(/[\u2212\u2012\u2013\u2014]/g, "-");
  if (compact === "") return emptyReading(raw);

  let body = compact;
  let negative = false;
  const accounting = /^\((.*)\)$/.exec(body);
  if (accounting) {
    negative = true;
    body = accounting[1];
  }
  // Sign and currency come in either order ("-Rp 5.000", "Rp -5.000"); "Rp.-" and "-" alone mean nothing/zero.
  const prefix = /^(-?)(?:(?:rp|idr)\.?)?(-?)/i.exec(body);
  if (prefix) {
    if (prefix[1] || prefix[2]) negative = !negative;
    body = body.slice(prefix[0].length);
  }
  // The closing ",-" of "Rp. 4.990.894.675,-" says "no cents".
  body = body.replace(/[.,]-$/, "");
  if (body === "") return emptyReading(raw);
  if (!/^[0-9.,]+$/.test(body) || !/\d/.test(body)) return notAmount(raw);

  const reading = classifyDigits(body);
  const sign = (d: Decimal) => (negative && !d.isZero() ? d.negated() : d);
  return {
    status: reading.status,
    value: reading.value ? sign(reading.value) : null,
    raw,
    ...(reading.slip ? { slip: reading.slip } : {}),
    candidates: reading.candidates.map(sign),
  };
}

interface DigitsReading {
  status: AmountStatus;
  value: Decimal | null;
  slip?: AmountSlip;
  candidates: Decimal[];
}

/** Classifies an unsigned run of digits, "." and ",". */
function classifyDigits(body: string): DigitsReading {
  const groups = body.split(/[.,]/);
  const seps = body.match(/[.,]/g) ?? [];
  if (seps.length === 0) return { status: "text-number", value: new Decimal(body), candidates: [] };
  const joined = new Decimal(groups.join("") || "0");
  if (groups.some((g) => g === "")) {
    // A leading, trailing or doubled separator ("1.000.", "1,,000"): only the digits are certain.
    return { status: "malformed", value: null, slip: "bad-grouping", candidates: [joined] };
  }

  const sameSeparator = seps.every((c) => c === seps[0]);
  const head = groups[0];
  const tail = groups.slice(1);
  const thousandsGrouped = head.length <= 3 && tail.every((g) => g.length === 3);

  // Rupiah amounts are whole, so a lone "1.500" or "1,500" (decimal in one locale, thousands in the other)
  // reads as 1500: a thousands group is what staff mean far more often than a 3-place fraction of a Rupiah.
  if (sameSeparator && thousandsGrouped) return { status: "text-number", value: joined, candidates: [] };

  const fraction = groups[groups.length - 1];
  const integerGroups = groups.slice(0, -1);
  const decimalMark = seps[seps.length - 1];
  const groupMarks = seps.slice(0, -1);
  // The reading a locale-aware tool would give: thousands marks of one kind, then one decimal mark of the other.
  const strictDecimal =
    groupMarks.every((c) => c !== decimalMark) &&
    (groupMarks.length === 0 || (integerGroups[0].length <= 3 && integerGroups.slice(1).every((g) => g.length === 3)))
      ? new Decimal(integerGroups.join("") + "." + fraction)
      : null;
  // Taking the last mark as the decimal point whatever comes before ("70.500.00" -> 70500.00).
  const lastMarkAsDecimal = new Decimal(integerGroups.join("") + "." + fraction);

  // Proper decimal notation ("4.990.894,00", "13.729,7", "12345,678"). Three or four places after a
  // thousands-grouped integer part are not decimals but a misplaced group (handled below).
  if (strictDecimal && (seps.length === 1 || fraction.length <= 2 || fraction.length >= 5)) {
    if (strictDecimal.isInteger()) return { status: "text-number", value: strictDecimal, candidates: [] };
    return { status: "suspect-scale", value: strictDecimal, slip: "fraction", candidates: fractionCandidates(strictDecimal) };
  }

  // "4.765,000", "607.873,956", "2.884,804,818": every group is right, the marks disagree.
  // Staff meant thousands groups (DOMAIN.md §3); an Indonesian Excel would have read the literal decimal.
  if (thousandsGrouped) {
    return {
      status: "malformed",
      value: strictDecimal,
      slip: "mixed-separators",
      candidates: uniqueDecimals([joined, wholeOrNull(strictDecimal)]),
    };
  }

  const deviating = tail.map((g, i) => ({ g, i: i + 1 })).filter(({ g }) => g.length !== 3);
  if (head.length <= 3 && deviating.length === 1 && deviating[0].g.length !== 0 && deviating[0].g.length <= 4) {
    const { g, i } = deviating[0];
    const isLast = i === groups.length - 1;
    const rebuild = (fixed: string) => new Decimal([...groups.slice(0, i), fixed, ...groups.slice(i + 1)].join(""));
    if (g.length === 4) {
      // "68.050,0000", "41,400,0000": one digit too many in a group.
      return {
        status: "malformed",
        value: strictDecimal,
        slip: "extra-digit",
        candidates: uniqueDecimals([...withOneDigitRemoved(g).map(rebuild), isLast ? wholeOrNull(lastMarkAsDecimal) : null]),
      };
    }
    // "70.500.00", "19,310,00": a digit (or two) missing; amounts mostly end in zeros, so zeros rank first,
    // then the reading as cents ("70.500,00" typed with the wrong mark), then any other digit.
    const filled = withDigitsAdded(g);
    return {
      status: "malformed",
      value: strictDecimal,
      slip: "missing-digit",
      candidates: uniqueDecimals([
        ...filled.zeros.map(rebuild),
        isLast ? wholeOrNull(lastMarkAsDecimal) : null,
        ...filled.others.map(rebuild),
      ]),
    };
  }

  return {
    status: "malformed",
    value: strictDecimal,
    slip: "bad-grouping",
    candidates: uniqueDecimals([joined, wholeOrNull(lastMarkAsDecimal)]),
  };
}

/** A fractional Rupiah amount was most likely a thousands group typed with a decimal mark; else it is rounded. */
export function fractionCandidates(value: Decimal): Decimal[] {
  return uniqueDecimals([
    value.times(1000).toDecimalPlaces(0, Decimal.ROUND_HALF_UP),
    value.toDecimalPlaces(0, Decimal.ROUND_HALF_UP),
  ]);
}

/** Every way to drop one digit, dropping from the end first (the usual slip is one zero too many). */
function withOneDigitRemoved(group: string): string[] {
  const out: string[] = [];
  for (let pos = group.length - 1; pos >= 0; pos--) out.push(group.slice(0, pos) + group.slice(pos + 1));
  return [...new Set(out)];
}

/** Every way to complete a group to three digits: the ones padding with zeros first, at the end first. */
function withDigitsAdded(group: string): { zeros: string[]; others: string[] } {
  const zeros: string[] = [];
  const others: string[] = [];
  const missing = 3 - group.length;
  if (missing === 2) {
    zeros.push(group + "00", "0" + group + "0", "00" + group);
    return { zeros: [...new Set(zeros)], others };
  }
  for (let pos = group.length; pos >= 0; pos--) zeros.push(group.slice(0, pos) + "0" + group.slice(pos));
  for (let pos = group.length; pos >= 0; pos--) {
    for (let digit = 1; digit <= 9; digit++) others.push(group.slice(0, pos) + String(digit) + group.slice(pos));
  }
  const zeroSet = new Set(zeros);
  return { zeros: [...zeroSet], others: [...new Set(others)].filter((o) => !zeroSet.has(o)) };
}

function wholeOrNull(d: Decimal | null): Decimal | null {
  return d && d.isInteger() ? d : null;
}

function uniqueDecimals(list: readonly (Decimal | null)[]): Decimal[] {
  const out: Decimal[] = [];
  for (const d of list) if (d && !out.some((o) => o.eq(d))) out.push(d);
  return out;
}

function emptyReading(raw: string): AmountReading {
  return { status: "empty", value: new Decimal(0), raw, candidates: [] };
}

function notAmount(raw: string): AmountReading {
  return { status: "not-amount", value: null, raw, candidates: [] };
}
