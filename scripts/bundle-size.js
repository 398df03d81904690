#!/usr/bin/env node
"use strict";
/**
 * Gzipped size of what taskpane.html loads before the pane can show (its entry scripts), apart from the lazily
 * loaded standalone page (ExcelJS, the .xlsx host and writer), which only a browser without Office fetches.
 * Reads dist/addin-chunks.json, which webpack.config.js writes at every build.
 *
 *   npm run build && node scripts/bundle-size.js            print the figures
 *   npm run build && node scripts/bundle-size.js --record   also rewrite bench/bundle-size.md
 *
 * Exits 1 when the initial scripts exceed the target.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const ROOT = path.join(__dirname, "..");
/** Issue 5: the pane's initial JavaScript, gzipped, at most 300 KB (1 KB = 1000 bytes here, the stricter reading). */
const TARGET_BYTES = 300 * 1000;

function gzippedSize(file) {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

/** Sizes of the pane's initial scripts and of the lazy standalone chunks in a build output folder. */
function measure(outputDir) {
  const listFile = path.join(path.dirname(outputDir), `${path.basename(outputDir)}-chunks.json`);
  if (!fs.existsSync(listFile)) throw new Error(`${path.relative(ROOT, listFile)} is missing: run \`npm run build\` first`);
  const list = JSON.parse(fs.readFileSync(listFile, "utf8"));
  const initialFiles = list.entrypoints.taskpane;
  if (!initialFiles || initialFiles.length === 0) throw new Error("the build has no taskpane entry point");
  const lazyFiles = (list.chunkGroups.standalone || []).filter((f) => !initialFiles.includes(f));
  const describe = (f) => {
    const full = path.join(outputDir, f);
    return { file: f, bytes: fs.statSync(full).size, gzipBytes: gzippedSize(full) };
  };
  const initial = initialFiles.map(describe);
  const lazy = lazyFiles.map(describe);
  const sum = (xs, key) => xs.reduce((s, x) => s + x[key], 0);
  return {
    initial,
    lazy,
    initialGzipBytes: sum(initial, "gzipBytes"),
    initialBytes: sum(initial, "bytes"),
    lazyGzipBytes: sum(lazy, "gzipBytes"),
    targetBytes: TARGET_BYTES,
  };
}

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

function report(m, date) {
  const rows = (xs) => xs.map((x) => `| ${x.file.replace(/\.[0-9a-f]{8}\.js$/, ".[hash].js")} | ${kb(x.bytes)} | ${kb(x.gzipBytes)} |`);
  return [
    "# Bundle size: the task pane's initial JavaScript",
    "",
    `Measured ${date} by \`npm run build && node scripts/bundle-size.js --record\` (production build, gzip level 9, 1 KB = 1000 bytes).`,
    "",
    `**Initial JavaScript of taskpane.html, gzipped: ${kb(m.initialGzipBytes)}** (target at most ${kb(m.targetBytes)}: ${m.initialGzipBytes <= m.targetBytes ? "met" : "NOT met"}).`,
    "This is everything the pane loads inside Excel: React, Fluent UI, the domain engine (mapping, rules,",
    "nomenclature catalogue), the Office.js host (src/office), the pane and the ribbon commands. office.js itself comes",
    "from Microsoft's CDN and is not counted.",
    "",
    "| initial script | minified | gzipped |",
    "|---|---|---|",
    ...rows(m.initial),
    "",
    `Loaded only by the standalone page (a browser without Office), on demand: ${kb(m.lazyGzipBytes)} gzipped.`,
    "",
    "| lazy script | minified | gzipped |",
    "|---|---|---|",
    ...rows(m.lazy),
    "",
  ].join("\n");
}

function main() {
  const m = measure(path.join(ROOT, "dist", "addin"));
  const date = new Date().toISOString().slice(0, 10);
  const text = report(m, date);
  process.stdout.write(text);
  if (process.argv.includes("--record")) {
    fs.writeFileSync(path.join(ROOT, "bench", "bundle-size.md"), text);
    process.stdout.write("\n(bench/bundle-size.md written)\n");
  }
  if (m.initialGzipBytes > m.targetBytes) process.exitCode = 1;
}

if (require.main === module) main();
module.exports = { measure, TARGET_BYTES };
