/** The findings list as flat rows: a header per severity and rule, then its findings (collapsible, filterable). */
import type { Finding, RuleId, Severity } from "../domain/findings";
import { severityRank } from "../domain/findings";
import { say, type Lang } from "./i18n";

export type FindingRow =
  | { type: "group"; key: string; severity: Severity; rule: RuleId; count: number; collapsed: boolean }
  | { type: "finding"; key: string; finding: Finding };

export function groupKey(severity: Severity, rule: RuleId): string {
  return `${severity}/${rule}`;
}

/** Does the finding match what the user typed: a cell ("F28", "'Tabel 3.3'!F28"), a sheet, or words of the message. */
export function matchesFilter(f: Finding, filter: string, lang: Lang): boolean {
  const q = filter.trim().toLowerCase();
  if (!q) return true;
  const ref = `${f.sheet}!${f.cell}`.toLowerCase();
  const quoted = `'${f.sheet}'!${f.cell}`.toLowerCase();
  if (f.cell.toLowerCase() === q || ref === q || quoted === q) return true;
  const haystack = `${ref} ${say(lang, f.message)}`.toLowerCase();
  return q.split(/\s+/).every((word) => haystack.includes(word));
}

export function findingRows(findings: readonly Finding[], collapsed: ReadonlySet<string>, filter: string, lang: Lang): FindingRow[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!matchesFilter(f, filter, lang)) continue;
    const key = groupKey(f.severity, f.rule);
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  const ordered = [...groups.entries()].sort(
    ([, a], [, b]) => severityRank[a[0].severity] - severityRank[b[0].severity] || a[0].rule.localeCompare(b[0].rule),
  );
  const rows: FindingRow[] = [];
  for (const [key, list] of ordered) {
    const isCollapsed = collapsed.has(key);
    rows.push({ type: "group", key, severity: list[0].severity, rule: list[0].rule, count: list.length, collapsed: isCollapsed });
    if (isCollapsed) continue;
    for (const f of list) rows.push({ type: "finding", key: `${key}/${f.sheet}!${f.cell}`, finding: f });
  }
  return rows;
}

export function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
