/**
 * A kode written over several columns (the T-C.32 form: urusan | bidang | program | kegiatan | sub kegiatan, each
 * part in its own column, the sub kegiatan often unpadded: `2 | 16 | 01 | 05 | 9`), joined into the canonical
 * kode `2.16.01.1.05.0009`. The split form leaves out the kewenangan digit between program and kegiatan (1 for a
 * province, 2 for a kabupaten/kota); when no part states it, it is taken from the table's title or its support
 * program's name, and the kode is marked inferred.
 */
import type { SheetSnapshot } from "../sheet/snapshot";
import { cellText, rowAt } from "../sheet/snapshot";
import type { ColumnHeader } from "./headerPaths";
import type { ColumnRole } from "./types";

export interface KodeSplit {
  /** The columns holding the parts, left to right (the first is the table's kode column). */
  cols: number[];
  /** The kewenangan digit put between program and kegiatan when no part states it. */
  kewenangan: "1" | "2";
  /** Where the digit came from, for the evidence of every kode it completes. */
  kewenanganSource: string;
}

/**
 * The columns a split kode spans: the kode column and the columns right of it that share its header (a merged
 * "Kode" over five columns) or have none, and claim no other role. Undefined for a kode in one column.
 */
export function splitKodeColumns(headers: ColumnHeader[], columns: Partial<Record<ColumnRole, number>>): number[] | undefined {
  const kodeCol = columns.kode;
  if (kodeCol === undefined) return undefined;
  const claimed = new Set(Object.values(columns));
  const byCol = new Map(headers.map((h) => [h.col, h]));
  const kodePath = byCol.get(kodeCol)?.path.join(" | ") ?? "";
  const cols = [kodeCol];
  for (let c = kodeCol + 1; cols.length < 6; c++) {
    const h = byCol.get(c);
    if (!h || claimed.has(c)) break;
    const path = h.path.join(" | ");
    if (path !== kodePath && path !== "") break;
    cols.push(c);
  }
  return cols.length > 1 ? cols : undefined;
}

/** Part of a kode: digits or the X of SIPD's non-urusan codes. */
const PART = /^(\d{1,4}|[xX]{1,4})$/;
const KEGIATAN_WITH_DIGIT = /^([12])\.(\d{1,2})$/;

/**
 * The kewenangan digit of the table: 2 for a kabupaten/kota plan, 1 for a province, read from the support
 * program's name ("… DAERAH PROVINSI" / "… KABUPATEN/KOTA") or the title; 2 (the common case) when neither says.
 */
export function kewenanganOf(title: string, names: string[]): Pick<KodeSplit, "kewenangan" | "kewenanganSource"> {
  for (const n of names) {
    if (!/penunjang urusan pemerintahan daerah/i.test(n)) continue;
    if (/kabupaten|kota/i.test(n)) return { kewenangan: "2", kewenanganSource: "kewenangan 2 from the support program's name (Kabupaten/Kota)" };
    if (/provinsi/i.test(n)) return { kewenangan: "1", kewenanganSource: "kewenangan 1 from the support program's name (Provinsi)" };
  }
  if (/\bkabupaten\b|\bkota\b/i.test(title)) return { kewenangan: "2", kewenanganSource: "kewenangan 2 from the title (Kabupaten/Kota)" };
  if (/\bprovinsi\b/i.test(title)) return { kewenangan: "1", kewenanganSource: "kewenangan 1 from the title (Provinsi)" };
  return { kewenangan: "2", kewenanganSource: "kewenangan 2 assumed (neither the title nor the support program names the level of government)" };
}

/**
 * The kode of one row from its parts, or undefined when the parts do not make one (a part that is not a number,
 * a gap between parts). `inferred` when the kewenangan digit was not written.
 */
export function joinKodeParts(sheet: SheetSnapshot, row: number, shift: number, split: KodeSplit): { kode: string; inferred: boolean } | undefined {
  const cells = rowAt(sheet, row);
  const parts: string[] = [];
  let ended = false;
  for (const c of split.cols) {
    const t = cellText(cells?.get(c + shift)).trim().replace(/\.$/, "");
    if (t === "") {
      ended = true;
      continue;
    }
    if (ended) return undefined;
    parts.push(t);
  }
  if (parts.length === 0) return undefined;
  // the first column holding a whole kode: the row was written the usual way
  if (parts.length === 1 && parts[0].includes(".")) return undefined;
  // five columns: urusan, bidang, program, kegiatan, sub; six: the kewenangan digit in its own column
  const withDigitColumn = split.cols.length >= 6;
  const out: string[] = [];
  let inferred = false;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const slot = withDigitColumn && i >= 3 ? (i === 3 ? "kewenangan" : i === 4 ? "kegiatan" : "sub") : (["urusan", "bidang", "program", "kegiatan", "sub"] as const)[i];
    if (slot === undefined) return undefined;
    if (slot === "kegiatan" && !withDigitColumn) {
      const written = KEGIATAN_WITH_DIGIT.exec(p);
      if (written) out.push(written[1], written[2].padStart(2, "0"));
      else if (PART.test(p)) {
        out.push(split.kewenangan, pad(p, 2));
        inferred = true;
      } else return undefined;
      continue;
    }
    if (!PART.test(p)) return undefined;
    out.push(slot === "urusan" || slot === "kewenangan" ? p : pad(p, slot === "sub" ? 4 : 2));
  }
  return { kode: out.join("."), inferred };
}

function pad(p: string, width: number): string {
  return /^\d+$/.test(p) ? p.padStart(width, "0") : p.toUpperCase();
}
