/** The domain engine `check` runs: mapping, then every rule. Loaded only when a check actually runs. */
import { mapWorkbook } from "../domain/mapping/mapWorkbook";
import { rules } from "../domain/rules/registry";
import { validate } from "../domain/validate";
import type { CheckEngine } from "./check";

export const defaultEngine: CheckEngine = {
  mapWorkbook,
  validate,
  describeRule: (id) => rules.find((r) => r.meta.id === id)?.meta.description,
};
