/**
 * Synthetic kabupaten-scale Renja workbooks for benchmarks: Tabel 3.3-shaped sheets with the official column
 * order, KODE filled, amounts as numbers, parents as SUM formulas with cached results, a total row.
 * Deterministic (seeded), so that recorded results can be compared between runs.
 */
import ExcelJS from "exceljs";

export interface SyntheticOptions {
  /** Data rows per sheet (program + kegiatan + sub kegiatan rows). */
  rows: number;
  sheets: number;
  year?: number;
  seed?: number;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Shape: each program has 3 kegiatan, each kegiatan 4 sub kegiatan (1 + 3 × 5 = 16 rows per program). */
export async function buildSyntheticWorkbook(opts: SyntheticOptions): Promise<Buffer> {
  const year = opts.year ?? 2025;
  const random = rng(opts.seed ?? 42);
  const wb = new ExcelJS.Workbook();
  for (let s = 0; s < opts.sheets; s++) {
    const ws = wb.addWorksheet(`Unit ${s + 1}`);
    ws.addRow([`RUMUSAN RENCANA PROGRAM DAN KEGIATAN UNIT ${s + 1} TAHUN ${year} DAN PRAKIRAAN MAJU TAHUN ${year + 1}`]);
    ws.addRow([
      "KODE", "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan", "Indikator Kinerja Program/Kegiatan",
      `Rencana Tahun ${year} (N)`, "", "", "", "Catatan Penting", `Prakiraan Maju Rencana Tahun ${year + 1} (N+1)`, "",
    ]);
    ws.addRow(["", "", "", "Lokasi", "Target Capaian Kinerja", "Kebutuhan Dana/Pagu Indikatif", "Sumber Dana", "", "Target Capaian Kinerja", "Kebutuhan Dana/Pagu Indikatif"]);
    ws.mergeCells(2, 4, 2, 7);
    ws.mergeCells(2, 9, 2, 10);
    ws.addRow([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const first = 5;
    let r = first;
    const programRows: number[] = [];
    const perProgram = 16;
    const programs = Math.max(1, Math.floor(opts.rows / perProgram));
    for (let p = 0; p < programs; p++) {
      // A dinas whose bidang has no catalogue (1.BB): the check runs without nomenclature, as for most units.
      // Programs are numbered within bidang of 99 so that every kode is unique, as in a real workbook.
      const bidang = (s * 7 + Math.floor(p / 99)) % 99;
      const pk = `1.${String(bidang + 1).padStart(2, "0")}.${String((p % 99) + 1).padStart(2, "0")}`;
      const programRow = r++;
      programRows.push(programRow);
      const kegRows: number[] = [];
      const programCells: Array<[number, number[]]> = [];
      for (let k = 0; k < 3; k++) {
        const kk = `${pk}.2.${String(k + 1).padStart(2, "0")}`;
        const kegRow = r++;
        kegRows.push(kegRow);
        const subRows: number[] = [];
        let sumN = 0;
        let sumN1 = 0;
        for (let q = 0; q < 4; q++) {
          const subRow = r++;
          subRows.push(subRow);
          const n = Math.round(random() * 500_000) * 1000;
          const n1 = Math.round(random() * 500_000) * 1000;
          sumN += n;
          sumN1 += n1;
          const row = ws.getRow(subRow);
          row.values = [`${kk}.${String(q + 1).padStart(4, "0")}`, `Sub kegiatan ${p + 1}.${k + 1}.${q + 1}`, `Jumlah dokumen yang disusun (Dokumen)`, "Kantor", `${q + 2} dokumen`, n, "APBD", "", `${q + 2} dokumen`, n1];
        }
        const kr = ws.getRow(kegRow);
        kr.values = [kk, `Kegiatan ${p + 1}.${k + 1}`, "Persentase kegiatan terlaksana (%)", "Kantor", "100%", null, "APBD", "", "100%", null];
        kr.getCell(6).value = { formula: `SUM(F${subRows[0]}:F${subRows[3]})`, result: sumN };
        kr.getCell(10).value = { formula: `SUM(J${subRows[0]}:J${subRows[3]})`, result: sumN1 };
        programCells.push([kegRow, [sumN, sumN1]]);
      }
      const pr = ws.getRow(programRow);
      const pN = programCells.reduce((a, [, v]) => a + v[0], 0);
      const pN1 = programCells.reduce((a, [, v]) => a + v[1], 0);
      pr.values = [pk, `PROGRAM PELAYANAN ${p + 1}`, "Persentase capaian program (%)", "Kantor", "100%", null, "APBD", "", "100%", null];
      pr.getCell(6).value = { formula: `SUM(${kegRows.map((k) => `F${k}`).join(",")})`, result: pN };
      pr.getCell(10).value = { formula: `SUM(${kegRows.map((k) => `J${k}`).join(",")})`, result: pN1 };
      pr.getCell(2).font = { bold: true };
    }
    const totalRow = ws.getRow(r);
    const cached = (col: number) => programRows.reduce((a, pr) => a + Number((ws.getRow(pr).getCell(col).value as { result: number }).result), 0);
    totalRow.values = ["", "JUMLAH", "", "", "", null, "", "", "", null];
    // Excel caps a formula at 8,192 characters: a very long sheet gets its total as a value, as staff do.
    const totalFormula = (col: string) => `SUM(${programRows.map((p) => `${col}${p}`).join(",")})`;
    for (const [col, letter] of [[6, "F"], [10, "J"]] as const) {
      const formula = totalFormula(letter);
      totalRow.getCell(col).value = formula.length < 8000 ? { formula, result: cached(col) } : cached(col);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
