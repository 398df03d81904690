/**
 * Tabel Perubahan built from the seed and its revision (test/support/revision.ts), in both layouts: the
 * semula / menjadi / selisih amounts of the rows the revision touched, the formulas of parents and the total,
 * the headers and print setup; then the generated sheet is mapped back and checked like any user's sheet.
 */
import { mapWorkbook } from "../../../src/domain/mapping/mapWorkbook";
import { countLevels } from "../../../src/domain/mapping/tree";
import type { SheetPlan } from "../../../src/domain/plan";
import { a1 } from "../../../src/domain/sheet/snapshot";
import { buildPerubahan, isBuildError } from "../../../src/domain/tables";
import { validate } from "../../../src/domain/validate";
import { pastedPair, variantPair, type RevisionPair } from "../../support/revisionPairs";
import { cellOf, mergeRefs, planSnapshot } from "./planSheet";

function build(pair: RevisionPair): SheetPlan {
  const plan = buildPerubahan(mapWorkbook(pair.old), mapWorkbook(pair.new), { existingSheets: pair.new.map((s) => s.name) });
  if (isBuildError(plan)) throw new Error(plan.error.en);
  return plan;
}

/** Row of the plan whose column B holds this name. */
function rowNamed(plan: SheetPlan, uraian: string): number {
  const found = plan.cells.filter((c) => c.col === 2 && c.value === uraian);
  if (found.length !== 1) throw new Error(`${found.length} rows named ${uraian}`);
  return found[0].row;
}

/** [semula, menjadi, selisih, %, catatan] as the plan caches them, with the formulas of F…I. */
function line(plan: SheetPlan, uraian: string): unknown[] {
  const r = rowNamed(plan, uraian);
  const at = (col: string) => cellOf(plan, `${col}${r}`);
  return [at("D").value, at("E").value, at("F").value, at("G").value, at("H").value, at("H").formula, at("I").formula, at("J").value];
}

