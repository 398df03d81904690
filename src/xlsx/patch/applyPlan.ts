/**
 * Writes a WritePlan into an .xlsx package by patching only the planned cells: every zip entry other than the
 * edited sheets, styles.xml (when a number format is added), workbook.xml (fullCalcOnLoad), the workbook
 * relationships and content types (calc chain dropped) keeps its exact stored bytes. All or nothing: every
 * check runs before anything is built, and the result is a new byte array (the input is never touched).
 */
import { HostError, refusals } from "../../domain/host";
import { msg, nested } from "../../domain/messages";
import { type CellContent, type PlannedCell, type UndoRecord, type WritePlan } from "../../domain/plan";
import { a1 } from "../../domain/sheet/snapshot";
import { cutSnapshotText } from "../packageSnapshots";
import { cellXml, textNeedsTextFormat } from "./cellXml";
import { openPackage, sheetPart, writtenParts } from "./package";
import { asReadText } from "./partText";
import { PackageReader } from "./readCells";
import { applySplices, parseArea, SheetDoc, type CellNode, type Splice } from "./sheet";
import { prefixOf, type StylesEditor } from "./styles";
import { dropCalcChain, setFullCalcOnLoad } from "./workbookParts";
import { attr, elementText, escapeText, findElement, withAttribute, type XmlTag } from "./xml";
import { writeZip } from "./zip";

export interface PatchResult {
  bytes: Uint8Array;
  undo: UndoRecord;
}

export function applyPlanToXlsx(bytes: Uint8Array, plan: WritePlan): PatchResult {
  // Nothing to change: the copy is the input itself (not even fullCalcOnLoad is set).
  // A copy (new Uint8Array), not bytes.slice(): on a Node Buffer, slice is a view of the same memory.
  if (plan.cells.length === 0) return { bytes: new Uint8Array(bytes), undo: { title: plan.title, cells: [] } };
  // Exact: bytes of the edited parts that are not UTF-8 stay as they were outside the planned cells.
  const pkg = openPackage(bytes, undefined, { exact: true });
  const reader = new PackageReader(pkg);
  const current = plan.cells.map((c) => asRead(reader.content(c.sheet, c.row, c.col)));
  // The host contract's refusal rules, before anything is built (domain/host.ts, shared with the Office host).
  const refused = refusals(plan, {
    // The snapshot a plan was made from cut long text; so does the comparison (undo keeps the whole text).
    cells: plan.cells.map((c, i) => ({
      content: asSnapshotRead(current[i]),
      merge: reader.snapshot(c.sheet).merges.find((m) => contains(m, c.row, c.col)),
      inArray: reader.sheet(c.sheet).arrayAreas().some((m) => contains(m, c.row, c.col)),
    })),
    protectedSheets: new Set(plan.cells.map((c) => c.sheet).filter((s) => reader.snapshot(s).protected)),
  });
  if (refused) throw refused;

  const bySheet = new Map<string, PlannedCell[]>();
  for (const c of plan.cells) {
    const path = sheetPart(pkg, c.sheet).path;
    bySheet.set(path, [...(bySheet.get(path) ?? []), c]);
  }
  const styles = reader.stylesEditor();
  for (const [path, cells] of bySheet) {
    pkg.setText(path, patchSheet(reader.sheet(cells[0].sheet), cells, styles));
  }
  if (styles.isChanged && pkg.stylesPath) pkg.setText(pkg.stylesPath, styles.text);
  setFullCalcOnLoad(pkg);
  const removed = dropCalcChain(pkg);

  const out = writeZip(pkg.zip, writtenParts(pkg, removed));
  const written = new PackageReader(openPackage(out, undefined, { exact: true }));
  try {
    const undo: UndoRecord = {
      title: plan.title,
      cells: plan.cells.map((c, i) => ({ ...c, before: asRead(written.content(c.sheet, c.row, c.col)), after: current[i] })),
    };
    return { bytes: out, undo };
  } catch (e) {
    // The result passes a bound the input was under (a style copied with all it holds): it would not open again.
    if (e instanceof HostError && e.code === "too-large") {
      throw new HostError("too-large", msg("xlsx.resultTooLarge", { why: nested(e.ref) }));
    }
    throw e;
  }
}

