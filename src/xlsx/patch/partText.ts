/**
 * The text of a part that is going to be edited, decoded so that encoding it again gives back its exact bytes.
 *
 * A part holding bytes that are not UTF-8 (a damaged file, or one written by a tool that mixes encodings) would
 * lose them to U+FFFD through TextDecoder, so a patch of one cell of a sheet would rewrite every other cell that
 * held such bytes (issue 17: nothing outside the plan changes). Each byte that is not part of a valid UTF-8
 * sequence decodes instead to the lone low surrogate U+DC00 + byte (0x80–0xFF: U+DC80–U+DCFF, as Python's
 * "surrogateescape"), which no valid UTF-8 decodes to; `encodePart` turns each such surrogate back into its
 * byte. Text the readers show never carries them (they read through TextDecoder), and text the patcher writes
 * never produces one: encodeXstring writes a lone surrogate as `_xDC80_`.
 */
import { concatBytes } from "../bytes";

const strict = new TextDecoder("utf-8", { fatal: true });
const encoder = new TextEncoder();

/** The part's text; bytes that are not UTF-8 kept as U+DC80–U+DCFF. */
export function decodePartExact(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes);
  } catch {
    // Damaged bytes only: decode valid runs with the fast decoder, escape each byte that breaks a sequence.
  }
  const out: string[] = [];
  let runStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const n = validSequenceLength(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    if (runStart < i) out.push(strict.decode(bytes.subarray(runStart, i)));
    out.push(String.fromCharCode(0xdc00 + bytes[i]));
    i += 1;
    runStart = i;
  }
  if (runStart < bytes.length) out.push(strict.decode(bytes.subarray(runStart)));
  return out.join("");
}

/** Length of the well-formed UTF-8 sequence at `i` (RFC 3629 table), 0 when the byte there starts none. */
function validSequenceLength(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k] >= lo && b[i + k] <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (c === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (c === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xf1 && c <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** A lone U+DC80–U+DCFF (not the second half of a pair): a byte `decodePartExact` kept. */
const KEPT_BYTE = /(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/g;

/** The UTF-8 bytes of an edited part, each kept byte written back as it was. */
export function encodePart(text: string): Uint8Array {
  if (text.search(KEPT_BYTE) < 0) return encoder.encode(text);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const m of text.matchAll(KEPT_BYTE)) {
    const at = m.index ?? 0;
    pieces.push(encoder.encode(text.slice(from, at)), Uint8Array.of(text.charCodeAt(at) - 0xdc00));
    from = at + 1;
  }
  pieces.push(encoder.encode(text.slice(from)));
  return concatBytes(pieces);
}

/** Text as a reader shows it: every kept byte becomes U+FFFD, as TextDecoder would have decoded it. */
export function asReadText(text: string): string {
  return text.replace(KEPT_BYTE, "\uFFFD");
}
