/**
 * Which row of one version of a table is which row of the other. Rows are matched level by level under their
 * matched parents: by the kode both versions wrote, else by the normalised name (nomenclature's
 * compactNormalizedName, so spacing, case and abbreviations do not count), else — for a row that kept its place
 * among its matched siblings and every amount — as the same row renamed. Whatever is left is added or removed
 * (with everything under it). Row numbers play no part, so rows inserted above others do not disturb the match.
 */
import type { Decimal } from "decimal.js";
import { isPlanLevel } from "../mapping/tree";
import type { ColumnRole, MappedRow, MappedTable } from "../mapping/types";
import { compactNormalizedName } from "../nomenclature";

/** How a pair was found. "kode" and "name" pairs whose names differ are renames too (see RowPair.renamed). */
export type MatchedBy = "kode" | "name" | "position";

export interface RowPair {
  old: MappedRow;
  new: MappedRow;
  by: MatchedBy;
  /** The names differ beyond what normalisation ignores. */
  renamed: boolean;
}

export interface RowMatch {
  pairs: RowPair[];
  /** Rows of the new version without a counterpart (a row under an added parent is added too). */
  added: MappedRow[];
  /** Rows of the old version without a counterpart. */
  removed: MappedRow[];
  /** The two total rows, when both versions have one. */
  total?: { old: MappedRow; new: MappedRow };
  /**
   * Both versions' plan rows in one order: the new version's order, each removed row right after the old
   * sibling it followed (a parent before its children).
   */
  merged: MergedRow[];
}

export interface MergedRow {
  old?: MappedRow;
  new?: MappedRow;
  pair?: RowPair;
}

/** A row's amount in a money column (the settled reading), or null when the cell holds none. */
export type AmountOf = (row: MappedRow, role: ColumnRole) => Decimal | null;

export interface MatchOptions {
  /** Money columns both versions have; a row is taken as renamed in place only when all of them agree. */
  moneyRoles: readonly ColumnRole[];
  oldAmount: AmountOf;
  newAmount: AmountOf;
}

/** A kode the user wrote (not one inferred from the catalogue), without spaces. */
export function writtenKode(row: MappedRow): string | undefined {
  if (row.kode === undefined || row.kodeInferred) return undefined;
  const k = row.kode.replace(/\s+/g, "");
  return k === "" ? undefined : k;
}

/** The name key of a row: what nomenclature matching compares names by. */
export function nameKey(row: MappedRow): string {
  return compactNormalizedName(row.uraian);
}

export function matchRows(oldTable: MappedTable, newTable: MappedTable, options: MatchOptions): RowMatch {
  const oldTree = treeOf(oldTable);
  const newTree = treeOf(newTable);
  const match: RowMatch = { pairs: [], added: [], removed: [], merged: [] };

  const visit = (olds: MappedRow[], news: MappedRow[]) => {
    const pairs = matchSiblings(olds, news, options);
    const pairOfOld = new Map(pairs.map((p) => [p.old, p]));
    const pairOfNew = new Map(pairs.map((p) => [p.new, p]));
    let nextOld = 0;
    const removeUpTo = (end: number) => {
      for (; nextOld < end; nextOld++) {
        const o = olds[nextOld];
        if (pairOfOld.has(o)) continue;
        for (const r of subtree(oldTree, o)) {
          match.removed.push(r);
          match.merged.push({ old: r });
        }
      }
    };
    for (const n of news) {
      const pair = pairOfNew.get(n);
      if (!pair) {
        for (const r of subtree(newTree, n)) {
          match.added.push(r);
          match.merged.push({ new: r });
        }
        continue;
      }
      const at = olds.indexOf(pair.old);
      removeUpTo(at);
      if (at >= nextOld) nextOld = at + 1;
      match.pairs.push(pair);
      match.merged.push({ old: pair.old, new: pair.new, pair });
      visit(oldTree.children.get(pair.old) ?? [], newTree.children.get(pair.new) ?? []);
    }
    removeUpTo(olds.length);
  };
  visit(oldTree.roots, newTree.roots);

  const oldTotal = oldTable.rows.find((r) => r.level === "total");
  const newTotal = newTable.rows.find((r) => r.level === "total");
  if (oldTotal && newTotal) match.total = { old: oldTotal, new: newTotal };
  const bySheetRow = (a: MappedRow, b: MappedRow) => a.row - b.row;
  match.pairs.sort((a, b) => a.new.row - b.new.row);
  match.added.sort(bySheetRow);
  match.removed.sort(bySheetRow);
  return match;
}

