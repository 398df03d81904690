/**
 * Why a workbook gave no Renja table: for each sheet, what mapping looked at and why it did not take it (an
 * empty sheet, no header row, headers without a Program/Kegiatan column or without any money/target column,
 * no rows under the headers, rows without Program/Kegiatan structure). Asked only when no table was found, so
 * it costs nothing on a workbook that has one; it runs the same mapSheet, so the reasons are mapping's own.
 */
import type { Message } from "../findings";
import type { SheetSnapshot } from "../sheet/snapshot";
import { mapSheet, type MapOptions } from "./mapWorkbook";
import type { RejectedFrame, RejectReason } from "./planStructure";

export interface SheetExplanation {
  sheet: string;
  reason: "empty" | "no-header" | RejectReason;
  /** The first header row looked at, for the reasons past the header. */
  headerRow?: number;
  message: Message;
}

const MAX_HEADERS_SHOWN = 6;

function headerList(headers: string[]): string {
  const shown = headers.slice(0, MAX_HEADERS_SHOWN).map((h) => (h.length > 40 ? `${h.slice(0, 37)}…` : h));
  return shown.join(" | ") + (headers.length > MAX_HEADERS_SHOWN ? " | …" : "");
}

function explainFrame(sheet: string, f: RejectedFrame): Message {
  const at = { id: `kepala tabel di baris ${f.headerRow} (${headerList(f.headers)})`, en: `the headers at row ${f.headerRow} (${headerList(f.headers)})` };
  switch (f.reason) {
    case "no-name-column":
      return {
        id: `Lembar "${sheet}": ${at.id} tidak memuat kolom Program/Kegiatan (uraian).`,
        en: `Sheet "${sheet}": ${at.en} have no Program/Kegiatan (uraian) column.`,
      };
    case "no-content-column":
      return {
        id: `Lembar "${sheet}": ${at.id} tidak memuat kolom pagu/kebutuhan dana, target, indikator, lokasi atau sumber dana.`,
        en: `Sheet "${sheet}": ${at.en} have no pagu/funding, target, indicator, location or funding-source column.`,
      };
    case "no-rows":
      return {
        id: `Lembar "${sheet}": di bawah ${at.id} tidak ada baris isian.`,
        en: `Sheet "${sheet}": there are no rows under ${at.en}.`,
      };
    case "no-structure":
      return {
        id: `Lembar "${sheet}": baris di bawah ${at.id} tidak berstruktur Program/Kegiatan: tidak ada kode berbentuk 7.01.01, baris PROGRAM, nama dari nomenklatur, atau kolom berjudul Program/Kegiatan.`,
        en: `Sheet "${sheet}": the rows under ${at.en} show no Program/Kegiatan structure: no kode of the form 7.01.01, no PROGRAM row, no name from the nomenclature, no column headed Program/Kegiatan.`,
      };
  }
}

/** One explanation per sheet (in workbook order), for a workbook in which mapping found no Renja table. */
export function explainNoTable(sheets: readonly SheetSnapshot[], opts: MapOptions = {}): SheetExplanation[] {
  return sheets.map((sheet): SheetExplanation => {
    if (sheet.rows.size === 0) return { sheet: sheet.name, reason: "empty", message: { id: `Lembar "${sheet.name}": kosong.`, en: `Sheet "${sheet.name}": empty.` } };
    const rejected: RejectedFrame[] = [];
    mapSheet(sheet, opts, (r) => rejected.push(r));
    // the most telling block: one that got furthest (rows without structure beat headers without columns)
    const order: RejectReason[] = ["no-structure", "no-rows", "no-content-column", "no-name-column"];
    const best = [...rejected].sort((a, b) => order.indexOf(a.reason) - order.indexOf(b.reason))[0];
    if (best) return { sheet: sheet.name, reason: best.reason, headerRow: best.headerRow, message: explainFrame(sheet.name, best) };
    return {
      sheet: sheet.name,
      reason: "no-header",
      message: {
        id: `Lembar "${sheet.name}": tidak ada baris kepala tabel (paling sedikit tiga judul kolom seperti No, Program/Kegiatan, Indikator, Target, Pagu).`,
        en: `Sheet "${sheet.name}": no row reads as table headers (at least three column headings such as No, Program/Kegiatan, Indikator, Target, Pagu).`,
      },
    };
  });
}

/** The heading of the explanation, in both languages. */
export const NO_TABLE_HEADING: Message = {
  id: "Tidak ada tabel Renja yang dikenali",
  en: "No Renja table was recognised",
};

/** The whole explanation as one message: the heading, how many sheets were looked at, one line per sheet. */
export function noTableMessage(explanations: readonly SheetExplanation[]): Message {
  const n = explanations.length;
  const lines = (lang: keyof Message) => explanations.map((e) => `- ${e.message[lang]}`).join("\n");
  return {
    id: `${NO_TABLE_HEADING.id} (${n} lembar diperiksa).${n > 0 ? `\n${lines("id")}` : ""}`,
    en: `${NO_TABLE_HEADING.en} (${n} sheet${n === 1 ? "" : "s"} looked at).${n > 0 ? `\n${lines("en")}` : ""}`,
  };
}
