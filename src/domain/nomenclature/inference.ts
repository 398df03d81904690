/**
 * What the catalogue in use says about the plan rows of one table: each row's entry (by its written kode, else by
 * its name), and the kode of a row without one when the match is confident — for any bidang the list covers, the
 * penunjang program `X.XX.01…` written with the table's own bidang. Mapping calls this once per table.
 */
import type { MappedRow } from "../mapping/types";
import { PENUNJANG_BIDANG, bidangOfKode, isPenunjangProgramKode, type Catalogue, type NomenclatureEntry } from "./catalogue";
import type { LevelMatches, NomenclatureMatch } from "./match";

/** A name match at least this close sets the row's kode (with kodeInferred). */
export const INFER_KODE = 0.85;
const CATALOGUE_MIN = 0.5;

/**
 * The bidang a table's rows belong to: from written kodes (or kodes inferred before), else from confident
 * catalogue matches outside the penunjang program (which every unit has, and so says nothing of the bidang).
 */
export function tableBidangOf(rows: readonly MappedRow[], matches?: () => Map<number, LevelMatches>): string | undefined {
  const votes = new Map<string, number>();
  let seen = 0;
  // Indexed loops over the rows here and below: once per table, mostly unoptimised, where a for…of allocates an
  // iterator result per row.
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!r.kode) continue;
    const b = bidangOfKode(r.kode);
    if (b && b !== PENUNJANG_BIDANG) votes.set(b, (votes.get(b) ?? 0) + (r.kodeInferred ? 1 : 10));
    // a sample settles the bidang of a long table
    if (++seen >= 500) break;
  }
  if (votes.size === 0) {
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (r.level !== "program" && r.level !== "kegiatan") continue;
      // while mapping: the row's matches; afterwards: the entry mapping attached
      const m = matches ? matches().get(r.row)?.[r.level] : r.catalogue && { kode: r.catalogue.kode, similarity: r.catalogue.similarity };
      const kode = m && "entry" in m ? m.entry.kode : m?.kode;
      if (!m || kode === undefined || m.similarity < INFER_KODE || isPenunjangProgramKode(kode)) continue;
      const b = bidangOfKode(kode);
      if (b && b !== PENUNJANG_BIDANG) votes.set(b, (votes.get(b) ?? 0) + 1);
    }
  }
  let best: string | undefined;
  let n = 0;
  for (const [b, v] of votes) if (v > n) [best, n] = [b, v];
  return best;
}

/** The better of two matches; `a` wins ties. */
function better(a: NomenclatureMatch | undefined, b: NomenclatureMatch | undefined): NomenclatureMatch | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.similarity > a.similarity ? b : a;
}

/**
 * Sets `catalogue` on every plan row the list knows, and `kode` (kodeInferred) on rows without one whose name
 * matches confidently and fits the parent. `matchesOf`: each row's best entry per level, as mapping read it
 * with the row's facts (a function, so a table whose rows all have a written kode builds no index of them).
 */
export function attachCatalogueEntries(rows: MappedRow[], catalogue: Catalogue, matchesOf: () => Map<number, LevelMatches>): void {
  let matchIndex: Map<number, LevelMatches> | undefined;
  const matches = () => (matchIndex ??= matchesOf());
  const bidang = tableBidangOf(rows, matches);
  let rowIndex: Map<number, MappedRow> | undefined;
  const byRow = () => (rowIndex ??= new Map(rows.map((r) => [r.row, r])));
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.level !== "program" && r.level !== "kegiatan" && r.level !== "subKegiatan") continue;
    let entry: NomenclatureEntry | undefined;
    let similarity = 0;
    const written = r.kode && !r.kodeInferred ? catalogue.entryByKode(r.kode) : undefined;
    if (written) {
      entry = written;
      similarity = catalogue.similarityToEntry(r.uraian, written);
    } else if (!r.kode) {
      const parent = r.parentRow !== undefined ? byRow().get(r.parentRow) : undefined;
      const parentKode = parent?.kode && catalogue.entryByKode(parent.kode) ? parent.kode : undefined;
      let anywhere = matches().get(r.row)?.[r.level];
      // the best match may be a same-named entry of another bidang: look again within the table's bidang
      if (anywhere && bidang && !parentKode && catalogue.kodeForBidang(anywhere.entry, bidang) === undefined) {
        const opts = { level: r.level, minSimilarity: CATALOGUE_MIN };
        anywhere = better(catalogue.match(r.uraian, { ...opts, parentKode: bidang }), catalogue.match(r.uraian, { ...opts, parentKode: PENUNJANG_BIDANG })) ?? anywhere;
      }
      const underParent = parentKode && anywhere ? catalogue.match(r.uraian, { level: r.level, parentKode, minSimilarity: CATALOGUE_MIN }) : undefined;
      const m = underParent && (!anywhere || underParent.similarity >= anywhere.similarity - 0.02) ? underParent : anywhere;
      if (m) {
        entry = m.entry;
        similarity = m.similarity;
        const kode = bidang ? catalogue.kodeForBidang(m.entry, bidang) : undefined;
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
