/** The two layouts' original and revised workbooks, as sheet snapshots (KODE empty: the pasted seed; KODE filled: the variant fixture). */
import * as fs from "fs";
import * as path from "path";
import type { SheetSnapshot } from "../../src/domain/sheet/snapshot";
import { openXlsxHost } from "../../src/xlsx";
import { FIXTURE_FILES, GENERATED_DIR } from "../fixtures/build-fixtures";
import { seedSheet } from "../domain/mapping/seedSheets";
import { reviseSheet, SEED_REVISION, type RevisionEdits } from "./revision";

export interface RevisionPair {
  layout: "kode-empty" | "kode-filled";
  old: SheetSnapshot[];
  new: SheetSnapshot[];
}

/** KODE empty: the seed's Tabel 3.3 and Tabel 7 as pasted; the revision changes Tabel 3.3 only. */
export function pastedPair(edits: RevisionEdits = SEED_REVISION): RevisionPair {
  const t33 = seedSheet("tabel33", { sheetName: "Tabel 3.3" }).sheet;
  const t7 = seedSheet("tabel7", { sheetName: "Tabel 7", narrative: true }).sheet;
  return { layout: "kode-empty", old: [t33, t7], new: [reviseSheet(t33, edits), t7] };
}

/** KODE filled: the variant fixture (numbers, SUM formulas, other column order), read from its .xlsx. */
export async function variantPair(edits: RevisionEdits = SEED_REVISION): Promise<RevisionPair> {
  const file = path.join(GENERATED_DIR, FIXTURE_FILES.variantKodeFormulas);
  const host = await openXlsxHost(fs.readFileSync(file), file);
  const sheets = await host.readAllSnapshots({ styles: true });
  if (sheets.length !== 1) throw new Error(`variant fixture: ${sheets.length} sheets`);
  return { layout: "kode-filled", old: sheets, new: [reviseSheet(sheets[0], edits)] };
}
