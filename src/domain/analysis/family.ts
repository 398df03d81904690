/**
 * The parent/children structure of a mapped table, indexed once. Same meaning as childrenOf in mapping/tree.ts
 * (the total row's children are the programs), but built in one pass: calling childrenOf for every parent is
 * quadratic, and a kabupaten-scale workbook has tens of thousands of parents.
 */
import type { Level, MappedRow, MappedTable } from "../mapping/types";
import { RowIndex } from "./rowIndex";

export interface Family {
  /** Direct children of a row, in sheet order; [] when none. */
  childrenOf(parent: MappedRow): MappedRow[];
  parentOf(row: MappedRow): MappedRow | undefined;
  /** Parents that have at least one child (the total row excluded), deepest first, so children resolve first. */
  parentsBottomUp: MappedRow[];
  totalRow: MappedRow | undefined;
  /** Rows that carry amounts: every row except "other" ones (repeated headers, notes, continuation lines). */
  amountRows: MappedRow[];
  /** True when `row` lies below `ancestor` in the tree. */
  isDescendant(row: MappedRow, ancestor: MappedRow): boolean;
  /** The nearest ancestor that `accept` takes (a parent, its parent, …), undefined when none does. */
  nearestAncestor(row: MappedRow, accept: (ancestor: MappedRow) => boolean): MappedRow | undefined;
}

const cache = new WeakMap<MappedTable, Family>();

export function familyOf(table: MappedTable): Family {
  let family = cache.get(table);
  if (!family) {
    family = buildFamily(table);
    cache.set(table, family);
  }
  return family;
}

function buildFamily(table: MappedTable): Family {
  // Indexed loops: this runs once per table, mostly before V8 optimises it, and an unoptimised for…of
  // allocates an iterator result per row.
  const rows = table.rows;
  const byRow = new RowIndex<MappedRow>(rows);
  for (let i = 0; i < rows.length; i++) byRow.set(rows[i].row, rows[i]);
  const children = new RowIndex<MappedRow[]>(table.rows);
  const programs: MappedRow[] = [];
  let totalRow: MappedRow | undefined;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.level === "program") programs.push(r);
    if (r.level === "total") totalRow ??= r;
    if (r.parentRow !== undefined && r.level !== "other" && r.level !== "total") {
      const list = children.get(r.parentRow);
      if (list) list.push(r);
      else children.set(r.parentRow, [r]);
    }
  }
  const parentOf = (row: MappedRow): MappedRow | undefined =>
    row.parentRow === undefined ? undefined : byRow.get(row.parentRow);

  const depths = new RowIndex<number>(table.rows);
  const depthOf = (row: MappedRow): number => {
    const known = depths.get(row.row);
    if (known !== undefined) return known;
    // Parent links come from mapping and have no cycle: counted without a set (one per row is 100,000 sets)
    // unless the walk runs longer than the table, which only a cycle can do.
    let depth = 0;
    for (let p = parentOf(row); p && depth <= table.rows.length; p = parentOf(p)) depth++;
    if (depth > table.rows.length) {
      depth = 0;
      const seen = new Set<number>([row.row]);
      for (let p = parentOf(row); p && !seen.has(p.row); p = parentOf(p)) {
        seen.add(p.row);
        depth++;
      }
    }
    depths.set(row.row, depth);
    return depth;
  };

  // Deepest first, then by row: bucketed by depth (a handful of depths) rather than sorted with a comparator.
  const byDepth: MappedRow[][] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.level === "total" || r.level === "other" || (children.get(r.row)?.length ?? 0) === 0) continue;
    const depth = depthOf(r);
    (byDepth[depth] ??= []).push(r);
  }
  const parentsBottomUp: MappedRow[] = [];
  for (let d = byDepth.length - 1; d >= 0; d--) {
    const bucket = byDepth[d];
    if (bucket) for (const r of bucket.sort((a, b) => a.row - b.row)) parentsBottomUp.push(r);
  }

  return {
    childrenOf: (parent) => (parent.level === "total" ? programs : children.get(parent.row) ?? []),
    parentOf,
    parentsBottomUp,
    totalRow,
    amountRows: table.rows.filter((r) => r.level !== ("other" satisfies Level)),
    isDescendant(row, ancestor) {
      const seen = new Set<number>();
      for (let p = parentOf(row); p && !seen.has(p.row); p = parentOf(p)) {
        if (p.row === ancestor.row) return true;
        seen.add(p.row);
      }
      return false;
    },
    nearestAncestor(row, accept) {
      // The step limit guards against a parent cycle in a hand-corrected mapping (no chain is longer than the table).
      let steps = table.rows.length;
      for (let p = parentOf(row); p && steps-- > 0; p = parentOf(p)) if (accept(p)) return p;
      return undefined;
    },
  };
}
