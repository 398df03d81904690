/**
 * The `renja` command (bin/renja.js calls main). Returns the exit code; never throws and never prints a stack
 * trace unless RENJA_DEBUG=1.
 */
import { parseArgs } from "./args";
import type { Command } from "./args";
import type { CheckEngine } from "./check";
import { helpText } from "./help";
import type { CliIo } from "./io";
import { nodeIo } from "./io";

export interface MainDeps {
  io?: CliIo;
  /** The mapping and validation engine; the real one unless a test supplies its own. */
  engine?: CheckEngine;
}

const EXIT_USAGE = 2;

export async function main(argv: string[], deps: MainDeps = {}): Promise<number> {
  const io = deps.io ?? nodeIo();
  try {
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
      const hint = command.lang === "en" ? "Run `renja --help` for help." : "Jalankan `renja --help` untuk bantuan.";
      io.stderr(`renja: ${command.message[command.lang]}\n${hint}\n`);
      return EXIT_USAGE;
    }
    case "check": {
      // Loaded on demand: help and usage errors should not wait for ExcelJS and the rule engine to load.
      const { runCheck } = await import("./check");
      return runCheck(command, io, engine);
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
