/**
 * Sumber dana as staff write it ("DAU", "DAK Fisik", "PAD") and as SIPD names it ("Dana Transfer Umum-Dana
 * Alokasi Umum", "DAK Non Fisik-Dana BOK-BOK Puskesmas"), reduced to the kinds of source both mean.
 * A kind is a path: "dak" covers "dak.fisik" and "dak.nonfisik". Text naming no known kind ("APBD", "APBD Kab.",
 * a typo) is not compared: precision over recall.
 */
import { normalizeName } from "../nomenclature";

/** Kind → patterns over the normalised text (lower case, single spaces). Specific kinds first. */
const KINDS: Array<[string, RegExp]> = [
  ["dak.nonfisik", /\b(dak ?non ?fisik|dana alokasi khusus non ?fisik|bos[pk]?|bop|bok)\b/],
  ["dak.fisik", /\b(dak fisik|dana alokasi khusus fisik)\b/],
  ["dak", /\b(dak|dana alokasi khusus|dana transfer khusus)\b/],
  ["dau", /\b(dau|dana alokasi umum|dana transfer umum dana alokasi umum)\b/],
  ["dbh", /\b(dbh|dana bagi hasil)\b/],
  ["did", /\b(did|dana insentif daerah|insentif fiskal)\b/],
  ["otsus", /\b(otsus|otonomi khusus)\b/],
  ["danadesa", /\bdana desa\b/],
  ["pad.blud", /\bblud\b/],
  ["pad", /\b(pad|pendapatan asli daerah|pajak daerah|retribusi|hasil pengelolaan kekayaan daerah|lain lain pad)\b/],
  ["bankeu", /\b(bantuan keuangan|bankeu|pendapatan transfer antar daerah)\b/],
  ["silpa", /\b(silpa|sisa lebih)\b/],
  ["pinjaman", /\bpinjaman\b/],
  ["hibah", /\bhibah\b/],
];

/** The kinds one text names; several sources are written "DAU, DAK" or "DAU dan PAD". Empty when none is known. */
export function sourceKinds(text: string): Set<string> {
  const out = new Set<string>();
  for (const part of text.split(/[;,/+\n]| dan | & /i)) {
    const t = normalizeName(part);
    if (t === "") continue;
    for (const [kind, re] of KINDS) {
      if (re.test(t)) {
        out.add(kind);
        break;
      }
    }
  }
  return out;
}

function covers(a: string, b: string): boolean {
  return a === b || b.startsWith(a + ".") || a.startsWith(b + ".");
}

/**
 * Whether the plan's text and SIPD's sources name the same kinds: every kind on one side is covered by one on
 * the other ("DAK" covers "DAK Fisik-…"). Undefined when either side names no known kind.
 */
export function sameSources(planText: string, sipdNames: readonly string[]): boolean | undefined {
  const plan = sourceKinds(planText);
  const sipd = new Set<string>();
  for (const n of sipdNames) for (const k of sourceKinds(n)) sipd.add(k);
  if (plan.size === 0 || sipd.size === 0) return undefined;
  // a name SIPD uses that no kind covers leaves the comparison undecided
  if (sipdNames.some((n) => sourceKinds(n).size === 0)) return undefined;
  const all = (from: Set<string>, to: Set<string>) => [...from].every((a) => [...to].some((b) => covers(a, b)));
  return all(plan, sipd) && all(sipd, plan);
}
