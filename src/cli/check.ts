/**
 * `renja check`: read the workbook, map every sheet, run every rule, and report. Exit 0 when no error-severity
 * finding remains, 1 when some do, 2 when the check could not run, 3 when no Renja table was recognised (the
 * report says, sheet by sheet, what was looked at and why it was not taken: checkOutcome.ts decides). One
 * workbook is checked by `checkFile`, the same function every file of a batch (batch.ts) goes through.
 */
import * as path from "path";
import type { Finding, Message, RuleId } from "../domain/findings";
import { generatedSheetsNotice } from "../domain/generatedMarker";
import { msg, nested, render, renderAll, text, type MessageRef } from "../domain/messages";
import { HostError } from "../domain/host";
import { explainNoTable, noTableMessage, type SheetExplanation } from "../domain/mapping/recognition";
import { tableToJson } from "../domain/mapping/tableJson";
import type { MappedTable, MappedWorkbook, MappingOverrides } from "../domain/mapping/types";
import type { CatalogueChoice } from "../domain/nomenclature/library";
import { reviewUnit, type SipdReview, type UnitReview } from "../domain/review/unitReview";
import type { SheetSnapshot } from "../domain/sheet/snapshot";
import type { SipdExport } from "../domain/sipd";
import { openXlsxHost } from "../xlsx";
import { catalogueLines, cataloguesUsed } from "./catalogueReport";
import { checkOutcome, EXIT_CANNOT_RUN, type CheckStatus, type ExitCode } from "./checkOutcome";
import { humanReport } from "./humanReport";
import { type CliIo, hostReadOptions } from "./io";
import type { Lang } from "./lang";
import { loadRunSipdExport, sipdAgreement, sipdJson, sipdLines, type SipdAgreement } from "./sipd";
import { findingToJson } from "./findingJson";

/** `--catalogue` for every table, else the stored lists by plan year (the built-in list when none fits). */
export async function nomenclatureChoice(ref: string | undefined): Promise<CatalogueChoice> {
  const { resolveCatalogue, storedCatalogues } = await import("./catalogueStore");
  const { catalogueByYear, fixedCatalogue } = await import("../domain/nomenclature/library");
  return ref !== undefined ? fixedCatalogue(await resolveCatalogue(ref)) : catalogueByYear(storedCatalogues());
}
export interface CheckEngine {
  mapWorkbook(sheets: SheetSnapshot[], opts?: { overrides?: MappingOverrides; nomenclature?: CatalogueChoice }): MappedWorkbook;
  validate(workbook: MappedWorkbook, options?: { sheet?: string; sipd?: { export: SipdExport; skpd?: string } }): Finding[];
  /** What a rule checks (for the rule headings and summary lines of the human report). */
  describeRule?(rule: RuleId): MessageRef | undefined;
}

export interface CheckRequest {
  lang: Lang;
  file: string;
  sheet?: string;
  json: boolean;
  /** A SIPD-RI export to compare the plan tables with, and the unit to take from it. */
  sipd?: string;
  skpd?: string;
  /** Findings listed per rule group in the human report (--max; 0 = all). */
  max?: number;
  /** Terminal width for wrapping the human report. */
  width?: number;
  /** `--catalogue FILE|NAME`: this nomenclature list for every table instead of the one chosen by year. */
  catalogue?: string;
  /** `--include-generated`: check the sheets this tool generated too (left out by default). */
  includeGenerated?: boolean;
}

export { EXIT_OK, EXIT_FINDINGS, EXIT_CANNOT_RUN, EXIT_NO_TABLE } from "./checkOutcome";

