/**
 * The standalone page in Chromium on real encrypted workbooks (../shared/corpus): the browser's Web Crypto tells a
 * file Excel's default password opens from one with a user password, as the CLI does, and the pane says which.
 */
import fs from "fs";
import path from "path";
import type { Page } from "playwright-core";
import { chromiumMissing } from "./chromium";
import { openPaneSession, type PaneSession } from "./paneSession";

const CORPUS = path.resolve(__dirname, "..", "..", "..", "shared", "corpus");
const missing = [chromiumMissing(), fs.existsSync(CORPUS) ? undefined : `${CORPUS} is missing`].filter(Boolean);
if (missing.length) console.log(`SKIPPED encrypted-workbook e2e: ${missing.join("; ")}.`);
const describeInBrowser = missing.length ? describe.skip : describe;

describeInBrowser("standalone page on encrypted workbooks", () => {
  let session: PaneSession;
  let page: Page;

  beforeAll(async () => {
    session = await openPaneSession("encrypted");
    page = session.page;
    await page.goto(session.url);
    await page.getByTestId("file-status").waitFor();
  }, 480_000);

  afterAll(async () => {
    await session?.close();
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
