/**
 * The reconciliation model of a mapped workbook (issue 8): built once, read by the rules, fix-numbers, recompute,
 * the table builders and the pane. For every money cell: what it states (value, formula, number format, typed as
 * text or as a number), its candidate readings, the chosen reading, a confidence and the evidence that chose it;
 * for every sum whether it holds; and where sources disagree (Tabel 3.3, Bab IV, the narrative), which value
 * most of them support and which cells disagree with it.
 */
import type Decimal from "decimal.js";
import { sheetRef } from "../findings";
import type { ColumnRole, MappedTable, MappedWorkbook } from "../mapping/types";
import { cell as cellRef, money, msg, nested, text, type MessageRef } from "../messages";
import type { CellValue } from "../sheet/snapshot";
import { arithmeticOf, type AmountOption, type AmountSlot, type ColumnArithmetic, type WorkbookArithmetic } from "./arithmetic";
import { levelName } from "./describe";
import { sourceVerdicts, type SourceVerdict } from "./sources";

export type { AmountOption, AmountSlot, ColumnArithmetic, SumCheck, SumOutcome, OptionKind } from "./arithmetic";
export type { SourceVerdict } from "./sources";
export { familyOf } from "./family";
export type { Family } from "./family";
export { moneyColumns, sheetOf } from "./moneyCells";
export { isStoredAsText } from "./storedAsText";

/** What a money cell holds as written. */
export interface StatedContent {
  value: CellValue;
  formula?: string;
  numFmt?: string;
  /** How the amount was typed: a number, text ("4.765,000"), nothing, or an error value. */
  typed: "number" | "text" | "empty" | "error" | "other";
}

/** One money cell as the model reads it. */
export interface MoneyReading {
  sheet: string;
  address: string;
  role: ColumnRole;
  stated: StatedContent;
  candidates: AmountOption[];
  chosen?: AmountOption;
  /** 0..1: how sure the chosen reading is. */
  confidence: number;
  evidence: MessageRef[];
}

export interface WorkbookAnalysis extends WorkbookArithmetic {
  workbook: MappedWorkbook;
  column(table: MappedTable, role: ColumnRole): ColumnArithmetic | undefined;
  /** The money cell at "Sheet" + "F12", when it is one. */
  slotAt(sheet: string, address: string): AmountSlot | undefined;
  reading(slot: AmountSlot): MoneyReading;
  /** Sums whose sources disagree, with the value most of them support. */
  verdicts: SourceVerdict[];
  /** The verdict of a parent's sum, or the one that blames this cell. */
  verdictOf(slot: AmountSlot): SourceVerdict | undefined;
  blamedBy(slot: AmountSlot): SourceVerdict | undefined;
  /** Cells whose chosen reading differs from what they state ("Sheet!F12 "4.765,000" → 4.765.000"). */
  readDifferently(table: MappedTable): AmountSlot[];
}

const cache = new WeakMap<MappedWorkbook, WorkbookAnalysis>();

/** The model of a workbook, built on first use and kept for that workbook object (mapping makes a new one per read). */
export function analysisOf(workbook: MappedWorkbook): WorkbookAnalysis {
  let analysis = cache.get(workbook);
  if (!analysis) {
    analysis = build(workbook);
    cache.set(workbook, analysis);
  }
  return analysis;
}

