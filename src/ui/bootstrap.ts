/**
 * Decides where the pane runs. Inside Office: Office.onReady reports a host. Anywhere else (a plain browser,
 * office.js blocked or its CDN unreachable, an Office too old to start the add-in) the standalone page runs on
 * the .xlsx host instead, so staff without a modern Excel still get the checker.
 */
export type RunMode = { kind: "office"; theme?: OfficeThemeColors } | { kind: "standalone" };

/** The part of Office.context.officeTheme the pane uses to pick light or dark. */
export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
}

/** The few members of the Office global the bootstrap touches, so tests can hand in a fake. */
export interface OfficeLike {
  onReady(): Promise<{ host: unknown }>;
  context?: { host?: unknown; officeTheme?: OfficeThemeColors };
}

/** Long enough for a cold Excel on the web to report its host; short enough that a plain browser does not wait long. */
export const OFFICE_READY_TIMEOUT_MS = 4000;

export async function detectRunMode(office: OfficeLike | undefined, timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<RunMode> {
  if (!office || typeof office.onReady !== "function") return { kind: "standalone" };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    const ready = await Promise.race([office.onReady().then((info) => info, () => "timeout" as const), timedOut]);
    if (ready === "timeout" || !ready.host) return { kind: "standalone" };
    // onReady outside Office resolves with host null; inside, context.host names Excel.
    if (office.context?.host === undefined || office.context.host === null) return { kind: "standalone" };
    return { kind: "office", theme: office.context.officeTheme };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/** The Office global when office.js loaded, else undefined (reading an undeclared global would throw). */
export function officeGlobal(): OfficeLike | undefined {
  const g = globalThis as { Office?: OfficeLike };
  return g.Office;
}
