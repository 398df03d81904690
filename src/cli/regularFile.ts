/**
 * Reading what the user names, whatever it turns out to be. `renja check /dev/zero` must not read forever, a
 * FIFO must not block the process on open, and a file larger than any workbook must be refused before its bytes
 * are in memory: only regular files are read, at most `maxBytes` of them, and the size is taken from the open
 * descriptor (fstat), so a file swapped between the check and the read cannot slip past it.
 */
import * as fs from "fs";
import { HostError } from "../domain/host";
import { count, msg, nested, text } from "../domain/messages";

/** No real .xlsx comes near this (the 100,000-row bench workbook is about 10 MB); ZIP bombs are bounded later. */
export const MAX_WORKBOOK_FILE_BYTES = 256 * 1024 * 1024;
/** A sidecar holds one workbook's mapping corrections: a few kilobytes. */
export const MAX_SIDECAR_FILE_BYTES = 4 * 1024 * 1024;

export type FileKind = "fifo" | "character-device" | "block-device" | "socket" | "directory" | "other";

/** Reads a whole regular file; anything else (FIFO, device, socket, folder) or a file over maxBytes is refused. */
export async function readRegularFile(path: string, maxBytes: number): Promise<Uint8Array> {
  // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever; a regular file ignores the flag.
  const handle = await fs.promises.open(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw notRegularFile(path, kindOf(stat));
    if (stat.size > maxBytes) throw tooLargeFile(path, stat.size, maxBytes);
    const bytes = new Uint8Array(stat.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break; // truncated while we read: what was there is what we have
      filled += bytesRead;
    }
    return filled === bytes.length ? bytes : bytes.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

function kindOf(stat: fs.Stats): FileKind {
  if (stat.isFIFO()) return "fifo";
  if (stat.isCharacterDevice()) return "character-device";
  if (stat.isBlockDevice()) return "block-device";
  if (stat.isSocket()) return "socket";
  if (stat.isDirectory()) return "directory";
  return "other";
}

export function notRegularFile(path: string, kind: FileKind): HostError {
  return new HostError("io", msg("cli.file.notRegular", { file: text(path), kind: nested(msg(`cli.file.kind.${kind}`, {})) }));
}

/** Sizes in whole megabytes, rounded up: a file just over the limit must not read as "256 MB; at most 256 MB". */
function tooLargeFile(path: string, size: number, maxBytes: number): HostError {
  const mb = (n: number) => count(Math.ceil(n / (1024 * 1024)));
  return new HostError("too-large", msg("cli.file.tooLarge", { file: text(path), mb: mb(size), limit: mb(maxBytes) }));
}
