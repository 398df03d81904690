/**
 * What a Bappeda verifier needs of one unit's workbook (issue 12): the unit's name, the tables found with their
 * counts, the stated totals of N and N+1, the finding counts, and the verification checklist with a status per
 * item (sesuai / perlu perbaikan / tidak ditemukan / tidak diperiksa). Pure: built from the mapped workbook and
 * the findings validate returned, so `check --summary` and `report` state the same facts.
 */
import type { Finding, Message, Severity } from "../findings";
import { msg, phrase, text, type MessageRef } from "../messages";
import { sheetRef } from "../findings";
import { columnOf, countLevels } from "../mapping/tree";
import type { MappedTable, MappedWorkbook, TableKind } from "../mapping/types";
import { readAmount } from "../numbers";
import { plainDecimal } from "../numbers/format";
import { cellAt } from "../sheet/snapshot";
import { titleParts } from "../tables/titleParts";

export type ItemStatus = "sesuai" | "perlu-perbaikan" | "tidak-ditemukan" | "tidak-diperiksa";

export const STATUS_LABEL: Record<ItemStatus, MessageRef> = {
  sesuai: msg("review.status.sesuai", {}),
  "perlu-perbaikan": msg("review.status.perlu-perbaikan", {}),
  "tidak-ditemukan": msg("review.status.tidak-ditemukan", {}),
  "tidak-diperiksa": msg("review.status.tidak-diperiksa", {}),
};

export interface TableSummary {
  sheet: string;
  kind: TableKind;
  counts: { program: number; kegiatan: number; subKegiatan: number };
}

export interface UnitReview {
  /** The unit named in the first table title that names one ("KANTOR KECAMATAN TOMONI"). */
  unit?: string;
  kabupaten?: string;
  tables: TableSummary[];
  /** Stated totals (plain decimal strings) of the plan table: Tabel 3.3, else Tabel 7 (N only). */
  totalN?: string;
  totalN1?: string;
  counts: Record<Severity, number>;
  checklist: ChecklistItem[];
}

export interface ChecklistItem {
  id: ChecklistItemId;
  label: MessageRef;
  status: ItemStatus;
  /** Why, when the findings do not say it (missing tables, not checked). */
  note?: MessageRef;
  /** The error and warning findings this item is about, in the findings' order. */
  findings: Finding[];
  /** Info findings of the item (explained sums, amounts stored as text): counted, not listed. */
  infoCount: number;
}

export type ChecklistItemId =
  | "tables-present"
  | "bab3-bab4"
  | "sums"
  | "total"
  | "numbers"
  | "stated-counts"
  | "years"
  | "kode-nomenclature"
  | "fields"
  | "evaluation"
  | "sipd";

const REQUIRED_TABLES: readonly TableKind[] = ["tabel-3.3", "tabel-7", "tabel-2.1", "tabel-2.3"];
const PLAN_TABLES: readonly TableKind[] = ["tabel-3.3", "tabel-7"];

export const KIND_LABEL: Record<TableKind, string> = {
  "tabel-3.3": "Tabel 3.3",
  "tabel-7": "Tabel 7",
  "tabel-2.1": "Tabel 2.1",
  "tabel-2.3": "Tabel 2.3",
  "tabel-perubahan": "Tabel Perubahan",
};

interface ItemSpec {
  id: ChecklistItemId;
  label: MessageRef;
  /** Does a finding belong to this item (its rule and the kind of table it sits in)? */
  takes: (rule: string, kind: TableKind | undefined) => boolean;
  /** Tables the item needs; without any of them the item is "tidak ditemukan". */
  needs?: readonly TableKind[];
  /** Every kind in `needs` must be there (default: any one). */
  needsAll?: boolean;
}

/** The rule the SIPD comparison reports under (built by the SIPD issue); read by name so this file need not wait for it. */
const SIPD_RULE = "sipd-mismatch";

const ITEMS: readonly ItemSpec[] = [
  { id: "tables-present", label: msg("review.item.tables-present", {}), takes: () => false },
  {
    id: "bab3-bab4",
    label: msg("review.item.bab3-bab4", {}),
    takes: (rule, kind) => rule === "cross-table-mismatch" && kind !== "tabel-2.3",
    needs: PLAN_TABLES,
    needsAll: true,
  },
  {
    id: "sums",
    label: msg("review.item.sums", {}),
    takes: (rule) => rule === "rollup-mismatch" || rule === "formula-range",
    needs: REQUIRED_TABLES,
  },
  {
    id: "total",
    label: msg("review.item.total", {}),
    takes: (rule, kind) => rule === "total-mismatch" || (rule === "cross-table-mismatch" && kind === "tabel-2.3"),
    needs: REQUIRED_TABLES,
  },
  {
    id: "numbers",
    label: msg("review.item.numbers", {}),
    takes: (rule) => rule === "malformed-number" || rule === "suspect-scale" || rule === "text-number",
    needs: REQUIRED_TABLES,
  },
  {
    id: "stated-counts",
    label: msg("review.item.stated-counts", {}),
    takes: (rule) => rule === "count-mismatch",
  },
  { id: "years", label: msg("review.item.years", {}), takes: (rule) => rule === "year-mismatch", needs: REQUIRED_TABLES },
  {
    id: "kode-nomenclature",
    label: msg("review.item.kode-nomenclature", {}),
    takes: (rule) => rule === "kode-format" || rule === "kode-hierarchy" || rule === "nomenclature-mismatch" || rule === "duplicate-row",
    needs: REQUIRED_TABLES,
  },
  {
    id: "fields",
    label: msg("review.item.fields", {}),
    takes: (rule) => rule === "missing-field" || rule === "target-unit-mismatch",
    needs: REQUIRED_TABLES,
  },
  { id: "evaluation", label: msg("review.item.evaluation", {}), takes: (rule) => rule === "evaluation-formula", needs: ["tabel-2.1"] },
  { id: "sipd", label: msg("review.item.sipd", {}), takes: (rule) => rule === SIPD_RULE },
];

