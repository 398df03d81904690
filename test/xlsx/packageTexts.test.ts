/**
 * The package layer's texts (sniffing, the zip and XML layer, the snapshot reader, the patcher, the host contract's
 * refusals, the Office host's sheet writer) come from the catalogue. Most are reached only by damaged files or by
 * Excel: pinned here in both languages as they were written before they moved, so the Indonesian stays as it was
 * and the English differs only where it was wrong (a count grouped the Indonesian way, "1 cells").
 */
import { refusals, SIGNED_WORKBOOK_WARNING, type WorkbookNow } from "../../src/domain/host";
import { count, list, msg, nested, render, renderAll, text, type MessageRef } from "../../src/domain/messages";
import type { CellContent, PlannedCell } from "../../src/domain/plan";
import { damagedPartHostError, DamagedPartError } from "../../src/xlsx/packageSnapshots";
import { packageTooLargeError, partTooLargeError, sizeLieError, tooManyItemsError } from "../../src/xlsx/patch/inflate";
import { readZip } from "../../src/xlsx/patch/zip";
import { scanTags, unescapeXml, XmlError } from "../../src/xlsx/patch/xml";
import { sniffWorkbookBytes } from "../../src/xlsx/sniff";
import { zipSync } from "fflate";

const both = (m: MessageRef) => renderAll(m);

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (e) {
    if (e instanceof Error) return e;
  }
  throw new Error("expected an error");
}

const cellAt = (sheet: string, cell: string, row: number, col: number, before: CellContent = { value: 1 }): PlannedCell => ({
  sheet,
  cell,
  row,
  col,
  before,
  after: { value: 2 },
  reason: { id: "-", en: "-" },
});

const unchanged = (cells: readonly PlannedCell[], extra: Partial<WorkbookNow> = {}): WorkbookNow => ({
  cells: cells.map((c) => ({ content: c.before })),
  protectedSheets: new Set(),
  ...extra,
});

describe("the host contract's refusals", () => {
  it("name the cell written twice", () => {
    const cells = [cellAt("Tabel 3.3", "F12", 12, 6), cellAt("tabel 3.3", "F12", 12, 6)];
    expect(refusals({ cells }, unchanged(cells))?.messages).toEqual({
      id: "Rencana penulisan mengubah 'tabel 3.3'!F12 dua kali; tidak ada yang ditulis. Mohon laporkan berkasnya.",
      en: "The plan writes 'tabel 3.3'!F12 twice; nothing was written. Please report the file.",
    });
  });

  it("name every protected sheet", () => {
    const cells = [cellAt("A", "A1", 1, 1), cellAt("B", "A1", 1, 1)];
    expect(refusals({ cells }, unchanged(cells, { protectedSheets: new Set(["A", "B"]) }))?.messages).toEqual({
      id: "Lembar 'A', 'B' diproteksi. Buka proteksinya (Tinjau > Buka Proteksi Lembar) lalu jalankan lagi. Tidak ada yang ditulis.",
      en: "Sheet 'A', 'B' is protected. Unprotect it (Review > Unprotect Sheet) and run again. Nothing was written.",
    });
  });

  it("name the cells inside a merged area with the area", () => {
    const cells = [cellAt("S", "B2", 2, 2)];
    const now = { cells: [{ content: { value: 1 }, merge: { top: 1, left: 1, bottom: 2, right: 3 } }], protectedSheets: new Set<string>() };
    expect(refusals({ cells }, now)?.messages).toEqual({
      id: "Sel berikut berada di dalam sel gabungan tetapi bukan sel kiri-atasnya, sehingga tidak dapat diisi: 'S'!B2 (A1:C2). Tidak ada yang ditulis.",
      en: "These cells lie inside merged cells but are not their top-left cell, so they cannot be filled: 'S'!B2 (A1:C2). Nothing was written.",
    });
  });

  it("list twelve changed cells and count the rest", () => {
    const cells = Array.from({ length: 14 }, (_, i) => cellAt("S", `A${i + 1}`, i + 1, 1));
    const now = { cells: cells.map(() => ({ content: { value: 9 } })), protectedSheets: new Set<string>() };
    const shown = cells.slice(0, 12).map((c) => `'S'!${c.cell}`).join(", ");
    expect(refusals({ cells }, now)?.messages).toEqual({
      id: `Sel berikut berubah sejak dibaca: ${shown} dan 2 sel lainnya. Tidak ada yang ditulis. Jalankan pemeriksaan lagi.`,
      en: `These cells changed since they were read: ${shown} and 2 more. Nothing was written. Run the check again.`,
    });
  });

  it("list the cells of an array formula", () => {
    const cells = [cellAt("S", "C3", 3, 3), cellAt("S", "C4", 4, 3)];
    const now = { cells: cells.map((c) => ({ content: c.before, inArray: true })), protectedSheets: new Set<string>() };
    expect(refusals({ cells }, now)?.messages).toEqual({
      id: "Sel berikut adalah bagian dari rumus array dan tidak dapat diubah sendiri-sendiri: 'S'!C3, 'S'!C4. Tidak ada yang ditulis.",
      en: "These cells are part of an array formula and cannot be changed one by one: 'S'!C3, 'S'!C4. Nothing was written.",
    });
  });

  it("the signed-workbook warning", () => {
    expect(renderAll(SIGNED_WORKBOOK_WARNING)).toEqual({
      id: "Peringatan: buku kerja ini ditandatangani secara digital. Salinan yang ditulis tidak lagi membawa tanda tangan yang sah; minta penanda tangan menandatanganinya lagi bila perlu.",
      en: "Warning: this workbook is digitally signed. The copy written no longer carries a valid signature; ask the signer to sign it again if needed.",
    });
  });
});

