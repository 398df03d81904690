/**
 * Issue 8, done when 3, through `renja recompute` on a workbook built here: program 9.301.000.000, its kegiatan
 * 7.208.000.000, the sub kegiatan 2.566.000.000 (the "−30 %" plan). By default nothing is written to the disputed
 * kegiatan, program and total, and each held decision is named with its evidence; --accept applies them; --json
 * lists every change with its class and evidence.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { readCellContents } from "../../src/xlsx/patch";
import { runCli, tempDir } from "./cliHarness";

const dir = tempDir();

async function thirtyPercentWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tabel 7");
  ws.addRow(["RENCANA KERJA DAN PENDANAAN PERANGKAT DAERAH TAHUN 2025"]);
  ws.addRow(["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Lokasi", "Target", "Pagu Indikatif (Rp)", "Sumber Dana"]);
  ws.addRow([1, 2, 3, 4, 5, 6, 7]);
  const rows: Array<[string, string, number]> = [
    ["7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", 9301000000],
    ["7.01.02.2.04", "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat", 7208000000],
    ["7.01.02.2.04.0001", "Pelaksanaan Urusan Pemerintahan yang Terkait dengan Pelayanan Perizinan", 1000000000],
    ["7.01.02.2.04.0002", "Pelaksanaan Urusan Pemerintahan yang Terkait dengan Nonperizinan", 1566000000],
    ["7.01.03", "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN", 40000000],
    ["7.01.03.2.01", "Koordinasi Kegiatan Pemberdayaan Desa", 40000000],
    ["7.01.03.2.01.0001", "Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di Desa", 40000000],
  ];
  for (const [kode, name, pagu] of rows) ws.addRow([kode, name, "Persentase", "Kecamatan", "100%", pagu, "DAU"]);
  ws.addRow([null, "JUMLAH", null, null, null, 9341000000, null]);
  const file = path.join(dir, "thirty-percent.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

describe("renja recompute on the −30 % plan", () => {
  let file: string;
  beforeAll(async () => {
    file = await thirtyPercentWorkbook();
  });
  const contents = (out: string, cells: string[]) => readCellContents(fs.readFileSync(out), cells.map((cell) => ({ sheet: "Tabel 7", cell })));

  it("by default writes nothing to the disputed kegiatan, program and total, exits 0, and names each held decision with its evidence", async () => {
    const out = path.join(dir, "default.xlsx");
    const run = await runCli(["recompute", file, "-o", out]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("Perubahan total (yang diterapkan):\n  Tabel 7!F11: 9.341.000.000 → 9.341.000.000 (tidak berubah)");
    expect(run.stdout).toContain("  Tabel 7!F5 \"Pelaksanaan Urusan Pemerintahan yang Dilimpahkan…\": 7.208.000.000 → 2.566.000.000 [ditahan]\n      - rinciannya hanya berjumlah 2.566.000.000, kurang dari separuh 7.208.000.000");
    expect(run.stdout).toContain("  Tabel 7!F4 \"PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANA…\": 9.301.000.000 → 7.208.000.000 [ditahan]\n      - dua tingkat tidak sepakat: F5 sendiri tidak sama dengan rinciannya");
    expect(run.stdout).toContain("Ditahan (tidak ditulis):\n  Tabel 7!F5: keputusan: tidak diterapkan kecuali dipilih\n  Tabel 7!F4: menunggu keputusan di F5\n  Tabel 7!F11: menunggu keputusan di F4");
    const [f4, f5, f11] = contents(out, ["F4", "F5", "F11"]);
    expect([f4.value, f4.formula, f5.value, f5.formula, f11.value, f11.formula]).toEqual([9301000000, undefined, 7208000000, undefined, 9341000000, undefined]);
  });

  it("--accept all applies them: the kegiatan, program and total become SUMs of the sub kegiatan (2.606.000.000, −72,1 %)", async () => {
    const out = path.join(dir, "accepted.xlsx");
    const run = await runCli(["recompute", file, "-o", out, "--accept", "all"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("  Tabel 7!F11: 9.341.000.000 → 2.606.000.000 (−Rp 6.735.000.000, −72,1 %)");
    const [f4, f5, f11] = contents(out, ["F4", "F5", "F11"]);
    expect([f5.value, f5.formula, f4.value, f4.formula, f11.value, f11.formula]).toEqual([2566000000, "SUM(F6:F7)", 2566000000, "SUM(F5)", 2606000000, "SUM(F4,F8)"]);
  });

  it("--accept CELL applies that decision only; --skip leaves out any other change", async () => {
    const run = await runCli(["recompute", file, "--dry-run", "--accept", "Tabel 7!F5", "--skip", "F8"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Tabel 7!F5 \"Pelaksanaan Urusan Pemerintahan yang Dilimpahkan…\": 7.208.000.000 → 2.566.000.000 [diterima]");
    expect(run.stdout).toContain("Tabel 7!F4 \"PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANA…\": 9.301.000.000 → 2.566.000.000 [ditahan]");
    expect(run.stdout).toContain("  Tabel 7!F8: dilewati atas pilihan pengguna (--skip)");
  });

  it("--json lists every change with its class, whether it is applied, and its evidence", async () => {
    const run = await runCli(["recompute", file, "--dry-run", "--json"]);
    const out = JSON.parse(run.stdout) as { written: boolean; totals: unknown[]; changes: Array<{ cell: string; class: string; applied: boolean; evidence: Array<{ id: string }> }> };
    expect(out.written).toBe(false);
    expect(out.totals).toEqual([{ sheet: "Tabel 7", cell: "F11", role: "paguN", before: "9341000000", after: "9341000000" }]);
    const byCell = new Map(out.changes.map((c) => [c.cell, c]));
    expect(byCell.get("F5")).toMatchObject({ class: "decision", applied: false, evidence: [{ id: "rinciannya hanya berjumlah 2.566.000.000, kurang dari separuh 7.208.000.000" }] });
    expect(byCell.get("F8")).toMatchObject({ class: "same-amount", applied: true });
    expect(byCell.get("F11")).toMatchObject({ applied: false });
  });
});
