/** SIPD-RI exports: read them, compare the plan tables with one unit, and take SIPD's values. */
export { readSipdExport, isReadFailure } from "./readExport";
export { chooseUnit } from "./chooseUnit";
export type { UnitChoice } from "./chooseUnit";
export { compareWithSipd, exportRef, sipdSourceText, SIPD_RULE } from "./compare";
export type { SipdComparison, SipdCompareOptions, SipdPair, SipdTableComparison } from "./compare";
export { sameSources, sourceKinds } from "./sumberDana";
export { planTakeSipd, TAKE_SIPD_TITLE } from "./takeSipd";
export type { TakeSipdChoices, TakeSipdResult } from "./takeSipd";
export type { SipdExport, SipdExportKind, SipdReadFailure, SipdRowRef, SipdSubKegiatan, SipdUnit } from "./types";
