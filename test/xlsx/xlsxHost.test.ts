import { HostError } from "../../src/domain/host";
import type { MappingOverrides } from "../../src/domain/mapping/types";
import { cellAt } from "../../src/domain/sheet/snapshot";
import type { SheetSnapshot } from "../../src/domain/sheet/snapshot";
import { openXlsxHost } from "../../src/xlsx";
import { expectSameAsReference } from "./referenceReader";
import { withMergesInXml, withSheetXmlAfterData, xlsxBytes } from "./workbooks";

/** Every workbook built here is also read by the ExcelJS-based reference reader, which must agree cell by cell. */
async function openChecked(bytes: Uint8Array, fileName = "test.xlsx") {
  await expectSameAsReference(bytes, fileName);
  return openXlsxHost(bytes, fileName);
}

async function onlySheet(bytes: Uint8Array, styles = true): Promise<SheetSnapshot> {
  const host = await openChecked(bytes);
  const [ref] = await host.listSheets();
  return host.readSnapshot(ref, { styles });
}

describe("openXlsxHost / readSnapshot", () => {
  it("keeps text that looks like a number apart from a number", async () => {
    const s = await onlySheet(
      await xlsxBytes((wb) => {
        const ws = wb.addWorksheet("S");
        ws.getCell("A1").value = "4765";
        ws.getCell("B1").value = 4765;
        ws.getCell("C1").value = "4.765,000";
        ws.getCell("D1").value = true;
        ws.getCell("E1").value = 68050.5;
      }),
    );
    expect(cellAt(s, 1, 1)).toEqual({ value: "4765" });
    expect(cellAt(s, 1, 2)).toEqual({ value: 4765 });
    expect(cellAt(s, 1, 3)).toEqual({ value: "4.765,000" });
    expect(cellAt(s, 1, 4)).toEqual({ value: true });
    expect(cellAt(s, 1, 5)).toEqual({ value: 68050.5 });
  });

  it("reads formulas without '=' and their cached results, shared formulas as their own text", async () => {
    const s = await onlySheet(
      await xlsxBytes((wb) => {
        const ws = wb.addWorksheet("S");
        ws.getCell("A1").value = 2;
        ws.getCell("A2").value = 3;
        ws.getCell("A3").value = { formula: "SUM(A1:A2)", result: 5 };
        // ExcelJS writes a shared formula from these fields; its typing does not list shareType and ref.
        const sharedMaster = { formula: "A1*10", result: 20, shareType: "shared", ref: "B1:B2" };
        ws.getCell("B1").value = sharedMaster;
        ws.getCell("B2").value = { sharedFormula: "B1", result: 30 };
        ws.getCell("C1").value = { formula: "A1&\"x\"", result: "2x" };
        ws.getCell("D1").value = { formula: "A1+A2", result: undefined };
      }),
    );
    expect(cellAt(s, 3, 1)).toEqual({ value: 5, formula: "SUM(A1:A2)" });
    expect(cellAt(s, 1, 2)).toEqual({ value: 20, formula: "A1*10" });
    expect(cellAt(s, 2, 2)).toEqual({ value: 30, formula: "A2*10" });
    expect(cellAt(s, 1, 3)).toEqual({ value: "2x", formula: 'A1&"x"' });
    expect(cellAt(s, 1, 4)).toEqual({ value: null, formula: "A1+A2" });
  });

  it("reads error values and formulas whose result is an error", async () => {
    const s = await onlySheet(
      await xlsxBytes((wb) => {
        const ws = wb.addWorksheet("S");
        ws.getCell("A1").value = { error: "#REF!" };
        ws.getCell("A2").value = { formula: "1/0", result: { error: "#DIV/0!" } };
        ws.getCell("A3").value = { formula: "A1+\"x\"", result: { error: "#VALUE!" } };
      }),
    );
    expect(cellAt(s, 1, 1)).toEqual({ value: null, error: "#REF!" });
    expect(cellAt(s, 2, 1)).toEqual({ value: null, formula: "1/0", error: "#DIV/0!" });
    expect(cellAt(s, 3, 1)).toEqual({ value: null, formula: 'A1+"x"', error: "#VALUE!" });
  });

  it("joins rich text, takes a hyperlink's text and turns dates into serial numbers", async () => {
    const s = await onlySheet(
      await xlsxBytes((wb) => {
        const ws = wb.addWorksheet("S");
        ws.getCell("A1").value = { richText: [{ text: "PROGRAM " }, { text: "PENUNJANG", font: { bold: true } }] };
        ws.getCell("A2").value = { text: "lihat situs", hyperlink: "https://example.org" };
        ws.getCell("A3").value = new Date(Date.UTC(2025, 0, 1));
        ws.getCell("A3").numFmt = "dd/mm/yyyy";
      }),
    );
    expect(cellAt(s, 1, 1)?.value).toBe("PROGRAM PENUNJANG");
    expect(cellAt(s, 2, 1)?.value).toBe("lihat situs");
    expect(cellAt(s, 3, 1)).toEqual({ value: 45658, numFmt: "dd/mm/yyyy" });
  });

  it("reads number formats always and bold/indent only when styles are asked for", async () => {
    const bytes = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet("S");
      ws.getCell("A1").value = "PROGRAM";
      ws.getCell("A1").font = { bold: true };
      ws.getCell("A2").value = "Sub kegiatan";
      ws.getCell("A2").alignment = { indent: 2 };
      ws.getCell("B2").value = 1500000;
      ws.getCell("B2").numFmt = "#,##0";
    });
    const styled = await onlySheet(bytes, true);
    expect(cellAt(styled, 1, 1)).toEqual({ value: "PROGRAM", bold: true });
    expect(cellAt(styled, 2, 1)).toEqual({ value: "Sub kegiatan", indent: 2 });
    expect(cellAt(styled, 2, 2)).toEqual({ value: 1500000, numFmt: "#,##0" });
    const plain = await onlySheet(bytes, false);
    expect(cellAt(plain, 1, 1)).toEqual({ value: "PROGRAM" });
    expect(cellAt(plain, 2, 1)).toEqual({ value: "Sub kegiatan" });
  });

  it("reads merges, keeps the content in the top-left cell and stores nothing for covered cells", async () => {
    const s = await onlySheet(
      await xlsxBytes((wb) => {
        const ws = wb.addWorksheet("S");
        ws.getCell("D2").value = "Rencana Tahun 2025";
        ws.mergeCells("D2:G2");
        ws.getCell("A2").value = "KODE";
        ws.mergeCells("A2:A3");
      }),
    );
    expect(s.merges).toEqual([
      { top: 2, left: 1, bottom: 3, right: 1 },
      { top: 2, left: 4, bottom: 2, right: 7 },
    ]);
    expect(cellAt(s, 2, 4)?.value).toBe("Rencana Tahun 2025");
    expect(cellAt(s, 2, 5)).toBeUndefined();
    expect(cellAt(s, 3, 1)).toBeUndefined();
    expect(s.maxCol).toBe(4);
  });

  it("reports whole-column merges as ranges without ExcelJS building their millions of cells", async () => {
    const base = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet("S");
      ws.getCell("A1").value = "judul";
      ws.getCell("C3").value = "APBD";
      ws.getCell("D3").value = "header";
    });
    const s = await onlySheet(withMergesInXml(base, ["C3:C1048576", "A5:J1048576", "D3:E3"]));
    expect(s.merges).toEqual([
      { top: 3, left: 3, bottom: 1048576, right: 3 },
      { top: 3, left: 4, bottom: 3, right: 5 },
      { top: 5, left: 1, bottom: 1048576, right: 10 },
    ]);
    expect(cellAt(s, 3, 3)?.value).toBe("APBD");
    expect([s.maxRow, s.maxCol, s.rows.size]).toEqual([3, 4, 2]);
  });

  it("opens a sheet whose data validation covers whole columns (ExcelJS would expand it per cell)", async () => {
    const base = await xlsxBytes((wb) => void (wb.addWorksheet("S").getCell("A1").value = "Sumber Dana"));
    const validation =
      '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A2:C1048576">' +
      '<formula1>"APBD,DAK"</formula1></dataValidation></dataValidations>';
    const s = await onlySheet(withSheetXmlAfterData(base, validation));
    expect([s.maxRow, s.maxCol, cellAt(s, 1, 1)?.value]).toEqual([1, 1, "Sumber Dana"]);
  });

  it("reads hidden rows, sheet protection and sheet visibility", async () => {
    const host = await openChecked(
      await xlsxBytes(async (wb) => {
        const ws = wb.addWorksheet("Tabel 3.3");
        ws.getCell("A1").value = "a";
        ws.getCell("A2").value = "b";
        ws.getRow(2).hidden = true;
        await ws.protect("", {});
        const hidden = wb.addWorksheet("Tabel 7");
        hidden.getCell("A1").value = "c";
        hidden.state = "hidden";
      }),
      "test.xlsx",
    );
    const refs = await host.listSheets();
    expect(refs).toEqual([
      { id: "Tabel 3.3", name: "Tabel 3.3", visible: true },
      { id: "Tabel 7", name: "Tabel 7", visible: false },
    ]);
    const first = await host.readSnapshot(refs[0]);
    expect(first.hiddenRows).toEqual(new Set([2]));
    expect(first.protected).toBe(true);
    const second = await host.readSnapshot(refs[1]);
    expect(second.visible).toBe(false);
    expect(second.protected).toBe(false);
    expect(second.hiddenRows).toBeUndefined();
  });

  it("takes the extent from cells with content: formatted empty cells do not widen it", async () => {
    const s = await onlySheet(
      await xlsxBytes((wb) => {
        const ws = wb.addWorksheet("S");
        ws.getCell("B3").value = 1;
        ws.getCell("Z500").numFmt = "#,##0";
        ws.getCell("Z500").font = { bold: true };
        ws.getCell("C4").value = "   ";
      }),
    );
    expect(s.maxRow).toBe(3);
    expect(s.maxCol).toBe(2);
    expect([...s.rows.keys()]).toEqual([3]);
  });

  it("reads a stray value at row 1,048,576 and stays sparse", async () => {
    const s = await onlySheet(
      await xlsxBytes((wb) => {
        const ws = wb.addWorksheet("S");
        ws.getCell("A1").value = "judul";
        ws.getCell("XFD1048575").font = { bold: true };
        ws.getCell("C1048576").value = "stray";
      }),
    );
    expect(s.maxRow).toBe(1048576);
    expect(s.maxCol).toBe(3);
    expect([...s.rows.keys()]).toEqual([1, 1048576]);
    expect(cellAt(s, 1048576, 3)?.value).toBe("stray");
  });

  it("reports an empty sheet as extent 0 and reads every sheet in tab order", async () => {
    const host = await openChecked(
      await xlsxBytes((wb) => {
        wb.addWorksheet("Kosong");
        wb.addWorksheet("Isi").getCell("A1").value = 1;
      }),
      "test.xlsx",
    );
    const all = await host.readAllSnapshots();
    expect(all.map((s) => [s.name, s.maxRow, s.maxCol, s.rows.size])).toEqual([
      ["Kosong", 0, 0, 0],
      ["Isi", 1, 1, 1],
    ]);
  });

  it("refuses a sheet it does not have with a HostError", async () => {
    const host = await openXlsxHost(await xlsxBytes((wb) => void wb.addWorksheet("A")), "t.xlsx");
    await expect(host.readSnapshot({ id: "B", name: "B", visible: true })).rejects.toMatchObject({ code: "not-found" });
  });
});

