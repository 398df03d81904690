/**
 * mapWorkbook: finds the Renja tables on every sheet (wherever they start, several per sheet), their header rows,
 * column roles, year N and stated years, kind, and each row's level with its parent; plus the narrative cells
 * that state counts or totals. The user's corrections (MappingOverrides) win over everything inferred.
 */
import type { Catalogue } from "../nomenclature";
import { BUILTIN_CHOICE, type CatalogueChoice } from "../nomenclature/library";
import type { SheetSnapshot } from "../sheet/snapshot";
import { cellAt, columnIndex, sortedRowNumbers } from "../sheet/snapshot";
import { assignRoles, moneyRolesOf, type TableFlavour } from "./columnRoles";
import { placeDisplacedTotals } from "./displacedTotals";
import { inferLevels } from "./levels";
import { findNarratives, isNarrativeText } from "./narratives";
import { readRowFacts, type RowFacts } from "./rowFacts";
import { detectShifts } from "./rowShift";
import { attachCatalogue, linkParents } from "./structure";
import { kewenanganOf, splitKodeColumns, type KodeSplit } from "./splitKode";
import { scanBody, type BodyRow } from "./tableBody";
import { readFrame, titleRowsAbove, type TableFrame } from "./tableFrame";
import type { ColumnRole, Level, MappedRow, MappedTable, MappedWorkbook, MappingOverrides, NarrativeCell, TableKind } from "./types";
import { planYearOf, statedYearsOf, type TextCell } from "./years";
import { hasPlanStructure, type RejectedFrame } from "./planStructure";

export interface MapOptions {
  overrides?: MappingOverrides;
  /** false to map without the nomenclature catalogue (default true). */
  catalogue?: boolean;
  /** Which nomenclature list a table of year N uses (default: the built-in list). */
  nomenclature?: CatalogueChoice;
}

export function mapWorkbook(sheets: SheetSnapshot[], opts: MapOptions = {}): MappedWorkbook {
  const tables: MappedTable[] = [];
  const narratives: NarrativeCell[] = [];
  for (const sheet of sheets) {
    const found = mapSheet(sheet, opts);
    tables.push(...found);
    narratives.push(...findNarratives(sheet, found.map((t) => [t.titleRows[0] ?? t.headerRows[0], t.dataRows[1]] as [number, number])));
  }
  return { sheets, tables, narratives };
}

/**
 * The tables of one sheet. `rejected` receives every header block that was not taken for a Renja table, with
 * why (recognition.ts explains a workbook without any table from them).
 */
export function mapSheet(sheet: SheetSnapshot, opts: MapOptions, rejected?: (r: RejectedFrame) => void): MappedTable[] {
  const rows = sortedRowNumbers(sheet);
  const tables: MappedTable[] = [];
  let floor = 0;
  for (let i = 0; i < rows.length; ) {
    const frame = readFrame(sheet, rows, i);
    const table = frame ? mapTable(sheet, rows, frame, floor, opts, rejected) : undefined;
    if (!frame || !table) {
      i++;
      continue;
    }
    tables.push(table.table);
    floor = table.table.dataRows[1];
    i = Math.max(table.nextIndex, i + 1);
  }
  return tables;
}

function kindOf(flavour: TableFlavour, columns: Partial<Record<ColumnRole, number>>): TableKind {
  if (flavour === "review") return "tabel-2.3";
  if (flavour === "evaluation") return "tabel-2.1";
  if (columns.paguSemula !== undefined && columns.paguMenjadi !== undefined) return "tabel-perubahan";
  return columns.paguN1 !== undefined ? "tabel-3.3" : "tabel-7";
}

/** The header vocabulary a kind's columns are read with: a kind the user chose decides it over the headers. */
function flavourOfKind(kind: TableKind): TableFlavour {
  if (kind === "tabel-2.3") return "review";
  if (kind === "tabel-2.1") return "evaluation";
  return "plan";
}

function isRenjaTable(columns: Partial<Record<ColumnRole, number>>): boolean {
  const hasName = columns.uraian !== undefined || columns.rkpdUraian !== undefined;
  const hasContent = (Object.keys(columns) as ColumnRole[]).some((r) => r !== "uraian" && r !== "no" && r !== "kode" && r !== "catatan" && r !== "sasaran");
  return hasName && hasContent;
}

function applyRoleOverrides(columns: Partial<Record<ColumnRole, number>>, overrides: Partial<Record<ColumnRole, string>> | undefined): void {
  if (!overrides) return;
  for (const [role, letter] of Object.entries(overrides) as [ColumnRole, string | undefined][]) {
    if (!letter) continue;
    const col = columnIndex(letter);
    for (const r of Object.keys(columns) as ColumnRole[]) if (columns[r] === col) delete columns[r];
    columns[role] = col;
  }
}

