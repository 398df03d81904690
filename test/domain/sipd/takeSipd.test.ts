/**
 * Done-when 2 of issue 13: a Renja workbook built from Kecamatan Namlea of the real rekap export with three
 * injected changes gets exactly those three sipd-mismatch findings; taking SIPD's values (through the writable
 * .xlsx host's apply, undoable) and recomputing makes it agree.
 */
import { mapWorkbook } from "../../../src/domain/mapping/mapWorkbook";
import { planRollup } from "../../../src/domain/rollup";
import { isReadFailure, planTakeSipd, readSipdExport } from "../../../src/domain/sipd";
import type { SipdExport } from "../../../src/domain/sipd";
import { validate } from "../../../src/domain/validate";
import { openWritableXlsxHost } from "../../../src/xlsx";
import type { WritableXlsxHost } from "../../../src/xlsx";
import { buildSipdFixture, FIXTURE_SHEET } from "../../support/sipdFixture";
import type { SipdFixture } from "../../support/sipdFixture";
import { SIPD_FILES, sipdDataMissing, sipdSnapshots } from "../../support/sipdData";
import { render } from "../../../src/domain/messages";

const missing = sipdDataMissing();
if (missing) console.log(`SKIPPED SIPD fixture tests: ${missing}.`);
const describeData = missing ? describe.skip : describe;

async function check(host: WritableXlsxHost, exp: SipdExport) {
  const workbook = mapWorkbook(await host.readAllSnapshots({ styles: true }));
  return { workbook, findings: validate(workbook, { sipd: { export: exp } }) };
}

describeData("take SIPD's value on a workbook built from Kecamatan Namlea", () => {
  let exp: SipdExport;
  let fixture: SipdFixture;
  beforeAll(async () => {
    const snapshots = await sipdSnapshots(SIPD_FILES.rekap);
    const read = readSipdExport(snapshots, SIPD_FILES.rekap);
    if (isReadFailure(read)) throw new Error(render(read.error, "en"));
    exp = read;
    fixture = await buildSipdFixture(snapshots[0]);
  }, 60_000);

  it("finds exactly the three injected changes, then agrees after take-SIPD and recompute; undo restores", async () => {
    const host = await openWritableXlsxHost(fixture.bytes, "renja-namlea.xlsx");
    const { workbook, findings } = await check(host, exp);
    expect(workbook.tables.map((t) => [t.sheet, t.kind])).toEqual([[FIXTURE_SHEET, "tabel-7"]]);
    expect(workbook.tables[0].rows.filter((r) => r.level === "subKegiatan")).toHaveLength(fixture.subKegiatan);
    // the workbook's own sums hold
    expect(findings.filter((f) => f.rule === "rollup-mismatch" || f.rule === "total-mismatch")).toEqual([]);
    const sipd = findings.filter((f) => f.rule === "sipd-mismatch");
    expect(sipd.map((f) => [f.cell, f.severity, f.role, f.expected, f.suggestion?.value])).toEqual(
      [
        [fixture.injected.pagu, "error", "paguN", fixture.sipdGaji, fixture.sipdGaji],
        [fixture.injected.extraRow, "error", "uraian", "0", ""],
        [fixture.injected.sumberDana, "warning", "sumberDana", "Dana Transfer Umum-Dana Alokasi Umum", "Dana Transfer Umum-Dana Alokasi Umum"],
      ].sort((a, b) => Number(String(a[0]).slice(1)) - Number(String(b[0]).slice(1))),
    );
    expect(sipd.find((f) => f.cell === fixture.injected.pagu)?.related?.[0]).toMatch(/^'\[rekap\.xlsx\]Sheet 1'!U\d+$/);

    // the user leaves the sumber dana as it is: that cell is not written
    const keepSource = { [`'${FIXTURE_SHEET}'!${fixture.injected.sumberDana}`]: "PAD" };
    const partial = planTakeSipd(workbook, findings, keepSource);
    expect(partial.plan.cells.some((c) => c.cell === fixture.injected.sumberDana)).toBe(false);
    expect(partial.options[`'${FIXTURE_SHEET}'!${fixture.injected.sumberDana}`]).toEqual(["Dana Transfer Umum-Dana Alokasi Umum", "PAD"]);

    const take = planTakeSipd(workbook, findings);
    expect(take.skipped).toEqual([]);
    const extraRow = Number(fixture.injected.extraRow.slice(1));
    // the pagu, the sumber dana, and every cell of the extra row (kode … sumber dana) emptied
    expect(new Set(take.plan.cells.map((c) => c.cell))).toEqual(
      new Set([fixture.injected.pagu, fixture.injected.sumberDana, ...["A", "B", "C", "D", "E", "F", "G"].map((c) => `${c}${extraRow}`)]),
    );
    expect(take.plan.cells.filter((c) => c.row === extraRow).every((c) => c.after.value === null)).toBe(true);
    const before = fixture.bytes;
    const record = await host.apply(take.plan);

    // parents now differ from their sub kegiatan: recompute sums them again
    const afterTake = await check(host, exp);
    expect(afterTake.findings.filter((f) => f.rule === "sipd-mismatch")).toEqual([]);
    expect(afterTake.findings.some((f) => f.rule === "rollup-mismatch")).toBe(true);
    // the parents' stated amounts stand against their new sub kegiatan: recompute holds them as decisions, which
    // the user takes here (as ticking them in the pane, or --accept all)
    const rollup = planRollup(afterTake.workbook, { mode: "formulas", accept: "all" });
    await host.apply(rollup.plan);
    const agreed = await check(host, exp);
    expect(agreed.findings.filter((f) => ["sipd-mismatch", "rollup-mismatch", "total-mismatch"].includes(f.rule))).toEqual([]);
    const totalRow = agreed.workbook.tables[0].totalRow ?? 0;
    const totalCell = (await host.readAllSnapshots())[0].rows.get(totalRow)?.get(6);
    expect(totalCell?.value).toBe(exp.units.find((u) => u.name === "Kecamatan Namlea")?.paguN.toNumber());

    // undo of the take-SIPD write puts the cells back exactly (the rollup is undone first)
    const host2 = await openWritableXlsxHost(before, "renja-namlea.xlsx");
    const record2 = await host2.apply(take.plan);
    await host2.undo(record2);
    const again = await check(host2, exp);
    expect(again.findings.filter((f) => f.rule === "sipd-mismatch").map((f) => f.cell)).toEqual(sipd.map((f) => f.cell));
    expect(record.cells).toHaveLength(take.plan.cells.length);
  }, 60_000);
});