/**
 * Whether the unit was compared with a SIPD-RI export: not asked (undefined), compared, or asked but the unit was
 * not found in the export (the reason says which units it holds).
 */
export type SipdReview = { compared: true } | { compared: false; reason: Message };

export function reviewUnit(workbook: MappedWorkbook, findings: readonly Finding[], sipd?: SipdReview): UnitReview {
  const tables = workbook.tables;
  const named = tables.map((t) => titleParts(t.title)).find((p) => p.unit !== undefined);
  const plan = tables.find((t) => t.kind === "tabel-3.3") ?? tables.find((t) => t.kind === "tabel-7");
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    unit: named?.unit,
    kabupaten: tables.map((t) => titleParts(t.title).kabupaten).find((k) => k !== undefined),
    tables: tables.map((t) => ({ sheet: t.sheet, kind: t.kind, counts: countLevels(t) })),
    totalN: plan ? statedTotal(workbook, plan, "paguN") : undefined,
    totalN1: plan ? statedTotal(workbook, plan, "paguN1") : undefined,
    counts,
    checklist: checklist(workbook, findings, sipd),
  };
}

/** The amount the total row states (as written, not as recomputed); undefined when it holds none. */
function statedTotal(workbook: MappedWorkbook, table: MappedTable, role: "paguN" | "paguN1"): string | undefined {
  const row = table.rows.find((r) => r.row === table.totalRow);
  if (!row) return undefined;
  const col = columnOf(table, row, role);
  const sheet = workbook.sheets.find((s) => s.id === table.sheetId) ?? workbook.sheets.find((s) => s.name === table.sheet);
  if (col === undefined || !sheet) return undefined;
  const reading = readAmount(cellAt(sheet, row.row, col));
  if (reading.status !== "ok" && reading.status !== "text-number") return undefined;
  return reading.value ? plainDecimal(reading.value) : undefined;
}

function checklist(workbook: MappedWorkbook, findings: readonly Finding[], sipd: SipdReview | undefined): ChecklistItem[] {
  const kinds = new Set(workbook.tables.map((t) => t.kind));
  const kindOf = (f: Finding) => tableKindAt(workbook.tables, f);
  return ITEMS.map((spec) => {
    const mine = findings.filter((f) => spec.takes(f.rule, kindOf(f)));
    const listed = mine.filter((f) => f.severity !== "info");
    const item: ChecklistItem = { id: spec.id, label: spec.label, status: "sesuai", findings: listed, infoCount: mine.length - listed.length };
    if (spec.id === "tables-present") return tablesPresent(item, kinds);
    if (listed.length > 0) return { ...item, status: "perlu-perbaikan" };
    if (spec.id === "sipd" && !sipd) {
      return { ...item, status: "tidak-diperiksa", note: msg("review.note.noSipd", {}) };
    }
    if (spec.id === "sipd" && sipd && !sipd.compared) {
      // the reason comes from reading the export, still a bilingual text: passed through as it is
      return { ...item, status: "tidak-ditemukan", note: msg("phrase", { text: phrase(sipd.reason) }) };
    }
    if (spec.needs) {
      const missing = spec.needs.filter((k) => !kinds.has(k));
      const absent = spec.needsAll ? missing.length > 0 : missing.length === spec.needs.length;
      if (absent) {
        const names = missing.map((k) => KIND_LABEL[k]).join(", ");
        return { ...item, status: "tidak-ditemukan", note: msg("review.note.cannotCheck", { tables: text(names) }) };
      }
    }
    if (spec.id === "stated-counts" && workbook.narratives.length === 0) {
      return { ...item, status: "tidak-ditemukan", note: msg("review.note.noStatedCounts", {}) };
    }
    return item;
  });
}

function tablesPresent(item: ChecklistItem, kinds: ReadonlySet<TableKind>): ChecklistItem {
  const missing = REQUIRED_TABLES.filter((k) => !kinds.has(k));
  if (missing.length === 0) return item;
  const names = missing.map((k) => KIND_LABEL[k]).join(", ");
  const status: ItemStatus = missing.length === REQUIRED_TABLES.length ? "tidak-ditemukan" : "perlu-perbaikan";
  return { ...item, status, note: msg("review.note.notFound", { tables: text(names) }) };
}

function tableKindAt(tables: readonly MappedTable[], f: Finding): TableKind | undefined {
  const onSheet = tables.filter((t) => t.sheet === f.sheet);
  return (onSheet.find((t) => f.row <= t.dataRows[1]) ?? onSheet[0])?.kind;
}

/** "'Tabel 3.3'!J21": the cell a verifier looks up, with its sheet. */
export function findingPlace(f: Finding): string {
  return sheetRef(f.sheet, f.cell);
}
