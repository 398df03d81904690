/**
 * Tabel 2.1 (Evaluasi Pelaksanaan Renja dan Pencapaian Renstra) from a mapped evaluation sheet, in either form
 * of DOMAIN.md §2: the Permendagri 86/2017 form with K (kinerja) / Rp pairs, or T-C.29 (12 columns). Computed
 * columns are formulas (cached results), capaian is a ratio shown in %, and a predikat column follows the
 * capaian through configurable bands. Kinerja cells keep their unit in the number format ("2" shown as
 * "2 dokumen"), so they stay numbers a formula can add.
 */
import Decimal from "decimal.js";
import { accumulates, latestOf, rowIndicatorKind } from "../evaluation/indicatorKind";
import { columnOf, planRows } from "../mapping/tree";
import { familyOf } from "../analysis/family";
import type { ColumnRole, MappedRow, MappedTable, MappedWorkbook } from "../mapping/types";
import { parseTarget } from "../numbers";
import type { SheetCellStyle, SheetMerge, SheetPlan, SheetPlanCell } from "../plan";
import { sheetOf } from "../analysis/moneyCells";
import { a1, cellAt } from "../sheet/snapshot";
import { contentCell, planRowStyle, targetSheetName, sumFormulaWithinLimits, MONEY_FORMAT, printSetup, rowHeightsFor, type BuildError, type GenerateOptions } from "./layout";
import { planAmounts } from "./planAmounts";
import { DEFAULT_PREDIKAT_BANDS, predikatFormula, predikatOf, type PredikatBand } from "./predikat";
import { chooseEvaluationSource } from "./source";
import { titleParts } from "./titleParts";
import { msg, renderAll, text, type Phrase } from "../messages";

export type Tabel21Form = "86/2017" | "t-c.29";

export interface Tabel21Options extends GenerateOptions {
  /** Default: the form the source uses (K/Rp pairs → 86/2017, N-3/N-2 columns → T-C.29). */
  form?: Tabel21Form;
  bands?: readonly PredikatBand[];
}

export const DEFAULT_TABEL21_SHEET = "Tabel 2.1 (Renja Cermat)";
export const PERCENT_FORMAT = "0.00%";

/** What a column holds. */
type Source =
  | { kind: "field"; field: "no" | "sasaran" | "uraian" | "indikator" | "unitPd" | "catatan" | "kode" }
  | { kind: "k"; roles: ColumnRole[] }
  | { kind: "rp"; role: ColumnRole }
  | { kind: "sum"; of: string[] }
  | { kind: "ratio"; num: string; den: string }
  | { kind: "predikat"; of: string[] };

interface ColumnSpec {
  key: string;
  group: string;
  sub?: "K" | "Rp";
  number: number;
  width: number;
  source: Source;
}

const TITLE_ROWS = [1, 2, 3] as const;
const HEADER_TOP = 5;
const HEADER_SUB = 6;
const NUMBER_ROW = 7;
const FIRST_DATA_ROW = 8;
const HEADER_STYLE: SheetCellStyle = { bold: true, wrap: true, horizontal: "center", vertical: "center", border: true, fill: "D9D9D9" };

const ROMAN = ["I", "II", "III", "IV"];

