/**
 * Fuzzy lookup of a program/kegiatan/sub kegiatan name in one catalogue's names. Says what it matched and how
 * similar (0..1). Fast enough for 100,000 rows against the full list: candidates come from an index of token
 * prefixes, results are cached; both are fields of the index (one per catalogue, built on first use).
 */
import type { NomenclatureEntry, NomenclatureLevel } from "./catalogue";
import { normalizeName } from "./normalize";
import { prepareName, similarityBound, similarityOf, tokenTexts, type PreparedName } from "./similarity";

export interface NomenclatureMatch {
  entry: NomenclatureEntry;
  similarity: number;
}

export interface MatchOptions {
  /** Only entries of this level. */
  level?: NomenclatureLevel;
  /** Only entries under this kode as the list holds it (a kegiatan's program, a sub kegiatan's kegiatan). */
  parentKode?: string;
  /** Below this similarity there is no match (default 0.5). */
  minSimilarity?: number;
}

export type LevelMatches = Partial<Record<NomenclatureLevel, NomenclatureMatch>>;

interface IndexedEntry {
  entry: NomenclatureEntry;
  prepared: PreparedName;
}

const PREFIX = 4;
const MAX_CANDIDATES = 12;
const CACHE_LIMIT = 50_000;
/** A parent with at most this many entries under it has them all scored (no prefix search). */
const DIRECT_SCORING = 64;

function prefixesOf(p: PreparedName): Set<string> {
  const out = new Set<string>();
  for (const t of tokenTexts(p)) if (t.length >= 3) out.add(t.slice(0, PREFIX));
  return out;
}

/** Whether entry `a` is ranked before `b` among candidates: more shared prefixes, then earlier in the list. */
function ahead(counts: Uint16Array, a: number, b: number): boolean {
  return counts[a] > counts[b] || (counts[a] === counts[b] && a < b);
}

function accepts(e: NomenclatureEntry, opts: MatchOptions): boolean {
  if (opts.level && e.level !== opts.level) return false;
  if (opts.parentKode && !e.kode.startsWith(opts.parentKode + ".")) return false;
  return true;
}

/**
 * Results by options, then by normalized name: a key of the options and the whole name, built on each of 100,000
 * lookups (mostly hits), cost more than the lookup. At most CACHE_LIMIT names in all, then it starts again.
 */
/** ResultCache's key for an option not given: no level or kode is written so. */
const ANY = "\u0000";

class ResultCache<T> {
  /** Level, then parent kode (ANY when not given), then normalised name: no key string built per lookup. */
  private readonly byOptions = new Map<string, Map<string, Map<string, T>>>();
  private size = 0;

  of(opts: MatchOptions): Map<string, T> {
    const level = opts.level ?? ANY;
    let byParent = this.byOptions.get(level);
    if (!byParent) this.byOptions.set(level, (byParent = new Map()));
    const parent = opts.parentKode ?? ANY;
    let names = byParent.get(parent);
    if (!names) byParent.set(parent, (names = new Map()));
    return names;
  }

  add(names: Map<string, T>, normalized: string, value: T): void {
    if (this.size >= CACHE_LIMIT) {
      for (const byParent of this.byOptions.values()) for (const m of byParent.values()) m.clear();
      this.size = 0;
    }
    names.set(normalized, value);
    this.size++;
  }
}

export class NameIndex {
  private readonly indexed: IndexedEntry[] = [];
  private readonly byEntry = new Map<NomenclatureEntry, PreparedName>();
  private readonly byPrefix = new Map<string, number[]>();
  /**
   * Entries by normalised name: a name that is exactly an entry's is always among the candidates. Ranking by shared
   * prefixes alone cut some off ("Pengawasan Penataan Ruang", "Pelaksanaan Administrasi Pembangunan": more than
   * MAX_CANDIDATES entries earlier in the list share all their prefixes), 74 of the 3406/2024 list's 4,381 names.
   */
  private readonly byName = new Map<string, number[]>();
  /** Entries under each kode ("X.XX.01.2.02" -> its sub kegiatan): a query under a parent scores them all. */
  private readonly byAncestor = new Map<string, number[]>();
  /** Prefixes too common to narrow the search ("kabu", "kota" in a quarter of the full list). */
  private readonly common = new Set<string>();
  private counts: Uint16Array | undefined;
  private readonly entryCache = new Map<string, number>();
  private readonly normalizedNames = new Map<string, string>();
  private readonly rankCache = new ResultCache<NomenclatureMatch[]>();
  private readonly cache = new ResultCache<NomenclatureMatch | null>();
  private readonly levelCache = new Map<string, LevelMatches>();

