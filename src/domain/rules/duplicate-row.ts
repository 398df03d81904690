/**
 * duplicate-row: the same kode, or the same name, twice under one parent (a row pasted twice, or a sub kegiatan
 * listed again under its kegiatan). Reported on the later occurrence, the first one in `related`.
 * Names are compared as the catalogue matcher normalises them, and without spaces, so "DokumenRKA-SKPD" and
 * "Dokumen RKA - SKPD" are one, and so are "BMD" and "Barang Milik Daerah". Not repeats: two rows whose written
 * kodes differ (the list has sub kegiatan of one name under one kegiatan), as many rows of one name under a parent
 * as the table's list holds entries of that name under the parent's kode (a table without a kode column lists both
 * of 2.08.02.2.01's "Koordinasi dan Sinkronisasi Pelaksanaan PUG …"), and the rows of a flat list of kegiatan or
 * sub kegiatan without their parents (SIPD's exports list a sub kegiatan once per unit and sumber dana).
 */
import type { Finding } from "../findings";
import type { MappedRow } from "../mapping/types";
import type { MappedTable } from "../mapping/types";
import { isPlanLevel } from "../mapping/tree";
import { familyOf } from "../analysis/family";
import { severityFor } from "../analysis/describe";
import type { Rule, RuleMeta } from "./types";
import { LEVEL_NAME_WITH_ARTICLE, nameCell, quoteName, unmemoizedCompactName, writtenKode } from "./content-support/tableCells";
import { compactNameHash } from "../nomenclature";
import { cell as cellRef, msg, nested, text } from "../messages";

const meta: RuleMeta = {
  id: "duplicate-row",
  severity: "warning",
  description: msg("rule.description.duplicate-row", {}),
};

export const rule: Rule = {
  meta,
  check(workbook, options) {
    const severity = severityFor(meta, options);
    const findings: Finding[] = [];
    for (const table of workbook.tables) {
      const siblings = new SiblingIndex(table.rows.length);
      const namesakes = new ListedNamesakes(table);
      // An indexed loop: an unoptimised for…of (a rule runs once per table) allocates per row.
      for (let ir = 0; ir < table.rows.length; ir++) {
        const row = table.rows[ir];
        if (!isPlanLevel(row.level)) continue;
        // A kegiatan or sub kegiatan without a parent stands in a flat list (SIPD's exports list a sub kegiatan
        // once per unit, sumber dana or rekening): it has no siblings to repeat. Programs are siblings at the top.
        if (row.parentRow === undefined && row.level !== "program") continue;
        // Siblings: one level under one parent (0: no parent; sheet rows start at 1).
        const id = (row.parentRow ?? 0) * 4 + (row.level === "program" ? 0 : row.level === "kegiatan" ? 1 : 2);
        const kode = writtenKode(row);
        siblings.see(id, row, kode);
        const { sameKode, sameName } = siblings;
        const first = sameKode ?? (sameName && !namesakes.accounts(id, row) ? sameName : undefined);
        if (!first) continue;
        const { cell, role } = nameCell(table, row, sameKode ? "kode" : "uraian");
        const firstCell = nameCell(table, first, sameKode ? "kode" : "uraian").cell;
        const lvl = LEVEL_NAME_WITH_ARTICLE[row.level];
        findings.push({
          rule: meta.id,
          severity,
          sheet: table.sheet,
          cell,
          row: row.row,
          role,
          related: [firstCell],
          message: sameKode
            ? msg("duplicate.kode", { level: nested(lvl), kode: text(kode ?? ""), first: cellRef(firstCell) })
            : msg("duplicate.name", { level: nested(lvl), name: text(quoteName(row.uraian)), first: cellRef(firstCell) }),
        });
      }
    }
    return findings;
  },
};

/**
 * Same-named siblings the table's list accounts for: as many rows of one name under a parent as the list has
 * entries of that name under the parent's kode (written or inferred). Asked only of a repeated name, so the
 * counts are kept for those alone.
 */
class ListedNamesakes {
  private readonly seen = new Map<string, number>();

  constructor(private readonly table: MappedTable) {}

  /** Whether this repeat of the row's name among the siblings of `group` is one the list accounts for. */
  accounts(group: number, row: MappedRow): boolean {
    const list = this.table.nomenclature;
    const parentKode = list ? familyOf(this.table).parentOf(row)?.kode : undefined;
    if (!list || parentKode === undefined) return false;
    const listed = list.namesakesUnder(parentKode, row.uraian);
    if (listed < 2) return false;
    const key = `${group}|${unmemoizedCompactName(row.uraian)}`;
    // the first row of the name was seen without being asked about: this is at least its second
    const rows = (this.seen.get(key) ?? 1) + 1;
    this.seen.set(key, rows);
    return rows <= listed;
  }
}

/**
 * Two rows with written kodes that differ are two entries, whatever their names: the 3406/2024 list itself has
 * sub kegiatan of one name under one kegiatan (2.08.02.2.01.0002 and .0007). A kode written against the wrong name
 * is nomenclature-mismatch's to say.
 */
