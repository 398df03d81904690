/**
 * A real SIPD-RI export opened as if it were a plan (a verifier checking the export itself): its sheet "SUMBER DANA
 * PER SUBKEGIATAN" lists every sub kegiatan once per unit and sumber dana, without program or kegiatan rows. Those
 * repeats are how the export is made: duplicate-row stays quiet (it reported 1,409 of them), and so does every
 * sum, number and year rule.
 */
import { mapWorkbook } from "../../../src/domain/mapping/mapWorkbook";
import { validate } from "../../../src/domain/validate";
import { SIPD_FILES, sipdDataMissing, sipdSnapshots } from "../../support/sipdData";

const missing = sipdDataMissing();
if (missing) console.log(`SKIPPED SIPD export as a plan: ${missing}.`);
const describeData = missing ? describe.skip : describe;

describeData("a SIPD export checked as a plan", () => {
  it("PAGU-OPD-APBD-MURNI-2024.xlsx: a flat list of 2,252 sub kegiatan rows, no duplicate-row, no sum or number finding", async () => {
    const mapped = mapWorkbook(await sipdSnapshots(SIPD_FILES.sumberDana));
    expect(mapped.tables.map((t) => [t.sheet, t.kind, t.rows.length])).toEqual([["SUMBER DANA PER SUBKEGIATAN", "tabel-7", 2252]]);
    const rows = mapped.tables[0].rows.filter((r) => r.level === "subKegiatan");
    // the same kode on several rows: one per unit (Dinas Kesehatan, Puskesmas Namlea, …) and sumber dana
    expect(new Set(rows.map((r) => r.kode)).size).toBeLessThan(rows.length);
    expect(rows.every((r) => r.parentRow === undefined)).toBe(true);
    const byRule = new Map<string, number>();
    for (const f of validate(mapped)) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    expect(byRule.get("duplicate-row")).toBeUndefined();
    for (const rule of ["rollup-mismatch", "total-mismatch", "malformed-number", "suspect-scale", "year-mismatch"]) expect([rule, byRule.get(rule)]).toEqual([rule, undefined]);
  });
});
