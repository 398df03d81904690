/**
 * `--sipd export.xlsx [--skpd NAME]`: read a SIPD-RI export (in any form src/domain/sipd recognises) and say how
 * the workbook's plan tables compare with it. `renja report … --sipd` uses the same two functions: load the
 * export once, then `sipdAgreement` per workbook for the verification sheet's "sesuai dengan SIPD-RI" item.
 */
import { HostError } from "../domain/host";
import type { Message } from "../domain/findings";
import type { MappedWorkbook } from "../domain/mapping/types";
import { formatRupiah } from "../domain/numbers";
import { compareWithSipd, isReadFailure, readSipdExport } from "../domain/sipd";
import type { SipdComparison, SipdExport } from "../domain/sipd";
import { openXlsxHost } from "../xlsx";
import { type CliIo, hostReadOptions } from "./io";
import type { Lang } from "./lang";

/** The export as read; a file that is no SIPD export (or cannot be read) is a HostError with both texts. */
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
  /** What to print or put in a report: the unit, the totals per table, the count of differences. */
  lines: Message[];
}

/** The workbook against the export: the verdict and its lines (findings themselves come from the rule). */
export function sipdAgreement(workbook: MappedWorkbook, exp: SipdExport, skpd?: string): SipdAgreement {
  const comparison = compareWithSipd(workbook, exp, { skpd });
  const lines: Message[] = [];
  if (!comparison.unit) return { comparison, agrees: false, lines: comparison.unitError ? [comparison.unitError] : [] };
  const unit = comparison.unit;
  lines.push({
    id: `SIPD-RI: ${exp.file} (${exp.kind}), unit ${unit.name}${unit.kode ? ` ${unit.kode}` : ""}: ${unit.subKegiatan.size} sub kegiatan, pagu Rp ${formatRupiah(unit.paguN)}.`,
    en: `SIPD-RI: ${exp.file} (${exp.kind}), unit ${unit.name}${unit.kode ? ` ${unit.kode}` : ""}: ${unit.subKegiatan.size} sub kegiatan, pagu Rp ${formatRupiah(unit.paguN)}.`,
  });
  for (const t of comparison.tables) {
    const matched = t.pairs.filter((p) => p.sipd).length;
    const plan = t.planTotal === undefined ? "?" : `Rp ${formatRupiah(t.planTotal)}`;
    const diff = t.planTotal === undefined || t.planTotal.eq(t.sipdTotal) ? "" : ` (selisih Rp ${formatRupiah(t.planTotal.minus(t.sipdTotal))})`;
    const diffEn = diff === "" ? "" : ` (difference Rp ${formatRupiah(t.planTotal?.minus(t.sipdTotal) ?? 0)})`;
    lines.push({
      id: `  ${t.table.sheet}: ${matched} dari ${t.pairs.length} sub kegiatan cocok dengan SIPD-RI; total ${plan}, SIPD-RI Rp ${formatRupiah(t.sipdTotal)}${diff}.`,
      en: `  ${t.table.sheet}: ${matched} of ${t.pairs.length} sub kegiatan found in SIPD-RI; total ${plan}, SIPD-RI Rp ${formatRupiah(t.sipdTotal)}${diffEn}.`,
    });
  }
  const differences = comparison.findings.filter((f) => f.severity !== "info").length;
  if (comparison.tables.length === 0) {
    lines.push({ id: "  Tidak ada Tabel 3.3 atau Tabel 7 untuk dibandingkan.", en: "  No Tabel 3.3 or Tabel 7 to compare." });
  }
  return { comparison, agrees: comparison.tables.length > 0 && differences === 0, lines };
}

/** The `sipd` field of `check --json` (one file or a JSON line per file): the same shape everywhere. */
export function sipdJson(agreement: SipdAgreement | undefined, file: string | undefined, lang: Lang): { sipd?: { file: string | undefined; agrees: boolean; lines: string[] } } {
  return agreement ? { sipd: { file, agrees: agreement.agrees, lines: agreement.lines.map((l) => l[lang].trim()) } } : {};
}

export function sipdLines(agreement: SipdAgreement, lang: Lang): string {
  return agreement.lines.map((l) => `${l[lang]}\n`).join("");
}
