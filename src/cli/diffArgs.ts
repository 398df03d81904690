/** Arguments of `renja diff <old.xlsx> <new.xlsx> [--json] [--findings old.json]`. */
import type { Command } from "./args";
import type { Lang } from "./lang";

export function diffCommand(rest: string[], values: Map<string, string>, flags: Set<string>, lang: Lang): Command {
  const usage = (id: string, en: string): Command => ({ kind: "usage-error", lang, message: { id, en } });
  if (rest.length !== 2) {
    return usage(
      "Sebutkan dua berkas: renja diff <semula.xlsx> <menjadi.xlsx>.",
      "Name two files: renja diff <old.xlsx> <new.xlsx>.",
    );
  }
  return { kind: "diff", lang, oldFile: rest[0], newFile: rest[1], json: flags.has("--json"), findings: values.get("--findings") };
}
