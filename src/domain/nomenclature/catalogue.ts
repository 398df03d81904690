/**
 * The nomenclature catalogue: programs, kegiatan and sub kegiatan per bidang, as data (one JSON file per bidang,
 * each entry tagged by the regulation it comes from). Adding a bidang = adding a JSON file and one import below.
 */
import catalogue701 from "./catalogue-7.01.json";

export type NomenclatureLevel = "program" | "kegiatan" | "subKegiatan";

export interface NomenclatureEntry {
  kode: string;
  level: NomenclatureLevel;
  name: string;
  /** The regulation the entry comes from, e.g. "Kepmendagri 900.1.15.5-1317/2023". */
  regulation: string;
  /** false when the source document marks the entry UNVERIFIED (not checked against the regulation's annex). */
  verified?: boolean;
}

export interface BidangCatalogue {
  /** "U.BB", e.g. "7.01". */
  bidang: string;
  name: string;
  note?: string;
  entries: NomenclatureEntry[];
}

function asCatalogue(raw: { bidang: string; name: string; note?: string; entries: { kode: string; level: string; name: string; regulation: string; verified?: boolean }[] }): BidangCatalogue {
  return {
    bidang: raw.bidang,
    name: raw.name,
    note: raw.note,
    entries: raw.entries.map((e) => {
      if (e.level !== "program" && e.level !== "kegiatan" && e.level !== "subKegiatan") {
        throw new Error(`catalogue ${raw.bidang}: entry ${e.kode} has unknown level ${e.level}`);
      }
      const entry: NomenclatureEntry = { kode: e.kode, level: e.level, name: e.name, regulation: e.regulation };
      if (e.verified !== undefined) entry.verified = e.verified;
      return entry;
    }),
  };
}

export const CATALOGUES: readonly BidangCatalogue[] = [asCatalogue(catalogue701)];

/** Level a kode denotes by its number of parts: U.BB.PP program, U.BB.PP.K.KK kegiatan, 6 parts sub kegiatan. */
export function levelOfKode(kode: string): NomenclatureLevel | "urusan" | "bidang" | undefined {
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

let byKode: Map<string, NomenclatureEntry> | undefined;

/** The entry with exactly this kode, in any catalogue. */
export function entryByKode(kode: string): NomenclatureEntry | undefined {
  if (!byKode) {
    byKode = new Map();
    for (const c of CATALOGUES) for (const e of c.entries) byKode.set(e.kode, e);
  }
  return byKode.get(kode.trim());
}
