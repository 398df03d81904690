/**
 * English. Amounts are written 8,399,475 and 8,399.475 (values.ts); the forms' own terms stay Indonesian
 * (program, kegiatan, sub kegiatan, pagu, kode, Tabel, Bab, SIPD-RI), as staff and auditors say them.
 */
import type { CheckedPack } from "./types";

const pack = {
  empty: "",
  phrase: "{text}",

  "sum.mismatch": "{^column} of {who} is {stated}, but {children} add up to {sum} (difference {difference}).{repairNote}{causes}",
  "sum.children": "its {n} {level}",
  "sum.programs": "its {n} {n|program|programs}",
  "sum.repairNote": " The sum uses the repaired typing slips in {cells}.",
  "sum.cause": " {^cause}.",
  "sum.explained":
    "{^column} of {who} ({stated}) equals the sum of its children once the typing slips in {slips} are repaired; as written now they add up to {asRead}. Fix those cells.",
  "sum.blamed": "{^column} of {who} is {stated}, its children add up to {sum}; {evidence}, so the children ({cells}) are probably wrong.",

  "slip.finding": "{^what}.{proposal}",
  "slip.thousandfoldSmaller":
    '{column} of {who} is {literal}, 1,000 times smaller than its sum needs (e.g. "{typed}" typed into an Indonesian-locale Excel, which reads the comma as a decimal mark)',
  "slip.thousandfoldLarger": "{column} of {who} is {literal}, 1,000 times larger than its sum needs",
  "slip.fraction": "{column} of {who} is {literal}: Rupiah amounts are whole; probably a thousands group typed with a comma and read as decimals",
  "slip.unreadable": 'The amount "{raw}" in {column} of {who} cannot be read unambiguously ({slip})',
  "slip.kind.mixed-separators": "dots and commas mixed",
  "slip.kind.bad-grouping": "wrong digit grouping",
  "slip.kind.extra-digit": "a digit group with one digit too many",
  "slip.kind.missing-digit": "a digit group with a digit missing",
  "slip.kind.fraction": "a fraction of a Rupiah",
  "slip.kind.thousandfold": "1,000 times off",
  "slip.proposal": " Probably meant {value}: {why}.",
  "slip.noProposal": " No plausible reading; check the source document.",
  "slip.whyChildren": "equals the sum of its {n} {level}",
  "slip.whyParent": "with it the sum of {who} ({cell}) balances",
  "slip.whyNoBalance": "the most plausible reading, but it does not balance the sum in {cells}",
  "slip.whyLikeliest": "the most plausible reading (no sum confirms it)",
  "textNumber.finding":
    '{^column} of {who} ({amount}) is stored as text "{raw}": Excel\'s SUM skips it and number formats do not apply. Store it as a number.',
  "textNumber.reason": "store it as a number, not as text",

  "unreadable.excelError": "{^where} of {who} holds the Excel error {raw}, not an amount; the sums that include it cannot be checked. Fix the formula or type the amount.",
  "unreadable.text": '{^where} of {who} holds "{raw}", not an amount; the sums that include it cannot be checked.',
  "unreadable.pasted":
    '{^where} of {who} holds "{raw}": read as {amount}; the text "{text}" seems to belong to the next column and was pasted into the amount cell. Move that text to its own column.',

  "year.finding": "For a plan of year {n} (N), {text} states {parts}.",
  "year.part": "{stated} as {meaning}, expected {expected}",
  "year.reason": "N = {n}: {meaning} = {expected}",
  "year.meaning.N": "the plan year (N)",
  "year.meaning.N+1": "the forward estimate year (N+1)",
  "year.meaning.N-1": "the evaluated year (N-1)",
  "year.meaning.N-2": "the year before last (N-2)",

  "formulaRange.finding": "The formula of {column} of {who} ={formula} {problem}; it should be ={expected}.",
  "formulaRange.reason": "adds up exactly all its direct children",

  "kode.hierarchy": 'The kode "{kode}" of {level} {name} does not start with its parent {parentLevel}\'s kode "{parentKode}" ({parentCell}).',
  "kode.shape": 'Kode "{kode}" is not of the form {shape} (the kode of {level}: digits separated by dots, e.g. 7.01.02.2.04.0003 for a sub kegiatan).',
  "kode.level": 'Kode "{kode}" is {kodeLevel} kode, but row {name} is {level} (expected {shape}).',
  "duplicate.kode": '{^level} with the kode "{kode}" already appears at {first} under the same parent.',
  "duplicate.name": "{^level} with the name {name} already appears at {first} under the same parent.",
  "targetUnit.finding": 'Target "{target}" of {level} {name} is in "{unit}", but its indicator names the unit "({indicatorUnit})".',
  "missing.finding": "The {field} of {level} {name} is empty.",

  "evaluation.cell": "The value {stated} does not follow the formula {formula}, which gives {computed}.",
  "evaluation.column":
    "Column {col} does not follow the formula {formula}: {deviations} of {evaluated} computable rows deviate (e.g. {cell}: written {stated}, formula {computed}).",
  "value.rupiah": "Rp {amount}",
  "value.number": "{amount}",
  "value.percent": "{amount}%",
  "evaluation.formula": "{formula} (columns {columns})",
  "evaluation.reason": "formula {formula}",

  "count.finding": "The narrative states {stated}, but {table} has {actual}.",
  "count.program": "{n} {n|program|programs}",
  "count.kegiatan": "{n} kegiatan",
  "count.subKegiatan": "{n} sub kegiatan",
  "count.statedPagu": "a pagu of Rp {amount}",
  "count.tableTotal": "a total of Rp {amount}",

  "nomenclature.similar": "{name} is {percent} similar to '{entry}' ({kode}, {regulation}); use the catalogue name.",
  "nomenclature.reason": "nomenclature {kode} ({regulation})",
  "nomenclature.noBidang": "Names and kodes not checked: no nomenclature for bidang {bidang} is available (list in use: {label}, covering {covered}).",
  "nomenclature.noKode":
    "Names not checked: the table has no kodes and its bidang is not recognised from the nomenclature (list in use: {label}, covering {covered}).",
  "nomenclature.nameDiffers": "Name {name} differs from the nomenclature of kode {kode}: '{entry}' ({regulation}; {percent} similar).{hint}",
  "nomenclature.hintOther": " The name fits '{name}' ({kode}, {percent}) better: check the kode.",
  "nomenclature.unknownKode": "The {level} kode {kode} is not in the nomenclature of bidang {bidang} ({label}).{hint}",
  "nomenclature.hintClosest": " The name is closest to '{name}' ({kode}).",

  "cross.money": "{what} in {inTable} (Rp {actual}) differs from {otherTable} (Rp {expected}); {note}.",
  "cross.blamed":
    "The pagu of {level} {name} in {own} is Rp {actual}, but {evidence} ({other} {otherCell}: Rp {expected}; its {parentLevel} {parentCell}: Rp {majority}). Fix this cell, not its {parentLevel}.",
  "cross.text": "{what} of {level} {name} in {inTable} {actual} differs from {otherTable} {expected}.",
  "cross.quoted": '"{text}"',
  "cross.empty": "(empty)",
  "cross.onlyIn": "{^level} {name} is in {present} but not in {other}.",

  "sipd.money": "{what} of sub kegiatan {name} (Rp {actual}) differs from SIPD-RI {unit} (Rp {sipd}); difference Rp {delta}.",
  "sipd.moneyReason": "the SIPD-RI amount of {kode}",
  "sipd.fund": 'The funding source of sub kegiatan {name} ("{plan}") differs from SIPD-RI {unit} ("{sipd}").',
  "sipd.fundReason": "the SIPD-RI funding source of {kode}",
  "sipd.planOnly": "Sub kegiatan {name}{kode}{pagu} is not in SIPD-RI {unit}.",
  "sipd.kode": " ({kode})",
  "sipd.withPagu": " with a pagu of Rp {amount}",
  "sipd.planOnlyReason": "not in SIPD-RI: empty the row",
  "sipd.sipdOnly": "{n} sub kegiatan of SIPD-RI {unit} missing from the table{under}: {listed}. Insert their rows.",
  "sipd.under": " under {name}",
  "sipd.listed": "{kode} {name} (Rp {amount})",
  "sipd.more": "… ({n})",
} as const;

export const en: CheckedPack<typeof pack> = pack;
