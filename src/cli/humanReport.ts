/**
 * The human-readable report of `renja check`: what tables were found, then the findings grouped by sheet and
 * severity, amounts written the Indonesian way, and a closing count.
 */
import type { Finding, RuleId, Severity } from "../domain/findings";
import type { MappedTable, TableKind } from "../domain/mapping/types";
import { countLevels } from "../domain/mapping/tree";
import { showFindingValue } from "../domain/findings";
import { count, msg, nested, render, text, year, type Lang, type MessageRef } from "../domain/messages";

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];


const KIND_LABEL: Record<TableKind, string> = {
  "tabel-3.3": "Tabel 3.3",
  "tabel-7": "Tabel 7",
  "tabel-2.1": "Tabel 2.1",
  "tabel-2.3": "Tabel 2.3",
  "tabel-perubahan": "Tabel Perubahan",
};

/** Rules whose expected/actual are Rupiah amounts even when a finding names no column role. */

/**
 * Info findings of one rule on one sheet beyond this many are summarised in one line with their cells: an
 * as-pasted table has hundreds of amounts stored as text, which would bury the errors.
 */
const MAX_INFO_LISTED = 5;
const MAX_CELLS_LISTED = 40;
export const LINE_WIDTH = 110;

export interface ReportInput {
  file: string;
  tables: readonly MappedTable[];
  findings: readonly Finding[];
  lang: Lang;
  /** What a rule checks, for the rule headings and summarised info lines; the rule id is shown when absent. */
  describeRule?: (rule: RuleId) => MessageRef | undefined;
  /** The sheet the report is limited to (--sheet), if any. */
  sheet?: string;
  /** Findings listed per rule within a severity (--max); the rest are counted as "dan N lainnya". */
  max?: number;
  /** Wrap lines to this many characters (the terminal's width). */
  width?: number;
  /** Why no Renja table was recognised (recognition.ts), shown in place of the list of tables. */
  noTable?: MessageRef;
}

/** Findings listed per rule group unless --max says otherwise. */
export const DEFAULT_MAX_PER_GROUP = 20;

export function humanReport({ file, tables, findings, lang, describeRule, sheet, max = DEFAULT_MAX_PER_GROUP, width = LINE_WIDTH, noTable }: ReportInput): string {
  const say = (m: MessageRef) => render(m, lang);
  const out: string[] = [];
  out.push(say(msg("cli.human.checking", { file: text(file) })), "");

  if (tables.length === 0 && noTable) {
    out.push(render(noTable, lang));
  } else if (tables.length === 0 && sheet !== undefined) {
    out.push(say(msg("cli.human.noTableOnSheet", { sheet: text(sheet) })));
  } else if (tables.length === 0) {
    out.push(say(msg("cli.human.noTable", {})));
  } else {
    out.push(say(msg("cli.human.tablesFound", {})));
    for (const t of tables) out.push(...wrapText(tableLine(t, lang), width, "  ", "    "));
  }
  out.push("");

  if (findings.length === 0) {
    out.push(say(msg("cli.human.noFindings", {})), "");
  }
  let cut = false;
  for (const [sheet, ofSheet] of groupBy(findings, (f) => f.sheet)) {
    out.push(say(msg("cli.human.sheet", { sheet: text(sheet) })));
    for (const severity of SEVERITIES) {
      const group = ofSheet.filter((f) => f.severity === severity);
      if (group.length === 0) continue;
      out.push(`  ${say(msg(`cli.human.severity.${severity}`, {}))} (${group.length})`);
      for (const [rule, ofRule] of groupBy(group, (f) => f.rule)) {
        const description = describeRule?.(rule as RuleId);
        if (severity === "info" && ofRule.length > MAX_INFO_LISTED) {
          out.push(...summaryLines(rule as RuleId, ofRule, description, lang, width));
          continue;
        }
        const heading = `[${rule}] (${ofRule.length})${description ? ` ${render(description, lang)}` : ""}`;
        out.push(...wrapText(heading, width, "    ", "      "));
        const shown = max > 0 ? ofRule.slice(0, max) : ofRule;
        const cellWidth = Math.max(0, ...shown.map((f) => f.cell.length));
        for (const f of shown) out.push(...findingLines(f, cellWidth, lang, width));
        if (shown.length < ofRule.length) {
          cut = true;
          const more = ofRule.length - shown.length;
          out.push(`      … ${say(msg("cli.human.more", { n: count(more) }))}`);
        }
      }
    }
    out.push("");
  }
  if (findings.length > 0 && (cut || findings.some((f) => f.severity === "info"))) {
    out.push(say(msg("cli.human.allFindings", { file: text(file) })));
  }

  out.push(summaryLine(findings, lang));
  return `${out.join("\n")}\n`;
}

