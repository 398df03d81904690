/**
 * A kabupaten-scale sheet: 100,000 data rows without KODE, so that every level comes from the PROGRAM word and
 * the sums (the costly path: catalogue probe, segmentation). No assertion on time (DESIGN.md: benchmarks live in
 * bench/); this proves the mapping is right at that size and finishes (a quadratic scan would not within the
 * test timeout).
 */
import { mapWorkbook } from "../../../src/domain/mapping/mapWorkbook";
import { countLevels } from "../../../src/domain/mapping/tree";
import type { Cell, SheetSnapshot } from "../../../src/domain/sheet/snapshot";

function bigSheet(dataRows: number): { sheet: SheetSnapshot; programs: number } {
  const rows = new Map<number, Map<number, Cell>>();
  const put = (r: number, values: (string | number | null)[]) => {
    const m = new Map<number, Cell>();
    values.forEach((v, i) => {
      if (v !== null) m.set(i + 1, { value: v });
    });
    rows.set(r, m);
  };
  put(1, ["RUMUSAN RENCANA PROGRAM DAN KEGIATAN TAHUN 2025 DAN PRAKIRAAN MAJU TAHUN 2026"]);
  put(3, ["KODE", "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan", "Indikator Kinerja Program/Kegiatan", "Rencana Tahun 2025 (N)", null, null, null, "Catatan Penting", "Prakiraan Maju Rencana Tahun 2026 (N+1)"]);
  put(4, [null, null, null, "Lokasi", "Target Capaian Kinerja", "Kebutuhan Dana/Pagu Indikatif", "Sumber Dana", null, "Target Capaian Kinerja", "Kebutuhan Dana/Pagu Indikatif"]);
  put(5, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  let r = 6;
  let programs = 0;
  while (r - 6 < dataRows) {
    programs++;
    const programRow = r++;
    let pn = 0, pn1 = 0;
    for (let k = 1; k <= 3; k++) {
      const kegRow = r++;
      let kn = 0, kn1 = 0;
      const subs = 2 + ((programs + k) % 4);
      for (let q = 1; q <= subs; q++) {
        const n = (((programs * 31 + k * 7 + q * 13) % 500) + 1) * 1000;
        const n1 = (((programs * 17 + k * 5 + q * 11) % 500) + 1) * 1000;
        kn += n;
        kn1 += n1;
        put(r++, [null, `Sub kegiatan ${programs}.${k}.${q}`, "Jumlah dokumen (Dokumen)", "Kantor", `${q} dokumen`, n, null, null, `${q} dokumen`, n1]);
      }
      put(kegRow, [null, `Kegiatan ${programs}.${k}`, "Persentase kegiatan (%)", "Kantor", "100%", kn, "APBD", null, "100%", kn1]);
      pn += kn;
      pn1 += kn1;
    }
    put(programRow, [null, `PROGRAM SINTETIS ${programs}`, "Persentase program (%)", "Kantor", "100%", pn, "APBD", null, "100%", pn1]);
  }
  put(r, [null, "JUMLAH"]);
  return { sheet: { id: "big", name: "Besar", visible: true, rows, maxRow: r, maxCol: 10, merges: [] }, programs };
}

describe("100,000 data rows", () => {
  it("maps every program, kegiatan and sub kegiatan from the PROGRAM word and the sums", () => {
    const { sheet, programs } = bigSheet(100_000);
    const [t] = mapWorkbook([sheet]).tables;
    const subs = [...sheet.rows.values()].filter((m) => /^Sub kegiatan/.test(String(m.get(2)?.value ?? ""))).length;
    expect(countLevels(t)).toEqual({ program: programs, kegiatan: programs * 3, subKegiatan: subs });
    expect(t.totalRow).toBe(sheet.maxRow);
    expect(t.rows.length).toBe(sheet.maxRow - 5);
    const kegiatan = t.rows.filter((x) => x.level === "kegiatan");
    expect(kegiatan.every((x) => x.evidence?.some((e) => e.startsWith("equals the sum of the rows under it")))).toBe(true);
  });
});
