/**
 * What changed between two versions of a workbook (murni → perubahan, draft → resubmission): per table kind,
 * the rows added, removed and renamed, and for every money column both versions have, each row's amount
 * semula → menjadi with the difference, and the table's total before and after.
 *
 * Amounts are the settled readings the generated tables use (tables/planAmounts: the stated amount, or the
 * repair of a slip that balances its parent), so "4.765,000" in one version and 4.765.000 in the other is no
 * change.
 */
import Decimal from "decimal.js";
import type { ColumnRole, Level, MappedRow, MappedTable, MappedWorkbook, TableKind } from "../mapping/types";
import { planAmounts } from "../tables/planAmounts";
import { matchRows, type AmountOf, type MatchedBy, type RowMatch } from "./matchRows";

export interface RowRef {
  row: number;
  level: Level;
  kode?: string;
  kodeInferred?: boolean;
  uraian: string;
}

export interface AmountChange {
  level: Level;
  kode?: string;
  uraian: string;
  /** The row in the old version (absent for an added row). */
  oldRow?: number;
  /** The row in the new version (absent for a removed row). */
  newRow?: number;
  /** Semula and menjadi; null when the cell holds no amount. */
  before: Decimal | null;
  after: Decimal | null;
  /** Menjadi − semula (an empty cell counts as 0). */
  delta: Decimal;
}

export interface MoneyDiff {
  role: ColumnRole;
  /** Every row whose amount differs, in the merged order of the two versions (parents before children). */
  changes: AmountChange[];
  /** The total row's amount (else Σ programs) in each version. */
  total: { before: Decimal; after: Decimal; delta: Decimal };
}

export interface TableDiff {
  kind: TableKind;
  oldSheet: string;
  newSheet: string;
  added: RowRef[];
  removed: RowRef[];
  renamed: Array<{ old: RowRef; new: RowRef; by: MatchedBy }>;
  money: MoneyDiff[];
  /** The row match the lists come from (for builders such as the Tabel Perubahan). */
  match: RowMatch;
  oldTable: MappedTable;
  newTable: MappedTable;
  oldAmount: AmountOf;
  newAmount: AmountOf;
}

export interface WorkbookDiff {
  tables: TableDiff[];
  /** Tables one version has and the other has not. */
  onlyOld: Array<{ sheet: string; kind: TableKind }>;
  onlyNew: Array<{ sheet: string; kind: TableKind }>;
}

export function diffWorkbooks(oldWorkbook: MappedWorkbook, newWorkbook: MappedWorkbook): WorkbookDiff {
  const { pairs, onlyOld, onlyNew } = pairTables(oldWorkbook.tables, newWorkbook.tables);
  return {
    tables: pairs.map(([o, n]) => diffTables(oldWorkbook, o, newWorkbook, n)),
    onlyOld: onlyOld.map((t) => ({ sheet: t.sheet, kind: t.kind })),
    onlyNew: onlyNew.map((t) => ({ sheet: t.sheet, kind: t.kind })),
  };
}

/**
 * Tables of the same kind are the same table: by sheet name when several of a kind exist (case ignored),
 * else in sheet order.
 */
export function pairTables(olds: readonly MappedTable[], news: readonly MappedTable[]): { pairs: Array<[MappedTable, MappedTable]>; onlyOld: MappedTable[]; onlyNew: MappedTable[] } {
  const pairs: Array<[MappedTable, MappedTable]> = [];
  const freeNew = new Set(news);
  const freeOld = new Set(olds);
  for (const o of olds) {
    const n = news.find((x) => freeNew.has(x) && x.kind === o.kind && x.sheet.toLowerCase() === o.sheet.toLowerCase());
    if (!n) continue;
    pairs.push([o, n]);
    freeOld.delete(o);
    freeNew.delete(n);
  }
  for (const o of olds) {
    if (!freeOld.has(o)) continue;
    const n = news.find((x) => freeNew.has(x) && x.kind === o.kind);
    if (!n) continue;
    pairs.push([o, n]);
    freeOld.delete(o);
    freeNew.delete(n);
  }
  return { pairs, onlyOld: olds.filter((t) => freeOld.has(t)), onlyNew: news.filter((t) => freeNew.has(t)) };
}

export function diffTables(oldWorkbook: MappedWorkbook, oldTable: MappedTable, newWorkbook: MappedWorkbook, newTable: MappedTable): TableDiff {
  const moneyRoles = oldTable.moneyRoles.filter((r) => newTable.moneyRoles.includes(r));
  const oldAmount = amountReader(oldWorkbook, oldTable);
  const newAmount = amountReader(newWorkbook, newTable);
  const match = matchRows(oldTable, newTable, { moneyRoles, oldAmount, newAmount });

  const money: MoneyDiff[] = moneyRoles.map((role) => {
    const changes: AmountChange[] = [];
    for (const m of match.merged) {
      const before = m.old ? oldAmount(m.old, role) : null;
      const after = m.new ? newAmount(m.new, role) : null;
      const delta = (after ?? new Decimal(0)).minus(before ?? new Decimal(0));
      if (m.old && m.new && (before === null) === (after === null) && delta.isZero()) continue;
      if (!m.old && after === null) continue;
      if (!m.new && before === null) continue;
      const shown = m.new ?? m.old;
      if (!shown) continue;
      const change: AmountChange = { level: shown.level, uraian: shown.uraian, before, after, delta };
      const kode = m.new?.kode ?? m.old?.kode;
      if (kode !== undefined) change.kode = kode;
      if (m.old) change.oldRow = m.old.row;
      if (m.new) change.newRow = m.new.row;
      changes.push(change);
    }
    const before = totalOf(oldTable, oldAmount, role);
    const after = totalOf(newTable, newAmount, role);
    return { role, changes, total: { before, after, delta: after.minus(before) } };
  });

  return {
    kind: newTable.kind,
    oldSheet: oldTable.sheet,
    newSheet: newTable.sheet,
    added: match.added.map(refOf),
    removed: match.removed.map(refOf),
    renamed: match.pairs.filter((p) => p.renamed).map((p) => ({ old: refOf(p.old), new: refOf(p.new), by: p.by })),
    money,
    match,
    oldTable,
    newTable,
    oldAmount,
    newAmount,
  };
}

/** Every row's settled amount in the table's money columns. */
export function amountReader(workbook: MappedWorkbook, table: MappedTable): AmountOf {
  const amounts = planAmounts(workbook, table, table.moneyRoles);
  return (row, role) => amounts.amountAt(row.row, role)?.value ?? null;
}

/** The total row's amount when the table has one that holds an amount, else Σ programs. */
function totalOf(table: MappedTable, amount: AmountOf, role: ColumnRole): Decimal {
  const totalRow = table.rows.find((r) => r.level === "total");
  const stated = totalRow ? amount(totalRow, role) : null;
  if (stated !== null) return stated;
  return table.rows.filter((r) => r.level === "program").reduce((s, r) => s.plus(amount(r, role) ?? 0), new Decimal(0));
}

export function refOf(row: MappedRow): RowRef {
  const ref: RowRef = { row: row.row, level: row.level, uraian: row.uraian };
  if (row.kode !== undefined) {
    ref.kode = row.kode;
    ref.kodeInferred = row.kodeInferred === true;
  }
  return ref;
}
