/**
 * The verification workbook of `renja report` (issue 12): a "Rekap" sheet with one row per unit (status per
 * checklist item, counts, totals, a link to the unit's sheet) and one "Lembar Verifikasi" per unit: a row per
 * checklist item with its status, then a row per finding with the cell it concerns ('Tabel 3.3'!J21), its
 * message once, its stable ID and an empty "Tanggapan OPD" column for the unit's response. F4 (or A4)
 * landscape, header rows repeated on every page, the unit's name and the date in the page header.
 * Every text is written as text; the only formulas are the Rekap's links, built here (never from cell text).
 */
import type { Message } from "../findings";
import type { SheetCellStyle, SheetContent, SheetMerge, SheetPlanCell } from "../plan";
import { MONEY_FORMAT, PAPER_CODES, freeSheetName, rowHeightsFor, type Paper } from "../tables/layout";
import { findingPlace, KIND_LABEL, STATUS_LABEL, type ChecklistItem, type ItemStatus, type UnitReview } from "./unitReview";

/** The sheets are written in one language: every text is rendered here, from the catalogue. */
import { count, money, msg, nested, phrase, render, text, year, type Lang, type MessageRef } from "../messages";
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

/** Short column headers of the Rekap, one per checklist item (the Rekap's columns follow this order). */
const ITEM_SHORT: Record<ChecklistItem["id"], MessageRef> = {
  "tables-present": msg("review.short.tables-present", {}),
  "bab3-bab4": msg("review.short.bab3-bab4", {}),
  sums: msg("review.short.sums", {}),
  total: msg("review.short.total", {}),
  numbers: msg("review.short.numbers", {}),
  "stated-counts": msg("review.short.stated-counts", {}),
  years: msg("review.short.years", {}),
  "kode-nomenclature": msg("review.short.kode-nomenclature", {}),
  fields: msg("review.short.fields", {}),
  evaluation: msg("review.short.evaluation", {}),
  sipd: msg("review.short.sipd", {}),
};

const MONTHS: readonly MessageRef[] = [
  msg("review.month.1", {}),
  msg("review.month.2", {}),
  msg("review.month.3", {}),
  msg("review.month.4", {}),
  msg("review.month.5", {}),
  msg("review.month.6", {}),
  msg("review.month.7", {}),
  msg("review.month.8", {}),
  msg("review.month.9", {}),
  msg("review.month.10", {}),
  msg("review.month.11", {}),
  msg("review.month.12", {}),
];

/** "3 Desember 2026": the day as a plain number (no kind of value groups it), the month by name, the year. */
function dateMessage(date: Date): MessageRef {
  return msg("review.date", { day: text(String(date.getUTCDate())), month: nested(MONTHS[date.getUTCMonth()]), year: year(date.getUTCFullYear()) });
}

export function formatDate(date: Date, lang: Lang): string {
  return render(dateMessage(date), lang);
}

/** The Lembar Verifikasi's header row (repeated on every printed page) and its first data row. */
export const LEMBAR_HEADER_ROW = 5;
export const REKAP_HEADER_ROW = 4;

export const LEMBAR_COLUMNS: readonly MessageRef[] = [
  msg("review.lembar.col.no", {}),
  msg("review.lembar.col.item", {}),
  msg("review.lembar.col.status", {}),
  msg("review.lembar.col.place", {}),
  msg("review.lembar.col.note", {}),
  msg("review.lembar.col.findingId", {}),
  msg("review.lembar.col.response", {}),
];
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
  const say = (m: MessageRef) => render(m, lang);
  const items = Object.keys(ITEM_SHORT) as ChecklistItem["id"][];
  const headers = [
    say(msg("review.rekap.col.no", {})),
    say(msg("review.rekap.col.unit", {})),
    say(msg("review.rekap.col.file", {})),
    ...items.map((id) => say(ITEM_SHORT[id])),
    say(msg("review.rekap.col.errors", {})),
    say(msg("review.rekap.col.warnings", {})),
    say(msg("review.rekap.col.totalN", {})),
    say(msg("review.rekap.col.totalN1", {})),
    say(msg("review.rekap.col.overall", {})),
    say(msg("review.rekap.col.sheet", {})),
  ];
  const cells: SheetPlanCell[] = [];
  const merges: SheetMerge[] = [];
  const last = headers.length;
  const kabupaten = units.map((u) => u.review?.kabupaten).find((k) => k !== undefined);
  const titleMessage = msg("review.rekap.title", {});
  const title = say(titleMessage);
  cells.push({ row: 1, col: 1, value: kabupaten ? say(msg("review.rekap.titleOf", { title: nested(titleMessage), kabupaten: text(kabupaten) })) : title, style: { bold: true, fontSize: 12, horizontal: "center" } });
  cells.push({ row: 2, col: 1, value: say(msg("review.rekap.date", { date: nested(dateMessage(options.date)) })), style: { horizontal: "center", fontSize: FONT } });
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
      put(4 + k, status ? say(STATUS_LABEL[status]) : "–", { ...BODY, horizontal: "center", fill: status ? STATUS_FILL[status] : undefined });
    });
    let col = 4 + items.length;
    put(col++, review ? review.counts.error : null, { ...BODY, horizontal: "right" });
    put(col++, review ? review.counts.warning : null, { ...BODY, horizontal: "right" });
    put(col++, review?.totalN !== undefined ? Number(review.totalN) : null, { ...BODY, horizontal: "right" }, MONEY_FORMAT);
    put(col++, review?.totalN1 !== undefined ? Number(review.totalN1) : null, { ...BODY, horizontal: "right" }, MONEY_FORMAT);
    put(col++, say(overallStatus(u, lang)), BODY);
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

