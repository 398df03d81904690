/**
 * The .xlsx host, read side of the WorkbookHost contract: snapshots come straight from the package XML
 * (packageSnapshots.ts); every failure reaches the caller as a HostError with a message in both languages.
 * The ExcelJS-based host stays as the reference the fast reader is tested against, cell by cell.
 */
import type ExcelJS from "exceljs";
import { HostError } from "../domain/host";
import type { ReadOptions, SheetRef, WorkbookHost } from "../domain/host";
import type { MappingOverrides } from "../domain/mapping/types";
import type { Cell, MergeArea, SheetSnapshot } from "../domain/sheet/snapshot";
import { newExcelWorkbook } from "./excelWorkbook";
import { divertHugeMerges } from "./hugeMerges";
import { corruptError, noSidecarWriterError, unknownSheetError } from "./hostErrors";
import { parseMappingOverrides, serializeMappingOverrides } from "./mappingSidecar";
import type { SidecarAccess } from "./mappingSidecar";
import { PackageSnapshots, type PackageSheet } from "./packageSnapshots";
import { readWorksheet } from "./readWorksheet";
import { sniffWorkbookBytes } from "./sniff";
import type { SniffLimits } from "./sniff";

export interface XlsxHost extends WorkbookHost {
  readonly fileName: string;
  /** Every sheet in tab order, hidden ones included (a hidden Tabel 7 still feeds cross-table rules). */
  readAllSnapshots(opts?: ReadOptions): Promise<SheetSnapshot[]>;
}

/**
 * Parts of a worksheet a read never needs. Data validations matter most: ExcelJS expands each validation range
 * into one entry per cell, so a rule over a whole column would cost a million entries.
 */
type LoadInput = Parameters<ExcelJS.Xlsx["load"]>[0];

const IGNORED_WORKSHEET_NODES = ["dataValidations", "conditionalFormatting", "extLst"];

export async function openXlsxHost(
  bytes: Uint8Array,
  fileName: string,
  sidecar: SidecarAccess = {},
  limits: SniffLimits = {},
): Promise<XlsxHost> {
  sniffWorkbookBytes(bytes, fileName, limits);
  let pkg: PackageSnapshots;
  const snapshots: SheetSnapshot[] = [];
  try {
    pkg = new PackageSnapshots(bytes);
    // Every sheet is read now, as ExcelJS loaded everything up front: a damaged part fails the open, not a later
    // read. Style cues cost little, so they are always read and left out of a snapshot asked for without them.
    for (const sheet of pkg.sheets) snapshots.push(pkg.read(sheet, true));
  } catch {
    throw corruptError(fileName);
  }
  return new PackageHost(pkg.sheets, snapshots, fileName, sidecar);
}

/** The ExcelJS-based host: the reference openXlsxHost's snapshots are compared with in the tests. */
export async function openExcelJsXlsxHost(
  bytes: Uint8Array,
  fileName: string,
  sidecar: SidecarAccess = {},
  limits: SniffLimits = {},
): Promise<XlsxHost> {
  sniffWorkbookBytes(bytes, fileName, limits);
  const workbook = newExcelWorkbook();
  const hugeMerges = divertHugeMerges(workbook);
  try {
    // ExcelJS hands the data to JSZip, which takes any Uint8Array; its typing names a Buffer type only.
    await workbook.xlsx.load(bytes as unknown as LoadInput, { ignoreNodes: IGNORED_WORKSHEET_NODES });
  } catch (e) {
    if (e instanceof HostError) throw e;
    throw corruptError(fileName);
  }
  return new ExcelJsHost(workbook, fileName, sidecar, hugeMerges);
}

abstract class SidecarHost {
  constructor(
    readonly fileName: string,
    private readonly sidecar: SidecarAccess,
  ) {}

