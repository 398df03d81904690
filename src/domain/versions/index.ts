/** Versions of a workbook: which row is which, what changed, and which findings of the last check remain. */
export { matchRows, nameKey, writtenKode, type AmountOf, type MatchedBy, type MatchOptions, type MergedRow, type RowMatch, type RowPair } from "./matchRows";
export { amountReader, diffTables, diffWorkbooks, pairTables, refOf, type AmountChange, type MoneyDiff, type RowRef, type TableDiff, type WorkbookDiff } from "./diff";
export { compareFindings, findingKey, type FindingComparison, type KeyedFinding, type KeyTable } from "./findingKey";
export { diffToJson, tableDiffToJson, type DiffJson, type TableDiffJson } from "./diffJson";