interface Tree {
  roots: MappedRow[];
  children: Map<MappedRow, MappedRow[]>;
}

/** Plan rows as a tree; a row whose parent is not a plan row (or missing) is a root. */
function treeOf(table: MappedTable): Tree {
  const plan = table.rows.filter((r) => isPlanLevel(r.level));
  const byRow = new Map(plan.map((r) => [r.row, r]));
  const roots: MappedRow[] = [];
  const children = new Map<MappedRow, MappedRow[]>();
  for (const r of plan) {
    const parent = r.parentRow === undefined ? undefined : byRow.get(r.parentRow);
    if (!parent) roots.push(r);
    else {
      const list = children.get(parent) ?? [];
      list.push(r);
      children.set(parent, list);
    }
  }
  return { roots, children };
}

function subtree(tree: Tree, row: MappedRow): MappedRow[] {
  return [row, ...(tree.children.get(row) ?? []).flatMap((c) => subtree(tree, c))];
}

/** Pairs among the children of one matched parent (or among the roots), in three passes. */
function matchSiblings(olds: MappedRow[], news: MappedRow[], options: MatchOptions): RowPair[] {
  const pairs: RowPair[] = [];
  const freeOld = new Set(olds);
  const freeNew = new Set(news);
  const take = (o: MappedRow, n: MappedRow, by: MatchedBy) => {
    freeOld.delete(o);
    freeNew.delete(n);
    pairs.push({ old: o, new: n, by, renamed: by === "position" || nameKey(o) !== nameKey(n) });
  };

  // 1. The same written kode at the same level.
  for (const o of olds) {
    const k = writtenKode(o);
    if (k === undefined) continue;
    const n = news.find((x) => freeNew.has(x) && x.level === o.level && writtenKode(x) === k);
    if (n) take(o, n, "kode");
  }
  // 2. The same normalised name at the same level, unless both rows carry kodes that say they differ.
  for (const o of olds) {
    if (!freeOld.has(o)) continue;
    const n = news.find((x) => freeNew.has(x) && x.level === o.level && nameKey(x) === nameKey(o) && !kodesDiffer(o, x));
    if (n) take(o, n, "name");
  }
  // 3. Renamed in place: the same gap between matched siblings, the same level, every amount equal.
  const anchorOfOld = anchors(olds, freeOld, (o) => pairs.find((p) => p.old === o)?.new);
  const anchorOfNew = anchors(news, freeNew, (n) => (freeNew.has(n) ? undefined : n));
  for (const o of olds) {
    if (!freeOld.has(o)) continue;
    const n = news.find(
      (x) =>
        freeNew.has(x) &&
        x.level === o.level &&
        anchorOfNew.get(x) === anchorOfOld.get(o) &&
        !kodesDiffer(o, x) &&
        sameAmounts(o, x, options),
    );
    if (n) take(o, n, "position");
  }
  return pairs;
}

/** For each unmatched row, the new-version row of the matched sibling right before it (null at the start). */
function anchors(rows: MappedRow[], free: Set<MappedRow>, partner: (r: MappedRow) => MappedRow | undefined): Map<MappedRow, MappedRow | null> {
  const out = new Map<MappedRow, MappedRow | null>();
  let anchor: MappedRow | null = null;
  for (const r of rows) {
    if (free.has(r)) out.set(r, anchor);
    else anchor = partner(r) ?? anchor;
  }
  return out;
}

function kodesDiffer(a: MappedRow, b: MappedRow): boolean {
  const ka = writtenKode(a);
  const kb = writtenKode(b);
  return ka !== undefined && kb !== undefined && ka !== kb;
}

/** Every common money column holds the same amount in both, and at least one holds an amount. */
function sameAmounts(o: MappedRow, n: MappedRow, options: MatchOptions): boolean {
  let any = false;
  for (const role of options.moneyRoles) {
    const a = options.oldAmount(o, role);
    const b = options.newAmount(n, role);
    if (a === null && b === null) continue;
    if (a === null || b === null || !a.equals(b)) return false;
    if (!a.isZero()) any = true;
  }
  return any;
}
