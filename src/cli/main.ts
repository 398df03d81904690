/**
 * The `renja` command (bin/renja.js calls main). Returns the exit code; never throws and never prints a stack
 * trace unless RENJA_DEBUG=1.
 */
import { msg, render } from "../domain/messages";
import { parseArgs } from "./args";
import type { Command } from "./args";
import type { CheckEngine } from "./check";
import { helpText } from "./help";
import type { CliIo } from "./io";
import { nodeIo } from "./io";
import { terminalSafe } from "./terminalText";

export interface MainDeps {
  io?: CliIo;
  /** The mapping and validation engine; the real one unless a test supplies its own. */
  engine?: CheckEngine;
}

const EXIT_USAGE = 2;

/** `renja [--lang L] catalogue …`: its own options (src/cli/catalogue.ts). */
function isCatalogueCommand(argv: readonly string[]): boolean {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--lang") i++;
    else if (argv[i] === "--help" || argv[i] === "-h") return false;
    else if (!argv[i].startsWith("-")) return argv[i] === "catalogue";
  }
  return false;
}

export async function main(argv: string[], deps: MainDeps = {}): Promise<number> {
  const io = terminalSafe(deps.io ?? nodeIo());
  try {
    if (isCatalogueCommand(argv)) {
      const { parseCatalogueArgs, runCatalogue } = await import("./catalogue");
      return await runCatalogue(parseCatalogueArgs(argv.filter((a, i) => !(a === "catalogue" && i === argv.indexOf("catalogue")))), io);
    }
    return await run(parseArgs(argv), io, deps.engine);
  } finally {
    await io.flush?.();
  }
}

async function run(command: Command, io: CliIo, engine: CheckEngine | undefined): Promise<number> {
  switch (command.kind) {
    case "help":
      io.stdout(helpText(command.lang));
      return 0;
    case "usage-error": {
      io.stderr(`renja: ${render(command.message, command.lang)}\n${render(msg("cli.usage.hint", {}), command.lang)}\n`);
      return EXIT_USAGE;
    }
    case "check": {
      // Loaded on demand: help and usage errors should not wait for ExcelJS and the rule engine to load.
      const { runCheckCommand } = await import("./checkMany");
      return runCheckCommand({ ...command, width: io.columns }, io, engine);
    }
    case "report": {
      const { runReport } = await import("./report");
      return runReport(command, io, engine);
    }
    case "recompute": {
      const { runRecompute } = await import("./recompute");
      return runRecompute(command, io);
    }
    case "generate": {
      const { runGenerate } = await import("./generate");
      return runGenerate(command, io);
    }
    case "diff": {
      const { runDiff } = await import("./diff");
      return runDiff(command, io);
    }
    case "fix-numbers": {
      const { runFixNumbers } = await import("./fixNumbers");
      return runFixNumbers(command, io, engine);
    }
  }
}
