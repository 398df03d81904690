/**
 * What a narrative sentence states about a table: counts of programs, kegiatan and sub kegiatan
 * ("5 program dan 15 kegiatan dan 37 sub kegiatan", "6 (enam) program", "lima belas kegiatan") and a pagu total
 * ("dengan pagu indikatif Rp. 4.990.894.675,-").
 */
import type { MappedTable, MappedWorkbook, NarrativeCell } from "../mapping/types";
import type { AmountReading } from "../numbers";
import { parseAmountText } from "../numbers";
import { parseNumberWords } from "./numberWords";

export type CountedLevel = "program" | "kegiatan" | "subKegiatan";

export interface StatedCount {
  level: CountedLevel;
  count: number;
  /** The words as written ("37 sub kegiatan"). */
  text: string;
}

export interface StatedAmount {
  reading: AmountReading;
  text: string;
}

export interface Statements {
  counts: StatedCount[];
  total?: StatedAmount;
}

const LEVEL_WORD = /(sub[\s-]*kegiatan|kegiatan|program)\b/gi;
/** Words that make the Rp amount after them a budget, and words that make it something else. */
const BUDGET_WORD = /\b(pagu|anggaran|dana|belanja)\b/gi;
const OTHER_WORD = /\b(realisasi|sisa|capaian|serapan|silpa)\b/gi;
const AMOUNT = /Rp\.?\s*(\d(?:[\d.,]*\d)?)(?:,-)?/gi;

export function readStatements(text: string): Statements {
  const counts: StatedCount[] = [];
  for (const m of text.matchAll(LEVEL_WORD)) {
    const level: CountedLevel = /^sub/i.test(m[1]) ? "subKegiatan" : m[1].toLowerCase() === "kegiatan" ? "kegiatan" : "program";
    const before = countBefore(text.slice(0, m.index));
    if (!before || counts.some((c) => c.level === level)) continue;
    counts.push({ level, count: before.count, text: `${before.text} ${m[1]}`.replace(/\s+/g, " ") });
  }
  return { counts, total: statedBudget(text) };
}

/** The count written just before a level word: digits, number words, or both ("6 (enam)"). */
function countBefore(prefix: string): { count: number; text: string } | undefined {
  let rest = prefix.replace(/\s+$/, "");
  let paren: string | undefined;
  const p = /\(([^()]{1,40})\)$/.exec(rest);
  if (p) {
    paren = p[0];
    rest = rest.slice(0, p.index).replace(/\s+$/, "");
  }
  const digits = /(?:^|[^\d.,])(\d{1,3})$/.exec(rest);
  if (digits) {
    const shown = paren ? `${digits[1]} ${paren}` : digits[1];
    return { count: Number(digits[1]), text: shown };
  }
  if (paren) {
    const inner = paren.slice(1, -1).trim();
    const n = /^\d{1,3}$/.test(inner) ? Number(inner) : parseNumberWords(inner);
    if (n !== undefined) return { count: n, text: paren };
  }
  const words = rest.split(/\s+/);
  for (let take = Math.min(4, words.length); take >= 1; take--) {
    const phrase = words.slice(words.length - take).join(" ");
    const n = parseNumberWords(phrase);
    if (n !== undefined) return { count: n, text: paren ? `${phrase} ${paren}` : phrase };
  }
  return undefined;
}

/** The first Rp amount whose nearest preceding keyword names a budget (not a realisation). */
function statedBudget(text: string): StatedAmount | undefined {
  for (const m of text.matchAll(AMOUNT)) {
    const index = m.index ?? 0;
    const window = text.slice(Math.max(0, index - 80), index);
    const budget = lastIndex(window, BUDGET_WORD);
    const other = lastIndex(window, OTHER_WORD);
    // "realisasi anggaran Rp …" is spent money, not the budget: a realisation word shortly before counts too
    if (budget < 0 || other > budget || (other >= 0 && budget - other < 25)) continue;
    const reading = parseAmountText(m[1]);
    if (reading.value === null && reading.candidates.length === 0) continue;
    return { reading, text: m[0].trim() };
  }
  return undefined;
}

function lastIndex(text: string, re: RegExp): number {
  let last = -1;
  for (const m of text.matchAll(re)) last = m.index ?? last;
  return last;
}

/** The first sheet row a table occupies (title, header or data). */
export function firstRow(t: MappedTable): number {
  return Math.min(...t.titleRows, ...t.headerRows, t.dataRows[0]);
}

/** The table a narrative cell introduces: the next table below it on its sheet, or the sheet's only table. */
export function introducedTable(workbook: MappedWorkbook, n: NarrativeCell): MappedTable | undefined {
  const onSheet = workbook.tables.filter((t) => t.sheet === n.sheet);
  const below = onSheet.filter((t) => firstRow(t) > n.row).sort((a, b) => firstRow(a) - firstRow(b));
  return below[0] ?? (onSheet.length === 1 ? onSheet[0] : undefined);
}
