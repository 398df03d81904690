/**
 * Issue 14 items 5 and 6: a finding's detail shows its values by type in Bahasa Indonesia (the cell's text as
 * written, the amount the Indonesian way, a year not grouped) and, in English mode, no Indonesian word of the
 * stop list (test/cli/englishOutput.test.ts keeps the same list for the CLI). Debian's Chromium at 350 px.
 */
import path from "path";
import type { Page } from "playwright-core";
import { chromiumMissing } from "./chromium";
import { openPaneSession, SCREENSHOTS, type PaneSession } from "./paneSession";

const missing = chromiumMissing();
if (missing) console.log(`SKIPPED messages e2e: ${missing}.`);
const describeInBrowser = missing ? describe.skip : describe;

const INDONESIAN = ["dengan", "angka", "ini", "cocok", "sel", "tertulis", "seharusnya", "jumlah", "tidak", "dan", "atau", "belum", "sudah", "lembar", "baris", "kolom", "yang", "saran"];

function indonesianWords(text: string): string[] {
  const unquoted = text.replace(/"[^"]*"|“[^”]*”|«[^»]*»/g, "");
  return (unquoted.toLowerCase().match(/[a-z]+/g) ?? []).filter((w) => INDONESIAN.includes(w));
}

describeInBrowser("finding values by type, English without Indonesian (Chromium, 350 px)", () => {
  let session: PaneSession;
  let page: Page;

  beforeAll(async () => {
    session = await openPaneSession("messages");
    page = session.page;
  }, 480_000);

  afterAll(async () => {
    await session?.close();
  });

  it("shows what the cell says as written, the amount and year by type, then the same finding in English", async () => {
    await page.goto(session.url);
    await page.getByTestId("file-status").getByText("Contoh: sample-renja-tomoni-2025.xlsx").waitFor({ timeout: 30_000 });
    await page.getByTestId("action-validate").click();
    await page.getByTestId("findings-summary").waitFor({ timeout: 60_000 });
    const filter = page.getByTestId("findings-filter");

    // Tabel 2.1!N9 holds the text "5.494,000": Tertulis shows it as written, before what it should be.
    await filter.fill("'Tabel 2.1'!N9");
    await page.locator('[data-ref="Tabel 2.1!N9"][data-rule="malformed-number"]').click();
    const values = page.getByTestId("finding-values");
    await values.waitFor();
    expect(await values.textContent()).toBe("Tertulis: 5.494,000 · Seharusnya: 5.494.000");
    await page.screenshot({ path: path.join(SCREENSHOTS, "messages-values-id-350.png"), fullPage: true, animations: "disabled" });

    // The year in a title: its suggestion is 2026, never "2.026".
    await filter.fill("'Tabel 3.3'!A3");
    await page.locator('[data-ref="Tabel 3.3!A3"][data-rule="year-mismatch"]').click();
    const suggestion = page.getByTestId("finding-suggestion");
    await suggestion.waitFor();
    expect(await suggestion.textContent()).toMatch(/^Saran: 2026 \(N = 2025: prakiraan maju \(N\+1\) = 2026\)$/);

    // English: the slip's detail (message, values, suggestion and its reason) carries no Indonesian word.
    await page.getByTestId("lang-switch").click();
    await filter.fill("'Tabel 2.1'!N9");
    await page.locator('[data-ref="Tabel 2.1!N9"][data-rule="malformed-number"]').click();
    const detail = page.getByTestId("finding-detail");
    await detail.waitFor();
    const text = (await detail.innerText()).replace(/^.*\n/, ""); // the heading names the sheet ("Tabel 2.1") and the rule
    expect(await page.getByTestId("finding-values").textContent()).toBe("Stated: 5.494,000 · Expected: 5,494,000");
    // The grid below the text shows the workbook's rows as written (Indonesian names): only the detail's own text counts.
    const own = text.split(/\nRow\t/)[0];
    expect(own).toContain("Suggestion: 5,494,000 (equals the sum of its 1 kegiatan)");
    expect(indonesianWords(own)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, "messages-detail-en-350.png"), fullPage: true, animations: "disabled" });
  }, 180_000);
});
