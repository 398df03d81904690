/**
 * Builds the add-in bundle (the shell's webpack.config.js, development mode) into a directory of the test's
 * own, so a test run never cleans or overwrites dist/addin.
 */
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
