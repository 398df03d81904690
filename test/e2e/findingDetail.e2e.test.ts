/**
 * Issue 14, items 10 and 11: a finding's detail names its first related cells and "N lainnya" (a formula check
 * over 50 rows no longer squeezes the list), and shows a read-only grid of the rows around the cell — the cell
 * marked, its parent and its children, the column as the sheet holds it; a preview row shows before and after in
 * full (wrapped), not cut off. Debian's Chromium at 350 px.
 */
import path from "path";
import type { Page } from "playwright-core";
import { chromiumMissing } from "./chromium";
import { openPaneSession, SCREENSHOTS, type PaneSession } from "./paneSession";

const missing = chromiumMissing();
if (missing) console.log(`SKIPPED finding detail e2e: ${missing}.`);
const describeInBrowser = missing ? describe.skip : describe;

describeInBrowser("a finding's detail: related cells in short, the rows around the cell (Chromium)", () => {
  let session: PaneSession;
  let page: Page;

  beforeAll(async () => {
    session = await openPaneSession("detail");
    page = session.page;
  }, 480_000);

  afterAll(async () => {
    await session?.close();
  });

  it("shows 6 of a finding's 50 related cells and '44 lainnya', and the rows around a rollup slip", async () => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(session.url);
    await page.getByTestId("file-status").getByText("Contoh: sample-renja-tomoni-2025.xlsx").waitFor({ timeout: 30_000 });
    await page.getByTestId("action-validate").click();
    await page.getByTestId("findings-summary").waitFor({ timeout: 60_000 });
    const filter = page.getByTestId("findings-filter");

    // Tabel 2.1's column N formula check names the 50 rows that do not follow the formula.
    await filter.fill("'Tabel 2.1'!N7");
    await page.locator('[data-ref="Tabel 2.1!N7"][data-rule="evaluation-formula"]').click();
    const related = page.getByTestId("finding-related");
    await related.waitFor();
    expect(await related.getByRole("button").count()).toBe(7); // 6 cells and "44 lainnya"
    expect(await page.getByTestId("related-more").textContent()).toBe("44 lainnya");
    await page.screenshot({ path: path.join(SCREENSHOTS, "detail-related-350.png"), fullPage: true, animations: "disabled" });
    await page.getByTestId("related-more").click();
    expect(await related.getByRole("button").count()).toBe(50);

    // Tabel 3.3's J9 (a program whose N+1 pagu is not the sum of its 8 kegiatan): the rows around it, its kegiatan.
    await filter.fill("'Tabel 3.3'!J9");
    await page.locator('[data-ref="Tabel 3.3!J9"][data-rule="rollup-mismatch"]').click();
    const grid = page.getByTestId("cell-context");
    await grid.waitFor();
    expect(await grid.getAttribute("aria-label")).toBe("Baris di sekitar sel, lembar Tabel 3.3, kolom J");
    const marked = grid.locator('tr[data-relation="finding"]');
    expect(await marked.locator("td").first().textContent()).toBe("9");
    expect(await page.getByTestId("context-value").textContent()).toBe("4.625.057.824");
    await page.screenshot({ path: path.join(SCREENSHOTS, "detail-context-350.png"), fullPage: true, animations: "disabled" });
    expect(await grid.locator('tr[data-relation="parent"]').count()).toBe(0);
    expect(await grid.locator('tr[data-relation="child"]').count()).toBe(8);
    expect(await grid.locator('tr[data-relation="child"]').first().textContent()).toContain("rincian · ");
    expect(await grid.locator('tr[data-relation="child"] td').first().textContent()).toBe("10");

    // A sub kegiatan's mistyped amount ('Tabel 3.3'!F28, "4.765,000"): its kegiatan (row 24) is the parent, the
    // cell shows what is written.
    await filter.fill("'Tabel 3.3'!F28");
    await page.locator('[data-ref="Tabel 3.3!F28"][data-rule="malformed-number"]').click();
    await grid.waitFor();
    expect(await grid.locator('tr[data-relation="parent"] td').first().textContent()).toBe("24");
    expect(await page.getByTestId("context-value").textContent()).toBe("4.765,000");
    expect(errors).toEqual([]);
  }, 240_000);

  it("shows every preview row's before and after in full at 350 px (wrapped, nothing cut off)", async () => {
    await page.getByRole("tab", { name: "Tindakan" }).click();
    await page.getByTestId("action-recompute").click();
    await page.getByTestId("preview-change").first().waitFor({ timeout: 60_000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, "preview-wrapped-350.png"), fullPage: true, animations: "disabled" });
    // Every row in the DOM (the list is windowed): its text is not wider than its box, and the row not taller.
    const cut = await page.getByTestId("preview-change").evaluateAll((rows) =>
      rows.flatMap((row) => {
        const text = row.querySelector('[data-testid="change-text"]') as HTMLElement | null;
        if (!text) return ["no change text"];
        const problems: string[] = [];
        if (text.scrollWidth > text.clientWidth + 1) problems.push(`wide: ${text.textContent}`);
        const box = row as HTMLElement;
        if (box.scrollHeight > box.clientHeight + 1) problems.push(`tall (${box.scrollHeight}/${box.clientHeight} px): ${text.textContent}`);
        return problems;
      }),
    );
    const texts = await page.getByTestId("change-text").allTextContents();
    expect(texts.some((x) => x.includes("=SUM(") && x.length > 40)).toBe(true);
    expect(cut).toEqual([]);
  }, 120_000);
});
