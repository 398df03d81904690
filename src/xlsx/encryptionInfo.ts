/**
 * Whether an encrypted .xlsx opens with Excel's built-in password "VelvetSweatshop" (MS-OFFCRYPTO 2.3.4.7–2.3.4.13):
 * Excel encrypts with it when a workbook is protected without a user password (for example a read-only
 * recommendation or workbook structure protection saved by some tools), and Excel and LibreOffice open such a file
 * without asking. Only the password verifier in the "EncryptionInfo" stream is checked; the package is not decrypted.
 * Uses Web Crypto (globalThis.crypto.subtle), present in Node 20 and in every browser the add-in runs in.
 */
import { concatBytes } from "./bytes";
import { readCompoundStream } from "./compoundFile";
import { attr, findElement, scanTags } from "./patch/xml";

export const EXCEL_DEFAULT_PASSWORD = "VelvetSweatshop";

/** What the verifier says about a password: it opens the file, it does not, or the stream cannot be judged. */
export type PasswordVerdict = "opens" | "wrong" | "unknown";

/** Most spin rounds worth running: MS-OFFCRYPTO caps spinCount at 10,000,000; Excel writes 100,000. */
const MAX_SPIN_COUNT = 10_000_000;

interface StandardInfo {
  kind: "standard";
  keyBytes: number;
  salt: Uint8Array;
  encryptedVerifier: Uint8Array;
  encryptedVerifierHash: Uint8Array;
}

interface AgileInfo {
  kind: "agile";
  hash: string;
  hashSize: number;
  spinCount: number;
  keyBytes: number;
  saltSize: number;
  salt: Uint8Array;
  encryptedVerifierHashInput: Uint8Array;
  encryptedVerifierHashValue: Uint8Array;
}

type EncryptionInfo = StandardInfo | AgileInfo;

/** Checks the compound file's EncryptionInfo verifier against the password; "unknown" when it cannot say. */
export async function checkPassword(compoundFile: Uint8Array, password: string): Promise<PasswordVerdict> {
  let info: EncryptionInfo | undefined;
  try {
    const stream = readCompoundStream(compoundFile, "EncryptionInfo");
    info = stream && parseEncryptionInfo(stream);
  } catch {
    return "unknown";
  }
  const subtle = globalThis.crypto?.subtle;
  // Web Crypto is missing only outside a secure context (a page served over plain http): no verdict then.
  if (!info || !subtle) return "unknown";
  try {
    const opens = info.kind === "standard" ? await verifyStandard(subtle, info, password) : await verifyAgile(subtle, info, password);
    return opens ? "opens" : "wrong";
  } catch {
    return "unknown";
  }
}

/** Standard (binary, versions 2–4 . 2) and Agile (XML, 4.4) encryption with AES; anything else is undefined. */
function parseEncryptionInfo(stream: Uint8Array): EncryptionInfo | undefined {
  if (stream.length < 8) return undefined;
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const major = view.getUint16(0, true);
  const minor = view.getUint16(2, true);
  if (major === 4 && minor === 4) return parseAgile(new TextDecoder("utf-8").decode(stream.subarray(8)));
  if (major >= 2 && major <= 4 && minor === 2) return parseStandard(view);
  return undefined;
}

const AES_128 = 0x660e;
const AES_256 = 0x6610;

function parseStandard(view: DataView): StandardInfo | undefined {
  const headerSize = view.getUint32(8, true);
  const header = 12;
  if (header + headerSize + 4 + 16 + 16 + 4 + 32 > view.byteLength || headerSize < 32) return undefined;
  const algId = view.getUint32(header + 8, true);
  const keyBits = view.getUint32(header + 16, true);
  // RC4 CryptoAPI (algId 0x6801) belongs to .xls/.doc and is not what Office writes for .xlsx.
  if (algId < AES_128 || algId > AES_256 || ![128, 192, 256].includes(keyBits)) return undefined;
  const verifier = header + headerSize;
  const saltSize = view.getUint32(verifier, true);
  if (saltSize !== 16) return undefined;
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  return {
    kind: "standard",
    keyBytes: keyBits / 8,
    salt: bytes.slice(verifier + 4, verifier + 20),
    encryptedVerifier: bytes.slice(verifier + 20, verifier + 36),
    // The SHA-1 of the verifier (20 bytes) encrypted as two AES blocks.
    encryptedVerifierHash: bytes.slice(verifier + 40, verifier + 72),
  };
}

