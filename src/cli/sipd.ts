/**
 * `--sipd export.xlsx [--skpd NAME]`: read a SIPD-RI export (in any form src/domain/sipd recognises) and say how
 * the workbook's plan tables compare with it. `renja report … --sipd` uses the same two functions: load the
 * export once, then `sipdAgreement` per workbook for the verification sheet's "sesuai dengan SIPD-RI" item.
 */
import { HostError } from "../domain/host";
import type { MappedWorkbook } from "../domain/mapping/types";
import { count, money, msg, nested, render, text, type MessageRef } from "../domain/messages";
import { compareWithSipd, isReadFailure, readSipdExport } from "../domain/sipd";
import type { SipdComparison, SipdExport } from "../domain/sipd";
import { openXlsxHost } from "../xlsx";
import { type CliIo, hostReadOptions } from "./io";
import type { Lang } from "./lang";

/** The export as read; a file that is no SIPD export (or cannot be read) is a HostError with its catalogue message. */
export async function loadSipdExport(io: CliIo, file: string): Promise<SipdExport> {
  const host = await openXlsxHost(await io.readFile(file), file, {}, hostReadOptions(io));
  const exp = readSipdExport(await host.readAllSnapshots(), file);
  if (isReadFailure(exp)) throw new HostError("corrupt", exp.error);
  return exp;
}

/**
 * `--sipd` of a run over many workbooks (`check` of several files, `report`): the export read once for all of
 * them. Undefined without `--sipd`; "refused" when the export cannot be used (the reason is already on stderr).
 */
export async function loadRunSipdExport(req: { lang: Lang; sipd?: string; skpd?: string }, io: CliIo): Promise<{ export: SipdExport; skpd?: string } | undefined | "refused"> {
  if (req.sipd === undefined) return undefined;
  try {
    return { export: await loadSipdExport(io, req.sipd), ...(req.skpd !== undefined ? { skpd: req.skpd } : {}) };
  } catch (e) {
    if (!(e instanceof HostError)) throw e;
    io.stderr(`renja: ${e.messages[req.lang]}\n`);
    return "refused";
  }
}

export interface SipdAgreement {
  comparison: SipdComparison;
  /** True when a unit was found and no sipd-mismatch finding of severity error or warning remains. */
  agrees: boolean;
  /** What to print or put in a report: the unit, then (indented) the totals per table. */
  lines: SipdLine[];
}

/** A line of the comparison; the per-table lines are details of the unit line above them. */
export interface SipdLine {
  message: MessageRef;
  detail: boolean;
}

/** The workbook against the export: the verdict and its lines (findings themselves come from the rule). */
export function sipdAgreement(workbook: MappedWorkbook, exp: SipdExport, skpd?: string): SipdAgreement {
  const comparison = compareWithSipd(workbook, exp, { skpd });
  if (!comparison.unit) return { comparison, agrees: false, lines: comparison.unitError ? [{ message: comparison.unitError, detail: false }] : [] };
  const unit = comparison.unit;
  const kode = unit.kode ? msg("sipd.agree.kode", { kode: text(unit.kode) }) : msg("empty", {});
  const lines: SipdLine[] = [
    {
      message: msg("sipd.agree.unit", { file: text(exp.file), kind: text(exp.kind), unit: text(unit.name), kode: nested(kode), n: count(unit.subKegiatan.size), pagu: money(unit.paguN) }),
      detail: false,
    },
  ];
  for (const t of comparison.tables) {
    const plan = t.planTotal === undefined ? msg("sipd.agree.planUnknown", {}) : msg("sipd.agree.planTotal", { amount: money(t.planTotal) });
    const diff = t.planTotal === undefined || t.planTotal.eq(t.sipdTotal) ? msg("empty", {}) : msg("sipd.agree.diff", { amount: money(t.planTotal.minus(t.sipdTotal)) });
    const matched = t.pairs.filter((p) => p.sipd).length;
    lines.push({
      message: msg("sipd.agree.table", { sheet: text(t.table.sheet), matched: count(matched), n: count(t.pairs.length), plan: nested(plan), sipd: money(t.sipdTotal), diff: nested(diff) }),
      detail: true,
    });
  }
  const differences = comparison.findings.filter((f) => f.severity !== "info").length;
  if (comparison.tables.length === 0) lines.push({ message: msg("sipd.agree.noTables", {}), detail: true });
  return { comparison, agrees: comparison.tables.length > 0 && differences === 0, lines };
}

/** The `sipd` field of `check --json` (one file or a JSON line per file): the same shape everywhere. */
export function sipdJson(agreement: SipdAgreement | undefined, file: string | undefined, lang: Lang): { sipd?: { file: string | undefined; agrees: boolean; lines: string[] } } {
  return agreement ? { sipd: { file, agrees: agreement.agrees, lines: agreement.lines.map((l) => render(l.message, lang).trim()) } } : {};
}

export function sipdLines(agreement: SipdAgreement, lang: Lang): string {
  return agreement.lines.map((l) => `${l.detail ? "  " : ""}${render(l.message, lang)}\n`).join("");
}
