/**
 * A revision of a seed-built plan sheet, made the way staff revise a Renja: sub kegiatan inserted above others,
 * two removed, one renamed, six amounts changed — and every parent and the total row carried along by the same
 * difference (values rewritten, SUM formulas re-pointed at the new rows with their cached results moved), so
 * the revision's sums hold wherever the original's did. Works on either layout: KODE empty with amounts as
 * pasted text (the seed) or KODE filled with numbers and SUM formulas (the variant fixture).
 *
 * The edits name rows by their seed text, so one list of edits serves both layouts and the expected diff can
 * be written down once.
 */
import Decimal from "decimal.js";
import { mapWorkbook } from "../../src/domain/mapping/mapWorkbook";
import type { ColumnRole, MappedRow, MappedTable } from "../../src/domain/mapping/types";
import { columnLetter, type Cell, type MergeArea, type SheetSnapshot } from "../../src/domain/sheet/snapshot";
import { wholeRupiah } from "../fixtures/variantKode";
import { newWorkbook, workbookBytes } from "../fixtures/workbook";

export type Money = "paguN" | "paguN1";

export interface InsertedRow {
  /** The seed row the new one goes above (same parent, same level). */
  above: string;
  uraian: string;
  /** Written only when the layout has kode filled. */
  kode: string;
  indikator: string;
  target: string;
  paguN: number;
  paguN1: number;
}

export interface RevisionEdits {
  insert: InsertedRow[];
  remove: string[];
  rename: Array<{ from: string; to: string }>;
  amounts: Array<{ uraian: string; role: Money; value: number; /** How the pasted layout types it (default: Indonesian grouping). */ typed?: string }>;
  /** Cells retyped without a change of value (a slip corrected): seed uraian, role, new text. Pasted layout only. */
  retype?: Array<{ uraian: string; role: Money; text: string }>;
}

/** The revision every versions test uses. */
export const SEED_REVISION: RevisionEdits = {
  insert: [
    {
      above: "Bimbingan Teknis Implementasi Peraturan Perundang-Undangan",
      uraian: "Pengadaan Pakaian Dinas beserta Atribut Kelengkapannya",
      kode: "7.01.01.2.05.0002",
      indikator: "Jumlah paket pakaian dinas beserta atribut kelengkapannya yang disediakan (Paket)",
      target: "24 paket",
      paguN: 12_500_000,
      paguN1: 13_000_000,
    },
    {
      above: "Penyediaan Peralatan Rumah Tangga",
      uraian: "Penyediaan Peralatan dan Perlengkapan Kantor",
      kode: "7.01.01.2.06.0002",
      indikator: "Jumlah paket peralatan dan perlengkapan kantor yang disediakan (Paket)",
      target: "10 paket",
      paguN: 25_000_000,
      paguN1: 20_000_000,
    },
    {
      above: "Koordinasi Pelaksanaan Pembangunan Kawasan Perdesaan di Wilayah Kecamatan",
      uraian: "Fasilitasi Penyelenggaraan Ketenteraman dan Ketertiban Umum",
      kode: "7.01.06.2.01.0011",
      indikator: "Jumlah desa yang difasilitasi penyelenggaraan ketenteraman dan ketertiban umumnya (Desa)",
      target: "13 Desa/Kelurahan",
      paguN: 6_000_000,
      paguN1: 6_500_000,
    },
  ],
  remove: ["Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD", "Penyediaan Bahan Bacaandan Peraturan Perundang- undangan"],
  rename: [{ from: "Pendataan dan Pengolahan Administrasi Kepegawaian", to: "Monitoring, Evaluasi, dan Penilaian Kinerja Pegawai" }],
  amounts: [
    { uraian: "Penyusunan Dokumen Perencanaan Perangkat Daerah", role: "paguN", value: 14_396_000 },
    { uraian: "Penyediaan Gaji dan Tunjangan ASN", role: "paguN", value: 2_976_699_819 },
    { uraian: "Fasilitasi Kunjungan Tamu", role: "paguN", value: 150_000_000 },
    // typed as a slip in the pasted layout (a comma for the last dot): the injected finding of the re-check test
    { uraian: "Pembangunan Sarana dan Prasarana Kelurahan", role: "paguN", value: 359_510_350, typed: "359.510,350" },
    { uraian: "Harmonisasi hubungan dengan tokoh agama dan tokoh masyarakat", role: "paguN", value: 5_330_750 },
    { uraian: "Penyediaan Jasa Pelayanan Umum Kantor", role: "paguN1", value: 345_940_000 },
  ],
  // the slip "4.765,000" corrected: the fixed finding of the re-check test
  retype: [{ uraian: "Penyediaan Bahan Logistik Kantor", role: "paguN", text: "4.765.000" }],
};

/** "12.500.000": how the revision types a whole amount in the pasted layout. */
export function indonesian(n: number | Decimal): string {
  const digits = new Decimal(n).toFixed(0);
  const negative = digits.startsWith("-");
  const grouped = digits.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return negative ? `-${grouped}` : grouped;
}

