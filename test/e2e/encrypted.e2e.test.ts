/**
 * The standalone page in Chromium on real encrypted workbooks (../shared/corpus): the browser's Web Crypto tells a
 * file Excel's default password opens from one with a user password, as the CLI does, and the pane says which.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { chromium } from "playwright-core";
import type { BrowserContext, Page } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, chromiumMissing } from "./chromium";
import { sharedPage } from "./buildPage";
import { serveDirectory } from "./staticServer";
import type { StaticServer } from "./staticServer";

const CORPUS = path.resolve(__dirname, "..", "..", "..", "shared", "corpus");
const missing = [chromiumMissing(), fs.existsSync(CORPUS) ? undefined : `${CORPUS} is missing`].filter(Boolean);
if (missing.length) console.log(`SKIPPED encrypted-workbook e2e: ${missing.join("; ")}.`);
const describeInBrowser = missing.length ? describe.skip : describe;

describeInBrowser("standalone page on encrypted workbooks", () => {
  let work: string;
  let server: StaticServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "renja-e2e-"));
    server = await serveDirectory(await sharedPage());
    context = await chromium.launchPersistentContext(path.join(work, "profile"), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 350, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
    await page.goto(`${server.url}taskpane.html`);
    await page.getByTestId("file-status").waitFor();
  }, 480_000); // the webpack build of the page alone took over 3 minutes on a machine shared by eight jobs

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it.each([
    ["poi/test-data/poifs/protect.xlsx", "terenkripsi hanya dengan perlindungan bawaan Excel (tanpa kata sandi pengguna)"],
    ["calamine/tests/pass_protected.xlsx", "terenkripsi dengan kata sandi. Buka di Excel dengan kata sandinya"],
  ])("%s", async (file, message) => {
    await page.getByTestId("file-input").setInputFiles(path.join(CORPUS, file));
    const notice = page.getByTestId("notice-error");
    await notice.getByText(message, { exact: false }).waitFor({ timeout: 60_000 });
    expect(await notice.textContent()).toContain(path.basename(file));
  }, 90_000);
});
