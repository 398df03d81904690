/**
 * `renja fix-numbers <in.xlsx> -o <out.xlsx> [--dry-run]`: every malformed or suspect-scale amount becomes the
 * number its finding suggests (the one that balances its parent), stored as a number. The input is never modified.
 */
import { planRepairs } from "../domain/rollup";
import type { CheckEngine } from "./check";
import type { CliIo } from "./io";
import { runWriteCommand, type WriteRequest } from "./recompute";

export async function runFixNumbers(req: WriteRequest, io: CliIo, engine?: CheckEngine): Promise<number> {
  return runWriteCommand(req, io, engine, (workbook, checker) => {
    const findings = checker.validate(workbook);
    const plan = planRepairs(workbook, findings);
    const summary = plan.cells.length
      ? []
      : [req.lang === "en" ? "No mistyped amount to repair." : "Tidak ada angka salah ketik yang perlu diperbaiki."];
    return { plan, summary };
  });
}
