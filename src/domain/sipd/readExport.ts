/**
 * Recognises a SIPD-RI export by its header text (never by column position) and aggregates its rows to sub
 * kegiatan per unit. One pass over each sheet; amounts are Decimal from the stored number (sen kept).
 */
import Decimal from "decimal.js";
import { parseAmountText } from "../numbers";
import { msg, text } from "../messages";
import { normalizeName } from "../nomenclature";
import type { SheetSnapshot } from "../sheet/snapshot";
import { a1, cellAt, cellText, numberToPlainString, rowAt } from "../sheet/snapshot";
import type { SipdExport, SipdExportKind, SipdReadFailure, SipdSubKegiatan, SipdUnit } from "./types";

type Role =
  | "kode" | "subKode" | "subName" | "name"
  | "skpdKode" | "skpdName" | "subUnitKode" | "subUnitName"
  | "programKode" | "programName" | "kegiatanKode" | "kegiatanName"
  | "sumberName" | "pagu" | "paguN1" | "indikator" | "target";

/** Header text (normalised: lower case, letters and digits) → role. Checked in order; the first match wins. */
const HEADER_ROLES: Array<[RegExp, Role]> = [
  [/^kode sub kegiatan$/, "subKode"],
  [/^(nama )?sub kegiatan$/, "subName"],
  [/^kode (skpd|opd|perangkat daerah)$/, "skpdKode"],
  [/^(nama )?(skpd|opd|perangkat daerah)$/, "skpdName"],
  [/^kode sub unit$/, "subUnitKode"],
  [/^nama sub unit$/, "subUnitName"],
  [/^kode program$/, "programKode"],
  [/^nama program$/, "programName"],
  [/^kode kegiatan$/, "kegiatanKode"],
  [/^nama kegiatan$/, "kegiatanName"],
  [/^(nama )?sumber dana$/, "sumberName"],
  // pagu N+1 before pagu N: "pagu n depan", "prakiraan maju", "pagu indikatif n 1"
  [/^(pagu n depan|pagu n 1|prakiraan maju.*|pagu indikatif n 1.*|pagu tahun n 1.*)$/, "paguN1"],
  [/^(pagu|pagu indikatif( rp)?|pagu rp|nilai|nilai rp|anggaran|anggaran rp|pagu indikatif tahun n( rp)?)$/, "pagu"],
  [/^kode$/, "kode"],
  [/^(uraian|urusan bidang urusan program kegiatan sub kegiatan|program kegiatan sub kegiatan)$/, "name"],
  [/^indikator/, "indikator"],
  [/^target/, "target"],
];

/** A sub kegiatan kode: U.BB.PP.K.KK.SSSS (also the 2-digit SS of the older lists). */
const SUB_KEGIATAN_KODE = /^(\d\.\d{2}|X\.XX)\.\d{2}\.\d\.\d{2}\.\d{2,4}$/;
/** The long SKPD kode that names a unit above a Tabel IV.3 ("8.01.0.00.0.00.01.0000 Badan …"). */
const UNIT_TITLE = /^(\d+(?:\.\d+){6,})\s+(.+)$/;

const HEADER_SCAN_ROWS = 20;

interface Header {
  row: number;
  columns: Partial<Record<Role, number>>;
  kind: SipdExportKind;
}

function roleOf(text: string): Role | undefined {
  const t = normalizeName(text);
  for (const [re, role] of HEADER_ROLES) if (re.test(t)) return role;
  return undefined;
}

function kindOf(columns: Partial<Record<Role, number>>): SipdExportKind | undefined {
  const has = (r: Role) => columns[r] !== undefined;
  if (!has("pagu")) return undefined;
  if (has("subKode") && (has("skpdKode") || has("skpdName"))) return "rekap";
  if (has("kode") && has("subName") && has("sumberName") && has("skpdName")) return "sumber-dana";
  if (has("kode") && has("subName") && (has("skpdKode") || has("skpdName"))) return "kua-ppas";
  if (has("kode") && (has("name") || has("subName"))) return "tabel-iv3";
  return undefined;
}

function findHeader(sheet: SheetSnapshot): Header | undefined {
  for (let r = 1; r <= Math.min(sheet.maxRow, HEADER_SCAN_ROWS); r++) {
    const cells = rowAt(sheet, r);
    if (!cells) continue;
    const columns: Partial<Record<Role, number>> = {};
    for (const [col, cell] of cells) {
      const text = cellText(cell);
      if (typeof cell.value !== "string" || text === "") continue;
      const role = roleOf(text);
      if (role && columns[role] === undefined) columns[role] = col;
    }
    const kind = kindOf(columns);
    if (kind) return { row: r, columns, kind };
  }
  return undefined;
}

/** The unit a Tabel IV.3 sheet is for: the first cell above its header holding a long SKPD kode and a name. */
function unitAbove(sheet: SheetSnapshot, headerRow: number): { kode: string; name: string } | undefined {
  for (let r = 1; r < headerRow; r++) {
    for (const cell of rowAt(sheet, r)?.values() ?? []) {
      const m = UNIT_TITLE.exec(cellText(cell).replace(/\s+/g, " "));
      if (m) return { kode: m[1], name: m[2].trim() };
    }
  }
  return undefined;
}

