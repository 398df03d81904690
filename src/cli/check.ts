/**
 * `renja check`: read the workbook, map every sheet, run every rule, and report. Exit 0 when no error-severity
 * finding remains, 1 when some do, 2 when the check could not run, 3 when no Renja table was recognised (the
 * report says, sheet by sheet, what was looked at and why it was not taken: checkOutcome.ts decides).
 */
import type { Finding, Message, RuleId } from "../domain/findings";
import { HostError } from "../domain/host";
import type { MappedWorkbook, MappingOverrides } from "../domain/mapping/types";
import type { SheetSnapshot } from "../domain/sheet/snapshot";
import { openXlsxHost } from "../xlsx";
import { humanReport } from "./humanReport";
import type { CliIo } from "./io";
import type { Lang } from "./lang";
import { tableToJson } from "../domain/mapping/tableJson";
import type { SipdExport } from "../domain/sipd";
import { loadSipdExport, sipdAgreement, sipdLines } from "./sipd";
import type { CatalogueChoice } from "../domain/nomenclature/library";
import { catalogueLines, cataloguesUsed } from "./catalogueReport";

/** `--catalogue` for every table, else the stored lists by plan year (the built-in list when none fits). */
export async function nomenclatureChoice(ref: string | undefined): Promise<CatalogueChoice> {
  const { resolveCatalogue, storedCatalogues } = await import("./catalogueStore");
  const { catalogueByYear, fixedCatalogue } = await import("../domain/nomenclature/library");
  return ref !== undefined ? fixedCatalogue(await resolveCatalogue(ref)) : catalogueByYear(storedCatalogues());
}
import { explainNoTable, noTableMessage } from "../domain/mapping/recognition";
import { checkOutcome, EXIT_CANNOT_RUN } from "./checkOutcome";

export interface CheckEngine {
  mapWorkbook(sheets: SheetSnapshot[], opts?: { overrides?: MappingOverrides; nomenclature?: CatalogueChoice }): MappedWorkbook;
  validate(workbook: MappedWorkbook, options?: { sheet?: string; sipd?: { export: SipdExport; skpd?: string } }): Finding[];
  /** What a rule checks, in both languages (for summary lines of the human report). */
  describeRule?(rule: RuleId): Message | undefined;
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
}

export { EXIT_OK, EXIT_FINDINGS, EXIT_CANNOT_RUN, EXIT_NO_TABLE } from "./checkOutcome";

