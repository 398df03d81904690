/**
 * Encrypted-workbook envelopes (MS-OFFCRYPTO) built with Node's own crypto, an implementation independent of
 * src/xlsx/encryptionInfo.ts: a CFB file whose EncryptionInfo verifier matches the given password. The package
 * ciphertext is a stand-in; only the verifier is ever checked.
 */
import * as CFB from "cfb";
import { createCipheriv, createHash, randomBytes } from "crypto";

function spun(hash: string, salt: Buffer, password: string, rounds: number): Buffer {
  let h = createHash(hash).update(Buffer.concat([salt, Buffer.from(password, "utf16le")])).digest();
  for (let i = 0; i < rounds; i++) {
    const it = Buffer.alloc(4);
    it.writeUInt32LE(i);
    h = createHash(hash).update(Buffer.concat([it, h])).digest();
  }
  return h;
}

function aes(mode: "ecb" | "cbc", key: Buffer, iv: Buffer | null, data: Buffer): Buffer {
  const cipher = createCipheriv(`aes-${key.length * 8}-${mode}`, key, iv);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

function envelope(info: Buffer): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, "/EncryptionInfo", info);
  const pkg = Buffer.concat([Buffer.from([0, 16, 0, 0, 0, 0, 0, 0]), randomBytes(4096)]);
  CFB.utils.cfb_add(cfb, "/EncryptedPackage", pkg);
  return new Uint8Array(CFB.write(cfb, { type: "buffer" }) as Uint8Array);
}

/** Standard encryption 3.2, AES-128, SHA-1 (what Excel 2007 writes, as in apache/poi's protect.xlsx). */
export function standardEncrypted(password: string): Uint8Array {
  const salt = randomBytes(16);
  let h = spun("sha1", salt, password, 50_000);
  h = createHash("sha1").update(Buffer.concat([h, Buffer.alloc(4)])).digest();
  const pad = (b: number) => Buffer.from(Array.from({ length: 64 }, (_, i) => (i < h.length ? h[i] ^ b : b)));
  const key = createHash("sha1").update(pad(0x36)).digest().subarray(0, 16);
  const verifier = randomBytes(16);
  const verifierHash = Buffer.concat([createHash("sha1").update(verifier).digest(), Buffer.alloc(12)]);
  const csp = Buffer.from("Microsoft Enhanced RSA and AES Cryptographic Provider\0", "utf16le");
  const header = Buffer.alloc(32);
  [0x24, 0, 0x660e, 0x8004, 128, 0x18, 0, 0].forEach((v, i) => header.writeUInt32LE(v, i * 4));
  const head = Buffer.alloc(12);
  head.writeUInt16LE(3, 0);
  head.writeUInt16LE(2, 2);
  head.writeUInt32LE(0x24, 4);
  head.writeUInt32LE(header.length + csp.length, 8);
  const sizes = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    return b;
  };
  const verifierPart = Buffer.concat([sizes(16), salt, aes("ecb", key, null, verifier), sizes(20), aes("ecb", key, null, verifierHash)]);
  return envelope(Buffer.concat([head, header, csp, verifierPart]));
}

/** Agile encryption 4.4, AES-256, SHA-512, with a small spin count so tests stay quick. */
export function agileEncrypted(password: string, spinCount = 1000): Uint8Array {
  const salt = randomBytes(16);
  const h = spun("sha512", salt, password, spinCount);
  const keyFor = (block: number[]) => createHash("sha512").update(Buffer.concat([h, Buffer.from(block)])).digest().subarray(0, 32);
  const input = randomBytes(16);
  const value = createHash("sha512").update(input).digest();
  const encInput = aes("cbc", keyFor([0xfe, 0xa7, 0xd2, 0x76, 0x3b, 0x4b, 0x9e, 0x79]), salt, input);
  const encValue = aes("cbc", keyFor([0xd7, 0xaa, 0x0f, 0x6d, 0x30, 0x61, 0x34, 0x4e]), salt, value);
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="' +
    randomBytes(16).toString("base64") +
    '"/><keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    `<p:encryptedKey spinCount="${spinCount}" saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" ` +
    `cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="${salt.toString("base64")}" ` +
    `encryptedVerifierHashInput="${encInput.toString("base64")}" encryptedVerifierHashValue="${encValue.toString("base64")}" ` +
    `encryptedKeyValue="${randomBytes(32).toString("base64")}"/></keyEncryptor></keyEncryptors></encryption>`;
  const head = Buffer.alloc(8);
  head.writeUInt16LE(4, 0);
  head.writeUInt16LE(4, 2);
  head.writeUInt32LE(0x40, 4);
  return envelope(Buffer.concat([head, Buffer.from(xml, "utf8")]));
}
