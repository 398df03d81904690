/** The builder of each generated table kind (kinds.ts describes them). */
import type { MappedWorkbook, TableKind } from "../mapping/types";
import { msg, renderAll } from "../messages";
import type { SheetPlan } from "../plan";
import type { BuildError, GenerateOptions } from "./layout";
import { buildPerubahan } from "./perubahan";
import { buildTabel21 } from "./tabel21";
import { buildTabel33, type ColumnOrder } from "./tabel33";

/** What a generator reads: the workbook, and for a comparison the original version. */
export interface GeneratorInput {
  workbook: MappedWorkbook;
  original?: MappedWorkbook;
}

export interface GeneratorOptions extends GenerateOptions {
  order?: ColumnOrder;
}

export type Build = (input: GeneratorInput, options: GeneratorOptions) => SheetPlan | BuildError;

/** A plan's texts are carried rendered in both languages, as the recompute plans' are (plan.ts). */
const NEEDS_ORIGINAL = renderAll(msg("tables.needsOriginal", {}));

export const BUILDERS: Partial<Record<TableKind, Build>> = {
  "tabel-3.3": ({ workbook }, options) => buildTabel33(workbook, options),
  "tabel-2.1": ({ workbook }, options) => buildTabel21(workbook, options),
  "tabel-perubahan": ({ workbook, original }, options) => (original ? buildPerubahan(original, workbook, options) : { error: NEEDS_ORIGINAL }),
};
