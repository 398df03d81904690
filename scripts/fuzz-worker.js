"use strict";
/**
 * One fuzz case (scripts/fuzz-workbooks.ts): runs `check --json`, `fix-numbers`, `recompute` and
 * `generate tabel-3.3` on the mutated workbook in process, each with its own output in a fresh folder, and for
 * every output written compares its cells with the input's: a cell that differs must be one the command's own
 * dry run named (for generate: nothing in the sheets that were already there). Posts one outcome per command.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { parentPort, workerData } = require("worker_threads");

require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });
const { main } = require("../src/cli/main");
const { openXlsxHost } = require("../src/xlsx");

const INTERNAL = /kesalahan internal|internal error/i;
// Files, sidecars and limits as the command has them; stdout/stderr replaced per run (nodeIo() once: it hooks process streams).
const baseIo = require("../src/cli/io").nodeIo();

async function run(argv) {
  let stdout = "";
  let stderr = "";
  const io = { ...baseIo, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), flush: undefined, debug: false };
  const code = await main(argv, { io });
  return { code, stdout, stderr };
}

function withTimeout(promise, ms) {
  return Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve("timeout"), ms))]);
}

/** 'Sheet'!A1 references named in a dry run's lines. */
function namedCells(text) {
  const cells = new Set();
  for (const m of text.matchAll(/'((?:[^']|'')+)'!\$?([A-Z]{1,3})\$?(\d+)/g)) cells.add(`${m[1].replace(/''/g, "'")}!${m[2]}${m[3]}`);
  return cells;
}

function columnName(n) {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

async function cellsOf(file) {
  const host = await openXlsxHost(fs.readFileSync(file), file);
  const out = new Map();
  for (const ref of await host.listSheets()) {
    const snap = await host.readSnapshot(ref);
    const cells = new Map();
    for (const [r, row] of snap.rows) for (const [c, cell] of row) cells.set(`${columnName(c)}${r}`, JSON.stringify([cell.value, cell.formula ?? null, cell.numFmt ?? null, cell.error ?? null]));
    out.set(snap.name, cells);
  }
  return out;
}

async function unplannedChanges(input, output, allowed, newSheetsAllowed) {
  const before = await cellsOf(input);
  const after = await cellsOf(output);
  // generate's fallback: the table alone in a separate workbook (it says why), nothing of the input in it.
  if (newSheetsAllowed && ![...after.keys()].some((name) => before.has(name))) return [];
  const changed = [];
  for (const [sheet, cells] of after) {
    const old = before.get(sheet);
    if (!old) {
      if (!newSheetsAllowed) changed.push(`${sheet}!(new sheet)`);
      continue;
    }
    for (const key of new Set([...cells.keys(), ...old.keys()])) if (cells.get(key) !== old.get(key) && !allowed.has(`${sheet}!${key}`)) changed.push(`${sheet}!${key}`);
  }
  for (const sheet of before.keys()) if (!after.has(sheet)) changed.push(`${sheet}!(sheet lost)`);
  return changed;
}

async function one(command, args, file, timeoutMs) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "renja-fuzz-out-"));
  const output = path.join(dir, "out.xlsx");
  try {
    const argv = command === "check" ? ["check", file, "--json"] : [...args, file, "-o", output, "--lang", "en"];
    const result = await withTimeout(run(argv), timeoutMs);
    if (result === "timeout") return { command, internal: false, hang: true, wrote: false, unplanned: [] };
    const wrote = command !== "check" && fs.existsSync(output);
    let unplanned = [];
    if (wrote) {
      const dry = command === "generate" ? { stdout: "" } : await withTimeout(run([...args, file, "--dry-run", "--lang", "en"]), timeoutMs);
      const allowed = dry === "timeout" ? new Set() : namedCells(dry.stdout + (dry.stderr ?? ""));
      unplanned = await unplannedChanges(file, output, allowed, command === "generate");
    }
    return { command, code: result.code, internal: INTERNAL.test(result.stderr), hang: false, wrote, unplanned };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// A long-lived worker: one case per message, so the TypeScript sources are loaded once per worker.
parentPort.on("message", ({ file }) => {
  const { timeoutMs } = workerData;
  (async () => {
    const outcomes = [];
    outcomes.push(await one("check", [], file, timeoutMs));
    outcomes.push(await one("fix-numbers", ["fix-numbers"], file, timeoutMs));
    outcomes.push(await one("recompute", ["recompute"], file, timeoutMs));
    outcomes.push(await one("generate", ["generate", "tabel-3.3"], file, timeoutMs));
    parentPort.postMessage(outcomes);
  })().catch((e) => {
    parentPort.postMessage([{ command: "(worker)", internal: false, hang: false, abort: String(e && e.stack ? e.stack : e), wrote: false, unplanned: [] }]);
  });
});
