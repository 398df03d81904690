/**
 * `renja recompute <in.xlsx> -o <out.xlsx> [--mode formulas|values] [--dry-run]`: every program, kegiatan and
 * total amount becomes the sum of its children (the sub kegiatan are the truth). The input is never modified;
 * exit 0 when the output was written (even with nothing to change) or the preview printed, 2 when not.
 */
import type { Message } from "../domain/findings";
import { HostError } from "../domain/host";
import type { MappedWorkbook } from "../domain/mapping/types";
import type { WritePlan } from "../domain/plan";
import { describeChanges, describePlan, planRollup, type RollupMode } from "../domain/rollup";
import { openWritableXlsxHost, SIGNED_WORKBOOK_WARNING, type WritableXlsxHost } from "../xlsx";
import type { CheckEngine } from "./check";
import type { CliIo } from "./io";
import type { Lang } from "./lang";

export interface WriteRequest {
  lang: Lang;
  file: string;
  output?: string;
  dryRun: boolean;
}

export const EXIT_WRITTEN = 0;
export const EXIT_NOT_WRITTEN = 2;

/** What a write command works out once the workbook is open and mapped. */
export interface Planned {
  plan: WritePlan;
  /** Lines printed after the plan (what changes in the totals, what was left and why). */
  summary: string[];
}

export async function runRecompute(req: WriteRequest & { mode: RollupMode }, io: CliIo): Promise<number> {
  return runWriteCommand(req, io, undefined, (workbook) => {
    const { plan, changes, skipped } = planRollup(workbook, { mode: req.mode });
    const moved = describeChanges(changes, req.lang);
    const summary: string[] = [];
    summary.push(
      moved.length
        ? say(req.lang, { id: "Perubahan jumlah (lama → baru, selisih):", en: "Changes in the totals (old → new, difference):" })
        : say(req.lang, { id: "Tidak ada jumlah yang berubah nilainya.", en: "No total changes its amount." }),
      ...moved.map((l) => `  ${l}`),
    );
    if (skipped.length) {
      summary.push(say(req.lang, { id: "Dilewati:", en: "Skipped:" }), ...skipped.map((s) => `  ${s.sheet}!${s.cell}: ${s.reason[req.lang]}`));
    }
    return { plan, summary };
  });
}

/** Open, map, plan, preview or apply, write: shared by recompute and fix-numbers. */
export async function runWriteCommand(
  req: WriteRequest,
  io: CliIo,
  engine: CheckEngine | undefined,
  makePlan: (workbook: MappedWorkbook, checker: CheckEngine) => Planned,
): Promise<number> {
  try {
    if (req.output !== undefined && !req.dryRun) await io.checkOutput?.(req.output, req.file);
    const bytes = await io.readFile(req.file);
    const host = await openWritableXlsxHost(bytes, req.file, io.sidecar(req.file), { maxSheetDataBytes: io.maxSheetDataBytes });
    const checker = engine ?? (await import("./engine")).defaultEngine;
    const workbook = await mapped(host, checker);
    workbook.file = req.file;
    const { plan, summary } = makePlan(workbook, checker);
    const count = plan.cells.length;
    if (host.signed && count > 0) io.stdout(`${say(req.lang, SIGNED_WORKBOOK_WARNING)}\n`);

    if (req.dryRun || req.output === undefined) {
      io.stdout(`${say(req.lang, { id: `Pratinjau (tidak ada yang ditulis): ${count} sel akan diubah.`, en: `Preview (nothing written): ${count} cell(s) would change.` })}\n`);
      for (const line of describePlan(plan, req.lang)) io.stdout(`  ${line}\n`);
      for (const line of summary) io.stdout(`${line}\n`);
      return EXIT_WRITTEN;
    }
    if (!io.writeFile) throw new Error("this environment cannot write files");
    await host.apply(plan);
    await io.writeFile(req.output, host.bytes(), req.file);
    io.stdout(`${say(req.lang, { id: `${count} sel diubah; ditulis ke ${req.output}.`, en: `${count} cell(s) changed; written to ${req.output}.` })}\n`);
    for (const line of summary) io.stdout(`${line}\n`);
    return EXIT_WRITTEN;
  } catch (e) {
    if (e instanceof HostError) {
      io.stderr(`renja: ${e.messages[req.lang]}\n`);
      return EXIT_NOT_WRITTEN;
    }
    const detail = (e instanceof Error ? e.message : String(e)).split("\n")[0].trim();
    io.stderr(
      `renja: ${say(req.lang, {
        id: `kesalahan internal, tidak ada yang ditulis (${detail}). Mohon laporkan; RENJA_DEBUG=1 menampilkan rinciannya.`,
        en: `an internal error stopped the command; nothing was written (${detail}). Please report it; RENJA_DEBUG=1 shows the details.`,
      })}\n`,
    );
    if (io.debug && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return EXIT_NOT_WRITTEN;
  }
}

async function mapped(host: WritableXlsxHost, checker: CheckEngine): Promise<MappedWorkbook> {
  const snapshots = await host.readAllSnapshots({ styles: true });
  const overrides = await host.loadMapping();
  return checker.mapWorkbook(snapshots, { overrides });
}

function say(lang: Lang, message: Message): string {
  return message[lang];
}
