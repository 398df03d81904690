/**
 * Issue 14, item 13: keyboard and screen readers. After Enter on Validasi the focus goes to the result instead of
 * the page body; progress and messages sit in one polite live region; the findings list is one tab stop with the
 * arrow keys inside; axe-core finds no serious or critical violation on the pane's three views (Debian's Chromium,
 * 350 px, the bundled sample workbook).
 */
import type { Page } from "playwright-core";
import { chromiumMissing } from "./chromium";
import { openPaneSession, type PaneSession } from "./paneSession";

const AXE = require.resolve("axe-core/axe.min.js");
const missing = chromiumMissing();
if (missing) console.log(`SKIPPED accessibility e2e: ${missing}.`);
const describeInBrowser = missing ? describe.skip : describe;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

describeInBrowser("the pane with a keyboard and a screen reader (Chromium, axe-core)", () => {
  let session: PaneSession;
  let page: Page;

  beforeAll(async () => {
    session = await openPaneSession("a11y", { bypassCSP: true });
    page = session.page;
  }, 480_000);

  afterAll(async () => {
    await session?.close();
  });

  /** Serious and critical violations on the page as it is now. */
  const seriousViolations = async (): Promise<string[]> => {
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: object, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
      // Fluent UI's focus manager (tabster) puts aria-hidden focus bumpers (<i data-tabster-dummy tabindex="0">)
      // around tab lists and menus on purpose: they hand focus on at once, and are hidden so that screen readers
      // do not announce them. axe's aria-hidden-focus flags them; Microsoft lists it as a known false positive
      // (microsoft/tabster#288, accessibility-insights-web#7605 suppresses it the same way).
      return (await axe.run({ exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] })).violations;
    });
    return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  };

  it("moves focus to the result after Enter on Validasi, and announces status in a live region", async () => {
    await page.goto(session.url);
    await page.getByTestId("file-status").getByText("Contoh: sample-renja-tomoni-2025.xlsx").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("status-region").getAttribute("aria-live")).toBe("polite");
    expect(await seriousViolations()).toEqual([]);
    await page.getByTestId("action-validate").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("findings-summary").waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => document.activeElement !== document.body, undefined, { timeout: 10_000 });
    const focused = await page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.tagName);
    expect(["findings-summary", "notice-success", "notice-info", "notice-warning"]).toContain(focused);
  }, 120_000);

  it("makes the findings list one tab stop with the arrow keys inside", async () => {
    const list = page.getByTestId("findings-list");
    await list.waitFor();
    expect(await list.locator('[tabindex="0"]').count()).toBe(1);
    expect(await list.locator('[tabindex="-1"]').count()).toBeGreaterThan(5);
    await list.locator('[tabindex="0"]').focus();
    const focusedIndex = () => page.evaluate(() => document.activeElement?.closest("[data-row-index]")?.getAttribute("data-row-index"));
    expect(await focusedIndex()).toBe("0");
    await page.keyboard.press("ArrowDown");
    expect(await focusedIndex()).toBe("1");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    expect(await focusedIndex()).toBe("1");
    // End: the last row, far below the rendered window, is scrolled to and focused.
    await page.keyboard.press("End");
    await page.waitForFunction(() => {
      const rows = document.querySelectorAll('[data-testid="findings-list"] [data-row-index]');
      const index = document.activeElement?.closest("[data-row-index]")?.getAttribute("data-row-index");
      return rows.length > 0 && index !== undefined && index !== null && Number(index) > 100;
    }, undefined, { timeout: 10_000 });
    // Tab leaves the list at once (one stop), instead of walking its rows.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="findings-list"]') === null)).toBe(true);
    expect(await seriousViolations()).toEqual([]);
  }, 120_000);

  it("has no serious or critical axe violation with a finding open, nor in Pemetaan", async () => {
    await page.getByTestId("findings-filter").fill("'Tabel 3.3'!F28");
    await page.locator('[data-ref="Tabel 3.3!F28"][data-rule="malformed-number"]').click();
    await page.getByTestId("finding-detail").waitFor();
    expect(await seriousViolations()).toEqual([]);
    await page.getByRole("tab", { name: "Pemetaan" }).click();
    await page.getByTestId("mapped-table").first().waitFor();
    await page.getByRole("button", { name: /Ubah peran kolom/ }).first().click();
    expect(await seriousViolations()).toEqual([]);
  }, 120_000);
});
