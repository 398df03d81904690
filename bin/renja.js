#!/usr/bin/env node
"use strict";
// The compiled CLI lives in dist/ (built by `npm run prepare`, which npm runs after `npm ci`).
const path = require("path");
const fs = require("fs");
const entry = path.join(__dirname, "..", "dist", "src", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("renja: program belum dibangun. Jalankan `npm install` (atau `npm run build:cli`) lebih dulu.\n");
  process.exit(2);
}
require(entry).main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`renja: kesalahan tak terduga: ${err && err.message ? err.message : String(err)}\n`);
    process.exit(2);
  },
);
