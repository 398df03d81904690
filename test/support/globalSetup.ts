/** Builds the seed-derived test workbooks once per jest run, unless they are newer than their sources. */
import { buildFixtures, fixturesUpToDate, GENERATED_DIR } from "../fixtures/build-fixtures";

export default async function globalSetup(): Promise<void> {
  if (fixturesUpToDate(GENERATED_DIR)) return;
  await buildFixtures(GENERATED_DIR);
}
