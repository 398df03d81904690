import Decimal from "decimal.js";
import { parseAmountText } from "./amount";
import { canonicalUnit, tidyUnit } from "./unit";

export interface TargetReading {
  /** The number of the target; null when the cell states none ("-", empty, words only). */
  value: Decimal | null;
  /** The unit as written, tidied (lower case, wraps rejoined): "dokumen", "desa/kelurahan", "%"; null if none. */
  unit: string | null;
  percent: boolean;
}

/** Splits a target cell into value and unit: "2 dokumen", "100%", "13 Desa/Kelurahan", "1500". Never throws. */
export function parseTarget(text: string): TargetReading {
  const trimmed = text.replace(/\s+/g, " ").trim();
  // A comparator ("≥ 80%") qualifies the target; the value and unit are what the rules compare.
  const m = /^(?:[<>\u2264\u2265]=?\s*)?([-+]?\d[\d.,]*)\s*(.*)$/su.exec(trimmed);
  if (!m) return { value: null, unit: null, percent: false };
  const value = readPlainNumber(m[1]);
  const unit = tidyUnit(m[2]);
  if (unit !== null && canonicalUnit(unit) === "%") return { value, unit: "%", percent: true };
  return { value, unit, percent: false };
}

/** Reads a percentage with a decimal comma: "63,80%" -> 63.8, "92,51" -> 92.51, "100%" -> 100. Never throws. */
export function parsePercent(text: string): Decimal | null {
  const m = /^(.*?)\s*(?:%|persen)?$/isu.exec(text.replace(/\s+/g, " ").trim());
  const number = m ? m[1].replace(/\s+/g, "") : "";
  if (!/^[-+]?\d[\d.,]*$/.test(number)) return null;
  // Unlike Rupiah, percentages do carry fractions: a lone comma is the Indonesian decimal mark even before
  // three digits ("104,167%").
  if (/^[-+]?\d+,\d+$/.test(number)) return new Decimal(number.replace(",", "."));
  return readPlainNumber(number);
}

function readPlainNumber(text: string): Decimal | null {
  const reading = parseAmountText(text);
  // Targets and percents may be fractional, so the literal reading of a "fraction" slip is the value itself.
  if (reading.status === "text-number" || reading.status === "suspect-scale") return reading.value;
  if (reading.status === "malformed") return reading.value;
  return null;
}
