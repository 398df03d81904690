"use strict";
/**
 * One fuzz case at a time (scripts/fuzz-workbooks.ts), in a child process of its own so a native crash or an out
 * of memory abort is seen as the child's exit, and CPU time is this case's alone (process.cpuUsage of the child).
 * Runs `check --json`, `fix-numbers`, `recompute` and `generate tabel-3.3` on the mutated workbook in process, each
 * with its own output in a fresh folder. For every output written it compares the workbook with the input cell
 * by cell, on the bytes (test/support/unplannedCells.ts): a cell that differs must be one of the plan the command
 * applied (told through io.onPlan); generate may add its sheet and nothing else. Sends one outcome per command.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");

require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });
const { main } = require("../src/cli/main");
const { openPackage } = require("../src/xlsx/patch/package");
const { unplannedChanges } = require("../test/support/unplannedCells");

const INTERNAL = /kesalahan internal|internal error/i;
// Files, sidecars and limits as the command has them; stdout/stderr replaced per run (nodeIo() once: it hooks process streams).
const baseIo = require("../src/cli/io").nodeIo();

function cpuSeconds(since) {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1e6;
}

async function run(argv, onPlan) {
  let stdout = "";
  let stderr = "";
  const io = { ...baseIo, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), flush: undefined, debug: false, onPlan };
  const code = await main(argv, { io });
  return { code, stdout, stderr };
}

async function one(command, args, file) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "renja-fuzz-out-"));
  const output = path.join(dir, "out.xlsx");
  try {
    const argv = command === "check" ? ["check", file, "--json"] : [...args, file, "-o", output, "--lang", "en"];
    let plan;
    const cpu0 = process.cpuUsage();
    const t0 = Date.now();
    const result = await run(argv, (p) => void (plan = p));
    const cpuS = cpuSeconds(cpu0);
    const wallS = (Date.now() - t0) / 1000;
    const wrote = command !== "check" && fs.existsSync(output);
    let unplanned = [];
    if (wrote) {
      const input = new Uint8Array(fs.readFileSync(file));
      const written = new Uint8Array(fs.readFileSync(output));
      if (command === "generate") {
        // generate's fallback: the table alone in a separate workbook (it says why), nothing of the input in it.
        const before = new Set(openPackage(input).sheets.map((s) => s.name));
        const separate = !openPackage(written).sheets.some((s) => before.has(s.name));
        unplanned = separate ? [] : unplannedChanges(input, written, [], true);
      } else {
        unplanned = unplannedChanges(input, written, plan ? plan.cells : []);
      }
    }
    return { command, code: result.code, internal: INTERNAL.test(result.stderr), cpuS, wallS, wrote, unplanned, message: result.stderr.split("\n")[0].slice(0, 300) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// A long-lived child: one case per message, so the TypeScript sources are compiled once per child.
process.on("message", ({ file }) => {
  (async () => {
    const outcomes = [];
    outcomes.push(await one("check", [], file));
    outcomes.push(await one("fix-numbers", ["fix-numbers"], file));
    outcomes.push(await one("recompute", ["recompute"], file));
    outcomes.push(await one("generate", ["generate", "tabel-3.3"], file));
    process.send(outcomes);
  })().catch((e) => {
    process.send([{ command: "(worker)", internal: false, abort: `threw past main(): ${String(e && e.stack ? e.stack : e).slice(0, 2000)}`, wrote: false, unplanned: [] }]);
  });
});
process.send("ready");
