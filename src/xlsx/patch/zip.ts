/**
 * A zip reader/writer that keeps every entry it is not told to change exactly as it was: the local header and
 * the compressed bytes are copied verbatim, only offsets in the central directory move. fflate's zip/unzip
 * would inflate and deflate everything again; here only the parts a patch touches are recompressed.
 */
import { deflateSync } from "fflate";
import { HostError } from "../../domain/host";
import { msg, text } from "../../domain/messages";
import { concatBytes } from "../bytes";
import { inflateAtMost, partTooLargeError, type PartCodec } from "./inflate";

export interface ZipEntry {
  name: string;
  /** The central directory record as stored. */
  central: Uint8Array;
  /** Local header + compressed data (+ data descriptor), as stored. */
  local: Uint8Array;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the compressed data starts inside `local`. */
  dataOffset: number;
  /** CRC-32 of the uncompressed content, as the central directory records it. */
  crc: number;
}

export interface ZipArchive {
  entries: ZipEntry[];
  comment: Uint8Array;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;

const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
/** A 16- or 32-bit field holding all ones: the real value is in the ZIP64 record (more than 65,535 entries). */
const MORE16 = 0xffff;
const MORE32 = 0xffffffff;

export function readZip(bytes: Uint8Array): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(bytes, view);
  let count = view.getUint16(eocd + 10, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  const commentLength = view.getUint16(eocd + 20, true);
  if (count === MORE16 || cdOffset === MORE32) ({ count, cdOffset } = zip64Directory(view, eocd));
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (view.getUint32(p, true) !== CENTRAL) throw corrupt("central directory record missing");
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    let compressedSize = view.getUint32(p + 20, true);
    let uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const entryCommentLength = view.getUint16(p + 32, true);
    let localOffset = view.getUint32(p + 42, true);
    if (uncompressedSize === MORE32 || compressedSize === MORE32 || localOffset === MORE32) {
      // The ZIP64 extra field holds, in this order, each of the three that is all ones.
      const wide = zip64Extra(view, p + 46 + nameLength, extraLength);
      if (uncompressedSize === MORE32) uncompressedSize = wide.next();
      if (compressedSize === MORE32) compressedSize = wide.next();
      if (localOffset === MORE32) localOffset = wide.next();
    }
    const centralEnd = p + 46 + nameLength + extraLength + entryCommentLength;
    const name = decodeName(bytes.subarray(p + 46, p + 46 + nameLength), flags);

    if (view.getUint32(localOffset, true) !== LOCAL) throw corrupt(`local header of ${name} missing`);
    const localNameLength = view.getUint16(localOffset + 26, true);
    const localExtraLength = view.getUint16(localOffset + 28, true);
    const dataOffset = 30 + localNameLength + localExtraLength;
    let localEnd = localOffset + dataOffset + compressedSize;
    if (flags & 0x8) localEnd += view.getUint32(localEnd, true) === DESCRIPTOR ? 16 : 12;

    entries.push({
      name,
      central: bytes.subarray(p, centralEnd),
      local: bytes.subarray(localOffset, localEnd),
      method,
      compressedSize,
      uncompressedSize,
      dataOffset,
      crc,
    });
    p = centralEnd;
  }
  return { entries, comment: bytes.subarray(eocd + 22, eocd + 22 + commentLength) };
}

/**
 * Where the central directory is and how many entries it has, from the ZIP64 end record (its locator sits just
 * before the classic end record). Python's zipfile, 7-Zip and Excel itself write one past 65,535 entries.
 */
function zip64Directory(view: DataView, eocd: number): { count: number; cdOffset: number } {
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== EOCD64_LOCATOR) throw corrupt("ZIP64 end record missing");
  const record = safeNumber(view.getBigUint64(locator + 8, true));
  if (record + 56 > view.byteLength || view.getUint32(record, true) !== EOCD64) throw corrupt("ZIP64 end record missing");
  return { count: safeNumber(view.getBigUint64(record + 32, true)), cdOffset: safeNumber(view.getBigUint64(record + 48, true)) };
}

/** The 64-bit values of an entry's ZIP64 extra field (header id 1), read in order. */
function zip64Extra(view: DataView, start: number, length: number): { next(): number } {
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 1) {
      let field = at + 4;
      const end = field + size;
      return {
        next() {
          if (field + 8 > end) throw corrupt("ZIP64 extra field too short");
          const value = safeNumber(view.getBigUint64(field, true));
          field += 8;
          return value;
        },
      };
    }
    at += 4 + size;
  }
  throw corrupt("ZIP64 extra field missing");
}

