/** The row matcher on hand-made tables: each pass, and what must not match. */
import Decimal from "decimal.js";
import type { MappedRow } from "../../../src/domain/mapping/types";
import { matchRows, type AmountOf } from "../../../src/domain/versions";
import { planTable, type PlanRowSpec } from "../../support/planWorkbook";

/** Amounts straight from the specs (the matcher takes any reader; the seed tests use the settled readings). */
function amounts(specs: PlanRowSpec[], first = 5): AmountOf {
  return (row: MappedRow, role) => {
    const v = specs[row.row - first]?.[role as "paguN" | "paguN1"];
    return typeof v === "number" ? new Decimal(v) : null;
  };
}

function match(oldSpecs: PlanRowSpec[], newSpecs: PlanRowSpec[]) {
  const o = planTable(oldSpecs).table;
  const n = planTable(newSpecs).table;
  const m = matchRows(o, n, { moneyRoles: ["paguN", "paguN1"], oldAmount: amounts(oldSpecs), newAmount: amounts(newSpecs) });
  return {
    pairs: m.pairs.map((p) => `${p.old.uraian} = ${p.new.uraian} (${p.by}${p.renamed ? ", renamed" : ""})`),
    added: m.added.map((r) => r.uraian),
    removed: m.removed.map((r) => r.uraian),
    merged: m.merged.map((e) => `${e.old ? "o" : "-"}${e.new ? "n" : "-"} ${(e.new ?? e.old)?.uraian}`),
  };
}

const P = (uraian: string, extra: Partial<PlanRowSpec> = {}): PlanRowSpec => ({ level: "program", uraian, ...extra });
const K = (uraian: string, extra: Partial<PlanRowSpec> = {}): PlanRowSpec => ({ level: "kegiatan", uraian, ...extra });
const S = (uraian: string, extra: Partial<PlanRowSpec> = {}): PlanRowSpec => ({ level: "subKegiatan", uraian, ...extra });

describe("matchRows", () => {
  it("matches by written kode first: a new name under the same kode is a rename", () => {
    const r = match([P("PROGRAM A", { kode: "7.01.01" }), K("Keg Lama", { kode: "7.01.01.2.01", paguN: 5 })], [P("PROGRAM A", { kode: "7.01.01" }), K("Keg Baru", { kode: "7.01.01.2.01", paguN: 9 })]);
    expect(r.pairs).toEqual(["PROGRAM A = PROGRAM A (kode)", "Keg Lama = Keg Baru (kode, renamed)"]);
  });

  it("matches by normalised name (case, spacing, punctuation and abbreviations do not count)", () => {
    const r = match([P("PROGRAM A"), K("Administrasi BMD pada PD")], [P("Program  A"), K("administrasi barang milik daerah pada perangkat daerah")]);
    expect(r.pairs).toEqual(["PROGRAM A = Program  A (name)", "Administrasi BMD pada PD = administrasi barang milik daerah pada perangkat daerah (name)"]);
  });

  it("matches a name only under the matched parent: the same sub kegiatan name in two kegiatan stays apart", () => {
    const old = [P("PROGRAM A"), K("Keg 1"), S("Rapat", { paguN: 1 }), K("Keg 2"), S("Rapat", { paguN: 2 })];
    const neu = [P("PROGRAM A"), K("Keg 2"), S("Rapat", { paguN: 2 }), K("Keg 1"), S("Rapat", { paguN: 7 })];
    const r = match(old, neu);
    expect(r.pairs).toEqual(["PROGRAM A = PROGRAM A (name)", "Keg 2 = Keg 2 (name)", "Rapat = Rapat (name)", "Keg 1 = Keg 1 (name)", "Rapat = Rapat (name)"]);
  });

  it("takes a row as renamed in place only when every amount is the same", () => {
    const old = [P("PROGRAM A"), K("Keg"), S("Satu", { paguN: 10, paguN1: 11 }), S("Dua", { paguN: 20 })];
    const sameAmounts = match(old, [P("PROGRAM A"), K("Keg"), S("Satu baru", { paguN: 10, paguN1: 11 }), S("Dua", { paguN: 20 })]);
    expect(sameAmounts.pairs).toContain("Satu = Satu baru (position, renamed)");
    const otherAmount = match(old, [P("PROGRAM A"), K("Keg"), S("Satu baru", { paguN: 10, paguN1: 12 }), S("Dua", { paguN: 20 })]);
    expect([otherAmount.added, otherAmount.removed]).toEqual([["Satu baru"], ["Satu"]]);
  });

  it("does not take a row as renamed in place when it moved to another gap among its siblings", () => {
    const old = [P("PROGRAM A"), K("Keg"), S("Satu", { paguN: 10 }), S("Dua", { paguN: 20 })];
    const r = match(old, [P("PROGRAM A"), K("Keg"), S("Dua", { paguN: 20 }), S("Lain", { paguN: 10 })]);
    expect([r.added, r.removed]).toEqual([["Lain"], ["Satu"]]);
  });

  it("never pairs rows whose written kodes differ, whatever their names", () => {
    const r = match([P("PROGRAM A", { kode: "7.01.01" }), K("Keg", { kode: "7.01.01.2.01", paguN: 5 })], [P("PROGRAM A", { kode: "7.01.01" }), K("Keg", { kode: "7.01.01.2.02", paguN: 5 })]);
    expect([r.added, r.removed]).toEqual([["Keg"], ["Keg"]]);
  });

  it("adds and removes whole subtrees, and keeps removed rows in their old place in the merged order", () => {
    const old = [P("PROGRAM A"), K("Keg 1"), S("S1", { paguN: 1 }), K("Keg 2"), S("S2", { paguN: 2 }), P("PROGRAM B"), K("Keg 3")];
    const neu = [P("PROGRAM A"), K("Keg Baru"), S("SB", { paguN: 4 }), K("Keg 2"), S("S2", { paguN: 2 })];
    const r = match(old, neu);
    expect(r.removed).toEqual(["Keg 1", "S1", "PROGRAM B", "Keg 3"]);
    expect(r.added).toEqual(["Keg Baru", "SB"]);
    expect(r.merged).toEqual(["on PROGRAM A", "-n Keg Baru", "-n SB", "o- Keg 1", "o- S1", "on Keg 2", "on S2", "o- PROGRAM B", "o- Keg 3"]);
  });
});
