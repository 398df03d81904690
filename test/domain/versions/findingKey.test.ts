/** Finding identity across versions: what the key is made of, and when IDs take over. */
import type { Finding } from "../../../src/domain/findings";
import { compareFindings, findingKey, type KeyTable } from "../../../src/domain/versions";
import { msg } from "../../../src/domain/messages";

const finding = (over: Partial<Finding>): Finding => ({
  rule: "malformed-number",
  severity: "error",
  sheet: "Tabel 3.3",
  cell: "F28",
  row: 28,
  role: "paguN",
  message: msg("empty", {}),
  ...over,
});

const table = (sheet: string, rows: KeyTable["rows"]): KeyTable => ({ sheet, kind: "tabel-3.3", rows });

describe("findingKey", () => {
  it("is rule + table kind + the row's normalised name + role, not the row or the sheet", () => {
    const before = findingKey(finding({}), [table("Tabel 3.3", [{ row: 28, level: "subKegiatan", uraian: "Penyediaan Bahan Logistik Kantor" }])]);
    const after = findingKey(finding({ sheet: "Bab III", cell: "F31", row: 31 }), [table("Bab III", [{ row: 31, level: "subKegiatan", uraian: "penyediaan  bahan logistik kantor" }])]);
    expect(before).toBe("malformed-number|tabel-3.3|subKegiatan:penyediaanbahanlogistikkantor|paguN");
    expect(after).toBe(before);
  });

  it("takes a written kode over the name, but not an inferred one", () => {
    const written = [table("T", [{ row: 5, level: "kegiatan", kode: "7.01.01.2.06", kodeInferred: false, uraian: "Administrasi Umum" }])];
    const inferred = [table("T", [{ row: 5, level: "kegiatan", kode: "7.01.01.2.06", kodeInferred: true, uraian: "Administrasi Umum" }])];
    const f = finding({ sheet: "T", row: 5, cell: "F5" });
    expect(findingKey(f, written)).toBe("malformed-number|tabel-3.3|kode:7.01.01.2.06|paguN");
    expect(findingKey(f, inferred)).toBe("malformed-number|tabel-3.3|kegiatan:administrasiumum|paguN");
  });

  it("falls back to the column without a role, and to the cell outside any row", () => {
    const tables = [table("T", [{ row: 5, level: "total", uraian: "JUMLAH" }])];
    expect(findingKey(finding({ sheet: "T", row: 5, cell: "G5", role: undefined }), tables)).toBe("malformed-number|tabel-3.3|total|G");
    expect(findingKey(finding({ rule: "year-mismatch", sheet: "T", row: 2, cell: "A2", role: undefined }), tables)).toBe("year-mismatch|tabel-3.3|cell:A2|");
  });
});

describe("compareFindings", () => {
  const tablesOld = [table("T", [{ row: 5, level: "subKegiatan", uraian: "Rapat" }, { row: 6, level: "subKegiatan", uraian: "Rapat" }, { row: 7, level: "subKegiatan", uraian: "Tamu" }])];
  const tablesNew = [table("T", [{ row: 9, level: "subKegiatan", uraian: "Rapat" }, { row: 10, level: "subKegiatan", uraian: "Rapat" }, { row: 11, level: "subKegiatan", uraian: "Cetak" }])];

  it("resolves, adds and keeps findings by identity; two findings of one identity pair in order", () => {
    const old = [finding({ sheet: "T", row: 5, cell: "F5" }), finding({ sheet: "T", row: 6, cell: "F6" }), finding({ sheet: "T", row: 7, cell: "F7" })];
    const now = [finding({ sheet: "T", row: 10, cell: "F10" }), finding({ sheet: "T", row: 11, cell: "F11" })];
    const c = compareFindings({ findings: old, tables: tablesOld }, { findings: now, tables: tablesNew });
    expect(c.remaining.map((r) => `${r.old.cell}→${r.new.cell}`)).toEqual(["F5→F10"]);
    expect(c.resolved.map((f) => f.cell)).toEqual(["F6", "F7"]);
    expect(c.new.map((f) => f.cell)).toEqual(["F11"]);
  });

  it("uses the findings' IDs when every finding on both sides has one", () => {
    const old = [{ ...finding({ sheet: "T", row: 7, cell: "F7" }), id: "A" }];
    const now = [{ ...finding({ sheet: "T", row: 11, cell: "F11" }), id: "A" }];
    const c = compareFindings({ findings: old, tables: tablesOld }, { findings: now, tables: tablesNew });
    expect([c.resolved.length, c.new.length, c.remaining.length]).toEqual([0, 0, 1]);
    // one side without IDs: the computed identity decides ("Tamu" ≠ "Cetak")
    const mixed = compareFindings({ findings: old, tables: tablesOld }, { findings: [finding({ sheet: "T", row: 11, cell: "F11" })], tables: tablesNew });
    expect([mixed.resolved.length, mixed.new.length, mixed.remaining.length]).toEqual([1, 1, 0]);
  });
});
