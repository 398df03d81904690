/** LibreOffice as the second spreadsheet engine: recalculate a workbook and read every sheet back as CSV. */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

export const LO_SHEETS = process.env.LO_SHEETS ?? path.resolve(__dirname, "../../../shared/tools/lo-sheets");

export function libreOfficeMissing(): string | undefined {
  if (spawnSync("sh", ["-c", "command -v soffice"]).status !== 0) return "'soffice' is not on PATH (apt-get install -y libreoffice-calc-nogui)";
  if (!fs.existsSync(LO_SHEETS)) return `${LO_SHEETS} is missing (set LO_SHEETS)`;
  return undefined;
}

/** Sheet name → rows of raw cell texts, every formula recalculated by LibreOffice. */
export function recalculatedSheets(file: string, sheets: string[]): Map<string, string[][]> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "renja-lo-"));
  const run = spawnSync(LO_SHEETS, ["csv", file, out], { encoding: "utf8", timeout: 180_000 });
  if (run.status !== 0) throw new Error(`lo-sheets failed: ${run.stderr}`);
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
