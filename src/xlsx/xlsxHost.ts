/**
 * The .xlsx host, read side of the WorkbookHost contract: snapshots come straight from the package XML through
 * the one package reader (packageSnapshots.ts); every failure reaches the caller as a HostError with a message
 * in both languages. The ExcelJS-based reader is the tests' oracle and lives in test/xlsx/oracle.
 */
import { HostError } from "../domain/host";
import type { ReadOptions, SheetRef, WorkbookHost } from "../domain/host";
import type { MappingOverrides } from "../domain/mapping/types";
import type { SheetSnapshot } from "../domain/sheet/snapshot";
import { corruptError, noSidecarWriterError, unknownSheetError } from "./hostErrors";
import { parseMappingOverrides, serializeMappingOverrides } from "./mappingSidecar";
import type { SidecarAccess } from "./mappingSidecar";
import { damagedPartHostError, DamagedPartError, PackageSnapshots, withoutStyleCues, type PackageSheet } from "./packageSnapshots";
import { sniffEncryptedWorkbook, sniffWorkbookBytes } from "./sniff";
import { isOwnSheet, type MarkerVerdict } from "../domain/generatedMarker";
import { markerVerdicts } from "./patch/addSheet";
import { DEFAULT_PACKAGE_LIMITS, type PackageLimits, type PartCodec } from "./patch/inflate";
import type { SniffLimits } from "./sniff";

/** How a host reads its package: the bounds for this process, and the codec its parts are inflated with. */
export interface HostReadOptions extends SniffLimits {
  codec?: PartCodec;
}

export interface XlsxHost extends WorkbookHost {
  readonly fileName: string;
  /** Every sheet in tab order, hidden ones included (a hidden Tabel 7 still feeds cross-table rules). */
  readAllSnapshots(opts?: ReadOptions): Promise<SheetSnapshot[]>;
  /** The workbook is digitally signed: a write (a patched copy) no longer carries a valid signature. */
  readonly signed?: boolean;
  /**
   * Sheets carrying this tool's marker, with the verdict on each (src/domain/generatedMarker.ts). Optional: the
   * ExcelJS oracle in test/ reads cells only.
   */
  markedSheets?(): MarkerVerdict[];
  /** Sheets this tool generated and may rewrite (their marker verified). */
  generatedSheetNames?(): Promise<string[]>;
}

export async function openXlsxHost(
  bytes: Uint8Array,
  fileName: string,
  sidecar: SidecarAccess = {},
  limits: HostReadOptions = {},
): Promise<XlsxHost> {
  await sniffEncryptedWorkbook(bytes, fileName);
  const pkg = openPackageReader(bytes, fileName, limits);
  let marked: MarkerVerdict[];
  try {
    marked = markerVerdicts(pkg);
  } catch (e) {
    throw asHostError(e, fileName);
  }
  return new PackageHost(pkg.sheets, pkg.sheets.map((s) => pkg.read(s)), fileName, sidecar, pkg.pkg.signed, marked);
}

/**
 * The package opened and every sheet read once: a damaged part fails the open with a message naming it, so
 * `check` and the write commands give the same verdict on the same file.
 */
export function openPackageReader(bytes: Uint8Array, fileName: string, limits: HostReadOptions = {}): PackageSnapshots {
  sniffWorkbookBytes(bytes, fileName, limits);
  try {
    const pkg = new PackageSnapshots(bytes, packageLimits(limits));
    for (const sheet of pkg.sheets) pkg.read(sheet);
    return pkg;
  } catch (e) {
    throw asHostError(e, fileName);
  }
}

/**
 * The package's bounds for this process: the defaults, tightened to the sheet data the caller's heap can hold
 * (the CLI derives it from V8's heap limit), so a part past it is refused with a message instead of an abort.
 */
export function packageLimits(limits: HostReadOptions): PackageLimits {
  const heap = limits.maxSheetDataBytes;
  const codec = limits.codec ? { codec: limits.codec } : {};
  if (heap === undefined) return { ...DEFAULT_PACKAGE_LIMITS, ...codec };
  return {
    ...DEFAULT_PACKAGE_LIMITS,
    ...codec,
    maxPartBytes: Math.min(DEFAULT_PACKAGE_LIMITS.maxPartBytes, heap),
    maxTotalBytes: Math.min(DEFAULT_PACKAGE_LIMITS.maxTotalBytes, heap),
  };
}

/** A read failure as the user sees it: a damaged part by name, any other failure as a damaged file. */
export function asHostError(e: unknown, fileName: string): HostError {
  if (e instanceof HostError) return e;
  if (e instanceof DamagedPartError) return damagedPartHostError(fileName, e);
  return corruptError(fileName);
}

/** Loading and saving the mapping sidecar, shared by the .xlsx hosts (and the oracle host in test/). */
export abstract class SidecarHost {
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
    readonly signed: boolean,
    private readonly marked: readonly MarkerVerdict[],
  ) {
    super(fileName, sidecar);
  }

  markedSheets(): MarkerVerdict[] {
    return [...this.marked];
  }

  async generatedSheetNames(): Promise<string[]> {
    return this.marked.filter(isOwnSheet).map((v) => v.name);
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

function withStyles(snapshot: SheetSnapshot, styles: boolean): SheetSnapshot {
  return styles ? snapshot : withoutStyleCues(snapshot);
}
