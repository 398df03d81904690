import { HostError } from "../../src/domain/host";
import type { SheetPlan } from "../../src/domain/plan";
import { contentFingerprint, markerFormula, planFingerprint } from "../../src/domain/generatedMarker";
import { characterWidthToPoints } from "../../src/office/sheetPlan";
import { FakeWorkbook, cellWrites } from "./fakeExcel";
import { hostFor } from "./support";

function tabel33Plan(extra: Partial<SheetPlan> = {}): SheetPlan {
  const border = { border: true };
  return {
    type: "sheet",
    title: { id: "Buat Tabel 3.3", en: "Make Table 3.3" },
    table: "tabel-3.3",
    sheetName: "Tabel 3.3 (baru)",
    replaceGenerated: false,
    sourceSheet: "Rumusan Program",
    cells: [
      { row: 1, col: 1, value: "TABEL 3.3", style: { bold: true, horizontal: "center" } },
      { row: 3, col: 1, value: "No", style: { ...border, bold: true, fill: "D9D9D9" } },
      { row: 3, col: 2, value: "Uraian", style: { ...border, bold: true, fill: "D9D9D9" } },
      { row: 3, col: 3, value: "Pagu", style: { ...border, bold: true, fill: "D9D9D9" } },
      { row: 4, col: 1, value: "1", numFmt: "@", style: border },
      { row: 4, col: 2, value: "-", style: { ...border, indent: 1, wrap: true } },
      { row: 4, col: 3, value: 9530000, formula: "SUM(C5:C6)", numFmt: "#,##0", style: border },
      { row: 5, col: 2, value: "=bukan rumus", style: border },
      { row: 5, col: 3, value: 4765000, numFmt: "#,##0", style: border },
      { row: 6, col: 3, value: 4765000, numFmt: "#,##0", style: border },
    ],
    merges: [{ top: 1, left: 1, bottom: 1, right: 3 }],
    columnWidths: [{ col: 2, width: 40 }],
    rowHeights: [{ row: 4, height: 30 }],
    print: { orientation: "landscape", paperSize: 14, fitToWidth: 1, fitToHeight: 0, printTitleRows: [3, 3], footerCenter: "Halaman &P / &N", margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 }, centerHorizontally: true },
    notices: [],
    freezeRows: 3,
    ...extra,
  };
}

