/**
 * Issue 11, done-when 4: the pane shows the nomenclature list in use and can load another, kept in the browser's
 * storage. The add-in is built with a bundled list (`--env catalogue=FILE`), which the pane fetches when it
 * starts; a list loaded from a file (CSV or .xlsx) replaces it, survives a reload, and can be dropped again.
 */
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, chromiumMissing } from "./chromium";
import type { BrowserContext, Page } from "playwright-core";
import { BUILTIN_CATALOGUE } from "../../src/domain/nomenclature";
import { buildPage } from "./buildPage";
import { serveDirectory } from "./staticServer";
import type { StaticServer } from "./staticServer";

const missing = chromiumMissing();
if (missing) console.log(`SKIPPED catalogue e2e: ${missing}.`);
const describeInBrowser = missing ? describe.skip : describe;

const CSV = [
  "kode;nama",
  "7;UNSUR KEWILAYAHAN",
  "7.01;KECAMATAN",
  "7.01.02;PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
  "7.01.02.2.04;Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat",
].join("\n");

describeInBrowser("nomenclature list in the pane (Chromium)", () => {
  let work: string;
  let server: StaticServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "renja-e2e-nomenklatur-"));
    const bundled = path.join(work, "bundled.json");
    fs.writeFileSync(bundled, JSON.stringify({ ...BUILTIN_CATALOGUE.toData(), name: "kantor", regulation: "Kepmendagri 900.1.15.5-3406/2024", year: 2025 }));
    const site = path.join(work, "site");
    await buildPage(site, { catalogue: bundled });
    expect(fs.existsSync(path.join(site, "nomenklatur.json"))).toBe(true);
    server = await serveDirectory(site);
    context = await chromium.launchPersistentContext(path.join(work, "profile"), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 350, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  const inUse = () => page.getByTestId("catalogue-in-use");

  it("shows the bundled list, loads another from a file, keeps it after a reload, and drops it again", async () => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}taskpane.html`);
    await inUse().getByText("Nomenklatur: Kepmendagri 900.1.15.5-3406/2024, 2025 (dari add-in)").waitFor({ timeout: 60_000 });

    const csv = path.join(work, "kepmendagri-900.1.15.5-1317-2023_kecamatan.csv");
    fs.writeFileSync(csv, CSV);
    await page.getByTestId("catalogue-file").setInputFiles(csv);
    await inUse().getByText("Nomenklatur: Kepmendagri 900.1.15.5-1317/2023, 2024 (dimuat di peramban)").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("notice-success").textContent()).toContain("Nomenklatur dimuat: Kepmendagri 900.1.15.5-1317/2023, 2024 (0 sub kegiatan).");

    await page.reload();
    await inUse().getByText("(dimuat di peramban)").waitFor({ timeout: 60_000 });

    // a malformed list is refused with its line, and the list in use stays
    const bad = path.join(work, "kepmendagri-900.1.15.5-1317-2023_rusak.csv");
    fs.writeFileSync(bad, "kode;nama\n7.01.2;SALAH");
    await page.getByTestId("catalogue-file").setInputFiles(bad);
    expect(await page.getByTestId("notice-error").textContent()).toContain("baris 2");
    expect(await inUse().textContent()).toContain("Kepmendagri 900.1.15.5-1317/2023");

    // an official list as a workbook (the Kepmendagri lampiran shape), read in the browser by the .xlsx host
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Lampiran");
    sheet.addRow(["LAMPIRAN KEPUTUSAN MENTERI DALAM NEGERI"]);
    sheet.addRow(["KODE", "NOMENKLATUR URUSAN KABUPATEN/KOTA"]);
    for (const line of CSV.split("\n").slice(1)) sheet.addRow(line.split(";"));
    sheet.addRow(["7.01.02.2.04.0001", "Penyelenggaraan Urusan Pemerintahan yang Dilimpahkan kepada Camat"]);
    const xlsx = path.join(work, "lampiran_kepmendagri-900.1.15.5-3406-2024.xlsx");
    fs.writeFileSync(xlsx, new Uint8Array(await workbook.xlsx.writeBuffer()));
    await page.getByTestId("catalogue-file").setInputFiles(xlsx);
    await page.getByTestId("notice-success").getByText("(1 sub kegiatan)").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("notice-success").textContent()).toContain("Nomenklatur dimuat: Kepmendagri 900.1.15.5-3406/2024");
    expect(await inUse().textContent()).toContain("(dimuat di peramban)");

    await page.getByTestId("catalogue-forget").click();
    await inUse().getByText("Kepmendagri 900.1.15.5-3406/2024, 2025 (dari add-in)").waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
  }, 180_000);
});