/** A SIPD amount: the number as stored (sen kept), or text read by the numbers module; undefined if unreadable. */
function amountOf(sheet: SheetSnapshot, row: number, col: number | undefined): Decimal | undefined {
  if (col === undefined) return new Decimal(0);
  const cell = cellAt(sheet, row, col);
  if (!cell || cell.value === null) return cell?.error ? undefined : new Decimal(0);
  if (typeof cell.value === "number") return Number.isFinite(cell.value) ? new Decimal(numberToPlainString(cell.value)) : undefined;
  if (typeof cell.value !== "string") return undefined;
  const reading = parseAmountText(cell.value);
  // Exports write amounts as numbers; text that reads as one (or "-") is accepted, slips are not guessed at.
  // SIPD amounts carry sen: a grouped amount with exactly two decimals ("86.672.540,34") is one, not a slip.
  if (reading.status === "empty") return new Decimal(0);
  if ((reading.status === "text-number" || reading.status === "ok") && reading.value) return reading.value;
  if (reading.slip === "fraction" && reading.value && /^[\d.,\s]*\d[.,]\d{2}$/.test(cell.value.trim())) return reading.value;
  return undefined;
}

class UnitBuilder {
  readonly units = new Map<string, SipdUnit>();

  unit(kode: string | undefined, name: string, parent?: string): SipdUnit {
    const key = kode ? `k:${kode}` : `n:${normalizeName(name)}`;
    let u = this.units.get(key);
    if (!u) {
      u = { ...(kode ? { kode } : {}), name, ...(parent ? { parent } : {}), subKegiatan: new Map(), names: new Map(), paguN: new Decimal(0) };
      this.units.set(key, u);
    }
    return u;
  }
}

interface RowFacts {
  kode: string;
  name: string;
  paguN: Decimal;
  paguN1?: Decimal;
  sumber?: string;
  indikator?: string;
  target?: string;
  ref: { sheet: string; row: number; cell: string };
}

function addRow(u: SipdUnit, f: RowFacts): void {
  let sub: SipdSubKegiatan | undefined = u.subKegiatan.get(f.kode);
  if (!sub) {
    sub = { kode: f.kode, name: f.name, paguN: new Decimal(0), sumberDana: new Map(), rows: [] };
    u.subKegiatan.set(f.kode, sub);
  }
  sub.paguN = sub.paguN.plus(f.paguN);
  u.paguN = u.paguN.plus(f.paguN);
  if (f.paguN1) {
    sub.paguN1 = (sub.paguN1 ?? new Decimal(0)).plus(f.paguN1);
    u.paguN1 = (u.paguN1 ?? new Decimal(0)).plus(f.paguN1);
  }
  if (f.sumber) sub.sumberDana.set(f.sumber, (sub.sumberDana.get(f.sumber) ?? new Decimal(0)).plus(f.paguN));
  if (f.indikator && !sub.indikator) sub.indikator = f.indikator;
  if (f.target && !sub.target) sub.target = f.target;
  sub.rows.push(f.ref);
}

/** A source name as SIPD writes "none": "-" or empty. */
function namedSource(text: string): string | undefined {
  const t = text.trim();
  return t === "" || /^[-–—]+$/.test(t) ? undefined : t;
}