function mapTable(
  sheet: SheetSnapshot,
  rows: readonly number[],
  frame: TableFrame,
  floor: number,
  opts: MapOptions,
  rejected?: (r: RejectedFrame) => void,
): { table: MappedTable; nextIndex: number } | undefined {
  const reject = (reason: RejectedFrame["reason"]) => {
    rejected?.({ headerRow: frame.headerRows[0], headers: frame.headers.map((h) => h.path[h.path.length - 1] ?? "").filter((t) => t !== ""), reason });
    return undefined;
  };
  const useCatalogue = opts.catalogue !== false;
  const titleCells = titleRowsAbove(sheet, frame.headerRows[0], floor, isNarrativeText);
  const titleFlat: TextCell[] = titleCells.flat();
  // N first (roles need it to tell "Pagu 2026" from "Pagu 2025"), then roles, then the stated years with roles
  const chosenKind = opts.overrides?.kinds?.[sheet.id];
  const flavour = chosenKind ? flavourOfKind(chosenKind) : frame.flavour;
  const prelimTitle = statedYearsOf(titleFlat, flavour, true);
  const prelimHeaders = statedYearsOf(frame.headerCells, flavour, false);
  let year = opts.overrides?.years?.[sheet.id] ?? planYearOf(prelimTitle, prelimHeaders, flavour);
  const columns = assignRoles(frame.headers, flavour, year);
  applyRoleOverrides(columns, opts.overrides?.roles?.[sheet.id]);
  if (columns.uraian === undefined && columns.rkpdUraian === undefined) return reject("no-name-column");
  if (!isRenjaTable(columns)) return reject("no-content-column");
  const roleByCol = new Map<number, ColumnRole>();
  for (const [role, col] of Object.entries(columns) as [ColumnRole, number][]) roleByCol.set(col, role);
  const headerYears = statedYearsOf(frame.headerCells, flavour, false, (c) => roleByCol.get(c));
  const statedYears = [...prelimTitle, ...headerYears];
  if (year === null) year = planYearOf(prelimTitle, headerYears, flavour);

  const moneyRoles = moneyRolesOf(columns);
  const moneyCols = moneyRoles.map((r) => columns[r] as number);
  const { body, nextIndex } = scanBody(sheet, rows, frame, columns, moneyCols);
  const lastUseful = lastIndexOf(body, (b) => b.kind === "data" || b.kind === "total");
  if (lastUseful < 0) return reject("no-rows");
  const kept = body.slice(0, lastUseful + 1);
  const dataRows = kept.filter((b) => b.kind === "data").map((b) => b.row);
  const watch = [columns.uraian, ...moneyCols].filter((c): c is number => c !== undefined);
  const shifts = detectShifts(sheet, dataRows, frame.firstCol, frame.lastCol, watch);
  const nomenclature = (opts.nomenclature ?? BUILTIN_CHOICE).forYear(year);
  const title = titleCells.map((cells) => cells.map((c) => c.text).join(" ")).join(" ");
  const kodeCols = splitKodeColumns(frame.headers, columns);
  const split: KodeSplit | undefined = kodeCols && { cols: kodeCols, ...kewenanganOf(title, namesIn(sheet, dataRows, columns.uraian)) };
  const facts = readAllFacts(sheet, dataRows, shifts, columns, moneyCols, useCatalogue ? nomenclature : undefined, split);
  const levels = inferLevels(facts, moneyRoles);
  const kindOverrides = opts.overrides?.indicatorKinds?.[sheet.id];
  // linkParents gives every row a parentRow after the keys set here (and after indicatorKind): a row made with
  // that key already has the same keys in the same order, without a second store for the key added later
  const parentKey = kindOverrides === undefined;
  const factRows = facts.map((f, i): MappedRow => {
    const l = levels[i];
    if (parentKey && !f.kodeInferred && f.shift === 0 && (l.level !== "other" || l.evidence.length > 0)) {
      return f.kode
        ? { row: f.row, level: l.level, uraian: f.uraian, confidence: l.confidence, evidence: l.evidence, kode: f.kode, parentRow: undefined }
        : { row: f.row, level: l.level, uraian: f.uraian, confidence: l.confidence, evidence: l.evidence, parentRow: undefined };
    }
    const row: MappedRow = { row: f.row, level: l.level, uraian: f.uraian, confidence: l.confidence, evidence: l.evidence };
    if (f.kode) row.kode = f.kode;
    if (f.kodeInferred) {
      row.kodeInferred = true;
      row.evidence = [...(row.evidence ?? []), `kode joined from ${split?.cols.length ?? 0} columns, ${f.kodeInferred}`];
    }
    if (f.shift !== 0) {
      row.columnShift = f.shift;
      row.evidence = [...(row.evidence ?? []), `cells stand ${Math.abs(f.shift)} column(s) ${f.shift < 0 ? "left" : "right"} of their headers`];
    }
    if (l.level === "other" && l.evidence.length === 0) row.evidence = [f.uraian === "" ? "no name: a wrapped line or a note" : "not placed"];
    return row;
  });
  // facts were read for the data rows of `kept`, in the same order
  let nextFact = 0;
  const mappedRows: MappedRow[] = kept.map((b) => (b.kind === "data" ? factRows[nextFact++] : structuralRow(b, parentKey)));
  const levelOverrides = opts.overrides?.levels?.[sheet.id];
  if (levelOverrides) {
    for (const r of mappedRows) {
      const level: Level | undefined = levelOverrides[r.row];
      if (level) {
        r.level = level;
        r.confidence = 1;
        r.evidence = ["corrected by the user"];
      }
    }
  }
  if (kindOverrides) for (const r of mappedRows) if (kindOverrides[r.row]) r.indicatorKind = kindOverrides[r.row];
  linkParents(mappedRows);
  attachCatalogue(mappedRows, useCatalogue ? nomenclature : undefined, () => new Map(facts.map((f) => [f.row, f.matches])));
  if (!levelOverrides && !hasPlanStructure(mappedRows, facts, frame.headers, columns)) return reject("no-structure");
  const totalRow = mappedRows.find((r) => r.level === "total")?.row;
  const first = mappedRows[0].row;
  const last = mappedRows[mappedRows.length - 1].row;
  const repeated = kept.filter((b) => b.kind === "repeatedHeader" || b.kind === "columnNumbers").map((b) => b.row);
  if (frame.columnNumberRow !== undefined) repeated.unshift(frame.columnNumberRow);
  const table: MappedTable = {
    sheet: sheet.name,
    sheetId: sheet.id,
    kind: chosenKind ?? kindOf(flavour, columns),
    title,
    titleRows: titleCells.map((cells) => cells[0].row),
    year,
    headerRows: frame.headerRows,
    repeatedHeaderRows: repeated,
    columnNumberRow: frame.columnNumberRow,
    dataRows: [first, last],
    totalRow,
    columns,
    ...(kodeCols ? { kodeColumns: kodeCols } : {}),
    moneyRoles,
    statedYears,
    rows: mappedRows,
    nomenclature,
  };
  placeDisplacedTotals(sheet, table);
  return { table, nextIndex };
}

