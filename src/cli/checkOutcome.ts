/**
 * The outcome of checking one workbook, decided in one place: `findings` (exit 1) when an error-severity finding
 * remains, else `no-table` (exit 3) when no Renja table was recognised in what was checked, else `ok` (exit 0).
 * A run over several files combines the per-file codes by taking the worst (worstExitCode: 2 > 1 > 3 > 0).
 */
import type { Finding } from "../domain/findings";

export type CheckStatus = "ok" | "findings" | "no-table";

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_CANNOT_RUN = 2;
export const EXIT_NO_TABLE = 3;

export type ExitCode = typeof EXIT_OK | typeof EXIT_FINDINGS | typeof EXIT_CANNOT_RUN | typeof EXIT_NO_TABLE;

const EXIT_OF: Record<CheckStatus, ExitCode> = { ok: EXIT_OK, findings: EXIT_FINDINGS, "no-table": EXIT_NO_TABLE };

export function checkOutcome(tables: readonly unknown[], findings: readonly Finding[]): { status: CheckStatus; exitCode: ExitCode } {
  const status: CheckStatus = findings.some((f) => f.severity === "error") ? "findings" : tables.length === 0 ? "no-table" : "ok";
  return { status, exitCode: EXIT_OF[status] };
}

/** The worst of several files' exit codes: could not run (2) > findings (1) > no table (3) > ok (0). */
export function worstExitCode(codes: Iterable<ExitCode>): ExitCode {
  const rank = (c: ExitCode) => (c === EXIT_CANNOT_RUN ? 3 : c === EXIT_FINDINGS ? 2 : c === EXIT_NO_TABLE ? 1 : 0);
  let worst: ExitCode = EXIT_OK;
  for (const c of codes) if (rank(c) > rank(worst)) worst = c;
  return worst;
}
