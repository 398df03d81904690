/** What one body row shows: its name, kode, dash, case, formatting, amounts and catalogue matches. */
import { readAmount } from "../numbers";
import type { AmountReading } from "../numbers";
import { levelOfKode, type Catalogue, type LevelMatches } from "../nomenclature";
import type { Cell, SheetSnapshot } from "../sheet/snapshot";
import { cellText, rowAt } from "../sheet/snapshot";
import type { ColumnRole, Level } from "./types";
import { joinKodeParts, type KodeSplit } from "./splitKode";

export interface RowFacts {
  row: number;
  shift: number;
  uraian: string;
  kode?: string;
  /** Set when part of the kode was not written (the kewenangan digit of a split kode): why, for the evidence. */
  kodeInferred?: string;
  kodeLevel?: Level;
  /** The row's kode is the unit's SKPD code (SIPD's first row: "1.02.0.00.0.00.01.0000 Dinas Kesehatan"). */
  skpdCode?: string;
  dash: boolean;
  /** Outline numbering in the No column (I, II / 1, 2 / a, b) on a row without kode. */
  outline?: "roman" | "number" | "letter";
  outlineText?: string;
  programWord: boolean;
  upperCase: boolean;
  bold?: boolean;
  indent?: number;
  /** The row holds only its name: no kode, no amount, nothing in any other column (a wrapped line of a long name). */
  nameOnly: boolean;
  /** Amount per money column (hundredths of a Rupiah, so that sums stay exact), null when empty/unreadable. */
  amounts: (bigint | null)[];
  matches: LevelMatches;
}

const KODE = /^(\d{1,2}|[xX]{1,2})(\.(\d{1,4}|[xX]{1,4})){0,5}\.?$/;
/** The unit's own code in SIPD's reports (urusan.bidang.0.00.0.00.unit.0000): a heading, not a plan level. */
const SKPD_CODE = /^\d{1,2}\.\d{2}\.\d\.\d{2}\.\d\.\d{2}\.\d{2}\.\d{4}$/;
/** A kode of a program or below (three parts or more): a "No" column's "1.", "2." are not kodes. */
const KODE_IN_NO = /^\d{1,2}(\.\d{1,4}){2,5}\.?$/;
const KODE_PREFIX = /^(\d{1,2}(?:\.\d{1,4}){2,5})\.?\s+(?=\S)/;

/** The amount to weigh sums with: the most plausible repair of a slip, else the literal reading. */
function amountFor(reading: AmountReading): bigint | null {
  const v = (reading.status === "malformed" || reading.status === "suspect-scale") && reading.candidates.length > 0 ? reading.candidates[0] : reading.value;
  if (v === null) return null;
  return BigInt(v.mul(100).toFixed(0));
}

function amountOf(cell: Cell | undefined): bigint | null {
  if (cell === undefined) return null;
  // whole numbers, the common case in a typed workbook, need no parsing
  const v = cell.value;
  if (typeof v === "number" && Number.isSafeInteger(v) && Number.isSafeInteger(v * 100) && !cell.error) return BigInt(v * 100);
  return amountFor(readAmount(cell));
}

/** The row's cell under a column, moved by the row's shift (a plain function: a closure per row is garbage). */
function cellIn(cells: ReadonlyMap<number, Cell> | undefined, col: number | undefined, shift: number): Cell | undefined {
  return col === undefined || cells === undefined ? undefined : cells.get(col + shift);
}

/**
 * Whether a text may hold white space (`\s`): every white-space character is a control character, the space, or
 * beyond ASCII, so a kode of digits and dots is settled without running a pattern on every row.
 */
function mayHoldSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f) return true;
  }
  return false;
}

/** Whether a text holds a lower-case ASCII letter (as `/[a-z]/` tests it), by a loop that stops at the first. */
function hasLowerAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

/** No catalogue match: one shared object (match results are read, never changed), not an empty object per row. */
const NO_MATCHES: LevelMatches = Object.freeze({});

function filledCells(cells: ReadonlyMap<number, Cell> | undefined): number {
  let n = 0;
  if (cells) for (const cell of cells.values()) if (cellText(cell) !== "" && ++n > 1) break;
  return n;
}

