/**
 * The package codec of the CLI: Node's zlib (native) instead of fflate for inflating parts and their CRC-32.
 * A 100,000-row sheet part (40 MB of XML) inflates in about 80 ms instead of 450 ms. The bound is the same as
 * the portable codec's (src/xlsx/patch/inflate.ts): zlib stops as soon as the output passes `maxOutputLength`,
 * so a part that lies about its size costs no more than the size it declared.
 */
import * as zlib from "zlib";
import { sizeLieError, type PartCodec } from "../xlsx/patch/inflate";

export const nativeCodec: PartCodec = {
  inflateRaw(data, declared, part) {
    try {
      // One output chunk of the declared size (plus the byte that shows a lie): no chunk list to concatenate.
      const out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(declared, 1), chunkSize: Math.max(64, declared + 1) });
      if (out.length > declared) throw sizeLieError(part, declared);
      return out;
    } catch (e) {
      if (typeof e === "object" && e !== null && "code" in e && e.code === "ERR_BUFFER_TOO_LARGE") throw sizeLieError(part, declared);
      throw e;
    }
  },
  crc32: (data) => zlib.crc32(data),
};