function columns86(year: number, hasTriwulan: boolean): ColumnSpec[] {
  const pair = (key: string, group: string, number: number, k: Source, rp: Source): ColumnSpec[] => [
    { key: `${key}K`, group, sub: "K", number, width: 10, source: k },
    { key: `${key}Rp`, group, sub: "Rp", number, width: 15, source: rp },
  ];
  const input = (key: string, group: string, number: number, extraK: ColumnRole[] = []) =>
    pair(key, group, number, { kind: "k", roles: [`${key}K` as ColumnRole, ...extraK] }, { kind: "rp", role: `${key}Rp` as ColumnRole });
  // Without quarterly figures in the source the four quarter pairs are left out (numbers jump from 7 to 12):
  // empty quarters would make column 12 contradict 12 = 8 + 9 + 10 + 11.
  const tw = !hasTriwulan ? [] : [1, 2, 3, 4].flatMap((i) => input(`tw${i}`, `Realisasi Kinerja pada Triwulan ${ROMAN[i - 1]}`, 7 + i));
  const realisasiRenja = hasTriwulan
    ? pair("realisasiRenja", `Realisasi Capaian Kinerja dan Anggaran Renja PD yang Dievaluasi (${year - 1})`, 12, { kind: "sum", of: ["tw1K", "tw2K", "tw3K", "tw4K"] }, { kind: "sum", of: ["tw1Rp", "tw2Rp", "tw3Rp", "tw4Rp"] })
    : input("realisasiRenja", `Realisasi Capaian Kinerja dan Anggaran Renja PD yang Dievaluasi (${year - 1})`, 12);
  return [
    { key: "no", group: "No", number: 1, width: 5, source: { kind: "field", field: "no" } },
    { key: "sasaran", group: "Sasaran", number: 2, width: 22, source: { kind: "field", field: "sasaran" } },
    { key: "uraian", group: "Program/Kegiatan", number: 3, width: 34, source: { kind: "field", field: "uraian" } },
    { key: "indikator", group: "Indikator Kinerja Program (outcome)/ Kegiatan (output)", number: 4, width: 28, source: { kind: "field", field: "indikator" } },
    ...input("renstra", "Target Renstra PD pada Akhir Periode Renstra PD", 5),
    ...input("realisasiLalu", `Realisasi Capaian Kinerja Renstra PD sampai dengan Renja PD Tahun Lalu (${year - 2})`, 6),
    ...input("targetRenja", `Target Kinerja dan Anggaran Renja PD Tahun Berjalan yang Dievaluasi (${year - 1})`, 7),
    ...tw,
    ...realisasiRenja,
    ...pair("realisasiAkhir", `Realisasi Kinerja dan Anggaran Renstra PD s/d Tahun ${year - 1}`, 13, { kind: "sum", of: ["realisasiLaluK", "realisasiRenjaK"] }, { kind: "sum", of: ["realisasiLaluRp", "realisasiRenjaRp"] }),
    ...pair("tingkatCapaian", `Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra PD s/d Tahun ${year - 1} (%)`, 14, { kind: "ratio", num: "realisasiAkhirK", den: "renstraK" }, { kind: "ratio", num: "realisasiAkhirRp", den: "renstraRp" }),
    { key: "unitPd", group: "Unit PD Penanggung Jawab", number: 15, width: 14, source: { kind: "field", field: "unitPd" } },
    { key: "predikat", group: "Predikat", number: 16, width: 12, source: { kind: "predikat", of: ["tingkatCapaianK", "tingkatCapaianRp"] } },
  ];
}

function columnsTC29(year: number): ColumnSpec[] {
  const col = (key: string, group: string, number: number, width: number, source: Source): ColumnSpec => ({ key, group, number, width, source });
  return [
    col("kode", "Kode", 1, 16, { kind: "field", field: "kode" }),
    col("uraian", "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan", 2, 34, { kind: "field", field: "uraian" }),
    col("indikator", "Indikator Kinerja Program (outcomes)/ Kegiatan (output)", 3, 28, { kind: "field", field: "indikator" }),
    col("renstra", `Target Kinerja Capaian Renstra (Renstra PD) Tahun ${year + 1}`, 4, 12, { kind: "k", roles: ["renstraK"] }),
    col("realisasiN3", `Realisasi Target Kinerja Hasil Program dan Keluaran Kegiatan s/d Tahun ${year - 3}`, 5, 12, { kind: "k", roles: ["realisasiN3", "realisasiLaluK"] }),
    col("targetN2", `Target Program dan Kegiatan (Renja PD) Tahun ${year - 2}`, 6, 12, { kind: "k", roles: ["targetN2"] }),
    col("realisasiN2", `Realisasi Target Program dan Kegiatan (Renja PD) Tahun ${year - 2}`, 7, 12, { kind: "k", roles: ["realisasiN2"] }),
    col("tingkatRealisasiN2", `Tingkat Realisasi (%) Tahun ${year - 2}`, 8, 11, { kind: "ratio", num: "realisasiN2", den: "targetN2" }),
    col("targetN1Renja", `Target Program dan Kegiatan (Renja PD) Tahun ${year - 1}`, 9, 12, { kind: "k", roles: ["targetN1Renja", "targetRenjaK"] }),
    col("realisasiSdN1", `Perkiraan Realisasi Capaian Target Renstra PD s/d Tahun ${year - 1}`, 10, 12, { kind: "sum", of: ["realisasiN3", "realisasiN2", "targetN1Renja"] }),
    col("tingkatCapaian", `Tingkat Capaian Realisasi Target Renstra s/d Tahun ${year - 1} (%)`, 11, 11, { kind: "ratio", num: "realisasiSdN1", den: "renstra" }),
    col("catatan", "Catatan", 12, 14, { kind: "field", field: "catatan" }),
    col("predikat", "Predikat", 13, 12, { kind: "predikat", of: ["tingkatCapaian"] }),
  ];
}

