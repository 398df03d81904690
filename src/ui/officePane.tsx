/** Inside Excel: the pane over the Office.js host, and the ribbon commands on the same controller. */
import { createRoot } from "react-dom/client";
import { isLang, type Lang } from "../domain/messages";
import type { OfficeThemeColors } from "./bootstrap";
import { App } from "./components/App";
import { PaneController, errorMessage } from "./controller";
import { defaultPlanners } from "./defaultPlanners";
import { domainEngine } from "./engine";
import { loadOfficeHost } from "./officeHostLoader";
import { setSharedController } from "./sharedController";
import { placeholderHost } from "./placeholderHost";
import { isDarkTheme } from "./theme";
import { rememberLanguage, savedLanguage } from "./languagePreference";

/**
 * `ready` receives the controller once it runs on the Office host (or has said why it cannot): the ribbon
 * commands the entry module registered before this started wait for it.
 */
export async function startOfficePane(root: HTMLElement, theme: OfficeThemeColors | undefined, ready: (c: PaneController) => void = () => undefined): Promise<void> {
  const controller = new PaneController(placeholderHost, domainEngine, defaultPlanners, savedLanguage() ?? paneLanguage());
  rememberLanguage(controller);
  setSharedController(controller);
  createRoot(root).render(<App controller={controller} dark={isDarkTheme(theme)} />);
  try {
    controller.replaceHost(await loadOfficeHost());
  } catch (e) {
    controller.showNotice({ intent: "error", message: errorMessage(e) });
  } finally {
    ready(controller);
  }
}

/** Bahasa Indonesia unless Office runs in another language and the user has not chosen. */
function paneLanguage(): Lang {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  const spoken = (office?.context?.displayLanguage ?? "id-ID").toLowerCase().slice(0, 2);
  return isLang(spoken) ? spoken : "id";
}