function tableLine(t: MappedTable, lang: Lang): string {
  const c = countLevels(t);
  const [first, last] = t.dataRows;
  const planYear = t.year === null ? msg("cli.human.yearMissing", {}) : msg("cli.human.year", { year: year(t.year) });
  // row numbers are positions, not counts: written as they are ("baris 12–3456")
  return render(
    msg("cli.human.table", {
      sheet: text(t.sheet),
      kind: text(KIND_LABEL[t.kind]),
      year: nested(planYear),
      first: text(String(first)),
      last: text(String(last)),
      programs: count(c.program),
      kegiatan: count(c.kegiatan),
      sub: count(c.subKegiatan),
    }),
    lang,
  );
}

/**
 * One finding: its cell and message (wrapped, continuation lines under the message), and its suggestion only
 * when the message does not already state the suggested value. Expected, actual and related cells are in
 * --json; the messages say them in words.
 */
function findingLines(f: Finding, cellWidth: number, lang: Lang, width: number): string[] {
  const lead = `      ${f.cell.padEnd(cellWidth)}  `;
  const hanging = " ".repeat(lead.length);
  const message = render(f.message, lang);
  const lines = wrapText(message, width, lead, hanging);
  if (f.suggestion) {
    const shown = showFindingValue(f, f.suggestion.value, lang);
    if (!message.includes(shown)) {
      const value = f.valueKind === "text" ? `"${shown}"` : shown;
      // a reason that renders empty gets no empty brackets
      const said = render(f.suggestion.reason, lang);
      const suggestion = said ? msg("cli.human.suggestionBecause", { value: text(value), reason: nested(f.suggestion.reason) }) : msg("cli.human.suggestion", { value: text(value) });
      lines.push(...wrapText(render(suggestion, lang), width, hanging, hanging));
    }
  }
  return lines;
}

/** Words of `text` in lines of at most `width` characters (a longer word stands alone), the first after `first`. */
export function wrapText(text: string, width: number, first: string, rest: string): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const piece = empty ? word : ` ${word}`;
    if (!empty && line.length + piece.length > width) {
      lines.push(line);
      line = rest + word;
    } else line += piece;
    empty = false;
  }
  lines.push(line);
  return lines;
}

function summaryLines(rule: RuleId, group: readonly Finding[], description: MessageRef | undefined, lang: Lang, width: number): string[] {
  const what = description ? `${render(description, lang)} [${rule}]` : rule;
  const shown = group.slice(0, MAX_CELLS_LISTED).map((f) => f.cell);
  const more = group.length - shown.length;
  if (more > 0) shown.push(`… ${render(msg("cli.human.more", { n: count(more) }), lang)}`);
  return [...wrapText(render(msg("cli.human.cells", { n: count(group.length), what: text(what) }), lang), width, "    ", "      "), ...wrapList(shown, "      ", width)];
}

function wrapList(items: readonly string[], indent: string, width: number): string[] {
  const lines: string[] = [];
  let line = indent;
  for (const [i, item] of items.entries()) {
    const piece = i < items.length - 1 ? `${item}, ` : item;
    if (line.length + piece.length > width && line !== indent) {
      lines.push(line.trimEnd());
      line = indent;
    }
    line += piece;
  }
  if (line !== indent) lines.push(line);
  return lines;
}

/** Money by the column the finding names (its table's money roles), else by the rule. */
function summaryLine(findings: readonly Finding[], lang: Lang): string {
  const n = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const [errors, warnings] = [n("error"), n("warning")];
  return render(msg("cli.human.summary", { errors: count(errors), warnings: count(warnings), info: count(n("info")) }), lang);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
