/**
 * Done-when 3 of issue 13: "Bandingkan dengan SIPD" in the standalone pane in Debian's Chromium. The Kecamatan
 * Namlea fixture is opened, the real rekap export is picked in the SIPD panel (read in the page: no request
 * leaves the page but the page's own GETs), the three differences show, "Ambil nilai SIPD" is previewed with one
 * cell kept as typed, applied (one difference left) and undone (three again). Screenshots: test/e2e/screenshots/.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, chromiumMissing } from "./chromium";
import type { BrowserContext, Page } from "playwright-core";
import { buildSipdFixture } from "../support/sipdFixture";
import type { SipdFixture } from "../support/sipdFixture";
import { SIPD_DATA, SIPD_FILES, sipdDataMissing, sipdSnapshots } from "../support/sipdData";
import { sharedPage } from "./buildPage";
import { serveDirectory } from "./staticServer";
import type { StaticServer } from "./staticServer";

const SCREENSHOTS = path.join(__dirname, "screenshots");

const missing = [chromiumMissing(), sipdDataMissing()].filter(Boolean);
if (missing.length) console.log(`SKIPPED SIPD e2e: ${missing.join("; ")}.`);
const describeInBrowser = missing.length ? describe.skip : describe;

describeInBrowser("Bandingkan dengan SIPD in Chromium", () => {
  let work: string;
  let server: StaticServer;
  let context: BrowserContext;
  let page: Page;
  let fixture: SipdFixture;
  let planFile: string;
  const requests: string[] = [];

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "renja-sipd-e2e-"));
    fixture = await buildSipdFixture((await sipdSnapshots(SIPD_FILES.rekap))[0]);
    planFile = path.join(work, "renja-namlea.xlsx");
    fs.writeFileSync(planFile, fixture.bytes);
    const site = await sharedPage();
    server = await serveDirectory(site);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    context = await chromium.launchPersistentContext(path.join(work, "profile"), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 350, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
    page.on("request", (r) => requests.push(`${r.method()} ${r.url()}`));
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: "disabled" });

  it("picks the export, shows the differences, takes SIPD's values for the chosen cells, and undoes", async () => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}taskpane.html`);
    await page.getByTestId("file-status").waitFor({ timeout: 30_000 });
    await page.getByTestId("file-input").setInputFiles(planFile);
    await page.getByTestId("file-status").getByText("Berkas: renja-namlea.xlsx").waitFor({ timeout: 30_000 });

    const loaded = requests.length;
    await page.getByTestId("sipd-input").setInputFiles(path.join(SIPD_DATA, SIPD_FILES.rekap));
    const verdict = page.getByTestId("sipd-verdict");
    await verdict.getByText("3 perbedaan dengan SIPD-RI (lihat Temuan).").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("sipd-unit").textContent()).toBe("Unit SIPD-RI: Kecamatan Namlea (7.01.0.00.0.00.01.0000)");
    expect(await page.getByTestId("sipd-table").textContent()).toBe("Tabel 7: 11 dari 12 sub kegiatan ada di SIPD-RI; total Rp 2.068.702.355 · SIPD-RI Rp 2.043.702.355");
    await shot("sipd-01-compared");

    await page.getByTestId("tab-findings").click();
    await page.getByTestId("findings-filter").fill(fixture.injected.pagu);
    const pagu = page.locator(`[data-ref="Tabel 7!${fixture.injected.pagu}"]`);
    await pagu.waitFor();
    expect(await pagu.getAttribute("data-rule")).toBe("sipd-mismatch");
    await page.getByRole("tab", { name: "Tindakan" }).click();

    await page.getByTestId("sipd-take").click();
    const count = page.getByTestId("preview-count");
    await count.getByText("Pratinjau: 9 sel berubah").waitFor({ timeout: 60_000 });
    // keep the sumber dana as typed ("PAD"): the plan drops that cell
    await page.getByLabel(`Pilih nilai untuk 'Tabel 7'!${fixture.injected.sumberDana}`).selectOption("PAD");
    await count.getByText("Pratinjau: 8 sel berubah").waitFor();
    await shot("sipd-02-preview");
    await page.getByTestId("preview-apply").click();
    await page.getByTestId("notice-success").waitFor({ timeout: 60_000 });
    await verdict.getByText("1 perbedaan dengan SIPD-RI (lihat Temuan).").waitFor({ timeout: 60_000 });
    await shot("sipd-03-applied");

    await page.getByTestId("action-undo").click();
    await verdict.getByText("3 perbedaan dengan SIPD-RI (lihat Temuan).").waitFor({ timeout: 60_000 });

    // the export was read in the page: nothing was sent anywhere after the page had loaded
    expect(requests.slice(loaded)).toEqual([]);
    expect(requests.every((r) => r.startsWith(`GET ${server.url}`) || /appsforoffice/.test(r))).toBe(true);
    expect(errors).toEqual([]);
  }, 240_000);
});
