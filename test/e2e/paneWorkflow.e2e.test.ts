/**
 * Issue 14, items 1, 2, 3 and 9, in Debian's Chromium at 350 px on the standalone page: a rejected file leaves
 * nothing loaded; the pane never sends users to the command line and opens "… dan N jumlah lain" to show which
 * totals were not recomputed and why; the actions are laid out as the workflow, each saying when it has nothing
 * to do; leaving or opening another file with changes not downloaded asks first.
 */
import fs from "fs";
import type { Dialog, Page } from "playwright-core";
import { chromiumMissing } from "./chromium";
import { openPaneSession, type PaneSession } from "./paneSession";
import { SAMPLE_PATH } from "../fixtures/build-fixtures";

const SAMPLE_STATUS = "Contoh: sample-renja-tomoni-2025.xlsx";
const missing = chromiumMissing();
if (missing) console.log(`SKIPPED pane workflow e2e: ${missing}.`);
const describeInBrowser = missing ? describe.skip : describe;

/** Waits for a condition the page brings about asynchronously (a dialog opening), failing after 10 s. */
async function until(condition: () => boolean, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describeInBrowser("the pane as staff meet it: rejected files, the workflow, unsaved changes (Chromium, 350 px)", () => {
  let session: PaneSession;
  let page: Page;

  beforeAll(async () => {
    session = await openPaneSession("workflow", { acceptDownloads: true });
    page = session.page;
  }, 480_000);

  afterAll(async () => {
    await session?.close();
  });

  const shot = (name: string) => session.shot(name);
  const openSample = async () => {
    await page.goto(session.url);
    await page.getByTestId("file-status").getByText(SAMPLE_STATUS).waitFor({ timeout: 30_000 });
  };
  const validate = async () => {
    await page.getByRole("tab", { name: "Tindakan" }).click();
    await page.getByTestId("action-validate").click();
    await page.getByTestId("findings-summary").waitFor({ timeout: 60_000 });
    await page.getByRole("tab", { name: "Tindakan" }).click();
  };
  const applyPreview = async () => {
    await page.getByTestId("preview-apply").click();
    await page.getByTestId("notice-success").waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => !(document.querySelector('[data-testid="action-validate"]') as HTMLButtonElement | null)?.disabled, undefined, { timeout: 30_000 });
  };

  it("item 1: after a rejected file nothing is loaded — the header says so and Validasi cannot report the sample", async () => {
    await openSample();
    await validate();
    const sample = fs.readFileSync(SAMPLE_PATH);
    const rejected: [string, Buffer][] = [
      ["kosong.xlsx", Buffer.alloc(0)],
      ["bukan-buku-kerja.xlsx", Buffer.from("Ini bukan buku kerja, hanya teks.\n")],
      ["terpotong.xlsx", sample.subarray(0, Math.floor(sample.length / 2))],
      // An .xls (BIFF, OLE compound file) renamed: its magic number, not a zip's.
      ["lama.xlsx", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)])],
    ];
    for (const [name, bytes] of rejected) {
      await page.getByTestId("file-input").setInputFiles({ name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bytes });
      await page.getByTestId("notice-error").getByText(name).first().waitFor({ timeout: 30_000 });
      const status = (await page.getByTestId("file-status").textContent()) ?? "";
      expect(status).not.toContain("sample-renja-tomoni-2025.xlsx");
      expect(status).toContain("Tidak ada buku kerja yang dimuat");
      expect(await page.getByTestId("action-validate").isDisabled()).toBe(true);
      expect(await page.getByTestId("action-fix-numbers").isDisabled()).toBe(true);
      // The findings of the sample validated before are gone with it.
      expect(await page.getByTestId("tab-findings").textContent()).not.toMatch(/\d/);
      expect(await page.getByTestId("selected-cell").count()).toBe(0);
    }
    await shot("14-1-rejected-file");
    // Opening a good file afterwards works as before.
    await page.getByTestId("file-input").setInputFiles({ name: "tomoni.xlsx", mimeType: "application/octet-stream", buffer: sample });
    await page.getByTestId("file-status").getByText("Berkas: tomoni.xlsx").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("action-validate").isDisabled()).toBe(false);
  }, 240_000);

  it("item 2: never names the command line; '… dan N jumlah lain tidak dihitung ulang' opens to list the cells and why", async () => {
    await openSample();
    await validate();
    // Before Perbaiki Angka, Hitung Ulang leaves the parents over mistyped amounts alone and says what to click.
    await page.getByTestId("action-recompute").click();
    const preview = page.getByTestId("preview");
    await preview.getByText("salah ketik (perbaiki dulu dengan Perbaiki Angka)").first().waitFor({ timeout: 60_000 });
    const more = page.getByTestId("more-skipped");
    const summary = (await more.locator("summary").textContent()) ?? "";
    const n = Number(/dan ([\d.]+) jumlah lain tidak dihitung ulang/.exec(summary)?.[1].replace(/\./g, ""));
    expect(n).toBeGreaterThan(0);
    const list = page.getByTestId("more-skipped-list");
    expect(await list.isVisible()).toBe(false);
    await more.locator("summary").click();
    await list.waitFor();
    const items = await list.locator("li").allTextContents();
    expect(items).toHaveLength(n);
    // Each names its cell and why it was left alone.
    for (const item of items) expect(item).toMatch(/^'?[^!]+'?![A-Z]+\d+: .+ tidak dihitung ulang: .+/);
    await shot("14-2-more-skipped-open");
    const texts = async () => (await page.locator("main").innerText()) + (await page.locator("main").evaluate((el) => Array.from(el.querySelectorAll("[title]")).map((e) => e.getAttribute("title")).join("\n")));
    expect(await texts()).not.toMatch(/renja |fix-numbers/);
    // Buat Tabel's notice on the source's slips names the button too.
    await page.getByTestId("action-generate-33").click();
    await page.getByTestId("preview-count").getByText("Lembar baru").waitFor({ timeout: 60_000 });
    expect(await preview.innerText()).toContain("Perbaiki juga sumbernya dengan Perbaiki Angka");
    expect(await texts()).not.toMatch(/renja |fix-numbers/);
    // English too.
    await page.getByTestId("lang-switch").click();
    expect(await preview.innerText()).toContain("Fix the source too with Fix Numbers");
    expect(await texts()).not.toMatch(/renja |fix-numbers/);
    await page.getByTestId("lang-switch").click();
  }, 240_000);

  it("item 3: Validasi → Perbaiki Angka → Hitung Ulang → Buat Tabel, each saying when it has nothing to do", async () => {
    await openSample();
    const order = await page
      .getByTestId("workflow")
      .locator("button")
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute("data-testid")));
    expect(order.slice(0, 4)).toEqual(["action-validate", "action-fix-numbers", "action-recompute", "action-generate-33"]);
    expect(await page.getByTestId("action-fix-numbers-hint").textContent()).toBe("Validasi dulu untuk melihat apa yang akan dikerjakan.");
    await validate();
    const fixHint = page.getByTestId("action-fix-numbers-hint");
    expect(await fixHint.textContent()).toMatch(/^[\d.]+ angka salah tulis atau tersimpan sebagai teks akan diperbaiki\.$/);
    expect(await page.getByTestId("action-recompute-hint").textContent()).toMatch(/^[\d.]+ sel jumlah akan ditulis ulang\.$/);
    expect(await page.getByTestId("action-generate-33-hint").textContent()).toContain('Akan dibuat di lembar "Tabel 3.3 (Renja Cermat)"');
    expect(await page.getByTestId("action-generate-perubahan-hint").textContent()).toContain("Pilih dulu buku kerja versi semula");
    await shot("14-3-workflow-validated");

    await page.getByTestId("action-fix-numbers").click();
    await page.getByTestId("preview").waitFor();
    await applyPreview();
    await fixHint.getByText("Tidak ada angka yang perlu diperbaiki.").waitFor({ timeout: 30_000 });
    // The preview agrees with the hint.
    await page.getByTestId("action-fix-numbers").click();
    await page.getByTestId("preview-count").getByText("Tidak ada yang perlu diubah.").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("preview-apply").isDisabled()).toBe(true);

    await page.getByTestId("action-recompute").click();
    await page.getByTestId("preview-change").first().waitFor({ timeout: 60_000 });
    await page.getByTestId("accept-decisions").click();
    await applyPreview();
    // Only the decisions ticked were written; the plan on the new read (decisions unticked again) is empty.
    await page.getByTestId("action-recompute-hint").getByText("Semua jumlah sudah sesuai; tidak ada yang perlu dihitung ulang.").waitFor({ timeout: 30_000 });
    await shot("14-3-workflow-done");
    await page.getByTestId("lang-switch").click();
    expect(await page.getByTestId("action-fix-numbers-hint").textContent()).toBe("No amount needs fixing.");
    expect(await page.getByTestId("action-recompute-hint").textContent()).toBe("Every total adds up; nothing to recompute.");
    await page.getByTestId("lang-switch").click();
  }, 300_000);

  it("item 9: asks before leaving or opening another file while the changed workbook was not downloaded", async () => {
    await openSample();
    const dialogs: Dialog[] = [];
    const onDialog = (d: Dialog) => {
      dialogs.push(d);
      void d.dismiss();
    };
    page.on("dialog", onDialog);
    try {
      // Nothing changed yet: a reload goes through without asking.
      await page.reload();
      await page.getByTestId("file-status").getByText(SAMPLE_STATUS).waitFor({ timeout: 30_000 });
      expect(dialogs).toHaveLength(0);

      await validate();
      await page.getByTestId("action-fix-numbers").click();
      await page.getByTestId("preview").waitFor();
      await applyPreview();
      await page.getByTestId("unsaved").waitFor();

      // Opening another file asks; dismissed, no file chooser opens and the workbook stays.
      let chooser = false;
      page.once("filechooser", () => (chooser = true));
      await page.getByTestId("open-file").click();
      await until(() => dialogs.length === 1);
      expect(dialogs[0].type()).toBe("confirm");
      expect(dialogs[0].message()).toContain("belum diunduh");
      await page.waitForTimeout(300);
      expect(chooser).toBe(false);

      // Reloading asks (beforeunload); dismissed, the page and its changes stay.
      void page.evaluate(() => location.reload()).catch(() => undefined);
      await until(() => dialogs.length === 2);
      expect(dialogs[1].type()).toBe("beforeunload");
      await page.waitForTimeout(300);
      expect(await page.getByTestId("unsaved").isVisible()).toBe(true);
      expect(await page.getByTestId("download").count()).toBe(1);
      await shot("14-9-unsaved");

      // Downloaded: leaving no longer asks.
      await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()]);
      await page.getByTestId("unsaved").waitFor({ state: "detached" });
      await page.reload();
      await page.getByTestId("file-status").getByText(SAMPLE_STATUS).waitFor({ timeout: 30_000 });
      expect(dialogs).toHaveLength(2);

      // Changed and then undone: the workbook is the file as opened again, so nothing is unsaved.
      await validate();
      await page.getByTestId("action-fix-numbers").click();
      await page.getByTestId("preview").waitFor();
      await applyPreview();
      await page.getByTestId("unsaved").waitFor();
      await page.getByTestId("action-undo").click();
      await page.getByTestId("unsaved").waitFor({ state: "detached", timeout: 30_000 });
      expect(await page.getByTestId("download").count()).toBe(0);
      await page.reload();
      await page.getByTestId("file-status").getByText(SAMPLE_STATUS).waitFor({ timeout: 30_000 });
      expect(dialogs).toHaveLength(2);
    } finally {
      page.off("dialog", onDialog);
    }
  }, 300_000);
});
