/** Which unit of a SIPD export a Renja is for: --skpd, else the SKPD name or kode in a table's title. */
import { count, msg, text, type MessageRef } from "../messages";
import { normalizeName } from "../nomenclature";
import type { SipdExport, SipdUnit } from "./types";

export type UnitChoice = { unit: SipdUnit; by: "skpd" | "title" | "only" } | { error: MessageRef };

const LISTED = 6;

/** The units a refusal names, as the export writes them, with their kode: "Dinas A (1.02…); Dinas B; … (40)". */
function listOf(units: readonly SipdUnit[]): string {
  const names = units.slice(0, LISTED).map((u) => `${u.name}${u.kode ? ` (${u.kode})` : ""}`);
  return names.join("; ") + (units.length > LISTED ? `; … (${units.length})` : "");
}

/** A whole-word occurrence of `needle` in `hay` (both normalised). */
function containsWords(hay: string, needle: string): boolean {
  return needle !== "" && ` ${hay} `.includes(` ${needle} `);
}

/** The unit --skpd names: by kode, then by the whole name, then by a unique unit whose name holds the words. */
function byQuery(exp: SipdExport, query: string): UnitChoice {
  const q = query.trim();
  const kode = exp.units.filter((u) => u.kode === q);
  if (kode.length === 1) return { unit: kode[0], by: "skpd" };
  const n = normalizeName(q);
  const exact = exp.units.filter((u) => normalizeName(u.name) === n);
  if (exact.length === 1) return { unit: exact[0], by: "skpd" };
  const partial = exp.units.filter((u) => containsWords(normalizeName(u.name), n));
  if (partial.length === 1) return { unit: partial[0], by: "skpd" };
  const shown = partial.length > 1 ? partial : exp.units;
  return { error: msg(partial.length > 1 ? "sipd.unit.ambiguous" : "sipd.unit.notFound", { query: text(q), file: text(exp.file), units: text(listOf(shown)) }) };
}

/** The unit whose name or kode a title holds; the longest name wins (a puskesmas over its dinas). */
function byTitles(exp: SipdExport, titles: readonly string[]): SipdUnit | undefined {
  let best: SipdUnit | undefined;
  let bestLength = 0;
  let tie = false;
  for (const title of titles) {
    const t = normalizeName(title);
    for (const u of exp.units) {
      const name = normalizeName(u.name);
      const hit = (u.kode !== undefined && title.includes(u.kode)) || containsWords(t, name);
      if (!hit) continue;
      const length = u.kode !== undefined && title.includes(u.kode) ? Number.MAX_SAFE_INTEGER : name.length;
      if (length > bestLength) {
        best = u;
        bestLength = length;
        tie = false;
      } else if (length === bestLength && best !== u) tie = true;
    }
  }
  return tie ? undefined : best;
}

export function chooseUnit(exp: SipdExport, opts: { skpd?: string; titles?: readonly string[] }): UnitChoice {
  if (opts.skpd !== undefined && opts.skpd.trim() !== "") return byQuery(exp, opts.skpd);
  const titled = byTitles(exp, opts.titles ?? []);
  if (titled) return { unit: titled, by: "title" };
  if (exp.units.length === 1) return { unit: exp.units[0], by: "only" };
  return { error: msg("sipd.unit.untitled", { file: text(exp.file), n: count(exp.units.length), units: text(listOf(exp.units)) }) };
}
