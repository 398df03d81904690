/**
 * The nomenclature catalogue: one list of programs, kegiatan and sub kegiatan as an office receives it (a
 * Kepmendagri lampiran, a SIPD export), tagged with its regulation and the year it applies from. The built-in list
 * (bidang 7.01, catalogue-7.01.json) is the default that works with no setup; offices import the official list
 * of their year (src/cli/catalogue.ts, the pane) and the checker says which list it used.
 *
 * A catalogue is data plus the indexes built from it, fields of the object (built once, on first use).
 * It answers: which bidang it covers, the entry of a kode (the penunjang program listed once as `X.XX.01…`
 * applies to every unit with its own urusan and bidang), and fuzzy name matches (match.ts).
 */
import catalogue701 from "./catalogue-7.01.json";
import { compactNormalizedName as compact } from "./normalize";
import { NameIndex, type LevelMatches, type MatchOptions, type NomenclatureMatch } from "./match";

export type NomenclatureLevel = "program" | "kegiatan" | "subKegiatan";
/** Levels a list may hold: urusan and bidang rows name the headings; matching uses the three plan levels. */
export type CatalogueLevel = "urusan" | "bidang" | NomenclatureLevel;

export interface NomenclatureEntry {
  /** As listed: `X.XX.01.2.02.0001` for the penunjang program, else the full code. */
  kode: string;
  level: NomenclatureLevel;
  name: string;
  /** The regulation the entry comes from, e.g. "Kepmendagri 900.1.15.5-1317/2023". */
  regulation: string;
  /** false when the source document marks the entry UNVERIFIED (not checked against the regulation's annex). */
  verified?: boolean;
  /** Sub kegiatan metadata, where the list has it (1317/2023 does). */
  kinerja?: string;
  indikator?: string;
  satuan?: string;
}

/** Where a catalogue in use came from (said in reports and in the pane). */
export type CatalogueOrigin = "builtin" | "stored" | "file" | "bundled" | "browser";

/** A catalogue as stored (JSON): what import writes, what the pane and the bundle load. */
export interface CatalogueData {
  format: "renja-nomenklatur";
  version: 1;
  /** Short name the user refers to it by (`--catalogue NAME`). */
  name: string;
  regulation: string;
  /** The first plan year the list applies to (budget year). */
  year?: number;
  /** The file it was imported from (base name only) and when. */
  source?: string;
  importedAt?: string;
  /** Heading names: "U" and "U.BB" codes. */
  headings?: Array<[kode: string, name: string]>;
  /** [kode, level, name, kinerja, indikator, satuan]; metadata empty when the list has none. */
  entries: Array<[string, NomenclatureLevel, string, string?, string?, string?]>;
  /** Entries not checked against the regulation's annex (none of the built-in list's since builtin.data.test.ts). */
  unverified?: string[];
}

/** A catalogue as stored (the JSON import writes, the pane keeps, the add-in bundles). */
export function isCatalogueData(x: unknown): x is CatalogueData {
  if (typeof x !== "object" || x === null) return false;
  const d = x as Partial<CatalogueData>;
  return d.format === "renja-nomenklatur" && d.version === 1 && typeof d.name === "string" && typeof d.regulation === "string" && Array.isArray(d.entries);
}

export const PENUNJANG_BIDANG = "X.XX";

/** See Catalogue.suggest. */
export const SUGGEST_MIN = 0.85;
export const SUGGEST_MARGIN = 0.05;

/** Level a kode denotes by its number of parts: U.BB.PP program, U.BB.PP.K.KK kegiatan, 6 parts sub kegiatan. */
export function levelOfKode(kode: string): CatalogueLevel | undefined {
  const k = kode.trim();
  if (!/^(\d+|[Xx]+)(\.(\d+|[Xx]+))*$/.test(k)) return undefined;
  let parts = 1;
  for (let i = 0; i < k.length; i++) if (k.charCodeAt(i) === 46) parts++;
  switch (parts) {
    case 1:
      return "urusan";
    case 2:
      return "bidang";
    case 3:
      return "program";
    case 5:
      return "kegiatan";
    case 6:
      return "subKegiatan";
    default:
      return undefined;
  }
}

/** "U.BB" of a kode ("7.01.02.2.04" -> "7.01"), undefined for a kode shorter than that. */
export function bidangOfKode(kode: string): string | undefined {
  // Up to the second dot, without splitting the whole kode (read for hundreds of rows per table).
  const k = kode.trim();
  const first = k.indexOf(".");
  if (first < 0) return undefined;
  const second = k.indexOf(".", first + 1);
  return second < 0 ? k : k.slice(0, second);
}

