/**
 * "Buat Tabel Perubahan" in the pane (over the standalone page's .xlsx host): the revised seed is the open
 * workbook, the original is picked from a file; the preview is the Tabel Perubahan, Terapkan adds the sheet.
 */
import { openXlsxHost } from "../../src/xlsx";
import { PaneController } from "../../src/ui/controller";
import { defaultPlanners } from "../../src/ui/defaultPlanners";
import { domainEngine } from "../../src/ui/engine";
import { BrowserWorkbook } from "../../src/ui/standalone/browserWorkbook";
import { snapshotsToXlsx } from "../support/revision";
import { pastedPair } from "../support/revisionPairs";

function memoryStore() {
  const data = new Map<string, string>();
  return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

describe("Buat Tabel Perubahan in the pane", () => {
  it("asks for the original first, then previews and writes the table", async () => {
    const pair = pastedPair();
    const workbook = await BrowserWorkbook.open(await snapshotsToXlsx(pair.new), "renja-perubahan.xlsx", memoryStore(), () => undefined);
    const controller = new PaneController(workbook, domainEngine, defaultPlanners);
    expect(controller.can("generatePerubahan")).toBe(true);

    await controller.preview("generatePerubahan");
    expect(controller.getState().notice?.message).toEqual({ id: "Pilih dulu buku kerja versi semula (.xlsx).", en: "Pick the original version's workbook (.xlsx) first." });

    const originalBytes = await snapshotsToXlsx(pair.old);
    expect(await controller.loadOriginal("renja-murni.xlsx", async () => (await openXlsxHost(originalBytes, "renja-murni.xlsx")).readAllSnapshots({ styles: true }))).toBe(true);
    expect(controller.getState().original?.name).toBe("renja-murni.xlsx");

    await controller.preview("generatePerubahan");
    const preview = controller.getState().preview;
    if (!preview || !("sheet" in preview)) throw new Error(`expected a sheet plan, got ${JSON.stringify(controller.getState().notice)}`);
    expect(preview.sheet.sheetName).toBe("Tabel Perubahan (Renja Cermat)");
    expect(preview.sheet.notices.at(-1)?.id).toBe("3 baris ditambah, 2 dihapus, 1 berganti nama; jumlah pagu semula 4.990.624.675, menjadi 4.966.907.025 (-23.717.650).");
    expect(await controller.applyPreview()).toBe(true);
    expect(await workbook.generatedSheetNames()).toEqual(["Tabel Perubahan (Renja Cermat)"]);
  });

  it("says why a picked file cannot be read", async () => {
    const pair = pastedPair();
    const workbook = await BrowserWorkbook.open(await snapshotsToXlsx(pair.new), "renja-perubahan.xlsx", memoryStore(), () => undefined);
    const controller = new PaneController(workbook, domainEngine, defaultPlanners);
    expect(await controller.loadOriginal("bukan.xlsx", async () => (await openXlsxHost(new TextEncoder().encode("bukan excel"), "bukan.xlsx")).readAllSnapshots())).toBe(false);
    expect(controller.getState().notice?.intent).toBe("error");
    expect(controller.getState().original).toBeUndefined();
  });
});
