/**
 * The user's mapping corrections for an .xlsx workbook, kept in a JSON sidecar next to it. The host reads and
 * writes the text through callbacks, so the same host runs in Node (files) and in a browser (downloads, storage).
 */
import type { ColumnRole, IndicatorKind, Level, MappingOverrides, TableKind } from "../domain/mapping/types";
import { kindDescriptor } from "../domain/tables/kinds";
import { badSidecarError } from "./hostErrors";

export interface SidecarAccess {
  /** The sidecar's text, or undefined when there is none. */
  readSidecar?: () => Promise<string | undefined>;
  writeSidecar?: (text: string) => Promise<void>;
  /** How to name the sidecar in messages (a path or a file name). */
  sidecarName?: string;
}

/** `plan.xlsx` -> `plan.xlsx.renja.json`: the full name keeps plan.xlsx and plan.xlsm apart. */
export function sidecarPathFor(workbookPath: string): string {
  return `${workbookPath}.renja.json`;
}

const LEVELS: ReadonlySet<string> = new Set<Level>(["urusan", "bidang", "program", "kegiatan", "subKegiatan", "total", "other"]);

export function parseMappingOverrides(text: string, sidecarName: string): MappingOverrides {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw badSidecarError(sidecarName);
  }
  if (!isRecord(data) || data.version !== 1 || !isRecord(data.levels)) throw badSidecarError(sidecarName);
  const levels: MappingOverrides["levels"] = {};
  for (const [sheetId, byRow] of Object.entries(data.levels)) {
    if (!isRecord(byRow)) throw badSidecarError(sidecarName);
    const rows: Record<number, Level> = {};
    for (const [row, level] of Object.entries(byRow)) {
      const n = Number(row);
      if (!Number.isInteger(n) || n < 1 || typeof level !== "string" || !LEVELS.has(level)) throw badSidecarError(sidecarName);
      rows[n] = level as Level;
    }
    levels[sheetId] = rows;
  }
  const out: MappingOverrides = { version: 1, levels };
  if (data.roles !== undefined) out.roles = parseRoles(data.roles, sidecarName);
  if (data.years !== undefined) out.years = parseYears(data.years, sidecarName);
  if (data.indicatorKinds !== undefined) out.indicatorKinds = parseIndicatorKinds(data.indicatorKinds, sidecarName);
  if (data.kinds !== undefined) out.kinds = parseKinds(data.kinds, sidecarName);
  return out;
}

/** sheetId -> the table kind the user chose in the mapping view. */
function parseKinds(raw: unknown, sidecarName: string): Record<string, TableKind> {
  if (!isRecord(raw)) throw badSidecarError(sidecarName);
  const kinds: Record<string, TableKind> = {};
  for (const [sheetId, kind] of Object.entries(raw)) {
    if (typeof kind !== "string" || !kindDescriptor(kind as TableKind)) throw badSidecarError(sidecarName);
    kinds[sheetId] = kind as TableKind;
  }
  return kinds;
}

const INDICATOR_KINDS: ReadonlySet<string> = new Set<IndicatorKind>(["higher", "lower", "final"]);

/** sheetId -> row -> how the row's indicator is judged (the mapping view's correction for Tabel 2.1). */
function parseIndicatorKinds(raw: unknown, sidecarName: string): NonNullable<MappingOverrides["indicatorKinds"]> {
  if (!isRecord(raw)) throw badSidecarError(sidecarName);
  const out: NonNullable<MappingOverrides["indicatorKinds"]> = {};
  for (const [sheetId, byRow] of Object.entries(raw)) {
    if (!isRecord(byRow)) throw badSidecarError(sidecarName);
    const rows: Record<number, IndicatorKind> = {};
    for (const [row, kind] of Object.entries(byRow)) {
      const n = Number(row);
      if (!Number.isInteger(n) || n < 1 || typeof kind !== "string" || !INDICATOR_KINDS.has(kind)) throw badSidecarError(sidecarName);
      rows[n] = kind as IndicatorKind;
    }
    out[sheetId] = rows;
  }
  return out;
}

function parseRoles(raw: unknown, sidecarName: string): NonNullable<MappingOverrides["roles"]> {
  if (!isRecord(raw)) throw badSidecarError(sidecarName);
  const roles: NonNullable<MappingOverrides["roles"]> = {};
  for (const [sheetId, byRole] of Object.entries(raw)) {
    if (!isRecord(byRole)) throw badSidecarError(sidecarName);
    const sheetRoles: Partial<Record<ColumnRole, string>> = {};
    for (const [role, letters] of Object.entries(byRole)) {
      if (typeof letters !== "string" || !/^[A-Za-z]{1,3}$/.test(letters)) throw badSidecarError(sidecarName);
      // Role names are checked by mapping, which knows which roles a table kind has.
      sheetRoles[role as ColumnRole] = letters.toUpperCase();
    }
    roles[sheetId] = sheetRoles;
  }
  return roles;
}

function parseYears(raw: unknown, sidecarName: string): Record<string, number> {
  if (!isRecord(raw)) throw badSidecarError(sidecarName);
  const years: Record<string, number> = {};
  for (const [sheetId, year] of Object.entries(raw)) {
    if (typeof year !== "number" || !Number.isInteger(year)) throw badSidecarError(sidecarName);
    years[sheetId] = year;
  }
  return years;
}

export function serializeMappingOverrides(m: MappingOverrides): string {
  return `${JSON.stringify(m, null, 2)}\n`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
