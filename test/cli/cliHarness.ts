/** Runs `main` in process against real files in a temporary folder, capturing what it prints. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { CheckEngine } from "../../src/cli/check";
import { nodeIo } from "../../src/cli/io";
import type { CliIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], engine?: CheckEngine, ioOverrides: Partial<CliIo> = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io = {
    ...nodeIo(),
    stdout: (t: string) => void (stdout += t),
    stderr: (t: string) => void (stderr += t),
    flush: undefined,
    debug: false,
    ...ioOverrides,
  };
  const code = await main(argv, { io, engine });
  return { code, stdout, stderr };
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "renja-cli-"));
}

export function writeTemp(dir: string, name: string, bytes: Uint8Array | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** What a user must never see: a stack frame or a raw exception name. */
export const STACK_TRACE = /\n\s+at |\b(Type|Reference|Range)?Error:|node_modules/;
