/**
 * Ribbon buttons (ExecuteFunction in the shared runtime): each runs on the pane's controller, tells Office it
 * is done, and opens the pane on its result — Excel offers add-ins no notification of their own.
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

export function registerCommands(controller: PaneController, office: CommandsOffice | undefined = officeGlobal()): void {
  if (!office?.actions) return;
  const handlers = commandHandlers(controller);
  for (const id of COMMAND_IDS) {
    office.actions.associate(id, async (event: CommandEvent) => {
      try {
        await handlers[id]();
        await office.addin?.showAsTaskpane().catch(() => undefined);
      } finally {
        // Office shows a busy indicator on the button until this is called, whatever happened.
        event.completed();
      }
    });
  }
}

function officeGlobal(): CommandsOffice | undefined {
  return (globalThis as { Office?: CommandsOffice }).Office;
}