export function buildTabel21(workbook: MappedWorkbook, options: Tabel21Options): SheetPlan | BuildError {
  const chosen = chooseEvaluationSource(workbook, options.from, options.generatedSheets);
  // a plan carries its texts rendered in both languages, as the recompute plans do (plan.ts)
  if ("error" in chosen) return { error: renderAll(chosen.error) };
  const source: MappedTable = chosen;
  const year = options.year ?? source.year;
  if (year === null || year === undefined) {
    return { error: renderAll(msg("tables.tabel21.noYear", { sheet: text(source.sheet) })) };
  }
  const has = (role: ColumnRole) => source.columns[role] !== undefined;
  const form: Tabel21Form = options.form ?? (has("realisasiN3") || has("targetN2") ? "t-c.29" : "86/2017");
  const hasTriwulan = ["tw1K", "tw1Rp", "tw2Rp", "tw3Rp", "tw4Rp"].some((r) => has(r as ColumnRole));
  const specs = form === "86/2017" ? columns86(year, hasTriwulan) : columnsTC29(year);
  const colOf = new Map(specs.map((s, i) => [s.key, i + 1]));
  const lastCol = specs.length;
  const bands = options.bands ?? DEFAULT_PREDIKAT_BANDS;
  const notices: Phrase[] = [];
  const cells: SheetPlanCell[] = [];
  const merges: SheetMerge[] = [];
  const sheet = sheetOf(workbook, source);

  const parts = titleParts(source.title);
  const unit = options.unit ?? parts.unit ?? "PERANGKAT DAERAH";
  const kabupaten = options.kabupaten ?? parts.kabupaten ?? "";
  const titles = ["TABEL 2.1", `EVALUASI PELAKSANAAN RENJA ${unit} DAN PENCAPAIAN RENSTRA S/D TAHUN ${year - 1}`, kabupaten];
  TITLE_ROWS.forEach((row, i) => {
    if (!titles[i]) return;
    cells.push(contentCell(row, 1, titles[i], { bold: true, horizontal: "center", vertical: "center", fontSize: 12 }));
    merges.push({ top: row, left: 1, bottom: row, right: lastCol });
  });

  // Headers: a pair shares its group label and its column number; single columns span both header rows.
  for (let i = 0; i < specs.length; i++) {
    const s = specs[i];
    const col = i + 1;
    const pairStart = s.sub === "K";
    if (s.sub) {
      cells.push({ row: HEADER_TOP, col, value: pairStart ? s.group : null, style: HEADER_STYLE });
      cells.push({ row: HEADER_SUB, col, value: s.sub, style: HEADER_STYLE });
      cells.push({ row: NUMBER_ROW, col, value: pairStart ? s.number : null, style: { ...HEADER_STYLE, bold: false, fontSize: 9 } });
      if (pairStart) {
        merges.push({ top: HEADER_TOP, left: col, bottom: HEADER_TOP, right: col + 1 });
        merges.push({ top: NUMBER_ROW, left: col, bottom: NUMBER_ROW, right: col + 1 });
      }
    } else {
      cells.push({ row: HEADER_TOP, col, value: s.group, style: HEADER_STYLE });
      cells.push({ row: HEADER_SUB, col, value: null, style: HEADER_STYLE });
      cells.push({ row: NUMBER_ROW, col, value: s.number, style: { ...HEADER_STYLE, bold: false, fontSize: 9 } });
      merges.push({ top: HEADER_TOP, left: col, bottom: HEADER_SUB, right: col });
    }
  }

  const rpRoles = specs.flatMap((s) => (s.source.kind === "rp" ? [s.source.role] : []));
  const amounts = planAmounts(workbook, source, rpRoles);
  notices.push(...amounts.notices.map(renderAll));
  if (form === "86/2017" && !hasTriwulan) {
    notices.push(renderAll(msg("tables.tabel21.noQuarters", {})));
  }
  const body = planRows(source);
  const rowOf = new Map<number, number>();
  body.forEach((r, i) => rowOf.set(r.row, FIRST_DATA_ROW + i));
  const values = new Map<string, Decimal | string | null>();
  const formats = new Map<string, string>();
  const key = (row: number, col: number) => `${row}:${col}`;
  let programNo = 0;

  const byDepth = [...body].sort((a, b) => depth(b) - depth(a));
  const numberOf = new Map<number, number>();
  for (const r of body) if (r.level === "program") numberOf.set(r.row, ++programNo);

  for (const r of byDepth) {
    const out = rowOf.get(r.row) ?? 0;
    const style = planRowStyle(r.level);
    for (const s of specs) {
      const col = colOf.get(s.key) ?? 0;
      cells.push(cellFor(r, s, out, col, style));
    }
  }

  function cellFor(r: MappedRow, s: ColumnSpec, out: number, col: number, style: SheetCellStyle): SheetPlanCell {
    const plain: SheetCellStyle = { ...style, indent: 0 };
    const src = s.source;
    const remember = (v: Decimal | string | null) => values.set(key(out, col), v);
    switch (src.kind) {
      case "field": {
        if (src.field === "no") {
          const n = numberOf.get(r.row) ?? null;
          return { row: out, col, value: n, style: { ...plain, horizontal: "center" } };
        }
        if (src.field === "uraian") return contentCell(out, col, r.uraian, style);
        if (src.field === "kode") return contentCell(out, col, r.kode ?? null, plain);
        return contentCell(out, col, textOf(r, src.field), plain);
      }
      case "k": {
        const role = src.roles.find((x) => source.columns[x] !== undefined);
        const text = role ? textOf(r, role) : null;
        if (text === null) {
          remember(null);
          return { row: out, col, value: null, style: plain };
        }
        const reading = parseTarget(text);
        if (!reading.value) {
          remember(text);
          return contentCell(out, col, text, plain);
        }
        remember(reading.value);
        const numFmt = reading.percent ? 'General"%"' : reading.unit ? `General" ${reading.unit.replace(/"/g, "")}"` : "General";
        formats.set(key(out, col), numFmt);
        return { row: out, col, value: reading.value.toNumber(), numFmt, style: { ...plain, horizontal: "right" } };
      }
      case "rp": {
        if (source.columns[src.role] === undefined) {
          remember(null);
          return { row: out, col, value: null, numFmt: MONEY_FORMAT, style: plain };
        }
        const kids = familyOf(source).childrenOf(r).filter((k) => rowOf.has(k.row));
        if (kids.length > 0) {
          const refs = kids.map((k) => ({ row: rowOf.get(k.row) ?? 0, col }));
          const sum = sumDecimals(refs.map((ref) => values.get(key(ref.row, ref.col))));
          remember(sum);
          return { row: out, col, value: sum.toNumber(), formula: sumFormulaWithinLimits(refs), numFmt: MONEY_FORMAT, style: plain };
        }
        const leaf = amounts.amountAt(r.row, src.role);
        if (leaf?.value) {
          remember(leaf.value);
          return { row: out, col, value: leaf.value.toNumber(), numFmt: MONEY_FORMAT, style: plain };
        }
        remember(null);
        if (leaf?.unreadable) return contentCell(out, col, leaf.unreadable, plain);
        return { row: out, col, value: null, numFmt: MONEY_FORMAT, style: plain };
      }
      case "sum": {
        // A parent's money is the sum of its children in every Rp column (what rollup and formula-range check);
        // equal to the row's own 6 + 12 by linearity.
        const kids = s.sub === "Rp" ? familyOf(source).childrenOf(r).filter((k) => rowOf.has(k.row)) : [];
        if (kids.length > 0) {
          const refs = kids.map((k) => ({ row: rowOf.get(k.row) ?? 0, col }));
          const sum = sumDecimals(refs.map((ref) => values.get(key(ref.row, ref.col))));
          remember(sum);
          return { row: out, col, value: sum.toNumber(), formula: sumFormulaWithinLimits(refs), numFmt: MONEY_FORMAT, style: { ...plain, horizontal: "right" } };
        }
        const cols = src.of.map((k) => colOf.get(k)).filter((c): c is number => c !== undefined);
        const operands = cols.map((c) => values.get(key(out, c)));
        if (!operands.some((v) => v instanceof Decimal)) {
          remember(null);
          return { row: out, col, value: null, style: plain };
        }
        if (s.sub !== "Rp" && !accumulates(kindOfRow(r))) {
          // A percentage, an index or a rate: the latest realisation is the realisation so far.
          const latest = latestOf(operands.map((v) => (v instanceof Decimal ? v : undefined)));
          remember(latest ?? null);
          const numFmt = cols.map((c) => formats.get(key(out, c))).find((f) => f !== undefined) ?? "General";
          formats.set(key(out, col), numFmt);
          return { row: out, col, value: latest ? latest.toNumber() : null, formula: latestFormula(cols.map((c) => a1(out, c))), numFmt, style: { ...plain, horizontal: "right" } };
        }
        const sum = sumDecimals(operands);
        remember(sum);
        // A kinerja sum shows the unit its operands show ("%", "dokumen").
        const numFmt = s.sub === "Rp" ? MONEY_FORMAT : cols.map((c) => formats.get(key(out, c))).find((f) => f !== undefined) ?? "General";
        if (s.sub !== "Rp") formats.set(key(out, col), numFmt);
        return { row: out, col, value: sum.toNumber(), formula: `SUM(${cols.map((c) => a1(out, c)).join(",")})`, numFmt, style: { ...plain, horizontal: "right" } };
      }
      case "ratio": {
        const num = colOf.get(src.num);
        const den = colOf.get(src.den);
        const n = num === undefined ? undefined : values.get(key(out, num));
        const d = den === undefined ? undefined : values.get(key(out, den));
        if (num === undefined || den === undefined || !(n instanceof Decimal) || !(d instanceof Decimal)) {
          remember(null);
          return { row: out, col, value: null, numFmt: PERCENT_FORMAT, style: plain };
        }
        // Kinerja of a lower-is-better indicator: capaian = target / realisasi.
        const inverse = s.sub !== "Rp" && kindOfRow(r) === "lower";
        const [top, bottom] = inverse ? [den, num] : [num, den];
        const ratio = inverse ? (n.isZero() ? null : d.div(n)) : d.isZero() ? null : n.div(d);
        remember(ratio);
        return { row: out, col, value: ratio ? ratio.toNumber() : "", formula: `IFERROR(${a1(out, top)}/${a1(out, bottom)},"")`, numFmt: PERCENT_FORMAT, style: { ...plain, horizontal: "right" } };
      }
      case "predikat": {
        const from = src.of.map((k) => colOf.get(k)).find((c) => c !== undefined && values.get(key(out, c)) instanceof Decimal) ?? colOf.get(src.of[0]);
        if (from === undefined) return { row: out, col, value: null, style: plain };
        const ratio = values.get(key(out, from));
        const cached = ratio instanceof Decimal ? predikatOf(ratio.times(100).toNumber(), bands) : "";
        return { row: out, col, value: cached, formula: predikatFormula(a1(out, from), bands), style: { ...plain, horizontal: "center" } };
      }
    }
  }

  /** How the row's indicator is judged (the user's choice, else its wording). */
  function kindOfRow(r: MappedRow) {
    return rowIndicatorKind(source, r, (role) => textOf(r, role));
  }

  function textOf(r: MappedRow, role: ColumnRole): string | null {
    const col = columnOf(source, r, role);
    if (col === undefined || !sheet) return null;
    const cell = cellAt(sheet, r.row, col);
    if (!cell) return null;
    if (cell.error) return cell.error;
    if (typeof cell.value === "number") return String(cell.value);
    if (typeof cell.value === "string") return cell.value.trim() === "" ? null : cell.value.trim();
    return null;
  }

  // Total row: Σ programs in every Rp input column; computed columns follow their formulas.
  const totalRow = FIRST_DATA_ROW + body.length;
  const totalStyle: SheetCellStyle = { bold: true, border: true, vertical: "center" };
  const programs = body.filter((r) => r.level === "program").map((r) => rowOf.get(r.row) ?? 0);
  const labelCol = colOf.get("uraian") ?? 2;
  for (let col = 1; col <= lastCol; col++) {
    const s = specs[col - 1];
    if (col === labelCol) {
      cells.push({ row: totalRow, col, value: "JUMLAH", style: { ...totalStyle, horizontal: "center" } });
      continue;
    }
    const sourced = s.source.kind !== "rp" || source.columns[s.source.role] !== undefined;
    if (sourced && (s.source.kind === "rp" || (s.source.kind === "sum" && s.sub === "Rp"))) {
      const refs = programs.map((row) => ({ row, col }));
      const sum = sumDecimals(refs.map((ref) => values.get(key(ref.row, ref.col))));
      values.set(key(totalRow, col), sum);
      cells.push({ row: totalRow, col, value: sum.toNumber(), formula: sumFormulaWithinLimits(refs), numFmt: MONEY_FORMAT, style: totalStyle });
    } else if (s.source.kind === "ratio" && s.sub === "Rp") {
      const num = colOf.get(s.source.num) ?? 0;
      const den = colOf.get(s.source.den) ?? 0;
      const n = values.get(key(totalRow, num));
      const d = values.get(key(totalRow, den));
      const ratio = n instanceof Decimal && d instanceof Decimal && !d.isZero() ? n.div(d) : null;
      cells.push({ row: totalRow, col, value: ratio ? ratio.toNumber() : "", formula: `IFERROR(${a1(totalRow, num)}/${a1(totalRow, den)},"")`, numFmt: PERCENT_FORMAT, style: totalStyle });
    } else {
      cells.push({ row: totalRow, col, value: null, style: totalStyle });
    }
  }

  const widthOf = (col: number) => specs[col - 1]?.width ?? 10;
  const sheetName = targetSheetName(options, DEFAULT_TABEL21_SHEET);
  return {
    type: "sheet",
    title: renderAll(msg("tables.tabel21.title", { sheet: text(source.sheet) })),
    table: "tabel-2.1",
    sheetName,
    replaceGenerated: Boolean(options.replace),
    sourceSheet: source.sheet,
    cells: cells.sort((a, b) => a.row - b.row || a.col - b.col),
    merges,
    columnWidths: specs.map((s, i) => ({ col: i + 1, width: s.width })),
    rowHeights: [{ row: 2, height: 32 }, { row: HEADER_TOP, height: 96 }, ...rowHeightsFor(cells, widthOf, FIRST_DATA_ROW)],
    print: printSetup(options.paper ?? "f4", [HEADER_TOP, NUMBER_ROW]),
    notices,
    freezeRows: NUMBER_ROW,
  };
}

function depth(r: MappedRow): number {
  return r.level === "program" ? 0 : r.level === "kegiatan" ? 1 : 2;
}

function sumDecimals(values: Array<Decimal | string | null | undefined>): Decimal {
  let sum = new Decimal(0);
  for (const v of values) if (v instanceof Decimal) sum = sum.plus(v);
  return sum;
}

/** The latest of the cells holding a number, in year order: IF(ISNUMBER(last),last,IF(ISNUMBER(…),…,first)). */
function latestFormula(cells: string[]): string {
  let expr = cells[0];
  for (const c of cells.slice(1)) expr = `IF(ISNUMBER(${c}),${c},${expr})`;
  return expr;
}
