/**
 * Where imported nomenclature lists live: one JSON file per list in the user's data folder —
 * $XDG_DATA_HOME/renja-cermat/nomenklatur (default ~/.local/share/…) on Linux, %APPDATA%\renja-cermat\nomenklatur on
 * Windows, ~/Library/Application Support/renja-cermat/nomenklatur on macOS. And reading a list the user names:
 * a stored name, a stored-format .json file, or an official list file (TSV, CSV, .xlsx) imported on the fly.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { HostError } from "../domain/host";
import { msg, nested, text } from "../domain/messages";
import { Catalogue, isCatalogueData, type CatalogueData, type CatalogueOrigin } from "../domain/nomenclature";
import { problemsText, type ImportOptions, type ImportResult } from "../domain/nomenclature/importList";
import { readListBytes } from "../xlsx/listFile";

export function catalogueDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (platform === "win32") return path.join(env.APPDATA ?? path.join(home, "AppData", "Roaming"), "renja-cermat", "nomenklatur");
  if (platform === "darwin") return path.join(home, "Library", "Application Support", "renja-cermat", "nomenklatur");
  const base = env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : path.join(home, ".local", "share");
  return path.join(base, "renja-cermat", "nomenklatur");
}

/** A stored list's file name: its name, safe for every file system. */
function fileOf(dir: string, name: string): string {
  return path.join(dir, `${name.replace(/[^A-Za-z0-9._-]+/g, "-")}.json`);
}


export function storedCatalogues(dir = catalogueDir()): Catalogue[] {
  let files: string[];
  try {
    files = fs.readdirSync(dir).filter((f) => f.endsWith(".json"));
  } catch {
    return [];
  }
  const out: Catalogue[] = [];
  for (const f of files.sort()) {
    try {
      const data: unknown = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
      if (isCatalogueData(data)) out.push(new Catalogue(data, "stored"));
    } catch {
      // a damaged file is skipped here; `renja catalogue list` names it
    }
  }
  return out;
}

export function saveCatalogue(data: CatalogueData, replace: boolean, dir = catalogueDir()): { file: string; replaced: boolean } {
  const file = fileOf(dir, data.name);
  const exists = fs.existsSync(file);
  if (exists && !replace) {
    throw new HostError("io", msg("list.store.exists", { name: text(data.name), file: text(file) }));
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(data)}\n`, "utf8");
  return { file, replaced: exists };
}

export function removeCatalogue(name: string, dir = catalogueDir()): boolean {
  const file = fileOf(dir, name);
  if (!fs.existsSync(file)) return false;
  fs.unlinkSync(file);
  return true;
}

/** A list file the user names: delimited text or a workbook (src/xlsx/listFile.ts). */
export async function readListFile(file: string, opts: ImportOptions): Promise<ImportResult> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new HostError("not-found", msg("list.store.notFound", { file: text(file) }));
  }
  return readListBytes(new Uint8Array(bytes), path.basename(file), opts);
}

/** The list `--catalogue` names: a stored name first, else a file (stored-format JSON, or a list to import). */
export async function resolveCatalogue(ref: string, dir = catalogueDir()): Promise<Catalogue> {
  const stored = fileOf(dir, ref);
  if (!fs.existsSync(ref) && fs.existsSync(stored)) return loadJson(stored, "stored");
  if (!fs.existsSync(ref)) {
    const names = storedCatalogues(dir).map((c) => c.name);
    const known = names.length > 0 ? msg("list.store.names", { names: text(names.join(", ")) }) : msg("list.store.noNames", {});
    throw new HostError("not-found", msg("list.store.unknown", { ref: text(ref), names: nested(known) }));
  }
  if (ref.toLowerCase().endsWith(".json")) return loadJson(ref, "file");
  const result = await readListFile(ref, {});
  if (!result.ok) {
    throw new HostError("io", msg("list.store.unusable", { file: text(ref), errors: problemsText(result.errors) }));
  }
  return new Catalogue(result.data, "file");
}

function loadJson(file: string, origin: CatalogueOrigin): Catalogue {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    data = undefined;
  }
  if (!isCatalogueData(data)) {
    throw new HostError("io", msg("list.notOurs", { file: text(file) }));
  }
  return new Catalogue(data, origin);
}
