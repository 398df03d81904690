/**
 * Name similarity in 0..1, tolerant of the variants staff write: typos ("Keutentraman"), missing spaces
 * ("Bacaandan", "DokumenRKA-SKPD"), extra or missing words, "Pemerintah" vs "Pemerintahan".
 * Half of it is Dice over character bigrams of the name without spaces (robust to spacing and typos),
 * half a token overlap where tokens match when their own bigram Dice is high (robust to word order and extras).
 * Bigrams are sorted integer arrays: 100,000 rows are compared without building maps.
 */
import { STOPWORDS, tokensOf } from "./normalize";

export type Bigrams = Int32Array;

export function bigramsOf(s: string): Bigrams {
  const n = Math.max(0, s.length - 1);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = (s.charCodeAt(i) << 16) | s.charCodeAt(i + 1);
  return out.sort();
}

/** Dice coefficient of two bigram multisets. */
export function diceOf(a: Bigrams, b: Bigrams): number {
  const total = a.length + b.length;
  if (total === 0) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return (2 * common) / total;
}

interface Token {
  text: string;
  /** Built when a comparison first needs it: most tokens of an indexed list are only ever used as prefixes. */
  bigrams: Bigrams | undefined;
}

/** A name prepared once for many comparisons (tokens are prepared only when a comparison needs them). */
export interface PreparedName {
  normalized: string;
  compact: Bigrams;
  tokenList?: Token[];
  /** The token texts, for the exact-token test that settles most tokens of long names at once. */
  tokenSet?: Set<string>;
}

export function prepareName(normalized: string): PreparedName {
  return { normalized, compact: bigramsOf(normalized.replace(/ /g, "")) };
}

function tokens(p: PreparedName): Token[] {
  if (!p.tokenList) {
    const list: Token[] = [];
    const texts = tokensOf(p.normalized);
    for (let i = 0; i < texts.length; i++) if (!STOPWORDS.has(texts[i])) list.push({ text: texts[i], bigrams: undefined });
    p.tokenList = list;
  }
  return p.tokenList;
}

function tokenBigrams(t: Token): Bigrams {
  return (t.bigrams ??= bigramsOf(t.text));
}

/** Prefixes used to index names: the first letters of each significant token. */
export function tokenTexts(p: PreparedName): string[] {
  return tokens(p).map((t) => t.text);
}

const TOKEN_MATCH = 0.6;
const FAR_APART = 0.3;

function tokenSimilarity(a: Token, b: Token): number {
  if (a.text === b.text) return 1;
  // "bacaandan" ~ "bacaan", "pemerintah" ~ "pemerintahan": a token that starts with the other counts as close
  if (a.text.length >= 4 && b.text.length >= 4 && (a.text.startsWith(b.text) || b.text.startsWith(a.text))) return 0.85;
  const d = diceOf(tokenBigrams(a), tokenBigrams(b));
  return d >= TOKEN_MATCH ? d : 0;
}

function tokenSetOf(p: PreparedName, list: Token[]): Set<string> {
  if (!p.tokenSet) {
    const set = new Set<string>();
    for (let i = 0; i < list.length; i++) set.add(list[i].text);
    p.tokenSet = set;
  }
  return p.tokenSet;
}

/**
 * `total` plus each token of `from` at its best similarity to a token of `to`, weighted by its length (added onto
 * the running total, in order: the sums of both directions are the same floating-point sums as ever).
 */
function bestMatchesTotal(from: Token[], to: Token[], toSet: Set<string>, total: number): number {
  for (let i = 0; i < from.length; i++) {
    const t = from[i];
    let best = toSet.has(t.text) ? 1 : 0;
    if (best < 1) {
      for (let j = 0; j < to.length; j++) {
        const s = tokenSimilarity(t, to[j]);
        if (s > best) best = s;
        if (best === 1) break;
      }
    }
    total += best * tokenWeight(t);
  }
  return total;
}

/** A token's weight: short acronyms (RKA, DPA) tell names apart as much as long words do. */
function tokenWeight(t: Token): number {
  return Math.max(t.text.length, 6);
}

function weightOf(list: Token[]): number {
  let w = 0;
  for (let i = 0; i < list.length; i++) w += tokenWeight(list[i]);
  return w;
}

function tokenOverlap(a: PreparedName, b: PreparedName): number {
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.length === 0 || tb.length === 0) return 0;
  const weight = weightOf(ta) + weightOf(tb);
  const total = bestMatchesTotal(tb, ta, tokenSetOf(a, ta), bestMatchesTotal(ta, tb, tokenSetOf(b, tb), 0));
  return weight === 0 ? 0 : total / weight;
}

/**
 * The most similarityOf(a, b) can be, from the character part alone (the token part is at most 1): lets a search
 * skip the token comparison of candidates that cannot beat what it already has.
 */
export function similarityBound(a: PreparedName, b: PreparedName): number {
  if (a.normalized === b.normalized) return 1;
  const chars = diceOf(a.compact, b.compact);
  return chars < FAR_APART ? 0.5 * chars + 0.001 : 0.5 * chars + 0.501;
}

export function similarityOf(a: PreparedName, b: PreparedName): number {
  if (a.normalized === b.normalized) return a.normalized === "" ? 0 : 1;
  const chars = diceOf(a.compact, b.compact);
  // names this far apart in characters cannot reach a useful similarity: spare the token comparison
  const tokenPart = chars < FAR_APART ? 0 : tokenOverlap(a, b);
  return Math.round((0.5 * chars + 0.5 * tokenPart) * 1000) / 1000;
}
