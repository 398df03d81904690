/**
 * The JSON of `renja diff --json`: plain data, amounts as plain decimal strings (the finding contract's
 * convention), null where a version holds no amount.
 */
import type { Finding } from "../findings";
import type { ColumnRole, TableKind } from "../mapping/types";
import type { RowRef, TableDiff, WorkbookDiff } from "./diff";
import type { FindingComparison } from "./findingKey";
import type { MatchedBy } from "./matchRows";

export interface DiffJson {
  old: string;
  new: string;
  tables: TableDiffJson[];
  onlyOld: Array<{ sheet: string; kind: TableKind }>;
  onlyNew: Array<{ sheet: string; kind: TableKind }>;
  findings?: { resolved: Finding[]; new: Finding[]; remaining: Finding[] };
}

export interface TableDiffJson {
  kind: TableKind;
  oldSheet: string;
  newSheet: string;
  added: RowRef[];
  removed: RowRef[];
  renamed: Array<{ old: RowRef; new: RowRef; by: MatchedBy }>;
  money: Array<{
    role: ColumnRole;
    total: { before: string; after: string; delta: string };
    changes: Array<{ level: string; kode?: string; uraian: string; oldRow?: number; newRow?: number; before: string | null; after: string | null; delta: string }>;
  }>;
}

export function diffToJson(files: { old: string; new: string }, diff: WorkbookDiff, findings?: FindingComparison): DiffJson {
  const json: DiffJson = { old: files.old, new: files.new, tables: diff.tables.map(tableDiffToJson), onlyOld: diff.onlyOld, onlyNew: diff.onlyNew };
  if (findings) {
    json.findings = {
      resolved: findings.resolved,
      new: findings.new,
      remaining: findings.remaining.map((r) => r.new),
    };
  }
  return json;
}

export function tableDiffToJson(t: TableDiff): TableDiffJson {
  return {
    kind: t.kind,
    oldSheet: t.oldSheet,
    newSheet: t.newSheet,
    added: t.added,
    removed: t.removed,
    renamed: t.renamed,
    money: t.money.map((m) => ({
      role: m.role,
      total: { before: m.total.before.toFixed(), after: m.total.after.toFixed(), delta: m.total.delta.toFixed() },
      changes: m.changes.map((c) => ({
        level: c.level,
        ...(c.kode !== undefined ? { kode: c.kode } : {}),
        uraian: c.uraian,
        ...(c.oldRow !== undefined ? { oldRow: c.oldRow } : {}),
        ...(c.newRow !== undefined ? { newRow: c.newRow } : {}),
        before: c.before === null ? null : c.before.toFixed(),
        after: c.after === null ? null : c.after.toFixed(),
        delta: c.delta.toFixed(),
      })),
    })),
  };
}
