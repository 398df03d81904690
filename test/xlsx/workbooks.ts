/** Small workbooks and non-workbook byte strings for the host and CLI tests, built in memory. */
import * as CFB from "cfb";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

export async function xlsxBytes(build: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** An OLE2 compound file holding the named streams (what Office writes for .xls and for encrypted .xlsx). */
export function compoundFile(streams: string[]): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  for (const name of streams) CFB.utils.cfb_add(cfb, `/${name}`, Buffer.from(`content of ${name}`));
  const written: unknown = CFB.write(cfb, { type: "buffer" });
  if (!(written instanceof Uint8Array)) throw new Error("cfb did not return bytes");
  return new Uint8Array(written);
}

export const encryptedXlsxBytes = (): Uint8Array =>
  compoundFile(["\u0006DataSpaces/Version", "EncryptionInfo", "EncryptedPackage"]);

export const legacyXlsBytes = (): Uint8Array => compoundFile(["Workbook", "\u0005SummaryInformation"]);

export const wordDocBytes = (): Uint8Array => compoundFile(["WordDocument", "1Table"]);

export function zipBytes(files: Record<string, string>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(files)) entries[name] = strToU8(text);
  return zipSync(entries);
}

/** A real package whose workbook part is not XML at all: the central directory is fine, the content is not. */
export const garbledXlsxBytes = (): Uint8Array =>
  zipBytes({
    "[Content_Types].xml":
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    "_rels/.rels":
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": "\u0000\u0001 this is < not > xml <<<",
  });

export async function simpleXlsxBytes(): Promise<Uint8Array> {
  return xlsxBytes((wb) => {
    const ws = wb.addWorksheet("Tabel 3.3");
    ws.getCell("A1").value = "Program Penunjang";
    ws.getCell("B1").value = 4765;
  });
}

/**
 * Adds parts to the first sheet's XML right after its cells (merges, data validations): building a whole-column
 * merge or validation through ExcelJS would cost the very time and memory the host avoids.
 */
export function withSheetXmlAfterData(bytes: Uint8Array, fragment: string): Uint8Array {
  const files = unzipSync(bytes);
  const sheet = "xl/worksheets/sheet1.xml";
  files[sheet] = strToU8(strFromU8(files[sheet]).replace("</sheetData>", `</sheetData>${fragment}`));
  return zipSync(files);
}

export function withMergesInXml(bytes: Uint8Array, refs: string[]): Uint8Array {
  return withSheetXmlAfterData(bytes, `<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join("")}</mergeCells>`);
}
