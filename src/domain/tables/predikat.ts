/**
 * Predikat of a capaian (achievement) percentage. The bands are the ones commonly used (DOMAIN.md §2 calls them
 * unverified): configurable, highest first; a value belongs to the first band whose minimum it reaches.
 */
export interface PredikatBand {
  /** Lowest capaian in percent that earns this predikat. */
  min: number;
  label: string;
}

export const DEFAULT_PREDIKAT_BANDS: readonly PredikatBand[] = [
  { min: 91, label: "Sangat Tinggi" },
  { min: 76, label: "Tinggi" },
  { min: 66, label: "Sedang" },
  { min: 51, label: "Rendah" },
  { min: Number.NEGATIVE_INFINITY, label: "Sangat Rendah" },
];

export function predikatOf(percent: number, bands: readonly PredikatBand[] = DEFAULT_PREDIKAT_BANDS): string {
  for (const b of bands) if (percent >= b.min) return b.label;
  return bands[bands.length - 1]?.label ?? "";
}

/**
 * The same bands as a spreadsheet formula over a cell holding a ratio (0.91 = 91%): nested IFs, "" for a cell
 * that holds no number, so the predikat follows when the user edits a realisation.
 */
export function predikatFormula(ratioCell: string, bands: readonly PredikatBand[] = DEFAULT_PREDIKAT_BANDS): string {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  const last = sorted[sorted.length - 1];
  let expr = `"${last.label.replace(/"/g, '""')}"`;
  for (let i = sorted.length - 2; i >= 0; i--) {
    const b = sorted[i];
    expr = `IF(${ratioCell}>=${b.min / 100},"${b.label.replace(/"/g, '""')}",${expr})`;
  }
  return `IF(ISNUMBER(${ratioCell}),${expr},"")`;
}
