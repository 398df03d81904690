/**
 * nomenclature-mismatch: a program, kegiatan or sub kegiatan name that matches the catalogue only fuzzily
 * ("Keutentraman" for "Ketenteraman", "Triwulan" for "Triwulanan"). The finding names the entry, its kode,
 * regulation and the similarity, and suggests the catalogue name. The list used is the table's (mapping chose it
 * by the plan year); every message names it.
 * - A row whose kode the user wrote is compared with THAT kode's entry (a kode/name disagreement), whatever the
 *   similarity; a kode missing from a whole official list that covers its bidang is reported too (the built-in
 *   list is not whole: it names no kode as missing).
 * - Otherwise the name is compared with the entries of its level under its parent (or within the table's bidang
 *   and the penunjang program): a suggestion only when Catalogue.suggest finds one clearly best entry, and, with a
 *   list that is not whole, not for a name that holds the entry's words and more (see extendsName).
 * - A table whose bidang the list does not cover gets one info saying its names and kodes were not checked.
 * Names equal after the matcher's normalisation and without spaces are an exact match: case, punctuation and
 * spacing ("DokumenRKA-SKPD", "Perundang- undangan", mostly Word line-wrap artefacts) are not slips of the name.
 */
import type { Finding } from "../findings";
import type { MappedRow } from "../mapping/types";
import { isPlanLevel } from "../mapping/tree";
import { BUILTIN_CATALOGUE, PENUNJANG_BIDANG, SUGGEST_MIN, bidangOfKode, normalizeName, type Catalogue, type NomenclatureEntry } from "../nomenclature";
import { STOPWORDS, tokensOf } from "../nomenclature/normalize";
import { tableBidangOf } from "../nomenclature/inference";
import { prepareName, similarityOf } from "../nomenclature/similarity";
import { severityFor } from "../analysis/describe";
import type { Rule, RuleMeta } from "./types";
import { LEVEL_NAME, compactName, nameCell, quoteName, rowMap, writtenKode } from "./content-support/tableCells";
import Decimal from "decimal.js";
import { msg, nested, percent, text } from "../messages";

const meta: RuleMeta = {
  id: "nomenclature-mismatch",
  severity: "warning",
  description: msg("rule.description.nomenclature-mismatch", {}),
};

export interface NomenclatureMismatchConfig {
  /** Below this similarity a best match is too doubtful to call the name a slip of it. */
  minSimilarity: number;
}

export const DEFAULT_NOMENCLATURE_CONFIG: NomenclatureMismatchConfig = { minSimilarity: SUGGEST_MIN };

function nameSimilarity(a: string, b: string): number {
  return similarityOf(prepareName(normalizeName(a)), prepareName(normalizeName(b)));
}

/** 93 (shown "93%"): never 100 for names that are not equal. */
function similarityPercent(similarity: number): ReturnType<typeof percent> {
  return percent(new Decimal(Math.min(99, Math.floor(similarity * 100))), 0);
}

type Draft = Pick<Finding, "message"> & Partial<Finding>;

export function createNomenclatureMismatchRule(config: Partial<NomenclatureMismatchConfig> = {}): Rule {
  const { minSimilarity } = { ...DEFAULT_NOMENCLATURE_CONFIG, ...config };
  return {
    meta,
    check(workbook, options) {
      const severity = severityFor(meta, options);
      const findings: Finding[] = [];
      for (const table of workbook.tables) {
        const catalogue = table.nomenclature ?? BUILTIN_CATALOGUE;
        const push = (row: MappedRow, f: Draft, at: "kode" | "uraian" = "uraian", sev = severity) => {
          const { cell, role } = nameCell(table, row, at);
          findings.push({ rule: meta.id, severity: sev, sheet: table.sheet, cell, row: row.row, role, ...f });
        };
        const bidang = tableBidangOf(table.rows);
        const uncovered = new Map<string, MappedRow>();
        let unplaced: MappedRow | undefined;
        let byRow: Map<number, MappedRow> | undefined;
        // An indexed loop: an unoptimised for…of (a rule runs once per table) allocates per row.
        for (let ir = 0; ir < table.rows.length; ir++) {
          const row = table.rows[ir];
          if (!isPlanLevel(row.level) || row.uraian.trim() === "") continue;
          const kode = writtenKode(row);
          if (kode !== undefined) {
            if (!catalogue.coversKode(kode)) {
              const b = bidangOfKode(kode);
              if (b && !uncovered.has(b)) uncovered.set(b, row);
              continue;
            }
            const entry = catalogue.entryByKode(kode);
            if (entry) {
              // equal texts have equal compact forms: most rows write the list's name as it is
              if (row.uraian !== entry.name && compactName(row.uraian) !== compactName(entry.name)) push(row, kodeNameDisagreement(row, kode, entry, catalogue));
            } else if (catalogue.complete) {
              push(row, unknownKode(row, kode, catalogue), "kode");
            }
            continue;
          }
          if (bidang === undefined) {
            unplaced ??= row;
            continue;
          }
          if (!catalogue.covers(bidang)) {
            if (!uncovered.has(bidang)) uncovered.set(bidang, row);
            continue;
          }
          if (row.catalogue && (row.uraian === row.catalogue.name || compactName(row.uraian) === compactName(row.catalogue.name))) continue;
          byRow ??= rowMap(table);
          const parentKode = row.parentRow !== undefined ? byRow.get(row.parentRow)?.kode : undefined;
          const under = parentKode && catalogue.entryByKode(parentKode) ? [parentKode] : [bidang, PENUNJANG_BIDANG];
          const match = catalogue.suggest(row.uraian, { level: row.level as NomenclatureEntry["level"], under });
          if (!match || match.similarity < minSimilarity || compactName(row.uraian) === compactName(match.entry.name)) continue;
          if (!catalogue.complete && extendsName(row.uraian, match.entry.name)) continue;
          const written = catalogue.kodeForBidang(match.entry, bidang) ?? match.entry.kode;
          push(row, {
            valueKind: "text",
            actual: row.uraian,
            expected: match.entry.name,
            suggestion: { value: match.entry.name, reason: msg("nomenclature.reason", { kode: text(written), regulation: text(catalogue.regulation) }) },
            message: msg("nomenclature.similar", {
              name: text(quoteName(row.uraian)),
              percent: similarityPercent(match.similarity),
              entry: text(match.entry.name),
              kode: text(written),
              regulation: text(catalogue.regulation),
            }),
          });
        }
        for (const [b, row] of uncovered) push(row, notCovered(b, catalogue), "uraian", "info");
        if (unplaced && uncovered.size === 0) push(unplaced, unknownBidang(catalogue), "uraian", "info");
      }
      return findings;
    },
  };
}

