/**
 * A well-formed amount stored as text ("4.765.000" typed into a text-formatted cell, pasted from Word): Excel's SUM
 * skips it, so it must become a number. Decided here once: the text-number finding reports exactly these cells, and
 * fix-numbers converts exactly these (recompute's plan converts them too, as part of writing the sums).
 */
import type { AmountSlot } from "./arithmetic";

export function isStoredAsText(slot: AmountSlot): boolean {
  // A sound whole number (money.whole) is a number cell already; its reading is not even built.
  return slot.money.whole === undefined && slot.money.reading.status === "text-number";
}
