/** Which nomenclature list(s) a check used, said in every report (human and JSON). */
import { LINE_WIDTH, wrapText } from "./humanReport";
import type { MappedTable } from "../domain/mapping/types";
import { msg, nested, render, text, year, type MessageRef } from "../domain/messages";
import { BUILTIN_CATALOGUE, type Catalogue } from "../domain/nomenclature";
import type { Lang } from "./lang";

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

const ORIGIN: Record<Catalogue["origin"], MessageRef> = {
  builtin: msg("list.origin.builtin", {}),
  stored: msg("list.origin.stored", {}),
  file: msg("list.origin.file", {}),
  bundled: msg("list.origin.bundled", {}),
  browser: msg("list.origin.browser", {}),
};

/**
 * One line per list used ("Nomenklatur: Kepmendagri 900.1.15.5-3406/2024, 2025 (tersimpan: kepmendagri-…)"),
 * wrapped to the report's width like the rest of the human report.
 */
export function catalogueLines(uses: readonly CatalogueUse[], lang: Lang, width = LINE_WIDTH): string {
  if (uses.length === 0) return "";
  return uses
    .map((u) => {
      const line = msg("list.report.line", {
        regulation: text(u.regulation),
        year: nested(u.year !== null ? msg("list.report.year", { year: year(u.year) }) : msg("empty", {})),
        origin: nested(ORIGIN[u.origin]),
        name: text(u.name),
        sheets: nested(uses.length > 1 ? msg("list.report.sheets", { sheets: text(u.sheets.join(", ")) }) : msg("empty", {})),
      });
      return wrapText(render(line, lang), width, "", "  ").map((l) => `${l}\n`).join("");
    })
    .join("");
}
