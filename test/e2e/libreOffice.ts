/** LibreOffice as the second spreadsheet engine: recalculate a workbook and read every sheet back as CSV. */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

export const LO_SHEETS = process.env.LO_SHEETS ?? path.resolve(__dirname, "../../../shared/tools/lo-sheets");

export function libreOfficeMissing(): string | undefined {
  if (spawnSync("sh", ["-c", "command -v soffice"]).status !== 0) return "'soffice' is not on PATH (apt-get install -y libreoffice-calc-nogui)";
  return undefined;
}

/**
 * Without lo-sheets (a clone outside this machine's /work), the same conversion it runs: a private profile
 * with OOXMLRecalcMode=0, because LibreOffice otherwise keeps an .xlsx file's cached results and a wrong
 * cached total would pass unseen.
 */
function convertWithSoffice(file: string, out: string): ReturnType<typeof spawnSync> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "renja-lo-profile-"));
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  const recalc = (name: string) => `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${name}" oor:op="fuse"><value>0</value></prop></item>`;
  fs.writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n${recalc("OOXMLRecalcMode")}\n${recalc("ODFRecalcMode")}\n</oor:items>\n`,
  );
  try {
    const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
    return spawnSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", filter, file, "--outdir", out], { encoding: "utf8", timeout: 180_000 });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** Sheet name → rows of raw cell texts, every formula recalculated by LibreOffice. */
export function recalculatedSheets(file: string, sheets: string[]): Map<string, string[][]> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "renja-lo-"));
  const run = fs.existsSync(LO_SHEETS) ? spawnSync(LO_SHEETS, ["csv", file, out], { encoding: "utf8", timeout: 180_000 }) : convertWithSoffice(file, out);
  if (run.status !== 0) throw new Error(`LibreOffice failed: ${String(run.stderr)}`);
  const base = path.basename(file).replace(/\.xlsx$/i, "");
  const result = new Map<string, string[][]>();
  for (const sheet of sheets) {
    const file = path.join(out, `${base}-${sheet}.csv`);
    if (!fs.existsSync(file)) throw new Error(`LibreOffice wrote no ${path.basename(file)}; it wrote: ${fs.readdirSync(out).join(", ")}`);
    result.set(sheet, parseCsv(fs.readFileSync(file, "utf8")));
  }
  fs.rmSync(out, { recursive: true, force: true });
  return result;
}

function parseCsv(text: string): string[][] {
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
