/// <reference types="office-js" />
/**
 * The user's mapping corrections live in the workbook's own settings (they travel with the file), one entry
 * per worksheet so each stays small (settings fail near 1-2 MB in total). An entry is keyed by a stable key the
 * add-in puts on the worksheet itself (Worksheet.customProperties, ExcelApi 1.12): a worksheet's id "remains
 * constant within a single session but will change between sessions" (Microsoft), so an id key would lose the
 * corrections on reopen or hand them to another sheet. The entry also holds the sheet's name, the fallback when
 * the key is gone (the property removed by another tool). A renamed sheet keeps its key and so its entry.
 */
import { isRecord, readIndicatorKinds, readLevels, readRoles, readTableKind, readYear } from "../domain/mapping/overrideEntries";
import type { ColumnRole, IndicatorKind, Level, MappingOverrides, TableKind } from "../domain/mapping/types";
import type { Batch } from "./queue";

export const MAPPING_KEY_PREFIX = "renja.mapping.";
/** The worksheet custom property holding the add-in's stable key of the sheet. */
export const SHEET_KEY_PROPERTY = "RenjaCermat.SheetKey";

/** What one worksheet's entry holds: its part of MappingOverrides, and the sheet's name when saved. */
interface SheetMappingEntry {
  version: 1;
  name?: string;
  levels: Record<number, Level>;
  roles?: Partial<Record<ColumnRole, string>>;
  year?: number;
  /** The table kind the user chose for the sheet. */
  kind?: TableKind;
  /** Row -> how the row's indicator is judged (Tabel 2.1). */
  indicatorKinds?: Record<number, IndicatorKind>;
}

interface SheetKeys {
  /** Current (session) id → stable key, for the sheets that have one. */
  keyOf: Map<string, string>;
  /** The sheets in tab order, with their current ids and names. */
  sheets: { id: string; name: string; ws: Excel.Worksheet }[];
}

/** Every sheet's id, name and stable key (two syncs; one below ExcelApi 1.12, which has no custom properties). */
async function sheetKeys(b: Batch, stableKeys: boolean): Promise<SheetKeys> {
  const list = b.context.workbook.worksheets;
  list.load("items/id,items/name");
  await b.sync();
  if (!stableKeys) return { keyOf: new Map(), sheets: list.items.map((ws) => ({ id: ws.id, name: ws.name, ws })) };
  const props = list.items.map((ws) => {
    const p = ws.customProperties.getItemOrNullObject(SHEET_KEY_PROPERTY);
    p.load("value");
    return p;
  });
  await b.sync();
  const keyOf = new Map<string, string>();
  list.items.forEach((ws, i) => {
    if (!props[i].isNullObject && typeof props[i].value === "string" && props[i].value !== "") keyOf.set(ws.id, props[i].value);
  });
  return { keyOf, sheets: list.items.map((ws) => ({ id: ws.id, name: ws.name, ws })) };
}

/**
 * The sheet an entry belongs to now: the sheet carrying its key (of two, as after a sheet copy, the one of the
 * entry's name), else a sheet whose current id is the key (entries saved before stable keys), else the sheet of
 * the entry's name that has no key of its own.
 */
function sheetOfEntry(key: string, entry: SheetMappingEntry, k: SheetKeys): string | undefined {
  const carrying = k.sheets.filter((s) => k.keyOf.get(s.id) === key);
  if (carrying.length > 0) return (carrying.find((s) => s.name === entry.name) ?? carrying[0]).id;
  if (k.sheets.some((s) => s.id === key)) return key;
  return k.sheets.find((s) => s.name === entry.name && !k.keyOf.has(s.id))?.id;
}

