/**
 * The compound-file reader against files written by an independent CFB writer (the `cfb` package, as SheetJS
 * writes them) and against Office's own encrypted workbooks in ../shared/corpus.
 */
import * as CFB from "cfb";
import * as fs from "fs";
import * as path from "path";
import { CompoundFileError, readCompoundStream } from "../../src/xlsx/compoundFile";

function written(streams: Record<string, Uint8Array>): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) CFB.utils.cfb_add(cfb, `/${name}`, Buffer.from(data));
  return new Uint8Array(CFB.write(cfb, { type: "buffer" }) as Uint8Array);
}

/** Bytes that differ from position to position, so a wrong sector order cannot go unnoticed. */
function pattern(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe("readCompoundStream", () => {
  const small = pattern(300, 1); // under the 4096-byte cutoff: kept in the mini stream
  const large = pattern(20_000, 2); // in regular sectors, across several FAT entries
  const nested = pattern(100, 3);
  const bytes = written({ EncryptionInfo: small, EncryptedPackage: large, "\u0006DataSpaces/Version": nested });

  it("reads a small stream from the mini stream and a large one from regular sectors, byte for byte", () => {
    expect(Buffer.from(readCompoundStream(bytes, "EncryptionInfo") as Uint8Array).equals(Buffer.from(small))).toBe(true);
    expect(Buffer.from(readCompoundStream(bytes, "EncryptedPackage") as Uint8Array).equals(Buffer.from(large))).toBe(true);
  });

  it("matches names case-insensitively, as CFB does, and finds only streams under the root", () => {
    expect(readCompoundStream(bytes, "encryptioninfo")?.length).toBe(300);
    expect(readCompoundStream(bytes, "Version")).toBeUndefined();
    expect(readCompoundStream(bytes, "Workbook")).toBeUndefined();
  });

  it("refuses a file that is not a compound file, or one cut short, with its own error", () => {
    expect(() => readCompoundStream(new Uint8Array(1024), "EncryptionInfo")).toThrow(CompoundFileError);
    expect(() => readCompoundStream(bytes.subarray(0, 600), "EncryptedPackage")).toThrow(CompoundFileError);
  });

  it("refuses a sector chain that loops instead of running forever", () => {
    const looped = new Uint8Array(bytes);
    const view = new DataView(looped.buffer);
    const firstFatSector = view.getUint32(0x4c, true);
    const fatAt = (firstFatSector + 1) * 512;
    const dirStart = view.getUint32(0x30, true);
    view.setUint32(fatAt + dirStart * 4, dirStart, true); // the directory's first sector points to itself
    expect(() => readCompoundStream(looped, "EncryptionInfo")).toThrow(CompoundFileError);
  });
});

const CORPUS = path.resolve(__dirname, "..", "..", "..", "shared", "corpus");
const present = fs.existsSync(CORPUS);
if (!present) console.warn(`SKIPPED: the real encrypted workbooks need ${CORPUS}.`);
(present ? describe : describe.skip)("readCompoundStream on Office's encrypted workbooks", () => {
  it.each([
    ["poi/test-data/poifs/protect.xlsx", 3, 2],
    ["poi/test-data/spreadsheet/58616.xlsx", 4, 2],
    ["poi/test-data/poifs/protected_sha512.xlsx", 4, 4],
    ["calamine/tests/pass_protected.xlsx", 4, 4],
  ])("%s: EncryptionInfo version %i.%i, and an EncryptedPackage as long as its size field says", (file, major, minor) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(CORPUS, file)));
    const info = readCompoundStream(bytes, "EncryptionInfo") as Uint8Array;
    expect([info[0] | (info[1] << 8), info[2] | (info[3] << 8)]).toEqual([major, minor]);
    const pkg = readCompoundStream(bytes, "EncryptedPackage") as Uint8Array;
    const declared = new DataView(pkg.buffer, pkg.byteOffset).getUint32(0, true);
    // The ciphertext is the package size rounded up to whole AES blocks (and, for Standard, to 4096 bytes at most).
    expect(pkg.length - 8).toBeGreaterThanOrEqual(declared);
    expect(pkg.length - 8 - declared).toBeLessThan(4096);
  });
});

(present ? describe : describe.skip)("readCompoundStream on damaged copies of a real encrypted workbook", () => {
  it("2,000 cut or mutated copies of protect.xlsx: each gives a stream, no stream, or a CompoundFileError, never another error", () => {
    const original = new Uint8Array(fs.readFileSync(path.join(CORPUS, "poi/test-data/poifs/protect.xlsx")));
    let x = 0x9e3779b9;
    const next = () => (x = (x * 1664525 + 1013904223) >>> 0);
    const outcomes = { stream: 0, none: 0, refused: 0 };
    for (let i = 0; i < 2000; i++) {
      let copy = new Uint8Array(original);
      if (i % 4 === 0) copy = copy.subarray(0, next() % copy.length);
      // the header, the FAT and the directory live in the first sectors: mutate there, where the chains are
      else for (let k = 0; k < 1 + (i % 8); k++) copy[next() % Math.min(copy.length, 4096)] = next() & 0xff;
      try {
        const s = readCompoundStream(copy, "EncryptionInfo");
        outcomes[s ? "stream" : "none"]++;
      } catch (e) {
        expect(e).toBeInstanceOf(CompoundFileError);
        outcomes.refused++;
      }
    }
    expect(outcomes.stream).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});
