/**
 * The verification workbook of `renja report` (issue 12): a "Rekap" sheet with one row per unit (status per
 * checklist item, counts, totals, a link to the unit's sheet) and one "Lembar Verifikasi" per unit: a row per
 * checklist item with its status, then a row per finding with the cell it concerns ('Tabel 3.3'!J21), its
 * message once, its stable ID and an empty "Tanggapan OPD" column for the unit's response. F4 (or A4)
 * landscape, header rows repeated on every page, the unit's name and the date in the page header.
 * Every text is written as text; the only formulas are the Rekap's links, built here (never from cell text).
 */
import type { Message } from "../findings";
import { formatRupiah } from "../numbers/format";
import type { SheetCellStyle, SheetContent, SheetMerge, SheetPlanCell } from "../plan";
import { MONEY_FORMAT, PAPER_CODES, freeSheetName, rowHeightsFor, type Paper } from "../tables/layout";
import { findingPlace, KIND_LABEL, STATUS_LABEL, type ChecklistItem, type ItemStatus, type UnitReview } from "./unitReview";

/** A language of Message (the domain's messages carry both). */
import { render, type Lang } from "../messages";
export type { Lang };

export interface ReportUnit {
  /** The file as the verifier named it (shown in the Rekap). */
  file: string;
  outcome: "checked" | "no-table" | "unreadable";
  /** Why the file could not be read (outcome "unreadable"). */
  reason?: Message;
  review?: UnitReview;
}

export interface ReportOptions {
  lang: Lang;
  /** The date of the verification, shown in titles and page headers. */
  date: Date;
  paper?: Paper;
}

const FONT = 10;
const HEAD: SheetCellStyle = { bold: true, border: true, wrap: true, horizontal: "center", vertical: "center", fill: "D9D9D9", fontSize: FONT };
const BODY: SheetCellStyle = { border: true, wrap: true, vertical: "top", fontSize: FONT };
const ITEM: SheetCellStyle = { ...BODY, bold: true, fill: "F2F2F2" };

const STATUS_FILL: Record<ItemStatus, string | undefined> = {
  sesuai: undefined,
  "perlu-perbaikan": "FCE4D6",
  "tidak-ditemukan": "FFF2CC",
  "tidak-diperiksa": undefined,
};

/** Short column headers of the Rekap, one per checklist item. */
const ITEM_SHORT: Record<ChecklistItem["id"], Message> = {
  "tables-present": { id: "Tabel wajib", en: "Required tables" },
  "bab3-bab4": { id: "Bab III = Bab IV", en: "Bab III = Bab IV" },
  sums: { id: "Jumlah pagu", en: "Budget sums" },
  total: { id: "Total pagu", en: "Budget total" },
  numbers: { id: "Angka pagu", en: "Amounts" },
  "stated-counts": { id: "Jumlah dalam teks", en: "Counts in text" },
  years: { id: "Tahun", en: "Years" },
  "kode-nomenclature": { id: "Kode & nomenklatur", en: "Kode & nomenclature" },
  fields: { id: "Isian", en: "Fields" },
  evaluation: { id: "Rumus Tabel 2.1", en: "Tabel 2.1 formulas" },
  sipd: { id: "SIPD", en: "SIPD" },
};

