/** The standalone page: the pane on an .xlsx in the browser, the bundled sample first. */
import { createRoot } from "react-dom/client";
import { PaneController } from "../controller";
import { defaultPlanners } from "../defaultPlanners";
import { domainEngine } from "../engine";
import { StandalonePage } from "./StandalonePage";
import { placeholderHost } from "../placeholderHost";
import { rememberLanguage, savedLanguage } from "../languagePreference";

export async function startStandalonePage(root: HTMLElement): Promise<{ unmount(): void }> {
  const controller = new PaneController(placeholderHost, domainEngine, defaultPlanners, savedLanguage() ?? "id");
  rememberLanguage(controller);
  document.title = "Renja Cermat";
  // Outside Office there is no Office theme: the browser's light/dark preference stands in for it.
  const dark = typeof window.matchMedia === "function" && window.matchMedia("(prefers-color-scheme: dark)").matches;
  const reactRoot = createRoot(root);
  reactRoot.render(<StandalonePage controller={controller} dark={dark} />);
  return reactRoot;
}