export async function runCheck(req: CheckRequest, io: CliIo, engine?: CheckEngine): Promise<number> {
  try {
    const { snapshots, overrides } = await readWorkbook(req, io);
    if (req.sheet !== undefined && !snapshots.some((s) => s.name === req.sheet)) {
      io.stderr(`renja: ${unknownSheetMessage(req.sheet, snapshots, req.lang)}\n`);
      return EXIT_CANNOT_RUN;
    }
    const checker = engine ?? (await import("./engine")).defaultEngine;
    const nomenclature = await nomenclatureChoice(req.catalogue);
    const mapped = checker.mapWorkbook(snapshots, { overrides, nomenclature });
    mapped.file = req.file;
    const sipd = req.sipd !== undefined ? await loadSipdExport(io, req.sipd) : undefined;
    const agreement = sipd ? sipdAgreement(mapped, sipd, req.skpd) : undefined;
    if (agreement && !agreement.comparison.unit) {
      io.stderr(`renja: ${sipdLines(agreement, req.lang)}`);
      return EXIT_CANNOT_RUN;
    }
    const findings = checker.validate(mapped, { ...(req.sheet !== undefined ? { sheet: req.sheet } : {}), ...(sipd ? { sipd: { export: sipd, skpd: req.skpd } } : {}) });
    const tables = req.sheet !== undefined ? mapped.tables.filter((t) => t.sheet === req.sheet) : mapped.tables;

    const { status, exitCode } = checkOutcome(tables, findings);
    const why = status === "no-table" ? explainNoTable(snapshots.filter((s) => req.sheet === undefined || s.name === req.sheet), { overrides }) : undefined;
    const noTable = why ? noTableMessage(why) : undefined;
    if (req.json) {
      const sipdJson = agreement ? { sipd: { file: req.sipd, agrees: agreement.agrees, lines: agreement.lines.map((l) => l[req.lang].trim()) } } : {};
      const explanation = why?.map((e) => ({ sheet: e.sheet, reason: e.reason, message: e.message[req.lang] }));
      // the contract's { file, tables, findings }; a workbook without a table also says so: status + explanation
      const noTableFields = explanation ? { status, explanation } : {};
      io.stdout(`${JSON.stringify({ file: req.file, ...noTableFields, tables: tables.map(tableToJson), findings, nomenclature: cataloguesUsed(tables), ...sipdJson }, null, 2)}\n`);
      if (noTable) io.stderr(`renja: ${noTable[req.lang]}\n`);
    } else {
      const describeRule = checker.describeRule?.bind(checker);
      io.stdout(catalogueLines(cataloguesUsed(tables), req.lang, req.width));
      io.stdout(humanReport({ file: req.file, tables, findings, lang: req.lang, describeRule, sheet: req.sheet, max: req.max, width: req.width, noTable }));
      if (agreement) io.stdout(sipdLines(agreement, req.lang));
    }
    return exitCode;
  } catch (e) {
    if (e instanceof HostError) {
      io.stderr(`renja: ${e.messages[req.lang]}\n`);
      return EXIT_CANNOT_RUN;
    }
    io.stderr(`renja: ${internalErrorMessage(e, req.lang)}\n`);
    if (io.debug && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return EXIT_CANNOT_RUN;
  }
}

/**
 * The sheets and the mapping sidecar. The host holds the file's bytes and ExcelJS's model of the workbook
 * (some 700 MB for 100,000 rows): both become garbage when this returns, before mapping and validating, so the
 * collector frees them instead of walking them again in every major collection.
 */
export async function readWorkbook(req: Pick<CheckRequest, "file" | "sheet">, io: CliIo): Promise<{ snapshots: SheetSnapshot[]; overrides: MappingOverrides | undefined }> {
  const host = await openXlsxHost(await io.readFile(req.file), req.file, io.sidecar(req.file), { maxSheetDataBytes: io.maxSheetDataBytes });
  const snapshots = await host.readAllSnapshots({ styles: true });
  // An unknown --sheet is said before a sidecar is read (a broken sidecar must not hide that message).
  if (req.sheet !== undefined && !snapshots.some((s) => s.name === req.sheet)) return { snapshots, overrides: undefined };
  return { snapshots, overrides: await host.loadMapping() };
}

export function unknownSheetMessage(sheet: string, snapshots: readonly SheetSnapshot[], lang: Lang): string {
  const names = snapshots.map((s) => `"${s.name}"`).join(", ");
  return lang === "en"
    ? `The workbook has no sheet named "${sheet}". Its sheets are: ${names}.`
    : `Lembar "${sheet}" tidak ada di buku kerja. Lembar yang ada: ${names}.`;
}

/** A failure no check should have: said plainly, without a stack trace, with the way to report it. */
export function internalErrorMessage(e: unknown, lang: Lang): string {
  // First line only: Node appends a "Require stack" list to module errors, which reads like a stack trace.
  const detail = (e instanceof Error ? e.message : String(e)).split("\n")[0].trim();
  return lang === "en"
    ? `an internal error stopped the check (${detail}). Please report it with the file if you can; RENJA_DEBUG=1 shows the details.`
    : `pemeriksaan terhenti karena kesalahan internal (${detail}). Mohon laporkan, sertakan berkasnya bila bisa; RENJA_DEBUG=1 menampilkan rinciannya.`;
}
