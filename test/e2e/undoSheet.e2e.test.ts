/**
 * Issue 14 item 7, in Debian's Chromium at 350 px on the standalone page: Batalkan takes back the last action,
 * whatever it was. Hitung Ulang → Terapkan → Buat Tabel 3.3 → Batalkan removes the generated sheet and keeps the
 * recompute; Batalkan again takes back the recompute. The downloaded workbook says so each time.
 */
import fs from "fs";
import os from "os";
import path from "path";
import type { Page } from "playwright-core";
import type { SheetSnapshot } from "../../src/domain/sheet/snapshot";
import { openXlsxHost } from "../../src/xlsx";
import { SAMPLE_PATH } from "../fixtures/build-fixtures";
import { chromiumMissing } from "./chromium";
import { openPaneSession, type PaneSession } from "./paneSession";

const GENERATED = "Tabel 3.3 (Renja Cermat)";
const missing = chromiumMissing();
if (missing) console.log(`SKIPPED Batalkan after Buat Tabel e2e: ${missing}.`);
const describeInBrowser = missing ? describe.skip : describe;

async function workbookOf(bytes: Uint8Array): Promise<{ sheets: string[]; tabel33: SheetSnapshot }> {
  const host = await openXlsxHost(bytes, "downloaded.xlsx");
  const snapshots = await host.readAllSnapshots();
  const tabel33 = snapshots.find((s) => s.name === "Tabel 3.3");
  if (!tabel33) throw new Error("no Tabel 3.3");
  return { sheets: snapshots.map((s) => s.name), tabel33 };
}

const formulaCells = (s: SheetSnapshot) => [...s.rows.values()].reduce((n, line) => n + [...line.values()].filter((c) => c.formula).length, 0);
const cellsOf = (s: SheetSnapshot) => [...s.rows].map(([r, line]) => [r, [...line]]);

describeInBrowser("Batalkan after Buat Tabel (Chromium, 350 px)", () => {
  let session: PaneSession;
  let page: Page;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "renja-undo-sheet-"));

  beforeAll(async () => {
    session = await openPaneSession("undo-sheet", { acceptDownloads: true });
    page = session.page;
  }, 480_000);

  afterAll(async () => {
    await session?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  const idle = () => page.waitForFunction(() => !(document.querySelector('[data-testid="action-validate"]') as HTMLButtonElement | null)?.disabled, undefined, { timeout: 60_000 });
  const apply = async (notice: string) => {
    await page.getByTestId("preview-apply").click();
    await page.getByTestId("notice-success").getByText(notice, { exact: false }).waitFor({ timeout: 60_000 });
    await idle();
  };
  let downloads = 0;
  const download = async () => {
    const [d] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()]);
    const saved = path.join(work, `downloaded-${++downloads}.xlsx`);
    await d.saveAs(saved);
    return workbookOf(new Uint8Array(fs.readFileSync(saved)));
  };

  it("Hitung Ulang → Terapkan → Buat Tabel 3.3 → Batalkan (sheet gone, recompute kept) → Batalkan (recompute undone)", async () => {
    const sample = await workbookOf(new Uint8Array(fs.readFileSync(SAMPLE_PATH)));
    await page.goto(session.url);
    await page.getByTestId("file-status").getByText("Contoh: sample-renja-tomoni-2025.xlsx").waitFor({ timeout: 30_000 });
    await page.getByTestId("action-validate").click();
    await page.getByTestId("findings-summary").waitFor({ timeout: 60_000 });
    await page.getByRole("tab", { name: "Tindakan" }).click();

    await page.getByTestId("action-recompute").click();
    await page.getByTestId("preview").waitFor({ timeout: 60_000 });
    await apply("Diterapkan");
    const undo = page.getByTestId("action-undo");
    const recomputeLabel = (await undo.textContent()) ?? "";
    expect(recomputeLabel).toMatch(/^Batalkan: /);
    const recomputed = await download();
    expect(formulaCells(recomputed.tabel33)).toBeGreaterThan(formulaCells(sample.tabel33));

    await page.getByTestId("action-generate-33").click();
    await page.getByTestId("preview-count").getByText(`Lembar baru "${GENERATED}"`).waitFor({ timeout: 60_000 });
    await apply(`Tabel dibuat di lembar "${GENERATED}".`);
    // Batalkan's label says what it takes back: the sheet, not the recompute.
    expect(await undo.textContent()).toBe(`Batalkan: Tabel 3.3 di lembar baru '${GENERATED}'`);
    expect((await download()).sheets).toContain(GENERATED);
    await undo.scrollIntoViewIfNeeded();
    await session.shot("14-7-undo-offered-after-generate");

    await undo.click();
    await page.getByTestId("notice-success").getByText(`Dibatalkan: Tabel 3.3 di lembar baru '${GENERATED}'.`).waitFor({ timeout: 60_000 });
    await idle();
    await undo.scrollIntoViewIfNeeded();
    await session.shot("14-7-sheet-undone");
    // The sheet is gone and the recompute is still applied; Batalkan now offers the recompute.
    const afterSheetUndo = await download();
    expect(afterSheetUndo.sheets).toEqual(sample.sheets);
    expect(cellsOf(afterSheetUndo.tabel33)).toEqual(cellsOf(recomputed.tabel33));
    expect(await undo.textContent()).toBe(recomputeLabel);

    await undo.click();
    await page.getByTestId("notice-success").getByText("Dibatalkan:", { exact: false }).waitFor({ timeout: 60_000 });
    await idle();
    expect(await undo.count()).toBe(0);
    await page.getByTestId("notice-success").scrollIntoViewIfNeeded();
    await session.shot("14-7-recompute-undone");
    // Everything taken back: the workbook is byte for byte the file as opened (BrowserWorkbook.changed compares
    // the bytes), so there is nothing to download and nothing unsaved.
    expect(await page.getByTestId("download").count()).toBe(0);
    expect(await page.getByTestId("unsaved").count()).toBe(0);
  }, 300_000);
});
