/** Arguments of `renja diff <old.xlsx> <new.xlsx> [--json] [--findings old.json]`. */
import { msg } from "../domain/messages";
import { usageError, type Command } from "./args";
import type { Lang } from "./lang";

export function diffCommand(rest: string[], values: Map<string, string>, flags: Set<string>, lang: Lang): Command {
  if (rest.length !== 2) return usageError(lang, msg("cli.args.diffWhat", {}));
  return { kind: "diff", lang, oldFile: rest[0], newFile: rest[1], json: flags.has("--json"), findings: values.get("--findings") };
}
