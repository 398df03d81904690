/** The sheets of an .xlsx file as `renja check` reads them (styles included), for the benches that time what follows. */
import * as fs from "fs";
import * as path from "path";
import type { SheetSnapshot } from "../src/domain/sheet/snapshot";
import { openXlsxHost } from "../src/xlsx";

export async function readSnapshots(file: string): Promise<SheetSnapshot[]> {
  const host = await openXlsxHost(new Uint8Array(fs.readFileSync(file)), path.basename(file));
  const snapshots: SheetSnapshot[] = [];
  for (const ref of await host.listSheets()) snapshots.push(await host.readSnapshot(ref, { styles: true }));
  return snapshots;
}
