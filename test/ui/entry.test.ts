/**
 * H1: the ribbon's first click with the pane never opened. The entry associates every command before
 * Office.onReady resolves; a click then opens the pane at once and runs as soon as the controller is ready.
 */
import { COMMAND_IDS, type CommandEvent } from "../../src/commands/commands";
import { PaneController } from "../../src/ui/controller";
import { defaultPlanners } from "../../src/ui/defaultPlanners";
import { domainEngine } from "../../src/ui/engine";
import { startEntry } from "../../src/ui/entry";
import { FakeWorkbook } from "../office/fakeExcel";
import { hostFor } from "../office/support";

function coldOffice() {
  const handlers = new Map<string, (e: CommandEvent) => unknown>();
  const log: string[] = [];
  let ready: (info: { host: unknown }) => void = () => undefined;
  const onReady = new Promise<{ host: unknown }>((r) => (ready = r));
  const office = {
    onReady: () => onReady,
    context: undefined as { host?: unknown } | undefined,
    actions: { associate: (name: string, fn: (e: CommandEvent) => unknown) => void handlers.set(name, fn) },
    addin: { showAsTaskpane: async () => void log.push("showAsTaskpane") },
  };
  return {
    office,
    handlers,
    log,
    /** Excel reports its host (a cold start takes seconds). */
    start: () => {
      office.context = { host: "Excel" };
      ready({ host: "Excel" });
    },
  };
}

describe("the pane's entry in the shared runtime", () => {
  it("associates every ribbon command before Office.onReady resolves, and a cold first click runs", async () => {
    const excel = coldOffice();
    const fake = new FakeWorkbook();
    fake.addSheet("Tabel 3.3", [["No", "Kode", "Program/Kegiatan/Sub Kegiatan"]]);
    let controller: PaneController | undefined;
    const started = startEntry({
      office: excel.office,
      startOfficePane: async (_theme, ready) => {
        excel.log.push("pane");
        controller = new PaneController(hostFor(fake), domainEngine, defaultPlanners);
        ready(controller);
      },
      startStandalone: async () => ({ unmount: () => undefined }),
    });
    // Synchronously, before anything awaited: Office can deliver the click that started the runtime.
    expect([...excel.handlers.keys()].sort()).toEqual([...COMMAND_IDS].sort());
    let completed = 0;
    const click = excel.handlers.get("validasi")?.({ completed: () => void completed++ });
    await Promise.resolve();
    // The pane opens first, so the user sees the work; the command waits for the controller.
    expect(excel.log).toEqual(["showAsTaskpane"]);
    expect(completed).toBe(0);
    excel.start();
    await click;
    await started;
    expect(completed).toBe(1);
    expect(excel.log).toEqual(["showAsTaskpane", "pane"]);
    expect(controller?.getState().view).toBe("findings");
    expect(controller?.getState().findings).toBeDefined();
  });
});
