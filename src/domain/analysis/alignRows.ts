/**
 * Row alignment between two plan tables that should say the same thing (Tabel 3.3 and Tabel 7).
 * Rows are paired by level and fuzzy name, never by position: one table may lack a row, and names differ in
 * spacing and wording. The alignment keeps order (a longest-common-subsequence over similarity) and works down
 * the tree: programs first, then the kegiatan of each paired program, then their sub kegiatan, so that every
 * comparison is among siblings and long tables stay cheap.
 */
import type { MappedRow, MappedTable } from "../mapping/types";
import { isPlanLevel } from "../mapping/tree";
import { nameSimilarity, preparedName } from "./nameSimilarity";

/** Below this a pair of names is not the same row (a different sub kegiatan of the same kegiatan scores ~0.4). */
export const SAME_ROW_SIMILARITY = 0.6;

export interface RowPair {
  left?: MappedRow;
  right?: MappedRow;
  /** 0..1 when both sides are present. */
  similarity: number;
}

/** Pairs of rows in table order; a row without a partner appears alone, and its children are not listed. */
export function alignTables(left: MappedTable, right: MappedTable, threshold = SAME_ROW_SIMILARITY): RowPair[] {
  const leftKids = childIndex(left);
  const rightKids = childIndex(right);
  const out: RowPair[] = [];
  const walk = (ls: MappedRow[], rs: MappedRow[]) => {
    for (const pair of alignSiblings(ls, rs, threshold)) {
      out.push(pair);
      if (pair.left && pair.right) walk(leftKids.get(pair.left.row) ?? [], rightKids.get(pair.right.row) ?? []);
    }
  };
  walk(leftKids.get(ROOT) ?? [], rightKids.get(ROOT) ?? []);
  return out;
}

const ROOT = 0;

/** Plan rows grouped by parent row; rows without a plan-level parent hang from ROOT. */
function childIndex(table: MappedTable): Map<number, MappedRow[]> {
  const planRowNumbers = new Set(table.rows.filter((r) => isPlanLevel(r.level)).map((r) => r.row));
  const index = new Map<number, MappedRow[]>();
  for (const r of table.rows) {
    if (!isPlanLevel(r.level)) continue;
    const parent = r.parentRow !== undefined && planRowNumbers.has(r.parentRow) ? r.parentRow : ROOT;
    let list = index.get(parent);
    if (!list) index.set(parent, (list = []));
    list.push(r);
  }
  return index;
}

/**
 * Beyond this many fuzzy name comparisons between the unpaired rows of one gap (a table whose rows have no parents,
 * thousands of them) the rows stay unpaired, to keep the check near linear.
 */
const MAX_COMPARISONS = 250_000;

/**
 * Order-preserving pairing of two sibling lists. Rows with the same level and normalised name are paired first
 * (the usual case, and linear); the rows between two such anchors are paired by fuzzy similarity.
 */
export function alignSiblings(ls: MappedRow[], rs: MappedRow[], threshold = SAME_ROW_SIMILARITY): RowPair[] {
  const out: RowPair[] = [];
  let gapLeft: MappedRow[] = [];
  let gapRight: MappedRow[] = [];
  const flush = () => {
    if (gapLeft.length > 0 || gapRight.length > 0) out.push(...alignFuzzy(gapLeft, gapRight, threshold));
    gapLeft = [];
    gapRight = [];
  };
  for (const pair of alignByExactName(ls, rs)) {
    if (pair.left && pair.right) {
      flush();
      out.push(pair);
    } else if (pair.left) gapLeft.push(pair.left);
    else if (pair.right) gapRight.push(pair.right);
  }
  flush();
  return out;
}

/** The pairing that maximises the summed similarity of pairs at or above the threshold. */
function alignFuzzy(ls: MappedRow[], rs: MappedRow[], threshold: number): RowPair[] {
  const n = ls.length;
  const m = rs.length;
  if (n === 0 || m === 0 || n * m > MAX_COMPARISONS) {
    return [...ls.map((left) => ({ left, similarity: 0 })), ...rs.map((right) => ({ right, similarity: 0 }))];
  }
  const lp = ls.map((r) => preparedName(r.uraian));
  const rp = rs.map((r) => preparedName(r.uraian));
  const sim: number[][] = ls.map((l, i) => rs.map((r, j) => (l.level === r.level ? nameSimilarity(lp[i], rp[j]) : 0)));
  // best[i][j]: best score aligning ls[i..] with rs[j..]
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      let b = Math.max(best[i + 1][j], best[i][j + 1]);
      if (sim[i][j] >= threshold) b = Math.max(b, sim[i][j] + best[i + 1][j + 1]);
      best[i][j] = b;
    }
  }
  const out: RowPair[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (sim[i][j] >= threshold && best[i][j] === sim[i][j] + best[i + 1][j + 1]) {
      out.push({ left: ls[i], right: rs[j], similarity: sim[i][j] });
      i++;
      j++;
    } else if (best[i][j] === best[i + 1][j]) {
      out.push({ left: ls[i], similarity: 0 });
      i++;
    } else {
      out.push({ right: rs[j], similarity: 0 });
      j++;
    }
  }
  for (; i < n; i++) out.push({ left: ls[i], similarity: 0 });
  for (; j < m; j++) out.push({ right: rs[j], similarity: 0 });
  return out;
}

/** Pairs rows of the same level and name (spacing, case and punctuation aside), in order; others stand alone. */
function alignByExactName(ls: MappedRow[], rs: MappedRow[]): RowPair[] {
  // a cheap key (no catalogue normalisation): names that differ by more than this are left to the fuzzy pass
  const key = (r: MappedRow) => `${r.level}|${r.uraian.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "")}`;
  const positions = new Map<string, number[]>();
  rs.forEach((r, j) => {
    const k = key(r);
    const list = positions.get(k);
    if (list) list.push(j);
    else positions.set(k, [j]);
  });
  const cursor = new Map<string, number>();
  const out: RowPair[] = [];
  let j = 0;
  for (const l of ls) {
    const k = key(l);
    const list = positions.get(k) ?? [];
    let c = cursor.get(k) ?? 0;
    while (c < list.length && list[c] < j) c++;
    cursor.set(k, c);
    const next = list[c];
    if (next === undefined) {
      out.push({ left: l, similarity: 0 });
      continue;
    }
    for (; j < next; j++) out.push({ right: rs[j], similarity: 0 });
    out.push({ left: l, right: rs[next], similarity: 1 });
    j = next + 1;
  }
  for (; j < rs.length; j++) out.push({ right: rs[j], similarity: 0 });
  return out;
}