function build(workbook: MappedWorkbook): WorkbookAnalysis {
  const arithmetic = arithmeticOf(workbook);
  const byColumn = new Map<MappedTable, Map<ColumnRole, ColumnArithmetic>>();
  for (const c of arithmetic.columns) {
    let roles = byColumn.get(c.table);
    if (!roles) byColumn.set(c.table, (roles = new Map()));
    roles.set(c.role, c);
  }
  let byAddress: Map<string, AmountSlot> | undefined;
  const addressIndex = () => {
    if (byAddress) return byAddress;
    byAddress = new Map();
    for (const c of arithmetic.columns) for (const slot of c.cells) byAddress.set(sheetRef(c.table.sheet, slot.money.address), slot);
    return byAddress;
  };
  const verdicts = sourceVerdicts(workbook, arithmetic, (table, role) => byColumn.get(table)?.get(role));
  const ofParent = new Map<AmountSlot, SourceVerdict>();
  const ofBlamed = new Map<AmountSlot, SourceVerdict>();
  for (const v of verdicts) {
    ofParent.set(v.check.parent, v);
    for (const b of v.blamed) ofBlamed.set(b, v);
  }
  return {
    workbook,
    columns: arithmetic.columns,
    cellsWithAmount: (value: Decimal) => arithmetic.cellsWithAmount(value),
    column: (table, role) => byColumn.get(table)?.get(role),
    slotAt: (sheet, address) => addressIndex().get(sheetRef(sheet, address)),
    reading: readingOf,
    verdicts,
    verdictOf: (slot) => ofParent.get(slot),
    blamedBy: (slot) => ofBlamed.get(slot),
    readDifferently(table) {
      const out: AmountSlot[] = [];
      for (const c of byColumn.get(table)?.values() ?? []) {
        for (const slot of c.cells) {
          const kind = slot.chosenKind ?? slot.chosen?.kind;
          if (slot.derived) continue;
          if ((kind !== undefined && kind !== "stated") || slot.displaced !== undefined) out.push(slot);
        }
      }
      return out;
    },
  };
}

function statedOf(slot: AmountSlot): StatedContent {
  const cell = slot.money.cell;
  const value = cell?.value ?? null;
  const typed: StatedContent["typed"] = cell?.error
    ? "error"
    : value === null || value === ""
      ? "empty"
      : typeof value === "number"
        ? "number"
        : typeof value === "string"
          ? "text"
          : "other";
  return { value, ...(cell?.formula !== undefined ? { formula: cell.formula } : {}), ...(cell?.numFmt !== undefined ? { numFmt: cell.numFmt } : {}), typed };
}

/** The chosen reading's confidence and evidence, in words the pane and the reports can show. */
function readingOf(slot: AmountSlot): MoneyReading {
  const m = slot.money;
  const chosen = slot.chosen;
  const evidence: MessageRef[] = [];
  let confidence = 1;
  const stated = statedOf(slot);
  if (slot.derived) {
    evidence.push(msg("reading.derived", {}));
  } else if (slot.unreadable || !chosen) {
    confidence = 0;
    evidence.push(msg("reading.unreadable", {}));
  } else if (slot.displaced !== undefined) {
    confidence = 0.8;
    evidence.push(msg("reading.displaced", { text: text(slot.displaced) }));
  } else if (chosen.kind === "stated") {
    if (m.reading.status === "suspect-scale") {
      evidence.push(msg("reading.fractionAsWritten", {}));
    } else if (slot.decidedBy === "default") confidence = 0.9;
  } else {
    const decidedAt = slot.decidedAt && slot.decidedAt !== slot ? slot.decidedAt : undefined;
    if (slot.decidedBy === "parent" && decidedAt) {
      confidence = 0.9;
      const level = nested(levelName(decidedAt.money.row.level));
      evidence.push(msg("reading.parentBalances", { amount: money(chosen.value), level, cell: cellRef(decidedAt.money.address) }));
    } else if (slot.decidedBy === "children") {
      confidence = 0.9;
      evidence.push(msg("reading.children", {}));
    } else {
      confidence = 0.5;
      evidence.push(msg("reading.likeliest", {}));
    }
  }
  return {
    sheet: m.table.sheet,
    address: m.address,
    role: m.role,
    stated,
    candidates: slot.derived ? [] : [...slot.options],
    ...(chosen ? { chosen } : {}),
    confidence,
    evidence,
  };
}

/**
 * The readings a user may pick instead of the chosen one: only plausible ones (the chosen reading first, then a
 * few of the parser's best candidates and the thousandfold readings), never every digit a missing-digit slip
 * could have lost.
 */
export function plausibleReadings(slot: AmountSlot, max = 4): Decimal[] {
  const out: Decimal[] = [];
  const add = (d: Decimal | undefined) => {
    if (d && !out.some((o) => o.eq(d))) out.push(d);
  };
  add(slot.chosen?.value);
  for (const o of slot.options) if (o.cost < 4) add(o.value);
  if (slot.chosen?.kind === "thousandfold" || slot.money.reading.status === "suspect-scale") add(slot.options[0]?.value);
  return out.slice(0, max);
}
