/**
 * The parts of an .xlsx package a patch reads or edits, found through the relationships (never by guessing
 * file names): workbook, sheets by name, shared strings, styles, calc chain.
 */
import { HostError } from "../../domain/host";
import { msg, text } from "../../domain/messages";
import { DamagedPartError } from "./damagedPart";
import { DEFAULT_PACKAGE_LIMITS, markupItemsOver, packageTooLargeError, tooManyItemsError, type PackageLimits } from "./inflate";
import { decodePartExact, encodePart } from "./partText";
import { entryData, readZip, type ZipArchive } from "./zip";
import { assertWellFormed, attr, scanTags, tagAttributes, XmlError } from "./xml";

export interface SheetPart {
  name: string;
  /** Zip entry name, e.g. "xl/worksheets/sheet1.xml". */
  path: string;
}

export interface XlsxPackage {
  zip: ZipArchive;
  workbookPath: string;
  workbookRelsPath: string;
  sheets: SheetPart[];
  sharedStringsPath?: string;
  stylesPath?: string;
  calcChainPath?: string;
  /** The package carries a digital signature (an origin relationship and a signature part): any write voids it. */
  signed: boolean;
  /** Current text of a part (edited text once `setText` was called). */
  text(path: string): string;
  setText(path: string, text: string): void;
  has(path: string): boolean;
  /** Parts edited so far, with their new text. */
  edited(): ReadonlyMap<string, string>;
}

const OFFICE_DOCUMENT = /\/officeDocument$/;

/**
 * The package's parts, each inflated on first use within `limits` (see PackageLimits). A writer opens it with
 * `exact`: every part's text then keeps bytes that are not UTF-8 (partText.ts), so the parts it edits keep them
 * outside its splices; readers show such bytes as U+FFFD.
 */
export function openPackage(bytes: Uint8Array, limits: PackageLimits = DEFAULT_PACKAGE_LIMITS, options: { exact?: boolean } = {}): XlsxPackage {
  const zip = readZip(bytes);
  const byName = new Map(zip.entries.map((e) => [e.name, e]));
  // Excel and LibreOffice find a part whose name differs in case from its relationship target (part names are
  // case-insensitive in OPC), and some writers store "xl\\workbook.xml" with backslashes: a target resolves to
  // the entry's own name, so edits replace that entry.
  const looseName = (name: string) => name.toLowerCase().replace(/\\/g, "/");
  const byLoose = new Map<string, string>();
  for (const e of zip.entries) if (!byLoose.has(looseName(e.name))) byLoose.set(looseName(e.name), e.name);
  const entryName = (path: string): string => (byName.has(path) ? path : (byLoose.get(looseName(path)) ?? path));
  const cache = new Map<string, string>();
  const edits = new Map<string, string>();
  // Worksheets are read by offset (packageSnapshots.ts), not tag by tag: bounded by bytes, not by items.
  const worksheetPaths = new Set<string>();
  // Known once the workbook's relationships are read (before any reader asks for the styles part).
  const known: { stylesPath?: string } = {};
  let inflated = 0;
  const text = (path: string): string => {
    const edited = edits.get(path);
    if (edited !== undefined) return edited;
    let t = cache.get(path);
    if (t === undefined) {
      const entry = byName.get(path);
      if (!entry) throw missingPart(path);
      const declared = entry.method === 0 ? entry.compressedSize : entry.uncompressedSize;
      if (declared <= limits.maxPartBytes && inflated + declared > limits.maxTotalBytes) {
        throw packageTooLargeError(inflated + declared, limits.maxTotalBytes);
      }
      const data = entryData(entry, limits.maxPartBytes, limits.codec);
      inflated += data.length;
      t = options.exact ? decodePartExact(data) : new TextDecoder("utf-8").decode(data);
      const items = path === known.stylesPath ? limits.maxStyleItems : limits.maxItems;
      if (!worksheetPaths.has(path) && markupItemsOver(t, items)) throw tooManyItemsError(path, items);
      cache.set(path, t);
    }
    return t;
  };

  // The parts that locate the others: one that is not XML is refused by name (the readers of the parts they
  // locate name theirs through DamagedPartError).
  const located = <T>(path: string, read: () => T): T => {
    try {
      return read();
    } catch (e) {
      if (!(e instanceof XmlError)) throw e;
      throw new DamagedPartError(path, e.reason);
    }
  };
  const rootRelsPath = entryName("_rels/.rels");
  const rootRels = located(rootRelsPath, () => relationships(text, rootRelsPath, "", entryName));
  const workbookRel = rootRels.find((r) => OFFICE_DOCUMENT.test(r.type));
  if (!workbookRel) throw missingPart("workbook");
  const workbookPath = workbookRel.target;
  const workbookRelsPath = entryName(relsPathFor(workbookPath));
  const wbRels = byName.has(workbookRelsPath) ? located(workbookRelsPath, () => relationships(text, workbookRelsPath, dirOf(workbookPath), entryName)) : [];
  const relById = new Map(wbRels.map((r) => [r.id, r]));

  const wbXml = text(workbookPath);
  const sheets: SheetPart[] = [];
  located(workbookPath, () => {
    for (const tag of scanTags(wbXml)) {
      if (tag.kind === "close" || tag.local !== "sheet") continue;
      const name = attr(wbXml, tag, "name") ?? "";
      const rid = [...tagAttributes(wbXml, tag)].find(([k]) => k === "r:id" || k.endsWith(":id"))?.[1];
      const rel = rid ? relById.get(rid) : undefined;
      if (rel && /\/worksheet$/.test(rel.type)) sheets.push({ name, path: rel.target });
    }
  });
  for (const sheet of sheets) worksheetPaths.add(sheet.path);
  const byType = (suffix: string) => wbRels.find((r) => r.type.endsWith(suffix))?.target;
  const stylesPath = byType("/styles");
  known.stylesPath = stylesPath;

  return {
    zip,
    workbookPath,
    workbookRelsPath,
    sheets,
    sharedStringsPath: byType("/sharedStrings"),
    stylesPath,
    calcChainPath: byType("/calcChain"),
    signed: rootRels.some((r) => r.type.endsWith("/digital-signature/origin")) && zip.entries.some((e) => /^_xmlsignatures\/[^/]+\.xml$/i.test(e.name)),
    text,
    setText: (path, t) => void edits.set(path, t),
    has: (path) => byName.has(path),
    edited: () => edits,
  };
}

