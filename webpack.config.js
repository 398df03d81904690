/* global require, module, process, __dirname */
"use strict";
/**
 * The add-in bundle: dist/addin/ holds taskpane.html (the pane and the ribbon commands inside Office, the
 * standalone page elsewhere), its scripts, the icons, the sample workbook and manifest.xml. It is kept apart from dist/src (the compiled
 * `renja` CLI that `npm install` builds) so that cleaning one never deletes the other and the folder copied to the
 * web server holds only what the add-in serves.
 *
 *   webpack --mode production                                   manifest addresses stay https://localhost:3000/
 *   ADDIN_BASE_URL=https://server/renja/ webpack --mode production   manifest addresses under that server
 *   webpack serve --mode development [--env http]               dev server on localhost:3000
 *
 * The dev server speaks https when office-addin-dev-certs' certificates are already in ~/.office-addin-dev-certs
 * (Excel needs https) and plain http otherwise, or always with --env http (the standalone page, `npm start` on
 * Linux). It never creates certificates itself: that needs an administrator (sudo on Linux).
 */
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const webpack = require("webpack");
const { DEV_BASE_URL, normaliseBaseUrl, rewriteManifest } = require("./scripts/manifest-url");
const { contentSecurityPolicy } = require("./scripts/contentSecurityPolicy");

const OUTPUT_DIR = path.join(__dirname, "dist", "addin");
const DEV_PORT = 3000;
const SAMPLE_WORKBOOK = "seeds/sample-renja-tomoni-2025.xlsx";

/** The certificates `office-addin-dev-certs install` leaves in the user's home, if they are all there. */
function devCertificates() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  const found = {};
  for (const [name, file] of Object.entries(files)) {
    const full = path.join(dir, file);
    if (!fs.existsSync(full)) return undefined;
    found[name] = fs.readFileSync(full);
  }
  return found;
}

/**
 * Writes <output>-chunks.json (dist/addin-chunks.json; beside the output, never served) after each build: the
 * script files of every entry point and every named lazy chunk group, for scripts/bundle-size.js and the tests.
 */
class ChunkListPlugin {
  apply(compiler) {
    compiler.hooks.done.tap("ChunkListPlugin", (stats) => {
      if (stats.hasErrors()) return;
      const { compilation } = stats;
      const filesOf = (group) => group.chunks.flatMap((chunk) => [...chunk.files]).filter((f) => f.endsWith(".js"));
      const byName = (groups) => Object.fromEntries([...groups].map(([name, group]) => [name, [...new Set(filesOf(group))]]));
      const list = {
        entrypoints: byName(compilation.entrypoints),
        chunkGroups: byName(compilation.namedChunkGroups),
      };
      const outputPath = compilation.outputOptions.path;
      fs.writeFileSync(path.join(path.dirname(outputPath), `${path.basename(outputPath)}-chunks.json`), `${JSON.stringify(list, null, 2)}\n`);
    });
  }
}

/**
 * Terser for every script except ExcelJS's already minified browser build (re-minifying its megabyte took most
 * of a production build). webpack's own default minimizer, when its plugin cannot be loaded.
 */
function javascriptMinimizer() {
  let MinimizerPlugin;
  try {
    MinimizerPlugin = require("minimizer-webpack-plugin");
  } catch {
    return "...";
  }
  return new MinimizerPlugin({
    test: /\.[cm]?js(\?.*)?$/i,
    exclude: /^exceljs\./,
    minify: MinimizerPlugin.terserMinify,
    minimizerOptions: { compress: { passes: 2 } },
  });
}

/**
 * `--env catalogue=FILE`: a nomenclature list bundled with the add-in, written beside the pane as
 * nomenklatur.json and fetched by the pane when it starts (src/ui/nomenclatureSource.ts). FILE is a list as
 * `renja catalogue import` writes it (.json in the data folder), or an official list (TSV/CSV) converted with the
 * compiled importer in dist/ (`npm run build:cli` first).
 */
const BUNDLED_CATALOGUE = "nomenklatur.json";

/** Writes one file of the given content into the output (the bundled nomenclature list). */
class EmitFilePlugin {
  constructor(name, content) {
    this.name = name;
    this.content = content;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("EmitFilePlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "EmitFilePlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.emitAsset(this.name, new webpack.sources.RawSource(this.content));
      });
    });
  }
}

/**
 * The list to bundle as stored-format JSON. An official list (TSV, CSV or .xlsx) goes through the same reader as
 * `renja catalogue import` (dist/src/xlsx/listFile.js, compiled by `npm run build:cli`); it is asynchronous, and
 * webpack's configuration factory is not, so it runs in a child Node process.
 */
