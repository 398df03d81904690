/**
 * Bounds on what a package may cost once opened, and the one inflate that enforces them. A few hundred KB of
 * deflate can stand for gigabytes (deflate reaches about 1:1000), and a part's declared size is whatever the
 * file says: every part is refused past its bound before it is materialised, whatever its name.
 */
import { Inflate } from "fflate";
import { HostError } from "../../domain/host";
import { count, msg, text } from "../../domain/messages";

export interface PackageLimits {
  /** Most bytes one part may inflate to (declared or real). */
  maxPartBytes: number;
  /** Most bytes all the parts read from one package may inflate to together. */
  maxTotalBytes: number;
  /**
   * Most markup items ("<") in a part that is read tag by tag (shared strings, styles, workbook, relationships):
   * each tag costs about 200 bytes of heap once scanned, so 10 million empty <si/> (50 MB of XML from a 284 KB
   * file) would need over 2 GB. Worksheets are read by offset, not tag by tag, and are bounded by bytes only.
   */
  maxItems: number;
  /**
   * The same for styles.xml, tighter: a writer scans it again after each style it adds and copies the xf it
   * changes whole, so 900,000 elements nested in one xf took 49 s and 2.6 GB in recompute. Excel's own maximum
   * (64,000 cell styles with their alignment, plus fonts, fills, borders) is under 300,000 "<".
   */
  maxStyleItems: number;
  /** How parts are inflated and verified; fflate and the JavaScript CRC-32 when absent (see PartCodec). */
  codec?: PartCodec;
}

/**
 * The raw-deflate inflater and CRC-32 a package is read with. The default (fflate, JavaScript CRC-32) runs
 * everywhere, the pane and the standalone page included; the CLI passes Node's zlib (src/cli/nativeCodec.ts),
 * which inflates a 40 MB sheet part in about a fifth of fflate's time. Either way `inflateRaw` refuses a part
 * whose content passes `declared` bytes as soon as it does, so a false size never costs more than the size.
 */
export interface PartCodec {
  /** The content of raw deflate `data`, at most `declared` bytes; throws sizeLieError past it. */
  inflateRaw(data: Uint8Array, declared: number, part: string): Uint8Array;
  crc32(data: Uint8Array): number;
}

/**
 * Defaults for every caller that does not pass its own (the pane, the page, the write path): a Renja workbook's
 * largest part, a 100,000-row sheet, is about 45 MB of XML; its shared strings hold far fewer than 2 million
 * items. The CLI passes bounds derived from its heap (src/cli/io.ts).
 */
export const DEFAULT_PACKAGE_LIMITS: PackageLimits = {
  maxPartBytes: 256 * 2 ** 20,
  maxTotalBytes: 512 * 2 ** 20,
  maxItems: 2_000_000,
  maxStyleItems: 500_000,
};

/** Compressed bytes handed to the inflater at a time: at deflate's ratio one step yields at most ~16 MB. */
const STEP = 16 * 1024;

/**
 * Raw deflate data inflated into at most `declared` bytes: inflating stops as soon as the output passes the size
 * the archive declares, so a part that lies about its size costs no more than the size it declared.
 */
export function inflateAtMost(data: Uint8Array, declared: number, part: string): Uint8Array {
  const out = new Uint8Array(declared);
  let length = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    if (over) return;
    if (length + chunk.length > declared) {
      over = true;
      return;
    }
    out.set(chunk, length);
    length += chunk.length;
  });
  for (let at = 0; at < data.length && !over; at += STEP) {
    inflater.push(data.subarray(at, Math.min(at + STEP, data.length)), at + STEP >= data.length);
  }
  if (over) throw sizeLieError(part, declared);
  return length === declared ? out : out.subarray(0, length);
}

/** Megabytes (MiB, rounded up) as a count, so each language groups it its own way ("2.048" / "2,048"). */
const mib = (n: number) => count(Math.ceil(n / 2 ** 20));

export function partTooLargeError(part: string, bytes: number, limit: number): HostError {
  return new HostError("too-large", msg("xlsx.zip.partTooLarge", { part: text(part), mb: mib(bytes), limit: mib(limit) }));
}

export function packageTooLargeError(bytes: number, limit: number): HostError {
  return new HostError("too-large", msg("xlsx.zip.packageTooLarge", { mb: mib(bytes), limit: mib(limit) }));
}

export function tooManyItemsError(part: string, limit: number): HostError {
  return new HostError("too-large", msg("xlsx.zip.tooManyItems", { part: text(part), limit: count(limit) }));
}

export function sizeLieError(part: string, declared: number): HostError {
  return new HostError("corrupt", msg("xlsx.zip.sizeLie", { part: text(part), bytes: count(declared) }));
}

/** The number of "<" in `text`, stopping once it passes `limit` (an upper bound on its tags, no allocation). */
export function markupItemsOver(text: string, limit: number): boolean {
  let n = 0;
  for (let i = text.indexOf("<"); i >= 0; i = text.indexOf("<", i + 1)) if (++n > limit) return true;
  return false;
}
