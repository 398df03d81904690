/**
 * Tabel Perubahan: a revised plan beside its original, the way regional finance documents show a revision —
 * kode, program/kegiatan/sub kegiatan, indikator, target semula and menjadi, pagu semula, menjadi and
 * bertambah (berkurang) in Rp and %, catatan. Rows are the two versions' rows matched by versions/matchRows
 * (added rows have no semula, removed rows no menjadi, a renamed row says its old name). Sub kegiatan carry the
 * settled amounts; every parent, the selisih of every parent and the total are SUM formulas over their
 * children, with cached results computed in Decimal. Print-ready like the generated Tabel 3.3.
 */
import Decimal from "decimal.js";
import { columnOf } from "../mapping/tree";
import type { ColumnRole, MappedRow, MappedTable, MappedWorkbook } from "../mapping/types";
import type { SheetCellStyle, SheetMerge, SheetPlan, SheetPlanCell } from "../plan";
import { sheetOf } from "../analysis/moneyCells";
import { a1, cellAt, type CellValue } from "../sheet/snapshot";
import { diffTables, type MergedRow, type TableDiff } from "../versions";
import { contentCell, planRowStyle, printSetup, rowHeightsFor, sumFormulaWithinLimits, targetSheetName, type BuildError, type GenerateOptions } from "./layout";
import { planAmounts } from "./planAmounts";
import { choosePlanSource } from "./source";
import { titleParts } from "./titleParts";
import { count, money as moneyValue, msg, nested, renderAll, text, type MessageRef, type Phrase } from "../messages";

export const DEFAULT_PERUBAHAN_SHEET = "Tabel Perubahan (Renja Cermat)";

export interface PerubahanOptions extends GenerateOptions {
  /** The sheet of the original workbook to compare with; default: the same sheet name, else its best plan table. */
  originalFrom?: string;
}

/** Amounts with "-" for zero, as the tables print them. */
export const PERUBAHAN_MONEY_FORMAT = '#,##0_);-#,##0_);"-"_)';
/** Bertambah (berkurang): a decrease in parentheses. */
export const SELISIH_FORMAT = '#,##0_);(#,##0);"-"_)';
export const SELISIH_PERCENT_FORMAT = "0.00%_);(0.00%);\"-\"_)";

type Field = "kode" | "uraian" | "indikator" | "targetSemula" | "targetMenjadi" | "paguSemula" | "paguMenjadi" | "selisihRp" | "selisihPersen" | "catatan";

const ORDER: readonly Field[] = ["kode", "uraian", "indikator", "targetSemula", "targetMenjadi", "paguSemula", "paguMenjadi", "selisihRp", "selisihPersen", "catatan"];
const col = (f: Field) => ORDER.indexOf(f) + 1;

const WIDTHS: Record<Field, number> = {
  kode: 17, uraian: 42, indikator: 30, targetSemula: 15, targetMenjadi: 15, paguSemula: 16, paguMenjadi: 16, selisihRp: 16, selisihPersen: 10, catatan: 22,
};

const SINGLE_LABELS: Partial<Record<Field, string>> = {
  kode: "KODE",
  uraian: "Program/Kegiatan/Sub Kegiatan",
  indikator: "Indikator Kinerja",
  catatan: "Catatan",
};

const GROUPS: Array<{ label: string; fields: [Field, Field]; sub: [string, string] }> = [
  { label: "Target Kinerja", fields: ["targetSemula", "targetMenjadi"], sub: ["Semula", "Menjadi"] },
  { label: "Pagu Indikatif (Rp)", fields: ["paguSemula", "paguMenjadi"], sub: ["Semula", "Menjadi"] },
  { label: "Bertambah/(Berkurang)", fields: ["selisihRp", "selisihPersen"], sub: ["Rp", "%"] },
];

const HEADER_TOP = 5;
const HEADER_BOTTOM = 6;
const NUMBER_ROW = 7;
const FIRST_DATA_ROW = 8;
const HEADER_STYLE: SheetCellStyle = { bold: true, wrap: true, horizontal: "center", vertical: "center", border: true, fill: "D9D9D9" };

