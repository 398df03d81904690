import { HostError } from "../../src/domain/host";
import type { HostErrorCode } from "../../src/domain/host";
import { openXlsxHost } from "../../src/xlsx";
import {
  encryptedXlsxBytes,
  garbledXlsxBytes,
  legacyXlsBytes,
  simpleXlsxBytes,
  wordDocBytes,
  zipBytes,
} from "./workbooks";

async function failure(bytes: Uint8Array): Promise<HostError> {
  const result = await openXlsxHost(bytes, "masukan.xlsx").then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(result instanceof HostError)) throw new Error(`expected a HostError, got ${String(result)}`);
  return result;
}

describe("bad input gets a HostError with a message in both languages", () => {
  const cases: [string, () => Uint8Array | Promise<Uint8Array>, HostErrorCode, RegExp, RegExp][] = [
    ["an empty file", () => new Uint8Array(0), "empty-file", /kosong/, /empty/],
    ["a password-protected workbook", encryptedXlsxBytes, "encrypted", /terenkripsi.*File > Info > Lindungi Buku Kerja/, /encrypted: with a password, or with Excel.s default protection/],
    ["an Excel 97–2003 .xls", legacyXlsBytes, "legacy-xls", /Excel 97–2003.*File > Simpan Sebagai > Buku Kerja Excel \(\*\.xlsx\)/, /File > Save As > Excel Workbook/],
    ["a Word .doc", wordDocBytes, "not-xlsx", /bukan buku kerja Excel/, /not an Excel \.xlsx workbook/],
    ["plain text", () => new TextEncoder().encode("Kode;Uraian;Pagu\n1;a;2\n"), "not-xlsx", /bukan buku kerja Excel/, /not an Excel/],
    ["a PDF", () => new TextEncoder().encode("%PDF-1.7\n..."), "not-xlsx", /dokumen PDF/, /PDF document/],
    ["a zip without a workbook", () => zipBytes({ "notes.txt": "hello" }), "not-xlsx", /arsip zip/, /zip archive/],
    ["an .xlsb", () => zipBytes({ "[Content_Types].xml": "<Types/>", "xl/workbook.bin": "x" }), "not-xlsx", /\.xlsb/, /\.xlsb/],
    ["a package without xl/workbook.xml", () => zipBytes({ "[Content_Types].xml": "<Types/>" }), "corrupt", /rusak/, /damaged/],
    ["an empty zip archive", () => zipBytes({}), "corrupt", /rusak/, /damaged/],
    ["a workbook part that is not XML", garbledXlsxBytes, "corrupt", /rusak/, /damaged/],
    ["a truncated workbook", async () => (await simpleXlsxBytes()).subarray(0, 1200), "corrupt", /terpotong/, /cut short/],
    ["a workbook cut after two bytes", async () => (await simpleXlsxBytes()).subarray(0, 2), "corrupt", /rusak/, /damaged/],
    // as four real files in ../shared/corpus/renja were: read as UTF-8 text and written back, EF BF BD everywhere
    ["a workbook saved as text", async () => new TextEncoder().encode(new TextDecoder().decode(await simpleXlsxBytes())), "corrupt", /rusak/, /damaged/],
  ];

  it.each(cases)("%s", async (_name, make, code, idText, enText) => {
    const error = await failure(await make());
    expect(error.code).toBe(code);
    expect(error.messages.id).toMatch(idText);
    expect(error.messages.en).toMatch(enText);
    expect(error.messages.id).toContain("masukan.xlsx");
    expect(`${error.messages.id} ${error.messages.en}`).not.toMatch(/\n\s+at |Error:|undefined/);
  });

  it("refuses a workbook whose sheet data exceeds the memory budget, and opens it within budget", async () => {
    const bytes = await simpleXlsxBytes();
    const error = await openXlsxHost(bytes, "besar.xlsx", {}, { maxSheetDataBytes: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe("too-large");
    expect((error as HostError).messages.id).toMatch(/besar\.xlsx terlalu besar .*NODE_OPTIONS=--max-old-space-size=8192/);
    await expect(openXlsxHost(bytes, "besar.xlsx", {}, { maxSheetDataBytes: 1_000_000 })).resolves.toBeDefined();
  });

  it("opens a good workbook", async () => {
    const host = await openXlsxHost(await simpleXlsxBytes(), "ok.xlsx");
    expect((await host.listSheets()).map((s) => s.name)).toEqual(["Tabel 3.3"]);
  });
});
