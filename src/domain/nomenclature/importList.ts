/**
 * Reading an official nomenclature list as offices get it — a TSV/CSV extract, a Kepmendagri lampiran or a
 * SIPD "referensi sub kegiatan" export as a sheet — into a catalogue, and validating it: code shapes per level,
 * every child after its parent, no duplicate codes. Errors name the line (the sheet row or the text line).
 *
 * Columns are found by header text: kode and nama at least; level, kinerja, indikator, satuan, pemda and status
 * when present. Two layouts are understood:
 * - one row per entry: a kode column and a nama column (level from a level column, else from the code's shape);
 * - one row per sub kegiatan with its ancestors beside it: kode and nama columns per level ("kode_program",
 *   "nama_sub_giat", or a lampiran's split kode columns U | BB | PP | K.KK | SSSS). Each level's kode is its
 *   column's value when that holds the whole code, else the parts joined.
 */
import { count, list, msg, nested, text, type MessageRef, type Value } from "../messages";
import { levelOfKode, type CatalogueData, type CatalogueLevel, type NomenclatureLevel } from "./catalogue";

export interface ListRow {
  /** 1-based line (text) or row (sheet) number, for messages. */
  line: number;
  cells: string[];
}

export interface ImportOptions {
  regulation?: string;
  year?: number;
  name?: string;
  /** "kabkota" (default) or "provinsi", for lists that hold both (a `pemda` column). */
  pemda?: string;
  /** File name the list came from: the regulation is read from it when not given. */
  fileName?: string;
}

export interface ImportProblem {
  line?: number;
  message: MessageRef;
}

export interface ImportSummary {
  counts: Record<CatalogueLevel, number>;
  /** Sub kegiatan with kinerja/indikator/satuan. */
  withMetadata: number;
  skipped: { nonaktif: number; otherPemda: number };
  pemda?: string;
  /** Children whose parent the list does not hold (kept; the list is what the office has). */
  missingParents: number;
  yearFromRegulation: boolean;
}

export type ImportResult =
  | { ok: true; data: CatalogueData; summary: ImportSummary; warnings: ImportProblem[] }
  | { ok: false; errors: ImportProblem[]; warnings: ImportProblem[] };

type Field = "kode" | "nama" | "level" | "kinerja" | "indikator" | "satuan" | "pemda" | "status";

interface Column {
  index: number;
  field: Field;
  level?: CatalogueLevel;
}

const LEVELS: readonly CatalogueLevel[] = ["urusan", "bidang", "program", "kegiatan", "subKegiatan"];

function words(header: string): string {
  return ` ${header.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim()} `;
}

function levelNamed(w: string): CatalogueLevel | undefined {
  if (/ sub ?(kegiatan|giat|keg) |subkegiatan|subgiat/.test(w)) return "subKegiatan";
  if (/ (kegiatan|giat|keg) /.test(w)) return "kegiatan";
  if (/ (program|prog) /.test(w)) return "program";
  if (/ bidang /.test(w)) return "bidang";
  if (/ urusan /.test(w)) return "urusan";
  return undefined;
}

function classify(header: string, index: number): Column | undefined {
  const w = words(header);
  if (w.trim() === "" || / id /.test(w) || /^ no /.test(w)) return undefined;
  const level = levelNamed(w);
  if (/ (kode|kd|kode rekening) /.test(w)) return { index, field: "kode", level };
  if (/ kinerja /.test(w)) return { index, field: "kinerja" };
  if (/ indikator /.test(w)) return { index, field: "indikator" };
  if (/ satuan /.test(w)) return { index, field: "satuan" };
  if (/ pemda /.test(w)) return { index, field: "pemda" };
  if (/ status /.test(w)) return { index, field: "status" };
  if (/^ (level|tingkat|jenis) $/.test(w)) return { index, field: "level" };
  // "nama", "nomenklatur", "uraian"; a bare "sub kegiatan" header in a lampiran names the sub kegiatan
  if (/ (nama|nomenklatur|uraian) /.test(w) && !/ 1317 | 2023 /.test(w)) return { index, field: "nama", level };
  return undefined;
}