describe("Office host: generated sheets", () => {
  it("adds the sheet with values, formulas, text kept as text, formats, merges, borders, widths and print setup", async () => {
    const fake = new FakeWorkbook();
    fake.apiVersion = "1.9";
    fake.addSheet("Rumusan Program", [[1]]);
    const result = await hostFor(fake).applySheetPlan(tabel33Plan());
    const s = fake.sheet("Tabel 3.3 (baru)");
    // ExcelApi 1.9: below 1.20 the user is told the change clears Excel's undo history.
    expect(result).toMatchObject({ sheetName: "Tabel 3.3 (baru)", sheetId: s.id, replaced: false });
    expect(result.notices.map((n) => n.en)).toEqual(["In this Excel version a change made by an add-in clears the Undo history (Ctrl+Z): earlier steps can no longer be undone."]);
    expect(fake.cell("Tabel 3.3 (baru)", "A4")).toMatchObject({ value: "1", numFmt: "@" });
    expect(fake.cell("Tabel 3.3 (baru)", "B4")).toMatchObject({ value: "-", numFmt: "@", indent: 1, wrap: true });
    expect(fake.cell("Tabel 3.3 (baru)", "B5")).toMatchObject({ value: "=bukan rumus", numFmt: "@" });
    expect(fake.cell("Tabel 3.3 (baru)", "C4")).toMatchObject({ formula: "SUM(C5:C6)", numFmt: "#,##0" });
    expect(fake.cell("Tabel 3.3 (baru)", "C5")).toMatchObject({ value: 4765000, numFmt: "#,##0" });
    expect(fake.cell("Tabel 3.3 (baru)", "A3")).toMatchObject({ bold: true, fill: { color: "#D9D9D9", pattern: "Solid" } });
    expect(fake.cell("Tabel 3.3 (baru)", "C3")?.borders).toMatchObject({ "EdgeTop.style": "Continuous", "EdgeTop.weight": "Thin" });
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
    expect(s.columnWidths.get(2)).toBe(characterWidthToPoints(40));
    expect(s.rowHeights.get(4)).toBe(30);
    expect(s.frozenRows).toBe(3);
    expect(s.layout).toMatchObject({ orientation: "Landscape", paperSize: "Folio", printTitleRows: "$3:$3", "footer.centerFooter": "Halaman &P / &N", leftMargin: 28.8 });
    // The marker holds the sheet's own id and the fingerprint of the cells written (src/domain/generatedMarker.ts).
    expect(s.names.get("RenjaCermat_Generated")).toBe(markerFormula("tabel-3.3", s.id, planFingerprint(tabel33Plan())));
    expect(cellWrites(fake).filter((w) => w.sheet === "Rumusan Program")).toEqual([]);
  });

  it("skips page layout below ExcelApi 1.9 and says so", async () => {
    const fake = new FakeWorkbook();
    fake.apiVersion = "1.8";
    const result = await hostFor(fake).applySheetPlan(tabel33Plan());
    expect(result.notices.map((n) => n.en)).toEqual([
      "Print setup (paper, orientation, repeated titles) cannot be set in this Excel version; set it under Page Layout.",
      "In this Excel version a change made by an add-in clears the Undo history (Ctrl+Z): earlier steps can no longer be undone.",
    ]);
    expect(fake.sheet("Tabel 3.3 (baru)").layout).toEqual({});
  });

  it("says nothing of the undo history on ExcelApi 1.20, where the command is one undo group", async () => {
    const fake = new FakeWorkbook();
    fake.apiVersion = "1.20";
    fake.addSheet("Rumusan Program", [[1]]);
    const result = await hostFor(fake).applySheetPlan(tabel33Plan());
    expect(result.notices).toEqual([]);
    expect(fake.runs).toEqual([{ mergeUndoGroup: true }]);
  });

  it("rewrites a sheet it generated before (never deleting it) and refuses a sheet it did not generate", async () => {
    const fake = new FakeWorkbook();
    fake.apiVersion = "1.9";
    const host = hostFor(fake);
    await host.applySheetPlan(tabel33Plan());
    const id = fake.sheet("Tabel 3.3 (baru)").id;
    const again = await host.applySheetPlan(tabel33Plan({ replaceGenerated: true, cells: [{ row: 1, col: 1, value: "TABEL 3.3 (ulang)" }], merges: [] }));
    expect(again.replaced).toBe(true);
    expect(fake.sheet("Tabel 3.3 (baru)").id).toBe(id);
    expect(fake.cell("Tabel 3.3 (baru)", "A1")?.value).toBe("TABEL 3.3 (ulang)");
    expect(fake.cell("Tabel 3.3 (baru)", "C5")).toBeUndefined();
    expect(fake.sheet("Tabel 3.3 (baru)").merges).toEqual([]);

    const notOurs = new FakeWorkbook();
    notOurs.addSheet("Tabel 3.3 (baru)", [["milik pengguna"]]);
    const e = await hostFor(notOurs).applySheetPlan(tabel33Plan({ replaceGenerated: true })).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HostError);
    expect((e as HostError).messages.id).toContain("bukan buatan Renja Cermat");
    expect(cellWrites(notOurs)).toEqual([]);
  });

  it("refuses an existing generated sheet without the user's confirmation", async () => {
    const fake = new FakeWorkbook();
    const host = hostFor(fake);
    await host.applySheetPlan(tabel33Plan());
    const writes = fake.writes.length;
    const e = (await host.applySheetPlan(tabel33Plan()).catch((x: unknown) => x)) as HostError;
    expect(e.messages.en).toContain("already exists");
    expect(fake.writes.length).toBe(writes);
  });
});

