/**
 * `renja fix-numbers <in.xlsx> -o <out.xlsx> [--dry-run]`: every amount the reconciliation model reads
 * differently from what it states becomes its chosen reading (the one that balances the sums), stored as a number;
 * formulas are never replaced by constants. The input is never modified.
 */
import { msg, render } from "../domain/messages";
import { planRepairs } from "../domain/rollup";
import type { CheckEngine } from "./check";
import type { CliIo } from "./io";
import { runWriteCommand, type WriteRequest } from "./recompute";

export async function runFixNumbers(req: WriteRequest, io: CliIo, engine?: CheckEngine): Promise<number> {
  return runWriteCommand(req, io, engine, (workbook) => {
    const plan = planRepairs(workbook);
    const summary = plan.cells.length ? [] : [render(msg("cli.fix.nothing", {}), req.lang)];
    return { plan, summary };
  });
}