  async loadMapping(): Promise<MappingOverrides | undefined> {
    if (!this.sidecar.readSidecar) return undefined;
    const text = await this.sidecar.readSidecar();
    if (text === undefined) return undefined;
    return parseMappingOverrides(text, this.sidecar.sidecarName ?? `${this.fileName}.renja.json`);
  }

  async saveMapping(m: MappingOverrides): Promise<void> {
    if (!this.sidecar.writeSidecar) throw noSidecarWriterError();
    await this.sidecar.writeSidecar(serializeMappingOverrides(m));
  }
}

class PackageHost extends SidecarHost implements XlsxHost {
  constructor(
    private readonly sheets: readonly PackageSheet[],
    private readonly snapshots: readonly SheetSnapshot[],
    fileName: string,
    sidecar: SidecarAccess,
  ) {
    super(fileName, sidecar);
  }

  async listSheets(): Promise<SheetRef[]> {
    return this.sheets.map((s) => ({ ...s.ref }));
  }

  async readSnapshot(sheet: SheetRef, opts: ReadOptions = {}): Promise<SheetSnapshot> {
    let index = this.sheets.findIndex((s) => s.ref.id === sheet.id);
    if (index < 0) index = this.sheets.findIndex((s) => s.ref.name === sheet.name);
    if (index < 0) throw unknownSheetError(sheet.name);
    return withStyles(this.snapshots[index], opts.styles === true);
  }

  async readAllSnapshots(opts: ReadOptions = {}): Promise<SheetSnapshot[]> {
    return this.snapshots.map((s) => withStyles(s, opts.styles === true));
  }
}

/** The snapshot as read (with style cues), or a copy without bold and indent. */
function withStyles(snapshot: SheetSnapshot, styles: boolean): SheetSnapshot {
  if (styles) return snapshot;
  const rows = new Map<number, Map<number, Cell>>();
  for (const [r, cells] of snapshot.rows) {
    const plain = new Map<number, Cell>();
    for (const [c, cell] of cells) {
      if (cell.bold === undefined && cell.indent === undefined) plain.set(c, cell);
      else {
        const { bold: _bold, indent: _indent, ...rest } = cell;
        plain.set(c, rest);
      }
    }
    rows.set(r, plain);
  }
  return { ...snapshot, rows };
}

class ExcelJsHost extends SidecarHost implements XlsxHost {
  private readonly sheets: { ref: SheetRef; ws: ExcelJS.Worksheet }[];
  private readonly date1904: boolean;

  constructor(
    workbook: ExcelJS.Workbook,
    fileName: string,
    sidecar: SidecarAccess,
    private readonly hugeMerges: ReadonlyMap<string, MergeArea[]>,
  ) {
    super(fileName, sidecar);
    // Sheet names are unique in a workbook and readable in the sidecar file, so they serve as ids.
    this.sheets = workbook.worksheets.map((ws) => ({ ref: { id: ws.name, name: ws.name, visible: ws.state === "visible" }, ws }));
    this.date1904 = workbook.properties?.date1904 === true;
  }

  async listSheets(): Promise<SheetRef[]> {
    return this.sheets.map((s) => ({ ...s.ref }));
  }

  async readSnapshot(sheet: SheetRef, opts: ReadOptions = {}): Promise<SheetSnapshot> {
    const found = this.sheets.find((s) => s.ref.id === sheet.id) ?? this.sheets.find((s) => s.ref.name === sheet.name);
    if (!found) throw unknownSheetError(sheet.name);
    return this.read(found, opts);
  }

  async readAllSnapshots(opts: ReadOptions = {}): Promise<SheetSnapshot[]> {
    return this.sheets.map((s) => this.read(s, opts));
  }

  private read(sheet: { ref: SheetRef; ws: ExcelJS.Worksheet }, opts: ReadOptions): SheetSnapshot {
    const extraMerges = this.hugeMerges.get(sheet.ref.name);
    return readWorksheet(sheet.ws, sheet.ref, { styles: opts.styles, date1904: this.date1904, extraMerges });
  }
}
