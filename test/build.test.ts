/**
 * One production build of the add-in (into a temporary folder, with a production address), then what issue 5
 * asks of it: office.js from Microsoft's CDN and not bundled, the standalone page in a lazy chunk of its
 * own, the manifest rewritten to the hosting address, icons and sample copied, scripts minified, and the pane's
 * initial JavaScript within the size target.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { measure, TARGET_BYTES } from "../scripts/bundle-size";
import { rewriteManifest } from "../scripts/manifest-url";

const ROOT = path.join(__dirname, "..");
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const BASE_URL = "https://renja.example.go.id/addin/";

let workDir = "";
let outDir = "";
let chunks: { entrypoints: Record<string, string[]>; chunkGroups: Record<string, string[]> };

const read = (file: string) => fs.readFileSync(path.join(outDir, file), "utf8");
const scripts = () => fs.readdirSync(outDir).filter((f) => f.endsWith(".js"));

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "renja-build-"));
  outDir = path.join(workDir, "addin");
  const webpack = require.resolve("webpack/bin/webpack.js", { paths: [ROOT] });
  const run = spawnSync(process.execPath, [webpack, "--mode", "production", "--output-path", outDir], {
    cwd: ROOT,
    env: { ...process.env, ADDIN_BASE_URL: BASE_URL },
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`webpack failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  chunks = JSON.parse(fs.readFileSync(path.join(workDir, "addin-chunks.json"), "utf8"));
}, 300_000);

afterAll(() => {
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

describe("production build", () => {
  it("loads office.js from Microsoft's CDN in <head>, before the pane's scripts, and does not bundle it", () => {
    const html = read("taskpane.html");
    const head = html.slice(0, html.indexOf("</head>"));
    const cdnAt = head.indexOf(`src="${OFFICE_JS_CDN}"`);
    expect(cdnAt).toBeGreaterThan(0);
    const ownScripts = [...head.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]).filter((src) => src !== OFFICE_JS_CDN);
    expect(ownScripts).toEqual(chunks.entrypoints.taskpane);
    expect(head.indexOf(ownScripts[0])).toBeGreaterThan(cdnAt);
    // OSF is office.js's own namespace; no output script defines it.
    expect(scripts().filter((f) => /\bOSF\.DDA\b|var OSF\s*=/.test(read(f)))).toEqual([]);
  });

  it("ships no ExcelJS at all: the pane reads and writes workbooks with the project's own package reader", () => {
    const initial = chunks.entrypoints.taskpane;
    const standalone = chunks.chunkGroups.standalone ?? [];
    // The standalone page is a lazy chunk, never part of what the pane loads first.
    expect(standalone.length).toBeGreaterThan(0);
    expect(standalone.filter((f) => initial.includes(f))).toEqual([]);
    const html = read("taskpane.html");
    expect(standalone.filter((f) => html.includes(f))).toEqual([]);
    // ExcelJS is only the CLI's fallback writer and the tests' oracle (issue 16): no chunk of the bundle holds it.
    expect(scripts().filter((f) => f.startsWith("exceljs."))).toEqual([]);
    expect(scripts().filter((f) => read(f).includes("exceljs"))).toEqual([]);
  });

  it("writes the manifest with every address under ADDIN_BASE_URL", () => {
    const manifest = read("manifest.xml");
    expect(manifest).toBe(rewriteManifest(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"), BASE_URL));
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain(`<SourceLocation DefaultValue="${BASE_URL}taskpane.html"/>`);
  });

  it("copies the icons and the sample workbook the pane opens, byte for byte", () => {
    for (const file of ["assets/icon-16.png", "assets/icon-32.png", "assets/icon-64.png", "assets/icon-80.png"]) {
      expect(fs.readFileSync(path.join(outDir, file)).equals(fs.readFileSync(path.join(ROOT, file)))).toBe(true);
    }
    const sample = fs.readFileSync(path.join(outDir, "sample-renja-tomoni-2025.xlsx"));
    expect(sample.equals(fs.readFileSync(path.join(ROOT, "seeds", "sample-renja-tomoni-2025.xlsx")))).toBe(true);
  });

  it("minifies the pane's scripts", () => {
    for (const file of chunks.entrypoints.taskpane) {
      const text = read(file);
      const lines = text.split("\n").length;
      expect(text.length / lines).toBeGreaterThan(1000);
    }
  });

  it("keeps the pane's initial JavaScript, gzipped, within the target", () => {
    const sizes = measure(outDir);
    expect(sizes.initial.map((s) => s.file)).toEqual(chunks.entrypoints.taskpane);
    expect(sizes.initialGzipBytes).toBeGreaterThan(0);
    expect(sizes.initialGzipBytes).toBeLessThanOrEqual(TARGET_BYTES);
  });
});
