/** How two amounts that should be equal differ, in words for a finding's message. */
import type Decimal from "decimal.js";
import { money, msg, nested, type MessageRef } from "../messages";
import { digitOrder } from "./causes";

/** "selisih Rp 270.000 (dua angka bertukar tempat)" / "difference Rp 270,000 (two digits swapped)". */
export function differenceNote(expected: Decimal, actual: Decimal): MessageRef {
  const swapped = digitOrder(actual, expected) === "two-swapped";
  return msg("difference.note", { amount: money(actual.minus(expected).abs()), swapped: nested(swapped ? msg("difference.swapped", {}) : msg("empty", {})) });
}
