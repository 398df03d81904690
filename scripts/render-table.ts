/**
 * Renders one sheet of a workbook the way it prints: LibreOffice headless (../shared/tools/lo-sheets pdf, or
 * LO_SHEETS=path, or the same conversion done by scripts/libreOffice.ts) to PDF, then PNG pages (pdftoppm),
 * from a temporary copy that lists only that sheet.
 *
 *   npx ts-node --transpile-only scripts/render-table.ts <in.xlsx> <sheet name> <outdir>
 *
 * Prints the PDF path and the PNG pages. Exit 2 when LibreOffice (soffice) is not installed.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { libreOfficeMissing, runLoSheets } from "./libreOffice";
import { openPackage } from "../src/xlsx/patch/package";
import { applySplices, type Splice } from "../src/xlsx/patch/sheet";
import { attr, findElement, scanTags, withAttribute, withoutAttribute } from "../src/xlsx/patch/xml";
import { writeZip } from "../src/xlsx/patch/zip";

/**
 * A copy whose workbook lists only `sheet` (LibreOffice prints hidden sheets too): the other <sheet> entries and
 * their sheet-scoped names are left out, and the sheet's own names (print titles) move to index 0.
 */
export function onlySheetVisible(bytes: Uint8Array, sheet: string): Uint8Array {
  const pkg = openPackage(bytes);
  const xml = pkg.text(pkg.workbookPath);
  const tags = scanTags(xml);
  const splices: Splice[] = [];
  const sheetTags = tags.filter((t) => t.kind !== "close" && t.local === "sheet");
  const index = sheetTags.findIndex((t) => attr(xml, t, "name") === sheet);
  if (index < 0) throw new Error(`no sheet named '${sheet}'`);
  sheetTags.forEach((tag, i) => {
    splices.push({ at: tag.start, end: tag.end, text: i === index ? withoutAttribute(xml, tag, "state") : "" });
  });
  tags.forEach((tag, i) => {
    if (tag.kind !== "open" || tag.local !== "definedName") return;
    const local = attr(xml, tag, "localSheetId");
    if (local === undefined) return;
    const el = findElement(tags, "definedName", i);
    if (!el) return;
    if (Number(local) === index) splices.push({ at: tag.start, end: tag.end, text: withAttribute(xml, tag, "localSheetId", "0") });
    else splices.push({ at: el.open.start, end: el.close.end, text: "" });
  });
  const view = findElement(tags, "workbookView");
  if (view) splices.push({ at: view.open.start, end: view.open.end, text: withAttribute(xml, view.open, "activeTab", "0").replace(/\sfirstSheet="\d+"/, "") });
  const changes = new Map<string, Uint8Array | null>([[pkg.workbookPath, new TextEncoder().encode(applySplices(xml, splices))]]);
  return writeZip(pkg.zip, changes);
}

export function renderSheet(input: string, sheet: string, outDir: string): { pdf: string; pages: string[] } {
  fs.mkdirSync(outDir, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "render-table-"));
  const base = path.basename(input).replace(/\.xlsx$/i, "");
  const copy = path.join(work, `${base}.xlsx`);
  fs.writeFileSync(copy, onlySheetVisible(new Uint8Array(fs.readFileSync(input)), sheet));
  runLoSheets("pdf", copy, outDir);
  fs.rmSync(work, { recursive: true, force: true });
  const pages = fs
    .readdirSync(outDir)
    .filter((f) => f.startsWith(`${base}-page`) && f.endsWith(".png"))
    .sort()
    .map((f) => path.join(outDir, f));
  return { pdf: path.join(outDir, `${base}.pdf`), pages };
}

export function hasLibreOffice(): boolean {
  return libreOfficeMissing({ pdf: true }) === undefined;
}

if (require.main === module) {
  const [input, sheet, outDir] = process.argv.slice(2);
  if (!input || !sheet || !outDir) {
    process.stderr.write("usage: render-table.ts <in.xlsx> <sheet name> <outdir>\n");
    process.exit(2);
  }
  if (!hasLibreOffice()) {
    process.stderr.write("render-table: soffice not found (apt-get install -y libreoffice-calc-nogui poppler-utils)\n");
    process.exit(2);
  }
  const { pdf, pages } = renderSheet(input, sheet, outDir);
  process.stdout.write(`${pdf}\n${pages.join("\n")}\n`);
}
