/**
 * What cells hold right now inside an .xlsx package, read straight from the XML (the guard before a write and
 * the undo record both need the exact stored content, not a library's interpretation of it).
 */
import type { CellContent } from "../../domain/plan";
import { parseA1 } from "../../domain/sheet/snapshot";
import { openPackage, sheetPart, type XlsxPackage } from "./package";
import { readSharedStrings, SheetDoc, stringItemText, type CellNode } from "./sheet";
import { StylesEditor } from "./styles";
import { attr, elementText } from "./xml";

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

/** Reads cells of a package, parsing each part once. */
export class PackageReader {
  private readonly sheetDocs = new Map<string, SheetDoc>();
  private sharedStrings?: string[];
  private styles?: StylesEditor;

  constructor(readonly pkg: XlsxPackage) {}

  sheet(name: string): SheetDoc {
    const part = sheetPart(this.pkg, name);
    let doc = this.sheetDocs.get(part.path);
    if (!doc) {
      doc = new SheetDoc(this.pkg.text(part.path));
      this.sheetDocs.set(part.path, doc);
    }
    return doc;
  }

  stylesEditor(): StylesEditor {
    if (!this.styles) {
      const path = this.pkg.stylesPath;
      this.styles = new StylesEditor(path && this.pkg.has(path) ? this.pkg.text(path) : undefined);
    }
    return this.styles;
  }

  content(sheetName: string, row: number, col: number): CellContent {
    const doc = this.sheet(sheetName);
    const node = doc.cell(row, col);
    const numFmt = this.stylesEditor().formatOf(doc.styleAt(row, col));
    if (!node) return { value: null, numFmt };
    return { ...this.cellValue(doc, node), numFmt };
  }

  private cellValue(doc: SheetDoc, node: CellNode): Omit<CellContent, "numFmt"> {
    const xml = doc.xml;
    const type = attr(xml, node.el.open, "t") ?? "n";
    const formula = doc.formulaOf(node);
    const v = doc.child(node.el, "v");
    const raw = v ? elementText(xml, v) : undefined;
    const withFormula = <T extends Omit<CellContent, "numFmt">>(c: T): T => (formula !== undefined ? { ...c, formula } : c);
    switch (type) {
      case "s":
        return withFormula({ value: raw === undefined ? null : (this.sharedString(Number(raw)) ?? null) });
      case "inlineStr": {
        const is = doc.child(node.el, "is");
        return withFormula({ value: is ? stringItemText(xml, doc.tags, is) : null });
      }
      case "str":
      case "d":
        return withFormula({ value: raw ?? null });
      case "b":
        return withFormula({ value: raw === undefined ? null : raw.trim() === "1" || raw.trim() === "true" });
      case "e":
        return withFormula({ value: null, error: raw?.trim() });
      default:
        return withFormula({ value: raw === undefined || raw.trim() === "" ? null : Number(raw) });
    }
  }

  private sharedString(index: number): string | undefined {
    this.sharedStrings ??= readSharedStrings(this.pkg);
    return this.sharedStrings[index];
  }
}