/** The amount a seed cell holds: a number as is, text read the way the fixtures read the seed. */
function amountOfCell(cell: Cell | undefined): Decimal {
  if (!cell || cell.value === null) return new Decimal(0);
  if (typeof cell.value === "number") return new Decimal(cell.value);
  if (typeof cell.value === "string") return wholeRupiah(cell.value.trim());
  return new Decimal(0);
}

/**
 * The revised sheet. `original` must map to exactly one plan table (Tabel 3.3 layout); the other sheets of a
 * workbook are copied by the caller unchanged.
 */
export function reviseSheet(original: SheetSnapshot, edits: RevisionEdits = SEED_REVISION): SheetSnapshot {
  const table = planTableOf(original);
  const byName = (name: string): MappedRow => {
    const found = table.rows.filter((r) => r.uraian === name);
    if (found.length !== 1) throw new Error(`revision: ${found.length} rows named "${name}" on ${original.name}`);
    return found[0];
  };
  const rowByNumber = new Map(table.rows.map((r) => [r.row, r]));
  const total = table.rows.find((r) => r.level === "total");
  const ancestors = (r: MappedRow): MappedRow[] => {
    const out: MappedRow[] = [];
    let p = r.parentRow === undefined ? undefined : rowByNumber.get(r.parentRow);
    while (p) {
      out.push(p);
      p = p.parentRow === undefined ? undefined : rowByNumber.get(p.parentRow);
    }
    if (total) out.push(total);
    return out;
  };
  const colOf = (role: ColumnRole): number => {
    const c = table.columns[role];
    if (c === undefined) throw new Error(`revision: no ${role} column on ${original.name}`);
    return c;
  };
  const cell = (row: number, col: number) => original.rows.get(row)?.get(col);
  const kodeFilled = table.rows.some((r) => r.kode !== undefined && !r.kodeInferred);

  // Differences per original row and money role, carried up to every ancestor.
  const delta = new Map<string, Decimal>();
  const addDelta = (row: number, role: Money, d: Decimal) => delta.set(`${row}:${role}`, (delta.get(`${row}:${role}`) ?? new Decimal(0)).plus(d));
  const roles: Money[] = ["paguN", "paguN1"];
  const removed = new Set(edits.remove.map((n) => byName(n).row));
  for (const name of edits.remove) {
    const r = byName(name);
    for (const role of roles) for (const a of ancestors(r)) addDelta(a.row, role, amountOfCell(cell(r.row, colOf(role))).negated());
  }
  for (const ins of edits.insert) {
    const sibling = byName(ins.above);
    for (const role of roles) for (const a of ancestors(sibling)) addDelta(a.row, role, new Decimal(ins[role]));
  }
  const newAmount = new Map<string, { value: number; typed?: string }>();
  for (const e of edits.amounts) {
    const r = byName(e.uraian);
    const d = new Decimal(e.value).minus(amountOfCell(cell(r.row, colOf(e.role))));
    newAmount.set(`${r.row}:${e.role}`, { value: e.value, typed: e.typed });
    for (const a of ancestors(r)) addDelta(a.row, e.role, d);
  }

  // Old row -> new row, with the inserted rows above their siblings.
  const insertAbove = new Map<number, InsertedRow[]>();
  for (const ins of edits.insert) {
    const at = byName(ins.above).row;
    insertAbove.set(at, [...(insertAbove.get(at) ?? []), ins]);
  }
  const rowMap = new Map<number, number>();
  const insertedAt = new Map<number, { ins: InsertedRow; like: number }>();
  let next = 1;
  for (let r = 1; r <= original.maxRow; r++) {
    for (const ins of insertAbove.get(r) ?? []) insertedAt.set(next++, { ins, like: r });
    if (removed.has(r)) continue;
    rowMap.set(r, next++);
  }

  // The new tree's children (in new rows), for re-pointing parents' SUM formulas.
  const childrenNew = new Map<number, number[]>();
  const addChild = (parent: number | undefined, newRow: number) => {
    if (parent === undefined) return;
    childrenNew.set(parent, [...(childrenNew.get(parent) ?? []), newRow]);
  };
  for (const r of table.rows) {
    const nr = rowMap.get(r.row);
    if (nr === undefined) continue;
    if (r.level === "program" && total) addChild(total.row, nr);
    else addChild(r.parentRow, nr);
  }
  for (const [nr, { like }] of insertedAt) addChild(rowByNumber.get(like)?.parentRow, nr);
  for (const list of childrenNew.values()) list.sort((a, b) => a - b);

  const rows = new Map<number, Map<number, Cell>>();
  const put = (row: number, col: number, c: Cell) => {
    let line = rows.get(row);
    if (!line) rows.set(row, (line = new Map()));
    line.set(col, c);
  };
  const renameTo = new Map(edits.rename.map((e) => [byName(e.from).row, e.to]));
  const retype = new Map((edits.retype ?? []).map((e) => [`${byName(e.uraian).row}:${e.role}`, e.text]));

  for (const [r, line] of original.rows) {
    const nr = rowMap.get(r);
    if (nr === undefined) continue;
    const mapped = rowByNumber.get(r);
    for (const [c, old] of line) put(nr, c, { ...old });
    if (!mapped) continue;
    const to = renameTo.get(r);
    if (to !== undefined) put(nr, colOf("uraian"), { ...(cell(r, colOf("uraian")) ?? { value: null }), value: to });
    for (const role of roles) {
      const col = colOf(role);
      const key = `${r}:${role}`;
      const old = cell(r, col);
      const typedAgain = retype.get(key);
      if (typedAgain !== undefined && !kodeFilled) put(nr, col, { ...(old ?? {}), value: typedAgain });
      const set = newAmount.get(key);
      if (set) put(nr, col, amountCell(old, new Decimal(set.value), kodeFilled ? undefined : set.typed));
      const d = delta.get(key);
      if (!d || d.isZero()) {
        if (old?.formula) put(nr, col, { ...old, formula: shiftFormula(old.formula, rowMap) });
        continue;
      }
      const value = amountOfCell(old).plus(d);
      if (old?.formula) {
        const kids = childrenNew.get(r) ?? [];
        put(nr, col, { ...old, value: value.toNumber(), formula: sumOf(columnLetter(col), kids) });
      } else put(nr, col, amountCell(old, value));
    }
  }

  for (const [nr, { ins, like }] of insertedAt) {
    const template = original.rows.get(like) ?? new Map<number, Cell>();
    const styleOf = (col: number): Partial<Cell> => {
      const t = template.get(col);
      return t ? { bold: t.bold, indent: t.indent, numFmt: t.numFmt } : {};
    };
    const text = (role: ColumnRole, value: string) => {
      const col = table.columns[role];
      if (col !== undefined) put(nr, col, { ...styleOf(col), value });
    };
    text("uraian", ins.uraian);
    if (kodeFilled) text("kode", ins.kode);
    text("indikator", ins.indikator);
    text("targetN", ins.target);
    text("targetN1", ins.target);
    const lokasi = table.columns.lokasi === undefined ? undefined : template.get(table.columns.lokasi)?.value;
    if (typeof lokasi === "string") text("lokasi", lokasi);
    for (const role of roles) {
      const col = colOf(role);
      const v = new Decimal(ins[role]);
      put(nr, col, kodeFilled ? { ...styleOf(col), value: v.toNumber() } : { ...styleOf(col), value: indonesian(v) });
    }
  }

  const mapRow = (r: number, edge: "top" | "bottom"): number => {
    const direct = rowMap.get(r);
    if (direct !== undefined) return direct;
    // a merge edge on a removed row moves to the nearest kept row inside it
    for (let k = 1; k <= original.maxRow; k++) {
      const probe = rowMap.get(edge === "top" ? r + k : r - k);
      if (probe !== undefined) return probe;
    }
    return r;
  };
  const merges: MergeArea[] = original.merges.map((m) => ({ ...m, top: mapRow(m.top, "top"), bottom: mapRow(m.bottom, "bottom") }));
  const maxRow = Math.max(0, ...rows.keys());
  return { ...original, rows, maxRow, merges, hiddenRows: undefined };

  function amountCell(old: Cell | undefined, value: Decimal, typed?: string): Cell {
    if (kodeFilled || typeof old?.value === "number") return { ...(old ?? {}), value: value.toNumber(), formula: undefined };
    return { ...(old ?? {}), value: typed ?? indonesian(value), formula: undefined };
  }
}