describe("file sniffing says what the file is instead", () => {
  it.each([
    ["%PDF-1.7\n", "dokumen PDF", "a PDF document"],
    ["<html><body>", "halaman HTML", "an HTML page"],
    ['<?xml version="1.0"?><a/>', "berkas XML", "an XML file"],
  ])("%s", (head, id, en) => {
    const e = thrown(() => sniffWorkbookBytes(new TextEncoder().encode(head), "x.xlsx")) as Error & { messages: { id: string; en: string } };
    expect(e.messages.id).toBe(`Berkas x.xlsx bukan buku kerja Excel .xlsx (${id}). Buka berkas di Excel, pilih File > Simpan Sebagai > Buku Kerja Excel (*.xlsx), lalu coba lagi.`);
    expect(e.messages.en).toBe(`The file x.xlsx is not an Excel .xlsx workbook (${en}). Open it in Excel, choose File > Save As > Excel Workbook (*.xlsx), and try again.`);
  });

  it("a plain zip archive", () => {
    const e = thrown(() => sniffWorkbookBytes(zipSync({ "a.txt": new Uint8Array([65]) }), "x.xlsx")) as Error & { messages: { id: string } };
    expect(e.messages.id).toContain("(arsip zip biasa)");
  });
});

describe("the zip layer", () => {
  it("refuses bytes that are no ZIP archive", () => {
    const e = thrown(() => readZip(new Uint8Array(40))) as Error & { messages: { id: string; en: string } };
    expect(e.messages).toEqual({ id: "Berkas ini bukan buku kerja .xlsx (bukan arsip ZIP).", en: "This file is not an .xlsx workbook (not a ZIP archive)." });
  });

  it("says sizes in megabytes and counts the language's way", () => {
    const mb = 2 ** 20;
    expect(partTooLargeError("xl/worksheets/sheet1.xml", 2048 * mb, 1024 * mb).messages).toEqual({
      id: "Berkas .xlsx ini tidak dibaca: bagian xl/worksheets/sheet1.xml berukuran 2.048 MB setelah dibuka (batasnya 1.024 MB per bagian). Buku kerja Renja tidak sebesar itu; bila berkasnya memang asli, pisahkan lembar-lembarnya ke beberapa berkas.",
      // English groups the English way (it read "2.048 MB" before).
      en: "This .xlsx file is not read: its part xl/worksheets/sheet1.xml is 2,048 MB once unpacked (the limit is 1,024 MB per part). A Renja workbook is never that large; if the file is genuine, split its sheets over several files.",
    });
    expect(packageTooLargeError(3000 * mb, 2048 * mb).messages).toEqual({
      id: "Berkas .xlsx ini tidak dibaca: bagian-bagiannya berukuran lebih dari 3.000 MB setelah dibuka (batasnya 2.048 MB). Pisahkan lembar-lembarnya ke beberapa berkas.",
      en: "This .xlsx file is not read: its parts come to more than 3,000 MB once unpacked (the limit is 2,048 MB). Split its sheets over several files.",
    });
    expect(tooManyItemsError("xl/styles.xml", 2_000_000).messages).toEqual({
      id: "Berkas .xlsx ini tidak dibaca: bagian xl/styles.xml memuat lebih dari 2.000.000 unsur XML (batasnya 2.000.000). Buku kerja Renja tidak memerlukan sebanyak itu; buka di Excel, simpan ulang, lalu coba lagi.",
      en: "This .xlsx file is not read: its part xl/styles.xml holds more than 2,000,000 XML items (the limit). A Renja workbook never needs that many; open it in Excel, save it again, and try again.",
    });
    expect(sizeLieError("xl/workbook.xml", 12345).messages).toEqual({
      id: "Berkas .xlsx rusak: bagian xl/workbook.xml berisi lebih dari 12.345 bita yang tercatat di arsip ZIP. Pembacaan dihentikan; tidak ada yang ditulis.",
      en: "The .xlsx file is damaged: its part xl/workbook.xml holds more than the 12,345 bytes the ZIP archive records. Reading stopped; nothing was written.",
    });
  });
});

