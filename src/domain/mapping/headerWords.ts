/** Which cells read as table header text, and which rows are header rows or column-number rows. */
import { parseAmountText } from "../numbers";
import type { SheetSnapshot } from "../sheet/snapshot";
import { cellAt, cellText } from "../sheet/snapshot";
import { lowerText, rowColumns, smallInteger } from "./text";

const HEADER_PATTERNS: RegExp[] = [
  /^no\b\.?|^nomor\b/,
  /^kode\b/,
  /uraian/,
  /program\s*\/\s*kegiatan|urusan\s*\/\s*bidang|bidang urusan|^program\b.*\bkegiatan\b|^(sub )?kegiatan$|^program$|nomenklatur/,
  /^indikator|indikator kinerja/,
  /^lokasi/,
  /target/,
  /pagu|kebutuhan dana|^anggaran|alokasi dana|\(rp\)/,
  /sumber dana/,
  /catatan|^keterangan|^ket\.?$/,
  /^sasaran/,
  /realisasi|renstra|tingkat capaian|capaian kinerja/,
  /rancangan awal|hasil analisis/,
  /prakiraan maju|rencana tahun|^tahun\b/,
  /^(k|rp\.?|\(rp\)|%|satuan)$/,
  /penanggung ?jawab|unit (kerja|perangkat)/,
  /^(output|outcome|keluaran|hasil)$/,
  /^(semula|menjadi)$|bertambah|berkurang|^selisih/,
];

const MAX_HEADER_TEXT = 160;

export function isHeaderText(text: string): boolean {
  if (text === "" || text.length > MAX_HEADER_TEXT) return false;
  const t = lowerText(text);
  return HEADER_PATTERNS.some((re) => re.test(t));
}

/** A number that only a data row holds: an amount of a thousand or more. */
function isBigAmount(text: string): boolean {
  if (!/\d{3}/.test(text)) return false;
  const r = parseAmountText(text);
  return r.value !== null && (r.status === "ok" || r.status === "text-number" || r.status === "malformed") && r.value.abs().gte(1000);
}

export interface RowShape {
  cols: number[];
  texts: string[];
  headerWords: number;
  bigAmounts: number;
}

export function rowShape(sheet: SheetSnapshot, row: number): RowShape {
  const cols = rowColumns(sheet, row);
  const texts = cols.map((c) => cellText(cellAt(sheet, row, c)));
  let headerWords = 0;
  let bigAmounts = 0;
  for (let i = 0; i < cols.length; i++) {
    const cell = cellAt(sheet, row, cols[i]);
    if (typeof cell?.value === "number") {
      if (Math.abs(cell.value) >= 1000 && !/^(19|20)\d\d$/.test(texts[i])) bigAmounts++;
      continue;
    }
    if (isHeaderText(texts[i])) headerWords++;
    else if (isBigAmount(texts[i])) bigAmounts++;
  }
  return { cols, texts, headerWords, bigAmounts };
}

/** The first row of a header block: mostly header words, at least three, no amounts. */
export function isHeaderStart(shape: RowShape): boolean {
  return shape.headerWords >= 3 && shape.bigAmounts === 0 && shape.headerWords >= 0.6 * shape.cols.length;
}

/**
 * "1 2 3 … 10" under the headers: the first three non-empty cells are 1, 2, 3 in adjacent columns (the seed's
 * Tabel 2.1 has a broken one that goes on with data after "1 2 3 4").
 */
export function isColumnNumberRow(sheet: SheetSnapshot, row: number, shape: RowShape): boolean {
  if (shape.cols.length < 3) return false;
  for (let i = 0; i < 3; i++) {
    if (smallInteger(cellAt(sheet, row, shape.cols[i])) !== i + 1) return false;
    if (i > 0 && shape.cols[i] !== shape.cols[i - 1] + 1) return false;
  }
  return true;
}

/** A second or third header row: header words, K/Rp, years and group numbers only. */
export function isHeaderContinuation(sheet: SheetSnapshot, row: number, shape: RowShape): boolean {
  if (shape.cols.length === 0 || shape.bigAmounts > 0) return false;
  for (let i = 0; i < shape.cols.length; i++) {
    const t = shape.texts[i];
    if (isHeaderText(t)) continue;
    if (smallInteger(cellAt(sheet, row, shape.cols[i])) !== undefined) continue;
    if (/^\(?(19|20)\d\d\)?$/.test(t) || /^\(?n\s*([+-]\s*\d)?\)?$/i.test(t)) continue;
    return false;
  }
  return true;
}
