/**
 * Every message of the catalogue and the kind of each of its parameters, declared once; the packs (id.ts,
 * en.ts) give each key a template naming exactly these parameters (checked by the compiler and by
 * test/domain/messages/catalogue.test.ts).
 */
export const MessageSpec = {
  empty: {},
  /** A text made outside the catalogue in both languages (an engine plugged in by a test or a tool); no rule uses it. */
  phrase: { text: "phrase" },

  // rollup-mismatch, total-mismatch (rules/support/sumFindings.ts)
  "sum.mismatch": { column: "phrase", who: "phrase", stated: "money", children: "message", sum: "money", difference: "signedMoney", repairNote: "message", causes: "list" },
  "sum.children": { n: "count", level: "phrase" },
  "sum.programs": { n: "count" },
  "sum.repairNote": { cells: "cells" },
  "sum.cause": { cause: "phrase" },
  "sum.explained": { column: "phrase", who: "phrase", stated: "money", slips: "cells", asRead: "money" },
  "sum.blamed": { column: "phrase", who: "phrase", stated: "money", sum: "money", evidence: "phrase", cells: "cells" },

  // malformed-number, suspect-scale, text-number (rules/support/slipFindings.ts)
  "slip.finding": { what: "message", proposal: "message" },
  "slip.thousandfoldSmaller": { column: "phrase", who: "phrase", literal: "money", typed: "text" },
  "slip.thousandfoldLarger": { column: "phrase", who: "phrase", literal: "money" },
  "slip.fraction": { column: "phrase", who: "phrase", literal: "money" },
  "slip.unreadable": { raw: "text", column: "phrase", who: "phrase", slip: "message" },
  "slip.kind.mixed-separators": {},
  "slip.kind.bad-grouping": {},
  "slip.kind.extra-digit": {},
  "slip.kind.missing-digit": {},
  "slip.kind.fraction": {},
  "slip.kind.thousandfold": {},
  "slip.proposal": { value: "money", why: "message" },
  "slip.noProposal": {},
  "slip.whyChildren": { n: "count", level: "phrase" },
  "slip.whyParent": { who: "phrase", cell: "cell" },
  "slip.whyNoBalance": { cells: "cells" },
  "slip.whyLikeliest": {},
  "textNumber.finding": { column: "phrase", who: "phrase", amount: "money", raw: "text" },
  "textNumber.reason": {},

  // unreadable amounts (rules/support/unreadableFindings.ts)
  "unreadable.excelError": { where: "phrase", who: "phrase", raw: "text" },
  "unreadable.text": { where: "phrase", who: "phrase", raw: "text" },
  "unreadable.pasted": { where: "phrase", who: "phrase", raw: "text", amount: "money", text: "text" },

  // year-mismatch
  "year.finding": { n: "year", text: "text", parts: "list" },
  "year.part": { stated: "year", meaning: "message", expected: "year" },
  "year.reason": { n: "year", meaning: "message", expected: "year" },
  "year.meaning.N": {},
  "year.meaning.N+1": {},
  "year.meaning.N-1": {},
  "year.meaning.N-2": {},

  // formula-range
  "formulaRange.finding": { column: "phrase", who: "phrase", formula: "formula", problem: "phrase", expected: "formula" },
  "formulaRange.reason": {},

  // kode-hierarchy, kode-format, duplicate-row, target-unit-mismatch, missing-field
  "kode.hierarchy": { level: "phrase", name: "text", kode: "text", parentLevel: "phrase", parentKode: "text", parentCell: "cell" },
  "kode.shape": { kode: "text", shape: "text", level: "phrase" },
  "kode.level": { kode: "text", kodeLevel: "phrase", name: "text", level: "phrase", shape: "text" },
  "duplicate.kode": { level: "phrase", kode: "text", first: "cell" },
  "duplicate.name": { level: "phrase", name: "text", first: "cell" },
  "targetUnit.finding": { target: "text", level: "phrase", name: "text", unit: "text", indicatorUnit: "text" },
  "missing.finding": { field: "phrase", level: "phrase", name: "text" },

  // evaluation-formula
  "evaluation.cell": { stated: "message", formula: "message", computed: "message" },
  "evaluation.column": { col: "text", formula: "message", deviations: "count", evaluated: "count", cell: "cell", stated: "message", computed: "message" },
  "value.rupiah": { amount: "money" },
  "value.number": { amount: "money" },
  "value.percent": { amount: "money" },
  "evaluation.formula": { formula: "formula", columns: "text" },
  "evaluation.reason": { formula: "formula" },

  // count-mismatch
  "count.finding": { stated: "list", table: "phrase", actual: "list" },
  "count.program": { n: "count" },
  "count.kegiatan": { n: "count" },
  "count.subKegiatan": { n: "count" },
  "count.statedPagu": { amount: "money" },
  "count.tableTotal": { amount: "money" },

  // nomenclature-mismatch
  "nomenclature.similar": { name: "text", percent: "text", entry: "text", kode: "text", regulation: "text" },
  "nomenclature.reason": { kode: "text", regulation: "text" },
  "nomenclature.noBidang": { bidang: "text", label: "text", covered: "text" },
  "nomenclature.noKode": { label: "text", covered: "text" },
  "nomenclature.nameDiffers": { name: "text", kode: "text", entry: "text", regulation: "text", percent: "text", hint: "message" },
  "nomenclature.hintOther": { name: "text", kode: "text", percent: "text" },
  "nomenclature.unknownKode": { level: "phrase", kode: "text", bidang: "text", label: "text", hint: "message" },
  "nomenclature.hintClosest": { name: "text", kode: "text" },

  // cross-table-mismatch
  "cross.money": { what: "phrase", inTable: "phrase", actual: "money", otherTable: "phrase", expected: "money", note: "phrase" },
  "cross.blamed": {
    level: "phrase", name: "text", own: "phrase", actual: "money", evidence: "phrase", other: "phrase", otherCell: "cell",
    expected: "money", parentLevel: "phrase", parentCell: "cell", majority: "money",
  },
  "cross.text": { what: "phrase", level: "phrase", name: "text", inTable: "phrase", actual: "message", otherTable: "phrase", expected: "message" },
  "cross.quoted": { text: "text" },
  "cross.empty": {},
  "cross.onlyIn": { level: "phrase", name: "text", present: "phrase", other: "phrase" },

  // sipd-mismatch (sipd/compare.ts)
  "sipd.money": { what: "phrase", name: "text", actual: "money", unit: "text", sipd: "money", delta: "money" },
  "sipd.moneyReason": { kode: "text" },
  "sipd.fund": { name: "text", plan: "text", unit: "text", sipd: "text" },
  "sipd.fundReason": { kode: "text" },
  "sipd.planOnly": { name: "text", kode: "message", pagu: "message", unit: "text" },
  "sipd.kode": { kode: "text" },
  "sipd.withPagu": { amount: "money" },
  "sipd.planOnlyReason": {},
  "sipd.sipdOnly": { n: "count", unit: "text", under: "message", listed: "list" },
  "sipd.under": { name: "text" },
  "sipd.listed": { kode: "text", name: "text", amount: "money" },
  "sipd.more": { n: "count" },
} as const;
