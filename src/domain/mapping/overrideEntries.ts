/**
 * What a stored mapping correction may hold, decided once for both places corrections are kept: the .xlsx
 * host's JSON sidecar and the Office host's workbook settings. Each reader takes one sheet's part (parsed JSON of
 * unknown shape) and returns it typed, or undefined when any of it is not a correction the mapping view could have
 * made. What to do with an undefined is the caller's policy: the sidecar refuses the whole file (the user edited
 * it and should hear it is wrong), the settings ignore the one sheet's entry (another tool may have written it).
 */
import { INDICATOR_KINDS } from "../evaluation/indicatorKind";
import { kindDescriptor } from "../tables/kinds";
import type { ColumnRole, IndicatorKind, Level, TableKind } from "./types";

const LEVELS: ReadonlySet<string> = new Set<Level>(["urusan", "bidang", "program", "kegiatan", "subKegiatan", "total", "other"]);
const INDICATOR_KIND_SET: ReadonlySet<string> = new Set<string>(INDICATOR_KINDS);
/** Excel's columns run to XFD: one to three letters. */
const COLUMN_LETTERS = /^[A-Za-z]{1,3}$/;

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Sheet rows are 1-based integers; JSON keys are strings. */
function rowNumber(key: string): number | undefined {
  const n = Number(key);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

function rowMap<T extends string>(raw: unknown, allowed: ReadonlySet<string>): Record<number, T> | undefined {
  if (!isRecord(raw)) return undefined;
  const out: Record<number, T> = {};
  for (const [key, value] of Object.entries(raw)) {
    const row = rowNumber(key);
    if (row === undefined || typeof value !== "string" || !allowed.has(value)) return undefined;
    out[row] = value as T;
  }
  return out;
}

/** row -> level. */
export function readLevels(raw: unknown): Record<number, Level> | undefined {
  return rowMap<Level>(raw, LEVELS);
}

/** row -> how the row's indicator is judged (Tabel 2.1). */
export function readIndicatorKinds(raw: unknown): Record<number, IndicatorKind> | undefined {
  return rowMap<IndicatorKind>(raw, INDICATOR_KIND_SET);
}

/**
 * role -> column letters, upper-cased. Role names are not checked here: mapping knows which roles a table kind
 * has and ignores the others.
 */
export function readRoles(raw: unknown): Partial<Record<ColumnRole, string>> | undefined {
  if (!isRecord(raw)) return undefined;
  const out: Partial<Record<ColumnRole, string>> = {};
  for (const [role, letters] of Object.entries(raw)) {
    if (typeof letters !== "string" || !COLUMN_LETTERS.test(letters)) return undefined;
    out[role as ColumnRole] = letters.toUpperCase();
  }
  return out;
}

export function readYear(raw: unknown): number | undefined {
  return typeof raw === "number" && Number.isInteger(raw) ? raw : undefined;
}

export function readTableKind(raw: unknown): TableKind | undefined {
  return typeof raw === "string" && kindDescriptor(raw as TableKind) ? (raw as TableKind) : undefined;
}