/** A 64-bit size or offset as a number: anything past 2^53 is past every file this can hold. */
function safeNumber(v: bigint): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt("ZIP64 size out of range");
  return Number(v);
}

function findEndOfCentralDirectory(bytes: Uint8Array, view: DataView): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === EOCD) return i;
  }
  throw new HostError("not-xlsx", msg("xlsx.zip.notZip", {}));
}

function decodeName(raw: Uint8Array, flags: number): string {
  // Without the UTF-8 flag names are CP437; xlsx part names are ASCII, so latin1 reads them correctly.
  return flags & 0x800 ? new TextDecoder().decode(raw) : String.fromCharCode(...raw);
}

/** `what` is the archive's technical fault, in English in both languages (it is for whoever repairs the file). */
function corrupt(what: string): HostError {
  return new HostError("corrupt", msg("xlsx.zip.damaged", { what: text(what) }));
}

/**
 * The uncompressed content of an entry, refused when it declares more than `maxBytes` (inflating stops past the
 * declared size, so neither a large declared size nor a false one costs more than the bound), its CRC-32 verified
 * as Excel verifies it: a part whose bytes changed since it was zipped is refused by name rather than read as
 * whatever the damaged bytes inflate to.
 */
export function entryData(entry: ZipEntry, maxBytes = Infinity, codec: PartCodec = FFLATE_CODEC): Uint8Array {
  const data = entry.local.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  const size = entry.method === 0 ? data.length : entry.uncompressedSize;
  if (size > maxBytes) throw partTooLargeError(entry.name, size, maxBytes);
  let content: Uint8Array;
  if (entry.method === 0) content = data;
  else if (entry.method === 8) {
    try {
      content = codec.inflateRaw(data, entry.uncompressedSize, entry.name);
    } catch (e) {
      if (e instanceof HostError) throw e;
      throw new HostError("corrupt", msg("xlsx.zip.cannotInflate", { entry: text(entry.name) }));
    }
  } else throw corrupt(`${entry.name} uses compression method ${entry.method}`);
  if (codec.crc32(content) !== entry.crc) {
    throw new HostError("corrupt", msg("xlsx.zip.crcMismatch", { entry: text(entry.name) }));
  }
  return content;
}

/**
 * A new archive: entries in their original order, each either copied verbatim, replaced by new content
 * (deflated), or left out (`null`).
 */