export interface Relationship {
  id: string;
  type: string;
  /** Resolved zip entry name (for internal targets). */
  target: string;
  external: boolean;
}

export function relationships(
  text: (path: string) => string,
  relsPath: string,
  baseDir: string,
  entryName: (path: string) => string = (p) => p,
): Relationship[] {
  const xml = text(relsPath);
  const rels: Relationship[] = [];
  for (const tag of scanTags(xml)) {
    if (tag.kind === "close" || tag.local !== "Relationship") continue;
    const external = attr(xml, tag, "TargetMode") === "External";
    const rawTarget = attr(xml, tag, "Target") ?? "";
    rels.push({
      id: attr(xml, tag, "Id") ?? "",
      type: attr(xml, tag, "Type") ?? "",
      target: external ? rawTarget : entryName(resolvePartPath(baseDir, rawTarget)),
      external,
    });
  }
  return rels;
}

/** "xl/" + "worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml"; "/xl/x.xml" is absolute; ".." climbs. */
export function resolvePartPath(baseDir: string, target: string): string {
  const segments = target.startsWith("/") ? [] : baseDir.split("/").filter(Boolean);
  for (const seg of target.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") segments.pop();
    else segments.push(decodeURIComponent(seg));
  }
  return segments.join("/");
}

/** The folder of a part name, with "/" separators (an entry stored as "xl\\workbook.xml" is in "xl/"). */
export function dirOf(entry: string): string {
  const path = entry.replace(/\\/g, "/");
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i + 1);
}

export function relsPathFor(entry: string): string {
  const path = entry.replace(/\\/g, "/");
  const i = path.lastIndexOf("/");
  return `${path.slice(0, i + 1)}_rels/${path.slice(i + 1)}.rels`;
}

export function sheetPart(pkg: XlsxPackage, name: string): SheetPart {
  const exact = pkg.sheets.find((s) => s.name === name);
  // Excel sheet names are unique regardless of case.
  const found = exact ?? pkg.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!found) {
    throw new HostError("not-found", msg("xlsx.noSheet", { sheet: text(name) }));
  }
  return found;
}

function missingPart(what: string): HostError {
  return new HostError("corrupt", msg("xlsx.missingPart", { part: text(what) }));
}

/**
 * The parts a writer edited, as the zip writer takes them (null: removed). Every part written is checked before
 * zipping, so a patch that would not open is never saved; bytes an exact package kept are written back as they were.
 */
export function writtenParts(pkg: XlsxPackage, removed: string | undefined): Map<string, Uint8Array | null> {
  const changes = new Map<string, Uint8Array | null>();
  for (const [path, text] of pkg.edited()) {
    if (/\.(xml|rels|vml)$/i.test(path)) assertWellFormed(text, path);
    changes.set(path, encodePart(text));
  }
  if (removed) changes.set(removed, null);
  return changes;
}
