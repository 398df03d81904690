/** The seed/revision pairs as .xlsx files, and the Tabel Perubahan `renja generate perubahan` writes from them. */
import * as fs from "fs";
import * as path from "path";
import { runCli, type CliRun } from "../cli/cliHarness";
import { FIXTURE_FILES, GENERATED_DIR } from "../fixtures/build-fixtures";
import { snapshotsToXlsx } from "./revision";
import { pastedPair, variantPair } from "./revisionPairs";

export type Layout = "kode-empty" | "kode-filled";

export interface PerubahanFiles {
  original: string;
  revised: string;
  output: string;
  run: CliRun;
}

/** KODE empty: the pasted seed (Tabel 3.3 + Tabel 7) and its revision; KODE filled: the variant fixture file itself and its revision. */
export async function writePair(dir: string, layout: Layout): Promise<{ original: string; revised: string }> {
  const original = path.join(dir, `${layout}-semula.xlsx`);
  const revised = path.join(dir, `${layout}-menjadi.xlsx`);
  if (layout === "kode-empty") {
    const pair = pastedPair();
    fs.writeFileSync(original, await snapshotsToXlsx(pair.old));
    fs.writeFileSync(revised, await snapshotsToXlsx(pair.new));
  } else {
    fs.copyFileSync(path.join(GENERATED_DIR, FIXTURE_FILES.variantKodeFormulas), original);
    fs.writeFileSync(revised, await snapshotsToXlsx((await variantPair()).new));
  }
  return { original, revised };
}

export async function generatePerubahan(dir: string, layout: Layout, extra: string[] = []): Promise<PerubahanFiles> {
  const { original, revised } = await writePair(dir, layout);
  const output = path.join(dir, `${layout}-perubahan.xlsx`);
  const run = await runCli(["generate", "perubahan", revised, "--original", original, "-o", output, ...extra]);
  return { original, revised, output, run };
}