describe.each([
  ["kode empty (the pasted seed)", () => Promise.resolve(pastedPair())],
  ["kode filled (the variant fixture)", () => variantPair()],
])("Tabel Perubahan of the seed and its revision, %s", (_name, makePair) => {
  let pair: RevisionPair;
  let plan: SheetPlan;
  beforeAll(async () => {
    pair = await makePair();
    plan = build(pair);
  });

  it("is a sheet of its own kind, print-ready on F4 landscape with the header rows repeated", () => {
    expect([plan.table, plan.sheetName, plan.sourceSheet]).toEqual(["tabel-perubahan", "Tabel Perubahan (Renja Cermat)", pair.new[0].name]);
    expect(plan.print).toMatchObject({ orientation: "landscape", paperSize: 14, fitToWidth: 1, fitToHeight: 0, printTitleRows: [5, 7] });
    expect(plan.freezeRows).toBe(7);
    expect(cellOf(plan, "A1").value).toBe("TABEL PERUBAHAN");
    expect(cellOf(plan, "A2").value).toBe("PERUBAHAN RENCANA PROGRAM DAN KEGIATAN KANTOR KECAMATAN TOMONI TAHUN 2025");
  });

  it("heads its columns kode, program/kegiatan, indikator, target and pagu semula/menjadi, bertambah (berkurang) Rp and %, catatan", () => {
    expect(["A5", "B5", "C5", "D5", "F5", "H5", "J5"].map((a) => cellOf(plan, a).value)).toEqual([
      "KODE", "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Target Kinerja", "Pagu Indikatif (Rp)", "Bertambah/(Berkurang)", "Catatan",
    ]);
    expect(["D6", "E6", "F6", "G6", "H6", "I6"].map((a) => cellOf(plan, a).value)).toEqual(["Semula", "Menjadi", "Semula", "Menjadi", "Rp", "%"]);
    expect(mergeRefs(plan)).toEqual(expect.arrayContaining(["A5:A6", "B5:B6", "C5:C6", "D5:E5", "F5:G5", "H5:I5", "J5:J6"]));
    expect(Array.from({ length: 10 }, (_, i) => cellOf(plan, a1(7, i + 1)).value)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("holds semula, menjadi and selisih for a changed, an added, a removed and a renamed row", () => {
    const gaji = rowNamed(plan, "Penyediaan Gaji dan Tunjangan ASN");
    expect(line(plan, "Penyediaan Gaji dan Tunjangan ASN")).toEqual(["24 orang", "24 orang", 3026699819, 2976699819, -50000000, `G${gaji}-F${gaji}`, `IF(F${gaji}=0,"",H${gaji}/F${gaji})`, null]);
    expect(cellOf(plan, `I${gaji}`).value).toBeCloseTo(-50000000 / 3026699819, 12);
    const pakaian = rowNamed(plan, "Pengadaan Pakaian Dinas beserta Atribut Kelengkapannya");
    expect(line(plan, "Pengadaan Pakaian Dinas beserta Atribut Kelengkapannya")).toEqual([null, "24 paket", 0, 12500000, 12500000, `G${pakaian}-F${pakaian}`, `IF(F${pakaian}=0,"",H${pakaian}/F${pakaian})`, "Baru"]);
    expect(cellOf(plan, `I${pakaian}`).value).toBe("");
    expect(line(plan, "Penyediaan Bahan Bacaandan Peraturan Perundang- undangan").slice(0, 5).concat(line(plan, "Penyediaan Bahan Bacaandan Peraturan Perundang- undangan")[7])).toEqual(["120 exemplar", null, 10380000, 0, -10380000, "Dihapus"]);
    expect(line(plan, "Monitoring, Evaluasi, dan Penilaian Kinerja Pegawai")[7]).toBe("Nama semula: Pendataan dan Pengolahan Administrasi Kepegawaian");
    // the pasted revision typed "359.510,350": the table holds what it means
    expect(line(plan, "Pembangunan Sarana dan Prasarana Kelurahan").slice(2, 5)).toEqual([339510350, 359510350, 20000000]);
  });

  it("sums every parent over its children, removed and added rows included, in semula, menjadi and selisih", () => {
    const umum = rowNamed(plan, "Administrasi Umum Perangkat Daerah");
    const first = rowNamed(plan, "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor");
    const last = rowNamed(plan, "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD");
    expect(last - first).toBe(7); // 7 sub kegiatan of the original + 1 added; the removed one kept in place
    expect(["F", "G", "H"].map((c) => [cellOf(plan, `${c}${umum}`).formula, cellOf(plan, `${c}${umum}`).value])).toEqual([
      [`SUM(F${first}:F${last})`, 400619700],
      [`SUM(G${first}:G${last})`, 387559700],
      [`SUM(H${first}:H${last})`, -13060000],
    ]);
  });

  it("totals the programs: Σ sub kegiatan semula 4.990.624.675, menjadi 4.966.907.025, berkurang 23.717.650", () => {
    const total = plan.cells.find((c) => c.value === "JUMLAH")?.row ?? 0;
    const programs = plan.cells.filter((c) => c.col === 2 && typeof c.value === "string" && c.value.startsWith("PROGRAM ")).map((c) => c.row);
    expect(programs).toHaveLength(6);
    expect(cellOf(plan, `F${total}`).formula).toBe(`SUM(${programs.map((r) => `F${r}`).join(",")})`);
    expect(["F", "G", "H"].map((c) => cellOf(plan, `${c}${total}`).value)).toEqual([4990624675, 4966907025, -23717650]);
    expect(plan.notices.at(-1)?.id).toBe("3 baris ditambah, 2 dihapus, 1 berganti nama; jumlah pagu semula 4.990.624.675, menjadi 4.966.907.025 (-23.717.650).");
  });

  it("maps back as a Tabel Perubahan, every row at its level, and checks without an error", () => {
    const sheet = planSnapshot(plan);
    const mapped = mapWorkbook([...pair.new, sheet]);
    const table = mapped.tables.find((t) => t.sheet === plan.sheetName);
    expect(table?.kind).toBe("tabel-perubahan");
    expect(table?.year).toBe(2025);
    expect(table && countLevels(table)).toEqual({ program: 6, kegiatan: 15, subKegiatan: 39 });
    expect(table?.moneyRoles).toEqual(["paguSemula", "paguMenjadi", "selisihRp"]);
    const findings = validate(mapped).filter((f) => f.sheet === plan.sheetName);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    // what remains are the source's own names that the catalogue spells otherwise
    expect([...new Set(findings.map((f) => f.rule))]).toEqual(["nomenclature-mismatch"]);
  });
});

describe("Tabel Perubahan, refusals", () => {
  it("says so when the original workbook holds no plan table", () => {
    const pair = pastedPair();
    const result = buildPerubahan(mapWorkbook([]), mapWorkbook(pair.new), { existingSheets: [] });
    expect(isBuildError(result) && result.error.id).toMatch(/^Buku kerja semula: Tidak ditemukan tabel rencana/);
  });
});
