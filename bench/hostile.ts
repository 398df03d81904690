/**
 * Hostile workbooks (issue 17: memory and time), built from the seed workbook in memory, small on disk: the test
 * (test/xlsx/hostileWorkbooks.test.ts) asserts what each one gives, bench/hostileInputs.ts times the CLI on them.
 * Parts of hundreds of MiB are never built as bytes: one deflate block of a repeated chunk, flushed to a byte
 * boundary, decodes the same after any copy of that chunk, so the stream is that block repeated.
 */
import { Deflate, deflateSync, strToU8, unzipSync } from "fflate";
import * as zlib from "zlib";

interface RawEntry {
  name: string;
  /** Deflated bytes. */
  data: Uint8Array;
  crc: number;
  size: number;
  /** The size the central directory declares (a lie when it differs from `size`). */
  declared?: number;
}

function deflated(name: string, text: string | Uint8Array): RawEntry {
  const bytes = typeof text === "string" ? strToU8(text) : text;
  return { name, data: deflateSync(bytes, { level: 9 }), crc: zlib.crc32(bytes), size: bytes.length };
}

/** `head` + `chunk` × `times` + `tail`, deflated without ever holding the whole text (chunk ≥ 32 KiB). */
function repeatedPart(name: string, head: string, chunk: string, times: number, tail: string): RawEntry {
  const c = strToU8(chunk);
  if (c.length < 32 * 1024 || times < 2) throw new Error("the chunk must fill deflate's 32 KiB window");
  let out: Uint8Array[] = [];
  const d = new Deflate({ level: 6 }, (data) => void out.push(data));
  const take = () => {
    const all = Buffer.concat(out);
    out = [];
    return new Uint8Array(all);
  };
  const h = strToU8(head);
  const t = strToU8(tail);
  d.push(h);
  d.flush(true);
  d.push(c);
  d.flush(true);
  const first = Buffer.concat([take()]);
  d.push(c);
  d.flush(true);
  const repeat = take();
  d.push(t, true);
  const end = take();
  const pieces: Uint8Array[] = [first];
  for (let i = 1; i < times; i++) pieces.push(repeat);
  pieces.push(end);
  let crc = zlib.crc32(h);
  for (let i = 0; i < times; i++) crc = zlib.crc32(c, crc);
  crc = zlib.crc32(t, crc);
  return { name, data: new Uint8Array(Buffer.concat(pieces)), crc, size: h.length + c.length * times + t.length };
}