describe("mapping sidecar", () => {
  const overrides: MappingOverrides = { version: 1, levels: { "Tabel 3.3": { 12: "kegiatan" } }, roles: { "Tabel 3.3": { paguN: "F" } }, years: { "Tabel 3.3": 2025 } };

  it("round-trips the corrections through the callbacks", async () => {
    let stored: string | undefined;
    const host = await openXlsxHost(await xlsxBytes((wb) => void wb.addWorksheet("Tabel 3.3")), "plan.xlsx", {
      readSidecar: async () => stored,
      writeSidecar: async (text) => {
        stored = text;
      },
    });
    expect(await host.loadMapping()).toBeUndefined();
    await host.saveMapping(overrides);
    expect(JSON.parse(stored ?? "")).toEqual({ version: 1, levels: { "Tabel 3.3": { "12": "kegiatan" } }, roles: { "Tabel 3.3": { paguN: "F" } }, years: { "Tabel 3.3": 2025 } });
    expect(await host.loadMapping()).toEqual(overrides);
  });

  it("has no mapping and cannot save one without callbacks", async () => {
    const host = await openXlsxHost(await xlsxBytes((wb) => void wb.addWorksheet("A")), "plan.xlsx");
    expect(await host.loadMapping()).toBeUndefined();
    await expect(host.saveMapping(overrides)).rejects.toBeInstanceOf(HostError);
  });

  it.each([["not json {"], ['{"version":2,"levels":{}}'], ['{"version":1,"levels":{"S":{"5":"bogus"}}}'], ['{"version":1,"levels":{"S":{"x":"program"}}}']])(
    "refuses a broken sidecar %s with a message naming it",
    async (text) => {
      const host = await openXlsxHost(await xlsxBytes((wb) => void wb.addWorksheet("A")), "plan.xlsx", {
        readSidecar: async () => text,
        sidecarName: "plan.xlsx.renja.json",
      });
      const error = await host.loadMapping().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HostError);
      expect((error as HostError).messages.id).toContain("plan.xlsx.renja.json");
    },
  );
});
