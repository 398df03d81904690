/**
 * What mapping makes of a workbook: the Renja tables found on each sheet, their header rows, column roles,
 * year N and each row's level. Contracts shared by mapping, rules, rollup, tables, hosts and the CLI.
 */
import type { Catalogue } from "../nomenclature/catalogue";
import type { SheetSnapshot } from "../sheet/snapshot";

export type TableKind = "tabel-3.3" | "tabel-7" | "tabel-2.1" | "tabel-2.3" | "tabel-perubahan";

export type Level = "urusan" | "bidang" | "program" | "kegiatan" | "subKegiatan" | "total" | "other";

/**
 * Column roles. Plan tables (3.3, 7): no, kode, uraian, lokasi, indikator, targetN, paguN, sumberDana, catatan,
 * targetN1, paguN1; satuanN / satuanN1 where the target's unit stands in a column of its own beside the target
 * ("Target" 95,5 | "Satuan" %): read a target through targetText (mapping/targets.ts), which joins them. Tabel 2.3 uses the plan roles for its "Hasil Analisis Kebutuhan" block (paguN = Kebutuhan
 * Dana) and the rkpd* roles for its "Rancangan Awal RKPD" block. Tabel 2.1 roles are listed in EVALUATION_ROLES.
 */
export type ColumnRole =
  | "no"
  | "kode"
  | "sasaran"
  | "uraian"
  | "indikator"
  | "lokasi"
  | "targetN"
  | "paguN"
  | "sumberDana"
  | "catatan"
  | "targetN1"
  | "paguN1"
  | "satuanN"
  | "satuanN1"
  | "rkpdUraian"
  | "rkpdIndikator"
  | "rkpdLokasi"
  | "rkpdTarget"
  | "rkpdPagu"
  | RevisionRole
  | EvaluationRole;

/** Tabel Perubahan roles (semula / menjadi / bertambah (berkurang)): see revisionRoles.ts. */
export type RevisionRole = "targetSemula" | "targetMenjadi" | "paguSemula" | "paguMenjadi" | "selisihRp" | "selisihPersen";

/**
 * Tabel 2.1 roles. K = kinerja (target/realisation of performance), Rp = money.
 * 86/2017 form: renstra (5), realisasiLalu (6), targetRenja (7), tw1..tw4 (8–11), realisasiRenja (12 = 8+9+10+11),
 * realisasiAkhir (13 = 6+12), tingkatCapaian (14 = 13/5 × 100%), unitPd (15).
 * T-C.29 form: renstra (4), realisasiN3 (5), targetN2 (6), realisasiN2 (7), tingkatRealisasiN2 (8 = 7/6),
 * targetN1Renja (9), realisasiSdN1 (10 = 5+7+9), tingkatCapaian (11 = 10/4), catatan (12).
 */
export type EvaluationRole =
  | "renstraK" | "renstraRp"
  | "realisasiLaluK" | "realisasiLaluRp"
  | "targetRenjaK" | "targetRenjaRp"
  | "tw1K" | "tw1Rp" | "tw2K" | "tw2Rp" | "tw3K" | "tw3Rp" | "tw4K" | "tw4Rp"
  | "realisasiRenjaK" | "realisasiRenjaRp"
  | "realisasiAkhirK" | "realisasiAkhirRp"
  | "tingkatCapaianK" | "tingkatCapaianRp"
  | "unitPd"
  | "realisasiN3" | "targetN2" | "realisasiN2" | "tingkatRealisasiN2" | "targetN1Renja" | "realisasiSdN1";

/** A year stated in a title or header cell, with what it should be. */
export interface StatedYear {
  row: number;
  col: number;
  text: string;
  year: number;
  /** What the year denotes by its wording: the plan year N, N+1 (prakiraan maju), N-1, N-2, or unknown. */
  meaning: "N" | "N+1" | "N-1" | "N-2" | "renstra" | "other";
}