/** The header row (within the first 30) and its columns: the first row with a kode and a nama column. */
function findHeader(rows: readonly ListRow[]): { at: number; columns: Column[] } | undefined {
  for (let i = 0; i < Math.min(rows.length, 30); i++) {
    const columns = rows[i].cells.map((c, j) => classify(c, j)).filter((c): c is Column => c !== undefined);
    if (columns.some((c) => c.field === "kode") && columns.some((c) => c.field === "nama")) return { at: i, columns };
  }
  return undefined;
}

const LEVEL_WORD: Record<string, CatalogueLevel> = {
  urusan: "urusan",
  bidang: "bidang",
  "bidang urusan": "bidang",
  program: "program",
  kegiatan: "kegiatan",
  "sub kegiatan": "subKegiatan",
  subkegiatan: "subKegiatan",
  sub_kegiatan: "subKegiatan",
};

const SHAPE_NAME: Record<CatalogueLevel, string> = {
  urusan: "U",
  bidang: "U.BB",
  program: "U.BB.PP",
  kegiatan: "U.BB.PP.K.KK",
  subKegiatan: "U.BB.PP.K.KK.SSSS",
};

const LEVEL_NAME: Record<CatalogueLevel, MessageRef> = {
  urusan: msg("list.level.urusan", {}),
  bidang: msg("list.level.bidang", {}),
  program: msg("list.level.program", {}),
  kegiatan: msg("list.level.kegiatan", {}),
  subKegiatan: msg("list.level.subKegiatan", {}),
};

/** A line number as the list numbers it ("baris 1234"): a place in the file, not an amount, so never grouped. */
const lineNo = (line: number) => text(String(line));

/** Messages one after another as a sentence runs on: joined by a space ("list.then") or a comma ("list.commaThen"). */
function joined(items: readonly MessageRef[], then: "list.then" | "list.commaThen"): Value & { kind: "list" } {
  return list(items.map((m, i) => (i === 0 ? m : msg(then, { message: nested(m) }))), "");
}

/** An import's problems as one run of sentences, for a refusal that names them on one line. */
export function problemsText(problems: readonly ImportProblem[]): Value & { kind: "list" } {
  return joined(problems.map((p) => p.message), "list.then");
}

const U = "(?:\\d|X)";
const BB = "(?:\\d{2}|XX)";
const SHAPES: Record<CatalogueLevel, RegExp> = {
  urusan: new RegExp(`^${U}$`),
  bidang: new RegExp(`^${U}\\.${BB}$`),
  program: new RegExp(`^${U}\\.${BB}\\.\\d{2}$`),
  kegiatan: new RegExp(`^${U}\\.${BB}\\.\\d{2}\\.\\d\\.\\d{2}$`),
  subKegiatan: new RegExp(`^${U}\\.${BB}\\.\\d{2}\\.\\d\\.\\d{2}\\.(?:\\d{4}|\\d{2})$`),
};

function cleanKode(text: string): string {
  return text.replace(/\s+/g, "").replace(/\.$/, "").replace(/x/g, "X");
}

/** The parent's code: a kegiatan's parent is its code minus `.K.KK`, every other level's minus its last part. */
export function parentKodeOf(kode: string, level: CatalogueLevel): string | undefined {
  const parts = kode.split(".");
  if (level === "urusan") return undefined;
  if (level === "kegiatan") return parts.slice(0, 3).join(".");
  return parts.slice(0, -1).join(".");
}

/** "Kepmendagri 900.1.15.5-3406/2024" from a file name like "nomenklatur_kepmendagri-900.1.15.5-3406-2024.tsv". */
export function regulationFromFileName(fileName: string): { regulation: string; year: number } | undefined {
  const re = /(kepmendagri|permendagri|kep)[-_ ]((?:\d+\.)*\d+(?:-\d+)?)[-_ ](\d{4})(?!\d)/gi;
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(fileName); m !== null; m = re.exec(fileName)) last = m;
  if (!last) return undefined;
  const kind = last[1].toLowerCase() === "permendagri" ? "Permendagri" : "Kepmendagri";
  return { regulation: `${kind} ${last[2]}/${last[3]}`, year: Number(last[3]) };
}

