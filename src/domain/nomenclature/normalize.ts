/**
 * Normalises a program/kegiatan name for fuzzy comparison: case, punctuation, white space, a leading dash or
 * numbering, and the abbreviations staff use for words the regulation spells out.
 */

/** Abbreviation -> the words the catalogue uses (whole tokens only, after lower-casing). */
const ABBREVIATIONS: Record<string, string> = {
  kab: "kabupaten",
  kec: "kecamatan",
  kel: "kelurahan",
  bmd: "barang milik daerah",
  pd: "perangkat daerah",
  opd: "perangkat daerah",
  tni: "tentara nasional indonesia",
  polri: "kepolisian negara republik indonesia",
  dll: "",
  "&": "dan",
};

/** A whole token that ABBREVIATIONS expands (or drops). */
const ABBREVIATION_TOKEN = new RegExp(
  `(?:^| )(?:${Object.keys(ABBREVIATIONS)
    .filter((k) => /^[a-z0-9]+$/.test(k))
    .join("|")})(?= |$)`,
);

/** Words too common to tell two names apart (kept in the character comparison, ignored for token matching). */
export const STOPWORDS: ReadonlySet<string> = new Set(["dan", "di", "yang", "pada", "dengan", "atau", "serta", "oleh", "ke", "dari", "untuk", "dalam"]);

const NOT_ASCII = /[\u0080-\uffff]/;
/** A leading "-", "•", "1.", "iv)", "a." with the white space around it. */
const LEADING_MARK = /^\s*(?:[-–—•*·]+|\(?[0-9ivx]{1,4}[.)]|\(?[a-z][.)])\s*/u;

/** Lower case, letters and digits only, single spaces; leading "-", "•", "1.", "a)" removed; abbreviations expanded. */
export function normalizeName(name: string): string {
  let s = name.toLowerCase();
  // decomposing is needed only for accented letters; plain ASCII names (nearly all) are left as they are
  if (NOT_ASCII.test(s)) s = s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  s = s.replace(LEADING_MARK, "");
  s = s.replace(/&/g, " dan ");
  s = s.replace(/[^a-z0-9]+/g, " ").trim();
  // Most names hold no abbreviation: they need no token by token pass (kabupaten workbooks have 100,000s).
  if (s === "" || !ABBREVIATION_TOKEN.test(s)) return s;
  return s
    .split(" ")
    .map((t) => (Object.hasOwn(ABBREVIATIONS, t) ? ABBREVIATIONS[t] : t))
    .filter((t) => t !== "")
    .join(" ");
}

/** A whole abbreviation token in lower-cased text before normalising: a run of letters and digits equal to one. */
const ABBREVIATION_RUN = new RegExp(
  `(?:^|[^a-z0-9])(?:${Object.keys(ABBREVIATIONS)
    .filter((k) => /^[a-z0-9]+$/.test(k))
    .join("|")})(?![a-z0-9])`,
);

/**
 * normalizeName without its spaces ("dokumenrkaskpd"), for comparing names that differ only in spacing. The
 * usual ASCII name without "&" or an abbreviation is settled with one replace instead of normalizeName's
 * passes: its tokens are its runs of letters and digits, joined.
 */
export function compactNormalizedName(name: string): string {
  const lower = name.toLowerCase();
  if (!NOT_ASCII.test(lower) && !lower.includes("&")) {
    const s = lower.replace(LEADING_MARK, "");
    if (!ABBREVIATION_RUN.test(s)) return s.replace(/[^a-z0-9]+/g, "");
  }
  return normalizeName(name).replace(/ /g, "");
}

/** Tokens of a normalised name. */
export function tokensOf(normalized: string): string[] {
  return normalized === "" ? [] : normalized.split(" ");
}
