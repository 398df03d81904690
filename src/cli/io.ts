/**
 * Everything the CLI does with the outside world, behind one interface so tests run `main` in process with
 * captured output and in-memory files.
 */
import * as v8 from "v8";
import { HostError } from "../domain/host";
import { msg, text } from "../domain/messages";
import type { WritePlan } from "../domain/plan";
import { sidecarPathFor } from "../xlsx";
import type { SidecarAccess } from "../xlsx";
import type { HostReadOptions } from "../xlsx/xlsxHost";
import { nativeCodec } from "./nativeCodec";
import { MAX_SIDECAR_FILE_BYTES, MAX_WORKBOOK_FILE_BYTES, readRegularFile } from "./regularFile";
import { assertOutputTarget, writeFileAtomic } from "./outputFile";

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The workbook's bytes; failures are HostErrors with a message for the user. */
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Writes a whole file (a write command's output) through a temporary file and a rename; never over `input`,
   * whatever name reaches it. Failures are HostErrors.
   */
  writeFile?(path: string, bytes: Uint8Array, input?: string): Promise<void>;
  /** Refuses, before any work, an output that is the input under another name or lies in a missing folder. */
  checkOutput?(output: string, input: string): Promise<void>;
  /** Read/write access to the mapping sidecar of the workbook at this path. */
  sidecar(workbookPath: string): SidecarAccess;
  /** Resolves once everything written has left the process (pipes can be asynchronous). */
  flush?(): Promise<void>;
  /**
   * Told the plan a write command is about to apply: scripts/fuzz-workbooks.ts compares the written workbook
   * with its input cell by cell and allows changes in these cells only.
   */
  onPlan?(plan: WritePlan): void;
  /** Print stack traces of unexpected failures (RENJA_DEBUG=1): for developers, never by default. */
  debug?: boolean;
  /** Most sheet data (uncompressed XML bytes) this process can load; see SniffLimits. */
  maxSheetDataBytes?: number;
  /** stderr is a terminal: `check` of many files shows its progress there. */
  stderrIsTTY?: boolean;
  /** The terminal's width when stdout is one (human output is wrapped to it). */
  columns?: number;
}

/**
 * ExcelJS holds about 18 times a workbook's sheet XML on the heap once loaded (measured: 42 MB of XML, 750 MB
 * after mapping and rules); 25 leaves room for the peaks while parsing.
 */
const HEAP_PER_SHEET_DATA_BYTE = 25;

/** How every command opens a workbook: within this process's bounds, its parts inflated by Node's zlib. */
export function hostReadOptions(io: CliIo): HostReadOptions {
  return { maxSheetDataBytes: io.maxSheetDataBytes, codec: nativeCodec };
}

export function nodeIo(): CliIo {
  const stdout = streamWriter(process.stdout);
  const stderr = streamWriter(process.stderr);
  return {
    stdout: stdout.write,
    stderr: stderr.write,
    readFile: readWorkbookFile,
    writeFile: writeWorkbookFile,
    checkOutput: assertOutputTarget,
    sidecar: fileSidecar,
    flush: async () => {
      await Promise.all([stdout.flush(), stderr.flush()]);
    },
    debug: process.env.RENJA_DEBUG === "1",
    maxSheetDataBytes: Math.floor(v8.getHeapStatistics().heap_size_limit / HEAP_PER_SHEET_DATA_BYTE),
    stderrIsTTY: process.stderr.isTTY === true,
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  };
}

/**
 * Writes that can be awaited. When the reader goes away (`renja check x | head`), the stream fails with EPIPE:
 * the rest of the output is dropped quietly, as other command-line tools do, instead of an unhandled 'error'
 * event crashing the process with a stack trace, or a write that never completes ending it with exit code 0.
 */
export function streamWriter(stream: NodeJS.WritableStream): { write: (text: string) => void; flush: () => Promise<void> } {
  let broken = false;
  const waiting = new Set<() => void>();
  stream.on("error", () => {
    broken = true;
    for (const done of waiting) done();
    waiting.clear();
  });
  const pending: Promise<void>[] = [];
  return {
    write: (text) => {
      if (broken) return;
      pending.push(
        new Promise<void>((resolve) => {
          const done = () => {
            waiting.delete(done);
            resolve();
          };
          waiting.add(done);
          stream.write(text, done);
        }),
      );
    },
    flush: async () => {
      await Promise.all(pending);
    },
  };
}

async function readWorkbookFile(path: string): Promise<Uint8Array> {
  try {
    return await readRegularFile(path, MAX_WORKBOOK_FILE_BYTES);
  } catch (e) {
    if (e instanceof HostError) throw e;
    throw fileError(path, errnoCode(e));
  }
}

async function writeWorkbookFile(path: string, bytes: Uint8Array, input?: string): Promise<void> {
  if (input !== undefined) await assertOutputTarget(path, input);
  try {
    await writeFileAtomic(path, bytes, input);
  } catch (e) {
    if (e instanceof HostError) throw e;
    throw fileError(path, errnoCode(e));
  }
}

function fileSidecar(workbookPath: string): SidecarAccess {
  const sidecarPath = sidecarPathFor(workbookPath);
  return {
    sidecarName: sidecarPath,
    readSidecar: async () => {
      try {
        return new TextDecoder().decode(await readRegularFile(sidecarPath, MAX_SIDECAR_FILE_BYTES));
      } catch (e) {
        if (e instanceof HostError) throw e;
        if (errnoCode(e) === "ENOENT") return undefined;
        throw fileError(sidecarPath, errnoCode(e));
      }
    },
    writeSidecar: async (text) => {
      try {
        await writeFileAtomic(sidecarPath, new TextEncoder().encode(text));
      } catch (e) {
        throw fileError(sidecarPath, errnoCode(e));
      }
    },
  };
}

function errnoCode(e: unknown): string | undefined {
  return typeof e === "object" && e !== null && "code" in e && typeof e.code === "string" ? e.code : undefined;
}

export function fileError(path: string, code: string | undefined): HostError {
  const file = text(path);
  switch (code) {
    case "ENOENT":
      return new HostError("not-found", msg("cli.io.notFound", { file }));
    case "EISDIR":
      return new HostError("io", msg("cli.io.isFolder", { file }));
    case "EACCES":
    case "EPERM":
      return new HostError("io", msg("cli.io.denied", { file }));
    default:
      return new HostError("io", code ? msg("cli.io.failedCode", { file, code: text(code) }) : msg("cli.io.failed", { file }));
  }
}
