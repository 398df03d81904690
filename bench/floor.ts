/**
 * The floor `renja check` is measured against: inflate the package and scan each worksheet's XML once for cells
 * with indexOf (no values, no styles, no mapping). Prints the number of cells. Run: node dist/bench/floor.js FILE
 */
import * as fs from "fs";
import { strFromU8, unzipSync } from "fflate";

export function countCells(bytes: Uint8Array): number {
  const files = unzipSync(bytes, { filter: (f) => /^xl\/worksheets\/[^/]+\.xml$/.test(f.name) });
  let cells = 0;
  for (const data of Object.values(files)) {
    const xml = strFromU8(data);
    for (let at = xml.indexOf("<c "); at >= 0; at = xml.indexOf("<c ", at + 3)) cells++;
  }
  return cells;
}

if (require.main === module) {
  console.log(countCells(new Uint8Array(fs.readFileSync(process.argv[2]))));
}