/** Rows judged before the catalogue is dropped for a table whose names it does not know (another bidang). */
const CATALOGUE_PROBE = 300;
const CATALOGUE_MIN_HITS = 0.05;

function readAllFacts(
  sheet: SheetSnapshot,
  dataRows: number[],
  shifts: Map<number, number>,
  columns: Partial<Record<ColumnRole, number>>,
  moneyCols: number[],
  nomenclature: Catalogue | undefined,
  split: KodeSplit | undefined,
): RowFacts[] {
  let catalogue = nomenclature;
  let probed = 0;
  let hits = 0;
  return dataRows.map((r) => {
    const f = readRowFacts(sheet, r, shifts.get(r) ?? 0, columns, moneyCols, catalogue, split);
    if (catalogue && f.uraian !== "" && !f.kodeLevel) {
      probed++;
      if (Object.values(f.matches).some((m) => m.similarity >= 0.6)) hits++;
      if (probed === CATALOGUE_PROBE && hits < CATALOGUE_MIN_HITS * probed) catalogue = undefined;
    }
    return f;
  });
}

/** The names in the uraian column of these rows (for the kewenangan of a split kode). */
function namesIn(sheet: SheetSnapshot, rows: number[], col: number | undefined): string[] {
  if (col === undefined) return [];
  const out: string[] = [];
  for (const r of rows) {
    const v = cellAt(sheet, r, col)?.value;
    if (typeof v === "string" && v !== "") out.push(v);
  }
  return out;
}

function structuralRow(b: BodyRow, parentKey: boolean): MappedRow {
  const row: MappedRow =
    b.kind === "total"
      ? { row: b.row, level: "total", uraian: "", confidence: 0.99, evidence: ["JUMLAH / TOTAL"] }
      : {
          row: b.row,
          level: "other",
          uraian: "",
          confidence: 0.95,
          evidence: [b.kind === "repeatedHeader" ? "header repeated at a page break" : b.kind === "subtotal" ? "a subtotal row" : "column numbers"],
        };
  if (parentKey) row.parentRow = undefined;
  return row;
}

function lastIndexOf<T>(xs: T[], p: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (p(xs[i])) return i;
  return -1;
}
