/** The builder of each generated table kind (kinds.ts describes them). */
import type { Message } from "../findings";
import type { MappedWorkbook, TableKind } from "../mapping/types";
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

const NEEDS_ORIGINAL: Message = {
  id: "Tabel Perubahan memerlukan buku kerja semula (--original).",
  en: "The revision table needs the original workbook (--original).",
};

export const BUILDERS: Partial<Record<TableKind, Build>> = {
  "tabel-3.3": ({ workbook }, options) => buildTabel33(workbook, options),
  "tabel-2.1": ({ workbook }, options) => buildTabel21(workbook, options),
  "tabel-perubahan": ({ workbook, original }, options) => (original ? buildPerubahan(original, workbook, options) : { error: NEEDS_ORIGINAL }),
};
