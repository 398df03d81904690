/**
 * Looks at a file's bytes before ExcelJS does, so that every input ExcelJS cannot read gets a message the user
 * can act on (password, old .xls, not a workbook, damaged file) instead of a library exception.
 */
import { unzipSync } from "fflate";
import type { HostError } from "../domain/host";
import { msg, type MessageRef } from "../domain/messages";
import { checkPassword, EXCEL_DEFAULT_PASSWORD } from "./encryptionInfo";
import {
  corruptError,
  defaultPasswordEncryptedError,
  emptyFileError,
  encryptedError,
  legacyXlsError,
  notXlsxError,
  passwordEncryptedError,
  tooLargeError,
} from "./hostErrors";

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_ARCHIVE = [0x50, 0x4b, 0x05, 0x06];
/** OLE2 compound file (CFB): old .xls, and also the envelope Office puts around a password-protected .xlsx. */
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export interface SniffLimits {
  /**
   * Most bytes of sheet data (worksheet XML and shared strings, uncompressed) worth handing to ExcelJS. Its
   * model of a workbook takes about 18–25 times the XML in memory; past the process's heap it would die with an
   * out-of-memory crash instead of a message. No limit when absent.
   */
  maxSheetDataBytes?: number;
}

/** Throws a HostError when the bytes cannot be an .xlsx workbook ExcelJS can open; returns when they can. */
export function sniffWorkbookBytes(bytes: Uint8Array, fileName: string, limits: SniffLimits = {}): void {
  const problem = diagnose(bytes, fileName, limits);
  if (problem) throw problem;
}

/**
 * Throws the right refusal for an encrypted workbook: one Excel's default password opens (save a plain copy) apart
 * from one with a user password (remove it). Asynchronous because Web Crypto is; returns for any other file.
 */
export async function sniffEncryptedWorkbook(bytes: Uint8Array, fileName: string): Promise<void> {
  if (!startsWith(bytes, CFB_SIGNATURE) || !isEncryptedPackage(bytes)) return;
  const verdict = await checkPassword(bytes, EXCEL_DEFAULT_PASSWORD);
  if (verdict === "opens") throw defaultPasswordEncryptedError(fileName);
  if (verdict === "wrong") throw passwordEncryptedError(fileName);
  throw encryptedError(fileName);
}

function isEncryptedPackage(bytes: Uint8Array): boolean {
  return containsUtf16(bytes, "EncryptedPackage") || containsUtf16(bytes, "EncryptionInfo");
}

function diagnose(bytes: Uint8Array, fileName: string, limits: SniffLimits): HostError | undefined {
  if (bytes.length === 0) return emptyFileError(fileName);
  if (startsWith(bytes, CFB_SIGNATURE)) return diagnoseCompoundFile(bytes, fileName);
  if (startsWith(bytes, ZIP_EMPTY_ARCHIVE)) return corruptError(fileName);
  if (!startsWith(bytes, ZIP_LOCAL_HEADER)) {
    if (bytes.length < ZIP_LOCAL_HEADER.length && isPrefixOf(bytes, ZIP_LOCAL_HEADER)) return corruptError(fileName);
    return notXlsxError(fileName, describeNonZip(bytes));
  }
  return diagnoseZip(bytes, fileName, limits);
}

/**
 * CFB directory entries store stream names as UTF-16LE; finding the name anywhere in the file is enough to tell
 * an encrypted OOXML package (MS-OFFCRYPTO: EncryptionInfo + EncryptedPackage) from a BIFF8 .xls ("Workbook",
 * or "Book" for Excel 5/95).
 */
function diagnoseCompoundFile(bytes: Uint8Array, fileName: string): HostError {
  if (isEncryptedPackage(bytes)) return encryptedError(fileName);
  if (containsUtf16(bytes, "Workbook") || containsUtf16(bytes, "Book")) return legacyXlsError(fileName);
  return notXlsxError(fileName, msg("xlsx.sniff.oldOfficeFile", {}));
}

const SHEET_DATA_PART = /^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/;

function diagnoseZip(bytes: Uint8Array, fileName: string, limits: SniffLimits): HostError | undefined {
  const names = new Set<string>();
  let sheetDataBytes = 0;
  try {
    // The filter sees each central-directory entry; returning false skips decompression entirely.
    unzipSync(bytes, {
      filter: (file) => {
        names.add(file.name);
        if (SHEET_DATA_PART.test(file.name)) sheetDataBytes += file.originalSize;
        return false;
      },
    });
  } catch {
    // No readable central directory: most often a file cut short while downloading or copying.
    return corruptError(fileName);
  }
  if (names.has("xl/workbook.bin")) {
    return notXlsxError(fileName, msg("xlsx.sniff.xlsb", {}));
  }
  if (names.has("mimetype") && names.has("content.xml")) {
    return notXlsxError(fileName, msg("xlsx.sniff.ods", {}));
  }
  if (names.has("word/document.xml")) {
    return notXlsxError(fileName, msg("xlsx.sniff.docx", {}));
  }
  // The workbook part is wherever _rels/.rels points (the package root, a folder other than xl/): the package
  // reader follows the relationships and names a missing part.
  if (names.has("xl/workbook.xml") || [...names].some((n) => n.toLowerCase().replace(/\\/g, "/") === "_rels/.rels")) {
    const limit = limits.maxSheetDataBytes;
    return limit !== undefined && sheetDataBytes > limit ? tooLargeError(fileName, sheetDataBytes, limit) : undefined;
  }
  if (names.has("[Content_Types].xml")) return corruptError(fileName);
  // A workbook saved through a text channel (every byte that is not valid UTF-8 became EF BF BD) keeps its part
  // names in the local headers but garbles the central directory: it is a damaged workbook, not some other zip.
  if (containsAscii(bytes, "[Content_Types].xml")) return corruptError(fileName);
  return notXlsxError(fileName, msg("xlsx.sniff.zip", {}));
}

function describeNonZip(bytes: Uint8Array): MessageRef | undefined {
  const head = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith("%pdf")) return msg("xlsx.sniff.pdf", {});
  if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.includes("<table")) return msg("xlsx.sniff.html", {});
  if (head.startsWith("<?xml")) return msg("xlsx.sniff.xml", {});
  return undefined;
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  if (bytes.length < signature.length) return false;
  return signature.every((b, i) => bytes[i] === b);
}

function isPrefixOf(bytes: Uint8Array, signature: readonly number[]): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== signature[i]) return false;
  return true;
}

function containsAscii(bytes: Uint8Array, text: string): boolean {
  return indexOf(bytes, new TextEncoder().encode(text)) >= 0;
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  return indexOf(bytes, needle) >= 0;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  const last = haystack.length - needle.length;
  outer: for (let i = haystack.indexOf(first); i >= 0 && i <= last; i = haystack.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
