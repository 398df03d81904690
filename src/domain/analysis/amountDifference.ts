/** How two amounts that should be equal differ, in words for a finding's message. */
import type Decimal from "decimal.js";
import type { Message } from "../findings";
import { formatRupiah } from "../numbers";
import { digitOrder } from "./causes";

/** "selisih Rp 270.000 (dua angka bertukar tempat)" / "difference Rp 270.000 (two digits swapped)". */
export function differenceNote(expected: Decimal, actual: Decimal): Message {
  const delta = formatRupiah(actual.minus(expected).abs());
  const swapped = digitOrder(actual, expected) === "two-swapped";
  return {
    id: `selisih Rp ${delta}${swapped ? "; kemungkinan dua angka bertukar tempat" : ""}`,
    en: `difference Rp ${delta}${swapped ? "; likely two digits swapped" : ""}`,
  };
}
