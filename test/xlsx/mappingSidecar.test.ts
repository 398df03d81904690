/** The mapping sidecar keeps the indicator kinds chosen in the mapping view, and refuses what it cannot read. */
import { HostError } from "../../src/domain/host";
import { parseMappingOverrides, serializeMappingOverrides } from "../../src/xlsx";

describe("mapping sidecar: indicator kinds", () => {
  it("round-trips the kind chosen for a Tabel 2.1 row", () => {
    const overrides = { version: 1 as const, levels: {}, indicatorKinds: { "Tabel 2.1": { 24: "lower" as const, 9: "higher" as const } } };
    expect(parseMappingOverrides(serializeMappingOverrides(overrides), "x.renja.json")).toEqual(overrides);
  });

  it("round-trips the table kind chosen for a sheet, and refuses a kind that is not a Renja table kind", () => {
    const overrides = { version: 1 as const, levels: {}, kinds: { "Tabel 3.3": "tabel-7" as const } };
    expect(parseMappingOverrides(serializeMappingOverrides(overrides), "x.renja.json")).toEqual(overrides);
    expect(() => parseMappingOverrides(JSON.stringify({ version: 1, levels: {}, kinds: { "Tabel 3.3": "tabel-9" } }), "x.renja.json")).toThrow(HostError);
  });

  it("refuses a kind it does not know", () => {
    const text = JSON.stringify({ version: 1, levels: {}, indicatorKinds: { "Tabel 2.1": { 24: "sideways" } } });
    expect(() => parseMappingOverrides(text, "x.renja.json")).toThrow(HostError);
  });
});
