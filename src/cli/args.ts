/**
 * Command-line arguments of `renja`. Options may come before or after the subcommand and in `--name value` or
 * `--name=value` form; anything unexpected is a usage error (exit 2), never silently ignored.
 */
import { isLang, msg, text, type MessageRef } from "../domain/messages";
import type { DiffRequest } from "./diff";
import { diffCommand } from "./diffArgs";
import type { GenerateRequest } from "./generate";
import { generateCommand } from "./generateArgs";
import type { Lang } from "./lang";

export type Command =
  | { kind: "help"; lang: Lang }
  | { kind: "check"; lang: Lang; files: string[]; sheet?: string; json: boolean; summary: boolean; max?: number; sipd?: string; skpd?: string; catalogue?: string; includeGenerated?: boolean }
  | { kind: "report"; lang: Lang; files: string[]; output: string; paper: "f4" | "a4"; sipd?: string; skpd?: string }
  | { kind: "recompute"; lang: Lang; file: string; output?: string; mode: "formulas" | "values"; dryRun: boolean; accept?: "all" | string[]; skip?: string[]; json?: boolean }
  | { kind: "fix-numbers"; lang: Lang; file: string; output?: string; dryRun: boolean }
  | ({ kind: "generate" } & GenerateRequest)
  | ({ kind: "diff" } & DiffRequest)
  | { kind: "usage-error"; lang: Lang; message: MessageRef };

/**
 * The options each command takes (besides --lang and --help, which every command takes). One table instead of
 * a list of "foreign" options per command, so a new option is named once, where it belongs.
 */
const OPTIONS_OF: Record<string, readonly string[]> = {
  check: ["--sheet", "--json", "--summary", "--max", "--sipd", "--skpd", "--catalogue", "--include-generated"],
  report: ["-o", "--output", "--paper", "--sipd", "--skpd"],
  recompute: ["-o", "--output", "--mode", "--dry-run", "--accept", "--skip", "--json"],
  "fix-numbers": ["-o", "--output", "--dry-run"],
  generate: ["-o", "--output", "--from", "--paper", "--order", "--replace", "--original"],
  diff: ["--json", "--findings"],
};

/** Subcommands the CLI contract names that later work will add; they get a clearer message than a typo does. */
const PLANNED_COMMANDS = new Set<string>([]);

export function parseArgs(argv: readonly string[]): Command {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const problems: MessageRef[] = [];
  const valued = new Set(["--sheet", "--lang", "-o", "--output", "--mode", "--from", "--paper", "--order", "--max", "--sipd", "--skpd", "--catalogue", "--accept", "--skip", "--findings", "--original"]);
  const boolean = new Set(["--json", "--help", "-h", "--dry-run", "--replace", "--summary", "--include-generated"]);

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (valued.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith("--"))) {
        problems.push(msg("cli.args.needsValue", { option: text(name) }));
        if (value !== undefined) i--;
        continue;
      }
      values.set(name, value);
    } else if (boolean.has(name) && eq < 0) {
      flags.add(name);
    } else {
      problems.push(msg("cli.args.unknownOption", { option: text(arg) }));
    }
  }

  const langValue = values.get("--lang");
  let lang: Lang = "id";
  if (isLang(langValue)) lang = langValue;
  else if (langValue !== undefined) {
    problems.unshift(msg("cli.args.unknownLang", { lang: text(langValue) }));
  }

  if (flags.has("--help") || flags.has("-h")) return { kind: "help", lang };
  const [command, ...rest] = positional;
  // A later command's own options (-o, --mode…) are not known yet: name the command, not its first option.
  if (command !== undefined && PLANNED_COMMANDS.has(command)) {
    return usageError(lang, msg("cli.args.planned", { command: text(command) }));
  }
  if (problems.length > 0) return usageError(lang, problems[0]);

  if (command === undefined) {
    return usageError(lang, msg("cli.args.noCommand", {}));
  }
  if (command === "help") return { kind: "help", lang };
  const allowed = OPTIONS_OF[command];
  if (allowed !== undefined) {
    const foreign = [...values.keys(), ...flags].find((o) => o !== "--lang" && !allowed.includes(o));
    if (foreign) return usageError(lang, msg("cli.args.foreignOption", { option: text(foreign), command: text(command) }));
  }
  if (command === "check") return checkCommand(rest, values, flags, lang);
  if (command === "report") return reportCommand(rest, values, flags, lang);
  if (command === "recompute" || command === "fix-numbers") return writeCommand(command, rest, values, flags, lang);
  if (command === "generate") return generateCommand(rest, values, flags, lang);
  if (command === "diff") return diffCommand(rest, values, flags, lang);
  return usageError(lang, msg("cli.args.unknownCommand", { command: text(command) }));
}

