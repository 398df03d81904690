/**
 * The user's mapping corrections for an .xlsx workbook, kept in a JSON sidecar next to it. The host reads and
 * writes the text through callbacks, so the same host runs in Node (files) and in a browser (downloads, storage).
 */
import { isRecord, readIndicatorKinds, readLevels, readRoles, readTableKind, readYear } from "../domain/mapping/overrideEntries";
import type { MappingOverrides } from "../domain/mapping/types";
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

export function parseMappingOverrides(text: string, sidecarName: string): MappingOverrides {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw badSidecarError(sidecarName);
  }
  if (!isRecord(data) || data.version !== 1) throw badSidecarError(sidecarName);
  // Every part is sheetId -> that sheet's correction; one bad correction makes the sidecar wrong as a whole.
  const bySheet = <T>(raw: unknown, read: (entry: unknown) => T | undefined): Record<string, T> => {
    if (!isRecord(raw)) throw badSidecarError(sidecarName);
    const out: Record<string, T> = {};
    for (const [sheetId, entry] of Object.entries(raw)) {
      const value = read(entry);
      if (value === undefined) throw badSidecarError(sidecarName);
      out[sheetId] = value;
    }
    return out;
  };
  const out: MappingOverrides = { version: 1, levels: bySheet(data.levels, readLevels) };
  if (data.roles !== undefined) out.roles = bySheet(data.roles, readRoles);
  if (data.years !== undefined) out.years = bySheet(data.years, readYear);
  if (data.indicatorKinds !== undefined) out.indicatorKinds = bySheet(data.indicatorKinds, readIndicatorKinds);
  if (data.kinds !== undefined) out.kinds = bySheet(data.kinds, readTableKind);
  return out;
}

export function serializeMappingOverrides(m: MappingOverrides): string {
  return `${JSON.stringify(m, null, 2)}\n`;
}