  constructor(entries: readonly NomenclatureEntry[]) {
    for (const entry of entries) {
      const prepared = prepareName(normalizeName(entry.name));
      const i = this.indexed.push({ entry, prepared }) - 1;
      this.byEntry.set(entry, prepared);
      const same = this.byName.get(prepared.normalized);
      if (same) same.push(i);
      else this.byName.set(prepared.normalized, [i]);
      for (const p of prefixesOf(prepared)) {
        const list = this.byPrefix.get(p);
        if (list) list.push(i);
        else this.byPrefix.set(p, [i]);
      }
      for (let dot = entry.kode.indexOf("."); dot > 0; dot = entry.kode.indexOf(".", dot + 1)) {
        const ancestor = entry.kode.slice(0, dot);
        const list = this.byAncestor.get(ancestor);
        if (list) list.push(i);
        else this.byAncestor.set(ancestor, [i]);
      }
    }
    const tooCommon = Math.max(200, this.indexed.length / 8);
    for (const [p, list] of this.byPrefix) if (list.length > tooCommon) this.common.add(p);
  }

  /** The entry most similar to the name, or undefined when none reaches minSimilarity. */
  match(name: string, opts: MatchOptions = {}): NomenclatureMatch | undefined {
    const normalized = this.normalized(name);
    if (normalized.length < 3) return undefined;
    const min = opts.minSimilarity ?? 0.5;
    const names = this.cache.of(opts);
    let hit = names.get(normalized);
    if (hit === undefined) {
      hit = null;
      for (const m of this.scoredCandidates(normalized, opts, 1)) if (!hit || m.similarity > hit.similarity) hit = m;
      this.cache.add(names, normalized, hit);
    }
    return hit && hit.similarity >= min ? hit : undefined;
  }

  /** The best entry of each level for one name, in one pass. Entries below minSimilarity are left out. */
  matchLevels(name: string, minSimilarity: number): LevelMatches {
    const normalized = this.normalized(name);
    if (normalized.length < 3) return {};
    let all = this.levelCache.get(normalized);
    if (!all) {
      all = {};
      for (const m of this.scoredCandidates(normalized, {}, 1)) {
        const prev = all[m.entry.level];
        if (!prev || m.similarity > prev.similarity) all[m.entry.level] = m;
      }
      if (this.levelCache.size >= CACHE_LIMIT) this.levelCache.clear();
      this.levelCache.set(normalized, all);
    }
    const out: LevelMatches = {};
    for (const level of ["program", "kegiatan", "subKegiatan"] as const) {
      const m = all[level];
      if (m && m.similarity >= minSimilarity) out[level] = m;
    }
    return out;
  }

  /** Candidates of the given level/parent, most similar first (at most MAX_CANDIDATES). */
  ranked(name: string, opts: MatchOptions): NomenclatureMatch[] {
    const normalized = this.normalized(name);
    if (normalized.length < 3) return [];
    const names = this.rankCache.of(opts);
    let hit = names.get(normalized);
    if (!hit) {
      hit = this.scoredCandidates(normalized, opts, 2).sort((a, b) => b.similarity - a.similarity);
      this.rankCache.add(names, normalized, hit);
    }
    return hit;
  }

  /** normalizeName, remembered: a kabupaten's workbooks repeat the same names in every unit. */
  private normalized(name: string): string {
    let n = this.normalizedNames.get(name);
    if (n === undefined) {
      n = normalizeName(name);
      if (this.normalizedNames.size >= CACHE_LIMIT) this.normalizedNames.clear();
      this.normalizedNames.set(name, n);
    }
    return n;
  }

  similarityToEntry(name: string, entry: NomenclatureEntry): number {
    const normalized = this.normalized(name);
    const target = this.byEntry.get(entry) ?? prepareName(normalizeName(entry.name));
    if (normalized === target.normalized) return normalized === "" ? 0 : 1;
    const key = `${entry.kode}|${normalized}`;
    let s = this.entryCache.get(key);
    if (s === undefined) {
      s = similarityOf(prepareName(normalized), target);
      if (this.entryCache.size >= CACHE_LIMIT) this.entryCache.clear();
      this.entryCache.set(key, s);
    }
    return s;
  }

