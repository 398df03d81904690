#!/usr/bin/env node
// One line per .xlsx of ../shared/corpus read by a dist build: "ok <sheets> <cells> <hash of the snapshots>" or the
// refusal. Diff two builds: `node scripts/corpus-snapshot-hashes.js <root> out.txt` for each, then `diff`.
const fs = require("fs"), path = require("path");
const root = process.argv[2];
const { openXlsxHost } = require(root + "/dist/src/xlsx");
const corpus = path.resolve(root, "..", "shared", "corpus");
const files = require("child_process").execSync(`find ${corpus} -name '*.xlsx' | LC_ALL=C sort`).toString().trim().split("\n");
(async () => {
  const out = [];
  for (const f of files) {
    const bytes = new Uint8Array(fs.readFileSync(f));
    let v;
    try {
      const host = await openXlsxHost(bytes, path.basename(f), {}, { maxSheetDataBytes: 200e6 });
      const snaps = await host.readAllSnapshots({ styles: true });
      v = "ok " + snaps.length + " " + snaps.reduce((n, s) => n + [...s.rows.values()].reduce((m, r) => m + r.size, 0), 0) + " " + require("crypto").createHash("sha1").update(JSON.stringify(snaps, (k, x) => (x instanceof Map ? [...x] : x instanceof Set ? [...x] : x))).digest("hex").slice(0, 10);
    } catch (e) {
      v = "refused " + (e.message && e.message.en ? e.message.en : String(e.en || e.message)).slice(0, 200);
    }
    out.push(path.relative(corpus, f) + "\t" + v);
  }
  fs.writeFileSync(process.argv[3], out.join("\n") + "\n");
})();
