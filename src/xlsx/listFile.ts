/**
 * A nomenclature list file as offices get it — delimited text (TSV, CSV) or a workbook (the Kepmendagri lampiran,
 * a SIPD "referensi sub kegiatan" export) — read into an import result. One reader for the three places that take
 * a list: `renja catalogue import` / `--catalogue`, the pane's "Muat daftar lain…", and the add-in build's
 * `--env catalogue=FILE`.
 */
import { importList, splitDelimited, type ImportOptions, type ImportResult, type ListRow } from "../domain/nomenclature/importList";
import { cellText, type SheetSnapshot } from "../domain/sheet/snapshot";
import { openXlsxHost } from "./xlsxHost";

/** A zip's local-file signature: a workbook; anything else is taken as delimited text. */
function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * The list in `bytes`. A workbook's sheets are tried in order and the first whose header is a list's header is
 * imported (lampiran workbooks often open with a cover sheet); when none has one, the first sheet's refusal is
 * returned so its message names what is missing.
 */
export async function readListBytes(bytes: Uint8Array, fileName: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const withName = { ...opts, fileName: opts.fileName ?? fileName };
  if (!isZip(bytes)) return importList(splitDelimited(new TextDecoder("utf-8").decode(bytes)), withName);
  const host = await openXlsxHost(bytes, fileName);
  const sheets = await host.readAllSnapshots({ styles: false });
  let first: ImportResult | undefined;
  for (const sheet of sheets) {
    const result = importList(sheetRows(sheet), withName);
    if (result.ok) return result;
    const noHeader = result.errors.length === 1 && result.errors[0].message.key === "list.import.noHeader";
    if (!noHeader) return result;
    first ??= result;
  }
  return first ?? importList([], withName);
}

/** A sheet's rows as a list's lines: the sheet row number is the line number errors name. */
function sheetRows(sheet: SheetSnapshot): ListRow[] {
  const rows: ListRow[] = [];
  for (const r of [...sheet.rows.keys()].sort((a, b) => a - b)) {
    const cells = sheet.rows.get(r);
    const out: string[] = [];
    if (cells) for (const [c, cell] of cells) out[c - 1] = cellText(cell);
    for (let i = 0; i < out.length; i++) out[i] ??= "";
    rows.push({ line: r, cells: out });
  }
  return rows;
}
