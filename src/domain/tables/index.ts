/** Generated tables: builders that turn mapped source tables into SheetPlans the hosts apply. */
export { buildTabel33, DEFAULT_TABEL33_SHEET, type ColumnOrder, type Tabel33Options } from "./tabel33";
export { freeSheetName, isBuildError, MONEY_FORMAT, PAPER_CODES, type BuildError, type Paper } from "./layout";
export { titleParts, type TitleParts } from "./titleParts";
export { buildTabel21, DEFAULT_TABEL21_SHEET, PERCENT_FORMAT, type Tabel21Form, type Tabel21Options } from "./tabel21";
export { DEFAULT_PREDIKAT_BANDS, predikatFormula, predikatOf, type PredikatBand } from "./predikat";
export { buildPerubahan, DEFAULT_PERUBAHAN_SHEET, PERUBAHAN_MONEY_FORMAT, SELISIH_FORMAT, SELISIH_PERCENT_FORMAT, type PerubahanOptions } from "./perubahan";
