/**
 * Many workbooks in one process (issue 12): the .xlsx files given or found in the folders given, each checked
 * into a per-file outcome (0 no error, 1 errors, 3 no Renja table, 2 could not be read — with its reason), and
 * the run's exit code, the worst of all (2 > 1 > 3 > 0). A file that fails is an outcome, never the end of the
 * run. Shared by `check` of several files and `report`.
 */
import * as fs from "fs";
import * as path from "path";
import type { Finding, Message } from "../domain/findings";
import { HostError } from "../domain/host";
import type { MappedTable } from "../domain/mapping/types";
import { reviewUnit, type SipdReview, type UnitReview } from "../domain/review/unitReview";
import type { SipdExport } from "../domain/sipd";
import { EXIT_CANNOT_RUN, EXIT_FINDINGS, EXIT_OK, internalErrorMessage, readWorkbook, unknownSheetMessage, type CheckEngine } from "./check";
import type { CliIo } from "./io";
import type { Lang } from "./lang";
import type { CatalogueChoice } from "../domain/nomenclature/library";
import { sipdAgreement, type SipdAgreement } from "./sipd";
import { ERASE_LINE } from "./terminalText";

export const EXIT_NO_TABLE = 3;

export type FileCode = typeof EXIT_OK | typeof EXIT_FINDINGS | typeof EXIT_CANNOT_RUN | typeof EXIT_NO_TABLE;

export interface FileOutcome {
  file: string;
  /** How a summary names the file: its path under the folder it was found in, else its name. */
  label: string;
  code: FileCode;
  /** Why the file could not be checked (code 2). */
  reason?: Message;
  tables: MappedTable[];
  findings: Finding[];
  review?: UnitReview;
  /** How the workbook compares with the SIPD-RI export given (`--sipd`); absent when none was given. */
  sipd?: SipdAgreement;
}

/**
 * The "no Renja table" decision for one checked workbook. The single-file check of issue 9 owns the message
 * that explains it; this is the one place the batch asks, to be replaced by that decision when it lands.
 */
export function isNoRenjaTable(tables: readonly MappedTable[]): boolean {
  return tables.length === 0;
}

const SEVERITY_OF_CODE: Record<FileCode, number> = { 0: 0, 3: 1, 1: 2, 2: 3 };

/** The run's exit code: the worst file's, 2 > 1 > 3 > 0 (no files: 0). */
export function worstExitCode(codes: Iterable<FileCode>): FileCode {
  let worst: FileCode = EXIT_OK;
  for (const c of codes) if (SEVERITY_OF_CODE[c] > SEVERITY_OF_CODE[worst]) worst = c;
  return worst;
}

export interface Inputs {
  /** Files to check, in the order given; a folder's files sorted by path. */
  files: string[];
  /** Arguments that name nothing checkable, with the reason: each becomes an outcome of code 2. */
  problems: { file: string; reason: Message }[];
  /** A file's label (see FileOutcome.label) when it is not the file's name. */
  labels: Map<string, string>;
}

export function labelOf(inputs: Inputs, file: string): string {
  return inputs.labels.get(file) ?? path.basename(file);
}

/** Excel's owner files ("~$Renja.xlsx") sit beside an open workbook; they are no workbooks. */
function isLockFile(name: string): boolean {
  return name.startsWith("~$");
}

/** Every .xlsx given, and every .xlsx under the folders given (recursively, lock files skipped), once each. */
export async function expandInputs(args: readonly string[]): Promise<Inputs> {
  const files: string[] = [];
  const problems: Inputs["problems"] = [];
  const labels = new Map<string, string>();
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  for (const arg of args) {
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(arg);
    } catch {
      // The read reports it with the message every check gives for a missing file.
      add(arg);
      continue;
    }
    if (!stat.isDirectory()) {
      add(arg);
      continue;
    }
    const found = await xlsxUnder(arg);
    if (found.length === 0) {
      problems.push({ file: arg, reason: { id: `Folder ${arg} tidak berisi berkas .xlsx.`, en: `The folder ${arg} holds no .xlsx file.` } });
    }
    for (const f of found) {
      add(f);
      labels.set(f, path.relative(arg, f).split(path.sep).join("/"));
    }
  }
  return { files, problems, labels };
}

