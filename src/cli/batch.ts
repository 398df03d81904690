/**
 * Many workbooks in one process (issue 12): the .xlsx files given or found in the folders given, each checked
 * into a per-file outcome (0 no error, 1 errors, 3 no Renja table, 2 could not be read — with its reason), and
 * the run's exit code, the worst of all (2 > 1 > 3 > 0). A file that fails is an outcome, never the end of the
 * run. Shared by `check` of several files and `report`.
 */
import * as fs from "fs";
import * as path from "path";
import type { Message } from "../domain/findings";
import { msg, renderAll, text } from "../domain/messages";
import { checkFile, type CheckEngine, type CheckFileOptions, type FileOutcome } from "./check";
import { EXIT_CANNOT_RUN, EXIT_NO_TABLE, worstExitCode, type ExitCode } from "./checkOutcome";
import type { CliIo } from "./io";
import { ERASE_LINE } from "./terminalText";

export { EXIT_NO_TABLE, worstExitCode };
export type { FileOutcome };

export type FileCode = ExitCode;

export interface Inputs {
  /** Files to check, in the order given; a folder's files sorted by path. */
  files: string[];
  /** Arguments that name nothing checkable, with the reason: each becomes an outcome of code 2. */
  problems: { file: string; reason: Message }[];
  /** A file's label (see FileOutcome.label) when it is not the file's name. */
  labels: Map<string, string>;
}

export function labelOf(inputs: Inputs, file: string): string {
  return inputs.labels.get(file) ?? path.basename(file);
}

/** Excel's owner files ("~$Renja.xlsx") sit beside an open workbook; they are no workbooks. */
function isLockFile(name: string): boolean {
  return name.startsWith("~$");
}

/** Every .xlsx given, and every .xlsx under the folders given (recursively, lock files skipped), once each. */
export async function expandInputs(args: readonly string[]): Promise<Inputs> {
  const files: string[] = [];
  const problems: Inputs["problems"] = [];
  const labels = new Map<string, string>();
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  for (const arg of args) {
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(arg);
    } catch {
      // The read reports it with the message every check gives for a missing file.
      add(arg);
      continue;
    }
    if (!stat.isDirectory()) {
      add(arg);
      continue;
    }
    const found = await xlsxUnder(arg);
    if (found.length === 0) {
      problems.push({ file: arg, reason: renderAll(msg("cli.batch.emptyFolder", { folder: text(arg) })) });
    }
    for (const f of found) {
      add(f);
      labels.set(f, path.relative(arg, f).split(path.sep).join("/"));
    }
  }
  return { files, problems, labels };
}

async function xlsxUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    const entries = await fs.promises.readdir(d, { withFileTypes: true });
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && /\.xlsx$/i.test(e.name) && !isLockFile(e.name)) out.push(p);
    }
  };
  await walk(dir);
  return out.sort((a, b) => a.localeCompare(b));
}

/** true when the path is a folder (a single folder argument is a batch, not a file). */
export async function isFolder(p: string): Promise<boolean> {
  try {
    return (await fs.promises.stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/** Checks every input in turn (one process, one at a time: a workbook's memory is freed before the next). */
export async function checkInputs(
  inputs: Inputs,
  options: CheckFileOptions,
  io: CliIo,
  engine: CheckEngine,
  each: (outcome: FileOutcome, index: number, total: number) => void,
): Promise<FileCode[]> {
  const codes: FileCode[] = [];
  const total = inputs.files.length + inputs.problems.length;
  let n = 0;
  const progress = (file: string) => {
    if (io.stderrIsTTY) io.stderr(`${ERASE_LINE}[${n + 1}/${total}] ${file}`);
  };
  const done = (outcome: FileOutcome) => {
    if (io.stderrIsTTY) io.stderr(ERASE_LINE);
    codes.push(outcome.code);
    each(outcome, n++, total);
  };
  for (const p of inputs.problems) done({ file: p.file, label: p.file, code: EXIT_CANNOT_RUN, reason: p.reason, tables: [], findings: [] });
  for (const file of inputs.files) {
    const label = labelOf(inputs, file);
    progress(label);
    done(await checkFile(file, options, io, engine, label));
  }
  return codes;
}
