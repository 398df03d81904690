/**
 * `renja report <file|folder>… -o verifikasi.xlsx [--paper f4|a4] [--lang id|en]`: checks every workbook in
 * one process and writes the verification workbook (Rekap + one Lembar Verifikasi per unit) as a NEW workbook;
 * no input is modified. Exit 0 when the workbook was written (whatever the units' findings), 2 when not.
 */
import { count, msg, render, text, type MessageRef } from "../domain/messages";
import { HostError } from "../domain/host";
import { buildVerificationSheets, type ReportUnit } from "../domain/review/verificationSheets";
import { sheetsToNewWorkbook } from "../xlsx/patch/separateWorkbook";
import { checkInputs, EXIT_NO_TABLE, expandInputs, type FileOutcome } from "./batch";
import { nomenclatureChoice, type CheckEngine } from "./check";
import type { CliIo } from "./io";
import { loadRunSipdExport } from "./sipd";
import type { Lang } from "./lang";

export interface ReportRequest {
  lang: Lang;
  files: string[];
  output: string;
  paper: "f4" | "a4";
  /** A SIPD-RI export (kabupaten-wide or one unit's) each unit is compared with, and the unit to take from it. */
  sipd?: string;
  skpd?: string;
  /** The verification date (today unless a test fixes it). */
  date?: Date;
}

const EXIT_WRITTEN = 0;
const EXIT_NOT_WRITTEN = 2;

export async function runReport(req: ReportRequest, io: CliIo, engine?: CheckEngine): Promise<number> {
  const say = (m: MessageRef) => render(m, req.lang);
  try {
    if (!io.writeFile) throw new Error("this CLI cannot write files");
    const checker = engine ?? (await import("./engine")).defaultEngine;
    const inputs = await expandInputs(req.files);
    const units: ReportUnit[] = [];
    const sipd = await loadRunSipdExport(req, io);
    if (sipd === "refused") return EXIT_NOT_WRITTEN;
    await checkInputs(inputs, { lang: req.lang, nomenclature: await nomenclatureChoice(undefined), ...(sipd ? { sipd } : {}) }, io, checker, (o) => {
      units.push(reportUnit(o));
      if (o.reason) io.stderr(`renja: ${o.file}: ${o.reason[req.lang]}\n`);
    });
    const sheets = buildVerificationSheets(units, { lang: req.lang, date: req.date ?? new Date(), paper: req.paper });
    await io.writeFile(req.output, await sheetsToNewWorkbook(sheets));
    const lembar = sheets.length - 1;
    io.stdout(`${say(msg("cli.report.written", { file: text(req.output), units: count(units.length), sheets: count(lembar) }))}\n`);
    return EXIT_WRITTEN;
  } catch (e) {
    if (e instanceof HostError) {
      io.stderr(`renja: ${e.messages[req.lang]}\n`);
      return EXIT_NOT_WRITTEN;
    }
    const detail = (e instanceof Error ? e.message : String(e)).split("\n")[0];
    io.stderr(`renja: ${say(msg("cli.report.internal", { detail: text(detail) }))}\n`);
    if (io.debug && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return EXIT_NOT_WRITTEN;
  }
}

function reportUnit(o: FileOutcome): ReportUnit {
  if (o.reason || !o.review) return { file: o.label, outcome: "unreadable", reason: o.reason };
  return { file: o.label, outcome: o.code === EXIT_NO_TABLE ? "no-table" : "checked", review: o.review };
}