  /** `keep`: how many of the best of each level the caller needs (1: match and matchLevels; 2: ranked). */
  private scoredCandidates(normalized: string, opts: MatchOptions, keep: 1 | 2): NomenclatureMatch[] {
    const prepared = prepareName(normalized);
    const under = opts.parentKode !== undefined ? (this.byAncestor.get(opts.parentKode) ?? []) : undefined;
    if (under !== undefined && under.length <= DIRECT_SCORING) {
      return this.scoreBest(prepared, opts.level ? under.filter((i) => this.indexed[i].entry.level === opts.level) : under, keep);
    }
    const filtered = opts.level !== undefined || opts.parentKode !== undefined;
    const prefixes = prefixesOf(prepared);
    let telling = 0;
    for (const p of prefixes) if (!this.common.has(p)) telling++;
    // shared prefix counts in a reused array: the full list's prefix lists hold hundreds of entries each
    const counts = (this.counts ??= new Uint16Array(this.indexed.length));
    const touched: number[] = [];
    for (const p of prefixes) {
      if (telling > 0 && this.common.has(p)) continue;
      for (const i of this.byPrefix.get(p) ?? []) {
        if (counts[i] === 0) {
          if (filtered && !accepts(this.indexed[i].entry, opts)) continue;
          touched.push(i);
        }
        counts[i]++;
      }
    }
    const exact = this.byName.get(normalized);
    if (touched.length === 0 && exact === undefined) return [];
    // The MAX_CANDIDATES sharing most prefixes (ties: the list's order), picked in one pass: sorting every touched
    // entry (thousands for a long name against the full list) cost more than scoring the few kept.
    const kept: number[] = [];
    for (const i of touched) {
      const n = kept.length;
      if (n === MAX_CANDIDATES && !ahead(counts, i, kept[n - 1])) continue;
      let at = n === MAX_CANDIDATES ? n - 1 : n;
      while (at > 0 && ahead(counts, i, kept[at - 1])) {
        kept[at] = kept[at - 1];
        at--;
      }
      kept[at] = i;
    }
    for (const i of touched) counts[i] = 0;
    if (exact !== undefined) for (const i of exact) if (!kept.includes(i) && (!filtered || accepts(this.indexed[i].entry, opts))) kept.push(i);
    return this.scoreBest(prepared, kept, keep);
  }

  /**
   * Similarities of the candidates that can be among the best `keep` of their level: a candidate whose bound from
   * characters alone is below the keep-th best so far of its level is left out without the token comparison.
   * With keep 1 a bound equal to the best is left out too: the bound exceeds the similarity of any name other than
   * an identical one, and an equal similarity would not replace the first best (callers keep the first on ties).
   * Every bound is above 0, so the first candidate of a level is always scored.
   */
  private scoreBest(prepared: PreparedName, indexes: number[], keep: 1 | 2): NomenclatureMatch[] {
    const n = indexes.length;
    const bounds = new Float64Array(n);
    const order: number[] = new Array<number>(n);
    for (let k = 0; k < n; k++) {
      bounds[k] = similarityBound(prepared, this.indexed[indexes[k]].prepared);
      order[k] = k;
    }
    // highest bound first; a stable sort keeps the candidates' order among equal bounds
    order.sort((x, y) => bounds[y] - bounds[x]);
    // the best and second best similarity so far of each level (program, kegiatan, sub kegiatan)
    const top = new Float64Array(6);
    const out: NomenclatureMatch[] = [];
    for (let k = 0; k < n; k++) {
      const bound = bounds[order[k]];
      const { entry, prepared: other } = this.indexed[indexes[order[k]]];
      const slot = 2 * LEVEL_SLOT[entry.level];
      if (keep === 1 ? bound <= top[slot] : bound < top[slot + 1]) continue;
      const similarity = similarityOf(prepared, other);
      if (similarity > top[slot]) {
        top[slot + 1] = top[slot];
        top[slot] = similarity;
      } else if (similarity > top[slot + 1]) top[slot + 1] = similarity;
      out.push({ entry, similarity });
    }
    return out;
  }
}

/** Each level's pair of slots in scoreBest's array of best similarities. */
const LEVEL_SLOT: Readonly<Record<NomenclatureLevel, number>> = { program: 0, kegiatan: 1, subKegiatan: 2 };
