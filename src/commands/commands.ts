/**
 * Ribbon buttons (ExecuteFunction in the shared runtime): each opens the pane first (the user sees the work
 * happen, and Excel offers add-ins no notification of their own), runs on the pane's controller, and tells
 * Office it is done.
 *
 * With the function file equal to the pane's page, a click before the pane was ever opened only starts the
 * runtime (office-js#5176, #3378, #2744, #1029): Office delivers the click to whatever handler is associated
 * by then. So the entry module associates every command synchronously, before its first await, and the
 * handlers wait for the controller the pane makes later (`controllerReady`).
 */
import type { PaneController } from "../ui/controller";

/** The Office members the commands use, so tests can hand in a fake. */
export interface CommandsOffice {
  actions: { associate(name: string, handler: (event: CommandEvent) => unknown): void };
  addin?: { showAsTaskpane(): Promise<void> };
}

export interface CommandEvent {
  completed(options?: { allowEvent?: boolean }): void;
}

/** Ids as in manifest.xml's <FunctionName> elements. */
export const COMMAND_IDS = ["validasi", "hitungUlang", "buatTabel33"] as const;
export type CommandId = (typeof COMMAND_IDS)[number];

export function commandHandlers(controller: PaneController): Record<CommandId, () => Promise<unknown>> {
  return {
    validasi: () => controller.validate(),
    // The ribbon never writes without the user's look: it opens the preview, and Terapkan in the pane applies.
    hitungUlang: () => controller.preview("recompute"),
    buatTabel33: () => controller.preview("generate33"),
  };
}

export function registerCommands(controllerReady: PaneController | Promise<PaneController>, office: CommandsOffice | undefined = officeGlobal()): void {
  if (!office?.actions) return;
  for (const id of COMMAND_IDS) {
    office.actions.associate(id, async (event: CommandEvent) => {
      try {
        await office.addin?.showAsTaskpane().catch(() => undefined);
        await commandHandlers(await controllerReady)[id]();
      } finally {
        // Office shows a busy indicator on the button until this is called, whatever happened.
        event.completed();
      }
    });
  }
}

/** A promise settled from outside: the entry module hands it to registerCommands before the pane exists. */
export function controllerReady(): { promise: Promise<PaneController>; resolve: (c: PaneController) => void } {
  let resolve: (c: PaneController) => void = () => undefined;
  const promise = new Promise<PaneController>((r) => (resolve = r));
  return { promise, resolve };
}

function officeGlobal(): CommandsOffice | undefined {
  return (globalThis as { Office?: CommandsOffice }).Office;
}
