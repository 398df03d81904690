/**
 * When a sum fails, which side is wrong? The same row in the workbook's other plan table (Tabel 3.3 ↔ Tabel 7 /
 * Bab IV) and the narrative's stated total are witnesses too. Where most sources support the parent's stated
 * amount (Tabel 3.3's program, Bab IV's program, kegiatan and sub kegiatan, and the narrative total all say
 * 16.742.000 while Tabel 3.3's kegiatan and sub kegiatan say 16.472.000), the cells that disagree with them are
 * blamed, not the parent, and the message names the evidence.
 */
import type Decimal from "decimal.js";
import type { ColumnRole, MappedRow, MappedTable, MappedWorkbook } from "../mapping/types";
import { money, msg, nested, text, type MessageRef } from "../messages";
import { alignTables } from "./alignRows";
import type { AmountSlot, ColumnArithmetic, SumCheck, WorkbookArithmetic } from "./arithmetic";
import { levelName } from "./describe";
import { familyOf } from "./family";
import { introducedTable, readStatements } from "./narrativeStatements";

export interface SourceVerdict {
  /** The parent's sum that does not hold. */
  check: SumCheck;
  /** The amount most sources support: the parent's stated amount. */
  majority: Decimal;
  /** Cells of the parent's table, below it, whose amount differs from the same row in the other table. */
  blamed: AmountSlot[];
  /** The other table's cell for each blamed one, same order. */
  witnesses: AmountSlot[];
  /** "Bab IV dan jumlah program menyebut 16.742.000" (+ the narrative's total when it agrees). */
  evidence: MessageRef;
  /** The other table's label ("Bab IV"), for messages. */
  partnerLabel: MessageRef;
}

type ColumnOf = (table: MappedTable, role: ColumnRole) => ColumnArithmetic | undefined;

const LABEL: Record<string, MessageRef> = {
  "tabel-7": msg("tableLabel.bab4", {}),
  "tabel-3.3": msg("tableLabel.tabel33", {}),
};

/** Each Tabel 7 with the Tabel 3.3 of the same year (or the first Tabel 3.3 when years are unknown). */
export function planPairs(workbook: MappedWorkbook): Array<[MappedTable, MappedTable]> {
  const plans = workbook.tables.filter((t) => t.kind === "tabel-3.3");
  const out: Array<[MappedTable, MappedTable]> = [];
  for (const t7 of workbook.tables.filter((t) => t.kind === "tabel-7")) {
    const t33 = plans.find((p) => p.year !== null && p.year === t7.year) ?? plans[0];
    if (t33) out.push([t33, t7]);
  }
  return out;
}

export function sourceVerdicts(workbook: MappedWorkbook, arithmetic: WorkbookArithmetic, columnOf: ColumnOf): SourceVerdict[] {
  if (!arithmetic.columns.some((c) => c.checks.some((k) => k.outcome === "mismatch"))) return [];
  const out: SourceVerdict[] = [];
  for (const [t33, t7] of planPairs(workbook)) {
    const pairs = alignTables(t33, t7);
    const to7 = new Map<number, MappedRow>();
    const to33 = new Map<number, MappedRow>();
    for (const p of pairs) {
      if (p.left && p.right) {
        to7.set(p.left.row, p.right);
        to33.set(p.right.row, p.left);
      }
    }
    const narrativeTotals = narrativeTotalsOf(workbook, [t33, t7]);
    out.push(...verdictsFor(t33, t7, to7, columnOf, narrativeTotals));
    out.push(...verdictsFor(t7, t33, to33, columnOf, narrativeTotals));
  }
  return out;
}

/** The totals stated by the narratives that introduce any of these tables. */
export function narrativeTotalsOf(workbook: MappedWorkbook, tables: MappedTable[]): Decimal[] {
  const out: Decimal[] = [];
  for (const n of workbook.narratives) {
    const table = introducedTable(workbook, n);
    if (!table || !tables.includes(table)) continue;
    const total = readStatements(n.text).total?.reading;
    const value = total ? (total.candidates[0] ?? total.value) : null;
    if (value) out.push(value);
  }
  return out;
}

function verdictsFor(
  table: MappedTable,
  partner: MappedTable,
  partnerRow: ReadonlyMap<number, MappedRow>,
  columnOf: ColumnOf,
  narrativeTotals: Decimal[],
): SourceVerdict[] {
  const own = columnOf(table, "paguN");
  const other = columnOf(partner, "paguN");
  if (!own || !other) return [];
  const valueOf = (slot: AmountSlot | undefined) => (slot && !slot.unreadable ? (slot.chosen?.value ?? null) : null);
  const totalOf = (column: ColumnArithmetic) => column.checks.find((c) => c.kind === "total")?.parent;
  const tableTotals = [valueOf(totalOf(own)), valueOf(totalOf(other))].filter((v): v is Decimal => v !== null);
  const narrativeAgrees = narrativeTotals.find((n) => tableTotals.some((t) => t.eq(n)));
  const family = familyOf(table);
  const out: SourceVerdict[] = [];
  for (const check of own.checks) {
    if (check.kind !== "rollup" || check.outcome !== "mismatch" || !check.stated || !check.sum) continue;
    const stated = check.stated;
    const twin = partnerRow.get(check.parent.money.row.row);
    const twinValue = twin ? valueOf(other.slots.get(twin.row)) : null;
    if (!twinValue || !twinValue.eq(stated)) continue;
    // For the stated amount: the parent itself, the other table's row, the narrative's total when it agrees with
    // the tables' totals. For the sum: the children (one level of witnesses however many rows).
    const votesForStated = 2 + (narrativeAgrees ? 1 : 0);
    const votesForSum = 1;
    if (votesForStated <= votesForSum) continue;
    const blamed: AmountSlot[] = [];
    const witnesses: AmountSlot[] = [];
    const walk = (row: MappedRow, depth: number) => {
      for (const child of family.childrenOf(row)) {
        const slot = own.slots.get(child.row);
        const partnerOfChild = partnerRow.get(child.row);
        const witness = partnerOfChild ? other.slots.get(partnerOfChild.row) : undefined;
        const mine = valueOf(slot);
        const theirs = valueOf(witness);
        if (slot && witness && mine && theirs && !mine.eq(theirs)) {
          blamed.push(slot);
          witnesses.push(witness);
        }
        if (depth < 8) walk(child, depth + 1);
      }
    };
    walk(check.parent.money.row, 0);
    if (blamed.length === 0) continue;
    const label = LABEL[partner.kind] ?? msg("tableLabel.sheet", { sheet: text(partner.sheet) });
    const narrative = narrativeAgrees ? msg("source.narrativeAgrees", { amount: money(narrativeAgrees) }) : msg("empty", {});
    out.push({
      check,
      majority: stated,
      blamed,
      witnesses,
      partnerLabel: label,
      evidence: msg("source.evidence", {
        label: nested(label),
        level: nested(levelName(check.parent.money.row.level)),
        amount: money(stated),
        narrative: nested(narrative),
      }),
    });
  }
  return out;
}
