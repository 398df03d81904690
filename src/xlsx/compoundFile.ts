/**
 * A minimal reader of OLE2 compound files (MS-CFB): just enough to fetch one top-level stream by name. An
 * encrypted .xlsx is such a file, and its small "EncryptionInfo" stream says whether Excel's default password
 * opens it. Pure: bytes in, bytes out, so it runs in the browser and in Node alike.
 */

/** The file is not a readable compound file (cut short, or its sector chains loop or point outside it). */
export class CompoundFileError extends Error {}

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const NO_STREAM = 0xffffffff;
const DIRECTORY_ENTRY_BYTES = 128;
const HEADER_DIFAT_ENTRIES = 109;
const TYPE_STREAM = 2;
const TYPE_ROOT = 5;

interface DirectoryEntry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

/** The named stream directly under the root storage (names compare case-insensitively, as CFB says), or undefined. */
export function readCompoundStream(bytes: Uint8Array, name: string): Uint8Array | undefined {
  return new CompoundFile(bytes).stream(name);
}

class CompoundFile {
  private readonly view: DataView;
  private readonly sectorSize: number;
  private readonly miniSectorSize: number;
  private readonly miniStreamCutoff: number;
  private readonly fat: Uint32Array;
  private readonly entries: DirectoryEntry[];

  constructor(private readonly bytes: Uint8Array) {
    if (bytes.length < 512 || SIGNATURE.some((b, i) => bytes[i] !== b)) throw new CompoundFileError("no CFB header");
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const sectorShift = this.u16(0x1e);
    const miniShift = this.u16(0x20);
    if (sectorShift !== 9 && sectorShift !== 12) throw new CompoundFileError("bad sector size");
    if (miniShift !== 6) throw new CompoundFileError("bad mini sector size");
    this.sectorSize = 1 << sectorShift;
    this.miniSectorSize = 1 << miniShift;
    this.miniStreamCutoff = this.u32(0x38);
    this.fat = this.readFat();
    this.entries = this.readDirectory(this.u32(0x30));
  }

  stream(name: string): Uint8Array | undefined {
    const root = this.entries[0];
    if (!root || root.type !== TYPE_ROOT) throw new CompoundFileError("no root entry");
    const wanted = name.toUpperCase();
    const entry = this.siblings(root.child).find((e) => e.type === TYPE_STREAM && e.name.toUpperCase() === wanted);
    if (!entry) return undefined;
    if (entry.size < this.miniStreamCutoff) {
      const miniStream = this.chain(root.start, root.size, this.fat, (s) => this.sector(s), this.sectorSize);
      const miniFat = toU32(this.chain(this.u32(0x3c), this.u32(0x40) * this.sectorSize, this.fat, (s) => this.sector(s), this.sectorSize));
      return this.chain(entry.start, entry.size, miniFat, (s) => slice(miniStream, s * this.miniSectorSize, this.miniSectorSize), this.miniSectorSize);
    }
    return this.chain(entry.start, entry.size, this.fat, (s) => this.sector(s), this.sectorSize);
  }

  /** The entries of one storage: a red-black tree of siblings, walked without recursion and without revisiting. */
  private siblings(first: number): DirectoryEntry[] {
    const found: DirectoryEntry[] = [];
    const seen = new Set<number>();
    const todo = [first];
    while (todo.length > 0) {
      const id = todo.pop() as number;
      if (id === NO_STREAM || seen.has(id)) continue;
      const entry = this.entries[id];
      if (!entry) throw new CompoundFileError("directory entry out of range");
      seen.add(id);
      found.push(entry);
      todo.push(entry.left, entry.right);
    }
    return found;
  }

