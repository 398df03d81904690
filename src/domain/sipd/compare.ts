/**
 * The plan tables (Tabel 3.3, Tabel 7) of a Renja against one unit of a SIPD export, sub kegiatan by sub kegiatan.
 *
 * Choices (DECISIONS.md, "SIPD-RI"):
 * - Rows pair by kode (the one the user wrote), else by name within the unit (compact name, then a unique fuzzy
 *   best at similarity >= 0.85), inside the SIPD kegiatan the plan's kegiatan row names when it can be told.
 * - Findings are per sub kegiatan: pagu N, pagu N+1 (when the export has it), sumber dana, a sub kegiatan on one
 *   side only. Parents and the total differ exactly by what their sub kegiatan differ (or their own sums are
 *   wrong, which rollup-mismatch says): they are stated in the totals, not reported again.
 * - An amount agrees when the plan cell's value, or a plausible repair of a slip in it, equals SIPD's (the slip
 *   itself is malformed-number's finding). A plan cell holding no amount (words) is missing-field's business.
 * - A SIPD sub kegiatan with pagu 0 that the plan lacks is not reported (exports list unbudgeted sub kegiatan).
 */
import Decimal from "decimal.js";
import type { Finding, Severity } from "../findings";
import type { MappedRow, MappedTable, MappedWorkbook } from "../mapping/types";
import { readAmount, plainDecimal } from "../numbers";
import type { AmountReading } from "../numbers";
import { compactNormalizedName, normalizeName } from "../nomenclature";
import { prepareName, similarityOf } from "../nomenclature/similarity";
import type { SheetSnapshot } from "../sheet/snapshot";
import { a1, cellAt, cellText } from "../sheet/snapshot";
import { columnOf } from "../mapping/tree";
import { sheetOf } from "../analysis/moneyCells";
import { chooseUnit } from "./chooseUnit";
import { sameSources } from "./sumberDana";
import type { SipdExport, SipdRowRef, SipdSubKegiatan, SipdUnit } from "./types";
import { count, list, money, msg, nested, text, type MessageRef } from "../messages";

export const SIPD_RULE = "sipd-mismatch" as const;

export interface SipdCompareOptions {
  /** The unit to compare with (kode or name); else the one a table's title names. */
  skpd?: string;
  severity?: Severity;
}

export interface SipdPair {
  row: MappedRow;
  sipd?: SipdSubKegiatan;
  by?: "kode" | "name";
}

export interface SipdTableComparison {
  table: MappedTable;
  pairs: SipdPair[];
  /** SIPD sub kegiatan with a pagu that no plan row matched. */
  sipdOnly: SipdSubKegiatan[];
  /** The plan's total pagu N (its total row, else the sum of its sub kegiatan), undefined when unreadable. */
  planTotal?: Decimal;
  sipdTotal: Decimal;
}

export interface SipdComparison {
  unit?: SipdUnit;
  /** Why no unit could be chosen (then nothing is compared). */
  unitError?: MessageRef;
  tables: SipdTableComparison[];
  findings: Finding[];
}

const FUZZY_MIN = 0.85;
const FUZZY_MARGIN = 0.05;
const RELATED_ROWS = 3;

/** "'[rekap.xlsx]Sheet 1'!U5": a cell of the export, in Excel's external-reference form. */
export function exportRef(file: string, ref: SipdRowRef): string {
  const base = file.replace(/^.*[\\/]/, "");
  return `'[${base.replace(/'/g, "''")}]${ref.sheet.replace(/'/g, "''")}'!${ref.cell}`;
}

function relatedOf(exp: SipdExport, sub: SipdSubKegiatan): string[] {
  return sub.rows.slice(0, RELATED_ROWS).map((r) => exportRef(exp.file, r));
}

function normKode(k: string | undefined): string | undefined {
  if (k === undefined) return undefined;
  const t = k.replace(/\s+/g, "").replace(/\.+$/, "");
  return t === "" ? undefined : t;
}

function writtenKodeOf(row: MappedRow): string | undefined {
  return row.kodeInferred ? undefined : normKode(row.kode);
}

function quote(name: string, max = 80): string {
  const t = name.replace(/\s+/g, " ").trim();
  return `"${t.length > max ? `${t.slice(0, max - 1)}…` : t}"`;
}

class Matcher {
  private readonly byCompact = new Map<string, SipdSubKegiatan[]>();
  private readonly prepared = new Map<SipdSubKegiatan, ReturnType<typeof prepareName>>();
  private readonly kegiatanByName = new Map<string, string[]>();

  constructor(private readonly unit: SipdUnit) {
    for (const sub of unit.subKegiatan.values()) {
      const key = compactNormalizedName(sub.name);
      const list = this.byCompact.get(key);
      if (list) list.push(sub);
      else this.byCompact.set(key, [sub]);
    }
    for (const [kode, name] of unit.names) {
      if (kode.split(".").length !== 5) continue;
      const key = compactNormalizedName(name);
      this.kegiatanByName.set(key, [...(this.kegiatanByName.get(key) ?? []), kode]);
    }
  }

