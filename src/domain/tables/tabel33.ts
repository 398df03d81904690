/**
 * Tabel 3.3 (T-C.33) built from the plan rows of a mapped table (a Tabel 3.3, a Tabel 7 or a working sheet):
 * titles with N and N+1, the two header rows and the column-number row, one row per program / kegiatan /
 * sub kegiatan, parents and the total as SUM formulas of their children (cached results), print-ready.
 */
import Decimal from "decimal.js";
import { cellAt } from "../sheet/snapshot";
import { columnOf, planRows } from "../mapping/tree";
import { familyOf } from "../analysis/family";
import type { ColumnRole, MappedRow, MappedTable, MappedWorkbook } from "../mapping/types";
import type { SheetCellStyle, SheetMerge, SheetPlan, SheetPlanCell } from "../plan";
import { sheetOf } from "../analysis/moneyCells";
import { contentCell, planRowStyle, targetSheetName, sumFormulaWithinLimits, MONEY_FORMAT, printSetup, rowHeightsFor, type BuildError, type GenerateOptions } from "./layout";
import { planAmounts } from "./planAmounts";
import { choosePlanSource } from "./source";
import { titleParts } from "./titleParts";
import { targetText, unitRoleOf } from "../mapping/targets";
import { msg, renderAll, text, year as yearValue, type Phrase } from "../messages";

export type ColumnOrder = "official" | "seed";

export interface Tabel33Options extends GenerateOptions {
  order?: ColumnOrder;
}

export const DEFAULT_TABEL33_SHEET = "Tabel 3.3 (Renja Cermat)";

type Field = "kode" | "uraian" | "indikator" | "lokasi" | "targetN" | "paguN" | "sumberDana" | "catatan" | "targetN1" | "paguN1";

const ORDERS: Record<ColumnOrder, Field[]> = {
  official: ["kode", "uraian", "indikator", "lokasi", "targetN", "paguN", "sumberDana", "catatan", "targetN1", "paguN1"],
  seed: ["kode", "uraian", "lokasi", "indikator", "targetN", "paguN", "sumberDana", "catatan", "targetN1", "paguN1"],
};

const WIDTHS: Record<Field, number> = {
  kode: 17,
  uraian: 46,
  indikator: 34,
  lokasi: 18,
  targetN: 13,
  paguN: 17,
  sumberDana: 11,
  catatan: 14,
  targetN1: 13,
  paguN1: 17,
};

const LABELS: Record<Field, string> = {
  kode: "KODE",
  uraian: "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan",
  indikator: "Indikator Kinerja Program/Kegiatan",
  lokasi: "Lokasi",
  targetN: "Target Capaian Kinerja",
  paguN: "Kebutuhan Dana/Pagu Indikatif",
  sumberDana: "Sumber Dana",
  catatan: "Catatan Penting",
  targetN1: "Target Capaian Kinerja",
  paguN1: "Kebutuhan Dana/Pagu Indikatif",
};

const MONEY: readonly Field[] = ["paguN", "paguN1"];
const TEXT_FIELDS: readonly Field[] = ["indikator", "lokasi", "targetN", "sumberDana", "catatan", "targetN1"];

/** Layout rows. */
const TITLE_ROWS = [1, 2, 3] as const;
const HEADER_TOP = 5;
const HEADER_BOTTOM = 6;
const NUMBER_ROW = 7;
const FIRST_DATA_ROW = 8;

const HEADER_STYLE: SheetCellStyle = { bold: true, wrap: true, horizontal: "center", vertical: "center", border: true, fill: "D9D9D9" };

