// Lint: TypeScript strictness plus the layer rule of DESIGN.md
// (ui/commands/cli -> hosts -> domain; the domain imports no host, no UI, no Node built-ins, no ExcelJS).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const nodeBuiltins = [
  "fs", "path", "os", "child_process", "crypto", "util", "stream", "zlib", "http", "https", "url", "buffer",
  "events", "worker_threads", "perf_hooks", "readline", "process", "module", "net", "tls", "assert",
];
const nodeBuiltinPatterns = nodeBuiltins.flatMap((m) => [m, `node:${m}`, `${m}/*`, `node:${m}/*`]);

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test/fixtures/generated/**", "bench/generated/**", "bin/**", "*.config.js", "webpack.config.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": ["error", { "ts-ignore": true, "ts-nocheck": true, "ts-expect-error": "allow-with-description" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: [
          { name: "exceljs", message: "The domain stays pure: ExcelJS belongs in src/xlsx/." },
          { name: "react", message: "The domain stays pure: React belongs in src/ui/." },
        ],
        patterns: [
          { group: ["**/office/**", "**/office", "**/xlsx/**", "**/xlsx", "**/ui/**", "**/ui", "**/cli/**", "**/cli", "**/commands/**"], message: "The domain imports no host, UI or CLI code (DESIGN.md layers)." },
          { group: nodeBuiltinPatterns, message: "The domain stays pure: no Node built-ins." },
        ],
      }],
      "no-restricted-globals": ["error", { name: "Excel", message: "Only src/office/ calls the Excel API." }, { name: "process", message: "The domain stays pure." }],
    },
  },
  {
    files: ["src/xlsx/**/*.ts", "src/cli/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/office/**", "**/ui/**", "**/commands/**"], message: "Hosts and the CLI do not import the Office host or the UI." }] }],
      "no-restricted-globals": ["error", { name: "Excel", message: "Only src/office/ calls the Excel API." }],
    },
  },
  {
    // Build and dev scripts run in Node as plain CommonJS (no compile step before `npm start`).
    files: ["scripts/**/*.js"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly", module: "writable", exports: "writable", __dirname: "readonly", __filename: "readonly",
        process: "readonly", Buffer: "readonly", URL: "readonly", console: "readonly", setTimeout: "readonly", clearTimeout: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