  /** The SIPD kegiatan kode a plan kegiatan row stands for: its kode, or its name when one kegiatan bears it. */
  kegiatanKode(row: MappedRow | undefined): string | undefined {
    if (!row) return undefined;
    const k = writtenKodeOf(row);
    if (k && k.split(".").length === 5) return k;
    const named = this.kegiatanByName.get(compactNormalizedName(row.uraian));
    return named?.length === 1 ? named[0] : undefined;
  }

  match(row: MappedRow, parentKode: string | undefined, taken: ReadonlySet<SipdSubKegiatan>): SipdPair {
    const kode = writtenKodeOf(row);
    const byKode = kode === undefined ? undefined : this.unit.subKegiatan.get(kode);
    if (byKode && !taken.has(byKode)) return { row, sipd: byKode, by: "kode" };
    const inParent = (s: SipdSubKegiatan) => !taken.has(s) && (parentKode === undefined || s.kode.startsWith(parentKode + "."));
    const exact = (this.byCompact.get(compactNormalizedName(row.uraian)) ?? []).filter(inParent);
    if (exact.length === 1) return { row, sipd: exact[0], by: "name" };
    if (exact.length > 1) return { row };
    const name = normalizeName(row.uraian);
    if (name.length < 3) return { row };
    const mine = prepareName(name);
    let best: SipdSubKegiatan | undefined;
    let bestScore = 0;
    let second = 0;
    for (const sub of this.unit.subKegiatan.values()) {
      if (!inParent(sub)) continue;
      let p = this.prepared.get(sub);
      if (!p) this.prepared.set(sub, (p = prepareName(normalizeName(sub.name))));
      const s = similarityOf(mine, p);
      if (s > bestScore) {
        second = bestScore;
        bestScore = s;
        best = sub;
      } else if (s > second) second = s;
    }
    if (best && bestScore >= FUZZY_MIN && bestScore - second >= FUZZY_MARGIN) return { row, sipd: best, by: "name" };
    return { row };
  }
}

/** The amount a plan cell shows, and whether SIPD's amount is one of its plausible readings. */
function agrees(reading: AmountReading, sipd: Decimal): boolean {
  const values = reading.status === "empty" ? [new Decimal(0)] : [...(reading.value ? [reading.value] : []), ...reading.candidates];
  return values.some((v) => v.eq(sipd));
}

/** What the plan cell says: its number (sen included), or for mistyped text the reading the numbers module prefers. */
function shown(reading: AmountReading): Decimal | null {
  if (reading.status === "empty") return new Decimal(0);
  if (reading.status === "malformed") return reading.candidates[0] ?? reading.value;
  return reading.value ?? reading.candidates[0] ?? null;
}

interface Ctx {
  exp: SipdExport;
  unit: SipdUnit;
  sheet: SheetSnapshot;
  table: MappedTable;
  money: Severity;
  text: Severity;
  findings: Finding[];
}

const ROLE_NAME: Record<"paguN" | "paguN1", MessageRef> = {
  paguN: msg("sipd.role.paguN", {}),
  paguN1: msg("sipd.role.paguN1", {}),
};

function compareMoney(ctx: Ctx, pair: SipdPair, role: "paguN" | "paguN1", sipdAmount: Decimal | undefined): void {
  const col = columnOf(ctx.table, pair.row, role);
  if (col === undefined || sipdAmount === undefined || !pair.sipd) return;
  const reading = readAmount(cellAt(ctx.sheet, pair.row.row, col));
  if (reading.status === "not-amount") return;
  if (agrees(reading, sipdAmount)) return;
  const actual = shown(reading);
  if (actual === null) return;
  const name = quote(pair.row.uraian);
  const delta = actual.minus(sipdAmount).abs();
  ctx.findings.push({
    rule: SIPD_RULE,
    severity: ctx.money,
    sheet: ctx.table.sheet,
    cell: a1(pair.row.row, col),
    row: pair.row.row,
    role,
    expected: plainDecimal(sipdAmount),
    actual: plainDecimal(actual),
    message: msg("sipd.money", { what: nested(ROLE_NAME[role]), name: text(name), actual: money(actual), unit: text(ctx.unit.name), sipd: money(sipdAmount), delta: money(delta) }),
    suggestion: { value: plainDecimal(sipdAmount), reason: msg("sipd.moneyReason", { kode: text(pair.sipd.kode) }) },
    related: relatedOf(ctx.exp, pair.sipd),
  });
}

