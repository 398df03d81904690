/**
 * Units of targets and indicators. Staff spell them freely ("eksamplar", "exemplar"), wrap them across lines
 * ("Desa/ Keluraha n") and write percentages four ways, so comparison goes through one canonical form.
 */

/** Spelling variants and abbreviations of the same unit, keyed by their canonical form. */
const UNIT_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  "%": ["persen", "persentase", "percentase", "prosentase", "prosen", "percent", "pct"],
  eksemplar: ["eksamplar", "exemplar", "examplar", "exsemplar", "eksp", "eks", "expl", "ekspl"],
  orang: ["org", "jiwa"],
  dokumen: ["dok", "dokumen", "doc"],
  kegiatan: ["keg", "kegiatan"],
  laporan: ["lap", "laporan"],
  paket: ["pkt", "pak"],
  buah: ["bh"],
  kali: ["x"],
};

const CANONICAL = new Map<string, string>(
  Object.entries(UNIT_SYNONYMS).flatMap(([canonical, variants]) => [
    [canonical, canonical] as [string, string],
    ...variants.map((v) => [v, canonical] as [string, string]),
  ]),
);

/** A unit as written, tidied: lower case, single spaces, no spaces around "/", line-wrap splits rejoined. */
export function tidyUnit(text: string): string | null {
  const tidy = text
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/\s*\/\s*/g, "/")
    // A PDF or narrow cell wraps "Kelurahan" as "Keluraha n": a 1–2 letter tail belongs to the word before it.
    .replace(/(\p{L}{3,}) (\p{L}{1,2})(?=$|[\s/)])/gu, "$1$2")
    .trim();
  return tidy === "" ? null : tidy;
}

/**
 * The unit an indicator names in its last parentheses: "Jumlah dokumen … (Dokumen)" -> "dokumen",
 * "(%)" -> "%", "(desa))" -> "desa". Null when it names none (or the parentheses hold only a number or year).
 */
export function unitOfIndicator(indikator: string): string | null {
  const open = indikator.lastIndexOf("(");
  if (open < 0) return null;
  const rest = indikator.slice(open + 1);
  const close = rest.indexOf(")");
  const inner = tidyUnit(close < 0 ? rest : rest.slice(0, close));
  if (inner === null || /^[\d\s.,-]*$/.test(inner)) return null;
  return inner;
}

/** Whether two unit texts mean the same unit; "desa/kelurahan" shares a unit with "desa". */
export function sameUnit(a: string, b: string): boolean {
  const left = unitParts(a);
  const right = unitParts(b);
  if (left.length === 0 || right.length === 0) return false;
  return left.some((p) => right.includes(p));
}

/** Canonical form of one unit word or phrase ("Eksamplar" -> "eksemplar", "Persentase" -> "%"). */
export function canonicalUnit(unit: string): string {
  let u = (tidyUnit(unit) ?? "").replace(/[\s.]/g, "");
  // Indonesian plural by reduplication: "dokumen-dokumen".
  const dup = /^(.+)-\1$/.exec(u);
  if (dup) u = dup[1];
  return CANONICAL.get(u) ?? u;
}

function unitParts(unit: string): string[] {
  const tidy = tidyUnit(unit);
  if (tidy === null) return [];
  return tidy
    .split("/")
    .map(canonicalUnit)
    .filter((p) => p !== "");
}
