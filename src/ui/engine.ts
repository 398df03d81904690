/** The domain engine the pane runs: mapping, then every rule. */
import { mapWorkbook } from "../domain/mapping/mapWorkbook";
import { validate } from "../domain/validate";
import type { Engine } from "./controller";

export const domainEngine: Engine = {
  mapWorkbook: (sheets, opts) => mapWorkbook(sheets, opts),
  validate: (workbook, options) => validate(workbook, options),
  // Loaded when the user picks an export: the package reader stays out of the pane's first bundle.
  readSipd: async (bytes, fileName) => {
    const [{ openXlsxHost }, { readSipdExport }] = await Promise.all([import("../xlsx"), import("../domain/sipd")]);
    const host = await openXlsxHost(bytes, fileName);
    return readSipdExport(await host.readAllSnapshots(), fileName);
  },
};
