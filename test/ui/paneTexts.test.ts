/**
 * The pane's texts the CLI never prints, pinned in both languages: the nomenclature bar (CatalogueBar), the
 * standalone page's notice for a file it could not open, and the no-table explanation the Validasi view lists.
 * Indonesian must stay as it was before these texts moved into the catalogue.
 */
import { BUILTIN_CATALOGUE } from "../../src/domain/nomenclature";
import { Catalogue } from "../../src/domain/nomenclature/catalogue";
import { explainNoTable, noTableMessage } from "../../src/domain/mapping/recognition";
import { render, renderAll } from "../../src/domain/messages";
import { snapshotFromGrid } from "../../src/domain/sheet/snapshot";
import { catalogueInUse, catalogueLoaded } from "../../src/ui/components/CatalogueBar";
import { rejectedFile } from "../../src/ui/standalone/StandalonePage";

describe("the nomenclature bar", () => {
  it("names the list in use and where it came from", () => {
    expect(renderAll(catalogueInUse(BUILTIN_CATALOGUE))).toEqual({
      id: `Nomenklatur: ${BUILTIN_CATALOGUE.label} (bawaan, hanya bidang 7.01)`,
      en: `Nomenclature: ${BUILTIN_CATALOGUE.label} (built in, bidang 7.01 only)`,
    });
    const loaded = new Catalogue({ format: "renja-nomenklatur", version: 1, name: "uji", regulation: "Kepmendagri 900.1.15.5-1317/2023", year: 2024, entries: [] }, "browser");
    expect(renderAll(catalogueInUse(loaded))).toEqual({
      id: "Nomenklatur: Kepmendagri 900.1.15.5-1317/2023, 2024 (dimuat di peramban)",
      en: "Nomenclature: Kepmendagri 900.1.15.5-1317/2023, 2024 (loaded in this browser)",
    });
  });

  it("says how many sub kegiatan a loaded list holds, as a plain number", () => {
    const n = BUILTIN_CATALOGUE.entries.filter((e) => e.level === "subKegiatan").length;
    expect(renderAll(catalogueLoaded(BUILTIN_CATALOGUE))).toEqual({
      id: `Nomenklatur dimuat: ${BUILTIN_CATALOGUE.label} (${n} sub kegiatan).`,
      en: `Nomenclature loaded: ${BUILTIN_CATALOGUE.label} (${n} sub kegiatan).`,
    });
  });
});

describe("the standalone page", () => {
  it("puts the file's name before the reader's reason", () => {
    const why = { id: "berkas ini terenkripsi.", en: "this file is encrypted." };
    expect(rejectedFile("rencana.xlsx", why)).toEqual({
      id: "Berkas rencana.xlsx tidak dapat dibuka: berkas ini terenkripsi.",
      en: "The file rencana.xlsx could not be opened: this file is encrypted.",
    });
  });
});

describe("the no-table explanation", () => {
  it("counts the sheets looked at, with the English plural, and lists each", () => {
    const one = explainNoTable([snapshotFromGrid("Kosong", [])]);
    expect(renderAll(noTableMessage(one))).toEqual({
      id: 'Tidak ada tabel Renja yang dikenali (1 lembar diperiksa).\n- Lembar "Kosong": kosong.',
      en: 'No Renja table was recognised (1 sheet looked at).\n- Sheet "Kosong": empty.',
    });
    const two = explainNoTable([snapshotFromGrid("Kosong", []), snapshotFromGrid("Teks", [["BAB I"], ["PENDAHULUAN"]])]);
    expect(render(noTableMessage(two), "en")).toBe(
      'No Renja table was recognised (2 sheets looked at).\n- Sheet "Kosong": empty.\n- Sheet "Teks": no row reads as table headers (at least three column headings such as No, Program/Kegiatan, Indikator, Target, Pagu).',
    );
    expect(render(noTableMessage([]), "id")).toBe("Tidak ada tabel Renja yang dikenali (0 lembar diperiksa).");
  });
});
