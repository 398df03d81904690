/**
 * The ExcelJS-based reader: the oracle the one package reader (src/xlsx/packageSnapshots.ts) is compared with.
 * It lives in test/ only; production never reads a workbook through ExcelJS. Its known quirks are normalised in
 * referenceReader.ts, never copied into the production reader.
 */
import type ExcelJS from "exceljs";
import { HostError } from "../../../src/domain/host";
import type { ReadOptions, SheetRef } from "../../../src/domain/host";
import type { MergeArea, SheetSnapshot } from "../../../src/domain/sheet/snapshot";
import type { XlsxHost } from "../../../src/xlsx";
import { newExcelWorkbook } from "../../../src/xlsx/excelWorkbook";
import { corruptError, unknownSheetError } from "../../../src/xlsx/hostErrors";
import type { SidecarAccess } from "../../../src/xlsx/mappingSidecar";
import { sniffWorkbookBytes, type SniffLimits } from "../../../src/xlsx/sniff";
import { SidecarHost } from "../../../src/xlsx/xlsxHost";
import { divertHugeMerges } from "./hugeMerges";
import { readWorksheet } from "./readWorksheet";

type LoadInput = Parameters<ExcelJS.Xlsx["load"]>[0];

/**
 * Parts of a worksheet a read never needs. Data validations matter most: ExcelJS expands each validation range
 * into one entry per cell, so a rule over a whole column would cost a million entries.
 */
const IGNORED_WORKSHEET_NODES = ["dataValidations", "conditionalFormatting", "extLst"];

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
