/** Which mapped table a generated table is built from: the one the user names, or the best-mapped plan table. */
import { planRows } from "../mapping/tree";
import type { MappedTable, MappedWorkbook, TableKind } from "../mapping/types";
import { msg, text, type MessageRef } from "../messages";

/** Plan tables in the order they make a good source: 3.3 holds everything, 7 lacks N+1, 2.3 is a diff. */
const PLAN_SOURCE_RANK: Partial<Record<TableKind, number>> = { "tabel-3.3": 3, "tabel-7": 2, "tabel-2.3": 1 };

export function choosePlanSource(workbook: MappedWorkbook, sheet?: string, generated: readonly string[] = []): MappedTable | { error: MessageRef } {
  const usable = workbook.tables.filter((t) => t.kind !== "tabel-2.1" && t.columns.paguN !== undefined && planRows(t).length > 0);
  if (sheet !== undefined) {
    const onSheet = usable.filter((t) => t.sheet.toLowerCase() === sheet.toLowerCase());
    if (onSheet.length === 0) {
      return { error: msg("tables.source.sheetHasNoPlan", { sheet: text(sheet) }) };
    }
    return best(onSheet);
  }
  const own = new Set(generated.map((n) => n.toLowerCase()));
  const sources = usable.filter((t) => !own.has(t.sheet.toLowerCase()));
  if (sources.length === 0) {
    return { error: msg("tables.source.noPlan", {}) };
  }
  return best(sources);
}

export function chooseEvaluationSource(workbook: MappedWorkbook, sheet?: string, generated: readonly string[] = []): MappedTable | { error: MessageRef } {
  const own = new Set(generated.map((n) => n.toLowerCase()));
  const usable = workbook.tables.filter(
    (t) =>
      t.kind === "tabel-2.1" &&
      planRows(t).length > 0 &&
      (sheet === undefined ? !own.has(t.sheet.toLowerCase()) : t.sheet.toLowerCase() === sheet.toLowerCase()),
  );
  if (usable.length === 0) {
    return { error: sheet === undefined ? msg("tables.source.noEvaluation", {}) : msg("tables.source.noEvaluationOnSheet", { sheet: text(sheet) }) };
  }
  return best(usable);
}

function best(tables: MappedTable[]): MappedTable {
  const score = (t: MappedTable) => {
    const rows = planRows(t);
    const confidence = rows.reduce((s, r) => s + r.confidence, 0);
    return (PLAN_SOURCE_RANK[t.kind] ?? 0) * 1e9 + confidence;
  };
  return [...tables].sort((a, b) => score(b) - score(a))[0];
}
