/// <reference types="office-js" />
/**
 * The user's mapping corrections live in the workbook's own settings (they travel with the file), one entry
 * per worksheet id so each stays small (settings fail near 1-2 MB in total) and a renamed sheet keeps its entry.
 */
import type { ColumnRole, Level, MappingOverrides } from "../domain/mapping/types";
import type { Batch } from "./queue";

export const MAPPING_KEY_PREFIX = "renja.mapping.";

/** What one worksheet's entry holds: its part of MappingOverrides. */
interface SheetMappingEntry {
  version: 1;
  levels: Record<number, Level>;
  roles?: Partial<Record<ColumnRole, string>>;
  year?: number;
}

export async function loadMappingSettings(b: Batch): Promise<MappingOverrides | undefined> {
  const settings = b.context.workbook.settings;
  settings.load("items/key,items/value");
  await b.sync();
  const out: MappingOverrides = { version: 1, levels: {} };
  let found = false;
  for (const item of settings.items) {
    if (!item.key.startsWith(MAPPING_KEY_PREFIX)) continue;
    const entry = parseEntry(item.value);
    // A damaged entry (edited by hand, another tool) is ignored: mapping then finds the levels itself.
    if (!entry) continue;
    const sheetId = item.key.slice(MAPPING_KEY_PREFIX.length);
    found = true;
    out.levels[sheetId] = entry.levels;
    if (entry.roles) (out.roles ??= {})[sheetId] = entry.roles;
    if (entry.year !== undefined) (out.years ??= {})[sheetId] = entry.year;
  }
  return found ? out : undefined;
}

export async function saveMappingSettings(b: Batch, m: MappingOverrides): Promise<void> {
  const settings = b.context.workbook.settings;
  settings.load("items/key");
  await b.sync();
  const sheetIds = new Set([...Object.keys(m.levels), ...Object.keys(m.roles ?? {}), ...Object.keys(m.years ?? {})]);
  for (const item of settings.items) {
    if (item.key.startsWith(MAPPING_KEY_PREFIX) && !sheetIds.has(item.key.slice(MAPPING_KEY_PREFIX.length))) item.delete();
  }
  for (const id of sheetIds) {
    const entry: SheetMappingEntry = { version: 1, levels: m.levels[id] ?? {} };
    const roles = m.roles?.[id];
    if (roles) entry.roles = roles;
    const year = m.years?.[id];
    if (year !== undefined) entry.year = year;
    settings.add(MAPPING_KEY_PREFIX + id, JSON.stringify(entry));
  }
  await b.sync();
}

const LEVELS: ReadonlySet<string> = new Set<Level>(["urusan", "bidang", "program", "kegiatan", "subKegiatan", "total", "other"]);

function parseEntry(raw: unknown): SheetMappingEntry | undefined {
  let data: unknown;
  try {
    data = typeof raw === "string" ? JSON.parse(raw) : raw;
  } catch {
    return undefined;
  }
  if (!isRecord(data) || data.version !== 1 || !isRecord(data.levels)) return undefined;
  const levels: Record<number, Level> = {};
  for (const [row, level] of Object.entries(data.levels)) {
    const n = Number(row);
    if (!Number.isInteger(n) || n < 1 || typeof level !== "string" || !LEVELS.has(level)) return undefined;
    levels[n] = level as Level;
  }
  const entry: SheetMappingEntry = { version: 1, levels };
  if (isRecord(data.roles)) {
    const roles: Partial<Record<ColumnRole, string>> = {};
    for (const [role, letters] of Object.entries(data.roles)) if (typeof letters === "string" && /^[A-Z]{1,3}$/.test(letters)) roles[role as ColumnRole] = letters;
    entry.roles = roles;
  }
  if (typeof data.year === "number" && Number.isInteger(data.year)) entry.year = data.year;
  return entry;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