/** The penunjang program's part of a kode written with a unit's bidang: "5.02.01.2.02.0001" -> "X.XX.01.2.02.0001". */
function asPenunjang(kode: string): string | undefined {
  const first = kode.indexOf(".");
  const second = first < 0 ? -1 : kode.indexOf(".", first + 1);
  if (second < 0 || kode.slice(second + 1, second + 3) !== "01" || (kode.length > second + 3 && kode[second + 3] !== ".")) return undefined;
  return PENUNJANG_BIDANG + kode.slice(second);
}

/** Whether a kode's third part (its program) is exactly "01", the penunjang program, read without splitting the kode. */
export function isPenunjangProgramKode(kode: string): boolean {
  const first = kode.indexOf(".");
  const second = first < 0 ? -1 : kode.indexOf(".", first + 1);
  if (second < 0 || kode.charCodeAt(second + 1) !== 48 /* 0 */ || kode.charCodeAt(second + 2) !== 49 /* 1 */) return false;
  return kode.length === second + 3 || kode.charCodeAt(second + 3) === 46 /* . */;
}

/** Whether asPenunjang may find a penunjang part (its third part is "01"), tested without building a string. */
function mayBePenunjang(kode: string): boolean {
  const first = kode.indexOf(".");
  const second = first < 0 ? -1 : kode.indexOf(".", first + 1);
  return second >= 0 && kode.charCodeAt(second + 1) === 48 /* 0 */ && kode.charCodeAt(second + 2) === 49 /* 1 */;
}

/** The kewenangan digit K of a kegiatan or sub kegiatan kode (U.BB.PP.K.KK…), undefined for shorter codes. */
function kewenanganOf(kode: string): string | undefined {
  let at = -1;
  for (let n = 0; n < 3; n++) {
    at = kode.indexOf(".", at + 1);
    if (at < 0) return undefined;
  }
  const end = kode.indexOf(".", at + 1);
  return end < 0 ? undefined : kode.slice(at + 1, end);
}

export class Catalogue {
  readonly name: string;
  readonly regulation: string;
  readonly year: number | undefined;
  readonly origin: CatalogueOrigin;
  readonly source: string | undefined;
  readonly entries: readonly NomenclatureEntry[];
  private readonly byKode = new Map<string, NomenclatureEntry>();
  /** "U.BB" with entries of its own (the penunjang X.XX does not make a bidang covered). */
  private readonly bidangs = new Set<string>();
  /** "U.BB|K": which kewenangan (2 kab/kota, 1 provinsi, …) the list holds kegiatan of, per bidang. */
  private readonly kewenangan = new Set<string>();
  private readonly headingNames = new Map<string, string>();
  private index: NameIndex | undefined;
  private readonly written = new Map<string, NomenclatureEntry | null>();
  /** "parent kode|compact name" -> how many of the parent's entries have that name, for names it holds twice or more. */
  private namesakes: Map<string, number> | undefined;
  /**
   * Whether the list is a whole official list: only then may a kode missing from it be reported as not in the
   * nomenclature. The built-in list holds the kecamatan entries DOMAIN.md names, not the whole annex.
   */
  readonly complete: boolean;
  /**
   * Whether any entry gives an indikator with its satuan (1317/2023 does; 3406/2024 and the built-in list do not):
   * without one, target-unit-mismatch need not look up the row's entry at all.
   */
  readonly listsIndicatorUnits: boolean;

  constructor(data: CatalogueData, origin: CatalogueOrigin) {
    this.name = data.name;
    this.regulation = data.regulation;
    this.year = data.year;
    this.origin = origin;
    this.source = data.source;
    this.complete = origin !== "builtin";
    const unverified = new Set(data.unverified ?? []);
    const entries: NomenclatureEntry[] = [];
    let indicatorUnits = false;
    for (const [kode, level, name, kinerja, indikator, satuan] of data.entries) {
      if (indikator && satuan) indicatorUnits = true;
      const entry: NomenclatureEntry = { kode, level, name, regulation: data.regulation };
      if (unverified.has(kode)) entry.verified = false;
      if (kinerja) entry.kinerja = kinerja;
      if (indikator) entry.indikator = indikator;
      if (satuan) entry.satuan = satuan;
      entries.push(entry);
      this.byKode.set(kode, entry);
      const bidang = bidangOfKode(kode);
      if (bidang && bidang !== PENUNJANG_BIDANG) this.bidangs.add(bidang);
      const k = kewenanganOf(kode);
      if (bidang && k) this.kewenangan.add(`${bidang}|${k}`);
    }
    for (const [kode, name] of data.headings ?? []) this.headingNames.set(kode, name);
    this.entries = entries;
    this.listsIndicatorUnits = indicatorUnits;
  }

