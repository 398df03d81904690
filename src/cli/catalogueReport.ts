/** Which nomenclature list(s) a check used, said in every report (human and JSON). */
import { LINE_WIDTH, wrapText } from "./humanReport";
import type { MappedTable } from "../domain/mapping/types";
import { BUILTIN_CATALOGUE, type Catalogue } from "../domain/nomenclature";
import type { Lang } from "./lang";

/** 3468 -> "3.468" (Indonesian grouping). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

export interface CatalogueUse {
  name: string;
  regulation: string;
  year: number | null;
  origin: Catalogue["origin"];
  /** The sheets whose tables used it. */
  sheets: string[];
}

export function cataloguesUsed(tables: readonly MappedTable[]): CatalogueUse[] {
  const byList = new Map<Catalogue, CatalogueUse>();
  for (const t of tables) {
    const c = t.nomenclature ?? BUILTIN_CATALOGUE;
    const use = byList.get(c) ?? { name: c.name, regulation: c.regulation, year: c.year ?? null, origin: c.origin, sheets: [] };
    if (!use.sheets.includes(t.sheet)) use.sheets.push(t.sheet);
    byList.set(c, use);
  }
  return [...byList.values()];
}

const ORIGIN: Record<Catalogue["origin"], { id: string; en: string }> = {
  builtin: { id: "bawaan, hanya bidang 7.01", en: "built in, bidang 7.01 only" },
  stored: { id: "tersimpan", en: "stored" },
  file: { id: "berkas", en: "file" },
  bundled: { id: "dari add-in", en: "bundled" },
  browser: { id: "dimuat di peramban", en: "loaded in the browser" },
};

/** One line per list: "Nomenklatur: Kepmendagri 900.1.15.5-3406/2024, 2025 (tersimpan: kepmendagri-…)". */
/** One line per list used, wrapped to the report's width like the rest of the human report. */
export function catalogueLines(uses: readonly CatalogueUse[], lang: Lang, width = LINE_WIDTH): string {
  if (uses.length === 0) return "";
  const label = lang === "en" ? "Nomenclature" : "Nomenklatur";
  return uses
    .map((u) => {
      const year = u.year !== null ? `, ${u.year}` : "";
      const sheets = uses.length > 1 ? ` — ${u.sheets.join(", ")}` : "";
      return wrapText(`${label}: ${u.regulation}${year} (${ORIGIN[u.origin][lang]}: ${u.name})${sheets}`, width, "", "  ").map((l) => `${l}\n`).join("");
    })
    .join("");
}
