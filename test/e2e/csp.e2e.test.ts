/**
 * Issue 17, the web page: the pane's HTML carries a Content-Security-Policy (scripts from the page's own origin
 * and Microsoft's Office.js CDN only, no inline script, no eval), the standalone page runs under it without a
 * single violation, and it loads no script it does not run (ExcelJS's megabyte browser build is not fetched to
 * open, validate and repair a workbook). The dev server no longer answers with `Access-Control-Allow-Origin: *`.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, chromiumMissing } from "./chromium";
import type { BrowserContext, Page } from "playwright-core";
import { ROOT, sharedPage } from "./buildPage";
import { serveDirectory } from "./staticServer";
import type { StaticServer } from "./staticServer";

const OFFICE_CDN = "https://appsforoffice.microsoft.com";

type ConfigFactory = (env: Record<string, unknown>, argv: { mode: string }) => { devServer?: { headers?: unknown } };

describe("dev server", () => {
  it("sends no Access-Control-Allow-Origin header (any site could otherwise read the pane's files)", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the shell's CommonJS config is what is tested
    const factory = require(path.join(ROOT, "webpack.config.js")) as ConfigFactory;
    expect(factory({ http: true }, { mode: "development" }).devServer?.headers).toBeUndefined();
  });
});

const missing = chromiumMissing();
if (missing) console.log(`SKIPPED CSP e2e: ${missing}.`);
const describeInBrowser = missing ? describe.skip : describe;

describeInBrowser("the pane's Content-Security-Policy in Chromium", () => {
  let work: string;
  let server: StaticServer;
  let context: BrowserContext;
  let page: Page;
  const scripts: string[] = [];
  const consoleViolations: string[] = [];

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "renja-csp-"));
    const site = await sharedPage();
    server = await serveDirectory(site);
    context = await chromium.launchPersistentContext(path.join(work, "profile"), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 350, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(request.url());
    });
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) consoleViolations.push(message.text());
    });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  const violations = () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

  it("runs the standalone page with no violation and loads only the scripts it runs", async () => {
    await page.goto(`${server.url}taskpane.html`);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(policy).toContain(`script-src 'self' ${OFFICE_CDN} https://ajax.aspnetcdn.com;`);
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);

    await page.getByTestId("file-status").getByText("Contoh: sample-renja-tomoni-2025.xlsx").waitFor({ timeout: 30_000 });
    await page.getByTestId("action-validate").click();
    await page.getByTestId("findings-summary").waitFor({ timeout: 60_000 });
    await page.getByRole("tab", { name: "Tindakan" }).click();
    await page.getByTestId("action-fix-numbers").click();
    await page.getByTestId("preview").waitFor();

    expect(await violations()).toEqual([]);
    expect(consoleViolations).toEqual([]);
    const origin = server.url.replace(/\/$/, "");
    for (const url of scripts) expect(url.startsWith(origin) || url.startsWith(OFFICE_CDN)).toBe(true);
    expect(scripts.filter((url) => /exceljs/i.test(url))).toEqual([]);
  }, 120_000);

  it("blocks a script injected into the page", async () => {
    await page.evaluate(() => {
      const injected = document.createElement("script");
      injected.textContent = "window.__injected = true;";
      document.body.appendChild(injected);
    });
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    expect((await violations()).some((v) => v.startsWith("script-src"))).toBe(true);
  });
});