export function buildPerubahan(original: MappedWorkbook, revised: MappedWorkbook, options: PerubahanOptions): SheetPlan | BuildError {
  const chosenNew = choosePlanSource(revised, options.from, options.generatedSheets);
  // a plan carries its texts rendered in both languages, as the recompute plans do (plan.ts)
  if ("error" in chosenNew) return { error: renderAll(chosenNew.error) };
  const newTable: MappedTable = chosenNew;
  const sameSheet = original.tables.some((t) => t.sheet.toLowerCase() === newTable.sheet.toLowerCase() && t.columns.paguN !== undefined);
  const chosenOld = choosePlanSource(original, options.originalFrom ?? (sameSheet ? newTable.sheet : undefined));
  if ("error" in chosenOld) {
    return { error: renderAll(msg("tables.perubahan.originalError", { why: nested(chosenOld.error) })) };
  }
  const oldTable: MappedTable = chosenOld;
  const year = options.year ?? newTable.year ?? oldTable.year;
  const diff = diffTables(original, oldTable, revised, newTable);

  const notices: Phrase[] = [];
  const cells: SheetPlanCell[] = [];
  const merges: SheetMerge[] = [];
  const lastCol = ORDER.length;

  // Titles.
  const parts = titleParts(newTable.title);
  const unit = options.unit ?? parts.unit ?? titleParts(oldTable.title).unit;
  const kabupaten = options.kabupaten ?? parts.kabupaten ?? titleParts(oldTable.title).kabupaten;
  if (!unit) notices.push(renderAll(msg("tables.noUnit", {})));
  const titles = ["TABEL PERUBAHAN", `PERUBAHAN RENCANA PROGRAM DAN KEGIATAN ${unit ?? "PERANGKAT DAERAH"}${year ? ` TAHUN ${year}` : ""}`, kabupaten ?? ""];
  titles.forEach((text, i) => {
    if (text === "") return;
    cells.push(contentCell(i + 1, 1, text, { bold: true, horizontal: "center", vertical: "center", wrap: true, fontSize: 12 }));
    merges.push({ top: i + 1, left: 1, bottom: i + 1, right: lastCol });
  });

  // Headers: single columns span both rows; the three groups have Semula/Menjadi (Rp/%) under them.
  for (const [field, label] of Object.entries(SINGLE_LABELS) as [Field, string][]) {
    cells.push({ row: HEADER_TOP, col: col(field), value: label, style: HEADER_STYLE });
    cells.push({ row: HEADER_BOTTOM, col: col(field), value: null, style: HEADER_STYLE });
    merges.push({ top: HEADER_TOP, left: col(field), bottom: HEADER_BOTTOM, right: col(field) });
  }
  for (const g of GROUPS) {
    const [a, b] = g.fields.map(col);
    cells.push({ row: HEADER_TOP, col: a, value: g.label, style: HEADER_STYLE }, { row: HEADER_TOP, col: b, value: null, style: HEADER_STYLE });
    merges.push({ top: HEADER_TOP, left: a, bottom: HEADER_TOP, right: b });
    cells.push({ row: HEADER_BOTTOM, col: a, value: g.sub[0], style: HEADER_STYLE }, { row: HEADER_BOTTOM, col: b, value: g.sub[1], style: HEADER_STYLE });
  }
  for (let c = 1; c <= lastCol; c++) cells.push({ row: NUMBER_ROW, col: c, value: c, style: { ...HEADER_STYLE, bold: false, fontSize: 9 } });

  // Body: the merged rows of both versions, parents before children.
  const entries = diff.match.merged;
  const outRow = new Map<MergedRow, number>();
  entries.forEach((e, i) => outRow.set(e, FIRST_DATA_ROW + i));
  const children = childrenOf(entries);
  const totalRow = FIRST_DATA_ROW + entries.length;
  const oldSheet = sheetOf(original, oldTable);
  const newSheet = sheetOf(revised, newTable);
  const textOf = (workbook: "old" | "new", row: MappedRow | undefined, role: ColumnRole): CellValue => {
    if (!row) return null;
    const table = workbook === "old" ? oldTable : newTable;
    const sheet = workbook === "old" ? oldSheet : newSheet;
    const c = columnOf(table, row, role);
    const cell = c === undefined || !sheet ? undefined : cellAt(sheet, row.row, c);
    if (!cell || cell.error) return cell?.error ?? null;
    if (typeof cell.value === "string") return cell.value.trim() === "" ? null : cell.value.trim();
    return typeof cell.value === "number" ? cell.value : null;
  };
  const values = new Map<string, Decimal>();
  const key = (row: number, f: Field) => `${row}:${f}`;
  const money = (e: MergedRow, side: "old" | "new"): Decimal => {
    const r = side === "old" ? e.old : e.new;
    const v = r ? (side === "old" ? diff.oldAmount(r, "paguN") : diff.newAmount(r, "paguN")) : null;
    return v ?? new Decimal(0);
  };

  // Deepest rows first, so each parent's cached results are the sums of its children's.
  const byDepth = [...entries].sort((a, b) => depth(b) - depth(a));
  for (const e of byDepth) {
    const out = outRow.get(e) ?? 0;
    const shown = e.new ?? e.old;
    if (!shown) continue;
    const style = planRowStyle(shown.level);
    const plain: SheetCellStyle = { ...style, indent: 0 };
    cells.push(contentCell(out, col("kode"), shown.kode ?? null, { ...plain, horizontal: "left" }));
    cells.push(contentCell(out, col("uraian"), shown.uraian, style));
    cells.push(contentCell(out, col("indikator"), textOf("new", e.new, "indikator") ?? textOf("old", e.old, "indikator"), plain));
    cells.push(contentCell(out, col("targetSemula"), textOf("old", e.old, "targetN"), { ...plain, horizontal: "center" }));
    cells.push(contentCell(out, col("targetMenjadi"), textOf("new", e.new, "targetN"), { ...plain, horizontal: "center" }));
    const kids = (children.get(e) ?? []).map((k) => outRow.get(k) ?? 0);
    for (const f of ["paguSemula", "paguMenjadi", "selisihRp"] as const) {
      const c = col(f);
      let value: Decimal;
      let formula: string | undefined;
      if (kids.length > 0) {
        value = kids.reduce((s, k) => s.plus(values.get(key(k, f)) ?? 0), new Decimal(0));
        formula = sumFormulaWithinLimits(kids.map((k) => ({ row: k, col: c })));
      } else if (f === "selisihRp") {
        value = money(e, "new").minus(money(e, "old"));
        formula = `${a1(out, col("paguMenjadi"))}-${a1(out, col("paguSemula"))}`;
      } else value = money(e, f === "paguSemula" ? "old" : "new");
      values.set(key(out, f), value);
      cells.push({ row: out, col: c, value: value.toNumber(), formula, numFmt: f === "selisihRp" ? SELISIH_FORMAT : PERUBAHAN_MONEY_FORMAT, style: { ...plain, horizontal: "right" } });
    }
    cells.push(percentCell(out, values, plain));
    cells.push(contentCell(out, col("catatan"), noteOf(e), plain));
  }

  // Total row: Σ programs.
  const totalStyle: SheetCellStyle = { bold: true, border: true, vertical: "center", wrap: true };
  cells.push({ row: totalRow, col: 1, value: "JUMLAH", style: { ...totalStyle, horizontal: "center" } });
  cells.push({ row: totalRow, col: col("uraian"), value: null, style: totalStyle });
  merges.push({ top: totalRow, left: 1, bottom: totalRow, right: col("uraian") });
  const programs = entries.filter((e) => (e.new ?? e.old)?.level === "program").map((e) => outRow.get(e) ?? 0);
  for (const f of ["indikator", "targetSemula", "targetMenjadi", "catatan"] as const) cells.push({ row: totalRow, col: col(f), value: null, style: totalStyle });
  for (const f of ["paguSemula", "paguMenjadi", "selisihRp"] as const) {
    const value = programs.reduce((s, r) => s.plus(values.get(key(r, f)) ?? 0), new Decimal(0));
    values.set(key(totalRow, f), value);
    cells.push({ row: totalRow, col: col(f), value: value.toNumber(), formula: sumFormulaWithinLimits(programs.map((r) => ({ row: r, col: col(f) }))), numFmt: f === "selisihRp" ? SELISIH_FORMAT : PERUBAHAN_MONEY_FORMAT, style: { ...totalStyle, horizontal: "right" } });
  }
  cells.push(percentCell(totalRow, values, totalStyle));

  // What the user must know: repaired slips of either version, and what the comparison found.
  for (const [version, workbook, table] of [["tables.perubahan.originalVersion", original, oldTable], ["tables.perubahan.revisedVersion", revised, newTable]] as const) {
    for (const n of planAmounts(workbook, table, ["paguN"]).notices) notices.push(renderAll(msg(version, { note: nested(n) })));
  }
  notices.push(renderAll(summaryOf(diff, values.get(key(totalRow, "paguSemula")) ?? new Decimal(0), values.get(key(totalRow, "paguMenjadi")) ?? new Decimal(0))));

  const sheetName = targetSheetName(options, DEFAULT_PERUBAHAN_SHEET);
  const widthOf = (c: number) => WIDTHS[ORDER[c - 1]];
  return {
    type: "sheet",
    title: renderAll(msg("tables.perubahan.title", { original: text(oldTable.sheet), revised: text(newTable.sheet) })),
    table: "tabel-perubahan",
    sheetName,
    replaceGenerated: Boolean(options.replace),
    sourceSheet: newTable.sheet,
    cells: cells.sort((a, b) => a.row - b.row || a.col - b.col),
    merges,
    columnWidths: ORDER.map((f, i) => ({ col: i + 1, width: WIDTHS[f] })),
    rowHeights: [{ row: 2, height: 32 }, { row: HEADER_TOP, height: 30 }, { row: HEADER_BOTTOM, height: 18 }, ...rowHeightsFor(cells, widthOf, FIRST_DATA_ROW)],
    print: printSetup(options.paper ?? "f4", [HEADER_TOP, NUMBER_ROW]),
    notices,
    freezeRows: NUMBER_ROW,
  };
}

