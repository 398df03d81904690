/**
 * The user-facing failures of the .xlsx host; their texts are the catalogue's "host.*" keys (src/domain/messages).
 * Messages say what to do next; they never carry a library's exception text or a stack trace.
 */
import { HostError } from "../domain/host";
import { count, msg, nested, text, type MessageRef } from "../domain/messages";

/** What to do with a workbook in a format other than .xlsx (one sentence shared by two messages). */
const saveAsXlsx = () => nested(msg("host.saveAsXlsx", {}));

export function emptyFileError(fileName: string): HostError {
  return new HostError("empty-file", msg("host.emptyFile", { file: text(fileName) }));
}

/** Encrypted, but its EncryptionInfo cannot be judged (an unknown scheme, or no Web Crypto): both ways out. */
export function encryptedError(fileName: string): HostError {
  return new HostError("encrypted", msg("host.encrypted", { file: text(fileName) }));
}

/** Encrypted with Excel's built-in password "VelvetSweatshop": Excel and LibreOffice open it without asking. */
export function defaultPasswordEncryptedError(fileName: string): HostError {
  return new HostError("encrypted", msg("host.encryptedDefault", { file: text(fileName) }));
}

/** Encrypted with a password of its own: only someone who knows it can remove it. */
export function passwordEncryptedError(fileName: string): HostError {
  return new HostError("encrypted", msg("host.encryptedPassword", { file: text(fileName) }));
}

export function legacyXlsError(fileName: string): HostError {
  return new HostError("legacy-xls", msg("host.legacyXls", { file: text(fileName), then: saveAsXlsx() }));
}

/** `what` says what the file is instead (sniff.ts's "xlsx.sniff.*" messages). */
export function notXlsxError(fileName: string, what?: MessageRef): HostError {
  const described = what ? msg("host.notXlsxWhat", { what: nested(what) }) : msg("empty", {});
  return new HostError("not-xlsx", msg("host.notXlsx", { file: text(fileName), what: nested(described), then: saveAsXlsx() }));
}

export function corruptError(fileName: string): HostError {
  return new HostError("corrupt", msg("host.corrupt", { file: text(fileName) }));
}

export function badSidecarError(sidecarName: string): HostError {
  return new HostError("corrupt", msg("host.badSidecar", { file: text(sidecarName) }));
}

export function noSidecarWriterError(): HostError {
  return new HostError("io", msg("host.noSidecarWriter", {}));
}

export function unknownSheetError(sheetName: string): HostError {
  return new HostError("not-found", msg("host.unknownSheet", { sheet: text(sheetName) }));
}

export function tooLargeError(fileName: string, sheetDataBytes: number, limitBytes: number): HostError {
  const mb = (n: number) => Math.ceil(n / 2 ** 20);
  return new HostError("too-large", msg("host.tooLarge", { file: text(fileName), mb: count(mb(sheetDataBytes)), limit: count(mb(limitBytes)) }));
}
