/** The host before any workbook is open: no sheets, so Validasi finds nothing rather than failing. */
import type { WorkbookHost } from "../domain/host";

export const placeholderHost: WorkbookHost = {
  listSheets: async () => [],
  readSnapshot: async () => {
    throw new Error("no workbook open");
  },
  loadMapping: async () => undefined,
  saveMapping: async () => undefined,
};
