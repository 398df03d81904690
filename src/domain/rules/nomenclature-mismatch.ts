/**
 * nomenclature-mismatch: a program, kegiatan or sub kegiatan name that matches the catalogue only fuzzily
 * ("Keutentraman" for "Ketenteraman", "Triwulan" for "Triwulanan"). The finding names the best entry, its kode,
 * regulation and the similarity, and suggests the catalogue name.
 * - A row whose kode the user wrote is compared with THAT kode's entry (a kode/name disagreement), whatever the
 *   similarity; a program or kegiatan kode missing from a catalogue that covers its bidang is reported too
 *   (sub kegiatan lists in the catalogue are not complete enough to say a sub kegiatan kode does not exist).
 * - Otherwise the mapping's best match (row.catalogue) is used, when its similarity lies between
 *   `minSimilarity` (below it the match itself is doubtful) and an exact match.
 * Names equal after the matcher's normalisation and without spaces are an exact match: case, punctuation and
 * spacing ("DokumenRKA-SKPD", "Perundang- undangan", mostly Word line-wrap artefacts) are not slips of the name.
 */
import type { Finding } from "../findings";
import type { MappedRow, MappedTable } from "../mapping/types";
import { isPlanLevel } from "../mapping/tree";
import { CATALOGUES, bidangOfKode, entryByKode, normalizeName, type NomenclatureEntry } from "../nomenclature";
import { prepareName, similarityOf } from "../nomenclature/similarity";
import { severityFor } from "../analysis/describe";
import type { Rule, RuleMeta } from "./types";
import { LEVEL_NAME, compactName, nameCell, quoteName, writtenKode } from "./content-support/tableCells";

const meta: RuleMeta = {
  id: "nomenclature-mismatch",
  severity: "warning",
  description: {
    id: "Nama program/kegiatan/sub kegiatan hanya mirip (tidak sama) dengan nomenklatur, atau tidak sesuai dengan kodenya.",
    en: "A program/activity/sub-activity name that matches the nomenclature catalogue only approximately, or does not fit its kode.",
  },
};

export interface NomenclatureMismatchConfig {
  /** Below this similarity a best match is too doubtful to call the name a slip of it. */
  minSimilarity: number;
}

export const DEFAULT_NOMENCLATURE_CONFIG: NomenclatureMismatchConfig = { minSimilarity: 0.6 };

function nameSimilarity(a: string, b: string): number {
  return similarityOf(prepareName(normalizeName(a)), prepareName(normalizeName(b)));
}

/** "93%": never 100% for names that are not equal. */
function percent(similarity: number): string {
  return `${Math.min(99, Math.floor(similarity * 100))}%`;
}

function catalogueCovers(kode: string): boolean {
  const bidang = bidangOfKode(kode);
  return bidang !== undefined && CATALOGUES.some((c) => c.bidang === bidang);
}

export function createNomenclatureMismatchRule(config: Partial<NomenclatureMismatchConfig> = {}): Rule {
  const { minSimilarity } = { ...DEFAULT_NOMENCLATURE_CONFIG, ...config };
  return {
    meta,
    check(workbook, options) {
      const severity = severityFor(meta, options);
      const findings: Finding[] = [];
      const push = (table: MappedTable, row: MappedRow, f: Pick<Finding, "message"> & Partial<Finding>, at: "kode" | "uraian" = "uraian") => {
        const { cell, role } = nameCell(table, row, at);
        findings.push({ rule: meta.id, severity, sheet: table.sheet, cell, row: row.row, role, ...f });
      };
      for (const table of workbook.tables) {
        for (const row of table.rows) {
          if (!isPlanLevel(row.level) || row.uraian.trim() === "") continue;
          const kode = writtenKode(row);
          if (kode !== undefined) {
            const entry = entryByKode(kode);
            if (entry) {
              if (compactName(row.uraian) !== compactName(entry.name)) push(table, row, kodeNameDisagreement(row, kode, entry));
            } else if ((row.level === "program" || row.level === "kegiatan") && catalogueCovers(kode)) {
              push(table, row, unknownKode(row, kode), "kode");
            }
            continue;
          }
          const match = row.catalogue;
          if (!match || match.similarity < minSimilarity || compactName(row.uraian) === compactName(match.name)) continue;
          push(table, row, {
            actual: row.uraian,
            expected: match.name,
            suggestion: { value: match.name, reason: `nomenklatur ${match.kode} (${match.regulation})` },
            message: {
              id: `${quoteName(row.uraian)} mirip ${percent(match.similarity)} dengan '${match.name}' (${match.kode}, ${match.regulation}); gunakan nama sesuai nomenklatur.`,
              en: `${quoteName(row.uraian)} is ${percent(match.similarity)} similar to '${match.name}' (${match.kode}, ${match.regulation}); use the catalogue name.`,
            },
          });
        }
      }
      return findings;
    },
  };
}

function kodeNameDisagreement(row: MappedRow, kode: string, entry: NomenclatureEntry): Pick<Finding, "message"> & Partial<Finding> {
  const similarity = nameSimilarity(row.uraian, entry.name);
  // When the name fits another entry better, the kode may be the slip rather than the name.
  const other = row.catalogue && row.catalogue.kode !== kode && row.catalogue.similarity > similarity ? row.catalogue : undefined;
  const hint = other
    ? {
        id: ` Nama ini lebih mirip '${other.name}' (${other.kode}, ${percent(other.similarity)}): periksa kodenya.`,
        en: ` The name fits '${other.name}' (${other.kode}, ${percent(other.similarity)}) better: check the kode.`,
      }
    : { id: "", en: "" };
  return {
    actual: row.uraian,
    expected: entry.name,
    suggestion: { value: entry.name, reason: `nomenklatur ${kode} (${entry.regulation})` },
    message: {
      id: `Nama ${quoteName(row.uraian)} tidak sama dengan nomenklatur kode ${kode}: '${entry.name}' (${entry.regulation}; mirip ${percent(similarity)}).${hint.id}`,
      en: `Name ${quoteName(row.uraian)} differs from the nomenclature of kode ${kode}: '${entry.name}' (${entry.regulation}; ${percent(similarity)} similar).${hint.en}`,
    },
  };
}

function unknownKode(row: MappedRow, kode: string): Pick<Finding, "message"> & Partial<Finding> {
  const lvl = LEVEL_NAME[row.level];
  const best = row.catalogue;
  const hint = best
    ? { id: ` Nama paling mirip '${best.name}' (${best.kode}).`, en: ` The name is closest to '${best.name}' (${best.kode}).` }
    : { id: "", en: "" };
  return {
    actual: kode,
    message: {
      id: `Kode ${lvl.id} ${kode} tidak ada dalam nomenklatur bidang ${bidangOfKode(kode) ?? ""}.${hint.id}`,
      en: `The ${lvl.en} kode ${kode} is not in the nomenclature of bidang ${bidangOfKode(kode) ?? ""}.${hint.en}`,
    },
  };
}

export const rule: Rule = createNomenclatureMismatchRule();
