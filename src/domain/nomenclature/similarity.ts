/**
 * Name similarity in 0..1, tolerant of the variants staff write: typos ("Keutentraman"), missing spaces
 * ("Bacaandan", "DokumenRKA-SKPD"), extra or missing words, "Pemerintah" vs "Pemerintahan".
 * Half of it is Dice over character bigrams of the name without spaces (robust to spacing and typos),
 * half a token overlap where tokens match when their own bigram Dice is high (robust to word order and extras).
 */
import { STOPWORDS, tokensOf } from "./normalize";

export type Bigrams = Map<string, number>;

export function bigramsOf(s: string): Bigrams {
  const m: Bigrams = new Map();
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

function bigramCount(b: Bigrams): number {
  let n = 0;
  for (const v of b.values()) n += v;
  return n;
}

export function diceOf(a: Bigrams, b: Bigrams, sizeA = bigramCount(a), sizeB = bigramCount(b)): number {
  if (sizeA + sizeB === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const [g, n] of small) {
    const m = large.get(g);
    if (m) common += Math.min(n, m);
  }
  return (2 * common) / (sizeA + sizeB);
}

/** A name prepared once for many comparisons. */
export interface PreparedName {
  normalized: string;
  compact: Bigrams;
  compactSize: number;
  tokens: { text: string; bigrams: Bigrams; size: number }[];
}

export function prepareName(normalized: string): PreparedName {
  const compact = bigramsOf(normalized.replace(/ /g, ""));
  const tokens = tokensOf(normalized)
    .filter((t) => !STOPWORDS.has(t))
    .map((t) => {
      const bigrams = bigramsOf(t);
      return { text: t, bigrams, size: Math.max(0, t.length - 1) };
    });
  return { normalized, compact, compactSize: bigramCount(compact), tokens };
}

const TOKEN_MATCH = 0.6;
const FAR_APART = 0.3;

function tokenSimilarity(a: PreparedName["tokens"][number], b: PreparedName["tokens"][number]): number {
  if (a.text === b.text) return 1;
  // "bacaandan" ~ "bacaan", "pemerintah" ~ "pemerintahan": a token that starts with the other counts as close
  if (a.text.length >= 4 && b.text.length >= 4 && (a.text.startsWith(b.text) || b.text.startsWith(a.text))) return 0.85;
  const d = diceOf(a.bigrams, b.bigrams, a.size, b.size);
  return d >= TOKEN_MATCH ? d : 0;
}

function tokenOverlap(a: PreparedName, b: PreparedName): number {
  if (a.tokens.length === 0 || b.tokens.length === 0) return 0;
  let total = 0;
  let weight = 0;
  for (const [from, to] of [[a, b], [b, a]] as const) {
    for (const t of from.tokens) {
      let best = 0;
      for (const u of to.tokens) {
        const s = tokenSimilarity(t, u);
        if (s > best) best = s;
        if (best === 1) break;
      }
      // short acronyms (RKA, DPA) tell names apart as much as long words do
      const w = Math.max(t.text.length, 6);
      total += best * w;
      weight += w;
    }
  }
  return weight === 0 ? 0 : total / weight;
}

export function similarityOf(a: PreparedName, b: PreparedName): number {
  if (a.normalized === b.normalized) return a.normalized === "" ? 0 : 1;
  const chars = diceOf(a.compact, b.compact, a.compactSize, b.compactSize);
  // names this far apart in characters cannot reach a useful similarity: spare the token comparison
  const tokens = chars < FAR_APART ? 0 : tokenOverlap(a, b);
  return Math.round((0.5 * chars + 0.5 * tokens) * 1000) / 1000;
}
