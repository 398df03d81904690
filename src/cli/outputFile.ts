/**
 * Where a write command's output may go, and how it gets there. The input file is never the output, however it
 * is named (`./in.xlsx`, an absolute path, `../dir/in.xlsx`, a symbolic or a hard link): the real files are
 * compared (resolved path, device and inode), not the strings. The output is written to a temporary file in the
 * target folder and renamed into place, so a crash or `kill -9` part-way never leaves a half-written file at
 * `-o`, and two runs writing the same `-o` leave one whole file, not a mix.
 */
import * as fs from "fs";
import * as path from "path";
import { HostError } from "../domain/host";
import { msg, text } from "../domain/messages";
import { sidecarPathFor } from "../xlsx/mappingSidecar";

/** Refuses an output that is the input file under another name, or that lies in a folder that does not exist. */
export async function assertOutputTarget(output: string, input: string): Promise<void> {
  if (output.trim() === "") {
    throw new HostError("io", msg("cli.output.empty", {}));
  }
  const folder = path.dirname(path.resolve(output));
  const folderStat = await statOrUndefined(folder);
  if (!folderStat) {
    throw new HostError("not-found", msg("cli.output.noFolder", { folder: text(folder) }));
  }
  if (!folderStat.isDirectory()) {
    throw new HostError("io", msg("cli.output.notFolder", { folder: text(folder), output: text(output) }));
  }
  if (await sameFile(output, input)) throw sameAsInputError(output, input);
  // The input's corrections file (plan.xlsx.renja.json) holds the user's mapping corrections: a workbook
  // written over it would lose them and leave a file no host can read as corrections.
  const sidecar = sidecarPathFor(input);
  if (await sameFile(output, sidecar)) {
    throw new HostError("io", msg("cli.output.isSidecar", { output: text(output), sidecar: text(sidecar) }));
  }
  const outStat = await statOrUndefined(output);
  if (outStat?.isDirectory()) {
    throw new HostError("io", msg("cli.output.isFolder", { output: text(output) }));
  }
}

/** Whether two names reach the same file: same resolved path, or same device and inode (hard and symbolic links). */
export async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [sa, sb] = await Promise.all([statOrUndefined(a), statOrUndefined(b)]);
  if (sa && sb && sa.dev === sb.dev && sa.ino === sb.ino) return true;
  const [ra, rb] = await Promise.all([realOrUndefined(a), realOrUndefined(b)]);
  return ra !== undefined && ra === rb;
}

export function sameAsInputError(output: string, input: string): HostError {
  return new HostError("io", msg("cli.output.isInput", { output: text(output), input: text(input) }));
}

/** Bytes written per call: a large output is written in pieces, so the process stays responsive while writing. */
const CHUNK_BYTES = 1 << 20;

/**
 * Writes `bytes` to a temporary file next to `target`, flushes it to disk, and renames it over `target`.
 * `protect` names a file that must not be replaced (the input); it is checked again right before the rename.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array, protect?: string): Promise<void> {
  const folder = path.dirname(path.resolve(target));
  const temp = path.join(folder, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.renja-tmp`);
  const handle = await fs.promises.open(temp, "wx", 0o666);
  let renamed = false;
  try {
    try {
      for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
        const piece = bytes.subarray(at, Math.min(bytes.length, at + CHUNK_BYTES));
        let done = 0;
        while (done < piece.length) done += (await handle.write(piece, done, piece.length - done)).bytesWritten;
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (protect !== undefined && (await sameFile(target, protect))) throw sameAsInputError(target, protect);
    await fs.promises.rename(temp, target);
    renamed = true;
  } finally {
    if (!renamed) await fs.promises.unlink(temp).catch(() => undefined);
  }
}

async function statOrUndefined(p: string): Promise<fs.Stats | undefined> {
  try {
    return await fs.promises.stat(p);
  } catch {
    return undefined;
  }
}

async function realOrUndefined(p: string): Promise<string | undefined> {
  try {
    return await fs.promises.realpath(p);
  } catch {
    return undefined;
  }
}