/**
 * Whether `name` holds every word of `entry` and more (stopwords aside). Against a list that is not whole (the
 * built-in one) such a name is no slip of the entry to call: the lists hold longer names beside shorter ones as
 * entries of their own — 3406/2024 has 123 such sibling pairs, among them the support program's
 * X.XX.01.2.07.0011 "Pengadaan Sarana dan Prasarana Pendukung Gedung Kantor …" beside .0010 and .0009, which the
 * built-in list holds without .0011. A name short of the entry's words stays a finding ("Pembangunan Sarana dan
 * Prasarana" for "… Kelurahan"): that is how staff shorten names.
 */
function extendsName(name: string, entry: string): boolean {
  const words = new Set(significantWords(name));
  const entryWords = significantWords(entry);
  return entryWords.length < words.size && entryWords.every((w) => words.has(w));
}

function significantWords(name: string): string[] {
  return tokensOf(normalizeName(name)).filter((w) => !STOPWORDS.has(w));
}

function coveredList(catalogue: Catalogue): string {
  const bidang = catalogue.coveredBidang();
  return bidang.length <= 6 ? bidang.join(", ") : `${bidang.length} bidang`;
}

function notCovered(bidang: string, catalogue: Catalogue): Draft {
  return {
    valueKind: "text",
    actual: bidang,
    message: msg("nomenclature.noBidang", { bidang: text(bidang), label: text(catalogue.label), covered: text(coveredList(catalogue)) }),
  };
}

function unknownBidang(catalogue: Catalogue): Draft {
  return {
    message: msg("nomenclature.noKode", { label: text(catalogue.label), covered: text(coveredList(catalogue)) }),
  };
}

function kodeNameDisagreement(row: MappedRow, kode: string, entry: NomenclatureEntry, catalogue: Catalogue): Draft {
  const similarity = nameSimilarity(row.uraian, entry.name);
  // When the name fits another entry better, the kode may be the slip rather than the name.
  const other = row.catalogue && row.catalogue.kode !== kode && row.catalogue.similarity > similarity ? row.catalogue : undefined;
  const hint = other
    ? msg("nomenclature.hintOther", { name: text(other.name), kode: text(other.kode), percent: similarityPercent(other.similarity) })
    : msg("empty", {});
  return {
    valueKind: "text",
    actual: row.uraian,
    expected: entry.name,
    suggestion: { value: entry.name, reason: msg("nomenclature.reason", { kode: text(kode), regulation: text(catalogue.regulation) }) },
    message: msg("nomenclature.nameDiffers", {
      name: text(quoteName(row.uraian)),
      kode: text(kode),
      entry: text(entry.name),
      regulation: text(catalogue.regulation),
      percent: similarityPercent(similarity),
      hint: nested(hint),
    }),
  };
}

function unknownKode(row: MappedRow, kode: string, catalogue: Catalogue): Draft {
  const lvl = LEVEL_NAME[row.level];
  const best = row.catalogue;
  const hint = best ? msg("nomenclature.hintClosest", { name: text(best.name), kode: text(best.kode) }) : msg("empty", {});
  return {
    valueKind: "text",
    actual: kode,
    message: msg("nomenclature.unknownKode", {
      level: nested(lvl),
      kode: text(kode),
      bidang: text(bidangOfKode(kode) ?? ""),
      label: text(catalogue.label),
      hint: nested(hint),
    }),
  };
}

export const rule: Rule = createNomenclatureMismatchRule();