/** `stableKeys`: ExcelApi 1.12 (Worksheet.customProperties); without it entries are found by id, then by name. */
export async function loadMappingSettings(b: Batch, stableKeys = true): Promise<MappingOverrides | undefined> {
  const settings = b.context.workbook.settings;
  settings.load("items/key,items/value");
  const keys = await sheetKeys(b, stableKeys);
  const out: MappingOverrides = { version: 1, levels: {} };
  let found = false;
  for (const item of settings.items) {
    if (!item.key.startsWith(MAPPING_KEY_PREFIX)) continue;
    const entry = parseEntry(item.value);
    // A damaged entry (edited by hand, another tool) is ignored: mapping then finds the levels itself.
    if (!entry) continue;
    const sheetId = sheetOfEntry(item.key.slice(MAPPING_KEY_PREFIX.length), entry, keys);
    if (sheetId === undefined || out.levels[sheetId] !== undefined) continue;
    found = true;
    out.levels[sheetId] = entry.levels;
    if (entry.roles) (out.roles ??= {})[sheetId] = entry.roles;
    if (entry.year !== undefined) (out.years ??= {})[sheetId] = entry.year;
    if (entry.kind !== undefined) (out.kinds ??= {})[sheetId] = entry.kind;
    if (entry.indicatorKinds !== undefined) (out.indicatorKinds ??= {})[sheetId] = entry.indicatorKinds;
  }
  return found ? out : undefined;
}

/** Keyed by the current (session) ids of MappingOverrides; stored by each sheet's stable key, given one if it has none. */
export async function saveMappingSettings(b: Batch, m: MappingOverrides, stableKeys = true): Promise<void> {
  const settings = b.context.workbook.settings;
  settings.load("items/key");
  const keys = await sheetKeys(b, stableKeys);
  const sheetIds = new Set([
    ...Object.keys(m.levels),
    ...Object.keys(m.roles ?? {}),
    ...Object.keys(m.years ?? {}),
    ...Object.keys(m.kinds ?? {}),
    ...Object.keys(m.indicatorKinds ?? {}),
  ]);
  const taken = new Set(keys.keyOf.values());
  const entries = new Map<string, SheetMappingEntry>();
  for (const id of sheetIds) {
    const sheet = keys.sheets.find((s) => s.id === id);
    // A sheet deleted since the mapping was made has nothing to carry its key.
    if (!sheet) continue;
    let key = stableKeys ? keys.keyOf.get(id) : id;
    if (key === undefined || entries.has(key)) {
      key = newSheetKey(taken);
      taken.add(key);
      sheet.ws.customProperties.add(SHEET_KEY_PROPERTY, key);
    }
    const entry: SheetMappingEntry = { version: 1, name: sheet.name, levels: m.levels[id] ?? {} };
    const roles = m.roles?.[id];
    if (roles) entry.roles = roles;
    const year = m.years?.[id];
    if (year !== undefined) entry.year = year;
    const kind = m.kinds?.[id];
    if (kind !== undefined) entry.kind = kind;
    const indicatorKinds = m.indicatorKinds?.[id];
    if (indicatorKinds !== undefined) entry.indicatorKinds = indicatorKinds;
    entries.set(key, entry);
  }
  for (const item of settings.items) {
    if (item.key.startsWith(MAPPING_KEY_PREFIX) && !entries.has(item.key.slice(MAPPING_KEY_PREFIX.length))) item.delete();
  }
  for (const [key, entry] of entries) settings.add(MAPPING_KEY_PREFIX + key, JSON.stringify(entry));
  await b.sync();
}

function newSheetKey(taken: ReadonlySet<string>): string {
  for (;;) {
    const key = `rc-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    if (!taken.has(key)) return key;
  }
}

/** One sheet's entry, or undefined when any part of it is not a correction the add-in could have saved. */
function parseEntry(raw: unknown): SheetMappingEntry | undefined {
  let data: unknown;
  try {
    data = typeof raw === "string" ? JSON.parse(raw) : raw;
  } catch {
    return undefined;
  }
  if (!isRecord(data) || data.version !== 1) return undefined;
  const levels = readLevels(data.levels);
  if (!levels) return undefined;
  const entry: SheetMappingEntry = { version: 1, levels };
  if (typeof data.name === "string") entry.name = data.name;
  const optional = <T>(value: unknown, read: (v: unknown) => T | undefined): T | undefined | "bad" => {
    if (value === undefined) return undefined;
    return read(value) ?? "bad";
  };
  const roles = optional(data.roles, readRoles);
  const year = optional(data.year, readYear);
  const kind = optional(data.kind, readTableKind);
  const indicatorKinds = optional(data.indicatorKinds, readIndicatorKinds);
  if (roles === "bad" || year === "bad" || kind === "bad" || indicatorKinds === "bad") return undefined;
  if (roles) entry.roles = roles;
  if (year !== undefined) entry.year = year;
  if (kind) entry.kind = kind;
  if (indicatorKinds) entry.indicatorKinds = indicatorKinds;
  return entry;
}
