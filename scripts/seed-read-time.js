#!/usr/bin/env node
// Read time of the seed workbook through the package reader of a dist build (open + every snapshot), 20 warm-up
// runs then N timed: `node scripts/seed-read-time.js <repo root with dist/> [N]` (compare two builds on one machine).
const fs = require("fs");
const root = process.argv[2];
const { openXlsxHost } = require(root + "/dist/src/xlsx");
const bytes = new Uint8Array(fs.readFileSync(root + "/seeds/sample-renja-tomoni-2025.xlsx"));
(async () => {
  const N = Number(process.argv[3] ?? 200);
  for (let i = 0; i < 20; i++) await (await openXlsxHost(bytes, "seed.xlsx")).readAllSnapshots({ styles: true });
  const times = [];
  for (let i = 0; i < N; i++) {
    const t = process.hrtime.bigint();
    await (await openXlsxHost(bytes, "seed.xlsx")).readAllSnapshots({ styles: true });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(`n=${N} median ${times[N >> 1].toFixed(2)} ms, p10 ${times[N / 10].toFixed(2)} ms, p90 ${times[(N * 9) / 10].toFixed(2)} ms`);
})();