/** A cell's content as the snapshot a plan was made from shows it (bytes kept by the exact package as U+FFFD). */
function asRead(content: CellContent): CellContent {
  const out = { ...content };
  if (typeof out.value === "string") out.value = asReadText(out.value);
  if (out.formula !== undefined) out.formula = asReadText(out.formula);
  return out;
}

function asSnapshotRead(content: CellContent): CellContent {
  return typeof content.value === "string" ? { ...content, value: cutSnapshotText(content.value) } : content;
}

function contains(m: { top: number; left: number; bottom: number; right: number }, row: number, col: number): boolean {
  return row >= m.top && row <= m.bottom && col >= m.left && col <= m.right;
}

function patchSheet(original: SheetDoc, cells: readonly PlannedCell[], styles: StylesEditor): string {
  const doc = original.hasExplicitRefs() ? original : new SheetDoc(original.withExplicitRefs());
  const xml = doc.xml;
  const sheetData = doc.sheetData;
  if (!sheetData) throw new Error("worksheet has no sheetData");
  const prefix = prefixOf(sheetData.open.name);
  const planned = new Set(cells.map((c) => `${c.row}:${c.col}`));
  const splices: Splice[] = [];
  const newRows = new Map<number, string[]>();
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);

  for (const c of sorted) {
    const node = doc.cell(c.row, c.col);
    const style = styleFor(doc, styles, c);
    const keep: Record<string, string> = {};
    const ph = node ? attr(xml, node.el.open, "ph") : undefined;
    if (ph) keep.ph = ph;
    const text = cellXml(c.after, { prefix, ref: a1(c.row, c.col), style, keep });
    const key = c.row * 20000 + c.col;
    if (node) {
      splices.push({ at: node.el.open.start, end: node.el.close.end, text, key });
      splices.push(...unshareDependents(doc, node, planned));
      continue;
    }
    const row = doc.row(c.row);
    if (!row) {
      newRows.set(c.row, [...(newRows.get(c.row) ?? []), text]);
      continue;
    }
    if (row.el.open.kind === "empty") {
      // `<row r="5"/>`: open it up; all planned cells of this row go in together (sorted).
      const rowCells = sorted.filter((o) => o.row === c.row);
      if (rowCells[0] !== c) continue;
      const inner = rowCells.map((o) => cellXml(o.after, { prefix, ref: a1(o.row, o.col), style: styleFor(doc, styles, o) })).join("");
      const open = withSpans(xml, row.el.open, rowCells.map((o) => o.col)).replace(/\s*\/>$/, ">");
      splices.push({ at: row.el.open.start, end: row.el.open.end, text: `${open}${inner}</${row.el.open.name}>`, key });
      continue;
    }
    const next = row.cells.find((o) => o.col > c.col);
    const at = next ? next.el.open.start : row.el.close.start;
    splices.push({ at, end: at, text, key });
  }

  const newColsByRow = new Map<number, number[]>();
  for (const c of cells) if (!doc.cell(c.row, c.col)) newColsByRow.set(c.row, [...(newColsByRow.get(c.row) ?? []), c.col]);
  for (const [rowNum, cols] of newColsByRow) {
    const row = doc.row(rowNum);
    if (!row || row.el.open.kind === "empty") continue;
    const open = withSpans(xml, row.el.open, cols);
    if (open !== xml.slice(row.el.open.start, row.el.open.end)) splices.push({ at: row.el.open.start, end: row.el.open.end, text: open, key: -1 });
  }

  for (const [rowNum, texts] of newRows) {
    if (texts.every((t) => t === "")) newRows.delete(rowNum);
  }
  for (const [rowNum, texts] of newRows) {
    const rowXml = `<${prefix}row r="${rowNum}">${texts.join("")}</${prefix}row>`;
    const next = doc.rows.find((r) => r.row > rowNum);
    if (next) splices.push({ at: next.el.open.start, end: next.el.open.start, text: rowXml, key: rowNum * 20000 });
    else if (sheetData.open.kind === "empty") continue;
    else splices.push({ at: sheetData.close.start, end: sheetData.close.start, text: rowXml, key: rowNum * 20000 });
  }
  if (sheetData.open.kind === "empty" && newRows.size) {
    const rowsXml = [...newRows.entries()]
      .sort(([a], [b]) => a - b)
      .map(([r, texts]) => `<${prefix}row r="${r}">${texts.join("")}</${prefix}row>`)
      .join("");
    const name = sheetData.open.name;
    splices.push({ at: sheetData.open.start, end: sheetData.open.end, text: `<${name}>${rowsXml}</${name}>` });
  }
  splices.push(...dimensionSplice(doc, cells));
  return applySplices(xml, splices);
}