function distinctKodes(kode: string | undefined, other: MappedRow): boolean {
  if (kode === undefined) return false;
  const otherKode = writtenKode(other);
  return otherKode !== undefined && otherKode !== kode;
}

/** Siblings this many or more are looked up through maps; fewer (nearly always) by comparing each. */
const MANY_SIBLINGS = 16;

/**
 * The rows seen so far in one table, by group (one level under one parent), with the first kode and the first
 * name of each group. Siblings are few, so a group is a chain through parallel arrays, compared one by one (a map
 * of 100,000 names costs more than comparing four, and an object per group and per row was most of this rule's
 * time); a group that grows to MANY_SIBLINGS gets maps. Each kode and each name is kept once per group (a row's is
 * kept only when no sibling has it), so the chain's order does not change which row a lookup finds. A chain keeps
 * each name's hash (compactNameHash) and compares the compact names only where two hashes agree: building the
 * compact name of each of 100,000 rows was a third of this rule's time and a tenth of a pass's garbage.
 */
class SiblingIndex {
  /** The answer of the last `see`. */
  sameKode: MappedRow | undefined = undefined;
  sameName: MappedRow | undefined = undefined;
  private readonly rows: MappedRow[] = [];
  private readonly kodes: Array<string | undefined> = [];
  /** The kept name's compactNameHash, 0 when the entry keeps no name. */
  private readonly nameHashes: number[] = [];
  /** Per kept entry: the group's entry kept before it (-1: none), and how many the group had before it. */
  private readonly previous: Int32Array;
  private readonly before: Int32Array;
  /** Group -> its last kept entry. */
  private readonly last = new Map<number, number>();
  private large: Map<number, { byKode: Map<string, MappedRow>; byName: Map<string, MappedRow> }> | undefined;

  constructor(capacity: number) {
    this.previous = new Int32Array(capacity);
    this.before = new Int32Array(capacity);
  }

  /**
   * Finds the first sibling with the same kode and the first with the same name (row.uraian as
   * unmemoizedCompactName reads it; empty names never match).
   */
  see(group: number, row: MappedRow, kode: string | undefined): void {
    let sameKode: MappedRow | undefined;
    let sameName: MappedRow | undefined;
    const last = this.last.get(group);
    const maps = last !== undefined && this.before[last] + 1 >= MANY_SIBLINGS ? this.large?.get(group) : undefined;
    const hash = compactNameHash(row.uraian);
    let name: string | undefined;
    /** A sibling has the name (a duplicate, or a row its own written kode tells apart). */
    let nameSeen = false;
    if (maps) {
      sameKode = kode === undefined ? undefined : maps.byKode.get(kode);
      const named = hash === 0 ? undefined : maps.byName.get((name = unmemoizedCompactName(row.uraian)));
      if (named) {
        nameSeen = true;
        if (!distinctKodes(kode, named)) sameName = named;
      }
    } else {
      for (let e = last ?? -1; e >= 0; e = this.previous[e]) {
        if (sameKode === undefined && kode !== undefined && this.kodes[e] === kode) sameKode = this.rows[e];
        if (sameName === undefined && hash !== 0 && this.nameHashes[e] === hash && unmemoizedCompactName(this.rows[e].uraian) === (name ??= unmemoizedCompactName(row.uraian))) {
          nameSeen = true;
          if (!distinctKodes(kode, this.rows[e])) sameName = this.rows[e];
        }
      }
    }
    this.sameKode = sameKode;
    this.sameName = sameName;
    const keptKode = sameKode === undefined ? kode : undefined;
    // each name is kept once per group, also when the sibling that has it is told apart by its kode
    const keptHash = nameSeen ? 0 : hash;
    if (keptKode === undefined && keptHash === 0) return;
    if (maps) {
      if (keptKode !== undefined) maps.byKode.set(keptKode, row);
      if (keptHash !== 0) maps.byName.set(name ?? unmemoizedCompactName(row.uraian), row);
      return;
    }
    const e = this.rows.length;
    this.rows.push(row);
    this.kodes.push(keptKode);
    this.nameHashes.push(keptHash);
    this.previous[e] = last ?? -1;
    this.before[e] = last === undefined ? 0 : this.before[last] + 1;
    this.last.set(group, e);
    if (this.before[e] + 1 < MANY_SIBLINGS) return;
    const byKode = new Map<string, MappedRow>();
    const byName = new Map<string, MappedRow>();
    for (let k = e; k >= 0; k = this.previous[k]) {
      // Each kode and name is kept once per group, so filling from the last entry back finds the same rows.
      const kk = this.kodes[k];
      if (kk !== undefined) byKode.set(kk, this.rows[k]);
      if (this.nameHashes[k] !== 0) byName.set(unmemoizedCompactName(this.rows[k].uraian), this.rows[k]);
    }
    (this.large ??= new Map()).set(group, { byKode, byName });
  }
}
