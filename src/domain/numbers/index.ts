export { readAmount, parseAmountText, fractionCandidates, isSenFormat } from "./amount";
export type { AmountReading, AmountStatus, AmountSlip } from "./amount";
export { chooseRepair, thousandfoldCandidates } from "./repair";
export { formatRupiah, plainDecimal } from "./format";
export { parseTarget, parsePercent } from "./target";
export type { TargetReading } from "./target";
export { unitOfIndicator, sameUnit, canonicalUnit, tidyUnit } from "./unit";
