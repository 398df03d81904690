/**
 * Parent links (kegiatan -> program, sub kegiatan -> kegiatan), the catalogue entry of each plan row, and a kode
 * inferred from the catalogue when the KODE column is empty and the match is confident.
 */
import { bidangOfKode, entryByKode, matchNomenclature, similarityToEntry, type LevelMatches, type NomenclatureEntry } from "../nomenclature";
import type { MappedRow } from "./types";

const INFER_KODE = 0.85;
const CATALOGUE_MIN = 0.5;

export function linkParents(rows: MappedRow[]): void {
  let program: MappedRow | undefined;
  let kegiatan: MappedRow | undefined;
  for (const r of rows) {
    r.parentRow = undefined;
    if (r.level === "program") {
      program = r;
      kegiatan = undefined;
    } else if (r.level === "kegiatan") {
      r.parentRow = program?.row;
      kegiatan = r;
    } else if (r.level === "subKegiatan") {
      r.parentRow = kegiatan?.row;
    } else if (r.level === "urusan" || r.level === "bidang" || r.level === "total") {
      program = undefined;
      kegiatan = undefined;
    }
  }
}

/** The bidang the table belongs to: from written kodes, else from confident catalogue matches outside X.XX.01. */
function tableBidang(rows: MappedRow[], matches: () => Map<number, LevelMatches>): string | undefined {
  const votes = new Map<string, number>();
  let seen = 0;
  for (const r of rows) {
    if (!r.kode || r.kodeInferred) continue;
    const b = bidangOfKode(r.kode);
    if (b) votes.set(b, (votes.get(b) ?? 0) + 10);
    // a sample settles the bidang of a long table
    if (++seen >= 500) break;
  }
  if (votes.size === 0) {
    for (const r of rows) {
      if (r.level !== "program" && r.level !== "kegiatan") continue;
      const m = matches().get(r.row)?.[r.level];
      if (!m || m.similarity < INFER_KODE) continue;
      // every unit has its own X.XX.01 support program: it says nothing about the bidang
      if (m.entry.kode.split(".")[2] !== "01") {
        const b = bidangOfKode(m.entry.kode);
        if (b) votes.set(b, (votes.get(b) ?? 0) + 1);
      }
    }
  }
  let best: string | undefined;
  let n = 0;
  for (const [b, v] of votes) if (v > n) [best, n] = [b, v];
  return best;
}

/** The catalogue kode written with the table's bidang (the support program X.XX.01 is the same for every unit). */
function kodeForBidang(entry: NomenclatureEntry, bidang: string): string | undefined {
  const parts = entry.kode.split(".");
  if (`${parts[0]}.${parts[1]}` === bidang) return entry.kode;
  if (parts[2] === "01") return [bidang, ...parts.slice(2)].join(".");
  return undefined;
}

/**
 * `matchesOf`: each row's best catalogue entry per level, as read with its facts (rows with a written kode have
 * none). A function, so that a table whose rows all have a written kode builds no index of them.
 */
export function attachCatalogue(rows: MappedRow[], useCatalogue: boolean, matchesOf: () => Map<number, LevelMatches>): void {
  if (!useCatalogue) return;
  let matchIndex: Map<number, LevelMatches> | undefined;
  const matches = () => (matchIndex ??= matchesOf());
  const bidang = tableBidang(rows, matches);
  let rowIndex: Map<number, MappedRow> | undefined;
  const byRow = () => (rowIndex ??= new Map(rows.map((r) => [r.row, r])));
  for (const r of rows) {
    if (r.level !== "program" && r.level !== "kegiatan" && r.level !== "subKegiatan") continue;
    let entry: NomenclatureEntry | undefined;
    let similarity = 0;
    const written = r.kode && !r.kodeInferred ? entryByKode(r.kode) : undefined;
    if (written) {
      entry = written;
      similarity = similarityToEntry(r.uraian, written);
    } else if (!r.kode) {
      const parent = r.parentRow !== undefined ? byRow().get(r.parentRow) : undefined;
      const parentKode = parent?.kode && entryByKode(parent.kode) ? parent.kode : undefined;
      const anywhere = matches().get(r.row)?.[r.level];
      const underParent = parentKode && anywhere ? matchNomenclature(r.uraian, { level: r.level, parentKode, minSimilarity: CATALOGUE_MIN }) : undefined;
      const m = underParent && (!anywhere || underParent.similarity >= anywhere.similarity - 0.02) ? underParent : anywhere;
      if (m) {
        entry = m.entry;
        similarity = m.similarity;
        const kode = bidang ? kodeForBidang(m.entry, bidang) : undefined;
        const fitsParent = !parent?.kode || (kode !== undefined && kode.startsWith(parent.kode + "."));
        if (kode && m.similarity >= INFER_KODE && fitsParent) {
          r.kode = kode;
          r.kodeInferred = true;
        }
      }
    }
    if (entry) r.catalogue = { kode: entry.kode, name: entry.name, similarity, regulation: entry.regulation };
  }
}

