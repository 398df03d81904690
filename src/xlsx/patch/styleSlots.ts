/**
 * Which style slots a writer may append into. Styles are positional: an xf is "index N of cellXfs", a font is
 * "fontId N". A damaged or hand-made file can have a cell whose s points past the end of cellXfs, or an xf whose
 * fontId or numFmtId names nothing; a writer that appended the next entry would hand that cell the new look, a
 * change outside its plan (issue 17). Readers show such a reference as the default (the first entry), so a slot
 * something already points at is filled with a copy of the first entry and the new entry goes after it.
 */
import type { XlsxPackage } from "./package";

/** Every number in `attribute="N"` anywhere in `xml` (a reference in a comment is counted too: harmless). */
export function attributeNumbers(xml: string, attribute: string): Set<number> {
  const out = new Set<number>();
  for (const m of xml.matchAll(new RegExp(`\\s${attribute}\\s*=\\s*["'](\\d{1,9})["']`, "g"))) out.add(Number(m[1]));
  return out;
}

/** The cellXfs indexes the worksheets point at: a cell's s, a row's s, a column's style. */
export function worksheetStyleReferences(pkg: XlsxPackage): Set<number> {
  const out = new Set<number>();
  for (const sheet of pkg.sheets) {
    if (!pkg.has(sheet.path)) continue;
    const xml = pkg.text(sheet.path);
    for (const n of attributeNumbers(xml, "s")) out.add(n);
    for (const n of attributeNumbers(xml, "style")) out.add(n);
  }
  return out;
}

/** The first index at or after `next` that nothing points at. */
export function freeSlot(next: number, taken: ReadonlySet<number>): number {
  let at = next;
  while (taken.has(at)) at++;
  return at;
}

/** The first custom number format id (164 on) no numFmt declares and no xf names. */
export function freeFormatId(declared: Iterable<number>, stylesXml: string): number {
  let highest = 163;
  for (const id of attributeNumbers(stylesXml, "numFmtId")) highest = Math.max(highest, id);
  for (const id of declared) highest = Math.max(highest, id);
  return highest + 1;
}
