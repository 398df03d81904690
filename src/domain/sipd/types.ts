/**
 * A SIPD-RI export as read: its rows aggregated to sub kegiatan per unit (SKPD, or a sub unit such as a
 * puskesmas when the export names one). Amounts are Decimal and may carry sen.
 */
import type Decimal from "decimal.js";
import type { MessageRef } from "../messages";

/**
 * The export forms recognised by their header text:
 * - rekap: one row per rekening / paket (KODE/NAMA SKPD, … SUB KEGIATAN, SUMBER DANA, REKENING, PAGU);
 * - sumber-dana: "Sumber Dana per Sub Kegiatan" (Kode, Sub Kegiatan, Sumber Dana, Pagu Indikatif, Nama OPD);
 * - kua-ppas: the KUA-PPAS list of sub kegiatan (Kode, Sub Kegiatan, Nilai, Kode SKPD, Nama SKPD);
 * - tabel-iv3: Tabel IV.3 / Ringkasan KUA-PPAS, one sheet per unit named above the header (Kode, Uraian,
 *   Indikator, Target, Pagu Indikatif).
 */
export type SipdExportKind = "rekap" | "sumber-dana" | "kua-ppas" | "tabel-iv3";

/** Where a SIPD row stands: sheet, 1-based row, and the cell of its amount. */
export interface SipdRowRef {
  sheet: string;
  row: number;
  /** A1 of the row's pagu cell. */
  cell: string;
}

export interface SipdSubKegiatan {
  kode: string;
  name: string;
  paguN: Decimal;
  /** Pagu N+1 (prakiraan maju, pagu_n_depan) when the export has such a column. */
  paguN1?: Decimal;
  /** Sumber dana name → its pagu (rows without a named source are left out). */
  sumberDana: Map<string, Decimal>;
  indikator?: string;
  target?: string;
  /** Every export row summed into this sub kegiatan, in sheet order. */
  rows: SipdRowRef[];
}

export interface SipdUnit {
  /** The long SKPD kode ("7.01.0.00.0.00.01.0000") when the export gives it. */
  kode?: string;
  name: string;
  /** For a sub unit (a puskesmas of the Dinas Kesehatan): the SKPD it belongs to. */
  parent?: string;
  /** Sub kegiatan by kode, in the order first seen. */
  subKegiatan: Map<string, SipdSubKegiatan>;
  /** Kegiatan and program names by kode, where the export names them. */
  names: Map<string, string>;
  paguN: Decimal;
  paguN1?: Decimal;
}

export interface SipdExport {
  file: string;
  kind: SipdExportKind;
  /** The sheets read (a Tabel IV.3 workbook has one per unit). */
  sheets: string[];
  /** True when the export states pagu N+1. */
  hasN1: boolean;
  units: SipdUnit[];
  /** Data rows that were passed over (no sub kegiatan kode, an unreadable amount), for the summary. */
  skipped: { sheet: string; row: number; reason: "no-kode" | "unreadable-amount" }[];
}

/** Why a file is not a SIPD export: the sheets looked at and what each lacked. */
export interface SipdReadFailure {
  error: MessageRef;
}
