/**
 * Indonesian number words as narratives spell counts: "enam", "lima belas", "tiga puluh tujuh", "seratus dua".
 * Only 0–999: a Renja counts programs and kegiatan, never thousands of them.
 */
const UNITS: Record<string, number> = {
  nol: 0, satu: 1, se: 1, dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, delapan: 8, sembilan: 9,
};

/** The number the words spell, or undefined when they are not (only) a number. */
export function parseNumberWords(text: string): number | undefined {
  // "sebelas", "sepuluh", "seratus" glue "se" to the word; split it off first
  const words = text
    .toLowerCase()
    .replace(/\bse(puluh|belas|ratus)\b/g, "se $1")
    .split(/[\s-]+/)
    .filter((w) => w !== "");
  if (words.length === 0) return undefined;
  let total = 0;
  let pending: number | undefined;
  let lastScale = Infinity;
  for (const w of words) {
    if (w in UNITS) {
      if (pending !== undefined) return undefined;
      pending = UNITS[w];
      continue;
    }
    const scale = w === "ratus" ? 100 : w === "puluh" ? 10 : w === "belas" ? -1 : undefined;
    if (scale === undefined || pending === undefined) return undefined;
    if (scale === -1) {
      if (lastScale <= 10) return undefined;
      total += 10 + pending;
      lastScale = 1;
    } else {
      if (scale >= lastScale) return undefined;
      total += pending * scale;
      lastScale = scale;
    }
    pending = undefined;
  }
  if (pending !== undefined) {
    if (lastScale <= 1) return undefined;
    total += pending;
  }
  return total;
}
