/**
 * kode-format: a kode the user wrote that is not of the form U.BB.PP.K.KK.SSSS (Permendagri 90/2019 and its
 * updates; the 2019–2020 lists used a 2-digit sub kegiatan number), or whose depth does not fit the row's level.
 * Kodes inferred from the catalogue are ours, not the user's, and are not checked. The support program's kodes as
 * the lists and SIPD write them, `X.XX.01…`, are said to be that: a plan writes them with the unit's urusan and
 * bidang (DOMAIN.md §1), taken from the nearest ancestor's written kode where there is one.
 */
import type { Finding } from "../findings";
import type { Level, MappedRow } from "../mapping/types";
import { severityFor } from "../analysis/describe";
import type { Rule, RuleMeta } from "./types";
import { LEVEL_NAME_WITH_ARTICLE, nameCell, quoteName, writtenKode } from "./content-support/tableCells";
import { familyOf } from "../analysis/family";
import { PENUNJANG_BIDANG, bidangOfKode, isPenunjangProgramKode } from "../nomenclature";
import { msg, nested, text } from "../messages";

const meta: RuleMeta = {
  id: "kode-format",
  severity: "warning",
  description: msg("rule.description.kode-format", {}),
};

/** Each level's kode grammar, the deepest first so that a kode is classified by the longest form it matches. */
const FORMS: ReadonlyArray<{ level: Level; pattern: RegExp; shape: string }> = [
  { level: "subKegiatan", pattern: /^\d\.\d{2}\.\d{2}\.\d\.\d{2}\.(\d{4}|\d{2})$/, shape: "U.BB.PP.K.KK.SSSS" },
  { level: "kegiatan", pattern: /^\d\.\d{2}\.\d{2}\.\d\.\d{2}$/, shape: "U.BB.PP.K.KK" },
  { level: "program", pattern: /^\d\.\d{2}\.\d{2}$/, shape: "U.BB.PP" },
  // SIPD's non-urusan block: "X NON URUSAN", "X.XX URUSAN PEMERINTAHAN BIDANG XX" (so the nomenclature lists them)
  { level: "bidang", pattern: /^(\d\.\d{2}|X\.XX)$/, shape: "U.BB" },
  { level: "urusan", pattern: /^(\d|X)$/, shape: "U" },
];

// Loops rather than find(): a closure per call, for every row of every table, is garbage the GC has to clear.
export function levelOfWellFormedKode(kode: string): Level | undefined {
  for (let i = 0; i < FORMS.length; i++) if (FORMS[i].pattern.test(kode)) return FORMS[i].level;
  return undefined;
}

function shapeOf(level: Level): string | undefined {
  for (let i = 0; i < FORMS.length; i++) if (FORMS[i].level === level) return FORMS[i].shape;
  return undefined;
}

/**
 * `X.XX.01…` of the row's level: the support program's kode as the lists write it, for every unit (its digits
 * checked by the forms above, with a unit's urusan and bidang in place of X.XX).
 */
function isGenericPenunjang(kode: string, level: Level): boolean {
  return bidangOfKode(kode) === PENUNJANG_BIDANG && isPenunjangProgramKode(kode) && levelOfWellFormedKode(`0.00${kode.slice(PENUNJANG_BIDANG.length)}`) === level;
}

/** The urusan and bidang ("7.01") a row's written kode states; undefined for none, X.XX or a malformed one. */
function writtenBidang(row: MappedRow): string | undefined {
  const kode = writtenKode(row);
  const bidang = kode === undefined ? undefined : bidangOfKode(kode);
  return bidang !== undefined && /^\d\.\d{2}$/.test(bidang) ? bidang : undefined;
}

function statesBidang(row: MappedRow): boolean {
  return writtenBidang(row) !== undefined;
}

export const rule: Rule = {
  meta,
  check(workbook, options) {
    const severity = severityFor(meta, options);
    const findings: Finding[] = [];
    for (const table of workbook.tables) {
      // An indexed loop: an unoptimised for…of (a rule runs once per table) allocates per row.
      for (let ir = 0; ir < table.rows.length; ir++) {
        const row = table.rows[ir];
        const kode = writtenKode(row);
        const shape = shapeOf(row.level);
        if (kode === undefined || shape === undefined) continue;
        const kodeLevel = levelOfWellFormedKode(kode);
        if (kodeLevel === row.level) continue;
        const { cell, role } = nameCell(table, row, "kode");
        const lvl = LEVEL_NAME_WITH_ARTICLE[row.level];
        // the support program's generic kode: the kode to write, from the nearest ancestor that states its bidang
        const generic = isGenericPenunjang(kode, row.level);
        const ancestor = generic ? familyOf(table).nearestAncestor(row, statesBidang) : undefined;
        const expected = ancestor && (writtenBidang(ancestor) ?? "") + kode.slice(PENUNJANG_BIDANG.length);
        const message = generic
          ? msg("kode.penunjangGeneric", { kode: text(kode), written: text(expected ?? `U.BB${kode.slice(PENUNJANG_BIDANG.length)}`) })
          : kodeLevel === undefined
            ? msg("kode.shape", { kode: text(kode), shape: text(shape), level: nested(lvl) })
            : msg("kode.level", {
                kode: text(kode),
                kodeLevel: nested(LEVEL_NAME_WITH_ARTICLE[kodeLevel]),
                name: text(quoteName(row.uraian)),
                level: nested(lvl),
                shape: text(shape),
              });
        findings.push({ rule: meta.id, severity, sheet: table.sheet, cell, row: row.row, role, valueKind: "text", actual: kode, expected, message });
      }
    }
    return findings;
  },
};
