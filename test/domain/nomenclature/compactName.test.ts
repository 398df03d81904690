/**
 * compactNormalizedName's scan for the usual ASCII name must give what normalizeName gives without its spaces,
 * for every name: the real lists' names, and names built to hit each branch (leading marks, abbreviations,
 * "&", accents, case).
 */
import * as fs from "fs";
import { compactNameHash, compactNormalizedName, normalizeName } from "../../../src/domain/nomenclature/normalize";
import { importList, splitDelimited } from "../../../src/domain/nomenclature/importList";
import { LIST_1317, LIST_2DIGIT, LIST_3406, describeWithLists, listPath } from "../../support/nomenclatureData";

const reference = (name: string) => normalizeName(name).replace(/ /g, "");

/** FNV-1a over the compact name's characters, as compactNameHash promises: 0 for an empty compact name only. */
function referenceHash(name: string): number {
  const compact = reference(name);
  if (compact === "") return 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < compact.length; i++) h = Math.imul(h ^ compact.charCodeAt(i), 0x01000193);
  return h === 0 ? 1 : h;
}

/** The name, its compact name and its hash where either differs from the reference; [] when both agree. */
function disagreement(name: string): Array<string | number> {
  const compact = compactNormalizedName(name);
  const hash = compactNameHash(name);
  return compact === reference(name) && hash === referenceHash(name) ? [] : [name, compact, reference(name), hash, referenceHash(name)];
}

describe("compactNormalizedName and compactNameHash", () => {
  it("equals normalizeName without spaces on names built to hit every branch", () => {
    const cases = [
      "Penyediaan Jasa Surat Menyurat",
      "  1. Penyusunan Dokumen",
      "(iv) Koordinasi",
      "iv)Koordinasi",
      "ivxi. Empat huruf numeral tidak cukup",
      "xiv. Numeral",
      "12345. Terlalu panjang",
      "1.5 Program",
      "a.b",
      "a.pd",
      "(a) Sub",
      "( a) Sub",
      "-1. Dengan tanda",
      "--* Bintang",
      "*",
      "",
      "   ",
      "Pengelolaan BMD",
      "Koordinasi Kec. dan Kel.",
      "TNI/POLRI",
      "dll",
      "Dllx",
      "Pd",
      "opd-ku",
      "Sarana & Prasarana",
      "Kécamatan",
      "Tata Kelola\tKelurahan",
      "\n\tZ) Z",
      "Z)",
      "(1)",
      "1",
      "Dokumen RKA-SKPD",
      "DokumenRKA-SKPD",
    ];
    for (const name of cases) expect([name, compactNormalizedName(name)]).toEqual([name, reference(name)]);
    expect(cases.map(disagreement).filter((d) => d.length > 0)).toEqual([]);
    // names one compact name: one hash; an empty compact name: 0
    expect(compactNameHash("Dokumen RKA-SKPD")).toBe(compactNameHash("DokumenRKA-SKPD"));
    expect(compactNameHash("Pengelolaan BMD")).toBe(compactNameHash("pengelolaan barang milik daerah"));
    expect(compactNameHash("Kécamatan")).toBe(compactNameHash("KECAMATAN"));
    expect(compactNameHash("Kécamatan")).not.toBe(compactNameHash("Kelurahan"));
    expect(["", "   ", "*", "dll", "1.", "--"].map(compactNameHash)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it("equals normalizeName without spaces on generated names", () => {
    // a small deterministic generator over the characters each branch looks at
    const alphabet = ["a", "B", "i", "V", "x", "1", "9", ".", ")", "(", "-", "*", " ", "\t", "&", "é", "kab", "Kec", "pd", "POLRI", "dll", "tni", "opd", "bmd", "kel", "Dan"];
    let seed = 12345;
    const next = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % alphabet.length;
    const wrong: string[][] = [];
    for (let n = 0; n < 50_000; n++) {
      let name = "";
      const len = 1 + (n % 9);
      for (let k = 0; k < len; k++) name += alphabet[next()];
      const d = disagreement(name);
      if (d.length > 0) wrong.push(d.map(String));
    }
    expect(wrong).toEqual([]);
  });
});

describeWithLists("compactNormalizedName and compactNameHash on the real lists", () => {
  it("equal normalizeName without spaces, and its hash, for every name of every list", () => {
    let names = 0;
    for (const file of [LIST_3406, LIST_1317, LIST_2DIGIT]) {
      const r = importList(splitDelimited(fs.readFileSync(listPath(file), "utf8")), { fileName: file });
      if (!r.ok) throw new Error(file);
      for (const [, , name, kinerja, indikator] of r.data.entries) {
        for (const text of [name, kinerja ?? "", indikator ?? ""]) {
          names++;
          if (disagreement(text).length > 0) expect(disagreement(text)).toEqual([]);
        }
      }
    }
    expect(names).toBeGreaterThan(10_000);
  });
});
