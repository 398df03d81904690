/// <reference types="office-js" />
/**
 * What the Office host needs from its surroundings: a way to run a batch against Excel and the requirement-set
 * check. Production passes the real `Excel.run` / `Office.context.requirements`; tests pass the recording fake.
 */

export interface ExcelRunOptions {
  /** ExcelApi 1.20: every sync of the run forms one undo group. */
  mergeUndoGroup?: boolean;
}

export interface OfficeEnvironment {
  run<T>(options: ExcelRunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: "ExcelApi", version: string): boolean;
}

/** The running Office: only callable inside Excel after Office.onReady. */
export function officeEnvironment(): OfficeEnvironment {
  return {
    run: (options, batch) =>
      options.mergeUndoGroup ? Excel.run({ mergeUndoGroup: true }, batch) : Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}
