/**
 * Adds a generated sheet (a SheetPlan) to an .xlsx package, or rewrites the sheet this tool generated before,
 * without touching anything else: a new worksheet part, its <sheet> in workbook.xml, its relationship, its
 * content-type override, appended styles, and two sheet-scoped defined names — _xlnm.Print_Titles and the
 * marker RenjaCermat_Generated ("tabel-3.3;id=<sheetId>;fp=<fingerprint>", src/domain/generatedMarker.ts), by
 * which a later run recognises its own sheet: the name follows the sheet through renames and moves, and the id
 * and fingerprint tell it from a copy (Excel copies the name with the sheet) or a sheet the user edited since.
 * Every other part keeps its stored bytes.
 */
import { HostError } from "../../domain/host";
import { msg, nested, text } from "../../domain/messages";
import { isOwnSheet, markerText, notOwnReason, planFingerprint, snapshotFingerprint, verifyMarkedSheets, type MarkedSheet, type MarkerVerdict } from "../../domain/generatedMarker";
import { GENERATED_SHEET_MARKER, type SheetPlan } from "../../domain/plan";
import { PackageSnapshots } from "../packageSnapshots";
import { worksheetStyleReferences } from "./styleSlots";
import { openPackage, dirOf, relationships, writtenParts, type XlsxPackage } from "./package";
import { applySplices, type Splice } from "./sheet";
import { CannotExtendError, GeneratedStyles } from "./sheetStyles";
import { prefixOf } from "./styles";
import { dropCalcChain, setFullCalcOnLoad } from "./workbookParts";
import { worksheetXml } from "./worksheetXml";
import { attr, childElements, elementText, escapeAttribute, findElement, rootElement, scanTags, tagAttributes, XmlError, type XmlElement, type XmlTag } from "./xml";
import { writeZip } from "./zip";

export const GENERATED_MARKER = GENERATED_SHEET_MARKER;

const WORKSHEET_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const WORKSHEET_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const TRANSITIONAL_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

export interface AddSheetResult {
  bytes: Uint8Array;
  sheetName: string;
  /** True when an earlier generated sheet was rewritten. */
  replaced: boolean;
}

/**
 * Which sheets this tool generated before and may rewrite, by name, with the table they hold: only sheets whose
 * marker is verified (their own sheetId, their cells as written; src/domain/generatedMarker.ts).
 */
export function generatedSheets(source: Uint8Array | PackageSnapshots): Map<string, string> {
  return new Map(markerVerdicts(source).filter(isOwnSheet).map((v) => [v.name, v.table]));
}

/** The verdict on every sheet carrying the marker: the tool's own, a copy, an edited sheet. */
export function markerVerdicts(source: Uint8Array | PackageSnapshots): MarkerVerdict[] {
  const reader = source instanceof PackageSnapshots ? source : new PackageSnapshots(source);
  const wb = reader.pkg.text(reader.pkg.workbookPath);
  const entries = sheetEntries(wb);
  const marked: MarkedSheet[] = [];
  for (const d of definedNames(wb)) {
    if (d.name !== GENERATED_MARKER || d.localSheetId === undefined) continue;
    const entry = entries[d.localSheetId];
    const sheet = entry ? reader.sheet(entry.name) : undefined;
    if (!entry || !sheet) continue;
    marked.push({ name: entry.name, id: entry.sheetId, marker: d.value, fingerprint: () => snapshotFingerprint(reader.read(sheet, false)) });
  }
  return verifyMarkedSheets(marked);
}

/**
 * Throws CannotExtendError when the package's parts cannot be extended safely (the caller then writes a
 * separate workbook), HostError when the request itself is refused (a name in use, the source sheet).
 */
