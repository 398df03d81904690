/** The help text: only what works in this version. */
import { msg, render, text, type MessageRef } from "../domain/messages";
import { generatorNames } from "../domain/tables/kinds";
import type { Lang } from "./lang";

/** "tabel-3.3|tabel-2.1|perubahan": the generators of the table-kind registry. */
const TABLES = generatorNames().join("|");

/** One catalogue message per block; the blocks are separated by a blank line. */
const BLOCKS: readonly MessageRef[] = [
  msg("cli.help.title", {}),
  msg("cli.help.usage", { tables: text(TABLES) }),
  msg("cli.help.commands", {}),
  // the braces are the JSON shape, not a placeholder of the template
  msg("cli.help.options", { shape: text("{ file, tables, findings }") }),
  msg("cli.help.sidecar", {}),
  msg("cli.help.exitCodes", {}),
];

export function helpText(lang: Lang): string {
  return `${BLOCKS.map((m) => render(m, lang)).join("\n\n")}\n`;
}
