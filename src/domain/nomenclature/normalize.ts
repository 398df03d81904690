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
 * usual ASCII name without "&" or an abbreviation is settled by one scan and one replace instead of
 * normalizeName's passes (duplicate-row reads every row's name): its tokens are its runs of letters and
 * digits, joined, less a leading numbering mark ("1.", "iv)", "a.") that LEADING_MARK would remove.
 */
export function compactNormalizedName(name: string): string {
  const from = simpleNameStart(name);
  if (from >= 0) return (from === 0 ? name : name.slice(from)).toLowerCase().replace(/[^a-z0-9]+/g, "");
  const lower = name.toLowerCase();
  if (!NOT_ASCII.test(lower) && !lower.includes("&")) {
    const s = lower.replace(LEADING_MARK, "");
    if (!ABBREVIATION_RUN.test(s)) return s.replace(/[^a-z0-9]+/g, "");
  }
  return normalizeName(name).replace(/ /g, "");
}

/**
 * A 32-bit hash of compactNormalizedName(name), 0 when that is empty (never otherwise): equal compact names have
 * equal hashes, so a pass over every row's name (duplicate-row) compares hashes and builds the two compact names
 * only when they agree. The usual name (simpleNameStart) is hashed straight from its characters, without the two
 * strings compactNormalizedName would make for each of 100,000 rows; any other through compactNormalizedName.
 */
export function compactNameHash(name: string): number {
  const from = simpleNameStart(name);
  const text = from >= 0 ? name : compactNormalizedName(name);
  let h = 0x811c9dc5;
  let kept = 0;
  for (let i = from >= 0 ? from : 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isAlnum(c)) continue;
    // FNV-1a over the lower-cased letters and digits: for an ASCII name, what toLowerCase and the replace keep
    h = Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), 0x01000193);
    kept++;
  }
  return kept === 0 ? 0 : h === 0 ? 1 : h;
}

/** a-z, A-Z or 0-9. */
function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
}

/** A lower-cased letter of the roman numerals LEADING_MARK reads (i, v, x) or a digit. */
function isNumeral(c: number): boolean {
  const l = c | 32;
  return (c >= 48 && c <= 57) || l === 105 || l === 118 || l === 120;
}

/**
 * Where the letters and digits that compactNormalizedName keeps begin, for an ASCII name without "&" and
 * without an ABBREVIATIONS token: 0, or the end of a leading mark "1." / "(iv)" / "a)" (its letters are dropped);
 * -1 for any other name (the regular expressions decide those). The same reading as LEADING_MARK: after white
 * space, a dash or "*" run removes no letter; else "(" optional, then 1–4 of [0-9ivx] or one letter, then "." or ")".
 */
function simpleNameStart(name: string): number {
  const n = name.length;
  let tokenStart = -1;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? name.charCodeAt(i) : 32;
    if (c >= 0x80 || c === 38 /* & */) return -1;
    if (isAlnum(c)) {
      if (tokenStart < 0) tokenStart = i;
    } else if (tokenStart >= 0) {
      if (isAbbreviation(name, tokenStart, i)) return -1;
      tokenStart = -1;
    }
  }
  let i = 0;
  while (i < n && isSpace(name.charCodeAt(i))) i++;
  if (i >= n) return 0;
  const j = name.charCodeAt(i) === 40 /* ( */ ? i + 1 : i;
  let run = 0;
  while (j + run < n && isNumeral(name.charCodeAt(j + run))) run++;
  if (run >= 1 && run <= 4 && isMarkEnd(name.charCodeAt(j + run))) return j + run;
  const c = name.charCodeAt(j);
  if ((c | 32) >= 97 && (c | 32) <= 122 && isMarkEnd(name.charCodeAt(j + 1))) return j + 1;
  return 0;
}

function isMarkEnd(c: number): boolean {
  return c === 46 /* . */ || c === 41 /* ) */;
}

/** White space as \s reads it in ASCII. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** The ABBREVIATIONS tokens' lengths and first letters: most words are told apart from them without a string. */
const ABBREVIATION_WORDS = Object.keys(ABBREVIATIONS).filter((k) => /^[a-z0-9]+$/.test(k));
const ABBREVIATION_LENGTHS: ReadonlySet<number> = new Set(ABBREVIATION_WORDS.map((k) => k.length));
const ABBREVIATION_FIRSTS: ReadonlySet<number> = new Set(ABBREVIATION_WORDS.map((k) => k.charCodeAt(0)));

/** Whether name[start, end) is, in lower case, one of the ABBREVIATIONS tokens. */
function isAbbreviation(name: string, start: number, end: number): boolean {
  if (!ABBREVIATION_LENGTHS.has(end - start)) return false;
  const first = name.charCodeAt(start);
  if (!ABBREVIATION_FIRSTS.has(first >= 65 && first <= 90 ? first + 32 : first)) return false;
  return Object.hasOwn(ABBREVIATIONS, name.slice(start, end).toLowerCase());
}


/** Tokens of a normalised name. */
export function tokensOf(normalized: string): string[] {
  return normalized === "" ? [] : normalized.split(" ");
}
