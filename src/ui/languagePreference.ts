/** The user's language choice survives closing the pane (per browser profile / Office webview). */
import type { PaneController } from "./controller";
import { isLang, type Lang } from "../domain/messages";

const KEY = "renja-cermat:lang";

export function savedLanguage(): Lang | undefined {
  try {
    const v = window.localStorage.getItem(KEY);
    return isLang(v) ? v : undefined;
  } catch {
    // Storage can be forbidden (private mode, strict webviews): the default language then applies.
    return undefined;
  }
}

export function rememberLanguage(controller: PaneController): void {
  let last = controller.getState().lang;
  controller.subscribe(() => {
    const lang = controller.getState().lang;
    if (lang === last) return;
    last = lang;
    try {
      window.localStorage.setItem(KEY, lang);
    } catch {
      // Not remembered; the switch still works for this session.
    }
  });
}
