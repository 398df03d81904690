/**
 * LibreOffice as the second, real spreadsheet engine, for the tests and scripts/render-table.ts. It runs
 * ../shared/tools/lo-sheets (or LO_SHEETS=path) when that exists, and otherwise does the same itself: a private
 * profile with OOXMLRecalcMode=0, because LibreOffice otherwise keeps an .xlsx file's cached results and a wrong
 * cached total would pass unseen. The tool is run through bash, so a copy without its exec bit still works.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const LO_SHEETS = process.env.LO_SHEETS ?? path.resolve(__dirname, "..", "..", "shared", "tools", "lo-sheets");

function onPath(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

/** Why LibreOffice cannot run here (to print in a skip message), or undefined when it can. */
export function libreOfficeMissing(opts: { pdf?: boolean } = {}): string | undefined {
  if (!onPath("soffice")) return "'soffice' is not on PATH (apt-get install -y libreoffice-calc-nogui)";
  if (opts.pdf && !(onPath("pdftoppm") && onPath("pdftotext"))) return "'pdftoppm'/'pdftotext' are not on PATH (apt-get install -y poppler-utils)";
  return undefined;
}

const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

function sofficeWithRecalculation(args: string[], timeout = 180_000): ReturnType<typeof spawnSync> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "renja-lo-profile-"));
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  const recalc = (name: string) => `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${name}" oor:op="fuse"><value>0</value></prop></item>`;
  fs.writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n${recalc("OOXMLRecalcMode")}\n${recalc("ODFRecalcMode")}\n</oor:items>\n`,
  );
  try {
    return spawnSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", ...args], { encoding: "utf8", timeout, maxBuffer: 64 * 1024 * 1024 });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * `lo-sheets csv|pdf <file> <outDir>`: one recalculated CSV per sheet (<name>-<sheet>.csv), or a PDF with PNG
 * pages (<name>-page-N.png). Throws with LibreOffice's message when it fails.
 */
export function runLoSheets(mode: "csv" | "pdf", file: string, outDir: string): void {
  fs.mkdirSync(outDir, { recursive: true });
  let run: ReturnType<typeof spawnSync>;
  if (fs.existsSync(LO_SHEETS)) {
    run = spawnSync("bash", [LO_SHEETS, mode, file, outDir], { encoding: "utf8", timeout: 240_000 });
  } else {
    run = sofficeWithRecalculation(["--convert-to", mode === "csv" ? CSV_FILTER : "pdf", file, "--outdir", outDir]);
    if (run.status === 0 && mode === "pdf") {
      const base = path.basename(file).replace(/\.[^.]+$/, "");
      run = spawnSync("pdftoppm", ["-r", "60", "-png", path.join(outDir, `${base}.pdf`), path.join(outDir, `${base}-page`)], { encoding: "utf8" });
    }
  }
  if (run.status !== 0) throw new Error(`LibreOffice failed: ${String(run.stderr)}`);
}

/**
 * Which of these workbooks LibreOffice loads. One soffice process converts a whole batch (starting LibreOffice
 * costs about a second, loading a small workbook a few milliseconds); a file LibreOffice cannot load gives no
 * result file. It loads with recalculation (as above), so formulas it cannot parse or evaluate are exercised too.
 * Converting to CSV writes only the first sheet, but LibreOffice loads the whole document first. Files with the
 * same base name go to separate batches (their results would overwrite each other). When a batch ends abnormally
 * (a time-out, a crash of LibreOffice itself), the files it left without a result are retried one by one, so one
 * file that hangs or kills LibreOffice is not held against the others.
 */
export function openedByLibreOffice(files: readonly string[], opts: { batch?: number; log?: (line: string) => void } = {}): Set<string> {
  const opened = new Set<string>();
  const stem = (f: string) => path.basename(f).replace(/\.[^.]+$/, "");
  const convert = (batch: string[]): boolean => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "renja-lo-open-"));
    try {
      const run = sofficeWithRecalculation(["--convert-to", "csv", "--outdir", out, ...batch], 60_000 + 5_000 * batch.length);
      for (const f of batch) if (fs.existsSync(path.join(out, `${stem(f)}.csv`))) opened.add(f);
      return run.status === 0 && !run.signal;
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  };
  const pending = [...files];
  while (pending.length) {
    const batch: string[] = [];
    const stems = new Set<string>();
    for (let i = 0; i < pending.length && batch.length < (opts.batch ?? 100); ) {
      if (stems.has(stem(pending[i]))) i++;
      else {
        stems.add(stem(pending[i]));
        batch.push(...pending.splice(i, 1));
      }
    }
    if (!convert(batch) && batch.length > 1) {
      const missing = batch.filter((f) => !opened.has(f));
      opts.log?.(`LibreOffice ended abnormally on a batch of ${batch.length}; retrying ${missing.length} one by one`);
      for (const f of missing) convert([f]);
    }
  }
  return opened;
}

/** Sheet name → rows of raw cell texts, every formula recalculated by LibreOffice. */
export function recalculatedSheets(file: string, sheets: string[]): Map<string, string[][]> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "renja-lo-"));
  try {
    runLoSheets("csv", file, out);
    const base = path.basename(file).replace(/\.xlsx$/i, "");
    const result = new Map<string, string[][]>();
    for (const sheet of sheets) {
      const csv = path.join(out, `${base}-${sheet}.csv`);
      if (!fs.existsSync(csv)) throw new Error(`LibreOffice wrote no ${path.basename(csv)}; it wrote: ${fs.readdirSync(out).join(", ")}`);
      result.set(sheet, parseCsv(fs.readFileSync(csv, "utf8")));
    }
    return result;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/** The same for workbook bytes. */
export function recalculatedBytes(bytes: Uint8Array, sheets: string[]): Map<string, string[][]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "renja-lo-in-"));
  try {
    const file = path.join(dir, "workbook.xlsx");
    fs.writeFileSync(file, bytes);
    return recalculatedSheets(file, sheets);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** LibreOffice's CSV: comma-separated, fields with commas, quotes or line breaks in double quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      row.push(field.replace(/\r$/, ""));
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}
