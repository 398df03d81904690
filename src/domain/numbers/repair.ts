import Decimal from "decimal.js";
import type { AmountReading } from "./amount";

/**
 * The repair to offer for a slip: the candidate that makes the sum balance when the caller knows what the
 * parent needs (parent minus the other children), else the most plausible one.
 */
export function chooseRepair(reading: AmountReading, needed?: Decimal): Decimal | undefined {
  if (needed) {
    const match = reading.candidates.find((c) => c.eq(needed));
    if (match) return match;
  }
  return reading.candidates[0];
}

/**
 * The amounts a cell meant if it is 1,000 times off: typing "4.765,000" into an Indonesian Excel stores 4765.
 * Only whole results count, since Rupiah amounts are whole. Whether a cell IS off is decided by the sums.
 */
export function thousandfoldCandidates(value: Decimal): Decimal[] {
  if (value.isZero()) return [];
  const out: Decimal[] = [];
  const up = value.times(1000);
  if (up.isInteger()) out.push(up);
  const down = value.dividedBy(1000);
  if (down.isInteger()) out.push(down);
  return out;
}
