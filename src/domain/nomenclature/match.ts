/**
 * Fuzzy lookup of a program/kegiatan/sub kegiatan name in the catalogue. Says what it matched and how similar
 * (0..1). Fast enough for 100,000 rows: candidates come from an index of token prefixes, results are cached.
 */
import { CATALOGUES, type NomenclatureEntry, type NomenclatureLevel } from "./catalogue";
import { normalizeName } from "./normalize";
import { prepareName, similarityOf, tokenTexts, type PreparedName } from "./similarity";

export interface NomenclatureMatch {
  entry: NomenclatureEntry;
  similarity: number;
}

export interface MatchOptions {
  /** Only entries of this level. */
  level?: NomenclatureLevel;
  /** Only entries under this kode (a kegiatan's program, a sub kegiatan's kegiatan). */
  parentKode?: string;
  /** Only entries of this bidang ("7.01"). */
  bidang?: string;
  /** Below this similarity there is no match (default 0.5). */
  minSimilarity?: number;
}

interface IndexedEntry {
  entry: NomenclatureEntry;
  prepared: PreparedName;
}

interface CatalogueIndex {
  entries: IndexedEntry[];
  byPrefix: Map<string, number[]>;
}

const PREFIX = 4;
const MAX_CANDIDATES = 12;
const CACHE_LIMIT = 50_000;

function prefixesOf(p: PreparedName): Set<string> {
  const out = new Set<string>();
  for (const t of tokenTexts(p)) if (t.length >= 3) out.add(t.slice(0, PREFIX));
  return out;
}

let index: CatalogueIndex | undefined;

function catalogueIndex(): CatalogueIndex {
  if (index) return index;
  const entries: IndexedEntry[] = [];
  const byPrefix = new Map<string, number[]>();
  for (const c of CATALOGUES) {
    for (const entry of c.entries) {
      const prepared = prepareName(normalizeName(entry.name));
      const i = entries.push({ entry, prepared }) - 1;
      for (const p of prefixesOf(prepared)) {
        const list = byPrefix.get(p);
        if (list) list.push(i);
        else byPrefix.set(p, [i]);
      }
    }
  }
  index = { entries, byPrefix };
  return index;
}

const cache = new Map<string, NomenclatureMatch | null>();

function accepts(e: NomenclatureEntry, opts: MatchOptions): boolean {
  if (opts.level && e.level !== opts.level) return false;
  if (opts.parentKode && !e.kode.startsWith(opts.parentKode + ".")) return false;
  if (opts.bidang && !e.kode.startsWith(opts.bidang + ".")) return false;
  return true;
}

/** The catalogue entry most similar to the name, or undefined when none reaches minSimilarity. */
export function matchNomenclature(name: string, opts: MatchOptions = {}): NomenclatureMatch | undefined {
  const normalized = normalizeName(name);
  if (normalized.length < 3) return undefined;
  const min = opts.minSimilarity ?? 0.5;
  const key = `${opts.level ?? ""}|${opts.parentKode ?? ""}|${opts.bidang ?? ""}|${normalized}`;
  let hit = cache.get(key);
  if (hit === undefined) {
    hit = bestMatch(normalized, opts) ?? null;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, hit);
  }
  return hit && hit.similarity >= min ? hit : undefined;
}

function bestMatch(normalized: string, opts: MatchOptions): NomenclatureMatch | undefined {
  const scored = scoredCandidates(normalized, opts);
  let best: NomenclatureMatch | undefined;
  for (const m of scored) if (!best || m.similarity > best.similarity) best = m;
  return best;
}

function scoredCandidates(normalized: string, opts: MatchOptions): NomenclatureMatch[] {
  const { entries, byPrefix } = catalogueIndex();
  const prepared = prepareName(normalized);
  const shared = new Map<number, number>();
  for (const p of prefixesOf(prepared)) {
    for (const i of byPrefix.get(p) ?? []) {
      if (accepts(entries[i].entry, opts)) shared.set(i, (shared.get(i) ?? 0) + 1);
    }
  }
  if (shared.size === 0) return [];
  const candidates = [...shared.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_CANDIDATES);
  return candidates.map(([i]) => ({ entry: entries[i].entry, similarity: similarityOf(prepared, entries[i].prepared) }));
}

export type LevelMatches = Partial<Record<NomenclatureLevel, NomenclatureMatch>>;

const levelCache = new Map<string, LevelMatches>();

/**
 * The best entry of each level for one name, in one pass (mapping weighs "is this a kegiatan or a sub
 * kegiatan?" by comparing the two). Entries below minSimilarity (default 0.5) are left out.
 */
export function matchLevels(name: string, minSimilarity = 0.5): LevelMatches {
  const normalized = normalizeName(name);
  if (normalized.length < 3) return {};
  let all = levelCache.get(normalized);
  if (!all) {
    all = {};
    for (const m of scoredCandidates(normalized, {})) {
      const prev = all[m.entry.level];
      if (!prev || m.similarity > prev.similarity) all[m.entry.level] = m;
    }
    if (levelCache.size >= CACHE_LIMIT) levelCache.clear();
    levelCache.set(normalized, all);
  }
  const out: LevelMatches = {};
  for (const level of ["program", "kegiatan", "subKegiatan"] as const) {
    const m = all[level];
    if (m && m.similarity >= minSimilarity) out[level] = m;
  }
  return out;
}

/** Similarity of a name to one given entry (for a row whose written kode names its entry). */
export function similarityToEntry(name: string, entry: NomenclatureEntry): number {
  const { entries } = catalogueIndex();
  const target = entries.find((e) => e.entry === entry)?.prepared ?? prepareName(normalizeName(entry.name));
  return similarityOf(prepareName(normalizeName(name)), target);
}
