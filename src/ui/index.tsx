/**
 * The pane's entry (webpack "taskpane" entry). Inside Office it renders the pane over the Office.js host and
 * registers the ribbon commands in the shared runtime; elsewhere it loads the standalone page lazily, so the
 * add-in's own bundle carries neither ExcelJS nor the .xlsx writer.
 */
import { detectRunMode, officeGlobal } from "./bootstrap";
import { startOfficePane } from "./officePane";

async function start(): Promise<void> {
  const rootElement = document.getElementById("root") ?? document.body.appendChild(document.createElement("div"));
  // The pane fills the task pane's frame exactly; its own lists scroll, not the page.
  document.body.style.margin = "0";
  const office = officeGlobal();
  const mode = await detectRunMode(office);
  if (mode.kind === "office") {
    await startOfficePane(rootElement, mode.theme);
    return;
  }
  const { startStandalonePage } = await import(/* webpackChunkName: "standalone" */ "./standalone/startStandalone");
  const page = await startStandalonePage(rootElement);
  // A cold Excel may report its host only after the wait: the real pane then replaces the standalone page.
  office?.onReady().then(
    async (info) => {
      if (!info.host || !office.context?.host) return;
      page.unmount();
      await startOfficePane(rootElement, office.context.officeTheme);
    },
    () => undefined,
  );
}

void start();
