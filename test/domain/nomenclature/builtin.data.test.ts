/**
 * The built-in list (bidang 7.01, the default with no setup) against the official lists it stands for: every entry
 * is in Kepmendagri 900.1.15.5-1317/2023, in 3406/2024 and, for sub kegiatan, in SIPD-RI 2024's reference, under
 * the same kode (the support program as X.XX.01) and with the same name (compared as the matcher compares names,
 * without spaces: the 3406/2024 extract lost some). Two sub kegiatan names had been written from memory
 * ("… Pelayanan Perizinan" for "… Pelayanan Perizinan Non Usaha"); the real SIPD 2024 export then got 7
 * nomenclature-mismatch warnings for names that are exactly the regulation's.
 */
import { BUILTIN_CATALOGUE, levelOfKode } from "../../../src/domain/nomenclature";
import { compactNormalizedName } from "../../../src/domain/nomenclature/normalize";
import { mapWorkbook } from "../../../src/domain/mapping/mapWorkbook";
import { validate } from "../../../src/domain/validate";
import { LIST_1317, LIST_3406, LIST_SIPD_2024, describeWithLists, loadList } from "../../support/nomenclatureData";
import { SIPD_FILES, sipdDataMissing, sipdSnapshots } from "../../support/sipdData";

/** The kode as the official lists write it: the support program 7.01.01… is their X.XX.01…. */
function listedKode(kode: string): string {
  return kode.startsWith("7.01.01") ? `X.XX.01${kode.slice("7.01.01".length)}` : kode;
}

describeWithLists("the built-in 7.01 list against the official lists", () => {
  const lists = () => [
    { label: "1317/2023", catalogue: loadList(LIST_1317), levels: ["program", "kegiatan", "subKegiatan"] },
    { label: "3406/2024", catalogue: loadList(LIST_3406), levels: ["program", "kegiatan", "subKegiatan"] },
    { label: "SIPD-RI 2024", catalogue: loadList(LIST_SIPD_2024, { regulation: "Kepmendagri 900.1.15.5-1317/2023" }), levels: ["subKegiatan"] },
  ];

  it("holds 81 entries, each in every list under its kode, at its level, with the list's name", () => {
    const entries = BUILTIN_CATALOGUE.entries;
    expect(entries).toHaveLength(81);
    const disagreements: string[] = [];
    for (const { label, catalogue, levels } of lists()) {
      for (const e of entries) {
        if (!levels.includes(e.level)) continue;
        const official = catalogue.entryByKode(listedKode(e.kode));
        if (!official) disagreements.push(`${label}: ${e.kode} absent`);
        else if (official.level !== e.level || levelOfKode(e.kode) !== e.level) disagreements.push(`${label}: ${e.kode} is a ${official.level}`);
        else if (compactNormalizedName(official.name) !== compactNormalizedName(e.name)) disagreements.push(`${label}: ${e.kode} "${e.name}" ≠ "${official.name}"`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});

const sipdMissing = sipdDataMissing();
if (sipdMissing) console.log(`SKIPPED built-in list on the SIPD export: ${sipdMissing}.`);

(sipdMissing ? describe.skip : describe)("the built-in list on the real SIPD 2024 export", () => {
  it("PAGU-OPD-APBD-MURNI-2024.xlsx: no nomenclature-mismatch warning on the kecamatan's sub kegiatan, whose names are the regulation's", async () => {
    const findings = validate(mapWorkbook(await sipdSnapshots(SIPD_FILES.sumberDana)));
    const warnings = findings.filter((f) => f.rule === "nomenclature-mismatch" && f.severity !== "info");
    expect(warnings.map((f) => f.cell)).toEqual([]);
  });
});
