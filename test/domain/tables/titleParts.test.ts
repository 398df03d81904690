import { freeSheetName, titleParts } from "../../../src/domain/tables";

describe("unit and kabupaten from a table's title", () => {
  it.each([
    ["Tabel 3.3 RUMUSAN RENCANA PROGRAM DAN KEGIATAN KANTOR KECAMATAN TOMONI TAHUN 2025 DAN PRAKIRAAN MAJU TAHUN 2025 KABUPATEN LUWU TIMUR", "KANTOR KECAMATAN TOMONI", "KABUPATEN LUWU TIMUR"],
    ["Tabel.7 RENCANA KERJA DAN PENDANAAN KANTOR KEC.TOMONI KABUPATEN LUWU TIMUR TAHUN 2025", "KANTOR KECAMATAN TOMONI", "KABUPATEN LUWU TIMUR"],
    ["TABEL 2.1 EVALUASI PELAKSANAAN RENJA DAN PENCAPAIAN RENSTRA KANTOR KECAMATAN TOMONI KAB. LUWU TIMUR", "KANTOR KECAMATAN TOMONI", "KABUPATEN LUWU TIMUR"],
    ["Tabel 2.3 Review Terhadap Rancangan Awal RKPD Tahun 2024 Kabupaten Luwu Timur SKPD : KANTOR KECAMATAN TOMONI", "KANTOR KECAMATAN TOMONI", "KABUPATEN LUWU TIMUR"],
  ])("%s", (title, unit, kabupaten) => {
    expect(titleParts(title)).toEqual({ unit, kabupaten });
  });

  it("returns nothing it cannot read", () => {
    expect(titleParts("RENCANA KERJA 2025")).toEqual({});
  });
});

describe("a free sheet name", () => {
  it("keeps a free name, numbers a taken one (case-insensitive), stays within 31 characters without []:*?/\\", () => {
    expect(freeSheetName("Tabel 3.3 (Renja Cermat)", ["Tabel 3.3"])).toBe("Tabel 3.3 (Renja Cermat)");
    expect(freeSheetName("Tabel 3.3 (Renja Cermat)", ["tabel 3.3 (renja cermat)"])).toBe("Tabel 3.3 (Renja Cermat) (2)");
    expect(freeSheetName("Tabel 3.3 (Renja Cermat)", ["Tabel 3.3 (Renja Cermat)", "Tabel 3.3 (Renja Cermat) (2)"])).toBe("Tabel 3.3 (Renja Cermat) (3)");
    const long = freeSheetName("A very long generated sheet name [x]", ["A very long generated sheet nam"]);
    expect(long.length).toBeLessThanOrEqual(31);
    expect(long).not.toMatch(/[[\]:*?/\\]/);
  });
});
