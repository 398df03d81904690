/** The domain engine `check` runs: mapping, then every rule. Loaded only when a check actually runs. */
import { mapWorkbook } from "../domain/mapping/mapWorkbook";
import { validate } from "../domain/validate";
import type { CheckEngine } from "./check";

export const defaultEngine: CheckEngine = { mapWorkbook, validate };