export async function runCheck(req: CheckRequest, io: CliIo, engine?: CheckEngine): Promise<number> {
  const checker = engine ?? (await import("./engine")).defaultEngine;
  let nomenclature: CatalogueChoice;
  try {
    nomenclature = await nomenclatureChoice(req.catalogue);
  } catch (e) {
    if (!(e instanceof HostError)) throw e;
    io.stderr(`renja: ${e.messages[req.lang]}\n`);
    return EXIT_CANNOT_RUN;
  }
  const sipd = await loadRunSipdExport(req, io);
  if (sipd === "refused") return EXIT_CANNOT_RUN;
  // One file is checked as every file of a batch is (checkFile below); only what is printed differs.
  const outcome = await checkFile(req.file, { lang: req.lang, sheet: req.sheet, nomenclature, includeGenerated: req.includeGenerated, ...(sipd ? { sipd } : {}) }, io, checker, req.file);
  if (outcome.reason) {
    io.stderr(`renja: ${outcome.reason[req.lang]}\n`);
    return EXIT_CANNOT_RUN;
  }
  const agreement = outcome.sipd;
  if (agreement && !agreement.comparison.unit) {
    // A single workbook whose unit the export does not hold: the user named the export for it, so say which
    // units it holds and stop (a batch notes it on the unit's SIPD item instead).
    io.stderr(`renja: ${sipdLines(agreement, req.lang)}`);
    return EXIT_CANNOT_RUN;
  }
  const { tables, findings, status, noTable: why, generatedSheets: skipped = [] } = outcome;
  const noTable = why ? noTableMessage(why) : undefined;
  const skippedNotice = generatedSheetsNotice(skipped);
  if (req.json) {
    const explanation = why?.map((e) => ({ sheet: e.sheet, reason: e.reason, message: render(e.message, req.lang) }));
    // the contract's { file, tables, findings }; a workbook without a table also says so: status + explanation
    const noTableFields = explanation ? { status, explanation } : {};
    io.stdout(`${JSON.stringify({ file: req.file, ...noTableFields, tables: tables.map(tableToJson), findings: findings.map((f) => findingToJson(f, req.lang)), nomenclature: cataloguesUsed(tables), ...sipdJson(agreement, req.sipd, req.lang), ...(skipped.length ? { generatedSheets: skipped } : {}) }, null, 2)}\n`);
    if (noTable) io.stderr(`renja: ${render(noTable, req.lang)}\n`);
  } else {
    const describeRule = checker.describeRule?.bind(checker);
    io.stdout(catalogueLines(cataloguesUsed(tables), req.lang, req.width));
    if (skippedNotice) io.stdout(`${render(skippedNotice, req.lang)}\n`);
    io.stdout(humanReport({ file: req.file, tables, findings, lang: req.lang, describeRule, sheet: req.sheet, max: req.max, width: req.width, noTable }));
    if (agreement) io.stdout(sipdLines(agreement, req.lang));
  }
  return outcome.code;
}

export interface FileOutcome {
  file: string;
  /** How a summary names the file: its path under the folder it was found in, else its name. */
  label: string;
  code: ExitCode;
  /** Why the file could not be checked (code 2). */
  reason?: Message;
  /** The checked workbook's status (checkOutcome.ts); absent when it could not be checked. */
  status?: CheckStatus;
  tables: MappedTable[];
  findings: Finding[];
  review?: UnitReview;
  /** How the workbook compares with the SIPD-RI export given (`--sipd`); absent when none was given. */
  sipd?: SipdAgreement;
  /** When no Renja table was recognised: what was looked at, sheet by sheet, and why it was not taken. */
  noTable?: SheetExplanation[];
  /** Sheets this tool generated (verified marker), left out of the check. */
  generatedSheets?: string[];
}

export interface CheckFileOptions {
  lang: Lang;
  sheet?: string;
  /** The nomenclature list(s) to map with: `--catalogue`, else the stored lists by plan year (nomenclatureChoice). */
  nomenclature?: CatalogueChoice;
  /**
   * A SIPD-RI export read once for the whole run (`--sipd`): each workbook's unit is found in it by its table
   * titles (or `skpd`); a unit the export does not hold is said on that unit's SIPD item, not a failure.
   */
  sipd?: { export: SipdExport; skpd?: string };
  /** Check the sheets this tool generated too; by default they are left out (they repeat their source's notes). */
  includeGenerated?: boolean;
}

