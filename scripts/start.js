#!/usr/bin/env node
"use strict";
/**
 * `npm start`.
 * - Windows or macOS with office-addin-debugging installed (an optional dependency): sideload manifest.xml into
 *   Excel desktop and start the https dev server (`office-addin-debugging start manifest.xml`; extra arguments
 *   pass through, e.g. `npm start -- web --document <url>`).
 * - Anywhere else (Linux, CI), or with `--standalone`: serve the standalone page over plain
 *   http://localhost:3000/ from the webpack dev server; no certificates, no administrator rights. Ctrl-C stops it.
 */
const { spawn } = require("child_process");
const http = require("http");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const PORT = 3000;
const STANDALONE_URL = `http://localhost:${PORT}/`;

function debuggingCli() {
  try {
    const pkgFile = require.resolve("office-addin-debugging/package.json", { paths: [ROOT] });
    const pkg = require(pkgFile);
    const bin = typeof pkg.bin === "string" ? pkg.bin : pkg.bin && (pkg.bin["office-addin-debugging"] || Object.values(pkg.bin)[0]);
    return bin ? path.join(path.dirname(pkgFile), bin) : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `node <script> <args>`, passing Ctrl-C on, and exits with its exit code. */
function run(script, args, onSpawn) {
  const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    // A terminal's Ctrl-C reaches the child as well; forwarding covers `kill` and npm, and a second signal only
    // makes the dev server skip its graceful close.
    process.on(signal, () => child.kill(signal));
  }
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
  if (onSpawn) onSpawn(child);
}

/** Polls the dev server until it answers, then prints where the page is. */
function announceWhenReady(child) {
  let done = false;
  child.on("exit", () => {
    done = true;
  });
  const poll = () => {
    if (done) return;
    const req = http.get(STANDALONE_URL, (res) => {
      res.resume();
      if (res.statusCode === 200) {
        done = true;
        process.stdout.write(
          `\nRenja Cermat (halaman mandiri / standalone page): ${STANDALONE_URL}\n` +
            "Buka alamat itu di peramban. Tekan Ctrl-C untuk berhenti. / Open it in a browser; Ctrl-C stops the server.\n\n",
        );
      } else setTimeout(poll, 500);
    });
    req.on("error", () => setTimeout(poll, 500));
    req.setTimeout(2000, () => req.destroy());
  };
  setTimeout(poll, 1000);
}

function main() {
  const args = process.argv.slice(2);
  const standaloneAsked = args.includes("--standalone");
  const passThrough = args.filter((a) => a !== "--standalone");
  const cli = debuggingCli();
  const excelHere = process.platform === "win32" || process.platform === "darwin";

  if (excelHere && cli && !standaloneAsked) {
    process.stdout.write("Memasang add-in ke Excel (sideload) dan menjalankan server https://localhost:3000/ …\n");
    run(cli, ["start", "manifest.xml", ...passThrough]);
    return;
  }

  const why = standaloneAsked
    ? "--standalone"
    : excelHere
      ? "office-addin-debugging is not installed"
      : `no Excel desktop on ${process.platform}`;
  process.stdout.write(`Menyiapkan halaman mandiri (${why}); kompilasi pertama butuh beberapa detik…\n`);
  const webpackCli = require.resolve("webpack/bin/webpack.js", { paths: [ROOT] });
  run(webpackCli, ["serve", "--mode", "development", "--env", "http", ...passThrough], announceWhenReady);
}

main();
