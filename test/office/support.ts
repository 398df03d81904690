/** Shared builders for the Office host tests: a Renja-like sheet of any length in the fake. */
import { OfficeHost } from "../../src/office";
import type { ReadTuning } from "../../src/office/readSnapshot";
import type { WriteTuning } from "../../src/office/writePlan";
import { FakeWorkbook, type FakeCell } from "./fakeExcel";

export const COLUMNS = 8;

/**
 * `rows` body rows under a 2-row header: every 10th row a program total (SUM formula over the 9 rows below in
 * column F and G), the others sub kegiatan with amounts.
 */
export function renjaGrid(rows: number): (string | number | FakeCell | undefined)[][] {
  const grid: (string | number | FakeCell | undefined)[][] = [
    ["No", "Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Target", "Pagu Indikatif (Rp)", "Pagu N+1 (Rp)", "Sumber Dana"],
    [1, 2, 3, 4, 5, 6, 7, 8],
  ];
  for (let i = 0; i < rows; i++) {
    const row = grid.length + 1;
    if (i % 10 === 0) {
      const last = Math.min(row + 9, rows + 2);
      grid.push([
        String(i / 10 + 1),
        `7.01.${String(i / 10 + 1).padStart(2, "0")}`,
        { value: `Program Penyelenggaraan Pemerintahan Kecamatan ${i}`, bold: true },
        "Persentase layanan administrasi",
        "100%",
        { value: 4_765_000 * 9, formula: `SUM(F${row + 1}:F${last})`, numFmt: "#,##0" },
        { value: 5_000_000 * 9, formula: `SUM(G${row + 1}:G${last})`, numFmt: "#,##0" },
        undefined,
      ]);
    } else {
      grid.push([
        undefined,
        `7.01.01.2.01.${String(i % 10).padStart(4, "0")}`,
        { value: `Penyusunan Dokumen Perencanaan Perangkat Daerah ${i}`, indent: 2 },
        "Jumlah dokumen perencanaan",
        "2 dokumen",
        { value: 4_765_000, numFmt: "#,##0" },
        { value: 5_000_000, numFmt: "#,##0" },
        "DAU",
      ]);
    }
  }
  return grid;
}

export function renjaFake(rows: number, apiVersion = "1.13"): FakeWorkbook {
  const fake = new FakeWorkbook();
  fake.apiVersion = apiVersion;
  fake.addSheet("Tabel 3.3", renjaGrid(rows));
  return fake;
}

export function hostFor(fake: FakeWorkbook, tuning: { read?: ReadTuning; write?: WriteTuning; syncTimeoutMs?: number; highlightCap?: number } = {}): OfficeHost {
  return new OfficeHost(fake.environment(), { readTuning: tuning.read, writeTuning: tuning.write, syncTimeoutMs: tuning.syncTimeoutMs, highlightCap: tuning.highlightCap });
}

/**
 * Syncs since the call, split into the host's own and the end-of-run cleanup request Microsoft's client sends
 * to release the references it kept (at most one per Excel.run; none through the fake's own proxies).
 */
export function syncCounter(fake: FakeWorkbook): () => { work: number; cleanup: number; total: number } {
  const syncs = fake.syncs;
  const cleanup = fake.cleanupSyncs;
  return () => ({ work: fake.syncs - syncs - (fake.cleanupSyncs - cleanup), cleanup: fake.cleanupSyncs - cleanup, total: fake.syncs - syncs });
}