/** The style the cell gets: its own (or its row's / column's when new), with the planned number format. */
function styleFor(doc: SheetDoc, styles: StylesEditor, c: PlannedCell): number {
  const style = doc.styleAt(c.row, c.col);
  const format = targetFormat(c.after);
  if (format === undefined) return style;
  const current = styles.formatOf(style);
  return (current || "General") === format ? style : styles.styleWithFormat(style, format);
}

/** undefined keeps the cell's format; text that looks like a formula or number gets "@" unless the plan says. */
function targetFormat(after: CellContent): string | undefined {
  if (after.numFmt !== undefined) return after.numFmt || "General";
  if (typeof after.value === "string" && !after.formula && textNeedsTextFormat(after.value)) return "@";
  return undefined;
}

/**
 * Overwriting the first cell of a shared formula would leave the other cells of the group without a formula;
 * they get their own (translated) formula text first, so their content does not change.
 */
function unshareDependents(doc: SheetDoc, node: CellNode, planned: ReadonlySet<string>): Splice[] {
  const f = doc.child(node.el, "f");
  if (!f || attr(doc.xml, f.open, "t") !== "shared" || !elementText(doc.xml, f)) return [];
  const si = attr(doc.xml, f.open, "si") ?? "";
  const splices: Splice[] = [];
  for (const dep of doc.sharedFormulaDependents(si)) {
    if (planned.has(`${dep.row}:${dep.col}`)) continue;
    const depF = doc.child(dep.el, "f");
    const formula = doc.formulaOf(dep);
    if (!depF || formula === undefined) continue;
    const name = depF.open.name;
    splices.push({ at: depF.open.start, end: depF.close.end, text: `<${name}>${escapeText(formula)}</${name}>` });
  }
  return splices;
}

/** The row's opening tag with its spans hint widened to cover new columns (Excel reads spans as a hint). */
function withSpans(xml: string, rowOpen: XmlTag, cols: readonly number[]): string {
  const text = xml.slice(rowOpen.start, rowOpen.end);
  const spans = attr(xml, rowOpen, "spans");
  const m = spans ? /^(\d+):(\d+)$/.exec(spans) : null;
  if (!m) return text;
  const lo = Math.min(Number(m[1]), ...cols);
  const hi = Math.max(Number(m[2]), ...cols);
  if (lo === Number(m[1]) && hi === Number(m[2])) return text;
  return withAttribute(xml, rowOpen, "spans", `${lo}:${hi}`);
}

function dimensionSplice(doc: SheetDoc, cells: readonly PlannedCell[]): Splice[] {
  const dim = findElement(doc.tags, "dimension");
  if (!dim) return [];
  const area = parseArea(attr(doc.xml, dim.open, "ref") ?? "");
  if (!area) return [];
  const next = { ...area };
  for (const c of cells) {
    next.top = Math.min(next.top, c.row);
    next.left = Math.min(next.left, c.col);
    next.bottom = Math.max(next.bottom, c.row);
    next.right = Math.max(next.right, c.col);
  }
  if (JSON.stringify(next) === JSON.stringify(area)) return [];
  const refText = `${a1(next.top, next.left)}:${a1(next.bottom, next.right)}`;
  return [{ at: dim.open.start, end: dim.open.end, text: withAttribute(doc.xml, dim.open, "ref", refText) }];
}
