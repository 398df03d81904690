/**
 * Issue 14, item 12: Pemetaan shows each column by its printed header and its role in words (no internal names
 * such as "renstraK", "realisasiLaluRp" or "tabel-2.1"), and lets the user correct a column's role and a table's
 * kind; the findings follow the correction. Debian's Chromium at 350 px, on the bundled sample workbook.
 */
import path from "path";
import type { Page } from "playwright-core";
import { chromiumMissing } from "./chromium";
import { openPaneSession, SCREENSHOTS, type PaneSession } from "./paneSession";

const missing = chromiumMissing();
if (missing) console.log(`SKIPPED mapping view e2e: ${missing}.`);
const describeInBrowser = missing ? describe.skip : describe;

/** Internal names that must never reach the user: role ids of Tabel 2.1 and 2.3, and kind ids. */
const INTERNAL = /\b(renstraK|renstraRp|realisasiLaluK|realisasiLaluRp|targetRenjaK|tw1K|tingkatCapaianK|rkpdUraian|rkpdPagu|paguN1|tabel-2\.1|tabel-3\.3|tabel-2\.3)\b/;

describeInBrowser("Pemetaan: columns by header, roles in words, role and kind corrections (Chromium)", () => {
  let session: PaneSession;
  let page: Page;

  beforeAll(async () => {
    session = await openPaneSession("mapping");
    page = session.page;
  }, 480_000);

  afterAll(async () => {
    await session?.close();
  });

  it("names every column by its header and role, and applies a role and a kind correction", async () => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(session.url);
    await page.getByTestId("file-status").getByText("Contoh: sample-renja-tomoni-2025.xlsx").waitFor({ timeout: 30_000 });
    await page.getByTestId("action-validate").click();
    await page.getByTestId("findings-summary").waitFor({ timeout: 60_000 });
    const findingsBefore = await page.getByTestId("findings-summary").textContent();

    await page.getByRole("tab", { name: "Pemetaan" }).click();
    const tables = page.getByTestId("mapped-table");
    await tables.first().waitFor();
    // Open every card's column list, then read the whole view: no internal name anywhere.
    // (each click renames its button, so always the first one still closed)
    const closed = page.getByRole("button", { name: /Ubah peran kolom/ });
    for (let n = await closed.count(); n > 0; n--) await closed.first().click();
    expect(await closed.count()).toBe(0);
    const view = (await page.locator("main, body").first().innerText()).replace(/\s+/g, " ");
    expect(view).not.toMatch(INTERNAL);
    expect(view).toContain("Target Renstra: kinerja");
    expect(view).toContain("Rancangan awal RKPD: pagu");

    // Tabel 3.3: column F by its printed header, with its role in words.
    const t33 = tables.filter({ hasText: "Lembar: Tabel 3.3" }).first();
    const f = t33.getByRole("combobox", { name: /^Peran kolom F «/ });
    expect(await f.getAttribute("aria-label")).toMatch(/Rencana Tahun 2025 \(N\) › Kebutuhan Dana\/ ?Pagu Indikatif/);
    expect(await f.inputValue()).toBe("paguN");
    expect(await f.locator("option:checked").textContent()).toBe("Pagu N");
    await page.screenshot({ path: path.join(SCREENSHOTS, "mapping-columns-350.png"), fullPage: true, animations: "disabled" });

    // A role correction: Tabel 3.3's column G (Sumber Dana) read as Catatan penting. The roles line follows.
    await t33.getByRole("combobox", { name: /^Peran kolom G «/ }).selectOption("catatan");
    await page.getByTestId("notice-success").getByText("Peran kolom disimpan").waitFor({ timeout: 30_000 });
    expect((await t33.innerText()).replace(/\s+/g, " ")).toMatch(/G Catatan penting/);

    // A kind correction: the Tabel 3.3 sheet said to be a Tabel 7; the card's title follows, and back again.
    await t33.getByRole("combobox", { name: "Jenis tabel Tabel 3.3" }).selectOption("tabel-7");
    await page.getByTestId("notice-success").getByText("Jenis tabel disimpan").waitFor({ timeout: 30_000 });
    const asTabel7 = tables.filter({ hasText: "Lembar: Tabel 3.3" }).first();
    expect(await asTabel7.innerText()).toMatch(/^Tabel 7 \(rencana N\)/);
    await asTabel7.getByRole("combobox", { name: "Jenis tabel Tabel 3.3" }).selectOption("auto");
    await page.getByTestId("notice-success").getByText("Jenis tabel disimpan").waitFor({ timeout: 30_000 });
    expect(await tables.filter({ hasText: "Lembar: Tabel 3.3" }).first().innerText()).toMatch(/^Tabel 3\.3 \(rencana N dan N\+1\)/);

    // The findings were recomputed from the corrected mapping (the Sumber Dana column no longer read as such).
    await page.getByRole("tab", { name: "Temuan" }).click();
    expect(await page.getByTestId("findings-summary").textContent()).not.toBe(findingsBefore);
    expect(errors).toEqual([]);
  }, 240_000);
});
