/**
 * Fuzzy lookup of a program/kegiatan/sub kegiatan name in one catalogue's names. Says what it matched and how
 * similar (0..1). Fast enough for 100,000 rows against the full list: candidates come from an index of token
 * prefixes, results are cached; both are fields of the index (one per catalogue, built on first use).
 */
import type { NomenclatureEntry, NomenclatureLevel } from "./catalogue";
import { normalizeName } from "./normalize";
import { prepareName, similarityOf, tokenTexts, type PreparedName } from "./similarity";

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

function prefixesOf(p: PreparedName): Set<string> {
  const out = new Set<string>();
  for (const t of tokenTexts(p)) if (t.length >= 3) out.add(t.slice(0, PREFIX));
  return out;
}

function accepts(e: NomenclatureEntry, opts: MatchOptions): boolean {
  if (opts.level && e.level !== opts.level) return false;
  if (opts.parentKode && !e.kode.startsWith(opts.parentKode + ".")) return false;
  return true;
}

export class NameIndex {
  private readonly indexed: IndexedEntry[] = [];
  private readonly byEntry = new Map<NomenclatureEntry, PreparedName>();
  private readonly byPrefix = new Map<string, number[]>();
  private readonly cache = new Map<string, NomenclatureMatch | null>();
  private readonly levelCache = new Map<string, LevelMatches>();

  constructor(entries: readonly NomenclatureEntry[]) {
    for (const entry of entries) {
      const prepared = prepareName(normalizeName(entry.name));
      const i = this.indexed.push({ entry, prepared }) - 1;
      this.byEntry.set(entry, prepared);
      for (const p of prefixesOf(prepared)) {
        const list = this.byPrefix.get(p);
        if (list) list.push(i);
        else this.byPrefix.set(p, [i]);
      }
    }
  }

  /** The entry most similar to the name, or undefined when none reaches minSimilarity. */
  match(name: string, opts: MatchOptions = {}): NomenclatureMatch | undefined {
    const normalized = normalizeName(name);
    if (normalized.length < 3) return undefined;
    const min = opts.minSimilarity ?? 0.5;
    const key = `${opts.level ?? ""}|${opts.parentKode ?? ""}|${normalized}`;
    let hit = this.cache.get(key);
    if (hit === undefined) {
      hit = null;
      for (const m of this.scoredCandidates(normalized, opts)) if (!hit || m.similarity > hit.similarity) hit = m;
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(key, hit);
    }
    return hit && hit.similarity >= min ? hit : undefined;
  }

  /** The best entry of each level for one name, in one pass. Entries below minSimilarity are left out. */
  matchLevels(name: string, minSimilarity: number): LevelMatches {
    const normalized = normalizeName(name);
    if (normalized.length < 3) return {};
    let all = this.levelCache.get(normalized);
    if (!all) {
      all = {};
      for (const m of this.scoredCandidates(normalized, {})) {
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
    const normalized = normalizeName(name);
    if (normalized.length < 3) return [];
    return this.scoredCandidates(normalized, opts).sort((a, b) => b.similarity - a.similarity);
  }

  similarityToEntry(name: string, entry: NomenclatureEntry): number {
    const target = this.byEntry.get(entry) ?? prepareName(normalizeName(entry.name));
    return similarityOf(prepareName(normalizeName(name)), target);
  }

  private scoredCandidates(normalized: string, opts: MatchOptions): NomenclatureMatch[] {
    const prepared = prepareName(normalized);
    const shared = new Map<number, number>();
    const filtered = opts.level !== undefined || opts.parentKode !== undefined;
    for (const p of prefixesOf(prepared)) {
      for (const i of this.byPrefix.get(p) ?? []) {
        if (filtered && !accepts(this.indexed[i].entry, opts)) continue;
        shared.set(i, (shared.get(i) ?? 0) + 1);
      }
    }
    if (shared.size === 0) return [];
    const candidates = [...shared.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_CANDIDATES);
    return candidates.map(([i]) => ({ entry: this.indexed[i].entry, similarity: similarityOf(prepared, this.indexed[i].prepared) }));
  }
}