function depth(e: MergedRow): number {
  const level = (e.new ?? e.old)?.level;
  return level === "program" ? 0 : level === "kegiatan" ? 1 : 2;
}

/** Each merged row's children among the merged rows (a removed row's parent is found through the old rows). */
function childrenOf(entries: readonly MergedRow[]): Map<MergedRow, MergedRow[]> {
  const byNew = new Map<number, MergedRow>();
  const byOld = new Map<number, MergedRow>();
  for (const e of entries) {
    if (e.new) byNew.set(e.new.row, e);
    if (e.old) byOld.set(e.old.row, e);
  }
  const out = new Map<MergedRow, MergedRow[]>();
  for (const e of entries) {
    const parent = e.new ? (e.new.parentRow === undefined ? undefined : byNew.get(e.new.parentRow)) : e.old?.parentRow === undefined ? undefined : byOld.get(e.old.parentRow);
    if (!parent) continue;
    out.set(parent, [...(out.get(parent) ?? []), e]);
  }
  return out;
}

/** Selisih in % of semula; empty where there was no semula (an added row). */
function percentCell(row: number, values: Map<string, Decimal>, style: SheetCellStyle): SheetPlanCell {
  const semula = values.get(`${row}:paguSemula`) ?? new Decimal(0);
  const selisih = values.get(`${row}:selisihRp`) ?? new Decimal(0);
  const base = a1(row, col("paguSemula"));
  return {
    row,
    col: col("selisihPersen"),
    value: semula.isZero() ? "" : selisih.div(semula).toNumber(),
    formula: `IF(${base}=0,"",${a1(row, col("selisihRp"))}/${base})`,
    numFmt: SELISIH_PERCENT_FORMAT,
    style: { ...style, horizontal: "right" },
  };
}

/** "Baru", "Dihapus", "Nama semula: …": what the match says about the row (text the pane and print show). */
function noteOf(e: MergedRow): string | null {
  if (!e.old) return "Baru";
  if (!e.new) return "Dihapus";
  if (e.pair?.renamed) return `Nama semula: ${e.old.uraian}`;
  return null;
}

/** The comparison in one sentence, with the table's own totals (the sums of its sub kegiatan). */
function summaryOf(diff: TableDiff, semula: Decimal, menjadi: Decimal): MessageRef {
  const change = menjadi.minus(semula);
  return msg("tables.perubahan.summary", {
    added: count(diff.added.length),
    removed: count(diff.removed.length),
    renamed: count(diff.renamed.length),
    semula: moneyValue(semula),
    menjadi: moneyValue(menjadi),
    // "+0" when nothing moved (signedMoney leaves zero unsigned): the sign is the table's own convention
    sign: text(change.isNegative() ? "" : "+"),
    change: moneyValue(change),
  });
}
