/**
 * Arguments of `renja generate <table> <in.xlsx> -o <out.xlsx> [--from] [--paper] [--order] [--original] [--replace]`.
 * The table names and the options only one generator takes come from the table-kind registry.
 */
import { generatorNamed, generatorNames, TABLE_KINDS } from "../domain/tables/kinds";
import { msg, text, type MessageRef } from "../domain/messages";
import { usageError, type Command } from "./args";
import type { Lang } from "./lang";

export function generateCommand(rest: string[], values: Map<string, string>, flags: Set<string>, lang: Lang): Command {
  const usage = (m: MessageRef): Command => usageError(lang, m);
  const [table, file, ...extra] = rest;
  const generator = table === undefined ? undefined : generatorNamed(table);
  const names = generatorNames().join("|");
  if (!generator) {
    return usage(table ? msg("cli.args.generateWhatGiven", { names: text(names), table: text(table) }) : msg("cli.args.generateWhat", { names: text(names) }));
  }
  if (file === undefined || extra.length > 0) return usage(msg("cli.args.oneInput", {}));
  const output = values.get("-o") ?? values.get("--output");
  if (output === undefined) return usage(msg("cli.args.generateOutput", {}));
  if (output === file) return usage(msg("cli.args.outputIsInput", {}));
  const paper = values.get("--paper") ?? "f4";
  if (paper !== "f4" && paper !== "a4") return usage(msg("cli.args.unknownPaper", { paper: text(paper) }));
  const order = values.get("--order") ?? "official";
  if (order !== "official" && order !== "seed") return usage(msg("cli.args.unknownOrder", { order: text(order) }));
  for (const { generator: other } of TABLE_KINDS) {
    for (const option of other?.options ?? []) {
      if (!other || !values.has(option) || generator.options.includes(option)) continue;
      return usage(msg("cli.args.optionFor", { option: text(option), generator: text(other.name) }));
    }
  }
  const original = values.get("--original");
  if (generator.needsOriginal && original === undefined) {
    return usage(msg("cli.args.needsOriginal", { generator: text(generator.name) }));
  }
  if (original !== undefined && original === output) return usage(msg("cli.args.outputIsOriginal", {}));
  return { kind: "generate", lang, table: generator.kind, file, output, from: values.get("--from"), paper, order, replace: flags.has("--replace"), original };
}
