/**
 * kode-format: a kode the user wrote that is not of the form U.BB.PP.K.KK.SSSS (Permendagri 90/2019 and its
 * updates; the 2019–2020 lists used a 2-digit sub kegiatan number), or whose depth does not fit the row's level.
 * Kodes inferred from the catalogue are ours, not the user's, and are not checked.
 */
import type { Finding } from "../findings";
import type { Level } from "../mapping/types";
import { severityFor } from "../analysis/describe";
import type { Rule, RuleMeta } from "./types";
import { LEVEL_NAME_WITH_ARTICLE, nameCell, quoteName, writtenKode } from "./content-support/tableCells";
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
