/**
 * duplicate-row: the same kode, or the same name, twice under one parent (a row pasted twice, or a sub kegiatan
 * listed again under its kegiatan). Reported on the later occurrence, the first one in `related`.
 * Names are compared as the catalogue matcher normalises them, and without spaces, so "DokumenRKA-SKPD" and
 * "Dokumen RKA - SKPD" are one, and so are "BMD" and "Barang Milik Daerah".
 */
import type { Finding } from "../findings";
import type { MappedRow } from "../mapping/types";
import { isPlanLevel } from "../mapping/tree";
import { severityFor } from "../analysis/describe";
import type { Rule, RuleMeta } from "./types";
import { LEVEL_NAME, nameCell, quoteName, unmemoizedCompactName, withArticle, writtenKode } from "./content-support/tableCells";
import { cell as cellRef, msg, phrase, text } from "../messages";

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
    const severity = severityFor(meta, options);
    const findings: Finding[] = [];
    for (const table of workbook.tables) {
      const groups = new Map<number, Siblings>();
      // An indexed loop: an unoptimised for…of (a rule runs once per table) allocates per row.
      for (let ir = 0; ir < table.rows.length; ir++) {
        const row = table.rows[ir];
        if (!isPlanLevel(row.level)) continue;
        // Siblings: one level under one parent (0: no parent; sheet rows start at 1).
        const id = (row.parentRow ?? 0) * 4 + (row.level === "program" ? 0 : row.level === "kegiatan" ? 1 : 2);
        let siblings = groups.get(id);
        if (!siblings) groups.set(id, (siblings = new Siblings()));
        const kode = writtenKode(row);
        const { sameKode, sameName } = siblings.see(row, kode, unmemoizedCompactName(row.uraian));
        const first = sameKode ?? sameName;
        if (!first) continue;
        const { cell, role } = nameCell(table, row, sameKode ? "kode" : "uraian");
        const firstCell = nameCell(table, first, sameKode ? "kode" : "uraian").cell;
        const lvl = LEVEL_NAME[row.level];
        findings.push({
          rule: meta.id,
          severity,
          sheet: table.sheet,
          cell,
          row: row.row,
          role,
          related: [firstCell],
          message: sameKode
            ? msg("duplicate.kode", { level: phrase({ id: lvl.id, en: withArticle(lvl.en) }), kode: text(kode ?? ""), first: cellRef(firstCell) })
            : msg("duplicate.name", { level: phrase({ id: lvl.id, en: withArticle(lvl.en) }), name: text(quoteName(row.uraian)), first: cellRef(firstCell) }),
        });
      }
    }
    return findings;
  },
};

/** Siblings this many or more are looked up through maps; fewer (nearly always) by comparing each. */
const MANY_SIBLINGS = 16;

/**
 * The rows seen so far at one level under one parent, by kode and by name. Kept per parent rather than in one
 * workbook-wide map: siblings are few, and a map of 100,000 names costs more than comparing four.
 */
class Siblings {
  private readonly seen: Array<{ row: MappedRow; kode: string | undefined; name: string }> = [];
  private byKode: Map<string, MappedRow> | undefined;
  private byName: Map<string, MappedRow> | undefined;

  /** The first sibling with the same kode and the first with the same name (empty names never match). */
  see(row: MappedRow, kode: string | undefined, name: string): { sameKode?: MappedRow; sameName?: MappedRow } {
    let sameKode: MappedRow | undefined;
    let sameName: MappedRow | undefined;
    if (this.byKode && this.byName) {
      sameKode = kode === undefined ? undefined : this.byKode.get(kode);
      sameName = name === "" ? undefined : this.byName.get(name);
    } else {
      for (const s of this.seen) {
        if (sameKode === undefined && kode !== undefined && s.kode === kode) sameKode = s.row;
        if (sameName === undefined && name !== "" && s.name === name) sameName = s.row;
      }
    }
    this.remember(row, sameKode === undefined ? kode : undefined, sameName === undefined ? name : "");
    return { sameKode, sameName };
  }

  private remember(row: MappedRow, kode: string | undefined, name: string): void {
    if (kode === undefined && name === "") return;
    if (this.byKode && this.byName) {
      if (kode !== undefined) this.byKode.set(kode, row);
      if (name !== "") this.byName.set(name, row);
      return;
    }
    this.seen.push({ row, kode, name });
    if (this.seen.length < MANY_SIBLINGS) return;
    this.byKode = new Map();
    this.byName = new Map();
    for (const s of this.seen) {
      if (s.kode !== undefined && !this.byKode.has(s.kode)) this.byKode.set(s.kode, s.row);
      if (s.name !== "" && !this.byName.has(s.name)) this.byName.set(s.name, s.row);
    }
  }
}