function planTableOf(sheet: SheetSnapshot): MappedTable {
  const tables = mapWorkbook([sheet]).tables;
  if (tables.length !== 1) throw new Error(`revision: ${tables.length} tables on ${sheet.name}`);
  return tables[0];
}

function sumOf(letter: string, rows: number[]): string {
  const contiguous = rows.every((r, i) => i === 0 || r === rows[i - 1] + 1);
  if (contiguous && rows.length > 1) return `SUM(${letter}${rows[0]}:${letter}${rows[rows.length - 1]})`;
  return `SUM(${rows.map((r) => `${letter}${r}`).join(",")})`;
}

/** A formula's row references moved to the new rows (the wrong-range formula of the variant stays wrong). */
function shiftFormula(formula: string, rowMap: ReadonlyMap<number, number>): string {
  return formula.replace(/(\$?[A-Z]{1,3}\$?)(\d+)/g, (whole, col: string, row: string) => {
    const to = rowMap.get(Number(row));
    return to === undefined ? whole : `${col}${to}`;
  });
}

/** Sheets as an .xlsx (values, formulas with cached results, number formats, bold and indent, merges). */
export async function snapshotsToXlsx(sheets: readonly SheetSnapshot[]): Promise<Uint8Array> {
  const wb = newWorkbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const [r, line] of s.rows) {
      for (const [c, cell] of line) {
        const target = ws.getCell(r, c);
        if (cell.formula) target.value = { formula: cell.formula, result: typeof cell.value === "number" || typeof cell.value === "string" ? cell.value : undefined };
        else if (cell.value !== null) target.value = cell.value;
        if (cell.numFmt) target.numFmt = cell.numFmt;
        if (cell.bold) target.font = { bold: true };
        if (cell.indent) target.alignment = { indent: cell.indent };
      }
    }
    for (const m of s.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  }
  return workbookBytes(wb);
}
