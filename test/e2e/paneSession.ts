/**
 * One browser session on the built pane for a Chromium test file: the page built once per run (sharedPage), served
 * on loopback, Debian's Chromium in a fresh profile at the pane's width, Office's CDN unreachable so the pane starts
 * as the standalone page. Call `openPaneSession` in beforeAll and `close` in afterAll.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { chromium } from "playwright-core";
import type { BrowserContext, Page } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "./chromium";
import { sharedPage } from "./buildPage";
import { serveDirectory, type StaticServer } from "./staticServer";

export const SCREENSHOTS = path.join(__dirname, "screenshots");

export interface PaneSession {
  page: Page;
  context: BrowserContext;
  server: StaticServer;
  /** The pane's page on the server. */
  url: string;
  /** A full-page screenshot to test/e2e/screenshots/<name>.png (look at them). */
  shot(name: string): Promise<Buffer>;
  close(): Promise<void>;
}

export interface PaneSessionOptions {
  width?: number;
  height?: number;
  acceptDownloads?: boolean;
  /** Lets a test inject scripts (axe-core), which the pane's own CSP would refuse. */
  bypassCSP?: boolean;
}

export async function openPaneSession(name: string, opts: PaneSessionOptions = {}): Promise<PaneSession> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `renja-e2e-${name}-`));
  const server = await serveDirectory(await sharedPage());
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const context = await chromium.launchPersistentContext(path.join(work, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: opts.width ?? 350, height: opts.height ?? 900 },
    acceptDownloads: opts.acceptDownloads ?? false,
    bypassCSP: opts.bypassCSP ?? false,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
  return {
    page,
    context,
    server,
    url: `${server.url}taskpane.html`,
    shot: (shotName) => page.screenshot({ path: path.join(SCREENSHOTS, `${shotName}.png`), fullPage: true, animations: "disabled" }),
    async close() {
      await context.close();
      await server.close();
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
}