async function xlsxUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    const entries = await fs.promises.readdir(d, { withFileTypes: true });
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && /\.xlsx$/i.test(e.name) && !isLockFile(e.name)) out.push(p);
    }
  };
  await walk(dir);
  return out.sort((a, b) => a.localeCompare(b));
}

/** true when the path is a folder (a single folder argument is a batch, not a file). */
export async function isFolder(p: string): Promise<boolean> {
  try {
    return (await fs.promises.stat(p)).isDirectory();
  } catch {
    return false;
  }
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
}

/** Reads, maps and validates one workbook into its outcome; never throws. */
export async function checkFile(file: string, options: CheckFileOptions, io: CliIo, engine: CheckEngine, label = path.basename(file)): Promise<FileOutcome> {
  try {
    const { snapshots, overrides } = await readWorkbook({ file, sheet: options.sheet }, io);
    if (options.sheet !== undefined && !snapshots.some((s) => s.name === options.sheet)) {
      const reason = { id: unknownSheetMessage(options.sheet, snapshots, "id"), en: unknownSheetMessage(options.sheet, snapshots, "en") };
      return { file, label, code: EXIT_CANNOT_RUN, reason, tables: [], findings: [] };
    }
    const mapped = engine.mapWorkbook(snapshots, { overrides, ...(options.nomenclature ? { nomenclature: options.nomenclature } : {}) });
    mapped.file = file;
    const agreement = options.sipd && !isNoRenjaTable(mapped.tables) ? sipdAgreement(mapped, options.sipd.export, options.sipd.skpd) : undefined;
    const compared = agreement?.comparison.unit ? options.sipd : undefined;
    const findings = engine.validate(mapped, { ...(options.sheet !== undefined ? { sheet: options.sheet } : {}), ...(compared ? { sipd: compared } : {}) });
    const tables = options.sheet !== undefined ? mapped.tables.filter((t) => t.sheet === options.sheet) : mapped.tables;
    const review = reviewUnit(mapped, findings, agreement ? sipdReview(agreement) : undefined);
    const code: FileCode = isNoRenjaTable(mapped.tables) ? EXIT_NO_TABLE : findings.some((f) => f.severity === "error") ? EXIT_FINDINGS : EXIT_OK;
    return { file, label, code, tables, findings, review, ...(agreement ? { sipd: agreement } : {}) };
  } catch (e) {
    const reason = e instanceof HostError ? e.messages : { id: internalErrorMessage(e, "id"), en: internalErrorMessage(e, "en") };
    if (io.debug && !(e instanceof HostError) && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return { file, label, code: EXIT_CANNOT_RUN, reason, tables: [], findings: [] };
  }
}

function sipdReview(agreement: SipdAgreement): SipdReview {
  if (agreement.comparison.unit) return { compared: true };
  return { compared: false, reason: agreement.comparison.unitError ?? { id: "Unit ini tidak ditemukan di ekspor SIPD-RI.", en: "This unit is not in the SIPD-RI export." } };
}

/** Checks every input in turn (one process, one at a time: a workbook's memory is freed before the next). */
export async function checkInputs(
  inputs: Inputs,
  options: CheckFileOptions,
  io: CliIo,
  engine: CheckEngine,
  each: (outcome: FileOutcome, index: number, total: number) => void,
): Promise<FileCode[]> {
  const codes: FileCode[] = [];
  const total = inputs.files.length + inputs.problems.length;
  let n = 0;
  const progress = (file: string) => {
    if (io.stderrIsTTY) io.stderr(`${ERASE_LINE}[${n + 1}/${total}] ${file}`);
  };
  const done = (outcome: FileOutcome) => {
    if (io.stderrIsTTY) io.stderr(ERASE_LINE);
    codes.push(outcome.code);
    each(outcome, n++, total);
  };
  for (const p of inputs.problems) done({ file: p.file, label: p.file, code: EXIT_CANNOT_RUN, reason: p.reason, tables: [], findings: [] });
  for (const file of inputs.files) {
    const label = labelOf(inputs, file);
    progress(label);
    done(await checkFile(file, options, io, engine, label));
  }
  return codes;
}