function bundledCatalogue(file) {
  const resolved = path.resolve(file);
  if (/\.json$/i.test(file)) {
    const data = JSON.parse(fs.readFileSync(resolved, "utf8"));
    if (data.format !== "renja-nomenklatur") throw new Error(`${file} is not a Renja Cermat nomenclature list`);
    return JSON.stringify(data);
  }
  const reader = path.join(__dirname, "dist", "src", "xlsx", "listFile.js");
  if (!fs.existsSync(reader)) throw new Error("--env catalogue=FILE with a TSV/CSV/.xlsx list needs the compiled reader: run `npm run build:cli` first");
  // a refusal's problems are catalogue messages: rendered (in English, the build's language) by the same catalogue
  const messages = path.join(__dirname, "dist", "src", "domain", "messages", "index.js");
  const script =
    "const [reader, messages, file] = process.argv.slice(1);" +
    "require(reader).readListBytes(new Uint8Array(require('fs').readFileSync(file)), require('path').basename(file))" +
    ".then((r) => process.stdout.write(JSON.stringify(r.ok ? r : { ok: false, errors: r.errors.map((e) => require(messages).render(e.message, 'en')) })), (e) => { process.stderr.write(String(e && e.message)); process.exit(2); });";
  const result = JSON.parse(execFileSync(process.execPath, ["-e", script, reader, messages, resolved], { encoding: "utf8", maxBuffer: 1 << 28 }));
  if (!result.ok) throw new Error(`${file}: ${result.errors.join(" ")}`);
  return JSON.stringify(result.data);
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const baseUrl = production && process.env.ADDIN_BASE_URL ? normaliseBaseUrl(process.env.ADDIN_BASE_URL) : undefined;
  if (production && !baseUrl) {
    process.stderr.write(
      `Catatan: ADDIN_BASE_URL tidak diisi; manifest.xml di dist/addin tetap memakai ${DEV_BASE_URL}.\n` +
        `Note: ADDIN_BASE_URL is not set; dist/addin/manifest.xml keeps ${DEV_BASE_URL}.\n`,
    );
  }
  const certificates = env.http ? undefined : devCertificates();
  const catalogue = typeof env.catalogue === "string" && env.catalogue !== "" ? bundledCatalogue(env.catalogue) : undefined;

  return {
    mode: production ? "production" : "development",
    target: "web",
    context: __dirname,
    // One page: with the shared runtime the manifest's FunctionFile is taskpane.html, and src/ui registers the
    // ribbon commands (src/commands) there, on the pane's own controller.
    entry: {
      taskpane: "./src/ui/index.tsx",
    },
    output: {
      path: OUTPUT_DIR,
      // Office caches add-in files hard; content hashes make a new release load its own scripts.
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "auto",
      clean: true,
    },
    // No eval-based source maps: the pane's Content-Security-Policy allows no eval, in development too.
    devtool: production ? false : "cheap-module-source-map",
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      alias: {
        // ExcelJS's lib/ sources need Node streams; its prebuilt browser build does not.
        exceljs$: require.resolve("exceljs/dist/exceljs.min.js"),
        "exceljs/lib/doc/workbook$": path.join(__dirname, "scripts", "webpack", "exceljs-workbook.js"),
        "exceljs/lib/doc/enums$": path.join(__dirname, "scripts", "webpack", "exceljs-enums.js"),
      },
      // Nothing the browser runs uses these (src/cli and the tests do); fail loudly at run time rather than ship shims.
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false, zlib: false, util: false, v8: false, child_process: false },
    },
    module: {
      // Prebuilt UMD bundle: nothing in it for webpack to resolve, and parsing its megabyte takes seconds.
      noParse: /exceljs[\\/]dist[\\/]exceljs(\.min)?\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.join(__dirname, "tsconfig.json"),
              // `npm test` type-checks everything; the bundle only needs the emit.
              transpileOnly: true,
              compilerOptions: {
                noEmit: false,
                // ES modules so webpack can split at import() and tree-shake Fluent's icons (CommonJS defeats both).
                module: "esnext",
                moduleResolution: "node",
                target: "ES2020",
                sourceMap: !production,
              },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        template: "./src/taskpane.html",
        filename: "taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
        // Written into the template's <head> before office.js's <script>, so it governs every load.
        contentSecurityPolicy: contentSecurityPolicy({ devServerPort: production ? undefined : DEV_PORT }),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: SAMPLE_WORKBOOK, to: "[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (baseUrl ? rewriteManifest(content.toString("utf8"), baseUrl) : content),
          },
        ],
      }),
      new ChunkListPlugin(),
      new webpack.DefinePlugin({ __RENJA_BUNDLED_CATALOGUE__: JSON.stringify(catalogue ? BUNDLED_CATALOGUE : "") }),
      ...(catalogue ? [new EmitFilePlugin(BUNDLED_CATALOGUE, catalogue)] : []),
    ],
    optimization: {
      splitChunks: {
        cacheGroups: {
          // ExcelJS's browser build arrives minified: its own chunk, so the minimizer can skip it.
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: "exceljs", chunks: "async", enforce: true, priority: 20 },
        },
      },
      minimizer: production ? [javascriptMinimizer()] : undefined,
    },
    // bench/bundle-size.md tracks what the pane loads; ExcelJS's lazy chunk is large by nature.
    performance: { hints: false },
    devServer: {
      host: "localhost",
      port: DEV_PORT,
      server: certificates ? { type: "https", options: certificates } : "http",
      static: false,
      devMiddleware: { index: "taskpane.html" },
      client: { overlay: { errors: true, warnings: false } },
      open: false,
    },
  };
};