describe("Office host: generated sheets, markers and protection", () => {
  it("lists the sheets it generated, including one marked by the .xlsx writer (its sheetId, its cells)", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("Rumusan Program", [[1]]);
    // As the CLI leaves it: the marker holds workbook.xml's sheetId, which Excel's worksheet id cannot be
    // compared with, so the cells decide.
    fake.addSheet("Dari CLI", [["x"]]).names.set("RenjaCermat_Generated", markerFormula("tabel-2.1", "3", contentFingerprint([{ row: 1, col: 1, value: "x" }])));
    fake.addSheet("Lama", [["y"]]).names.set("RenjaCermat_Generated", '="tabel-2.1"');
    const host = hostFor(fake);
    await host.applySheetPlan(tabel33Plan());
    expect(await host.generatedSheetNames()).toEqual(["Dari CLI", "Tabel 3.3 (baru)"]);
    const again = await host.applySheetPlan(tabel33Plan({ sheetName: "Dari CLI", replaceGenerated: true }));
    expect(again.replaced).toBe(true);
    const fromCli = fake.sheet("Dari CLI");
    expect(fromCli.names.get("RenjaCermat_Generated")).toBe(markerFormula("tabel-3.3", fromCli.id, planFingerprint(tabel33Plan())));
    // An old marker (no id, no fingerprint) cannot tell a copy from the original: the sheet is left alone.
    const old = (await host.applySheetPlan(tabel33Plan({ sheetName: "Lama", replaceGenerated: true })).catch((x: unknown) => x)) as HostError;
    expect(old.messages.en).toContain("old Renja Cermat marker");
    expect(fake.cell("Lama", "A1")?.value).toBe("y");
  });

  it("never clears a copy of its sheet (another id) or a sheet edited since; still rewrites its own", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("Rumusan Program", [[1]]);
    const host = hostFor(fake);
    await host.applySheetPlan(tabel33Plan());
    const original = fake.sheet("Tabel 3.3 (baru)");
    // Excel's "Create a copy": same cells, the sheet-scoped name copied with its value, a new worksheet id.
    const copy = fake.addSheet("Salinan");
    for (const [r, row] of original.cells) copy.cells.set(r, new Map([...row].map(([c, cell]) => [c, { ...cell }])));
    copy.names.set("RenjaCermat_Generated", original.names.get("RenjaCermat_Generated") ?? "");
    const writes = cellWrites(fake).length;
    const e = (await host.applySheetPlan(tabel33Plan({ sheetName: "Salinan", replaceGenerated: true })).catch((x: unknown) => x)) as HostError;
    expect(e).toBeInstanceOf(HostError);
    expect(e.messages.id).toContain("ikut tersalin dari lembar lain");
    expect(cellWrites(fake).length).toBe(writes);
    expect(await host.generatedSheetNames()).toEqual(["Tabel 3.3 (baru)"]);

    // The user types into the generated sheet: it is theirs now.
    original.cells.set(9, new Map([...(original.cells.get(9) ?? []), [5, { value: "catatan saya" }]]));
    const edited = (await host.applySheetPlan(tabel33Plan({ replaceGenerated: true })).catch((x: unknown) => x)) as HostError;
    expect(edited.messages.en).toContain("its content was changed since");
    expect(fake.cell("Tabel 3.3 (baru)", "E9")?.value).toBe("catatan saya");
    expect(await host.generatedSheetNames()).toEqual([]);
  });

  it("refuses to rewrite a generated sheet the user protected since, writing nothing", async () => {
    const fake = new FakeWorkbook();
    const host = hostFor(fake);
    await host.applySheetPlan(tabel33Plan());
    fake.sheet("Tabel 3.3 (baru)").protected = true;
    const writes = fake.writes.length;
    const e = (await host.applySheetPlan(tabel33Plan({ replaceGenerated: true })).catch((x: unknown) => x)) as HostError;
    expect(e.code).toBe("protected");
    expect(fake.writes.length).toBe(writes);
  });
});