  private readFat(): Uint32Array {
    const fatSectors: number[] = [];
    const fatCount = this.u32(0x2c);
    for (let i = 0; i < HEADER_DIFAT_ENTRIES && fatSectors.length < fatCount; i++) fatSectors.push(this.u32(0x4c + i * 4));
    // FAT sectors past the first 109 are listed in DIFAT sectors, each ending with the next DIFAT sector's number.
    const perDifat = this.sectorSize / 4 - 1;
    const seen = new Set<number>();
    for (let d = this.u32(0x44); fatSectors.length < fatCount && d < END_OF_CHAIN; ) {
      if (seen.has(d)) throw new CompoundFileError("DIFAT loops");
      seen.add(d);
      const sector = toU32(this.sector(d));
      for (let i = 0; i < perDifat && fatSectors.length < fatCount; i++) fatSectors.push(sector[i]);
      d = sector[perDifat];
    }
    if (fatSectors.length < fatCount) throw new CompoundFileError("FAT incomplete");
    const fat = new Uint8Array(fatSectors.length * this.sectorSize);
    fatSectors.forEach((s, i) => fat.set(this.sector(s), i * this.sectorSize));
    return toU32(fat);
  }

  private readDirectory(start: number): DirectoryEntry[] {
    const dir = this.chain(start, undefined, this.fat, (s) => this.sector(s), this.sectorSize);
    const entries: DirectoryEntry[] = [];
    const view = new DataView(dir.buffer, dir.byteOffset, dir.byteLength);
    const major = this.u16(0x1a);
    for (let at = 0; at + DIRECTORY_ENTRY_BYTES <= dir.length; at += DIRECTORY_ENTRY_BYTES) {
      const nameBytes = Math.min(view.getUint16(at + 0x40, true), 64);
      let name = "";
      for (let i = 0; i + 1 < nameBytes - 1; i += 2) name += String.fromCharCode(view.getUint16(at + i, true));
      // Version 3 files keep only the low 32 bits of the size meaningful; the high half may hold junk.
      const high = major === 3 ? 0 : view.getUint32(at + 0x7c, true);
      entries.push({
        name,
        type: dir[at + 0x42],
        left: view.getUint32(at + 0x44, true),
        right: view.getUint32(at + 0x48, true),
        child: view.getUint32(at + 0x4c, true),
        start: view.getUint32(at + 0x74, true),
        size: view.getUint32(at + 0x78, true) + high * 2 ** 32,
      });
    }
    return entries;
  }

  /** The bytes of a sector chain (size bytes when given, else the whole chain); a loop or a short chain throws. */
  private chain(start: number, size: number | undefined, table: Uint32Array, read: (n: number) => Uint8Array, unit: number): Uint8Array {
    if (size !== undefined && size > this.bytes.length) throw new CompoundFileError("stream larger than the file");
    const parts: Uint8Array[] = [];
    const seen = new Set<number>();
    let length = 0;
    for (let s = start; s < END_OF_CHAIN && (size === undefined || length < size); s = table[s]) {
      if (seen.has(s) || s >= table.length) throw new CompoundFileError("sector chain loops or leaves the table");
      seen.add(s);
      parts.push(read(s));
      length += unit;
    }
    if (size !== undefined && length < size) throw new CompoundFileError("sector chain too short");
    const out = new Uint8Array(length);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return size === undefined ? out : out.subarray(0, size);
  }

  private sector(n: number): Uint8Array {
    const at = (n + 1) * this.sectorSize;
    if (at >= this.bytes.length) throw new CompoundFileError("sector beyond the end of the file");
    if (at + this.sectorSize <= this.bytes.length) return this.bytes.subarray(at, at + this.sectorSize);
    // Some writers do not pad the last sector to full size: the missing tail reads as zeros.
    const padded = new Uint8Array(this.sectorSize);
    padded.set(this.bytes.subarray(at));
    return padded;
  }

  private u16(at: number): number {
    return this.view.getUint16(at, true);
  }

  private u32(at: number): number {
    return this.view.getUint32(at, true);
  }
}

function slice(bytes: Uint8Array, at: number, length: number): Uint8Array {
  if (at + length > bytes.length) throw new CompoundFileError("sector beyond the end of the file");
  return bytes.subarray(at, at + length);
}

function toU32(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint32Array(Math.floor(bytes.length / 4));
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}
