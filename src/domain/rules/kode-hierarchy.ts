/**
 * kode-hierarchy: a child's kode must start with its parent's (7.01.02.2.04.0003 lies under 7.01.02.2.04, which
 * lies under 7.01.02). Compared with the nearest ancestor whose kode the user wrote: kodes inferred from the
 * catalogue only restate the names, and a name mismatch is nomenclature-mismatch's business.
 */
import type { Finding } from "../findings";
import type { MappedRow } from "../mapping/types";
import { severityFor } from "../analysis/describe";
import type { Rule, RuleMeta } from "./types";
import { LEVEL_NAME, nameCell, quoteName, writtenKode } from "./content-support/tableCells";
import { familyOf } from "../analysis/family";
import { cell as cellRef, msg, nested, text } from "../messages";

const meta: RuleMeta = {
  id: "kode-hierarchy",
  severity: "error",
  description: msg("rule.description.kode-hierarchy", {}),
};

export const rule: Rule = {
  meta,
  check(workbook, options) {
    const severity = severityFor(meta, options);
    const findings: Finding[] = [];
    for (const table of workbook.tables) {
      const family = familyOf(table);
      // An indexed loop: an unoptimised for…of (a rule runs once per table) allocates per row.
      for (let ir = 0; ir < table.rows.length; ir++) {
        const row = table.rows[ir];
        const kode = writtenKode(row);
        if (kode === undefined) continue;
        const parent = family.nearestAncestor(row, hasWrittenKode);
        const parentKode = parent && writtenKode(parent);
        if (!parent || parentKode === undefined || startsWithKode(kode, parentKode)) continue;
        const { cell, role } = nameCell(table, row, "kode");
        const parentCell = nameCell(table, parent, "kode").cell;
        const lvl = LEVEL_NAME[row.level];
        const plvl = LEVEL_NAME[parent.level];
        findings.push({
          rule: meta.id,
          severity,
          sheet: table.sheet,
          cell,
          row: row.row,
          role,
          expected: parentKode,
          actual: kode,
          related: [parentCell],
          message: msg("kode.hierarchy", {
            level: nested(lvl),
            name: text(quoteName(row.uraian)),
            kode: text(kode),
            parentLevel: nested(plvl),
            parentKode: text(parentKode),
            parentCell: cellRef(parentCell),
          }),
        });
      }
    }
    return findings;
  },
};

function hasWrittenKode(row: MappedRow): boolean {
  return writtenKode(row) !== undefined;
}

/** kode lies under parent: it starts with parent's kode and a dot (without building that string per row). */
function startsWithKode(kode: string, parent: string): boolean {
  return kode.length > parent.length && kode.charCodeAt(parent.length) === 46 && kode.startsWith(parent);
}