describe("Office host: Batalkan after Buat Tabel", () => {
  it("empties the sheet it made (cells, formats, merges) and keeps it, marked as its own, so the next Buat Tabel rewrites it", async () => {
    const fake = new FakeWorkbook();
    fake.apiVersion = "1.20";
    fake.addSheet("Rumusan Program", [[1]]);
    const host = hostFor(fake);
    const made = await host.applySheetPlan(tabel33Plan());
    expect(made.undo).toMatchObject({ type: "sheet", sheetName: "Tabel 3.3 (baru)", sheetId: made.sheetId, replaced: false, title: { id: "Tabel 3.3 di lembar baru 'Tabel 3.3 (baru)'" } });
    const result = await host.undoSheet(made.undo);
    const s = fake.sheet("Tabel 3.3 (baru)");
    expect([...s.cells.values()].every((line) => line.size === 0)).toBe(true);
    expect(s.merges).toEqual([]);
    expect(fake.cell("Rumusan Program", "A1")?.value).toBe(1);
    // Excel keeps the empty sheet, and the notice says so (Excel cannot undo deleting a sheet).
    expect(result.notices.map((n) => n.id)).toEqual(["Lembar 'Tabel 3.3 (baru)' dikosongkan; Excel tetap menyimpan lembar kosong itu. Hapus lembarnya (klik kanan tab lembar > Hapus) bila tidak diperlukan."]);
    expect(await host.generatedSheetNames()).toEqual(["Tabel 3.3 (baru)"]);
    const again = await host.applySheetPlan(tabel33Plan({ replaceGenerated: true }));
    expect(again.replaced).toBe(true);
    expect(fake.cell("Tabel 3.3 (baru)", "C5")).toMatchObject({ value: 4765000 });
    // Taking back this rewrite: what the sheet held before it was the emptied sheet, so it is emptied again.
    expect((await host.undoSheet(again.undo)).notices.map((n) => n.en)).toEqual(["Sheet 'Tabel 3.3 (baru)' was emptied; Excel keeps the empty sheet. Delete it (right-click the sheet tab > Delete) if you do not need it."]);
    expect(fake.cell("Tabel 3.3 (baru)", "C5")).toBeUndefined();
  });

  it("taking back a rewrite writes back the table the sheet held before (made in this session); from another session it empties it and says so", async () => {
    const fake = new FakeWorkbook();
    fake.apiVersion = "1.20";
    fake.addSheet("Rumusan Program", [[1]]);
    const host = hostFor(fake);
    const first = await host.applySheetPlan(tabel33Plan());
    const s = fake.sheet("Tabel 3.3 (baru)");
    const marker = s.names.get("RenjaCermat_Generated");
    const rewrite = await host.applySheetPlan(tabel33Plan({ replaceGenerated: true, cells: [{ row: 1, col: 1, value: "TABEL 3.3 (ulang)" }], merges: [] }));
    expect(rewrite.undo).toMatchObject({ replaced: true, title: { id: "Tabel 3.3 yang ditulis ulang di lembar 'Tabel 3.3 (baru)'" } });
    expect((await host.undoSheet(rewrite.undo)).notices).toEqual([]);
    expect(fake.cell("Tabel 3.3 (baru)", "A1")?.value).toBe("TABEL 3.3");
    expect(fake.cell("Tabel 3.3 (baru)", "C5")).toMatchObject({ value: 4765000, numFmt: "#,##0" });
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
    expect(s.names.get("RenjaCermat_Generated")).toBe(marker);
    // The first table's record still holds: the sheet is as it wrote it.
    await host.undoSheet(first.undo);
    expect(fake.cell("Tabel 3.3 (baru)", "A1")).toBeUndefined();

    // The pane reopened (a new host): it never saw the earlier table, so a rewrite it made is emptied when taken back.
    await host.applySheetPlan(tabel33Plan({ replaceGenerated: true }));
    const reopened = hostFor(fake);
    const again = await reopened.applySheetPlan(tabel33Plan({ replaceGenerated: true, cells: [{ row: 1, col: 1, value: "TABEL 3.3 (ulang)" }], merges: [] }));
    const back = await reopened.undoSheet(again.undo);
    expect(back.notices[0].en).toContain("What sheet 'Tabel 3.3 (baru)' held before it was rewritten is not kept by this pane");
    expect(fake.cell("Tabel 3.3 (baru)", "A1")).toBeUndefined();
  });

  it("never empties a sheet the user changed since; one renamed (cells as written) is found by its id and emptied", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("Rumusan Program", [[1]]);
    const host = hostFor(fake);
    const made = await host.applySheetPlan(tabel33Plan());
    const s = fake.sheet("Tabel 3.3 (baru)");
    s.cells.set(9, new Map([[5, { value: "catatan saya" }]]));
    const writes = cellWrites(fake).length;
    const e = (await host.undoSheet(made.undo).catch((x: unknown) => x)) as HostError;
    expect(e).toBeInstanceOf(HostError);
    expect(e.code).toBe("changed-since-read");
    expect(e.messages.id).toContain("tidak dikosongkan");
    expect(cellWrites(fake).length).toBe(writes);
    expect(fake.cell("Tabel 3.3 (baru)", "E9")?.value).toBe("catatan saya");
    expect(fake.cell("Tabel 3.3 (baru)", "C5")).toMatchObject({ value: 4765000 });

    // The edit taken away again (the cells as written), the sheet renamed: found by its id and emptied.
    s.cells.delete(9);
    s.name = "Tabel saya";
    await host.undoSheet(made.undo);
    expect(fake.cell("Tabel saya", "C5")).toBeUndefined();
  });

  it("a sheet the user deleted is left as it is, and the notice says nothing was left to undo", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("Rumusan Program", [[1]]);
    const host = hostFor(fake);
    const made = await host.applySheetPlan(tabel33Plan());
    fake.sheets.splice(fake.sheets.findIndex((x) => x.name === "Tabel 3.3 (baru)"), 1);
    const result = await host.undoSheet(made.undo);
    expect(result.notices[0].en).toBe("Sheet 'Tabel 3.3 (baru)' no longer exists; nothing was left to undo.");
  });
});