export function buildTabel33(workbook: MappedWorkbook, options: Tabel33Options): SheetPlan | BuildError {
  const chosen = choosePlanSource(workbook, options.from, options.generatedSheets);
  // a plan carries its texts rendered in both languages, as the recompute plans do (plan.ts)
  if ("error" in chosen) return { error: renderAll(chosen.error) };
  const source: MappedTable = chosen;
  const year = options.year ?? source.year;
  if (year === null || year === undefined) {
    return { error: renderAll(msg("tables.tabel33.noYear", { sheet: text(source.sheet) })) };
  }
  const order = ORDERS[options.order ?? "official"];
  const colOf = (f: Field) => order.indexOf(f) + 1;
  const lastCol = order.length;
  const notices: Phrase[] = [];
  const cells: SheetPlanCell[] = [];
  const merges: SheetMerge[] = [];

  // Titles.
  const parts = titleParts(source.title);
  const unit = options.unit ?? parts.unit;
  const kabupaten = options.kabupaten ?? parts.kabupaten;
  if (!unit) notices.push(renderAll(msg("tables.noUnit", {})));
  if (!kabupaten) notices.push(renderAll(msg("tables.tabel33.noKabupaten", {})));
  const titleTexts = [
    "TABEL 3.3",
    `RUMUSAN RENCANA PROGRAM DAN KEGIATAN ${unit ?? "PERANGKAT DAERAH"} TAHUN ${year} DAN PRAKIRAAN MAJU TAHUN ${year + 1}`,
    kabupaten ?? "",
  ];
  TITLE_ROWS.forEach((row, i) => {
    if (titleTexts[i] === "") return;
    cells.push(contentCell(row, 1, titleTexts[i], { bold: true, horizontal: "center", vertical: "center", wrap: true, fontSize: 12 }));
    merges.push({ top: row, left: 1, bottom: row, right: lastCol });
  });

  // Header rows: groups over the plan-year and the N+1 columns; every other column spans both rows.
  const groupN = order.filter((f) => f === "targetN" || f === "paguN" || f === "sumberDana" || (f === "lokasi" && options.order !== "seed"));
  const groupN1: Field[] = ["targetN1", "paguN1"];
  const groups: Array<{ fields: Field[]; label: string }> = [
    { fields: groupN, label: `Rencana Tahun ${year}` },
    { fields: groupN1, label: `Prakiraan Maju Rencana Tahun ${year + 1}` },
  ];
  for (const g of groups) {
    const cols = g.fields.map(colOf).sort((a, b) => a - b);
    cells.push({ row: HEADER_TOP, col: cols[0], value: g.label, style: HEADER_STYLE });
    for (const c of cols.slice(1)) cells.push({ row: HEADER_TOP, col: c, value: null, style: HEADER_STYLE });
    merges.push({ top: HEADER_TOP, left: cols[0], bottom: HEADER_TOP, right: cols[cols.length - 1] });
    for (const f of g.fields) cells.push({ row: HEADER_BOTTOM, col: colOf(f), value: LABELS[f], style: HEADER_STYLE });
  }
  const grouped = new Set<Field>([...groupN, ...groupN1]);
  for (const f of order) {
    if (grouped.has(f)) continue;
    cells.push({ row: HEADER_TOP, col: colOf(f), value: LABELS[f], style: HEADER_STYLE });
    cells.push({ row: HEADER_BOTTOM, col: colOf(f), value: null, style: HEADER_STYLE });
    merges.push({ top: HEADER_TOP, left: colOf(f), bottom: HEADER_BOTTOM, right: colOf(f) });
  }
  for (let c = 1; c <= lastCol; c++) {
    cells.push({ row: NUMBER_ROW, col: c, value: c, style: { ...HEADER_STYLE, bold: false, fontSize: 9 } });
  }

  // Body.
  const moneyRoles: ColumnRole[] = MONEY.filter((f) => source.columns[f] !== undefined);
  const hasN1 = source.columns.paguN1 !== undefined;
  if (!hasN1) {
    notices.push(renderAll(msg("tables.tabel33.noForwardEstimate", { sheet: text(source.sheet), year: yearValue(year + 1) })));
  }
  const amounts = planAmounts(workbook, source, moneyRoles);
  notices.push(...amounts.notices.map(renderAll));
  const body = planRows(source);
  const rowOf = new Map<number, number>();
  body.forEach((r, i) => rowOf.set(r.row, FIRST_DATA_ROW + i));
  const totalRow = FIRST_DATA_ROW + body.length;
  const values = new Map<string, Decimal | null>();
  const sheet = sheetOf(workbook, source);

  // Children before parents, so each parent's cached result is the sum of its children's.
  for (const r of [...body].sort((a, b) => depth(b) - depth(a))) {
    const out = rowOf.get(r.row) ?? 0;
    const style = planRowStyle(r.level);
    for (const f of order) {
      const col = colOf(f);
      if (f === "kode") cells.push(contentCell(out, col, r.kode ?? null, { ...style, indent: 0, horizontal: "left" }));
      else if (f === "uraian") cells.push(contentCell(out, col, r.uraian, style));
      else if (MONEY.includes(f)) cells.push(moneyCell(source, r, f, out, col, { ...style, indent: 0 }));
      else if (TEXT_FIELDS.includes(f)) cells.push(contentCell(out, col, sourceValue(r, f), { ...style, indent: 0 }));
    }
  }

  function depth(r: MappedRow): number {
    return r.level === "program" ? 0 : r.level === "kegiatan" ? 1 : 2;
  }

  function sourceValue(r: MappedRow, f: Field): string | number | null {
    // a target whose unit stands in a Satuan column is written with it: "95,5 %", "1 dokumen"
    if ((f === "targetN" || f === "targetN1") && unitRoleOf(source, f) !== undefined) return targetText(sheet, source, r, f) || null;
    const col = columnOf(source, r, f as ColumnRole);
    if (col === undefined || !sheet) return null;
    const cell = cellAt(sheet, r.row, col);
    if (!cell || cell.error) return cell?.error ?? null;
    if (typeof cell.value === "string") return cell.value.trim() === "" ? null : cell.value.trim();
    if (typeof cell.value === "boolean") return null;
    return cell.value;
  }

  function moneyCell(table: MappedTable, r: MappedRow, f: Field, out: number, col: number, style: SheetCellStyle): SheetPlanCell {
    const role = f as ColumnRole;
    const key = `${out}:${col}`;
    if (!moneyRoles.includes(role)) {
      values.set(key, null);
      return { row: out, col, value: null, style };
    }
    const kids = familyOf(table).childrenOf(r).filter((k) => rowOf.has(k.row));
    if (kids.length > 0) {
      const refs = kids.map((k) => ({ row: rowOf.get(k.row) ?? 0, col }));
      const sum = sumOf(refs.map((ref) => values.get(`${ref.row}:${ref.col}`)));
      values.set(key, sum);
      return { row: out, col, value: sum === null ? 0 : sum.toNumber(), formula: sumFormulaWithinLimits(refs), numFmt: MONEY_FORMAT, style };
    }
    const leaf = amounts.amountAt(r.row, role);
    if (leaf?.value) {
      values.set(key, leaf.value);
      return { row: out, col, value: leaf.value.toNumber(), numFmt: MONEY_FORMAT, style };
    }
    values.set(key, null);
    if (leaf?.unreadable) return contentCell(out, col, leaf.unreadable, style);
    return { row: out, col, value: null, numFmt: MONEY_FORMAT, style };
  }

  // Total row: Σ programs.
  const totalStyle: SheetCellStyle = { bold: true, border: true, vertical: "center", wrap: true };
  cells.push({ row: totalRow, col: 1, value: "JUMLAH", style: { ...totalStyle, horizontal: "center" } });
  for (let c = 2; c <= lastCol; c++) {
    const f = order[c - 1];
    if (!MONEY.includes(f)) {
      if (c !== colOf("uraian")) cells.push({ row: totalRow, col: c, value: null, style: totalStyle });
      continue;
    }
    if (!moneyRoles.includes(f as ColumnRole)) {
      cells.push({ row: totalRow, col: c, value: null, numFmt: MONEY_FORMAT, style: totalStyle });
      continue;
    }
    const refs = body.filter((r) => r.level === "program").map((r) => ({ row: rowOf.get(r.row) ?? 0, col: c }));
    const sum = sumOf(refs.map((ref) => values.get(`${ref.row}:${ref.col}`))) ?? new Decimal(0);
    cells.push({ row: totalRow, col: c, value: sum.toNumber(), formula: sumFormulaWithinLimits(refs), numFmt: MONEY_FORMAT, style: totalStyle });
  }
  cells.push({ row: totalRow, col: colOf("uraian"), value: null, style: totalStyle });
  merges.push({ top: totalRow, left: 1, bottom: totalRow, right: colOf("uraian") });

  const widthOf = (col: number) => WIDTHS[order[col - 1]];
  const sheetName = targetSheetName(options, DEFAULT_TABEL33_SHEET);
  return {
    type: "sheet",
    title: renderAll(msg("tables.tabel33.title", { sheet: text(source.sheet) })),
    table: "tabel-3.3",
    sheetName,
    replaceGenerated: Boolean(options.replace),
    sourceSheet: source.sheet,
    cells: cells.sort((a, b) => a.row - b.row || a.col - b.col),
    merges,
    columnWidths: order.map((f, i) => ({ col: i + 1, width: WIDTHS[f] })),
    rowHeights: [{ row: 2, height: 32 }, { row: HEADER_TOP, height: 30 }, { row: HEADER_BOTTOM, height: 42 }, ...rowHeightsFor(cells, widthOf, FIRST_DATA_ROW)],
    print: printSetup(options.paper ?? "f4", [HEADER_TOP, NUMBER_ROW]),
    notices,
    freezeRows: NUMBER_ROW,
  };
}

/** Σ of the children's values; null when no child holds an amount (the column stays empty below). */
function sumOf(values: Array<Decimal | null | undefined>): Decimal | null {
  let sum: Decimal | null = null;
  for (const v of values) if (v) sum = (sum ?? new Decimal(0)).plus(v);
  return sum;
}
