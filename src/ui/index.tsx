/**
 * The pane's entry (webpack "taskpane" entry). Inside Office it renders the pane over the Office.js host and
 * registers the ribbon commands in the shared runtime (first, before any await: see entry.ts); elsewhere it
 * loads the standalone page lazily, so the add-in's own bundle carries neither ExcelJS nor the .xlsx writer.
 */
import type { CommandsOffice } from "../commands/commands";
import { officeGlobal } from "./bootstrap";
import { startEntry } from "./entry";
import { startOfficePane } from "./officePane";

const rootElement = document.getElementById("root") ?? document.body.appendChild(document.createElement("div"));
// The pane fills the task pane's frame exactly; its own lists scroll, not the page.
document.body.style.margin = "0";

void startEntry({
  office: officeGlobal() as ReturnType<typeof officeGlobal> & Partial<CommandsOffice>,
  startOfficePane: (theme, ready) => startOfficePane(rootElement, theme, ready),
  startStandalone: async () => {
    const { startStandalonePage } = await import(/* webpackChunkName: "standalone" */ "./standalone/startStandalone");
    return startStandalonePage(rootElement);
  },
});