const MONTHS: Record<Lang, string[]> = {
  id: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

export function formatDate(date: Date, lang: Lang): string {
  return `${date.getUTCDate()} ${MONTHS[lang][date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** The Lembar Verifikasi's header row (repeated on every printed page) and its first data row. */
export const LEMBAR_HEADER_ROW = 5;
export const REKAP_HEADER_ROW = 4;

export const LEMBAR_COLUMNS: Record<Lang, string[]> = {
  id: ["No", "Butir pemeriksaan / temuan", "Status", "Letak", "Catatan", "ID temuan", "Tanggapan OPD"],
  en: ["No", "Checklist item / finding", "Status", "Place", "Note", "Finding ID", "Tanggapan OPD (unit's response)"],
};
const LEMBAR_WIDTHS = [6, 30, 15, 17, 60, 31, 34];

export function buildVerificationSheets(units: readonly ReportUnit[], options: ReportOptions): SheetContent[] {
  const taken: string[] = ["Rekap"];
  const names = units.map((u) => {
    if (u.outcome === "unreadable" || !u.review) return undefined;
    const name = freeSheetName(`LV ${String(units.indexOf(u) + 1).padStart(2, "0")} ${unitName(u)}`, taken);
    taken.push(name);
    return name;
  });
  const lembar = units.flatMap((u, i) => {
    const name = names[i];
    return name !== undefined && u.review ? [lembarVerifikasi(name, u, u.review, options)] : [];
  });
  return [rekap(units, names, options), ...lembar];
}

function unitName(u: ReportUnit): string {
  return u.review?.unit ?? fileLabel(u.file).replace(/^.*[\\/]/, "");
}

/** The file as the Rekap names it: its path under the folder it was found in, without ".xlsx". */
function fileLabel(file: string): string {
  return file.replace(/\.xlsx$/i, "");
}

/* ---------------------------------------------------------------- Rekap */

function rekap(units: readonly ReportUnit[], sheetNames: readonly (string | undefined)[], options: ReportOptions): SheetContent {
  const { lang } = options;
  const en = lang === "en";
  const items = Object.keys(ITEM_SHORT) as ChecklistItem["id"][];
  const headers = [
    "No",
    en ? "Perangkat daerah" : "Perangkat daerah",
    en ? "File" : "Berkas",
    ...items.map((id) => ITEM_SHORT[id][lang]),
    en ? "Errors" : "Galat",
    en ? "Warnings" : "Peringatan",
    en ? "Total N" : "Total pagu N",
    en ? "Total N+1" : "Total pagu N+1",
    en ? "Overall" : "Status",
    en ? "Sheet" : "Lembar",
  ];
  const cells: SheetPlanCell[] = [];
  const merges: SheetMerge[] = [];
  const last = headers.length;
  const kabupaten = units.map((u) => u.review?.kabupaten).find((k) => k !== undefined);
  const title = en ? "VERIFICATION SUMMARY OF THE RENJA OF PERANGKAT DAERAH" : "REKAPITULASI VERIFIKASI RENJA PERANGKAT DAERAH";
  cells.push({ row: 1, col: 1, value: kabupaten ? `${title} ${kabupaten}` : title, style: { bold: true, fontSize: 12, horizontal: "center" } });
  cells.push({ row: 2, col: 1, value: `${en ? "Verification date" : "Tanggal verifikasi"}: ${formatDate(options.date, lang)}`, style: { horizontal: "center", fontSize: FONT } });
  merges.push({ top: 1, left: 1, bottom: 1, right: last }, { top: 2, left: 1, bottom: 2, right: last });
  headers.forEach((h, i) => cells.push({ row: REKAP_HEADER_ROW, col: i + 1, value: h, style: HEAD }));

  units.forEach((u, i) => {
    const row = REKAP_HEADER_ROW + 1 + i;
    const put = (col: number, value: SheetPlanCell["value"], style: SheetCellStyle = BODY, numFmt?: string) =>
      cells.push({ row, col, value, style, ...(numFmt ? { numFmt } : {}) });
    put(1, i + 1, { ...BODY, horizontal: "center" });
    put(2, unitName(u));
    put(3, fileLabel(u.file));
    const review = u.review;
    items.forEach((id, k) => {
      const item = review?.checklist.find((c) => c.id === id);
      const status = item?.status;
      put(4 + k, status ? STATUS_LABEL[status][lang] : "–", { ...BODY, horizontal: "center", fill: status ? STATUS_FILL[status] : undefined });
    });
    let col = 4 + items.length;
    put(col++, review ? review.counts.error : null, { ...BODY, horizontal: "right" });
    put(col++, review ? review.counts.warning : null, { ...BODY, horizontal: "right" });
    put(col++, review?.totalN !== undefined ? Number(review.totalN) : null, { ...BODY, horizontal: "right" }, MONEY_FORMAT);
    put(col++, review?.totalN1 !== undefined ? Number(review.totalN1) : null, { ...BODY, horizontal: "right" }, MONEY_FORMAT);
    put(col++, overallStatus(u, lang), BODY);
    const target = sheetNames[i];
    if (target !== undefined) {
      // A link built here from the sheet name this builder chose, never from anything read out of a cell.
      cells.push({ row, col, value: target, formula: `HYPERLINK(${formulaString(`#${sheetRefForFormula(target)}!A1`)},${formulaString(target)})`, style: { ...BODY, italic: true } });
    } else put(col, "–");
  });

  const widths = [5, 30, 22, ...items.map(() => 12), 8, 10, 16, 16, 30, 22];
  const columnWidths = widths.map((width, i) => ({ col: i + 1, width }));
  return {
    sheetName: "Rekap",
    cells,
    merges,
    columnWidths,
    rowHeights: rowHeightsFor(cells, (c) => widths[c - 1] ?? 10, REKAP_HEADER_ROW),
    print: printSetupFor(options, [REKAP_HEADER_ROW, REKAP_HEADER_ROW], { left: title, right: formatDate(options.date, lang) }),
    freezeRows: REKAP_HEADER_ROW,
  };
}

function overallStatus(u: ReportUnit, lang: Lang): string {
  if (u.outcome === "unreadable") {
    const reason = u.reason?.[lang] ?? "";
    return `${lang === "en" ? "could not be read" : "tidak dapat dibaca"}${reason ? `: ${reason}` : ""}`;
  }
  if (u.outcome === "no-table") return lang === "en" ? "no Renja table found" : "tidak ada tabel Renja";
  const statuses = u.review?.checklist.map((c) => c.status) ?? [];
  if (statuses.includes("perlu-perbaikan")) return STATUS_LABEL["perlu-perbaikan"][lang];
  if (statuses.includes("tidak-ditemukan")) return STATUS_LABEL["tidak-ditemukan"][lang];
  return STATUS_LABEL.sesuai[lang];
}

/* ---------------------------------------------------------------- Lembar Verifikasi */

function lembarVerifikasi(sheetName: string, u: ReportUnit, review: UnitReview, options: ReportOptions): SheetContent {
  const { lang } = options;
  const en = lang === "en";
  const name = unitName(u);
  const cells: SheetPlanCell[] = [];
  const last = LEMBAR_COLUMNS[lang].length;
  const title = en ? "RENJA VERIFICATION SHEET" : "LEMBAR VERIFIKASI RENJA PERANGKAT DAERAH";
  cells.push({ row: 1, col: 1, value: title, style: { bold: true, fontSize: 12, horizontal: "center" } });
  cells.push({ row: 2, col: 1, value: review.kabupaten ? `${name} — ${review.kabupaten}` : name, style: { bold: true, fontSize: 11, horizontal: "center" } });
  cells.push({ row: 3, col: 1, value: infoLine(u, review, options), style: { horizontal: "center", fontSize: FONT, wrap: true } });
  const merges: SheetMerge[] = [1, 2, 3].map((r) => ({ top: r, left: 1, bottom: r, right: last }));
  LEMBAR_COLUMNS[lang].forEach((h, i) => cells.push({ row: LEMBAR_HEADER_ROW, col: i + 1, value: h, style: HEAD }));

  let row = LEMBAR_HEADER_ROW + 1;
  review.checklist.forEach((item, i) => {
    const status = STATUS_LABEL[item.status][lang];
    const itemStyle = { ...ITEM, fill: STATUS_FILL[item.status] ?? ITEM.fill };
    const values: SheetPlanCell["value"][] = [String(i + 1), item.label[lang], status, "", itemNote(item, lang), "", ""];
    values.forEach((value, c) => cells.push({ row, col: c + 1, value, style: c === 0 ? { ...itemStyle, horizontal: "center" } : itemStyle }));
    row++;
    item.findings.forEach((f, k) => {
      const severity = f.severity === "error" ? (en ? "Error" : "Galat") : en ? "Warning" : "Peringatan";
      const line: SheetPlanCell["value"][] = [`${i + 1}.${k + 1}`, `${severity} (${f.rule})`, status, findingPlace(f), render(f.message, lang), f.id ?? "", ""];
      line.forEach((value, c) => cells.push({ row, col: c + 1, value, style: c === 0 ? { ...BODY, horizontal: "center" } : BODY }));
      row++;
    });
  });

  const columnWidths = LEMBAR_WIDTHS.map((width, i) => ({ col: i + 1, width }));
  return {
    sheetName,
    cells,
    merges,
    columnWidths,
    rowHeights: [{ row: 3, height: 28 }, ...rowHeightsFor(cells, (c) => LEMBAR_WIDTHS[c - 1] ?? 10, LEMBAR_HEADER_ROW)],
    print: printSetupFor(options, [LEMBAR_HEADER_ROW, LEMBAR_HEADER_ROW], { left: name, right: formatDate(options.date, lang) }),
    freezeRows: LEMBAR_HEADER_ROW,
  };
}

function infoLine(u: ReportUnit, review: UnitReview, options: ReportOptions): string {
  const en = options.lang === "en";
  const money = (v: string | undefined) => (v === undefined ? "–" : `Rp ${formatRupiah(v)}`);
  const tables = review.tables.map((t) => `${KIND_LABEL[t.kind]} ('${t.sheet}': ${t.counts.program}/${t.counts.kegiatan}/${t.counts.subKegiatan})`).join(", ");
  const parts = [
    `${en ? "File" : "Berkas"}: ${u.file}`,
    `${en ? "Verification date" : "Tanggal verifikasi"}: ${formatDate(options.date, options.lang)}`,
    `${en ? "Total N" : "Total pagu N"}: ${money(review.totalN)}`,
    `N+1: ${money(review.totalN1)}`,
    `${en ? "Tables (programme/kegiatan/sub kegiatan)" : "Tabel (program/kegiatan/sub kegiatan)"}: ${tables || "–"}`,
  ];
  return parts.join(" · ");
}

function itemNote(item: ChecklistItem, lang: Lang): string {
  const en = lang === "en";
  const errors = item.findings.filter((f) => f.severity === "error").length;
  const warnings = item.findings.length - errors;
  const parts: string[] = [];
  if (item.note) parts.push(item.note[lang]);
  if (errors > 0) parts.push(en ? `${errors} error${errors === 1 ? "" : "s"}` : `${errors} galat`);
  if (warnings > 0) parts.push(en ? `${warnings} warning${warnings === 1 ? "" : "s"}` : `${warnings} peringatan`);
  if (item.infoCount > 0) parts.push(en ? `${item.infoCount} info (not listed; renja check --json)` : `${item.infoCount} info (tidak dirinci; renja check --json)`);
  if (parts.length === 0) parts.push(en ? "No findings." : "Tidak ada temuan.");
  return parts.join("; ");
}

function printSetupFor(options: ReportOptions, titleRows: [number, number], header: { left: string; right: string }): SheetContent["print"] {
  return {
    orientation: "landscape",
    paperSize: PAPER_CODES[options.paper ?? "f4"],
    fitToWidth: 1,
    fitToHeight: 0,
    printTitleRows: titleRows,
    header,
    footerCenter: options.lang === "en" ? "Page &P / &N" : "Halaman &P / &N",
    margins: { left: 0.4, right: 0.4, top: 0.7, bottom: 0.6, header: 0.3, footer: 0.3 },
    centerHorizontally: true,
  };
}

/** 'Sheet name' quoted for a formula reference, quotes doubled. */
function sheetRefForFormula(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A string literal in a formula, quotes doubled. */
function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