/** SIPD's sources as one text, largest pagu first: what "take SIPD's value" writes. */
export function sipdSourceText(sub: SipdSubKegiatan): string {
  return [...sub.sumberDana.entries()].sort((a, b) => b[1].comparedTo(a[1])).map(([n]) => n).join("; ");
}

function compareSource(ctx: Ctx, pair: SipdPair): void {
  const col = columnOf(ctx.table, pair.row, "sumberDana");
  if (col === undefined || !pair.sipd || pair.sipd.sumberDana.size === 0) return;
  const planText = cellText(cellAt(ctx.sheet, pair.row.row, col));
  if (planText === "") return;
  if (sameSources(planText, [...pair.sipd.sumberDana.keys()]) !== false) return;
  const sipdText = sipdSourceText(pair.sipd);
  const name = quote(pair.row.uraian);
  ctx.findings.push({
    rule: SIPD_RULE,
    severity: ctx.text,
    sheet: ctx.table.sheet,
    cell: a1(pair.row.row, col),
    row: pair.row.row,
    role: "sumberDana",
    valueKind: "text",
    expected: sipdText,
    actual: planText,
    message: msg("sipd.fund", { name: text(name), plan: text(planText), unit: text(ctx.unit.name), sipd: text(sipdText) }),
    suggestion: { value: sipdText, reason: msg("sipd.fundReason", { kode: text(pair.sipd.kode) }) },
    related: relatedOf(ctx.exp, pair.sipd),
  });
}

function nameCellOf(table: MappedTable, row: MappedRow): string {
  const col = columnOf(table, row, "uraian") ?? columnOf(table, row, "kode") ?? 1;
  return a1(row.row, col);
}

function planOnly(ctx: Ctx, row: MappedRow): void {
  const col = columnOf(ctx.table, row, "paguN");
  const reading = col === undefined ? undefined : readAmount(cellAt(ctx.sheet, row.row, col));
  const amount = reading ? shown(reading) : null;
  const isMoney = amount !== null && !amount.isZero();
  const name = quote(row.uraian);
  const kode = writtenKodeOf(row);
  ctx.findings.push({
    rule: SIPD_RULE,
    severity: isMoney ? ctx.money : ctx.text,
    sheet: ctx.table.sheet,
    cell: nameCellOf(ctx.table, row),
    row: row.row,
    role: "uraian",
    ...(isMoney && amount ? { expected: "0", actual: plainDecimal(amount) } : {}),
    message: msg("sipd.planOnly", {
      name: text(name),
      kode: nested(kode ? msg("sipd.kode", { kode: text(kode) }) : msg("empty", {})),
      pagu: nested(isMoney && amount ? msg("sipd.withPagu", { amount: money(amount) }) : msg("empty", {})),
      unit: text(ctx.unit.name),
    }),
    suggestion: { value: "", reason: msg("sipd.planOnlyReason", {}) },
  });
}

/** SIPD sub kegiatan the plan lacks, one finding per plan row they belong under (one finding per cell). */
function sipdOnly(ctx: Ctx, missing: SipdSubKegiatan[], anchorOf: (sub: SipdSubKegiatan) => MappedRow | undefined): void {
  const groups = new Map<number, { row: MappedRow | undefined; subs: SipdSubKegiatan[] }>();
  for (const sub of missing) {
    const row = anchorOf(sub);
    const key = row?.row ?? -1;
    const g = groups.get(key) ?? { row, subs: [] };
    g.subs.push(sub);
    groups.set(key, g);
  }
  for (const { row, subs } of groups.values()) {
    const rowNumber = row?.row ?? ctx.table.totalRow ?? ctx.table.dataRows[0];
    const cell = row ? nameCellOf(ctx.table, row) : a1(rowNumber, ctx.table.columns.uraian ?? 1);
    const total = subs.reduce((s, x) => s.plus(x.paguN), new Decimal(0));
    const listed = [
      ...subs.slice(0, 3).map((s) => msg("sipd.listed", { kode: text(s.kode), name: text(quote(s.name, 60)), amount: money(s.paguN) })),
      ...(subs.length > 3 ? [msg("sipd.more", { n: count(subs.length) })] : []),
    ];
    const under = row ? msg("sipd.under", { name: text(quote(row.uraian, 60)) }) : msg("empty", {});
    ctx.findings.push({
      rule: SIPD_RULE,
      severity: ctx.money,
      sheet: ctx.table.sheet,
      cell,
      row: rowNumber,
      role: "uraian",
      expected: plainDecimal(total),
      actual: "0",
      message: msg("sipd.sipdOnly", { n: count(subs.length), unit: text(ctx.unit.name), under: nested(under), listed: list(listed, ";") }),
      related: subs.flatMap((s) => relatedOf(ctx.exp, s)).slice(0, 6),
    });
  }
}

