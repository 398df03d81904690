/**
 * What an import refusal or note says in each language: catalogue messages naming the list's lines as the list
 * numbers them (never grouped: "baris 1207"), counts the language's way, English plurals.
 */
import { importList, splitDelimited } from "../../../src/domain/nomenclature/importList";
import { render, type Lang } from "../../../src/domain/messages";

const tsv = (rows: string[][]) => splitDelimited(rows.map((r) => r.join("\t")).join("\n"));
const head = ["kode", "nama"];

function problems(rows: string[][], lang: Lang, which: "errors" | "warnings" = "errors", opts = { fileName: "daftar_kepmendagri-1-2024.tsv" }): string[] {
  const r = importList(tsv(rows), opts);
  const list = which === "warnings" ? r.warnings : r.ok ? [] : r.errors;
  return list.map((p) => render(p.message, lang));
}

describe("importList's messages", () => {
  it("say the line of a duplicate code without grouping its number", () => {
    const subs = Array.from({ length: 1203 }, (_, i) => [`1.01.01.2.01.${String(i + 1).padStart(4, "0")}`, `SUB ${i + 1}`]);
    const rows = [head, ["1.01.01", "PROGRAM"], ["1.01.01.2.01", "KEGIATAN"], ...subs, ["1.01.01.2.01.0005", "LAGI"]];
    expect(problems(rows, "id")).toEqual(["baris 1207: kode 1.01.01.2.01.0005 sudah ada di baris 8."]);
    expect(problems(rows, "en")).toEqual(["line 1207: code 1.01.01.2.01.0005 already appears on line 8."]);
  });

  it("name the level and the shape a code lacks", () => {
    const rows = [["kode", "level", "nama"], ["1.01.02.2.01", "bidang", "SALAH"]];
    expect(problems(rows, "id")).toEqual(['baris 2: kode bidang urusan "1.01.02.2.01" tidak berbentuk U.BB.']);
    expect(problems(rows, "en")).toEqual(['line 2: bidang code "1.01.02.2.01" is not of the form U.BB.']);
  });

  it("count what is left over past twenty errors, with the English plural", () => {
    const bad = (n: number) => [head, ...Array.from({ length: n }, (_, i) => [`x${i}`, "X"])];
    expect(problems(bad(21), "id").at(-1)).toBe("… dan 1 galat lainnya.");
    expect(problems(bad(21), "en").at(-1)).toBe("… and 1 more error.");
    expect(problems(bad(25), "en").at(-1)).toBe("… and 5 more errors.");
  });

  it("note entries without a parent and inactive rows, each example naming its line in the reader's language", () => {
    const rows = [
      ["kode", "nama", "status"],
      ["1", "URUSAN", ""],
      ["1.01", "BIDANG", ""],
      ["1.01.01", "PROGRAM", ""],
      ["1.02.01", "YATIM", ""],
      ["1.01.01.2.01", "KEGIATAN", ""],
      ["1.01.01.2.01.0001", "LAMA", "nonaktif"],
    ];
    expect(problems(rows, "id", "warnings")).toEqual([
      "1 entri tanpa induk dalam daftar (mis. 1.02.01 (baris 5)); entri itu tetap dipakai.",
      "1 baris berstatus nonaktif dilewati.",
    ]);
    expect(problems(rows, "en", "warnings")).toEqual([
      "1 entry whose parent the list lacks (e.g. 1.02.01 (line 5)); it is kept.",
      "1 row marked nonaktif was left out.",
    ]);
  });

  it("ask for the regulation when the file name does not give it", () => {
    expect(problems([head, ["1.01.01", "PROGRAM"]], "en", "errors", { fileName: "daftar.tsv" })).toEqual([
      'The list\'s regulation is unknown: name it with --regulation "Kepmendagri 900.1.15.5-3406/2024".',
    ]);
  });
});