export interface MappedRow {
  row: number;
  level: Level;
  /** Code as written, or inferred from the catalogue (then kodeInferred is true). */
  kode?: string;
  kodeInferred?: boolean;
  uraian: string;
  /** 0..1: how sure the level is. */
  confidence: number;
  /** Row of the parent (program for a kegiatan, kegiatan for a sub kegiatan). */
  parentRow?: number;
  /** Best catalogue match for the name, if any. */
  catalogue?: { kode: string; name: string; similarity: number; regulation: string };
  /** Why the level was chosen (for the mapping view and tests). */
  evidence?: string[];
  /**
   * Set when the row's cells stand this many columns away from their headers (a pasted row that lost or gained
   * a cell, as in the seed's Tabel 2.1: -1 = one column to the left). Read a role's cell at
   * table.columns[role] + columnShift — `columnOf` in tree.ts does that.
   */
  columnShift?: number;
  /**
   * Per-role columns for a row whose cells were displaced one by one (the seed's Tabel 2.3 total row holds its
   * RKPD total one column left and its Kebutuhan Dana total one column right). Wins over columnShift.
   */
  roleColumns?: Partial<Record<ColumnRole, number>>;
  /** The user's choice of how this row's indicator is judged (Tabel 2.1); absent: inferred from its wording. */
  indicatorKind?: IndicatorKind;
}

/**
 * How an indicator's capaian is computed (evaluation/indicatorKind.ts): higher is better (realisasi / target,
 * realisations add up), lower is better (target / realisasi, e.g. "angka kematian"), or a final value (a
 * percentage or index: the latest realisation counts, not the sum of the years).
 */
export type IndicatorKind = "higher" | "lower" | "final";

export interface MappedTable {
  sheet: string;
  /** Sheet id from the host, used to key saved mapping corrections. */
  sheetId: string;
  kind: TableKind;
  /** Title text (title rows joined with a space), "" if none. */
  title: string;
  titleRows: number[];
  /** Plan year N (for Tabel 2.1: N is the year the Renja is written for; the evaluated year is N-1). */
  year: number | null;
  /** The main header rows (1–3) at the top of the table. */
  headerRows: number[];
  /** Header rows repeated mid-table at page breaks, and column-number rows ("1 2 3 … 10"). */
  repeatedHeaderRows: number[];
  columnNumberRow?: number;
  /** First and last data row (inclusive), total row included. */
  dataRows: [number, number];
  totalRow?: number;
  /** Role -> 1-based column index. */
  columns: Partial<Record<ColumnRole, number>>;
  /**
   * Set when the kode is written over several columns (T-C.32: urusan | bidang | program | kegiatan | sub
   * kegiatan): all of them, left to right; columns.kode is the first. Rows carry the joined kode.
   */
  kodeColumns?: number[];
  /** The money columns whose parents must equal the sum of their children. */
  moneyRoles: ColumnRole[];
  /** Years read from titles and group headers. */
  statedYears: StatedYear[];
  /** Every row from the first data row to the last, including "other" rows (repeated headers, notes). */
  rows: MappedRow[];
  /** The nomenclature list the table was mapped and is checked with (chosen by its year N). */
  nomenclature?: Catalogue;
}

/** A cell outside any table that states counts or a total about a table (the Bab IV sentence). */
export interface NarrativeCell {
  sheet: string;
  row: number;
  col: number;
  text: string;
}

export interface MappedWorkbook {
  file?: string;
  sheets: SheetSnapshot[];
  tables: MappedTable[];
  narratives: NarrativeCell[];
}

/** The user's corrections, saved per workbook (Office settings or a sidecar file). */
export interface MappingOverrides {
  version: 1;
  /** sheetId -> row -> level */
  levels: Record<string, Record<number, Level>>;
  /** sheetId -> role -> column letter */
  roles?: Record<string, Partial<Record<ColumnRole, string>>>;
  /** sheetId -> plan year N */
  years?: Record<string, number>;
  /** sheetId -> row -> how the row's indicator is judged (Tabel 2.1) */
  indicatorKinds?: Record<string, Record<number, IndicatorKind>>;
  /** sheetId -> the table kind the user says the sheet's tables are (their columns are then read as that kind's) */
  kinds?: Record<string, TableKind>;
}
