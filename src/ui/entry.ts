/**
 * What the pane's entry module does, in order, with its parts handed in (index.tsx passes the real ones; the
 * tests a fake Office). The ribbon commands are associated first and synchronously, before any await: a click
 * on a ribbon button while the pane was never opened starts this runtime, and Office delivers it to the
 * handlers associated by then (office-js#5176). The handlers wait for the controller the pane makes later.
 */
import { controllerReady, registerCommands, type CommandsOffice } from "../commands/commands";
import { detectRunMode, type OfficeLike, type OfficeThemeColors } from "./bootstrap";
import type { PaneController } from "./controller";

export interface EntryParts {
  office: (OfficeLike & Partial<CommandsOffice>) | undefined;
  startOfficePane(theme: OfficeThemeColors | undefined, ready: (c: PaneController) => void): Promise<void>;
  startStandalone(): Promise<{ unmount(): void }>;
}

export function startEntry(parts: EntryParts): Promise<void> {
  const ready = controllerReady();
  const office = parts.office;
  if (office?.actions) registerCommands(ready.promise, { actions: office.actions, addin: office.addin });
  return run(parts, ready.resolve);
}

async function run(parts: EntryParts, ready: (c: PaneController) => void): Promise<void> {
  const office = parts.office;
  const mode = await detectRunMode(office);
  if (mode.kind === "office") {
    await parts.startOfficePane(mode.theme, ready);
    return;
  }
  const page = await parts.startStandalone();
  // A cold Excel may report its host only after the wait: the real pane then replaces the standalone page.
  office?.onReady().then(
    async (info) => {
      if (!info.host || !office.context?.host) return;
      page.unmount();
      await parts.startOfficePane(office.context.officeTheme, ready);
    },
    () => undefined,
  );
}