export function addSheetToXlsx(bytes: Uint8Array, plan: SheetPlan): AddSheetResult {
  // Exact: bytes of the edited parts (workbook, styles, relationships) that are not UTF-8 stay as they were.
  const pkg = openPackage(bytes, undefined, { exact: true });
  const wbXml = pkg.text(pkg.workbookPath);
  const root = rootElement(scanTags(wbXml));
  const ns = attr(wbXml, root.open, prefixOf(root.open.name) ? `xmlns:${prefixOf(root.open.name).slice(0, -1)}` : "xmlns");
  if (ns !== TRANSITIONAL_MAIN) throw new CannotExtendError(`workbook namespace ${ns ?? "(none)"} is not the transitional one`);
  if (!pkg.stylesPath || !pkg.has(pkg.stylesPath)) throw new CannotExtendError("the package has no styles part");
  if (!pkg.has("[Content_Types].xml")) throw new CannotExtendError("the package has no [Content_Types].xml");
  if (plan.sheetName.toLowerCase() === plan.sourceSheet.toLowerCase()) {
    throw new HostError("protected", msg("xlsx.sourceSheetKept", { sheet: text(plan.sourceSheet) }));
  }

  const entries = sheetEntries(wbXml);
  const index = entries.findIndex((s) => s.name.toLowerCase() === plan.sheetName.toLowerCase());
  const styles = new GeneratedStyles(pkg.text(pkg.stylesPath), worksheetStyleReferences(pkg));
  const sheetXml = worksheetXml(plan, styles);
  pkg.setText(pkg.stylesPath, styles.text());

  let replaced = false;
  let sheetIndex: number;
  let sheetId: string;
  if (index >= 0) {
    const verdict = markerVerdicts(bytes).find((v) => v.name === entries[index].name);
    const own = verdict !== undefined && isOwnSheet(verdict);
    if (!plan.replaceGenerated || !own) {
      const why = own ? msg("xlsx.sheetExistsOwn", {}) : verdict ? notOwnReason(verdict) : msg("xlsx.sheetExistsNotOwn", {});
      throw new HostError("protected", msg("xlsx.sheetExists", { sheet: text(entries[index].name), why: nested(why) }));
    }
    const part = pkg.sheets.find((s) => s.name === entries[index].name);
    if (!part) throw new CannotExtendError("the generated sheet's part was not found");
    pkg.setText(part.path, sheetXml);
    sheetIndex = index;
    sheetId = entries[index].sheetId;
    replaced = true;
  } else {
    const path = newSheetPath(pkg);
    const rid = addRelationship(pkg, path);
    addContentType(pkg, path);
    sheetId = addSheetElement(pkg, plan.sheetName, rid);
    pkg.setText(path, sheetXml);
    sheetIndex = entries.length;
  }
  setDefinedNames(pkg, sheetIndex, plan, markerText(plan.table, sheetId, planFingerprint(plan)));
  setFullCalcOnLoad(pkg);
  // A rewritten sheet's old formula cells would stay listed in the calc chain: Excel calls that damage.
  const removed = replaced ? dropCalcChain(pkg) : undefined;
  return { bytes: writeZip(pkg.zip, writtenParts(pkg, removed)), sheetName: replaced ? entries[index].name : plan.sheetName, replaced };
}

interface SheetEntry {
  name: string;
  sheetId: string;
  element: XmlElement;
}

function sheetEntries(wbXml: string): SheetEntry[] {
  const tags = scanTags(wbXml);
  const sheets = findElement(tags, "sheets");
  if (!sheets) return [];
  return childElements(tags, sheets)
    .filter((e) => e.open.local === "sheet")
    .map((element) => ({ name: attr(wbXml, element.open, "name") ?? "", sheetId: attr(wbXml, element.open, "sheetId") ?? "", element }));
}

interface DefinedName {
  name: string;
  localSheetId?: number;
  value: string;
  element: XmlElement;
}

function definedNames(wbXml: string): DefinedName[] {
  const tags = scanTags(wbXml);
  const list = findElement(tags, "definedNames");
  if (!list) return [];
  return childElements(tags, list).map((element) => {
    const local = attr(wbXml, element.open, "localSheetId");
    return { name: attr(wbXml, element.open, "name") ?? "", localSheetId: local === undefined ? undefined : Number(local), value: elementText(wbXml, element), element };
  });
}

function newSheetPath(pkg: XlsxPackage): string {
  const dir = pkg.sheets.length ? dirOf(pkg.sheets[0].path) : `${dirOf(pkg.workbookPath)}worksheets/`;
  const taken = new Set(pkg.zip.entries.map((e) => e.name.toLowerCase()));
  for (let n = pkg.sheets.length + 1; ; n++) {
    const path = `${dir}sheet${n}.xml`;
    if (!taken.has(path.toLowerCase())) return path;
  }
}

/** Target relative to the workbook part's folder ("worksheets/sheet4.xml"). */
function relativeTarget(pkg: XlsxPackage, path: string): string {
  const base = dirOf(pkg.workbookPath);
  return path.startsWith(base) ? path.slice(base.length) : `/${path}`;
}

function addRelationship(pkg: XlsxPackage, path: string): string {
  if (!pkg.has(pkg.workbookRelsPath)) throw new CannotExtendError("the workbook has no relationships part");
  const rels = relationships(pkg.text, pkg.workbookRelsPath, dirOf(pkg.workbookPath));
  const ids = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (ids.has(`rId${n}`)) n++;
  const rid = `rId${n}`;
  const xml = pkg.text(pkg.workbookRelsPath);
  const root = rootElement(scanTags(xml));
  const p = prefixOf(root.open.name);
  const element = `<${p}Relationship Id="${rid}" Type="${WORKSHEET_TYPE}" Target="${escapeAttribute(relativeTarget(pkg, path))}"/>`;
  pkg.setText(pkg.workbookRelsPath, insertLastChild(xml, root, element));
  return rid;
}

/**
 * The tags of a part this writer extends that the reader never needed ([Content_Types].xml): one that is not
 * well-formed XML is not extended; the table goes to a separate workbook, which says why.
 */
function partTags(xml: string, part: string): XmlTag[] {
  try {
    return scanTags(xml);
  } catch (e) {
    if (e instanceof XmlError) throw new CannotExtendError(`${part} is not well-formed XML (${e.message})`);
    throw e;
  }
}

