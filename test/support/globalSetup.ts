/** Builds the seed-derived test workbooks once per jest run, unless they are newer than their sources. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildFixtures, fixturesUpToDate, GENERATED_DIR } from "../fixtures/build-fixtures";

export default async function globalSetup(): Promise<void> {
  // The nomenclature lists a user imported (renja catalogue) must not change what the tests see: the workers
  // inherit an empty data folder of their own.
  const dataHome = fs.mkdtempSync(path.join(os.tmpdir(), "renja-data-"));
  process.env.XDG_DATA_HOME = dataHome;
  process.env.APPDATA = dataHome;
  if (fixturesUpToDate(GENERATED_DIR)) return;
  await buildFixtures(GENERATED_DIR);
}