describe("why a part cannot be read", () => {
  const reason = (xml: string) => (thrown(() => scanTags(xml)) as XmlError).reason;

  it.each([
    ["<a>", "<a> tidak pernah ditutup; bagian ini terpotong", "<a> is never closed; the part is cut short"],
    ["<a></b>", "</b> menutup <a>", "</b> closes <a>"],
    ["<a/><b/>", "elemen akar kedua <b>", "a second root element <b>"],
    ["<a><!-- x", "berakhir di dalam komentar; bagian ini terpotong", "it ends inside a comment; the part is cut short"],
    ["<!DOCTYPE a><a/>", "memuat DTD (<!DOCTYPE>), yang tidak boleh ada di bagian .xlsx", "it carries a DTD (<!DOCTYPE>), which an .xlsx part may not"],
    ["<x:a/>", "awalan x: tidak dideklarasikan", "the prefix x: is not declared"],
    ["<a>< b/></a>", 'ada "<" tanpa nama elemen (posisi 3)', 'a "<" without an element name (offset 3)'],
  ])("%s", (xml, id, en) => {
    expect(renderAll(reason(xml))).toEqual({ id, en });
  });

  it("an unknown entity, and the host error naming the file, the part and the cell", () => {
    const entity = (thrown(() => unescapeXml("&nbsp;")) as XmlError).reason;
    expect(renderAll(entity)).toEqual({ id: "entitas &nbsp; tidak dikenal (entitas tidak pernah diperluas)", en: "the entity &nbsp; is unknown (entities are never expanded)" });
    const e = damagedPartHostError("rencana.xlsx", new DamagedPartError("xl/worksheets/sheet1.xml", msg("xlsx.part.atCell", { cell: { kind: "cell", value: "F12" }, reason: nested(entity) })));
    expect(e.messages).toEqual({
      id: "Berkas rencana.xlsx rusak: bagian xl/worksheets/sheet1.xml tidak dapat dibaca (sel F12: entitas &nbsp; tidak dikenal (entitas tidak pernah diperluas)). Buka berkasnya di Excel atau LibreOffice, simpan ulang sebagai .xlsx, lalu coba lagi. Tidak ada yang ditulis.",
      en: "The file rencana.xlsx is damaged: its part xl/worksheets/sheet1.xml cannot be read (cell F12: the entity &nbsp; is unknown (entities are never expanded)). Open it in Excel or LibreOffice, save it again as .xlsx, and try again. Nothing was written.",
    });
    // The exception's own message stays the English text (logs, and readers that embed it as a detail).
    expect(new XmlError(entity).message).toBe("the entity &nbsp; is unknown (entities are never expanded)");
  });
});

describe("the Office host's texts", () => {
  // Reached only in Excel (a failing read, the sheet writer's refusals): their templates with the values the code passes.
  it.each([
    [msg("office.readTooLarge", { cells: count(2416) }), "Excel tidak mengembalikan isi 2.416 sel dalam satu pembacaan. Pilih lembar yang lebih kecil, lalu coba lagi.", "Excel did not return the contents of 2,416 cells in one read. Choose a smaller sheet, and try again."],
    [msg("office.tooManyMerges", {}), "Excel tidak dapat menyebutkan sel gabungan lembar ini (lebih dari 512 dalam satu baris). Pisahkan sebagian sel gabungan, lalu coba lagi.", "Excel could not list this sheet's merged cells (more than 512 in one row). Unmerge some of them, and try again."],
    [msg("office.sheetNotEmptied", { why: nested(msg("office.sheetChanged", { sheet: text("Tabel 3.3") })) }), "Lembar 'Tabel 3.3' sudah diubah sejak tabel dibuat. Lembar itu tidak dikosongkan; tidak ada yang diubah.", "Sheet 'Tabel 3.3' was changed since the table was made. The sheet was not emptied; nothing was changed."],
    [msg("office.sheetExistsOwn", { sheet: text("T") }), 'Lembar \'T\' sudah ada (dibuat sebelumnya oleh Renja Cermat). Pilih "Timpa" untuk menulis ulang isinya, atau beri nama lain.', 'Sheet \'T\' already exists (made earlier by Renja Cermat). Choose "Replace" to rewrite it, or pick another name.'],
    [msg("office.noPageLayout", {}), "Pengaturan cetak (kertas, orientasi, judul berulang) tidak dapat diatur di versi Excel ini; atur lewat Tata Letak Halaman.", "Print setup (paper, orientation, repeated titles) cannot be set in this Excel version; set it under Page Layout."],
  ])("%#", (m, id, en) => {
    expect(both(m)).toEqual({ id, en });
  });

  it("the highlight notice counts in each language, one cell in the singular in English", () => {
    const notice = msg("office.highlightMarked", {
      marked: count(1),
      unmarked: list([msg("office.highlightOverCap", { n: count(1), cap: count(10000) }), msg("office.highlightGradients", { n: count(1) })], ";"),
    });
    expect(render(notice, "id")).toBe("1 sel ditandai; 1 sel lainnya tidak ditandai (paling banyak 10.000 sel sekaligus); 1 sel berisian gradasi tidak ditandai (isiannya tidak dapat dikembalikan).");
    // It read "1 cells marked; 1 more cells were not marked …; 1 cells with a gradient fill were not marked (their fill …)".
    expect(render(notice, "en")).toBe("1 cell marked; 1 more cell was not marked (at most 10,000 at a time); 1 cell with a gradient fill was not marked (its fill could not be put back).");
  });
});
