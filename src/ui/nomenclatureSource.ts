/**
 * Where the pane's nomenclature list comes from: one the user loaded from a file (kept in the browser's storage,
 * so it is there next time), else one the office bundled with the add-in (`npm run build -- --env
 * catalogue=FILE` puts it beside the pane as nomenklatur.json; fetched only when the pane starts, not part of
 * its script), else the built-in list.
 */
import type { Message } from "../domain/findings";
import { HostError } from "../domain/host";
import { msg, renderAll, text } from "../domain/messages";
import { Catalogue, isCatalogueData, type CatalogueData } from "../domain/nomenclature";
import { problemsText } from "../domain/nomenclature/importList";

const STORAGE_KEY = "renja-cermat.nomenklatur";
/** Set by webpack (DefinePlugin) when the build bundles a list: its file name beside taskpane.html. */
declare const __RENJA_BUNDLED_CATALOGUE__: string | undefined;

function bundledFile(): string | undefined {
  return typeof __RENJA_BUNDLED_CATALOGUE__ === "string" && __RENJA_BUNDLED_CATALOGUE__ !== "" ? __RENJA_BUNDLED_CATALOGUE__ : undefined;
}


function storage(): Storage | undefined {
  try {
    return typeof localStorage === "undefined" ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** The list the pane starts with: the stored one, else the bundled one, else undefined (the built-in list). */
export async function initialCatalogue(fetcher: typeof fetch = fetch): Promise<Catalogue | undefined> {
  const saved = storage()?.getItem(STORAGE_KEY);
  if (saved) {
    try {
      const data: unknown = JSON.parse(saved);
      if (isCatalogueData(data)) return new Catalogue(data, "browser");
    } catch {
      // a damaged entry is dropped below
    }
    storage()?.removeItem(STORAGE_KEY);
  }
  const file = bundledFile();
  if (!file) return undefined;
  try {
    const response = await fetcher(file);
    if (!response.ok) return undefined;
    const data: unknown = await response.json();
    return isCatalogueData(data) ? new Catalogue(data, "bundled") : undefined;
  } catch {
    return undefined;
  }
}

/** The refusal is rendered here, in both languages, because the pane's notices carry both texts. */
export type LoadResult = { ok: true; catalogue: Catalogue } | { ok: false; message: Message };

/**
 * A list file the user picked: Renja Cermat's stored JSON, or an official list as TSV, CSV or .xlsx (the
 * regulation read from the file name, as `renja catalogue import` does). Kept in the browser's storage when it
 * loads. The workbook reader is loaded only when a list is picked, so it stays out of the pane's first script.
 */
export async function loadCatalogueFile(name: string, bytes: Uint8Array): Promise<LoadResult> {
  let data: CatalogueData | undefined;
  if (/\.json$/i.test(name)) {
    try {
      const parsed: unknown = JSON.parse(new TextDecoder("utf-8").decode(bytes));
      if (isCatalogueData(parsed)) data = parsed;
    } catch {
      data = undefined;
    }
    if (!data) return { ok: false, message: renderAll(msg("list.notOurs", { file: text(name) })) };
  } else {
    const { readListBytes } = await import(/* webpackChunkName: "listfile" */ "../xlsx/listFile");
    let result: Awaited<ReturnType<typeof readListBytes>>;
    try {
      result = await readListBytes(bytes, name);
    } catch (e) {
      // the host's own refusal (not a workbook, damaged, encrypted) says what is wrong in both languages
      if (e instanceof HostError) return { ok: false, message: e.messages };
      throw e;
    }
    if (!result.ok) {
      return { ok: false, message: renderAll(msg("list.refusedWith", { file: text(name), errors: problemsText(result.errors.slice(0, 3)) })) };
    }
    data = result.data;
  }
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(data));
  } catch {
    // storage full or disabled: the list is used for this session only
  }
  return { ok: true, catalogue: new Catalogue(data, "browser") };
}

/** Forget the loaded list (back to the bundled or built-in one). */
export function forgetCatalogue(): void {
  storage()?.removeItem(STORAGE_KEY);
}