  /** "Kepmendagri 900.1.15.5-3406/2024, 2025" — the list named as reports name it. */
  get label(): string {
    return this.year !== undefined ? `${this.regulation}, ${this.year}` : this.regulation;
  }

  /** Bidang ("U.BB") the list holds entries of, sorted. */
  coveredBidang(): string[] {
    return [...this.bidangs].sort();
  }

  covers(bidang: string): boolean {
    return this.bidangs.has(bidang);
  }

  /**
   * Whether the list can say a kode exists or not: its bidang is covered and, for a kegiatan or sub kegiatan,
   * the list holds kegiatan of that kewenangan in the bidang (a kab/kota list says nothing of provinsi codes).
   * The penunjang program is covered for every unit when the list has it.
   */
  coversKode(kode: string): boolean {
    const bidang = bidangOfKode(kode);
    if (!bidang) return false;
    const penunjang = asPenunjang(kode);
    if (penunjang && this.byKode.has(`${PENUNJANG_BIDANG}.01`)) {
      const k = kewenanganOf(kode);
      return k === undefined || this.kewenangan.has(`${PENUNJANG_BIDANG}|${k}`);
    }
    if (!this.bidangs.has(bidang)) return false;
    const k = kewenanganOf(kode);
    return k === undefined || this.kewenangan.has(`${bidang}|${k}`);
  }

  /** The entry of a kode as a unit writes it: exact, or the penunjang program's `X.XX.01…` entry. */
  entryByKode(kode: string): NomenclatureEntry | undefined {
    const exact = this.byKode.get(kode);
    if (exact) return exact;
    // A kode the list does not hold (most rows, with a list of another bidang) is settled without a cache: a
    // cache of 100,000 misses cost more than the test. Only a kode with white space or of the penunjang
    // program needs another lookup, and those repeat row after row: they are remembered.
    const first = kode.charCodeAt(0);
    const last = kode.charCodeAt(kode.length - 1);
    const padded = first <= 32 || last <= 32 || first === 0xa0 || last === 0xa0 || first > 0x7f || last > 0x7f;
    if (!padded && !mayBePenunjang(kode)) return undefined;
    const known = this.written.get(kode);
    if (known !== undefined) return known ?? undefined;
    const k = kode.trim();
    const penunjang = asPenunjang(k);
    const found = this.byKode.get(k) ?? (penunjang ? this.byKode.get(penunjang) : undefined);
    if (this.written.size >= 50_000) this.written.clear();
    this.written.set(kode, found ?? null);
    return found;
  }