function addContentType(pkg: XlsxPackage, path: string): void {
  const xml = pkg.text("[Content_Types].xml");
  const root = rootElement(partTags(xml, "[Content_Types].xml"));
  const p = prefixOf(root.open.name);
  const element = `<${p}Override PartName="/${escapeAttribute(path)}" ContentType="${WORKSHEET_CONTENT}"/>`;
  pkg.setText("[Content_Types].xml", insertLastChild(xml, root, element));
}

/** Adds the <sheet> and returns its sheetId. */
function addSheetElement(pkg: XlsxPackage, name: string, rid: string): string {
  const xml = pkg.text(pkg.workbookPath);
  const tags = scanTags(xml);
  const sheets = findElement(tags, "sheets");
  if (!sheets) throw new CannotExtendError("workbook.xml has no <sheets>");
  const existing = childElements(tags, sheets);
  const ids = existing.map((e) => Number(attr(xml, e.open, "sheetId") ?? "0"));
  const sheetId = Math.max(0, ...ids) + 1;
  // Use the prefix the existing sheets use for r:id (any prefix bound to the relationships namespace).
  const relAttr = existing.length ? [...tagAttributes(xml, existing[0].open).keys()].find((k) => k.endsWith(":id")) ?? "r:id" : "r:id";
  const p = prefixOf(sheets.open.name);
  // Some producers (openpyxl) declare the relationships prefix on each <sheet> only: the new one declares it too.
  const relPrefix = relAttr.slice(0, relAttr.indexOf(":"));
  const declared = (tag: XmlTag) => tagAttributes(xml, tag).get(`xmlns:${relPrefix}`);
  const inScope = declared(tags[0]) ?? declared(sheets.open);
  const own = existing.length ? declared(existing[0].open) : undefined;
  const declaration = inScope === undefined ? ` xmlns:${relPrefix}="${escapeAttribute(own ?? RELATIONSHIPS_NS)}"` : "";
  const element = `<${p}sheet${declaration} name="${escapeAttribute(name)}" sheetId="${sheetId}" ${relAttr}="${rid}"/>`;
  pkg.setText(pkg.workbookPath, insertLastChild(xml, sheets, element));
  return String(sheetId);
}

const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Workbook children after which <definedNames> may stand (CT_Workbook's sequence). */
const BEFORE_DEFINED_NAMES = ["externalReferences", "functionGroups", "sheets"];

function setDefinedNames(pkg: XlsxPackage, sheetIndex: number, plan: SheetPlan, marker: string): void {
  const xml = pkg.text(pkg.workbookPath);
  const tags = scanTags(xml);
  const root = rootElement(tags);
  const p = prefixOf(root.open.name);
  const quoted = `'${plan.sheetName.replace(/'/g, "''")}'`;
  const wanted: string[] = [];
  const titles = plan.print.printTitleRows;
  if (titles) {
    wanted.push(`<${p}definedName name="_xlnm.Print_Titles" localSheetId="${sheetIndex}">${quoted}!$${titles[0]}:$${titles[1]}</${p}definedName>`);
  }
  wanted.push(`<${p}definedName name="${GENERATED_MARKER}" localSheetId="${sheetIndex}" hidden="1">"${escapeAttribute(marker)}"</${p}definedName>`);
  const list = findElement(tags, "definedNames");
  if (!list) {
    const after = BEFORE_DEFINED_NAMES.map((n) => findElement(tags, n)).find((e): e is XmlElement => e !== undefined);
    if (!after) throw new CannotExtendError("workbook.xml has no <sheets>");
    const text = `<${p}definedNames>${wanted.join("")}</${p}definedNames>`;
    pkg.setText(pkg.workbookPath, applySplices(xml, [{ at: after.close.end, end: after.close.end, text }]));
    return;
  }
  // Rewriting: the sheet's own print titles and marker are replaced, everything else stays.
  const splices: Splice[] = [];
  for (const d of definedNames(xml)) {
    if (d.localSheetId === sheetIndex && (d.name === "_xlnm.Print_Titles" || d.name === GENERATED_MARKER)) {
      splices.push({ at: d.element.open.start, end: d.element.close.end, text: "" });
    }
  }
  if (list.open.kind === "empty") {
    splices.push({ at: list.open.start, end: list.open.end, text: `<${list.open.name}>${wanted.join("")}</${list.open.name}>` });
  } else {
    splices.push({ at: list.close.start, end: list.close.start, text: wanted.join(""), key: 1 });
  }
  pkg.setText(pkg.workbookPath, applySplices(xml, splices));
}

function insertLastChild(xml: string, parent: XmlElement, child: string): string {
  if (parent.open.kind === "empty") {
    const open = xml.slice(parent.open.start, parent.open.end).replace(/\s*\/>$/, ">");
    return applySplices(xml, [{ at: parent.open.start, end: parent.open.end, text: `${open}${child}</${parent.open.name}>` }]);
  }
  return applySplices(xml, [{ at: parent.close.start, end: parent.close.start, text: child }]);
}