/** Reads, maps and validates one workbook into its outcome; never throws. */
export async function checkFile(file: string, options: CheckFileOptions, io: CliIo, engine: CheckEngine, label = path.basename(file)): Promise<FileOutcome> {
  try {
    const { snapshots: all, overrides, generated } = await readWorkbook({ file, sheet: options.sheet }, io);
    if (options.sheet !== undefined && !all.some((s) => s.name === options.sheet)) {
      const reason = renderAll(unknownSheetMessage(options.sheet, all));
      return { file, label, code: EXIT_CANNOT_RUN, reason, tables: [], findings: [] };
    }
    // A generated sheet repeats its source's notes (findings grew with every Buat Tabel): left out, and named,
    // unless asked for (--include-generated) or named with --sheet.
    const skipped = options.includeGenerated ? [] : generated.filter((n) => n !== options.sheet);
    const snapshots = skipped.length ? all.filter((s) => !skipped.includes(s.name)) : all;
    const mapped = engine.mapWorkbook(snapshots, { overrides, ...(options.nomenclature ? { nomenclature: options.nomenclature } : {}) });
    mapped.file = file;
    const tables = options.sheet !== undefined ? mapped.tables.filter((t) => t.sheet === options.sheet) : mapped.tables;
    const agreement = options.sipd && tables.length > 0 ? sipdAgreement(mapped, options.sipd.export, options.sipd.skpd) : undefined;
    const compared = agreement?.comparison.unit ? options.sipd : undefined;
    const findings = engine.validate(mapped, { ...(options.sheet !== undefined ? { sheet: options.sheet } : {}), ...(compared ? { sipd: compared } : {}) });
    const review = reviewUnit(mapped, findings, agreement ? sipdReview(agreement) : undefined);
    const { status, exitCode } = checkOutcome(tables, findings);
    const noTable = status === "no-table" ? explainNoTable(snapshots.filter((s) => options.sheet === undefined || s.name === options.sheet), { overrides }) : undefined;
    return { file, label, code: exitCode, status, tables, findings, review, ...(agreement ? { sipd: agreement } : {}), ...(noTable ? { noTable } : {}), ...(skipped.length ? { generatedSheets: skipped } : {}) };
  } catch (e) {
    const reason = e instanceof HostError ? e.messages : renderAll(internalErrorMessage(e));
    if (io.debug && !(e instanceof HostError) && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return { file, label, code: EXIT_CANNOT_RUN, reason, tables: [], findings: [] };
  }
}

function sipdReview(agreement: SipdAgreement): SipdReview {
  if (agreement.comparison.unit) return { compared: true };
  return { compared: false, reason: renderAll(agreement.comparison.unitError ?? msg("cli.check.unitNotInSipd", {})) };
}

/**
 * The sheets and the mapping sidecar. The host holds the file's bytes and ExcelJS's model of the workbook
 * (some 700 MB for 100,000 rows): both become garbage when this returns, before mapping and validating, so the
 * collector frees them instead of walking them again in every major collection.
 */
export async function readWorkbook(
  req: Pick<CheckRequest, "file" | "sheet">,
  io: CliIo,
): Promise<{ snapshots: SheetSnapshot[]; overrides: MappingOverrides | undefined; generated: string[] }> {
  const host = await openXlsxHost(await io.readFile(req.file), req.file, io.sidecar(req.file), hostReadOptions(io));
  const snapshots = await host.readAllSnapshots({ styles: true });
  // Only sheets whose marker is verified and unchanged: a copy or an edited generated sheet is the user's work.
  const generated = (host.markedSheets?.() ?? []).filter((v) => v.status === "generated").map((v) => v.name);
  // An unknown --sheet is said before a sidecar is read (a broken sidecar must not hide that message).
  if (req.sheet !== undefined && !snapshots.some((s) => s.name === req.sheet)) return { snapshots, overrides: undefined, generated };
  return { snapshots, overrides: await host.loadMapping(), generated };
}

export function unknownSheetMessage(sheet: string, snapshots: readonly SheetSnapshot[]): MessageRef {
  const names = snapshots.map((s) => `"${s.name}"`).join(", ");
  return msg("cli.sheet.missingOf", { missing: nested(msg("host.unknownSheet", { sheet: text(sheet) })), names: text(names) });
}

/** A failure no check should have: said plainly, without a stack trace, with the way to report it. */
export function internalErrorMessage(e: unknown): MessageRef {
  // First line only: Node appends a "Require stack" list to module errors, which reads like a stack trace.
  const detail = (e instanceof Error ? e.message : String(e)).split("\n")[0].trim();
  return msg("cli.check.internal", { detail: text(detail) });
}
