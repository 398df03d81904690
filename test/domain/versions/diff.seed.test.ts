/**
 * The seed's Tabel 3.3 against a revision of it (test/support/revision.ts: 3 sub kegiatan inserted above
 * others, 2 removed, 1 renamed, 6 amounts changed, parents and totals carried along), in both layouts: KODE
 * empty with amounts as pasted text, and KODE filled with numbers and SUM formulas in another column order.
 * The diff is stated exactly.
 */
import { mapWorkbook } from "../../../src/domain/mapping/mapWorkbook";
import { countLevels } from "../../../src/domain/mapping/tree";
import type { MappedWorkbook } from "../../../src/domain/mapping/types";
import { diffWorkbooks, type TableDiff } from "../../../src/domain/versions";
import { pastedPair, variantPair, type RevisionPair } from "../../support/revisionPairs";

type Change = [level: string, uraian: string, before: string | null, after: string | null, delta: string];

/** Every row whose pagu N changed, in the merged order (parents before children, removed rows in place). */
const PAGU_N: Change[] = [
  ["program", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "4472430125", "4421712475", "-50717650"],
  ["kegiatan", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "22903650", "22746000", "-157650"],
  ["subKegiatan", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "11896000", "14396000", "2500000"],
  ["subKegiatan", "Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD", "2657650", null, "-2657650"],
  ["kegiatan", "Administrasi Keuangan Perangkat Daerah", "3055643819", "3005643819", "-50000000"],
  ["subKegiatan", "Penyediaan Gaji dan Tunjangan ASN", "3026699819", "2976699819", "-50000000"],
  ["kegiatan", "Administrasi Kepegawaian Perangkat Daerah", "33985000", "46485000", "12500000"],
  ["subKegiatan", "Pengadaan Pakaian Dinas beserta Atribut Kelengkapannya", null, "12500000", "12500000"],
  ["kegiatan", "Administrasi Umum Perangkat Daerah", "400619700", "387559700", "-13060000"],
  ["subKegiatan", "Penyediaan Peralatan dan Perlengkapan Kantor", null, "25000000", "25000000"],
  ["subKegiatan", "Penyediaan Bahan Bacaandan Peraturan Perundang- undangan", "10380000", null, "-10380000"],
  ["subKegiatan", "Fasilitasi Kunjungan Tamu", "177680000", "150000000", "-27680000"],
  ["program", "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN", "470359400", "490359400", "20000000"],
  ["kegiatan", "Kegiatan Pemberdayaan Kelurahan", "380910350", "400910350", "20000000"],
  ["subKegiatan", "Pembangunan Sarana dan Prasarana Kelurahan", "339510350", "359510350", "20000000"],
  ["program", "PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM", "9340250", "10340250", "1000000"],
  ["kegiatan", "Koordinasi upaya Penyelenggaraan Keutentraman dan Ketertiban Umum", "6800750", "7800750", "1000000"],
  ["subKegiatan", "Harmonisasi hubungan dengan tokoh agama dan tokoh masyarakat", "4330750", "5330750", "1000000"],
  ["program", "PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA", "11752900", "17752900", "6000000"],
  ["kegiatan", "Fasilitasi, Rekomendasi dan Koordinasi Pembinaan dan Pengawasan Pemerintahan Desa", "11752900", "17752900", "6000000"],
  ["subKegiatan", "Fasilitasi Penyelenggaraan Ketenteraman dan Ketertiban Umum", null, "6000000", "6000000"],
];

