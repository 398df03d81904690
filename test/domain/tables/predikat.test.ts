import { DEFAULT_PREDIKAT_BANDS, predikatOf } from "../../../src/domain/tables";

describe("predikat bands (defaults: ≥91 Sangat Tinggi, 76–90 Tinggi, 66–75 Sedang, 51–65 Rendah, ≤50 Sangat Rendah)", () => {
  it.each([
    [100, "Sangat Tinggi"],
    [91, "Sangat Tinggi"],
    [90.99, "Tinggi"],
    [76, "Tinggi"],
    [75, "Sedang"],
    [66, "Sedang"],
    [65, "Rendah"],
    [51, "Rendah"],
    [50, "Sangat Rendah"],
    [0, "Sangat Rendah"],
  ])("%d%% → %s", (percent, label) => {
    expect(predikatOf(percent, DEFAULT_PREDIKAT_BANDS)).toBe(label);
  });
});