  /**
   * How many entries under `parentKode` (a unit's kode, or the list's) have this name, compared as duplicate-row
   * compares names (compactNormalizedName), when the list names two or more alike there; else 1. The lists name some
   * sub kegiatan twice under one kegiatan (3406/2024 and 1317/2023 ten pairs each: 2.08.02.2.01.0002 and .0007, …).
   */
  namesakesUnder(parentKode: string, name: string): number {
    if (!this.namesakes) {
      const counts = new Map<string, number>();
      for (const e of this.entries) {
        if (e.level === "program") continue;
        const parent = e.level === "kegiatan" ? e.kode.split(".").slice(0, 3).join(".") : e.kode.slice(0, e.kode.lastIndexOf("."));
        const key = `${parent}|${compact(e.name)}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      this.namesakes = new Map([...counts].filter(([, n]) => n > 1));
    }
    return this.namesakes.get(`${this.listedKode(parentKode)}|${compact(name)}`) ?? 1;
  }

  /** The kode as the list holds it ("5.02.01.2.02" -> "X.XX.01.2.02" when only the penunjang form is listed). */
  listedKode(kode: string): string {
    return this.entryByKode(kode)?.kode ?? kode;
  }

  /** An entry's kode written for a unit of `bidang`: its own entries, or the penunjang program with the unit's bidang. */
  kodeForBidang(entry: NomenclatureEntry, bidang: string): string | undefined {
    const own = bidangOfKode(entry.kode);
    if (own === bidang) return entry.kode;
    // The penunjang program X.XX.01 is the same for every unit (also when a list writes it under one bidang).
    if (isPenunjangProgramKode(entry.kode) && (own === PENUNJANG_BIDANG || !this.byKode.has(`${PENUNJANG_BIDANG}.01`))) {
      return bidang + entry.kode.slice((own ?? "").length);
    }
    return undefined;
  }

  /** Name of an urusan or bidang heading ("5.02" -> "KEUANGAN"), when the list has it. */
  headingName(kode: string): string | undefined {
    return this.headingNames.get(kode);
  }

  private names(): NameIndex {
    return (this.index ??= new NameIndex(this.entries));
  }

  /** The entry most similar to the name, or undefined when none reaches minSimilarity (default 0.5). */
  match(name: string, opts: MatchOptions = {}): NomenclatureMatch | undefined {
    const parentKode = opts.parentKode !== undefined ? this.listedKode(opts.parentKode) : undefined;
    return this.names().match(name, parentKode === opts.parentKode ? opts : { ...opts, parentKode });
  }

  /** The best entry of each level for one name (mapping weighs kegiatan against sub kegiatan by them). */
  matchLevels(name: string, minSimilarity = 0.5): LevelMatches {
    return this.names().matchLevels(name, minSimilarity);
  }

  /**
   * The entry to suggest for a name that is not exactly one of the list's: the best entry of the same level
   * under the parent (or within the bidang), only when it is at least SUGGEST_MIN similar and ahead of the next
   * candidate by SUGGEST_MARGIN. Sibling entries differ by one word ("Formal"/"Nonformal", "TPS"/"TPST") and
   * reach 0.98 similarity to each other, so a name close to two of them suggests neither. The two values are
   * justified by test/domain/nomenclature/suggestion.reallists.test.ts over the real lists.
   */
  suggest(name: string, opts: { level: NomenclatureLevel; under: readonly string[] }): NomenclatureMatch | undefined {
    const ranked: NomenclatureMatch[] = [];
    const seen = new Set<NomenclatureEntry>();
    for (const parent of opts.under) {
      for (const m of this.names().ranked(name, { level: opts.level, parentKode: this.listedKode(parent) })) {
        if (!seen.has(m.entry)) ranked.push(m);
        seen.add(m.entry);
      }
    }
    ranked.sort((a, b) => b.similarity - a.similarity);
    const [best, next] = ranked;
    if (!best || best.similarity < SUGGEST_MIN) return undefined;
    if (next && best.similarity - next.similarity < SUGGEST_MARGIN && compact(next.entry.name) !== compact(best.entry.name)) return undefined;
    return best;
  }

  /** Similarity of a name to one given entry (for a row whose written kode names its entry). */
  similarityToEntry(name: string, entry: NomenclatureEntry): number {
    return this.names().similarityToEntry(name, entry);
  }

  /** The catalogue as stored. */
  toData(): CatalogueData {
    const data: CatalogueData = {
      format: "renja-nomenklatur",
      version: 1,
      name: this.name,
      regulation: this.regulation,
      entries: this.entries.map((e) => {
        const meta = [e.kinerja ?? "", e.indikator ?? "", e.satuan ?? ""];
        while (meta.length > 0 && meta[meta.length - 1] === "") meta.pop();
        return [e.kode, e.level, e.name, ...meta] as CatalogueData["entries"][number];
      }),
    };
    if (this.year !== undefined) data.year = this.year;
    if (this.source !== undefined) data.source = this.source;
    if (this.headingNames.size > 0) data.headings = [...this.headingNames];
    const unverified = this.entries.filter((e) => e.verified === false).map((e) => e.kode);
    if (unverified.length > 0) data.unverified = unverified;
    return data;
  }
}

interface BuiltinJson {
  bidang: string;
  name: string;
  entries: { kode: string; level: string; name: string; regulation: string; verified?: boolean }[];
}

function builtinData(raw: BuiltinJson): CatalogueData {
  const regulations = new Set(raw.entries.map((e) => e.regulation));
  if (regulations.size !== 1) throw new Error(`catalogue ${raw.bidang}: one regulation expected, found ${[...regulations].join(", ")}`);
  return {
    format: "renja-nomenklatur",
    version: 1,
    name: "bawaan-7.01",
    regulation: [...regulations][0],
    headings: [[raw.bidang, raw.name]],
    entries: raw.entries.map((e) => {
      if (e.level !== "program" && e.level !== "kegiatan" && e.level !== "subKegiatan") {
        throw new Error(`catalogue ${raw.bidang}: entry ${e.kode} has unknown level ${e.level}`);
      }
      return [e.kode, e.level, e.name];
    }),
    unverified: raw.entries.filter((e) => e.verified === false).map((e) => e.kode),
  };
}

/** The list that works with no setup: bidang 7.01 (kecamatan), see catalogue-7.01.json. */
export const BUILTIN_CATALOGUE = new Catalogue(builtinData(catalogue701), "builtin");

/** The built-in list's bidang with their entries (kept for the catalogue data tests). */
export interface BidangCatalogue {
  bidang: string;
  name: string;
  entries: readonly NomenclatureEntry[];
}

export const CATALOGUES: readonly BidangCatalogue[] = [
  { bidang: catalogue701.bidang, name: catalogue701.name, entries: BUILTIN_CATALOGUE.entries },
];

/** The entry with exactly this kode in the built-in list. */
export function entryByKode(kode: string): NomenclatureEntry | undefined {
  return BUILTIN_CATALOGUE.entryByKode(kode);
}
