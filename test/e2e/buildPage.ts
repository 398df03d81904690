/**
 * Builds the add-in bundle (the shell's webpack.config.js, development mode) into a directory of the test's
 * own, so a test run never cleans or overwrites dist/addin.
 */
import { createHash } from "crypto";
import fs from "fs";
import os from "os";
import path from "path";
import webpack from "webpack";
import type { Configuration } from "webpack";

type ConfigFactory = (env: Record<string, unknown>, argv: { mode: string }) => Configuration;

export const ROOT = path.resolve(__dirname, "..", "..");

export async function buildPage(outDir: string, env: Record<string, unknown> = {}): Promise<void> {
  // The shell's config is CommonJS JavaScript; loading it is the point (the test builds what `npm start` serves).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const factory = require(path.join(ROOT, "webpack.config.js")) as ConfigFactory;
  const config = factory({ http: true, ...env }, { mode: "development" });
  config.output = { ...config.output, path: outDir, clean: true };
  // The chunk list belongs to release builds (bench/); a test build must not rewrite it.
  config.plugins = (config.plugins ?? []).filter((p) => p?.constructor?.name !== "ChunkListPlugin");
  config.devtool = false;
  await new Promise<void>((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

/** Everything a development build of the page is made from: a change to any of it means a new build. */
function sourceKey(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else hash.update(p).update(fs.readFileSync(p));
    }
  };
  walk(path.join(ROOT, "src"));
  walk(path.join(ROOT, "assets"));
  for (const f of ["webpack.config.js", "package-lock.json", "manifest.xml"]) hash.update(f).update(fs.readFileSync(path.join(ROOT, f)));
  return hash.digest("hex").slice(0, 16);
}

/**
 * The page as `npm start` serves it, built once for all browser tests of a run (and kept for the next run while
 * the sources stay the same): each test file building its own took a minute of CPU apiece. Jest runs test files
 * in parallel workers, so the first to come builds under a lock (an atomic mkdir) and the others wait for its
 * "done" mark. Tests only read the directory; one that needs other build options uses buildPage.
 */
export async function sharedPage(): Promise<string> {
  const dir = path.join(os.tmpdir(), `renja-e2e-page-${sourceKey()}`);
  const done = path.join(dir, ".built");
  const lock = `${dir}.lock`;
  for (;;) {
    if (fs.existsSync(done)) return dir;
    let mine = false;
    try {
      fs.mkdirSync(lock);
      mine = true;
    } catch {
      // another worker is building: wait for its mark, or take over a lock left by a killed run
      const since = fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (since !== undefined && Date.now() - since > 10 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
    if (!mine) continue;
    try {
      await buildPage(dir);
      fs.writeFileSync(done, new Date().toISOString());
      return dir;
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
}
