/**
 * The machine-readable nomenclature lists in ../shared/data/nomenclature (third-party extracts: read from there,
 * never copied into the repository). Tests that need them skip, saying why, when the folder is absent.
 */
import * as fs from "fs";
import * as path from "path";
import { Catalogue } from "../../src/domain/nomenclature";
import { importList, splitDelimited, type ImportOptions } from "../../src/domain/nomenclature/importList";
import { render } from "../../src/domain/messages";

export const NOMENCLATURE_DIR = process.env.RENJA_NOMENCLATURE_DIR ?? path.resolve(__dirname, "..", "..", "..", "shared", "data", "nomenclature");

export const LIST_3406 = "nomenklatur_kabkota_kepmendagri-900.1.15.5-3406-2024__unhasy.tsv";
export const LIST_1317 = "nomenklatur_kabkota_kepmendagri-900.1.15.5-1317-2023_sipd2024__alatbantu.tsv";
export const LIST_SIPD_2024 = "subkegiatan_kabkota_sipd-ri-2024__bpkadkabburu.tsv";
export const LIST_2DIGIT = "nomenklatur_2digit_permendagri-90-2019_kep-050-3708-2020__simcan.tsv";
export const LIST_DERIVED = "DERIVED_kabkota_3406-2024_codes_with_1317-2023_metadata.tsv";

export const hasNomenclatureData = fs.existsSync(path.join(NOMENCLATURE_DIR, LIST_3406));

if (!hasNomenclatureData) {
  process.stderr.write(`Catatan: ${NOMENCLATURE_DIR} tidak ada; uji atas daftar nomenklatur resmi dilewati.\nNote: ${NOMENCLATURE_DIR} is absent; tests over the official nomenclature lists are skipped.\n`);
}

/** describe, or describe.skip when the lists are absent. */
export const describeWithLists = (name: string, fn: () => void): void => (hasNomenclatureData ? describe : describe.skip)(name, fn);

export function listPath(file: string): string {
  return path.join(NOMENCLATURE_DIR, file);
}

const cache = new Map<string, Catalogue>();

export function loadList(file: string, opts: ImportOptions = {}): Catalogue {
  const key = `${file}|${JSON.stringify(opts)}`;
  const known = cache.get(key);
  if (known) return known;
  const result = importList(splitDelimited(fs.readFileSync(listPath(file), "utf8")), { fileName: file, ...opts });
  if (!result.ok) throw new Error(`${file}: ${result.errors.map((e) => render(e.message, "en")).join(" ")}`);
  const c = new Catalogue(result.data, "stored");
  cache.set(key, c);
  return c;
}
