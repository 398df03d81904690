/** The Office.js host for the pane (only called inside Excel, after Office.onReady). */
import { OfficeHost } from "../office";
import type { PaneHost } from "./controller";

export async function loadOfficeHost(): Promise<PaneHost> {
  return new OfficeHost();
}