const HASHES: Record<string, string> = { SHA1: "SHA-1", SHA256: "SHA-256", SHA384: "SHA-384", SHA512: "SHA-512" };

function parseAgile(xml: string): AgileInfo | undefined {
  const tags = scanTags(xml);
  const key = findElement(tags, "encryptedKey");
  if (!key) return undefined;
  const get = (name: string) => attr(xml, key.open, name);
  const hash = HASHES[(get("hashAlgorithm") ?? "").toUpperCase().replace("-", "")];
  const spinCount = Number(get("spinCount"));
  const keyBits = Number(get("keyBits"));
  const hashSize = Number(get("hashSize"));
  const saltSize = Number(get("saltSize"));
  const [salt, input, value] = ["saltValue", "encryptedVerifierHashInput", "encryptedVerifierHashValue"].map((n) => fromBase64(get(n)));
  if (get("cipherAlgorithm") !== "AES" || get("cipherChaining") !== "ChainingModeCBC" || !hash) return undefined;
  if (!Number.isInteger(spinCount) || spinCount < 0 || spinCount > MAX_SPIN_COUNT) return undefined;
  if (![128, 192, 256].includes(keyBits) || !salt || salt.length !== 16 || !input || !value) return undefined;
  if (!Number.isInteger(hashSize) || hashSize <= 0 || !Number.isInteger(saltSize) || saltSize <= 0) return undefined;
  return { kind: "agile", hash, hashSize, spinCount, keyBytes: keyBits / 8, saltSize, salt, encryptedVerifierHashInput: input, encryptedVerifierHashValue: value };
}

/** 2.3.4.7 key derivation and 2.3.4.9 verifier: SHA-1, 50,000 rounds, AES-ECB. */
async function verifyStandard(subtle: SubtleCrypto, info: StandardInfo, password: string): Promise<boolean> {
  const sha1 = (data: Uint8Array) => digest(subtle, "SHA-1", data);
  let h = await spin(subtle, "SHA-1", await sha1(concatBytes([info.salt, utf16le(password)])), 50_000);
  h = await sha1(concatBytes([h, new Uint8Array(4)]));
  const x1 = await sha1(xorPad(h, 0x36));
  const x2 = await sha1(xorPad(h, 0x5c));
  const key = await aesKey(subtle, concatBytes([x1, x2]).subarray(0, info.keyBytes));
  const verifier = await ecbDecrypt(subtle, key, info.encryptedVerifier);
  const verifierHash = await ecbDecrypt(subtle, key, info.encryptedVerifierHash);
  return equal(await sha1(verifier), verifierHash.subarray(0, 20));
}

const VERIFIER_INPUT_BLOCK = Uint8Array.of(0xfe, 0xa7, 0xd2, 0x76, 0x3b, 0x4b, 0x9e, 0x79);
const VERIFIER_VALUE_BLOCK = Uint8Array.of(0xd7, 0xaa, 0x0f, 0x6d, 0x30, 0x61, 0x34, 0x4e);