/** A usage error (exit 2), for the commands' own arguments too (diffArgs.ts, generateArgs.ts). */
export function usageError(lang: Lang, message: MessageRef): Command {
  return { kind: "usage-error", lang, message };
}

/** check <file|folder>…: every .xlsx given or found in the folders. */
function checkCommand(rest: string[], values: Map<string, string>, flags: Set<string>, lang: Lang): Command {
  const usage = (m: MessageRef): Command => usageError(lang, m);
  if (rest.length === 0) return usage(msg("cli.args.checkWhat", {}));
  const maxText = values.get("--max");
  let max: number | undefined;
  if (maxText !== undefined) {
    if (!/^\d+$/.test(maxText)) return usage(msg("cli.args.maxNumber", { given: text(maxText) }));
    max = Number(maxText);
  }
  if (values.has("--skpd") && !values.has("--sipd")) return usage(msg("cli.args.skpdNeedsSipd", {}));
  const catalogue = values.get("--catalogue");
  return { kind: "check", lang, files: rest, sheet: values.get("--sheet"), json: flags.has("--json"), summary: flags.has("--summary"), max, ...sipdOptions(values), ...(catalogue !== undefined ? { catalogue } : {}), ...(flags.has("--include-generated") ? { includeGenerated: true } : {}) };
}

/** report <file|folder>… -o <verifikasi.xlsx> [--paper f4|a4]. */
function reportCommand(rest: string[], values: Map<string, string>, flags: Set<string>, lang: Lang): Command {
  const usage = (m: MessageRef): Command => usageError(lang, m);
  if (rest.length === 0) return usage(msg("cli.args.reportWhat", {}));
  const output = values.get("-o") ?? values.get("--output");
  if (output === undefined) return usage(msg("cli.args.reportOutput", {}));
  if (rest.includes(output)) return usage(msg("cli.args.outputIsInput", {}));
  const paper = values.get("--paper") ?? "f4";
  if (paper !== "f4" && paper !== "a4") return usage(msg("cli.args.unknownPaper", { paper: text(paper) }));
  if (values.has("--skpd") && !values.has("--sipd")) return usage(msg("cli.args.skpdNeedsSipd", {}));
  return { kind: "report", lang, files: rest, output, paper, ...sipdOptions(values) };
}

/** recompute / fix-numbers: one input, an output (not needed for --dry-run) that is not the input itself. */
function writeCommand(command: "recompute" | "fix-numbers", rest: string[], values: Map<string, string>, flags: Set<string>, lang: Lang): Command {
  const usage = (m: MessageRef): Command => usageError(lang, m);
  if (rest.length !== 1) return usage(msg("cli.args.oneInput", {}));
  const output = values.get("-o") ?? values.get("--output");
  const dryRun = flags.has("--dry-run");
  if (output === undefined && !dryRun) return usage(msg("cli.args.writeOutput", {}));
  if (output !== undefined && output === rest[0]) return usage(msg("cli.args.outputIsInput", {}));
  if (command === "fix-numbers") {
    return { kind: "fix-numbers", lang, file: rest[0], output, dryRun };
  }
  const mode = values.get("--mode") ?? "formulas";
  if (mode !== "formulas" && mode !== "values") return usage(msg("cli.args.unknownMode", { mode: text(mode) }));
  const cells = (v: string | undefined) => (v === undefined ? undefined : v.split(",").map((c) => c.trim()).filter((c) => c !== ""));
  const acceptValue = values.get("--accept");
  const accept = acceptValue?.trim().toLowerCase() === "all" ? "all" : cells(acceptValue);
  const skip = cells(values.get("--skip"));
  return { kind: "recompute", lang, file: rest[0], output, mode, dryRun, ...(accept ? { accept } : {}), ...(skip ? { skip } : {}), ...(flags.has("--json") ? { json: true } : {}) };
}

/** check --sipd EXPORT [--skpd NAME]: compare the plan tables with a SIPD-RI export (issue 13). */
function sipdOptions(values: Map<string, string>): { sipd?: string; skpd?: string } {
  const sipd = values.get("--sipd");
  const skpd = values.get("--skpd");
  return { ...(sipd !== undefined ? { sipd } : {}), ...(skpd !== undefined ? { skpd } : {}) };
}