const PAGU_N1: Change[] = [
  ["program", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "4625057824", "4658849663", "33791839"],
  ["kegiatan", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "11003591", "8527430", "-2476161"],
  ["subKegiatan", "Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD", "2476161", null, "-2476161"],
  ["kegiatan", "Administrasi Kepegawaian Perangkat Daerah", "53109000", "66109000", "13000000"],
  ["subKegiatan", "Pengadaan Pakaian Dinas beserta Atribut Kelengkapannya", null, "13000000", "13000000"],
  ["kegiatan", "Administrasi Umum Perangkat Daerah", "535943180", "549211180", "13268000"],
  ["subKegiatan", "Penyediaan Peralatan dan Perlengkapan Kantor", null, "20000000", "20000000"],
  ["subKegiatan", "Penyediaan Bahan Bacaandan Peraturan Perundang- undangan", "6732000", null, "-6732000"],
  ["kegiatan", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", "454923136", "464923136", "10000000"],
  ["subKegiatan", "Penyediaan Jasa Pelayanan Umum Kantor", "335940000", "345940000", "10000000"],
  ["program", "PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA", "95517838", "102017838", "6500000"],
  ["kegiatan", "Fasilitasi, Rekomendasi dan Koordinasi Pembinaan dan Pengawasan Pemerintahan Desa", "95517838", "102017838", "6500000"],
  ["subKegiatan", "Fasilitasi Penyelenggaraan Ketenteraman dan Ketertiban Umum", null, "6500000", "6500000"],
];

const ADDED = [
  ["subKegiatan", "Pengadaan Pakaian Dinas beserta Atribut Kelengkapannya", "7.01.01.2.05.0002"],
  ["subKegiatan", "Penyediaan Peralatan dan Perlengkapan Kantor", "7.01.01.2.06.0002"],
  ["subKegiatan", "Fasilitasi Penyelenggaraan Ketenteraman dan Ketertiban Umum", "7.01.06.2.01.0011"],
];
const REMOVED = [
  ["subKegiatan", "Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD", "7.01.01.2.01.0003"],
  ["subKegiatan", "Penyediaan Bahan Bacaandan Peraturan Perundang- undangan", "7.01.01.2.06.0006"],
];

function tuples(changes: TableDiff["money"][number]["changes"]): Change[] {
  return changes.map((c) => [c.level, c.uraian, c.before?.toFixed() ?? null, c.after?.toFixed() ?? null, c.delta.toFixed()]);
}

function diffOf(pair: RevisionPair): { diff: ReturnType<typeof diffWorkbooks>; oldWb: MappedWorkbook; newWb: MappedWorkbook } {
  const oldWb = mapWorkbook(pair.old);
  const newWb = mapWorkbook(pair.new);
  return { diff: diffWorkbooks(oldWb, newWb), oldWb, newWb };
}

describe.each([
  ["kode empty (the pasted seed)", () => Promise.resolve(pastedPair())],
  ["kode filled (the variant fixture)", () => variantPair()],
])("the seed against its revision, %s", (_name, makePair) => {
  let pair: RevisionPair;
  let result: ReturnType<typeof diffOf>;
  let t33: TableDiff;
  beforeAll(async () => {
    pair = await makePair();
    result = diffOf(pair);
    const found = result.diff.tables.find((t) => t.kind === "tabel-3.3");
    if (!found) throw new Error("no tabel-3.3 diff");
    t33 = found;
  });

  it("maps the revision with the rows it has (36 + 3 − 2 sub kegiatan)", () => {
    const table = result.newWb.tables.find((t) => t.kind === "tabel-3.3");
    expect(table && countLevels(table)).toEqual({ program: 6, kegiatan: 15, subKegiatan: 37 });
  });

  it("lists the 3 added and 2 removed rows, with their kode where the layout has one", () => {
    const kodeOf = (k: string) => (pair.layout === "kode-filled" ? k : undefined);
    expect(t33.added.map((r) => [r.level, r.uraian, r.kodeInferred ? undefined : r.kode])).toEqual(ADDED.map(([l, u, k]) => [l, u, kodeOf(k)]));
    expect(t33.removed.map((r) => [r.level, r.uraian, r.kodeInferred ? undefined : r.kode])).toEqual(REMOVED.map(([l, u, k]) => [l, u, kodeOf(k)]));
  });

  it("lists the renamed row: by its kode when written, else by its place and amounts", () => {
    expect(t33.renamed.map((r) => [r.old.uraian, r.new.uraian, r.by])).toEqual([
      ["Pendataan dan Pengolahan Administrasi Kepegawaian", "Monitoring, Evaluasi, dan Penilaian Kinerja Pegawai", pair.layout === "kode-filled" ? "kode" : "position"],
    ]);
  });

  it("matches every other plan row to itself although rows were inserted above it", () => {
    const pairs = t33.match.pairs;
    expect(pairs).toHaveLength(6 + 15 + 36 - 2);
    expect(pairs.filter((p) => !p.renamed).every((p) => p.old.uraian === p.new.uraian)).toBe(true);
    expect(pairs.some((p) => p.old.row !== p.new.row)).toBe(true);
  });

  it("states every change of pagu N, and the total", () => {
    const money = t33.money.find((m) => m.role === "paguN");
    const expected = PAGU_N.map((c): Change => {
      // The variant's wrong-range kegiatan formula (it misses a sub kegiatan of 28.240.000) makes its program 28.240.000 less.
      if (pair.layout === "kode-filled" && c[0] === "program" && c[1].startsWith("PROGRAM PENUNJANG")) return [c[0], c[1], "4444190125", "4393472475", c[4]];
      return c;
    });
    expect(tuples(money?.changes ?? [])).toEqual(expected);
    const total = pair.layout === "kode-filled" ? ["4962654675", "4938937025"] : ["4990894675", "4967177025"];
    expect(money && [money.total.before.toFixed(), money.total.after.toFixed(), money.total.delta.toFixed()]).toEqual([...total, "-23717650"]);
  });

  it("states every change of pagu N+1, and the total", () => {
    const money = t33.money.find((m) => m.role === "paguN1");
    expect(tuples(money?.changes ?? [])).toEqual(PAGU_N1);
    expect(money && [money.total.before.toFixed(), money.total.after.toFixed(), money.total.delta.toFixed()]).toEqual(["5253625474", "5293917313", "40291839"]);
  });

  it("changes six sub kegiatan amounts in place, and nothing else below the parents", () => {
    const inPlace = t33.money.flatMap((m) => m.changes.filter((c) => c.level === "subKegiatan" && c.before !== null && c.after !== null).map((c) => `${m.role} ${c.uraian}`));
    expect(inPlace).toEqual([
      "paguN Penyusunan Dokumen Perencanaan Perangkat Daerah",
      "paguN Penyediaan Gaji dan Tunjangan ASN",
      "paguN Fasilitasi Kunjungan Tamu",
      "paguN Pembangunan Sarana dan Prasarana Kelurahan",
      "paguN Harmonisasi hubungan dengan tokoh agama dan tokoh masyarakat",
      "paguN1 Penyediaan Jasa Pelayanan Umum Kantor",
    ]);
  });
});

describe("tables the revision did not touch", () => {
  it("Tabel 7 of the pasted pair has no change at all", () => {
    const { diff } = diffOf(pastedPair());
    const t7 = diff.tables.find((t) => t.kind === "tabel-7");
    expect(t7 && [t7.added, t7.removed, t7.renamed, t7.money.map((m) => m.changes)]).toEqual([[], [], [], [[]]]);
    expect(diff.onlyOld).toEqual([]);
    expect(diff.onlyNew).toEqual([]);
  });

  it("a workbook against itself has no change", () => {
    const pair = pastedPair();
    const { diff } = diffOf({ ...pair, new: pair.old });
    for (const t of diff.tables) {
      expect([t.added.length, t.removed.length, t.renamed.length, t.money.flatMap((m) => m.changes).length]).toEqual([0, 0, 0, 0]);
    }
  });
});
