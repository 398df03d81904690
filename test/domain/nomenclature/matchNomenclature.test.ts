import { CATALOGUES, entryByKode, levelOfKode, matchNomenclature, normalizeName } from "../../../src/domain/nomenclature";
import { seedTables } from "../../support/seed";

describe("nomenclature catalogue data", () => {
  it("holds the kecamatan bidang 7.01 with every entry tagged by regulation, none left unverified (builtin.data.test.ts checks them against the official lists)", () => {
    const c = CATALOGUES.find((x) => x.bidang === "7.01");
    expect(c).toBeDefined();
    const entries = c?.entries ?? [];
    expect(entries.filter((e) => e.level === "program")).toHaveLength(6);
    expect(entries.filter((e) => e.level === "kegiatan")).toHaveLength(18);
    for (const e of entries) {
      expect(e.regulation).toMatch(/^Kepmendagri /);
      expect(levelOfKode(e.kode)).toBe(e.level);
      expect(e.verified).toBeUndefined();
    }
    // a child's kode starts with its parent's
    for (const e of entries.filter((x) => x.level !== "program")) {
      const parent = e.kode.split(".").slice(0, e.level === "kegiatan" ? 3 : 5).join(".");
      expect(entryByKode(parent)).toBeDefined();
    }
    expect(new Set(entries.map((e) => e.kode)).size).toBe(entries.length);
  });
  it("tells the level of a kode by its parts", () => {
    expect(levelOfKode("7.01.02")).toBe("program");
    expect(levelOfKode("7.01.02.2.04")).toBe("kegiatan");
    expect(levelOfKode("7.01.02.2.04.0003")).toBe("subKegiatan");
    expect(levelOfKode("7.01.02.2.04.03")).toBe("subKegiatan");
    expect(levelOfKode("7.01")).toBe("bidang");
    expect(levelOfKode("APBD")).toBeUndefined();
  });
});

describe("normalizeName", () => {
  it("drops case, punctuation, dashes and expands abbreviations", () => {
    expect(normalizeName("- Penyediaan Gaji dan tunjangan ASN")).toBe("penyediaan gaji dan tunjangan asn");
    expect(normalizeName("PROGRAM PENUNJANG URUSAN PEMERINTAH DAERAH KAB/KOTA")).toBe("program penunjang urusan pemerintah daerah kabupaten kota");
    expect(normalizeName("Penyusunan Perencanaan Kebutuhan BMD SKPD")).toBe("penyusunan perencanaan kebutuhan barang milik daerah skpd");
  });
});

describe("matchNomenclature on the seed's real names", () => {
  const cases: [string, string, number][] = [
    // [name as written in the seed, expected kode, minimum similarity]
    ["Koordinasi upaya Penyelenggaraan Keutentraman dan Ketertiban Umum", "7.01.04.2.01", 0.9],
    ["Penyediaan Bahan Bacaandan Peraturan Perundang- undangan", "7.01.01.2.06.0006", 0.95],
    ["Koordinasi dan Penyusunan DokumenRKA-SKPD", "7.01.01.2.01.0002", 0.9],
    ["- Penyelenggaran Rapat Koordinasi dan Konsultasi SKPD", "7.01.01.2.06.0009", 0.95],
    ["PROGRAM PENUNJANG URUSAN PEMERINTAH DAERAH KAB/KOTA", "7.01.01", 0.9],
    ["Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah", "7.01.01.2.07", 0.99],
    ["Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah", "7.01.01.2.09", 0.9],
    ["- Fasilitas Kunjungan Tamu", "7.01.01.2.06.0008", 0.9],
    ["Penyediaan Gaji danTunjangan ASN", "7.01.01.2.02.0001", 0.9],
    ["Evaluasi Kinerja PerangkatDaerah", "7.01.01.2.01.0007", 0.9],
    ["Koordinasi dan Penyusunan Dokumen DPA-SKPD", "7.01.01.2.01.0004", 0.85],
    ["Perencanaan Kebutuhan barang milik daerah", "7.01.01.2.03.0001", 0.8],
    ["- Koordinasi Pelaksanaan Pembangunan Kawasan Pedesaan di Wilayah Kecamatan", "7.01.06.2.01.0018", 0.9],
    ["PROGRAM PEMBERDAYAAN MASYARAKAT", "7.01.03", 0.75],
    ["Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat", "7.01.02.2.04", 0.99],
    ["Pelaksanaan Urusan Pemerintahan yang terkait dengan Kewenangan Lain yang Dilimpahkan", "7.01.02.2.04.0003", 0.99],
  ];
  it.each(cases)("%s -> %s", (name, kode, min) => {
    const m = matchNomenclature(name);
    expect(m?.entry.kode).toBe(kode);
    expect(m?.similarity).toBeGreaterThanOrEqual(min);
    expect(m?.similarity).toBeLessThanOrEqual(1);
  });

  it("says how similar: exact names score 1, variants less", () => {
    expect(matchNomenclature("Administrasi Umum Perangkat Daerah")?.similarity).toBe(1);
    expect(matchNomenclature("Koordinasi upaya Penyelenggaraan Keutentraman dan Ketertiban Umum")?.similarity).toBeLessThan(1);
  });

  it("keeps the level apart when asked, and scores the other level lower", () => {
    const name = "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat";
    const asKegiatan = matchNomenclature(name, { level: "kegiatan" });
    const asSub = matchNomenclature(name, { level: "subKegiatan", minSimilarity: 0 });
    expect(asKegiatan?.entry.kode).toBe("7.01.02.2.04");
    expect(asSub?.entry.level).toBe("subKegiatan");
    expect(asSub?.similarity ?? 0).toBeLessThan(0.8);
    expect(matchNomenclature("Pemeliharaan Mebel", { parentKode: "7.01.01.2.09" })?.entry.kode).toBe("7.01.01.2.09.0005");
    expect(matchNomenclature("Pemeliharaan Mebel", { parentKode: "7.01.01.2.07" })?.entry.kode).not.toBe("7.01.01.2.09.0005");
  });

  it("finds nothing for names of another bidang or for headers and numbers", () => {
    expect(matchNomenclature("PROGRAM PENCEGAHAN DAN PENGENDALIAN PENYAKIT MENULAR")).toBeUndefined();
    expect(matchNomenclature("Pengelolaan Pelayanan Kesehatan Ibu Hamil")).toBeUndefined();
    expect(matchNomenclature("Program/ Kegiatan")).toBeUndefined();
    expect(matchNomenclature("12")).toBeUndefined();
    expect(matchNomenclature("")).toBeUndefined();
  });

  it("matches every program, kegiatan and dashed sub kegiatan name of the seed's Tabel 3.3 at level", () => {
    const body = seedTables().tabel33.body;
    const names = body.slice(3, -1).map((r) => r[1] ?? "").filter((n) => n !== "");
    let matched = 0;
    for (const n of names) if (matchNomenclature(n, { minSimilarity: 0.8 })) matched++;
    // every one of the 57 rows is a known name (the 3.3 uses the regulation's wording, with typos)
    expect(names).toHaveLength(57);
    expect(matched).toBe(57);
  });
});
