/**
 * `renja generate tabel-3.3|tabel-2.1 <in.xlsx> -o <out.xlsx>`: build the table from the workbook's own sheets
 * and write a copy of the input with the generated sheet added (the input is never modified). A name already
 * in use gets a new sheet name; `--replace` rewrites the sheet this tool generated before instead (never a
 * sheet the user made, a copy of a generated sheet or one edited since, never the source). Exit 0 when the output was written, 2 when not.
 */
import type { Message } from "../domain/findings";
import { isOwnSheet, keptSheetNotice, type MarkerVerdict } from "../domain/generatedMarker";
import { HostError } from "../domain/host";
import type { SheetPlan } from "../domain/plan";
import type { MappedWorkbook, TableKind } from "../domain/mapping/types";
import { isBuildError, type ColumnOrder, type Paper } from "../domain/tables";
import { BUILDERS } from "../domain/tables/generators";
import { kindDescriptor } from "../domain/tables/kinds";
import { msg, nested, render, text, type MessageRef } from "../domain/messages";
import { openXlsxHost, SIGNED_WORKBOOK_WARNING } from "../xlsx";
import { addSheetToXlsx, markerVerdicts } from "../xlsx/patch/addSheet";
import { CannotExtendError } from "../xlsx/patch/sheetStyles";
import { type CliIo, hostReadOptions } from "./io";
import type { Lang } from "./lang";

export interface GenerateRequest {
  lang: Lang;
  table: TableKind;
  file: string;
  output: string;
  from?: string;
  paper: Paper;
  order: ColumnOrder;
  replace: boolean;
  /** The original workbook a comparison (Tabel Perubahan) is built against. */
  original?: string;
}

const EXIT_WRITTEN = 0;
const EXIT_NOT_WRITTEN = 2;

export async function runGenerate(req: GenerateRequest, io: CliIo): Promise<number> {
  // texts the table builders still make in both languages, and the CLI's own catalogue messages
  const say = (m: Message) => m[req.lang];
  const tell = (m: MessageRef) => render(m, req.lang);
  try {
    if (!io.writeFile) throw new Error("this CLI cannot write files");
    await io.checkOutput?.(req.output, req.file);
    const bytes = await io.readFile(req.file);
    const host = await openXlsxHost(bytes, req.file, io.sidecar(req.file), hostReadOptions(io));
    const snapshots = await host.readAllSnapshots({ styles: true });
    if (req.from !== undefined && !snapshots.some((s) => s.name.toLowerCase() === req.from?.toLowerCase())) {
      io.stderr(`renja: ${tell(msg("host.unknownSheet", { sheet: text(req.from) }))}\n`);
      return EXIT_NOT_WRITTEN;
    }
    const { mapWorkbook } = await import("../domain/mapping/mapWorkbook");
    const workbook = mapWorkbook(snapshots, { overrides: await host.loadMapping() });
    const build = BUILDERS[req.table];
    if (!build) throw new Error(`no generator for ${req.table}`);
    let original: MappedWorkbook | undefined;
    if (req.original !== undefined) {
      const { readMapped } = await import("./diff");
      original = await readMapped(req.original, io);
    }
    const marked = markedSheets(bytes);
    const previous = marked.find((v) => v.table === req.table && isOwnSheet(v))?.name;
    // --replace with no sheet of the tool's own to rewrite, only a copy or an edited one: the user's work stays,
    // and the new table goes to a new sheet name, said plainly (DECISIONS.md).
    const kept = req.replace && previous === undefined ? marked.filter((v) => v.table === req.table && !isOwnSheet(v)) : [];
    const common = {
      from: req.from,
      paper: req.paper,
      existingSheets: snapshots.map((s) => s.name),
      // Every marked sheet, copies and edited ones too, is passed over as the default source.
      generatedSheets: marked.map((v) => v.name),
      replace: req.replace && previous !== undefined,
      sheetName: req.replace ? previous : undefined,
    };
    const plan = build({ workbook, original }, req.table === "tabel-3.3" ? { ...common, order: req.order } : common);
    if (isBuildError(plan)) {
      io.stderr(`renja: ${say(plan.error)}\n`);
      return EXIT_NOT_WRITTEN;
    }
    if (host.signed) io.stdout(`${render(SIGNED_WORKBOOK_WARNING, req.lang)}\n`);
    const written = await writeWithSheet(bytes, plan);
    await io.writeFile(req.output, written.bytes, req.file);
    io.stdout(`${tell(summary(req, plan, written))}\n`);
    for (const v of kept) io.stdout(`- ${tell(keptSheetNotice(v, written.sheetName))}\n`);
    for (const n of plan.notices) io.stdout(`- ${say(n)}\n`);
    return EXIT_WRITTEN;
  } catch (e) {
    if (e instanceof HostError) {
      io.stderr(`renja: ${e.messages[req.lang]}\n`);
      return EXIT_NOT_WRITTEN;
    }
    const detail = (e instanceof Error ? e.message : String(e)).split("\n")[0];
    io.stderr(`renja: ${tell(msg("cli.generate.internal", { detail: text(detail) }))}\n`);
    if (io.debug && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return EXIT_NOT_WRITTEN;
  }
}

interface Written {
  bytes: Uint8Array;
  sheetName: string;
  replaced: boolean;
  /** Why the table went into a separate workbook, when it did. */
  separate?: string;
}

async function writeWithSheet(bytes: Uint8Array, plan: SheetPlan): Promise<Written> {
  try {
    return addSheetToXlsx(bytes, plan);
  } catch (e) {
    if (!(e instanceof CannotExtendError)) throw e;
    const { sheetPlanToNewWorkbook } = await import("../xlsx/patch/separateWorkbook");
    return { bytes: await sheetPlanToNewWorkbook(plan), sheetName: plan.sheetName, replaced: false, separate: e.message };
  }
}

/** Sheets carrying this tool's marker, with their verdict; a package whose workbook part cannot be read has none. */
function markedSheets(bytes: Uint8Array): MarkerVerdict[] {
  try {
    return markerVerdicts(bytes);
  } catch {
    return [];
  }
}

function summary(req: GenerateRequest, plan: SheetPlan, written: Written): MessageRef {
  const kind = kindDescriptor(req.table);
  const table = nested(kind ? kind.label : msg("cli.generate.tableName", { name: text(req.table) }));
  const [file, sheet, source] = [text(req.output), text(written.sheetName), text(plan.sourceSheet)];
  // why the workbook could not take the sheet: the patcher's own words (CannotExtendError), as they are
  if (written.separate) return msg("cli.generate.separate", { table, file, sheet, reason: text(written.separate), source });
  const how = written.replaced ? msg("cli.generate.rewrote", { sheet }) : msg("cli.generate.added", { sheet });
  return msg("cli.generate.written", { table, how: nested(how), file, source });
}
