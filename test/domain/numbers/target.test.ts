import { parsePercent, parseTarget, plainDecimal, sameUnit, unitOfIndicator } from "../../../src/domain/numbers";

const target = (text: string) => {
  const t = parseTarget(text);
  return { value: t.value === null ? null : plainDecimal(t.value), unit: t.unit, percent: t.percent };
};

describe("parseTarget", () => {
  it.each([
    ["2 dokumen", "2", "dokumen", false],
    ["24 orang", "24", "orang", false],
    ["13 Desa/Kelurahan", "13", "desa/kelurahan", false],
    ["13 Desa/ Keluraha n", "13", "desa/kelurahan", false],
    ["100%", "100", "%", true],
    ["100 %", "100", "%", true],
    ["75 persen", "75", "%", true],
    ["63,80%", "63.8", "%", true],
    ["31099 lembar", "31099", "lembar", false],
    ["1500", "1500", null, false],
    ["0 unit", "0", "unit", false],
    ["12 Laporan", "12", "laporan", false],
    ["2,5 km", "2.5", "km", false],
    ["\u2265 80%", "80", "%", true],
  ])("%j -> %s %s", (text, value, unit, percent) => {
    expect(target(text)).toEqual({ value, unit, percent });
  });

  it.each(["-", "", "  ", "Sesuai kebutuhan", "%"])("%j states no target", (text) => {
    expect(target(text)).toEqual({ value: null, unit: null, percent: false });
  });
});

describe("parsePercent", () => {
  it.each([
    ["63,80%", "63.8"],
    ["12,22%", "12.22"],
    ["92,51", "92.51"],
    ["100%", "100"],
    ["33,33%", "33.33"],
    ["38,6%", "38.6"],
    ["0%", "0"],
    ["104,167%", "104.167"],
    ["62.50%", "62.5"],
    ["75 persen", "75"],
  ])("%j -> %s", (text, value) => {
    const p = parsePercent(text);
    expect(p === null ? null : plainDecimal(p)).toBe(value);
  });

  it.each(["-", "", "tinggi", "12 dokumen", "%"])("%j is no percentage", (text) => {
    expect(parsePercent(text)).toBeNull();
  });
});

describe("unitOfIndicator", () => {
  it.each([
    ["Jumlah dokumen Perencanaan Yang disusun Tepat Waktu (Dokumen)", "dokumen"],
    ["Persentase penunjang urusan perangkat daerah berjalan sesuai standar (%)", "%"],
    ["Jumlah desa yang tertib administrasinya (desa))", "desa"],
    ["Jumlah Penyediaan bahan bacaan dan peraturan perundang- undangan (eksamplar)", "eksamplar"],
    ["Persentase kasus yang ditindaklanjuti (persentase)", "persentase"],
    ["Jumlah (unit) peralatan (Unit )", "unit"],
    ["Jumlah mebel yang dipelihara", null],
    ["Realisasi tahun (2024)", null],
    ["Jumlah dokumen (Dokumen", "dokumen"],
  ])("%j -> %j", (indikator, unit) => {
    expect(unitOfIndicator(indikator)).toBe(unit);
  });
});

describe("sameUnit", () => {
  it.each([
    ["dokumen", "Dokumen"],
    ["eksamplar", "exemplar"],
    ["eksemplar", "Eksamplar"],
    ["%", "persentase"],
    ["persen", "%"],
    ["Percentase", "%"],
    ["orang", "Org."],
    ["desa/kelurahan", "desa"],
    ["Desa/ Keluraha n", "kelurahan"],
    ["dokumen-dokumen", "dokumen"],
  ])("%j is the same unit as %j", (a, b) => {
    expect(sameUnit(a, b)).toBe(true);
    expect(sameUnit(b, a)).toBe(true);
  });

  it.each([
    ["orang", "paket"],
    ["dokumen", "laporan"],
    ["unit", "jenis"],
    ["%", "orang"],
    ["", "dokumen"],
  ])("%j is not %j", (a, b) => {
    expect(sameUnit(a, b)).toBe(false);
  });
});
