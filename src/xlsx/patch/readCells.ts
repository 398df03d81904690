/**
 * What cells hold right now inside an .xlsx package, read straight from the XML (the guard before a write and
 * the undo record both need the exact stored content, not a library's interpretation of it).
 */
import type { CellContent } from "../../domain/plan";
import { parseA1 } from "../../domain/sheet/snapshot";
import { openPackage, sheetPart, type XlsxPackage } from "./package";
import { HostError } from "../../domain/host";
import type { SheetSnapshot } from "../../domain/sheet/snapshot";
import { DamagedPartError, notWellFormed, PackageSnapshots, type PackageSheet } from "../packageSnapshots";
import { SheetDoc } from "./sheet";
import { StylesEditor } from "./styles";
import { worksheetStyleReferences } from "./styleSlots";

export interface CellRef {
  sheet: string;
  /** A1 address, "$" allowed. */
  cell: string;
}

export function readCellContents(bytes: Uint8Array, refs: readonly CellRef[]): CellContent[] {
  const reader = new PackageReader(openPackage(bytes));
  return refs.map((ref) => {
    const at = parseA1(ref.cell);
    if (!at) throw new Error(`not a cell address: ${ref.cell}`);
    return reader.content(ref.sheet, at.row, at.col);
  });
}

/**
 * Reads cells of a package for the patcher: what a cell holds comes from the one package reader (the snapshot
 * reader, ../packageSnapshots.ts), so the guard finds exactly what the snapshot a plan was made from said; the
 * sheet documents give the offsets a patch splices at and the style a new cell gets.
 */
export class PackageReader {
  private readonly sheetDocs = new Map<string, SheetDoc>();
  private styles?: StylesEditor;
  readonly snapshots: PackageSnapshots;

  constructor(readonly pkg: XlsxPackage) {
    this.snapshots = new PackageSnapshots(pkg);
  }

  sheet(name: string): SheetDoc {
    const part = sheetPart(this.pkg, name);
    let doc = this.sheetDocs.get(part.path);
    if (!doc) {
      try {
        doc = new SheetDoc(this.pkg.text(part.path));
      } catch (e) {
        if (e instanceof HostError) throw e;
        throw new DamagedPartError(part.path, notWellFormed(e));
      }
      this.sheetDocs.set(part.path, doc);
    }
    return doc;
  }

  /** The sheet as the snapshot reader reads it (merges, protection, hidden rows). */
  snapshot(name: string): SheetSnapshot {
    const sheet = this.snapshots.sheet(name);
    if (!sheet) sheetPart(this.pkg, name);
    return this.snapshots.read(sheet as PackageSheet);
  }

  stylesEditor(): StylesEditor {
    if (!this.styles) {
      const path = this.pkg.stylesPath;
      this.styles = new StylesEditor(path && this.pkg.has(path) ? this.pkg.text(path) : undefined, () => worksheetStyleReferences(this.pkg));
    }
    return this.styles;
  }

  content(sheetName: string, row: number, col: number): CellContent {
    sheetPart(this.pkg, sheetName);
    return this.snapshots.content(sheetName, row, col, () => this.sheet(sheetName).styleAt(row, col));
  }
}
