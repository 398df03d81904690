/**
 * The one controller of the add-in's shared runtime: the pane renders it and the ribbon commands drive it.
 * Kept on globalThis as well, so a second bundle loaded into the same runtime finds the same instance.
 */
import type { PaneController } from "./controller";

const KEY = "__renjaCermatController";

type Holder = { [KEY]?: PaneController };

export function setSharedController(c: PaneController): void {
  (globalThis as Holder)[KEY] = c;
}

export function sharedController(): PaneController | undefined {
  return (globalThis as Holder)[KEY];
}