/** 2.3.4.11 key derivation and 2.3.4.13 verifier: the hash spun spinCount times, AES-CBC with the salt as IV. */
async function verifyAgile(subtle: SubtleCrypto, info: AgileInfo, password: string): Promise<boolean> {
  const spun = await spin(subtle, info.hash, await digest(subtle, info.hash, concatBytes([info.salt, utf16le(password)])), info.spinCount);
  const keyFor = async (block: Uint8Array) => aesKey(subtle, fitKey(await digest(subtle, info.hash, concatBytes([spun, block])), info.keyBytes));
  const input = await cbcDecrypt(subtle, await keyFor(VERIFIER_INPUT_BLOCK), info.salt, info.encryptedVerifierHashInput);
  const value = await cbcDecrypt(subtle, await keyFor(VERIFIER_VALUE_BLOCK), info.salt, info.encryptedVerifierHashValue);
  const expected = await digest(subtle, info.hash, input.subarray(0, info.saltSize));
  return equal(expected.subarray(0, info.hashSize), value.subarray(0, info.hashSize));
}

/** H_n = H(iterator as 32-bit little-endian ‖ H_(n-1)), n = 0 … rounds-1. */
async function spin(subtle: SubtleCrypto, hash: string, h0: Uint8Array, rounds: number): Promise<Uint8Array> {
  let h = h0;
  const buf = new Uint8Array(4 + h0.length);
  const view = new DataView(buf.buffer);
  for (let i = 0; i < rounds; i++) {
    view.setUint32(0, i, true);
    buf.set(h, 4);
    h = await digest(subtle, hash, buf);
  }
  return h;
}

/** A derived key cut to keyBits, or padded with 0x36 when the hash is shorter (2.3.4.11). */
function fitKey(h: Uint8Array, keyBytes: number): Uint8Array {
  if (h.length >= keyBytes) return h.subarray(0, keyBytes);
  const out = new Uint8Array(keyBytes).fill(0x36);
  out.set(h);
  return out;
}

function xorPad(h: Uint8Array, pad: number): Uint8Array {
  const out = new Uint8Array(64).fill(pad);
  for (let i = 0; i < h.length; i++) out[i] ^= h[i];
  return out;
}

async function digest(subtle: SubtleCrypto, hash: string, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle.digest(hash, copy(data)));
}

function aesKey(subtle: SubtleCrypto, raw: Uint8Array): Promise<CryptoKey> {
  return subtle.importKey("raw", copy(raw), "AES-CBC", false, ["encrypt", "decrypt"]);
}

const ZERO_IV = new Uint8Array(16);
const BLOCK = 16;

/** AES-ECB on whole blocks is AES-CBC block by block with a zero IV. */
async function ecbDecrypt(subtle: SubtleCrypto, key: CryptoKey, data: Uint8Array): Promise<Uint8Array> {
  const out = new Uint8Array(data.length);
  for (let at = 0; at + BLOCK <= data.length; at += BLOCK) out.set(await cbcDecrypt(subtle, key, ZERO_IV, data.subarray(at, at + BLOCK)), at);
  return out;
}

/**
 * CBC decryption without padding. Web Crypto insists on PKCS#7 padding, so one more cipher block is appended:
 * E(0x10… ⊕ last block) decrypts to a full padding block, which Web Crypto strips, leaving exactly the data.
 */
async function cbcDecrypt(subtle: SubtleCrypto, key: CryptoKey, iv: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  if (data.length === 0 || data.length % BLOCK !== 0) throw new Error("ciphertext is not whole blocks");
  const pad = new Uint8Array(BLOCK).fill(BLOCK);
  const last = data.subarray(data.length - BLOCK);
  for (let i = 0; i < BLOCK; i++) pad[i] ^= last[i];
  // CBC encryption of one block with a zero IV is the raw block cipher (the first block of its output).
  const extra = new Uint8Array(await subtle.encrypt({ name: "AES-CBC", iv: ZERO_IV }, key, pad)).subarray(0, BLOCK);
  return new Uint8Array(await subtle.decrypt({ name: "AES-CBC", iv: copy(iv) }, key, copy(concatBytes([data, extra]))));
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[i * 2] = text.charCodeAt(i) & 0xff;
    out[i * 2 + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
}

function fromBase64(text: string | undefined): Uint8Array | undefined {
  if (text === undefined || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const binary = atob(text);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Web Crypto takes views of a plain ArrayBuffer only; a copy is one whatever the input was a view of. */
function copy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