/** A short store name from a regulation: "Kepmendagri 900.1.15.5-3406/2024" -> "kepmendagri-900.1.15.5-3406-2024". */
export function catalogueNameOf(regulation: string): string {
  return regulation
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

interface Pending {
  kode: string;
  level: CatalogueLevel;
  name: string;
  line: number;
  meta?: [string, string, string];
}

const MAX_LISTED = 20;

export function importList(rows: readonly ListRow[], opts: ImportOptions = {}): ImportResult {
  const errors: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const fail = (): ImportResult => ({ ok: false, errors: capped(errors), warnings });
  const header = findHeader(rows);
  if (!header) {
    errors.push({ message: msg("list.import.noHeader", {}) });
    return fail();
  }
  const { columns } = header;
  const one = (field: Field) => columns.find((c) => c.field === field && c.level === undefined) ?? columns.find((c) => c.field === field);
  const kodeColumns = columns.filter((c) => c.field === "kode");
  const levelled = new Set(kodeColumns.map((c) => c.level).filter((l) => l !== undefined)).size >= 2;

  const fileReg = opts.fileName ? regulationFromFileName(opts.fileName) : undefined;
  const regulation = opts.regulation ?? fileReg?.regulation;
  if (!regulation) {
    errors.push({ message: msg("list.import.noRegulation", {}) });
    return fail();
  }
  const regYear = /\/(\d{4})\s*$/.exec(regulation);
  // a Kepmendagri issued in year Y sets the nomenclature of the plans and budgets of year Y+1
  const year = opts.year ?? (regYear ? Number(regYear[1]) + 1 : undefined);

  const pemdaCol = one("pemda");
  const statusCol = one("status");
  const pemdaValues = new Set<string>();
  if (pemdaCol) for (const r of rows.slice(header.at + 1)) if (r.cells[pemdaCol.index]?.trim()) pemdaValues.add(r.cells[pemdaCol.index].trim().toLowerCase());
  const pemda = pemdaCol && pemdaValues.size > 1 ? (opts.pemda ?? "kabkota").toLowerCase() : undefined;
  if (pemda && !pemdaValues.has(pemda)) {
    errors.push({ message: msg("list.import.noPemda", { pemda: text(pemda), found: text([...pemdaValues].join(", ")) }) });
    return fail();
  }

  const pending: Pending[] = [];
  const skipped = { nonaktif: 0, otherPemda: 0 };
  const metaCols = [one("kinerja"), one("indikator"), one("satuan")];
  const read = (r: ListRow, c: Column | undefined) => (c ? (r.cells[c.index] ?? "").replace(/\s+/g, " ").trim() : "");
  for (const r of rows.slice(header.at + 1)) {
    if (r.cells.every((c) => c.trim() === "")) continue;
    if (pemda && read(r, pemdaCol).toLowerCase() !== pemda) {
      skipped.otherPemda++;
      continue;
    }
    if (statusCol && /^(non ?aktif|tidak aktif|inactive)$/i.test(read(r, statusCol))) {
      skipped.nonaktif++;
      continue;
    }
    const meta = metaCols.map((c) => read(r, c)) as [string, string, string];
    const hasMeta = meta.some((m) => m !== "");
    if (levelled) {
      readLevelled(r, columns, read, errors, pending, hasMeta ? meta : undefined);
      continue;
    }
    const kodeText = read(r, one("kode"));
    const name = read(r, one("nama"));
    if (kodeText === "" && name === "") continue;
    const kode = cleanKode(kodeText);
    const levelText = read(r, one("level")).toLowerCase().replace(/\s+/g, " ");
    const shapeLevel = levelOfKode(kode);
    let level: CatalogueLevel | undefined = shapeLevel;
    if (levelText !== "") {
      level = LEVEL_WORD[levelText] ?? LEVEL_WORD[levelText.replace(/_/g, " ")];
      if (!level) {
        errors.push({ line: r.line, message: msg("list.import.unknownLevel", { line: lineNo(r.line), level: text(levelText) }) });
        continue;
      }
    }
    if (!level) {
      errors.push({ line: r.line, message: msg("list.import.notKode", { line: lineNo(r.line), kode: text(kodeText) }) });
      continue;
    }
    pending.push({ kode, level, name, line: r.line, meta: level === "subKegiatan" && hasMeta ? meta : undefined });
  }

  validate(pending, errors);
  if (errors.length > 0) return fail();

  const seen = new Map<string, Pending>();
  const unique: Pending[] = [];
  for (const p of pending) {
    if (seen.has(p.kode)) continue;
    seen.set(p.kode, p);
    unique.push(p);
  }
  let missingParents = 0;
  const missingListed: MessageRef[] = [];
  // a list without a level at all (sub kegiatan only, or no urusan/bidang rows) does not miss its entries
  const levelsListed = new Set(unique.map((p) => p.level));
  const parentLevel: Record<CatalogueLevel, CatalogueLevel | undefined> = { urusan: undefined, bidang: "urusan", program: "bidang", kegiatan: "program", subKegiatan: "kegiatan" };
  for (const p of unique) {
    const parent = parentKodeOf(p.kode, p.level);
    const level = parentLevel[p.level];
    if (parent === undefined || level === undefined || !levelsListed.has(level)) continue;
    const found = seen.get(parent);
    if (!found) {
      missingParents++;
      if (missingListed.length < 5) missingListed.push(msg("list.import.atLine", { kode: text(p.kode), line: lineNo(p.line) }));
    } else if (found.line > p.line) {
      errors.push({
        line: p.line,
        message: msg("list.import.beforeParent", { line: lineNo(p.line), kode: text(p.kode), parent: text(parent), parentLine: lineNo(found.line) }),
      });
    }
  }
  if (errors.length > 0) return fail();
  if (missingParents > 0) {
    warnings.push({ message: msg("list.import.missingParents", { n: count(missingParents), examples: joined(missingListed, "list.commaThen") }) });
  }
  if (skipped.nonaktif > 0) {
    warnings.push({ message: msg("list.import.nonaktif", { n: count(skipped.nonaktif) }) });
  }

  const counts: Record<CatalogueLevel, number> = { urusan: 0, bidang: 0, program: 0, kegiatan: 0, subKegiatan: 0 };
  const data: CatalogueData = {
    format: "renja-nomenklatur",
    version: 1,
    name: opts.name ?? catalogueNameOf(regulation),
    regulation,
    headings: [],
    entries: [],
  };
  if (year !== undefined) data.year = year;
  if (opts.fileName) data.source = opts.fileName.replace(/^.*[\\/]/, "");
  let withMetadata = 0;
  for (const p of unique) {
    counts[p.level]++;
    if (p.level === "urusan" || p.level === "bidang") {
      data.headings?.push([p.kode, p.name]);
      continue;
    }
    if (p.meta) {
      withMetadata++;
      data.entries.push([p.kode, p.level as NomenclatureLevel, p.name, ...p.meta]);
    } else data.entries.push([p.kode, p.level as NomenclatureLevel, p.name]);
  }
  if (data.entries.length === 0) {
    errors.push({ message: msg("list.import.empty", {}) });
    return fail();
  }
  return {
    ok: true,
    data,
    summary: { counts, withMetadata, skipped, pemda, missingParents, yearFromRegulation: opts.year === undefined && year !== undefined },
    warnings,
  };
}

function readLevelled(
  r: ListRow,
  columns: readonly Column[],
  read: (r: ListRow, c: Column | undefined) => string,
  errors: ImportProblem[],
  pending: Pending[],
  meta: [string, string, string] | undefined,
): void {
  let previous = "";
  for (const level of LEVELS) {
    const kodeCol = columns.find((c) => c.field === "kode" && c.level === level);
    if (!kodeCol) continue;
    const part = cleanKode(read(r, kodeCol));
    if (part === "") continue;
    // a column holds the whole code ("1.01.02") or only this level's part ("02", "2.01" for K.KK)
    const kode = previous !== "" && !part.startsWith(previous + ".") ? `${previous}.${part}` : part;
    previous = kode;
    const nameCol = columns.find((c) => c.field === "nama" && c.level === level) ?? (level === "subKegiatan" ? columns.find((c) => c.field === "nama" && c.level === undefined) : undefined);
    // a level with a kode column but no name column (kode_urusan beside nama_sub_giat) is only part of the code
    if (!nameCol) continue;
    const name = read(r, nameCol);
    pending.push({ kode, level, name, line: r.line, meta: level === "subKegiatan" ? meta : undefined });
  }
}

function validate(pending: readonly Pending[], errors: ImportProblem[]): void {
  const byKode = new Map<string, Pending>();
  const subWidths = new Map<number, number>();
  for (const p of pending) {
    if (!SHAPES[p.level].test(p.kode)) {
      errors.push({
        line: p.line,
        message: msg("list.import.badShape", { line: lineNo(p.line), level: nested(LEVEL_NAME[p.level]), kode: text(p.kode), shape: text(SHAPE_NAME[p.level]) }),
      });
      continue;
    }
    if (p.name === "") {
      errors.push({ line: p.line, message: msg("list.import.noName", { line: lineNo(p.line), kode: text(p.kode) }) });
      continue;
    }
    if (p.level === "subKegiatan") {
      const w = p.kode.length - p.kode.lastIndexOf(".") - 1;
      subWidths.set(w, (subWidths.get(w) ?? 0) + 1);
    }
    const prior = byKode.get(p.kode);
    if (!prior) byKode.set(p.kode, p);
    // a sub kegiatan row repeating its ancestors (one row per sub kegiatan) is not a duplicate
    else if (prior.line === p.line || prior.name.replace(/\s+/g, " ").toLowerCase() !== p.name.replace(/\s+/g, " ").toLowerCase() || p.level === "subKegiatan") {
      errors.push({
        line: p.line,
        message: msg("list.import.duplicate", { line: lineNo(p.line), kode: text(p.kode), prior: lineNo(prior.line) }),
      });
    }
  }
  if (subWidths.size > 1) {
    const minority = [...subWidths.entries()].sort((a, b) => a[1] - b[1])[0][0];
    const lines = pending.filter((p) => p.level === "subKegiatan" && p.kode.length - p.kode.lastIndexOf(".") - 1 === minority).slice(0, 5).map((p) => p.line);
    errors.push({
      line: lines[0],
      message: msg("list.import.mixedWidths", { digits: count(minority), n: count(lines.length), lines: text(lines.join(", ")) }),
    });
  }
}

function capped(errors: ImportProblem[]): ImportProblem[] {
  if (errors.length <= MAX_LISTED) return errors;
  const rest = errors.length - MAX_LISTED;
  return [...errors.slice(0, MAX_LISTED), { message: msg("list.import.more", { n: count(rest) }) }];
}

/** Lines of delimited text (TSV, CSV with `,` or `;`), with quoted fields, as rows numbered from 1. */
export function splitDelimited(text: string): ListRow[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.slice(0, body.indexOf("\n") >= 0 ? body.indexOf("\n") : body.length);
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const sep = count("\t") > 0 ? "\t" : count(";") > count(",") ? ";" : ",";
  const rows: ListRow[] = [];
  let line = 1;
  let cells: string[] = [];
  let field = "";
  let quoted = false;
  let startLine = 1;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === "") quoted = true;
    else if (ch === sep) {
      cells.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      cells.push(field);
      rows.push({ line: startLine, cells });
      cells = [];
      field = "";
      line++;
      startLine = line;
    } else field += ch;
  }
  if (field !== "" || cells.length > 0) {
    cells.push(field);
    rows.push({ line: startLine, cells });
  }
  return rows;
}
