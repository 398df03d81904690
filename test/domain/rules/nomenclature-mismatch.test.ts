import type { MappedRow } from "../../../src/domain/mapping/types";
import { createNomenclatureMismatchRule, rule } from "../../../src/domain/rules/nomenclature-mismatch";
import type { PlanRowSpec } from "../../support/planWorkbook";
import { planTable, planWorkbook } from "../../support/planWorkbook";
import { testRule } from "../../support/ruleTester";

const REG = "Kepmendagri 900.1.15.5-1317/2023";

/** A plan table whose rows carry the given catalogue matches (as mapping sets them). */
function withMatches(specs: Array<PlanRowSpec & { catalogue?: MappedRow["catalogue"]; kodeInferred?: boolean }>) {
  const t = planTable(specs);
  t.table.rows = t.table.rows.map((r, i) => ({ ...r, catalogue: specs[i].catalogue, kodeInferred: specs[i].kodeInferred ?? r.kodeInferred }));
  return planWorkbook(t);
}

const program: PlanRowSpec = { level: "program", uraian: "PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM" };
const programMatch = { kode: "7.01.04", name: "PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM", similarity: 1, regulation: REG };
const kegiatanName = "Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum";

testRule(rule, {
  valid: [
    { name: "names equal to the catalogue", workbook: withMatches([{ ...program, catalogue: programMatch }]) },
    {
      name: "case, punctuation and spacing differences are not slips",
      workbook: withMatches([
        program,
        { level: "kegiatan", uraian: "Administrasi Umum Perangkat Daerah" },
        {
          level: "subKegiatan",
          uraian: "Penyediaan Bahan Bacaandan Peraturan Perundang- undangan",
          catalogue: { kode: "7.01.01.2.06.0006", name: "Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan", similarity: 0.989, regulation: REG },
        },
      ]),
    },
    {
      name: "a doubtful best match (below the minimum similarity) is not a name slip",
      workbook: withMatches([{ ...program, uraian: "PROGRAM PELAYANAN ADMINISTRASI", catalogue: { ...programMatch, similarity: 0.55 } }]),
    },
    {
      name: "a written kode whose catalogue name matches",
      workbook: withMatches([{ ...program, kode: "7.01.04", uraian: "Program Koordinasi Ketentraman dan Ketertiban Umum" }]),
    },
    {
      name: "a kode of a bidang the catalogue does not cover (a dinas) is not reported",
      workbook: withMatches([{ ...program, kode: "1.02.02", uraian: "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN" }]),
    },
    {
      name: "an unknown sub kegiatan kode is not reported (the catalogue's sub kegiatan lists are incomplete)",
      workbook: withMatches([{ level: "subKegiatan", kode: "7.01.04.2.01.0009", uraian: "Sub kegiatan yang belum tercatat" }]),
    },
  ],
  invalid: [
    {
      name: "the seed's 'Keutentraman': best match and similarity named, catalogue name suggested",
      workbook: withMatches([
        { ...program, catalogue: programMatch },
        {
          level: "kegiatan",
          uraian: "Koordinasi upaya Penyelenggaraan Keutentraman dan Ketertiban Umum",
          kode: "7.01.04.2.01",
          kodeInferred: true,
          catalogue: { kode: "7.01.04.2.01", name: kegiatanName, similarity: 0.946, regulation: REG },
        },
      ]),
      findings: [
        {
          cell: "B6", row: 6, role: "uraian", severity: "warning", expected: kegiatanName,
          suggestion: { value: kegiatanName, reason: `nomenklatur 7.01.04.2.01 (${REG})` },
          message: { id: `"Koordinasi upaya Penyelenggaraan Keutentraman dan Ketertiban Umum" mirip 94% dengan '${kegiatanName}' (7.01.04.2.01, ${REG}); gunakan nama sesuai nomenklatur.` },
        },
      ],
    },
    {
      name: "a written kode compared with that kode's name, not with the best match",
      workbook: withMatches([
        {
          level: "kegiatan",
          kode: "7.01.04.2.02",
          uraian: kegiatanName,
          catalogue: { kode: "7.01.04.2.01", name: kegiatanName, similarity: 1, regulation: REG },
        },
      ]),
      findings: [
        {
          cell: "B5",
          expected: "Koordinasi Penerapan dan Penegakan Peraturan Daerah dan Peraturan Kepala Daerah",
          message: { en: expect.stringMatching(/differs from the nomenclature of kode 7\.01\.04\.2\.02: .* better: check the kode\.$/) },
        },
      ],
    },
    {
      name: "a program kode missing from the catalogue of its bidang, pointed at the kode cell",
      workbook: withMatches([{ ...program, kode: "7.01.09", catalogue: programMatch }]),
      findings: [{ cell: "A5", role: "kode", actual: "7.01.09", message: { id: "Kode program 7.01.09 tidak ada dalam nomenklatur bidang 7.01. Nama paling mirip 'PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM' (7.01.04)." } }],
    },
  ],
});

testRule(createNomenclatureMismatchRule({ minSimilarity: 0.5 }), {
  valid: [],
  invalid: [
    {
      name: "a lower minimum similarity reports weaker matches",
      workbook: withMatches([{ ...program, uraian: "PROGRAM KOORDINASI KETERTIBAN", catalogue: { ...programMatch, similarity: 0.55 } }]),
      findings: [{ cell: "B5", message: { en: expect.stringContaining("55% similar") } }],
    },
  ],
});
