export { readAmount, parseAmountText, fractionCandidates } from "./amount";
export type { AmountReading, AmountStatus, AmountSlip } from "./amount";
export { chooseRepair, thousandfoldCandidates } from "./repair";
export { formatRupiah, plainDecimal } from "./format";