function planTotal(sheet: SheetSnapshot, table: MappedTable, pairs: readonly SipdPair[]): Decimal | undefined {
  const col = table.columns.paguN;
  if (col === undefined) return undefined;
  const total = table.totalRow === undefined ? undefined : readAmount(cellAt(sheet, table.totalRow, col));
  if (total && total.status !== "empty" && total.status !== "not-amount") return shown(total) ?? undefined;
  let sum = new Decimal(0);
  for (const p of pairs) {
    const c = columnOf(table, p.row, "paguN");
    const v = c === undefined ? null : shown(readAmount(cellAt(sheet, p.row.row, c)));
    if (v === null) return undefined;
    sum = sum.plus(v);
  }
  return sum;
}

function compareTable(exp: SipdExport, unit: SipdUnit, sheet: SheetSnapshot, table: MappedTable, money: Severity, text: Severity): { result: SipdTableComparison; findings: Finding[] } {
  const ctx: Ctx = { exp, unit, sheet, table, money, text, findings: [] };
  const matcher = new Matcher(unit);
  const byRow = new Map(table.rows.map((r) => [r.row, r]));
  const taken = new Set<SipdSubKegiatan>();
  const pairs: SipdPair[] = [];
  const kegiatanKode = new Map<number, string | undefined>();
  for (const row of table.rows) {
    if (row.level === "kegiatan") kegiatanKode.set(row.row, matcher.kegiatanKode(row));
    if (row.level !== "subKegiatan") continue;
    const parent = row.parentRow === undefined ? undefined : byRow.get(row.parentRow);
    const parentKode = parent?.level === "kegiatan" ? kegiatanKode.get(parent.row) : undefined;
    const pair = matcher.match(row, parentKode, taken);
    if (pair.sipd) taken.add(pair.sipd);
    pairs.push(pair);
  }
  // the plan row a missing SIPD sub kegiatan belongs under: the kegiatan its kode names, else a sibling's parent
  const kegiatanRow = new Map<string, MappedRow>();
  for (const [r, k] of kegiatanKode) {
    const row = byRow.get(r);
    if (k && row && !kegiatanRow.has(k)) kegiatanRow.set(k, row);
  }
  for (const p of pairs) {
    if (!p.sipd || p.row.parentRow === undefined) continue;
    const parent = byRow.get(p.row.parentRow);
    const k = p.sipd.kode.split(".").slice(0, 5).join(".");
    if (parent && !kegiatanRow.has(k)) kegiatanRow.set(k, parent);
  }
  for (const p of pairs) {
    if (!p.sipd) {
      planOnly(ctx, p.row);
      continue;
    }
    compareMoney(ctx, p, "paguN", p.sipd.paguN);
    if (exp.hasN1) compareMoney(ctx, p, "paguN1", p.sipd.paguN1);
    compareSource(ctx, p);
  }
  // … else the program its kode names (a kegiatan the plan lacks altogether)
  const programRow = new Map<string, MappedRow>();
  for (const row of table.rows) {
    const k = row.level === "program" ? writtenKodeOf(row) : undefined;
    if (k && k.split(".").length === 3 && !programRow.has(k)) programRow.set(k, row);
  }
  for (const [k, row] of kegiatanRow) {
    const parent = row.parentRow === undefined ? undefined : byRow.get(row.parentRow);
    const p = k.split(".").slice(0, 3).join(".");
    if (parent?.level === "program" && !programRow.has(p)) programRow.set(p, parent);
  }
  const missing = [...unit.subKegiatan.values()].filter((s) => !taken.has(s) && !s.paguN.isZero());
  sipdOnly(ctx, missing, (s) => kegiatanRow.get(s.kode.split(".").slice(0, 5).join(".")) ?? programRow.get(s.kode.split(".").slice(0, 3).join(".")));
  return {
    result: { table, pairs, sipdOnly: missing, planTotal: planTotal(sheet, table, pairs), sipdTotal: unit.paguN },
    findings: ctx.findings,
  };
}

/** Every plan table of the workbook against the chosen unit of the export. */
export function compareWithSipd(workbook: MappedWorkbook, exp: SipdExport, opts: SipdCompareOptions = {}): SipdComparison {
  const tables = workbook.tables.filter((t) => t.kind === "tabel-3.3" || t.kind === "tabel-7");
  const choice = chooseUnit(exp, { skpd: opts.skpd, titles: tables.map((t) => t.title) });
  if ("error" in choice) return { unitError: choice.error, tables: [], findings: [] };
  const out: SipdComparison = { unit: choice.unit, tables: [], findings: [] };
  for (const table of tables) {
    const sheet = sheetOf(workbook, table);
    if (!sheet) continue;
    const { result, findings } = compareTable(exp, choice.unit, sheet, table, opts.severity ?? "error", opts.severity ?? "warning");
    out.tables.push(result);
    out.findings.push(...findings);
  }
  return out;
}
