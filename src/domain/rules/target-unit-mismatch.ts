/**
 * target-unit-mismatch: a target whose unit differs from the unit its indicator names in parentheses
 * ("Jumlah bahan logistik kantor yang disediakan (jenis)" with target "3 orang"), a percentage indicator "(%)"
 * with a count target ("12 Dokumen"), or a count indicator with a percentage target ("100%").
 * Quiet when the indicator names no unit, and when the target is a bare number ("1500" for "(Surat)"): the
 * indicator then supplies the unit, which is how many Renja write it. Spelling variants of one unit
 * ("eksamplar"/"exemplar") are the same unit (numbers/unit.ts decides).
 * Checked pairs: indikator with the N and N+1 targets, and in Tabel 2.3 the RKPD block's indicator with its target.
 * An indicator that names no unit but is the nomenclature list's indikator of the row's sub kegiatan takes the
 * list's satuan.
 * A target's unit in a Satuan column of its own counts as written in the target (mapping/targets.ts).
 */
import type { Finding } from "../findings";
import type { ColumnRole, MappedRow, MappedTable } from "../mapping/types";
import { isPlanLevel } from "../mapping/tree";
import { targetText as targetWithUnit, type TargetRole } from "../mapping/targets";
import { canonicalUnit, parseTarget, sameUnit, unitOfIndicator } from "../numbers";
import { severityFor } from "../analysis/describe";
import type { Rule, RuleMeta } from "./types";
import { LEVEL_NAME, compactName, quoteName, roleCell, roleText } from "./content-support/tableCells";
import { memoize } from "./content-support/memo";
import { sheetOf } from "../analysis/moneyCells";
import { msg, nested, text } from "../messages";

const meta: RuleMeta = {
  id: "target-unit-mismatch",
  severity: "warning",
  description: msg("rule.description.target-unit-mismatch", {}),
};

const PAIRS: ReadonlyArray<{ indikator: ColumnRole; target: TargetRole }> = [
  { indikator: "indikator", target: "targetN" },
  { indikator: "indikator", target: "targetN1" },
  { indikator: "rkpdIndikator", target: "rkpdTarget" },
];

const indicatorUnitOf = memoize(unitOfIndicator);
const targetOf = memoize(parseTarget);
const isPercentUnit = memoize((unit: string) => canonicalUnit(unit) === "%");
const sameUnitPair = memoize((pair: string) => {
  const [a, b] = pair.split("\u0000");
  return sameUnit(a, b);
});

/**
 * Both units when the target's disagrees with the indicator's; undefined when they agree or cannot be compared.
 * `listedUnit`: the satuan the nomenclature list gives this indicator, used when the indicator names none.
 */
export function unitConflict(indicatorText: string, targetText: string, listedUnit?: string): { indicatorUnit: string; targetUnit: string } | undefined {
  if (targetText === "") return undefined;
  const indicatorUnit = indicatorUnitOf(indicatorText) ?? listedUnit ?? null;
  if (indicatorUnit === null) return undefined;
  const target = targetOf(targetText);
  const indicatorIsPercent = isPercentUnit(indicatorUnit);
  let agree: boolean;
  if (target.percent) agree = indicatorIsPercent;
  else if (target.unit === null) agree = true;
  else agree = !indicatorIsPercent && (target.unit === indicatorUnit || sameUnitPair(`${target.unit}\u0000${indicatorUnit}`));
  return agree ? undefined : { indicatorUnit, targetUnit: target.unit ?? "%" };
}

/**
 * The satuan of the row's entry in the table's nomenclature list (1317/2023 gives kinerja, indikator and satuan per
 * sub kegiatan), only when the row's indicator is the list's indicator: an office's own indicator may count
 * something else.
 */
function listedUnit(table: MappedTable, row: MappedRow, indicatorText: string): string | undefined {
  if (row.level !== "subKegiatan" || !row.kode || !table.nomenclature?.listsIndicatorUnits || indicatorText === "") return undefined;
  const entry = table.nomenclature.entryByKode(row.kode);
  if (!entry?.satuan || !entry.indikator || compactName(entry.indikator) !== compactName(indicatorText)) return undefined;
  return entry.satuan.toLowerCase();
}

export const rule: Rule = {
  meta,
  check(workbook, options) {
    const severity = severityFor(meta, options);
    const findings: Finding[] = [];
    for (const table of workbook.tables) {
      const sheet = sheetOf(workbook, table);
      const pairs = PAIRS.filter((p) => table.columns[p.indikator] !== undefined && table.columns[p.target] !== undefined);
      if (!sheet || pairs.length === 0) continue;
      // An indexed loop: an unoptimised for…of (a rule runs once per table) allocates per row.
      for (let ir = 0; ir < table.rows.length; ir++) {
        const row = table.rows[ir];
        if (!isPlanLevel(row.level)) continue;
        // The N and N+1 targets share one indikator: its text is read once per row.
        let indicatorRole: ColumnRole | undefined;
        let indicatorText = "";
        for (let ip = 0; ip < pairs.length; ip++) {
          const pair = pairs[ip];
          if (pair.indikator !== indicatorRole) {
            indicatorRole = pair.indikator;
            indicatorText = roleText(sheet, table, row, pair.indikator);
          }
          // the unit may stand in a Satuan column of its own: targetText joins it to the value
          const targetText = targetWithUnit(sheet, table, row, pair.target);
          const conflict = unitConflict(indicatorText, targetText, listedUnit(table, row, indicatorText));
          if (conflict === undefined) continue;
          const cell = roleCell(table, row, pair.target);
          if (cell === undefined) continue;
          const { indicatorUnit, targetUnit } = conflict;
          const lvl = LEVEL_NAME[row.level];
          const indicatorCell = roleCell(table, row, pair.indikator);
          findings.push({
            rule: meta.id,
            severity,
            sheet: table.sheet,
            cell,
            row: row.row,
            role: pair.target,
            expected: indicatorUnit,
            actual: targetUnit,
            related: indicatorCell ? [indicatorCell] : undefined,
            message: msg("targetUnit.finding", {
              target: text(targetText),
              level: nested(lvl),
              name: text(quoteName(row.uraian)),
              unit: text(targetUnit),
              indicatorUnit: text(indicatorUnit),
            }),
          });
        }
      }
    }
    return findings;
  },
};
