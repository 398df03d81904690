/**
 * How an indicator's capaian is judged, from its wording (DOMAIN.md §2: "some indicators are lower-is-better"):
 * - lower is better: rates of something to be reduced ("angka kematian", "tingkat pengangguran", "prevalensi
 *   stunting", "jumlah kasus …"); capaian = target / realisasi, and the latest value counts (a rate is a level);
 * - a final value: percentages, indexes, ratios, averages ("Persentase …", "Indeks …", "… (%)"); the latest
 *   realisation counts, capaian = realisasi / target. Only the wording says so: a target written in % is not
 *   enough (many tables state every kinerja as a percentage of its target, and those add up);
 * - higher is better otherwise (counts of documents, people, activities): realisations add up over the years,
 *   capaian = realisasi / target.
 * Wording that says the bad thing is being reduced or handled ("penurunan angka kematian", "penyelesaian kasus")
 * is judged higher-is-better. The user's choice in the mapping view (MappedRow.indicatorKind) wins.
 */
import type Decimal from "decimal.js";
import type { ColumnRole, IndicatorKind, MappedRow, MappedTable } from "../mapping/types";

export const INDICATOR_KINDS: readonly IndicatorKind[] = ["higher", "lower", "final"];

/** Things a plan wants fewer of. */
const LOWER_IS_BETTER = new RegExp(
  [
    "angka kematian", "kematian (ibu|bayi|balita|neonatal)", "angka kesakitan", "angka (putus sekolah|kemiskinan|pengangguran|kriminalitas|kecelakaan)",
    "tingkat (pengangguran|kemiskinan|kriminalitas|inflasi)", "penduduk miskin", "prevalensi", "stunting", "gizi buruk", "buta aksara",
    "jumlah (kasus|kejadian|pelanggaran|kecelakaan|pengaduan|keluhan)", "inflasi", "rasio gini", "indeks gini", "luas (lahan kritis|genangan|kawasan kumuh)",
  ].join("|"),
);
/** How long something takes: shorter is better, whatever is being done ("lama waktu penyelesaian izin"). */
const DURATION = /\b(lama|waktu) (penyelesaian|proses|pelayanan|tunggu|tanggap)/;
/** Wording that turns such a thing into something to increase. */
const REDUCED_OR_HANDLED = /penurunan|menurun|berkurang|pengurangan|penyelesaian|penanganan|tertangani|terselesaikan|diselesaikan|ditangani|ditindaklanjuti|difasilitasi|dimediasi|pencegahan|bebas/;
const FINAL_VALUE = /^(persentase|prosentase|presentase|indeks|rasio|rata-rata|nilai|tingkat|skor|predikat|opini|cakupan|proporsi)\b|\(%\)|\bpersen\b/;

export function inferIndicatorKind(indikator: string): IndicatorKind {
  const text = indikator.toLowerCase().replace(/\s+/g, " ").trim();
  if (DURATION.test(text) && !/tepat waktu|ketepatan/.test(text)) return "lower";
  if (LOWER_IS_BETTER.test(text) && !REDUCED_OR_HANDLED.test(text)) return "lower";
  if (FINAL_VALUE.test(text)) return "final";
  return "higher";
}

/** The row's kind: the user's choice, else what its indicator's wording says. */
export function indicatorKindOf(row: MappedRow, indikator: string | null): IndicatorKind {
  return row.indicatorKind ?? inferIndicatorKind(indikator ?? "");
}

/** The same for a row of a mapped table, reading its indicator cell through `textOf`. */
export function rowIndicatorKind(table: MappedTable, row: MappedRow, textOf: (role: ColumnRole) => string | null): IndicatorKind {
  if (row.indicatorKind) return row.indicatorKind;
  return inferIndicatorKind(table.columns.indikator === undefined ? "" : (textOf("indikator") ?? ""));
}

/** Capaian as a ratio (0.9 = 90%); null when the divisor is zero. */
export function capaianRatio(kind: IndicatorKind, realisasi: Decimal, target: Decimal): Decimal | null {
  const [num, den] = kind === "lower" ? [target, realisasi] : [realisasi, target];
  return den.isZero() ? null : num.div(den);
}

/** Realisations add up for a higher-is-better indicator; otherwise the latest one counts. */
export function accumulates(kind: IndicatorKind): boolean {
  return kind === "higher";
}

/** The latest value of a series read from the earliest to the latest year (undefined when none). */
export function latestOf<T>(series: ReadonlyArray<T | null | undefined>): T | undefined {
  for (let i = series.length - 1; i >= 0; i--) {
    const v = series[i];
    if (v !== null && v !== undefined) return v;
  }
  return undefined;
}
