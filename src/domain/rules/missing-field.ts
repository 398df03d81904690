/**
 * missing-field: an empty indikator, target, pagu, lokasi or sumber dana cell on a row whose level needs it.
 * One finding per empty cell, pointing at that cell. Only columns the table has are checked.
 *
 * The default matrix (Tabel 3.3 / Tabel 7 / the "Hasil Analisis Kebutuhan" block of Tabel 2.3):
 * - indikator, lokasi, target N and pagu N on every program, kegiatan and sub kegiatan row;
 * - sumber dana on program and kegiatan rows. SIPD keeps sumber dana per sub kegiatan, but Renja tables commonly
 *   state it once on the program and kegiatan rows (the seed does so throughout), so sub kegiatan rows are
 *   checked only when `sumberDanaLevels` includes them;
 * - target and pagu N+1 (Tabel 3.3) on sub kegiatan rows, where SIPD holds them; parents' N+1 pagu is a sum,
 *   which rollup-mismatch checks, and parents' N+1 target is commonly left empty.
 * A "-" counts as written in amount, target and sumber dana cells (a deliberate "none"), but not as an
 * indicator or a location.
 */
import type { Finding } from "../findings";
import type { ColumnRole, Level, TableKind } from "../mapping/types";
import { severityFor } from "../analysis/describe";
import type { Rule, RuleMeta } from "./types";
import { cellText, type Cell } from "../sheet/snapshot";
import { LEVEL_NAME, quoteName, roleCell, roleCellContent } from "./content-support/tableCells";
import { sheetOf } from "../analysis/moneyCells";
import { msg, nested, text, type MessageRef } from "../messages";

const meta: RuleMeta = {
  id: "missing-field",
  severity: "warning",
  description: msg("rule.description.missing-field", {}),
};

export interface FieldRequirement {
  role: ColumnRole;
  levels: readonly Level[];
  kinds: readonly TableKind[];
}

export interface MissingFieldConfig {
  /** Levels whose rows must state a sumber dana (default: program and kegiatan). */
  sumberDanaLevels: readonly Level[];
}

const ALL_PLAN_LEVELS: readonly Level[] = ["program", "kegiatan", "subKegiatan"];
const PLAN_KINDS: readonly TableKind[] = ["tabel-3.3", "tabel-7", "tabel-2.3"];

export const DEFAULT_MISSING_FIELD_CONFIG: MissingFieldConfig = { sumberDanaLevels: ["program", "kegiatan"] };

export function requirements(config: MissingFieldConfig): FieldRequirement[] {
  return [
    { role: "indikator", levels: ALL_PLAN_LEVELS, kinds: PLAN_KINDS },
    { role: "lokasi", levels: ALL_PLAN_LEVELS, kinds: PLAN_KINDS },
    { role: "targetN", levels: ALL_PLAN_LEVELS, kinds: PLAN_KINDS },
    { role: "paguN", levels: ALL_PLAN_LEVELS, kinds: PLAN_KINDS },
    { role: "sumberDana", levels: config.sumberDanaLevels, kinds: ["tabel-3.3", "tabel-7"] },
    { role: "targetN1", levels: ["subKegiatan"], kinds: ["tabel-3.3"] },
    { role: "paguN1", levels: ["subKegiatan"], kinds: ["tabel-3.3"] },
  ];
}

const DASH_IS_EMPTY: ReadonlySet<ColumnRole> = new Set<ColumnRole>(["indikator", "lokasi"]);

function isEmpty(cell: Cell | undefined, role: ColumnRole): boolean {
  // A number is never empty: most filled cells are amounts, and they need not be written out as text to say so.
  if (cell !== undefined && typeof cell.value === "number" && !cell.error) return false;
  const text = cellText(cell);
  if (text === "") return true;
  return DASH_IS_EMPTY.has(role) && /^[-–—]+$/.test(text);
}

/** What each required field is called in the finding; a role missing here is named as the pane names it. */
const FIELD_NAME: Partial<Record<ColumnRole, MessageRef>> = {
  indikator: msg("missing.field.indikator", {}),
  lokasi: msg("missing.field.lokasi", {}),
  targetN: msg("missing.field.targetN", {}),
  paguN: msg("missing.field.paguN", {}),
  sumberDana: msg("missing.field.sumberDana", {}),
  targetN1: msg("missing.field.targetN1", {}),
  paguN1: msg("missing.field.paguN1", {}),
};

export function createMissingFieldRule(config: Partial<MissingFieldConfig> = {}): Rule {
  const matrix = requirements({ ...DEFAULT_MISSING_FIELD_CONFIG, ...config });
  return {
    meta,
    check(workbook, options) {
      const severity = severityFor(meta, options);
      const findings: Finding[] = [];
      for (const table of workbook.tables) {
        const sheet = sheetOf(workbook, table);
        const needed = matrix.filter((m) => m.kinds.includes(table.kind) && table.columns[m.role] !== undefined);
        if (!sheet || needed.length === 0) continue;
        // An indexed loop: an unoptimised for…of (a rule runs once per table) allocates per row.
        for (let ir = 0; ir < table.rows.length; ir++) {
          const row = table.rows[ir];
          for (let iq = 0; iq < needed.length; iq++) {
            const req = needed[iq];
            if (!req.levels.includes(row.level) || !isEmpty(roleCellContent(sheet, table, row, req.role), req.role)) continue;
            const cell = roleCell(table, row, req.role);
            if (cell === undefined) continue;
            const field = FIELD_NAME[req.role] ?? msg(`name.role.${req.role}`, {});
            const lvl = LEVEL_NAME[row.level];
            findings.push({
              rule: meta.id,
              severity,
              sheet: table.sheet,
              cell,
              row: row.row,
              role: req.role,
              message: msg("missing.finding", { field: nested(field), level: nested(lvl), name: text(quoteName(row.uraian)) }),
            });
          }
        }
      }
      return findings;
    },
  };
}

export const rule: Rule = createMissingFieldRule();