function outlineOf(text: string): RowFacts["outline"] {
  const t = text.trim();
  if (t === "" || t.length > 6) return undefined;
  if (/^(?=[IVXL])L?X{0,3}(IX|IV|V?I{0,3})[.)]?$/.test(t)) return "roman";
  if (/^\d{1,3}[.)]?$/.test(t)) return "number";
  if (/^[a-z][.)]?$/.test(t)) return "letter";
  return undefined;
}

export function readRowFacts(
  sheet: SheetSnapshot,
  row: number,
  shift: number,
  columns: Partial<Record<ColumnRole, number>>,
  moneyCols: number[],
  catalogue: Catalogue | undefined,
  split?: KodeSplit,
): RowFacts {
  const cells = rowAt(sheet, row);
  const uraianCell = cellIn(cells, columns.uraian, shift) ?? cellIn(cells, columns.rkpdUraian, shift);
  let uraian = cellText(uraianCell);
  if (uraian === "" && columns.uraian !== undefined && columns.rkpdUraian !== undefined) uraian = cellText(cellIn(cells, columns.rkpdUraian, shift));
  let kode: string | undefined;
  let kodeInferred: string | undefined;
  const joined = split ? joinKodeParts(sheet, row, shift, split) : undefined;
  if (joined) {
    kode = joined.kode;
    if (joined.inferred) kodeInferred = split?.kewenanganSource;
  }
  let kodeText = joined ? "" : cellText(cellIn(cells, columns.kode, shift));
  if (mayHoldSpace(kodeText) && /\s/.test(kodeText)) kodeText = kodeText.replace(/\s+/g, "");
  if (kodeText !== "" && KODE.test(kodeText)) kode = kodeText.endsWith(".") ? kodeText.slice(0, -1) : kodeText;
  const skpdCode = kodeText.length === 22 && SKPD_CODE.test(kodeText) ? kodeText : undefined;
  // some offices write the kode in the "No" column
  const noText = kode === undefined && columns.no !== undefined ? cellText(cellIn(cells, columns.no, shift)).replace(/\s+/g, "") : "";
  if (noText !== "" && KODE_IN_NO.test(noText)) kode = noText.endsWith(".") ? noText.slice(0, -1) : noText;
  const prefixed = uraian.charCodeAt(0) >= 48 && uraian.charCodeAt(0) <= 57 ? KODE_PREFIX.exec(uraian) : null;
  if (prefixed) {
    kode = kode ?? prefixed[1];
    uraian = uraian.slice(prefixed[0].length);
  }
  const kodeLevel = kode ? levelOfKode(kode) : undefined;
  const outlineText = kode === undefined && columns.no !== undefined ? cellText(cellIn(cells, columns.no, shift)).trim() : "";
  const outline = outlineText !== "" ? outlineOf(outlineText) : undefined;
  const amounts: (bigint | null)[] = new Array<bigint | null>(moneyCols.length);
  for (let i = 0; i < moneyCols.length; i++) amounts[i] = amountOf(cells?.get(moneyCols[i] + shift));
  // Most names start with a letter other than "p": no dash, no PROGRAM prefix, without running the patterns.
  const lead = uraian.charCodeAt(0);
  const plainStart = (lead >= 65 && lead <= 90) || (lead >= 97 && lead <= 122) ? lead !== 80 && lead !== 112 : false;
  return {
    nameOnly: kode === undefined && uraian !== "" && amounts.every((a) => a === null) && filledCells(cells) === 1,
    row,
    shift,
    uraian,
    kode,
    kodeInferred,
    kodeLevel,
    skpdCode,
    outline,
    outlineText: outline ? outlineText : undefined,
    dash: !plainStart && /^\s*[-–—•]\s*\S/.test(uraian),
    programWord: !plainStart && /^\s*program\b/i.test(uraian),
    upperCase: !hasLowerAscii(uraian) && /[A-Z]{2,}\s+[A-Z]{2,}/.test(uraian),
    bold: uraianCell?.bold,
    indent: uraianCell?.indent,
    amounts,
    // a written kode settles the level; its catalogue entry is looked up by kode later
    matches: catalogue && uraian !== "" && kodeLevel === undefined && skpdCode === undefined ? catalogue.matchLevels(uraian) : NO_MATCHES,
  };
}
