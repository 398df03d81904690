/**
 * "Nothing outside the plan changes" (issue 17), checked on the bytes: every `<c>` element of every worksheet
 * of the input, other than the planned cells, must be in the output with the same bytes, and must look the same
 * (the xf its s names, that xf's number format, font, fill and border). Used by test/xlsx/unplannedBytes.test.ts
 * and the fuzz harness (scripts/fuzz-worker.js).
 *
 * The scanner is deliberately separate from the reader under test (src/xlsx): raw bytes, read as latin1 so one
 * character is one byte, comments, CDATA and processing instructions skipped, rows and cells counted when they
 * carry no r. The r attribute itself is left out of the comparison: the key is the address,
 * and a patch may write r on cells that had none (same address, same cell).
 */
import { unzipSync } from "fflate";
import { openPackage } from "../../src/xlsx/patch/package";

export interface CellAt {
  sheet: string;
  row: number;
  col: number;
}

/** Raw `<c>` elements of a worksheet part by "row:col" (a list: a damaged sheet may repeat a cell). */
export function cellElements(part: Uint8Array): Map<string, string[]> {
  const xml = Buffer.from(part).toString("latin1");
  const out = new Map<string, string[]>();
  const name = /<(\/?)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/y;
  let row = 0;
  let col = 0;
  let cellStart = -1;
  let cellKey = "";
  for (let lt = xml.indexOf("<"); lt >= 0; ) {
    let end: number;
    if (xml.startsWith("<!--", lt)) end = skip(xml, "-->", lt);
    else if (xml.startsWith("<![CDATA[", lt)) end = skip(xml, "]]>", lt);
    else if (xml.startsWith("<?", lt)) end = skip(xml, "?>", lt);
    else if (xml.startsWith("<!", lt)) end = skip(xml, ">", lt);
    else {
      name.lastIndex = lt;
      const m = name.exec(xml);
      end = tagEnd(xml, lt);
      if (m) {
        const closing = m[1] === "/";
        const local = m[3];
        const tag = xml.slice(lt, end);
        const empty = tag.endsWith("/>");
        if (!closing && local === "row") {
          const r = /\sr\s*=\s*["'](\d+)["']/.exec(tag);
          row = r ? Number(r[1]) : row + 1;
          col = 0;
        } else if (!closing && local === "c" && cellStart < 0) {
          const r = /\sr\s*=\s*["']\$?([A-Za-z]+)\$?(\d+)["']/.exec(tag);
          col = r ? columnNumber(r[1]) : col + 1;
          // The row is the row element's (its r, else the one after the last), the column the cell's own: the
          // rule the reader follows (src/xlsx/packageSnapshots.ts), so a cell is named as the plan names it.
          const key = `${row}:${col}`;
          if (empty) add(out, key, tag);
          else {
            cellStart = lt;
            cellKey = key;
          }
        } else if (closing && local === "c" && cellStart >= 0) {
          add(out, cellKey, xml.slice(cellStart, end));
          cellStart = -1;
        }
      }
    }
    lt = xml.indexOf("<", end);
  }
  return out;
}

function add(map: Map<string, string[]>, key: string, element: string): void {
  const list = map.get(key);
  if (list) list.push(element);
  else map.set(key, [element]);
}

function skip(xml: string, marker: string, from: number): number {
  const at = xml.indexOf(marker, from);
  return at < 0 ? xml.length : at + marker.length;
}

function tagEnd(xml: string, lt: number): number {
  let quote = "";
  for (let i = lt + 1; i < xml.length; i++) {
    const ch = xml[i];
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ">") return i + 1;
  }
  return xml.length;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The cell without its r attribute (the address is the key). */
function withoutRef(element: string): string {
  return element.replace(/^(<[^\s>/]+)\s+r\s*=\s*("[^"]*"|'[^']*')/, "$1");
}

/** What a style index looks like: its xf, and the number format, font, fill and border that xf names. */
class StyleLook {
  private readonly xfs: string[];
  private readonly lists: Record<"font" | "fill" | "border", string[]>;
  private readonly formats = new Map<string, string>();

  constructor(styles: Uint8Array | undefined) {
    const xml = styles ? Buffer.from(styles).toString("latin1") : "";
    const block = (local: string) => new RegExp(`<(?:[\\w.-]+:)?${local}\\b[^>]*?(?:/>|>[\\s\\S]*?</(?:[\\w.-]+:)?${local}>)`).exec(xml)?.[0] ?? "";
    const items = (text: string, local: string) => [...text.matchAll(new RegExp(`<(?:[\\w.-]+:)?${local}\\b[^>]*?(?:/>|>[\\s\\S]*?</(?:[\\w.-]+:)?${local}>)`, "g"))].map((m) => m[0]);
    const inner = (text: string) => text.replace(/^<[^>]*>/, "");
    this.xfs = items(inner(block("cellXfs")), "xf");
    this.lists = { font: items(inner(block("fonts")), "font"), fill: items(inner(block("fills")), "fill"), border: items(inner(block("borders")), "border") };
    for (const m of block("numFmts").matchAll(/<(?:[\w.-]+:)?numFmt\b[^>]*>/g)) {
      const id = /numFmtId\s*=\s*["'](\d+)["']/.exec(m[0])?.[1];
      if (id) this.formats.set(id, /formatCode\s*=\s*("[^"]*"|'[^']*')/.exec(m[0])?.[1] ?? "");
    }
  }

  /** Readers show an index past the end as the first entry; so does this. */
  of(cell: string): string {
    const s = /^<[^>]*\ss\s*=\s*["'](\d+)["']/.exec(cell)?.[1] ?? "0";
    const xf = this.xfs[Number(s)] ?? this.xfs[0] ?? "";
    const id = (attr: string) => /^<[^>]*/.exec(xf)?.[0].match(new RegExp(`\\s${attr}\\s*=\\s*["'](\\d+)["']`))?.[1] ?? "0";
    const pick = (list: string[], n: string) => list[Number(n)] ?? list[0] ?? "";
    const numFmt = id("numFmtId");
    return [xf, `format ${numFmt} ${this.formats.get(numFmt) ?? "(built-in)"}`, pick(this.lists.font, id("fontId")), pick(this.lists.fill, id("fillId")), pick(this.lists.border, id("borderId"))].join("\n");
  }
}

function worksheets(bytes: Uint8Array): { parts: Record<string, Uint8Array>; sheets: Map<string, string>; styles?: Uint8Array } {
  const pkg = openPackage(bytes);
  const parts = unzipSync(bytes);
  return { parts, sheets: new Map(pkg.sheets.map((s) => [s.name, s.path])), styles: pkg.stylesPath ? parts[pkg.stylesPath] : undefined };
}

/**
 * "Sheet!row:col — why" for every cell outside `planned` whose bytes or look differ between the two workbooks,
 * and for every sheet lost; a sheet new in the output is one too unless `newSheetsAllowed` (generate).
 */
export function unplannedChanges(input: Uint8Array, output: Uint8Array, planned: Iterable<CellAt>, newSheetsAllowed = false): string[] {
  const allowed = new Set<string>();
  for (const c of planned) allowed.add(`${c.sheet}\u0000${c.row}:${c.col}`);
  const before = worksheets(input);
  const after = worksheets(output);
  const lookBefore = new StyleLook(before.styles);
  const lookAfter = new StyleLook(after.styles);
  const changed: string[] = [];
  for (const [sheet, path] of before.sheets) {
    const outPath = after.sheets.get(sheet);
    if (outPath === undefined) {
      changed.push(`${sheet}!(sheet lost)`);
      continue;
    }
    const oldPart = before.parts[path];
    const newPart = after.parts[outPath];
    if (!oldPart || !newPart) {
      if (!oldPart !== !newPart) changed.push(`${sheet}!(part ${oldPart ? "lost" : "added"})`);
      continue;
    }
    const a = cellElements(oldPart);
    const b = cellElements(newPart);
    for (const key of new Set([...a.keys(), ...b.keys()])) {
      if (allowed.has(`${sheet}\u0000${key}`)) continue;
      const x = (a.get(key) ?? []).map(withoutRef);
      const y = (b.get(key) ?? []).map(withoutRef);
      if (x.join("\u0000") !== y.join("\u0000")) changed.push(`${sheet}!${key} bytes`);
      else if (x.some((el) => lookBefore.of(el) !== lookAfter.of(el))) changed.push(`${sheet}!${key} style`);
    }
  }
  if (!newSheetsAllowed) for (const sheet of after.sheets.keys()) if (!before.sheets.has(sheet)) changed.push(`${sheet}!(new sheet)`);
  return changed;
}
