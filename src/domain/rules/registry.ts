/** Every validation rule, in the order their findings are produced. Adding a rule: one file, one test, one line here. */
import type { Rule } from "./types";
import { rule as rollupMismatch } from "./rollup-mismatch";
import { rule as totalMismatch } from "./total-mismatch";
import { rule as formulaRange } from "./formula-range";
import { rule as malformedNumber } from "./malformed-number";
import { rule as suspectScale } from "./suspect-scale";
import { rule as textNumber } from "./text-number";
import { rule as yearMismatch } from "./year-mismatch";
import { rule as countMismatch } from "./count-mismatch";
import { rule as crossTableMismatch } from "./cross-table-mismatch";
import { rule as kodeHierarchy } from "./kode-hierarchy";
import { rule as evaluationFormula } from "./evaluation-formula";
import { rule as kodeFormat } from "./kode-format";
import { rule as nomenclatureMismatch } from "./nomenclature-mismatch";
import { rule as missingField } from "./missing-field";
import { rule as targetUnitMismatch } from "./target-unit-mismatch";
import { rule as duplicateRow } from "./duplicate-row";
import { rule as sipdMismatch } from "./sipd-mismatch";

export const rules: readonly Rule[] = [
  rollupMismatch,
  totalMismatch,
  formulaRange,
  malformedNumber,
  suspectScale,
  textNumber,
  yearMismatch,
  countMismatch,
  crossTableMismatch,
  kodeHierarchy,
  evaluationFormula,
  kodeFormat,
  nomenclatureMismatch,
  missingField,
  targetUnitMismatch,
  duplicateRow,
  sipdMismatch,
];
