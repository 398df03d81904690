/** Which mapped table a generated table is built from: the one the user names, or the best-mapped plan table. */
import type { Message } from "../findings";
import { planRows } from "../mapping/tree";
import type { MappedTable, MappedWorkbook, TableKind } from "../mapping/types";

/** Plan tables in the order they make a good source: 3.3 holds everything, 7 lacks N+1, 2.3 is a diff. */
const PLAN_SOURCE_RANK: Partial<Record<TableKind, number>> = { "tabel-3.3": 3, "tabel-7": 2, "tabel-2.3": 1 };

export function choosePlanSource(workbook: MappedWorkbook, sheet?: string, generated: readonly string[] = []): MappedTable | { error: Message } {
  const usable = workbook.tables.filter((t) => t.kind !== "tabel-2.1" && t.columns.paguN !== undefined && planRows(t).length > 0);
  if (sheet !== undefined) {
    const onSheet = usable.filter((t) => t.sheet.toLowerCase() === sheet.toLowerCase());
    if (onSheet.length === 0) {
      return {
        error: {
          id: `Lembar '${sheet}' tidak memuat tabel rencana (program/kegiatan dengan pagu) yang dapat dipakai sebagai sumber.`,
          en: `Sheet '${sheet}' holds no plan table (programs/kegiatan with pagu) to build from.`,
        },
      };
    }
    return best(onSheet);
  }
  const own = new Set(generated.map((n) => n.toLowerCase()));
  const sources = usable.filter((t) => !own.has(t.sheet.toLowerCase()));
  if (sources.length === 0) {
    return {
      error: {
        id: "Tidak ditemukan tabel rencana (Tabel 3.3, Tabel 7 atau lembar kerja dengan program, kegiatan dan pagu) sebagai sumber.",
        en: "No plan table (Tabel 3.3, Tabel 7 or a working sheet with programs, kegiatan and pagu) found to build from.",
      },
    };
  }
  return best(sources);
}

export function chooseEvaluationSource(workbook: MappedWorkbook, sheet?: string, generated: readonly string[] = []): MappedTable | { error: Message } {
  const own = new Set(generated.map((n) => n.toLowerCase()));
  const usable = workbook.tables.filter(
    (t) =>
      t.kind === "tabel-2.1" &&
      planRows(t).length > 0 &&
      (sheet === undefined ? !own.has(t.sheet.toLowerCase()) : t.sheet.toLowerCase() === sheet.toLowerCase()),
  );
  if (usable.length === 0) {
    const where = sheet === undefined ? "" : ` di lembar '${sheet}'`;
    const whereEn = sheet === undefined ? "" : ` on sheet '${sheet}'`;
    return {
      error: {
        id: `Tidak ditemukan tabel evaluasi (Tabel 2.1: target dan realisasi)${where} sebagai sumber.`,
        en: `No evaluation table (Tabel 2.1: targets and realisations) found${whereEn} to build from.`,
      },
    };
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
