/// <reference types="office-js" />
/**
 * One serialized queue for every Excel.run of the add-in (ribbon commands and the pane share it): parallel
 * runs are a known cause of GeneralException on Excel on the web. Each sync gets a timeout, because a sync
 * on a busy Excel on the web can hang without ever failing.
 */
import { HostError } from "../domain/host";
import type { ExcelRunOptions, OfficeEnvironment } from "./environment";
import { excelErrorCode, timeoutError, toHostError } from "./errors";

export const DEFAULT_SYNC_TIMEOUT_MS = 60_000;

/** A running batch: the request context plus the only sync the host code may call. */
export class Batch {
  /** Set when a sync timed out: the run is abandoned and the queue has moved on. */
  private abandoned?: HostError;

  constructor(
    readonly context: Excel.RequestContext,
    private readonly timeoutMs: number,
    private readonly abort: (e: HostError) => void,
  ) {}

  /**
   * context.sync() that gives up after the timeout; the whole run then ends with a "timeout" HostError. Once a
   * sync timed out, every later sync of the batch (a rollback after the failure, say) rejects at once without
   * sending anything: the abandoned context must not talk to Excel while the next run does.
   */
  async sync(): Promise<void> {
    if (this.abandoned) throw this.abandoned;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = timeoutError(Math.round(this.timeoutMs / 1000));
        this.abandoned = error;
        this.abort(error);
        reject(error);
      }, this.timeoutMs);
    });
    try {
      await Promise.race([this.context.sync(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

export class ExcelQueue {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    readonly env: OfficeEnvironment,
    private readonly syncTimeoutMs = DEFAULT_SYNC_TIMEOUT_MS,
  ) {}

  /**
   * Runs the batch after every earlier one has settled. Failures reach the caller as HostErrors (Excel error
   * codes mapped, see errors.ts); anything without an Excel code is a bug and is passed on unchanged.
   */
  run<T>(batch: (b: Batch) => Promise<T>, options: ExcelRunOptions = {}): Promise<T> {
    const job = this.tail.then(() => this.execute(batch, options));
    this.tail = job.catch(() => undefined);
    return job;
  }

  private async execute<T>(batch: (b: Batch) => Promise<T>, options: ExcelRunOptions): Promise<T> {
    try {
      return await this.once(batch, options);
    } catch (e) {
      // Excel refuses an undo group when a call in it cannot be undone; the command still runs, ungrouped.
      if (options.mergeUndoGroup && excelErrorCode(e) === "UndoNotSupported") return this.once(batch, {}).catch(rethrowMapped);
      return rethrowMapped(e);
    }
  }

  private once<T>(batch: (b: Batch) => Promise<T>, options: ExcelRunOptions): Promise<T> {
    let abort: (e: HostError) => void = () => undefined;
    // A hung sync never lets Excel.run settle: the run is abandoned so the queue moves on.
    const aborted = new Promise<never>((_, reject) => (abort = reject));
    const run = this.env.run(options, (context) => batch(new Batch(context, this.syncTimeoutMs, abort)));
    return Promise.race([run, aborted]);
  }
}

function rethrowMapped(e: unknown): never {
  if (e instanceof HostError || excelErrorCode(e) !== undefined) throw toHostError(e);
  throw e;
}
