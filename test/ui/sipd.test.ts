/**
 * "Bandingkan dengan SIPD" in the pane's controller, without React: the Kecamatan Namlea fixture in the
 * standalone page's BrowserWorkbook, the real rekap export picked as bytes, "Ambil nilai SIPD" previewed with a
 * per-cell choice, applied and undone.
 */
import { PaneController } from "../../src/ui/controller";
import { defaultPlanners } from "../../src/ui/defaultPlanners";
import { domainEngine } from "../../src/ui/engine";
import { BrowserWorkbook } from "../../src/ui/standalone/browserWorkbook";
import { buildSipdFixture, FIXTURE_SHEET } from "../support/sipdFixture";
import type { SipdFixture } from "../support/sipdFixture";
import { SIPD_FILES, sipdBytes, sipdDataMissing, sipdSnapshots } from "../support/sipdData";

const missing = sipdDataMissing();
if (missing) console.log(`SKIPPED pane SIPD tests: ${missing}.`);
const describeData = missing ? describe.skip : describe;

describeData("PaneController: Bandingkan dengan SIPD", () => {
  let fixture: SipdFixture;
  beforeAll(async () => {
    fixture = await buildSipdFixture((await sipdSnapshots(SIPD_FILES.rekap))[0]);
  }, 60_000);

  it("compares, takes SIPD's values for the chosen cells, and undoes", async () => {
    const workbook = await BrowserWorkbook.open(fixture.bytes, "renja-namlea.xlsx");
    const controller = new PaneController(workbook, domainEngine, defaultPlanners);
    expect(await controller.compareWithSipd(sipdBytes(SIPD_FILES.rekap), "rekap.xlsx")).toBe(true);
    let state = controller.getState();
    expect(state.sipd?.unit).toEqual({ name: "Kecamatan Namlea", kode: "7.01.0.00.0.00.01.0000" });
    expect(state.sipd?.tables).toEqual([{ sheet: FIXTURE_SHEET, matched: 11, rows: 12, planTotal: fixture.total, sipdTotal: "2043702355" }]);
    expect(state.sipd?.differences).toBe(3);
    expect(state.findings?.filter((f) => f.rule === "sipd-mismatch").map((f) => f.cell)).toEqual([fixture.injected.pagu, fixture.injected.extraRow, fixture.injected.sumberDana]);

    expect(await controller.preview("takeSipd")).toBe(true);
    const sourceRef = `'${FIXTURE_SHEET}'!${fixture.injected.sumberDana}`;
    let preview = controller.getState().preview;
    expect(preview && "plan" in preview && preview.options[sourceRef]).toEqual(["Dana Transfer Umum-Dana Alokasi Umum", "PAD"]);
    // keep the sumber dana as typed: the plan no longer writes that cell
    controller.chooseValue(sourceRef, "PAD");
    preview = controller.getState().preview;
    expect(preview && "plan" in preview && preview.plan.cells.some((c) => c.cell === fixture.injected.sumberDana)).toBe(false);
    expect(await controller.applyPreview()).toBe(true);
    state = controller.getState();
    expect(state.findings?.filter((f) => f.rule === "sipd-mismatch").map((f) => f.cell)).toEqual([fixture.injected.sumberDana]);
    expect(state.sipd?.differences).toBe(1);
    expect(workbook.changed).toBe(true);

    expect(await controller.undoLast()).toBe(true);
    expect(controller.getState().sipd?.differences).toBe(3);
  }, 60_000);

  it("compares with the unit the user picks instead, and refuses a file that is no SIPD export", async () => {
    const workbook = await BrowserWorkbook.open(fixture.bytes, "renja-namlea.xlsx");
    const controller = new PaneController(workbook, domainEngine, defaultPlanners);
    await controller.compareWithSipd(sipdBytes(SIPD_FILES.rekap), "rekap.xlsx");
    controller.chooseSipdUnit("7.01.0.00.0.00.02.0000");
    const state = controller.getState();
    expect(state.sipd?.unit?.name).toBe("Kecamatan Air Buaya");
    expect(state.sipd?.differences).toBeGreaterThan(3);
    const refused = await controller.compareWithSipd(fixture.bytes, "renja-namlea.xlsx");
    expect(refused).toBe(true);
    expect(controller.getState().notice?.message.en).toMatch(/^renja-namlea.xlsx is not a recognised SIPD export/);
  }, 60_000);
});
