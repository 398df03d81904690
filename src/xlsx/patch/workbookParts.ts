/**
 * Package-level edits a cell patch needs: Excel recalculates everything on open (`fullCalcOnLoad`), and the
 * calc chain, which lists formula cells and makes Excel report damage when it goes stale, is dropped.
 */
import type { XlsxPackage } from "./package";
import { applySplices, type Splice } from "./sheet";
import { attr, childElements, findElement, rootElement, scanTags, withAttribute } from "./xml";
import { prefixOf } from "./styles";

/** CT_Workbook children that come after calcPr (the schema fixes the order). */
const AFTER_CALC_PR = new Set([
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
]);

export function setFullCalcOnLoad(pkg: XlsxPackage): void {
  const xml = pkg.text(pkg.workbookPath);
  const tags = scanTags(xml);
  const calcPr = findElement(tags, "calcPr");
  if (calcPr) {
    if (attr(xml, calcPr.open, "fullCalcOnLoad") === "1") return;
    const text = withAttribute(xml, calcPr.open, "fullCalcOnLoad", "1");
    pkg.setText(pkg.workbookPath, applySplices(xml, [{ at: calcPr.open.start, end: calcPr.open.end, text }]));
    return;
  }
  const root = rootElement(tags);
  const element = `<${prefixOf(root.open.name)}calcPr fullCalcOnLoad="1"/>`;
  const next = childElements(tags, root).find((c) => AFTER_CALC_PR.has(c.open.local));
  const at = next ? next.open.start : root.close.start;
  pkg.setText(pkg.workbookPath, applySplices(xml, [{ at, end: at, text: element }]));
}

/** Removes the calc chain part and the two references to it; returns the removed part's name. */
export function dropCalcChain(pkg: XlsxPackage): string | undefined {
  const path = pkg.calcChainPath;
  if (!path || !pkg.has(path)) return undefined;
  removeElements(pkg, pkg.workbookRelsPath, "Relationship", (get) => (get("Type") ?? "").endsWith("/calcChain"));
  if (pkg.has("[Content_Types].xml")) {
    removeElements(pkg, "[Content_Types].xml", "Override", (get) => (get("PartName") ?? "").replace(/^\//, "") === path);
  }
  return path;
}

function removeElements(pkg: XlsxPackage, part: string, local: string, matches: (get: (name: string) => string | undefined) => boolean): void {
  const xml = pkg.text(part);
  const tags = scanTags(xml);
  const splices: Splice[] = [];
  tags.forEach((tag, i) => {
    if (tag.kind === "close" || tag.local !== local) return;
    if (!matches((name) => attr(xml, tag, name))) return;
    const el = findElement(tags, local, i);
    if (el) splices.push({ at: el.open.start, end: el.close.end, text: "" });
  });
  if (splices.length) pkg.setText(part, applySplices(xml, splices));
}
