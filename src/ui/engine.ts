/** The domain engine the pane runs: mapping, then every rule. */
import { mapWorkbook } from "../domain/mapping/mapWorkbook";
import { validate } from "../domain/validate";
import type { Engine } from "./controller";

export const domainEngine: Engine = {
  mapWorkbook: (sheets, opts) => mapWorkbook(sheets, opts),
  validate: (workbook) => validate(workbook),
};
