/** The table-kind registry: one descriptor per kind, a builder for every generator and none without one. */
import type { TableKind } from "../../../src/domain/mapping/types";
import { BUILDERS } from "../../../src/domain/tables/generators";
import { generatorNamed, generatorNames, kindDescriptor, TABLE_KINDS } from "../../../src/domain/tables/kinds";
import { renderAll } from "../../../src/domain/messages";

const ALL_KINDS: Record<TableKind, true> = { "tabel-3.3": true, "tabel-7": true, "tabel-2.1": true, "tabel-2.3": true, "tabel-perubahan": true };

describe("table kinds", () => {
  it("describes every kind once", () => {
    expect(TABLE_KINDS.map((d) => d.kind).sort()).toEqual(Object.keys(ALL_KINDS).sort());
  });

  it("has a builder exactly for the kinds that name a generator", () => {
    expect(Object.keys(BUILDERS).sort()).toEqual(TABLE_KINDS.filter((d) => d.generator).map((d) => d.kind).sort());
  });

  it("finds a generator by its name or its kind", () => {
    expect(generatorNames()).toEqual(["tabel-3.3", "tabel-2.1", "perubahan"]);
    expect(generatorNamed("perubahan")?.kind).toBe("tabel-perubahan");
    expect(generatorNamed("tabel-perubahan")?.needsOriginal).toBe(true);
    expect(generatorNamed("tabel-7")).toBeUndefined();
    const action = kindDescriptor("tabel-perubahan")?.generator?.action;
    expect(action && renderAll(action)).toEqual({ id: "Buat Tabel Perubahan", en: "Generate the revision table" });
  });
});
