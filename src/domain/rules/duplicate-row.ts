/**
 * duplicate-row: the same kode, or the same name, twice under one parent (a row pasted twice, or a sub kegiatan
 * listed again under its kegiatan). Reported on the later occurrence, the first one in `related`.
 * Names are compared as the catalogue matcher normalises them, and without spaces, so "DokumenRKA-SKPD" and
 * "Dokumen RKA - SKPD" are one, and so are "BMD" and "Barang Milik Daerah".
 */
import type { Finding } from "../findings";
import type { MappedRow } from "../mapping/types";
import { isPlanLevel } from "../mapping/tree";
import type { Rule, RuleMeta } from "./types";
import { LEVEL_NAME, compactName, nameCell, quoteName, severityOf, withArticle, writtenKode } from "./content-support/tableCells";

const meta: RuleMeta = {
  id: "duplicate-row",
  severity: "warning",
  description: {
    id: "Kode atau nama yang sama muncul dua kali di bawah induk yang sama.",
    en: "The same kode or name appears twice under one parent.",
  },
};

export const rule: Rule = {
  meta,
  check(workbook, options) {
    const severity = severityOf(meta, options);
    const findings: Finding[] = [];
    for (const table of workbook.tables) {
      const byKode: SeenRows = new Map();
      const byName: SeenRows = new Map();
      for (const row of table.rows) {
        if (!isPlanLevel(row.level)) continue;
        const kode = writtenKode(row);
        const name = compactName(row.uraian);
        const sameKode = kode === undefined ? undefined : firstSibling(byKode, kode, row);
        const sameName = name === "" ? undefined : firstSibling(byName, name, row);
        const first = sameKode ?? sameName;
        if (!first) continue;
        const { cell, role } = nameCell(table, row, sameKode ? "kode" : "uraian");
        const firstCell = nameCell(table, first, sameKode ? "kode" : "uraian").cell;
        const lvl = LEVEL_NAME[row.level];
        const what = sameKode
          ? { id: `kode "${kode}"`, en: `kode "${kode}"` }
          : { id: `nama ${quoteName(row.uraian)}`, en: `name ${quoteName(row.uraian)}` };
        findings.push({
          rule: meta.id,
          severity,
          sheet: table.sheet,
          cell,
          row: row.row,
          role,
          related: [firstCell],
          message: {
            id: `${lvl.id[0].toUpperCase()}${lvl.id.slice(1)} dengan ${what.id} sudah ada di ${firstCell} di bawah induk yang sama.`,
            en: `${withArticle(lvl.en).replace(/^a/, "A")} with the ${what.en} already appears at ${firstCell} under the same parent.`,
          },
        });
      }
    }
    return findings;
  },
};

/** Rows seen so far by kode or name: one row, or several when the same text stands under different parents. */
type SeenRows = Map<string, MappedRow | MappedRow[]>;

/**
 * The first row seen with this text at the same level under the same parent; remembers `row` when there is none.
 * Keyed by the text alone (no key string built per row): the same text under another parent is rare.
 */
function firstSibling(seen: SeenRows, text: string, row: MappedRow): MappedRow | undefined {
  const rows = seen.get(text);
  if (rows === undefined) {
    seen.set(text, row);
    return undefined;
  }
  const list = Array.isArray(rows) ? rows : [rows];
  const first = list.find((r) => r.level === row.level && r.parentRow === row.parentRow);
  if (first) return first;
  if (list.length === 1) seen.set(text, list);
  list.push(row);
  return undefined;
}
