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
import { render, renderAll } from "../domain/messages";
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
  const say = (m: Message) => m[req.lang];
  try {
    if (!io.writeFile) throw new Error("this CLI cannot write files");
    await io.checkOutput?.(req.output, req.file);
    const bytes = await io.readFile(req.file);
    const host = await openXlsxHost(bytes, req.file, io.sidecar(req.file), hostReadOptions(io));
    const snapshots = await host.readAllSnapshots({ styles: true });
    if (req.from !== undefined && !snapshots.some((s) => s.name.toLowerCase() === req.from?.toLowerCase())) {
      io.stderr(`renja: ${say({ id: `Lembar "${req.from}" tidak ada di buku kerja.`, en: `The workbook has no sheet named "${req.from}".` })}\n`);
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
    io.stdout(`${say(summary(req, plan, written))}\n`);
    for (const v of kept) io.stdout(`- ${say(renderAll(keptSheetNotice(v, written.sheetName)))}\n`);
    for (const n of plan.notices) io.stdout(`- ${say(n)}\n`);
    return EXIT_WRITTEN;
  } catch (e) {
    if (e instanceof HostError) {
      io.stderr(`renja: ${e.messages[req.lang]}\n`);
      return EXIT_NOT_WRITTEN;
    }
    const detail = (e instanceof Error ? e.message : String(e)).split("\n")[0];
    io.stderr(`renja: ${say({ id: `pembuatan tabel terhenti karena kesalahan internal (${detail}).`, en: `generating the table stopped on an internal error (${detail}).` })}\n`);
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

function summary(req: GenerateRequest, plan: SheetPlan, written: Written): Message {
  const kind = kindDescriptor(req.table);
  const label = kind ? render(kind.label, req.lang) : req.table;
  if (written.separate) {
    return {
      id: `${label} ditulis sebagai buku kerja terpisah ${req.output} (lembar '${written.sheetName}'), karena buku kerja masukan tidak dapat ditambah lembar tanpa risiko kehilangan isi (${written.separate}). Sumber: lembar '${plan.sourceSheet}'.`,
      en: `${label} was written as a separate workbook ${req.output} (sheet '${written.sheetName}'), because a sheet cannot be added to the input workbook without risking its content (${written.separate}). Source: sheet '${plan.sourceSheet}'.`,
    };
  }
  const how = written.replaced
    ? { id: `menulis ulang lembar '${written.sheetName}' yang dibuat sebelumnya`, en: `rewrote the previously generated sheet '${written.sheetName}'` }
    : { id: `ditambahkan sebagai lembar '${written.sheetName}'`, en: `added as sheet '${written.sheetName}'` };
  return {
    id: `${label} ${how.id} di ${req.output} (sumber: lembar '${plan.sourceSheet}'; berkas masukan tidak diubah).`,
    en: `${label} ${how.en} in ${req.output} (source: sheet '${plan.sourceSheet}'; the input file is unchanged).`,
  };
}
