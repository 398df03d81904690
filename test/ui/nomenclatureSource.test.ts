/** The pane's "Muat daftar lain…": a file that is no list is refused in both languages, naming the file and why. */
import { loadCatalogueFile } from "../../src/ui/nomenclatureSource";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("loadCatalogueFile", () => {
  it("refuses a JSON file that is not a Renja Cermat list", async () => {
    expect(await loadCatalogueFile("lain.json", bytes('{"format":"other"}'))).toEqual({
      ok: false,
      message: { id: "lain.json bukan daftar nomenklatur Renja Cermat.", en: "lain.json is not a Renja Cermat nomenclature list." },
    });
  });

  it("refuses a list with its first three problems in one sentence run", async () => {
    const list = ["kode\tnama", ...Array.from({ length: 4 }, (_, i) => `bad${i}\tX`)].join("\n");
    expect(await loadCatalogueFile("daftar_kepmendagri-1-2024.tsv", bytes(list))).toEqual({
      ok: false,
      message: {
        id: 'Daftar daftar_kepmendagri-1-2024.tsv ditolak: baris 2: kode "bad0" bukan bentuk kode nomenklatur. baris 3: kode "bad1" bukan bentuk kode nomenklatur. baris 4: kode "bad2" bukan bentuk kode nomenklatur.',
        en: 'The list daftar_kepmendagri-1-2024.tsv was refused: line 2: "bad0" is not a nomenclature code. line 3: "bad1" is not a nomenclature code. line 4: "bad2" is not a nomenclature code.',
      },
    });
  });
});