export function writeZip(archive: ZipArchive, changes: ReadonlyMap<string, Uint8Array | null>): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of archive.entries) {
    const change = changes.get(entry.name);
    if (change === null) continue;
    const { local, central } = change === undefined ? copiedEntry(entry, offset) : rewrittenEntry(entry, change, offset);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  // Parts the archive does not hold yet (a generated sheet) go after the existing ones.
  const known = new Set(archive.entries.map((e) => e.name));
  for (const [name, content] of changes) {
    if (content === null || known.has(name)) continue;
    const { local, central } = rewrittenEntry(newEntryTemplate(name), content, offset);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  // Past 65,535 entries the count only fits the ZIP64 end record; the classic one then says "see ZIP64".
  // (Offsets stay 32-bit: the size caps keep every package far below 4 GB.)
  const wide = centrals.length >= MORE16;
  const zip64 = wide ? zip64End(centrals.length, cdSize, offset) : new Uint8Array(0);
  const end = new Uint8Array(22 + archive.comment.length);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, EOCD, true);
  ev.setUint16(8, wide ? MORE16 : centrals.length, true);
  ev.setUint16(10, wide ? MORE16 : centrals.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  ev.setUint16(20, archive.comment.length, true);
  end.set(archive.comment, 22);
  return concatBytes([...locals, ...centrals, zip64, end]);
}

/** The ZIP64 end record (56 bytes) and its locator (20 bytes), written after the central directory. */
function zip64End(count: number, cdSize: number, cdOffset: number): Uint8Array {
  const out = new Uint8Array(76);
  const v = new DataView(out.buffer);
  v.setUint32(0, EOCD64, true);
  v.setBigUint64(4, 44n, true); // size of the rest of the record
  v.setUint16(12, 45, true); // made by: version 4.5, the first with ZIP64
  v.setUint16(14, 45, true); // needed to extract
  v.setBigUint64(24, BigInt(count), true); // entries on this disk
  v.setBigUint64(32, BigInt(count), true); // entries in all
  v.setBigUint64(40, BigInt(cdSize), true);
  v.setBigUint64(48, BigInt(cdOffset), true);
  v.setUint32(56, EOCD64_LOCATOR, true);
  v.setBigUint64(64, BigInt(cdOffset + cdSize), true); // where the ZIP64 end record starts
  v.setUint32(72, 1, true); // disks in all
  return out;
}

/** A central directory record for a new part: UTF-8 name, 1 January 2020 00:00 (zip times carry no zone). */
function newEntryTemplate(name: string): ZipEntry {
  const encoded = new TextEncoder().encode(name);
  const central = new Uint8Array(46 + encoded.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, CENTRAL, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(8, 0x800, true);
  cv.setUint16(14, ((2020 - 1980) << 9) | (1 << 5) | 1, true);
  cv.setUint16(28, encoded.length, true);
  central.set(encoded, 46);
  return { name, central, local: new Uint8Array(0), method: 8, compressedSize: 0, uncompressedSize: 0, dataOffset: 0, crc: 0 };
}

function copiedEntry(entry: ZipEntry, offset: number): { local: Uint8Array; central: Uint8Array } {
  // A copy, never a view: Node's Buffer.slice shares memory, and this write would land in the caller's bytes.
  const central = new Uint8Array(entry.central);
  new DataView(central.buffer).setUint32(42, offset, true);
  return { local: entry.local, central };
}

function rewrittenEntry(entry: ZipEntry, content: Uint8Array, offset: number): { local: Uint8Array; central: Uint8Array } {
  const cv = new DataView(entry.central.buffer, entry.central.byteOffset, entry.central.byteLength);
  const nameLength = cv.getUint16(28, true);
  const extraLength = cv.getUint16(30, true);
  const commentLength = cv.getUint16(32, true);
  const name = entry.central.subarray(46, 46 + nameLength);
  const comment = entry.central.subarray(46 + nameLength + extraLength, 46 + nameLength + extraLength + commentLength);
  // Keep only the UTF-8 name flag: no data descriptor, no encryption; extra fields (zip64, timestamps) dropped.
  const flags = cv.getUint16(8, true) & 0x800;
  const time = cv.getUint16(12, true);
  const date = cv.getUint16(14, true);
  const data = deflateSync(content, { level: 6 });
  const crc = crc32(content);

  const local = new Uint8Array(30 + name.length + data.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, LOCAL, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(6, flags, true);
  lv.setUint16(8, 8, true);
  lv.setUint16(10, time, true);
  lv.setUint16(12, date, true);
  lv.setUint32(14, crc, true);
  lv.setUint32(18, data.length, true);
  lv.setUint32(22, content.length, true);
  lv.setUint16(26, name.length, true);
  lv.setUint16(28, 0, true);
  local.set(name, 30);
  local.set(data, 30 + name.length);

  const central = new Uint8Array(46 + name.length + comment.length);
  const nv = new DataView(central.buffer);
  central.set(entry.central.subarray(0, 46), 0);
  nv.setUint16(6, 20, true);
  nv.setUint16(8, flags, true);
  nv.setUint16(10, 8, true);
  nv.setUint32(16, crc, true);
  nv.setUint32(20, data.length, true);
  nv.setUint32(24, content.length, true);
  nv.setUint16(30, 0, true);
  nv.setUint32(42, offset, true);
  central.set(name, 46);
  central.set(comment, 46 + name.length);
  return { local, central };
}

/** The codec that runs everywhere: fflate's inflate, bounded (inflate.ts), and the CRC-32 below. */
export const FFLATE_CODEC: PartCodec = { inflateRaw: inflateAtMost, crc32: (data) => crc32(data) };

let crcTable: Uint32Array | undefined;

/** CRC-32 (zip's polynomial), eight bytes a step ("slicing by 8"): every part read is verified, so it is hot. */
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(8 * 256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
    for (let n = 0; n < 256; n++) {
      for (let t = 1; t < 8; t++) {
        const prev = crcTable[(t - 1) * 256 + n];
        crcTable[t * 256 + n] = (prev >>> 8) ^ crcTable[prev & 0xff];
      }
    }
  }
  const T = crcTable;
  let crc = 0xffffffff;
  let i = 0;
  const n = data.length;
  for (; i + 8 <= n; i += 8) {
    const a = (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24)) ^ crc;
    crc =
      T[1792 + (a & 0xff)] ^
      T[1536 + ((a >>> 8) & 0xff)] ^
      T[1280 + ((a >>> 16) & 0xff)] ^
      T[1024 + (a >>> 24)] ^
      T[768 + data[i + 4]] ^
      T[512 + data[i + 5]] ^
      T[256 + data[i + 6]] ^
      T[data[i + 7]];
  }
  for (; i < n; i++) crc = T[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
