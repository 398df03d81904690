/**
 * The CLI's package codec (Node's zlib) against the portable one (fflate): the same content, the same CRC-32,
 * the same refusal of a part whose content passes the size the archive declares.
 */
import { deflateSync } from "fflate";
import { HostError } from "../../src/domain/host";
import { nativeCodec } from "../../src/cli/nativeCodec";
import { FFLATE_CODEC } from "../../src/xlsx/patch/zip";

const text = new TextEncoder().encode('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'.repeat(5000) + "Rp 4.990.894.675 — akhir");
const deflated = deflateSync(text);

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    return e instanceof HostError ? `${e.code}: ${e.messages.en}` : `other: ${e instanceof Error ? e.constructor.name : typeof e}`;
  }
  return "accepted";
}

describe("nativeCodec", () => {
  it("inflates to the same bytes and computes the same CRC-32 as the portable codec", () => {
    const native = nativeCodec.inflateRaw(deflated, text.length, "xl/worksheets/sheet1.xml");
    const portable = FFLATE_CODEC.inflateRaw(deflated, text.length, "xl/worksheets/sheet1.xml");
    expect(Buffer.from(native).equals(Buffer.from(text))).toBe(true);
    expect(Buffer.from(portable).equals(Buffer.from(native))).toBe(true);
    expect(nativeCodec.crc32(text)).toBe(FFLATE_CODEC.crc32(text));
    expect(nativeCodec.crc32(new Uint8Array(0))).toBe(FFLATE_CODEC.crc32(new Uint8Array(0)));
  });

  it("refuses a part that holds more than it declares, with the portable codec's message", () => {
    for (const declared of [0, 1, 1000, text.length - 1]) {
      const native = refusal(() => nativeCodec.inflateRaw(deflated, declared, "xl/worksheets/sheet1.xml"));
      expect(native).toMatch(/^corrupt: .*holds more than/);
      expect(native).toBe(refusal(() => FFLATE_CODEC.inflateRaw(deflated, declared, "xl/worksheets/sheet1.xml")));
    }
  });

  it("gives what there is when the part declares more than it holds (the CRC-32 check then decides)", () => {
    expect(nativeCodec.inflateRaw(deflated, text.length + 10, "p").length).toBe(text.length);
  });

  it("throws on damaged deflate data, as the portable codec does", () => {
    const damaged = deflated.slice(0, Math.floor(deflated.length / 2));
    expect(refusal(() => nativeCodec.inflateRaw(damaged, text.length, "p"))).toMatch(/^other/);
    expect(refusal(() => FFLATE_CODEC.inflateRaw(damaged, text.length, "p"))).toMatch(/^other/);
  });
});
