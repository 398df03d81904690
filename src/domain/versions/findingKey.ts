/**
 * Which findings of the last check are resolved, which are new and which remain, across two versions of a
 * workbook. A finding is identified by what it is about, not by where it stands: rule + table kind + the row's
 * written kode or normalised name + role, so rows inserted above it, a renamed sheet or moved columns do not
 * make an old note look new. When findings carry an `id` (the stable finding ID of `renja check --json`) that
 * is used instead; `findingKey` is the one place that computes the fallback.
 */
import type { Finding } from "../findings";
import type { Level, TableKind } from "../mapping/types";
import { compactNormalizedName } from "../nomenclature";

/** What the key needs of a table: a MappedTable and the Table of `check --json` both have it. */
export interface KeyTable {
  sheet: string;
  kind: TableKind;
  rows: ReadonlyArray<{ row: number; level: Level; kode?: string; kodeInferred?: boolean; uraian: string }>;
}

/** A finding as `check --json` writes it; `id` once findings carry stable IDs. */
export type KeyedFinding = Finding & { id?: string };

/**
 * The identity of a finding, from its own fields and the table its row belongs to. Findings outside any
 * table row (a title's year, a narrative sentence) fall back to their cell.
 */
export function findingKey(finding: Finding, tables: readonly KeyTable[]): string {
  const onSheet = tables.filter((t) => t.sheet === finding.sheet);
  for (const table of onSheet) {
    const row = table.rows.find((r) => r.row === finding.row);
    if (!row) continue;
    return [finding.rule, table.kind, rowIdentity(row), finding.role ?? columnLetters(finding.cell)].join("|");
  }
  const kind = onSheet[0]?.kind ?? "";
  return [finding.rule, kind, `cell:${finding.cell}`, finding.role ?? ""].join("|");
}

function rowIdentity(row: KeyTable["rows"][number]): string {
  if (row.level === "total") return "total";
  const kode = row.kodeInferred ? undefined : row.kode?.replace(/\s+/g, "");
  if (kode) return `kode:${kode}`;
  return `${row.level}:${compactNormalizedName(row.uraian)}`;
}

function columnLetters(cell: string): string {
  return cell.replace(/[0-9$]/g, "");
}

export interface FindingComparison {
  /** In the last check, gone now. */
  resolved: KeyedFinding[];
  /** Not in the last check. */
  new: KeyedFinding[];
  /** In both: the new finding, with the old one it continues. */
  remaining: Array<{ old: KeyedFinding; new: KeyedFinding }>;
}

/**
 * Old and new findings matched by identity. Two findings with one identity (the same name twice under one
 * parent) are told apart by their order. IDs are used only when every finding on both sides has one, so an
 * old report without IDs still compares with a new one.
 */
export function compareFindings(
  previous: { findings: readonly KeyedFinding[]; tables: readonly KeyTable[] },
  current: { findings: readonly KeyedFinding[]; tables: readonly KeyTable[] },
): FindingComparison {
  const useIds = [...previous.findings, ...current.findings].every((f) => typeof f.id === "string" && f.id !== "");
  const keyed = (side: typeof previous): Map<string, KeyedFinding> => {
    const out = new Map<string, KeyedFinding>();
    for (const f of side.findings) {
      const base = useIds && f.id ? f.id : findingKey(f, side.tables);
      let key = base;
      for (let n = 2; out.has(key); n++) key = `${base}#${n}`;
      out.set(key, f);
    }
    return out;
  };
  const before = keyed(previous);
  const after = keyed(current);
  const result: FindingComparison = { resolved: [], new: [], remaining: [] };
  for (const [key, f] of before) {
    const now = after.get(key);
    if (now) result.remaining.push({ old: f, new: now });
    else result.resolved.push(f);
  }
  for (const [key, f] of after) if (!before.has(key)) result.new.push(f);
  return result;
}
