/**
 * The Office.js host for the pane. Until src/office offers its InteractiveHost, the pane says so in both
 * languages instead of failing silently.
 */
import { HostError } from "../domain/host";
import type { PaneHost } from "./controller";

export async function loadOfficeHost(): Promise<PaneHost> {
  throw new HostError("io", {
    id: "Penghubung Excel (Office.js) belum tersedia dalam versi ini; gunakan halaman mandiri.",
    en: "The Excel (Office.js) host is not available in this version yet; use the standalone page.",
  });
}
