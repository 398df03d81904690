/** Indicator kinds from wording, and capaian by kind. */
import Decimal from "decimal.js";
import { capaianRatio, inferIndicatorKind, latestOf } from "../../../src/domain/evaluation/indicatorKind";

describe("inferIndicatorKind", () => {
  it.each([
    ["Angka kematian ibu (per 100.000 kelahiran hidup)", "lower"],
    ["Tingkat pengangguran terbuka (%)", "lower"],
    ["Prevalensi stunting pada balita (%)", "lower"],
    ["Jumlah kasus demam berdarah", "lower"],
    ["Persentase penduduk miskin", "lower"],
    ["Rata-rata lama waktu penyelesaian perizinan (hari)", "lower"],
    // the bad thing being reduced or handled is something to increase
    ["Persentase penurunan angka kematian bayi", "final"],
    ["Jumlah Kasus Ketentraman dan Ketertiban Umum yang Difasilitasi (Kasus)", "higher"],
    ["Persentase upaya penyelesaian kasus pelanggaran keamanan", "final"],
    // levels: the latest value counts
    ["Persentase penunjang urusan perangkat daerah berjalan sesuai standar (%)", "final"],
    ["Indeks Kepuasan Masyarakat", "final"],
    ["Nilai SAKIP", "final"],
    ["Cakupan pelayanan administrasi (%)", "final"],
    // counts add up
    ["Jumlah dokumen Perencanaan Yang disusun Tepat Waktu (Dokumen)", "higher"],
    ["Jumlah ASN yang mengikuti bimbingan teknis (Orang)", "higher"],
  ])("%s → %s", (indikator, kind) => {
    expect(inferIndicatorKind(indikator)).toBe(kind);
  });
});

describe("capaianRatio", () => {
  it("is realisasi / target for higher-is-better and final values, target / realisasi for lower-is-better", () => {
    const d = (n: number) => new Decimal(n);
    expect(capaianRatio("higher", d(18), d(24))?.toNumber()).toBe(0.75);
    expect(capaianRatio("final", d(75), d(100))?.toNumber()).toBe(0.75);
    expect(capaianRatio("lower", d(80), d(100))?.toNumber()).toBe(1.25);
    expect(capaianRatio("lower", d(0), d(100))).toBeNull();
  });

  it("takes the latest of a series for a final value", () => {
    expect(latestOf([1, 2, undefined, null])).toBe(2);
    expect(latestOf([undefined])).toBeUndefined();
  });
});