/** A zip of deflated entries (method 8), sizes as declared. */
function zipOf(entries: RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const declared = e.declared ?? e.size;
    const local = Buffer.alloc(30 + name.length);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    name.copy(local, 30);
    const central = Buffer.alloc(46 + name.length);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    name.copy(central, 46);
    locals.push(local, Buffer.from(e.data));
    centrals.push(central);
    offset += local.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

export interface HostileCase {
  name: string;
  what: string;
  bytes: Uint8Array;
  /** The command the bench runs on it (the file path is appended). */
  command: "check" | "recompute";
  /** A refusal: a HostError with this code, exit code 2. Otherwise the command reads the file normally. */
  refused?: "too-large" | "corrupt";
}

type Parts = Record<string, string>;

function seedParts(seed: Uint8Array): Parts {
  const out: Parts = {};
  for (const [name, data] of Object.entries(unzipSync(seed))) if (!name.endsWith("/")) out[name] = Buffer.from(data).toString("utf8");
  return out;
}

function rebuilt(parts: Parts, big: RawEntry[] = []): Uint8Array {
  const bigNames = new Set(big.map((e) => e.name));
  return zipOf([...Object.entries(parts).filter(([n]) => !bigNames.has(n)).map(([n, t]) => deflated(n, t)), ...big]);
}

const MiB = 2 ** 20;
/** The 30,000-digit amount: 1 followed by 29,999 zeros. */
export const AMOUNT_30000 = "1" + "0".repeat(29_999);
const SPACES = " ".repeat(MiB);

/** The seed's first worksheet with `merges` added: to its <mergeCells> (count raised), or as one after </sheetData>. */
function withMerges(sheet: string, merges: string[]): string {
  if (!sheet.includes("<mergeCells")) return sheet.replace("</sheetData>", `</sheetData><mergeCells count="${merges.length}">${merges.join("")}</mergeCells>`);
  return sheet
    .replace("</mergeCells>", merges.join("") + "</mergeCells>")
    .replace(/<mergeCells count="(\d+)">/, (_m, n: string) => `<mergeCells count="${Number(n) + merges.length}">`);
}

/** Every hostile case, built from the seed's bytes. `scale` < 1 shrinks the big parts (never below their bound). */
export function hostileWorkbooks(seed: Uint8Array): HostileCase[] {
  const cases: HostileCase[] = [];
  const parts = seedParts(seed);
  const sst = parts["xl/sharedStrings.xml"];
  const sheet1 = parts["xl/worksheets/sheet1.xml"];

  // 10 million empty shared strings after the real ones: 50 MB of XML in a few hundred KB.
  {
    const items = "<si/>".repeat(10_000_000);
    const text = sst.replace("</sst>", `${items}</sst>`);
    cases.push({ name: "shared-strings-10m", what: "sharedStrings.xml + 10,000,000 empty <si/>", bytes: rebuilt({ ...parts, "xl/sharedStrings.xml": text }), command: "check", refused: "too-large" });
  }

  // A 450 MiB worksheet reached through its relationship under another path (not xl/worksheets/).
  {
    const rels = parts["xl/_rels/workbook.xml.rels"].replace('Target="worksheets/sheet1.xml"', 'Target="data/grid.xml"');
    const cut = sheet1.indexOf("</sheetData>");
    const head = sheet1.slice(0, cut);
    const rows = `<row r="1048576"><c r="A1048576"><v>1</v></c></row>`;
    const big = repeatedPart("xl/data/grid.xml", head, `<!--${SPACES}-->`, 450, rows + sheet1.slice(cut));
    const p: Parts = { ...parts, "xl/_rels/workbook.xml.rels": rels };
    delete p["xl/worksheets/sheet1.xml"];
    cases.push({ name: "worksheet-elsewhere-450mib", what: "450 MiB worksheet at xl/data/grid.xml", bytes: rebuilt(p, [big]), command: "check", refused: "too-large" });
    // The same part declaring 1 MiB: inflating stops past the declared size.
    const lying = { ...big, declared: MiB };
    cases.push({ name: "worksheet-size-lie", what: "same part, declared 1 MiB", bytes: rebuilt(p, [lying]), command: "check", refused: "corrupt" });
  }

  // styles.xml padded with 450 MiB of spaces (inside the root element, where whitespace is legal).
  {
    const styles = parts["xl/styles.xml"];
    const at = styles.indexOf(">", styles.indexOf("<styleSheet")) + 1;
    const big = repeatedPart("xl/styles.xml", styles.slice(0, at), SPACES, 450, styles.slice(at));
    cases.push({ name: "styles-padded-450mib", what: "styles.xml + 450 MiB of spaces", bytes: rebuilt(parts, [big]), command: "check", refused: "too-large" });
  }

  // 64,000 cell styles (Excel's maximum), every one distinct, appended after the seed's own.
  {
    const styles = parts["xl/styles.xml"];
    const extra = Array.from({ length: 64_000 }, (_, i) => `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment indent="${(i % 15) + 1}" textRotation="${i % 180}"/></xf>`).join("");
    const text = styles.replace(/<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/, (_m, n: string, body: string) => `<cellXfs count="${Number(n) + 64_000}">${body}${extra}</cellXfs>`);
    cases.push({ name: "styles-64000", what: "64,000 cell styles", bytes: rebuilt({ ...parts, "xl/styles.xml": text }), command: "recompute" });
  }

  // Nested elements inside one style (the first xf of cellXfs, the one recompute copies for its new format):
  // 2,000,000 and 900,000 are refused by the bound on styles.xml (500,000 "<"); 200,000 (400,000 "<") are
  // under it and must be read and written in seconds.
  for (const [name, depth] of [["styles-nested-2m", 2_000_000], ["styles-nested-900k", 900_000], ["styles-nested-200k", 200_000]] as const) {
    const styles = parts["xl/styles.xml"];
    const text = styles.replace(/(<cellXfs[^>]*>\s*<xf\b[^>]*?)\s*\/>/, (_m, open: string) => `${open}>${"<a>".repeat(depth)}${"</a>".repeat(depth)}</xf>`);
    if (text === styles) throw new Error("the seed's first cellXfs entry is no longer an empty <xf/>");
    cases.push({
      name,
      what: `${depth.toLocaleString("en-US")} nested elements in one style`,
      bytes: rebuilt({ ...parts, "xl/styles.xml": text }),
      command: "recompute",
      refused: depth * 2 > 500_000 ? "too-large" : undefined,
    });
  }

  // Whole-row merges below the table (rows the table never reaches): the check must give the seed's findings.
  for (const n of [5_000, 20_000]) {
    const merges = Array.from({ length: n }, (_, i) => `<mergeCell ref="A${2000 + i}:XFD${2000 + i}"/>`);
    cases.push({ name: `merges-${n}`, what: `${n.toLocaleString("en-US")} whole-row merges`, bytes: rebuilt({ ...parts, "xl/worksheets/sheet1.xml": withMerges(sheet1, merges) }), command: "check" });
  }

  // A 30,000-digit amount typed as text in a money cell (G29 of Tabel 2.1, "36.280,500" in the seed).
  {
    if (!sst.includes("<t>36.280,500</t>")) throw new Error("the seed no longer holds 36.280,500");
    const text = sst.replace("<t>36.280,500</t>", `<t>${AMOUNT_30000}</t>`);
    cases.push({ name: "amount-30000-digits", what: "30,000-digit amount text", bytes: rebuilt({ ...parts, "xl/sharedStrings.xml": text }), command: "check" });
  }
  return cases;
}
