/**
 * kode-format: a kode the user wrote that is not of the form U.BB.PP.K.KK.SSSS (Permendagri 90/2019 and its
 * updates; the 2019–2020 lists used a 2-digit sub kegiatan number), or whose depth does not fit the row's level.
 * Kodes inferred from the catalogue are ours, not the user's, and are not checked. The support program's kodes as
 * the lists and SIPD write them, `X.XX.01…`, are said to be that: a plan writes them with the unit's urusan and
 * bidang (DOMAIN.md §1), taken from the nearest ancestor's written kode where there is one.
 */
import type { Finding } from "../findings";
import type { Level, MappedRow } from "../mapping/types";
import type { Family } from "../analysis/family";
import { severityFor } from "../analysis/describe";
import type { Rule, RuleMeta } from "./types";
import { LEVEL_NAME_WITH_ARTICLE, nameCell, quoteName, writtenKode } from "./content-support/tableCells";
import { familyOf } from "../analysis/family";
import { PENUNJANG_BIDANG, bidangOfKode } from "../nomenclature";
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

/** `X.XX.01…` of the row's level: the support program's kode as the lists write it, for every unit. */
function isGenericPenunjang(kode: string, level: Level): boolean {
  return kode.startsWith(`${PENUNJANG_BIDANG}.01`) && levelOfWellFormedKode(`0.00${kode.slice(PENUNJANG_BIDANG.length)}`) === level;
}

/** The urusan and bidang of the nearest ancestor whose written kode has them (not X.XX itself). */
function ancestorBidang(family: Family, row: MappedRow): string | undefined {
  let steps = 64;
  for (let p = family.parentOf(row); p && steps-- > 0; p = family.parentOf(p)) {
    const kode = writtenKode(p);
    const bidang = kode === undefined ? undefined : bidangOfKode(kode);
    if (bidang !== undefined && bidang !== PENUNJANG_BIDANG && /^\d\.\d{2}$/.test(bidang)) return bidang;
  }
  return undefined;
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
        if (isGenericPenunjang(kode, row.level)) {
          const bidang = ancestorBidang(familyOf(table), row);
          const written = (bidang ?? "U.BB") + kode.slice(PENUNJANG_BIDANG.length);
          const message = msg("kode.penunjangGeneric", { kode: text(kode), written: text(written) });
          findings.push({ rule: meta.id, severity, sheet: table.sheet, cell, row: row.row, role, valueKind: "text", actual: kode, expected: bidang ? written : undefined, message });
          continue;
        }
        const lvl = LEVEL_NAME_WITH_ARTICLE[row.level];
        const message =
          kodeLevel === undefined
            ? msg("kode.shape", { kode: text(kode), shape: text(shape), level: nested(lvl) })
            : msg("kode.level", {
                kode: text(kode),
                kodeLevel: nested(LEVEL_NAME_WITH_ARTICLE[kodeLevel]),
                name: text(quoteName(row.uraian)),
                level: nested(lvl),
                shape: text(shape),
              });
        findings.push({ rule: meta.id, severity, sheet: table.sheet, cell, row: row.row, role, valueKind: "text", actual: kode, message });
      }
    }
    return findings;
  },
};