function readSheet(sheet: SheetSnapshot, header: Header, builder: UnitBuilder, out: SipdExport): void {
  const c = header.columns;
  const kodeCol = c.subKode ?? c.kode;
  const nameCol = c.subName ?? c.name;
  const ivUnit = header.kind === "tabel-iv3" ? unitAbove(sheet, header.row) : undefined;
  const text = (row: number, col: number | undefined) => (col === undefined ? "" : cellText(cellAt(sheet, row, col)));
  const targets = new Map<string, { unit: SipdUnit; sub?: SipdUnit }>();
  for (let r = header.row + 1; r <= sheet.maxRow; r++) {
    if (!rowAt(sheet, r)) continue;
    const kode = text(r, kodeCol).replace(/\s+/g, "");
    const paguN = amountOf(sheet, r, c.pagu);
    const paguN1 = c.paguN1 === undefined ? undefined : amountOf(sheet, r, c.paguN1);
    const unitName = ivUnit?.name ?? text(r, c.skpdName);
    const unitKode = ivUnit?.kode ?? (text(r, c.skpdKode) || undefined);
    if (!SUB_KEGIATAN_KODE.test(kode)) {
      // program / kegiatan rows of a rekap-like or IV.3 export: keep their names for matching by name
      if (/^\d\.\d{2}\.\d{2}(\.\d\.\d{2})?$/.test(kode) && (unitName || unitKode)) {
        builder.unit(unitKode, unitName || unitKode || "").names.set(kode, text(r, nameCol));
      } else if (paguN && !paguN.isZero()) out.skipped.push({ sheet: sheet.name, row: r, reason: "no-kode" });
      continue;
    }
    if (paguN === undefined || (c.paguN1 !== undefined && paguN1 === undefined)) {
      out.skipped.push({ sheet: sheet.name, row: r, reason: "unreadable-amount" });
      continue;
    }
    if (!unitName && !unitKode) {
      out.skipped.push({ sheet: sheet.name, row: r, reason: "no-kode" });
      continue;
    }
    const facts: RowFacts = {
      kode,
      name: text(r, nameCol),
      paguN,
      ...(paguN1 ? { paguN1 } : {}),
      sumber: namedSource(text(r, c.sumberName)),
      indikator: text(r, c.indikator) || undefined,
      target: text(r, c.target) || undefined,
      ref: { sheet: sheet.name, row: r, cell: a1(r, c.pagu ?? 1) },
    };
    const subKode = text(r, c.subUnitKode);
    const subName = text(r, c.subUnitName);
    const key = `${unitKode ?? ""}\u0000${unitName}\u0000${subKode}\u0000${subName}`;
    let target = targets.get(key);
    if (!target) {
      const unit = builder.unit(unitKode, unitName || unitKode || "");
      // A sub unit of its own (a puskesmas under the Dinas Kesehatan) can be compared on its own too.
      const own = (subKode || subName) && subKode !== unitKode && normalizeName(subName) !== normalizeName(unitName);
      target = { unit, sub: own ? builder.unit(subKode || undefined, subName || subKode, unit.name) : undefined };
      targets.set(key, target);
    }
    addRow(target.unit, facts);
    if (target.sub) addRow(target.sub, facts);
    if (c.kegiatanName !== undefined || c.programName !== undefined) {
      for (const [k, col] of [[kode.slice(0, kode.lastIndexOf(".")), c.kegiatanName], [kode.split(".").slice(0, 3).join("."), c.programName]] as const) {
        if (col === undefined || target.unit.names.has(k)) continue;
        const n = text(r, col);
        if (n) target.unit.names.set(k, n);
      }
    }
  }
}

export function isReadFailure(x: SipdExport | SipdReadFailure): x is SipdReadFailure {
  return "error" in x;
}

/** Reads every sheet that carries a SIPD header; the first one found decides the kind. */
export function readSipdExport(sheets: readonly SheetSnapshot[], file: string): SipdExport | SipdReadFailure {
  const builder = new UnitBuilder();
  let out: SipdExport | undefined;
  for (const sheet of sheets) {
    const header = findHeader(sheet);
    if (!header) continue;
    // A Tabel IV.3 looks like a Renja table; what makes it SIPD's is the unit named by its long SKPD kode above.
    if (header.kind === "tabel-iv3" && !unitAbove(sheet, header.row)) continue;
    if (out && header.kind !== out.kind) continue;
    out ??= { file, kind: header.kind, sheets: [], hasN1: false, units: [], skipped: [] };
    out.sheets.push(sheet.name);
    if (header.columns.paguN1 !== undefined) out.hasN1 = true;
    readSheet(sheet, header, builder, out);
  }
  if (!out) {
    const names = sheets.map((s) => `"${s.name}"`).join(", ");
    return { error: msg("sipd.read.notExport", { file: text(file), sheets: text(names) }) };
  }
  out.units = [...builder.units.values()].filter((u) => u.subKegiatan.size > 0);
  for (const u of out.units) resolveOwnBidang(u);
  return out;
}

/** The unit's own bidang: its SKPD kode's first two parts, else the bidang most of its sub kegiatan carry. */
function ownBidang(u: SipdUnit): string | undefined {
  if (u.kode && /^\d\.\d{2}\./.test(u.kode)) return u.kode.slice(0, 4);
  const counts = new Map<string, number>();
  for (const k of u.subKegiatan.keys()) if (!k.startsWith("X.")) counts.set(k.slice(0, 4), (counts.get(k.slice(0, 4)) ?? 0) + 1);
  let best: string | undefined;
  for (const [b, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = b;
  return best;
}

/**
 * Some exports write the support program of every unit as "X.XX.01.…" (SIPD's placeholder for "the unit's own
 * bidang"); the Renja writes it with the bidang (7.01.01.… for a kecamatan), so the kode is completed here.
 */
function resolveOwnBidang(u: SipdUnit): void {
  if (![...u.subKegiatan.keys()].some((k) => k.startsWith("X.XX."))) return;
  const bidang = ownBidang(u);
  if (!bidang) return;
  const resolved = new Map<string, SipdSubKegiatan>();
  for (const [k, sub] of u.subKegiatan) {
    const kode = k.startsWith("X.XX.") ? bidang + k.slice(4) : k;
    const known = resolved.get(kode);
    if (!known) {
      resolved.set(kode, { ...sub, kode });
      continue;
    }
    known.paguN = known.paguN.plus(sub.paguN);
    if (sub.paguN1) known.paguN1 = (known.paguN1 ?? new Decimal(0)).plus(sub.paguN1);
    for (const [n, v] of sub.sumberDana) known.sumberDana.set(n, (known.sumberDana.get(n) ?? new Decimal(0)).plus(v));
    known.rows.push(...sub.rows);
  }
  u.subKegiatan = resolved;
}