function overallStatus(u: ReportUnit, lang: Lang): MessageRef {
  if (u.outcome === "unreadable") {
    // the reason comes from reading the file (host errors, still bilingual texts): passed through as it is
    return u.reason && u.reason[lang] ? msg("review.overall.unreadableBecause", { reason: phrase(u.reason) }) : msg("review.overall.unreadable", {});
  }
  if (u.outcome === "no-table") return msg("review.overall.noTable", {});
  const statuses = u.review?.checklist.map((c) => c.status) ?? [];
  if (statuses.includes("perlu-perbaikan")) return STATUS_LABEL["perlu-perbaikan"];
  if (statuses.includes("tidak-ditemukan")) return STATUS_LABEL["tidak-ditemukan"];
  return STATUS_LABEL.sesuai;
}

/* ---------------------------------------------------------------- Lembar Verifikasi */

function lembarVerifikasi(sheetName: string, u: ReportUnit, review: UnitReview, options: ReportOptions): SheetContent {
  const { lang } = options;
  const say = (m: MessageRef) => render(m, lang);
  const name = unitName(u);
  const cells: SheetPlanCell[] = [];
  const last = LEMBAR_COLUMNS.length;
  const title = say(msg("review.lembar.title", {}));
  cells.push({ row: 1, col: 1, value: title, style: { bold: true, fontSize: 12, horizontal: "center" } });
  cells.push({ row: 2, col: 1, value: review.kabupaten ? `${name} — ${review.kabupaten}` : name, style: { bold: true, fontSize: 11, horizontal: "center" } });
  cells.push({ row: 3, col: 1, value: infoLine(u, review, options), style: { horizontal: "center", fontSize: FONT, wrap: true } });
  const merges: SheetMerge[] = [1, 2, 3].map((r) => ({ top: r, left: 1, bottom: r, right: last }));
  LEMBAR_COLUMNS.forEach((h, i) => cells.push({ row: LEMBAR_HEADER_ROW, col: i + 1, value: say(h), style: HEAD }));

  let row = LEMBAR_HEADER_ROW + 1;
  review.checklist.forEach((item, i) => {
    const status = say(STATUS_LABEL[item.status]);
    const itemStyle = { ...ITEM, fill: STATUS_FILL[item.status] ?? ITEM.fill };
    const values: SheetPlanCell["value"][] = [String(i + 1), say(item.label), status, "", itemNote(item, lang), "", ""];
    values.forEach((value, c) => cells.push({ row, col: c + 1, value, style: c === 0 ? { ...itemStyle, horizontal: "center" } : itemStyle }));
    row++;
    item.findings.forEach((f, k) => {
      const severity = say(msg(f.severity === "error" ? "review.lembar.error" : "review.lembar.warning", { rule: text(f.rule) }));
      const line: SheetPlanCell["value"][] = [`${i + 1}.${k + 1}`, severity, status, findingPlace(f), render(f.message, lang), f.id ?? "", ""];
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
  const { lang } = options;
  const none = msg("review.lembar.none", {});
  const amount = (v: string | undefined) => (v === undefined ? none : msg("review.lembar.rupiah", { amount: money(v) }));
  const tables = review.tables
    .map((t) => render(msg("review.lembar.tableCounts", { kind: text(KIND_LABEL[t.kind]), sheet: text(t.sheet), program: count(t.counts.program), kegiatan: count(t.counts.kegiatan), sub: count(t.counts.subKegiatan) }), lang))
    .join(", ");
  return render(
    msg("review.lembar.info", {
      file: text(u.file),
      date: nested(dateMessage(options.date)),
      totalN: nested(amount(review.totalN)),
      totalN1: nested(amount(review.totalN1)),
      tables: text(tables || render(none, lang)),
    }),
    lang,
  );
}

function itemNote(item: ChecklistItem, lang: Lang): string {
  const errors = item.findings.filter((f) => f.severity === "error").length;
  const warnings = item.findings.length - errors;
  const parts: MessageRef[] = [];
  if (item.note) parts.push(item.note);
  if (errors > 0) parts.push(msg("review.lembar.errors", { n: count(errors) }));
  if (warnings > 0) parts.push(msg("review.lembar.warnings", { n: count(warnings) }));
  if (item.infoCount > 0) parts.push(msg("review.lembar.infoCount", { n: count(item.infoCount) }));
  if (parts.length === 0) parts.push(msg("review.lembar.noFindings", {}));
  return parts.map((m) => render(m, lang)).join("; ");
}

function printSetupFor(options: ReportOptions, titleRows: [number, number], header: { left: string; right: string }): SheetContent["print"] {
  return {
    orientation: "landscape",
    paperSize: PAPER_CODES[options.paper ?? "f4"],
    fitToWidth: 1,
    fitToHeight: 0,
    printTitleRows: titleRows,
    header,
    footerCenter: render(msg("review.footer", {}), options.lang),
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
