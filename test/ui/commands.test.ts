/** Ribbon commands: registered under the manifest's function names, each completing and opening the pane. */
import fs from "fs";
import path from "path";
import { COMMAND_IDS, registerCommands } from "../../src/commands/commands";
import type { CommandEvent, CommandsOffice } from "../../src/commands/commands";
import { PaneController } from "../../src/ui/controller";
import type { PaneHost } from "../../src/ui/controller";
import { domainEngine } from "../../src/ui/engine";

function fakeOffice() {
  const handlers = new Map<string, (e: CommandEvent) => unknown>();
  let shown = 0;
  const office: CommandsOffice = {
    actions: { associate: (name, fn) => void handlers.set(name, fn) },
    addin: { showAsTaskpane: async () => void shown++ },
  };
  return { office, handlers, shown: () => shown };
}

async function click(handler: ((e: CommandEvent) => unknown) | undefined): Promise<number> {
  let completed = 0;
  await handler?.({ completed: () => void completed++ });
  return completed;
}

const host: PaneHost = { listSheets: async () => [], readSnapshot: async () => Promise.reject(new Error("none")), loadMapping: async () => undefined, saveMapping: async () => undefined };

describe("ribbon commands", () => {
  it("every ExecuteFunction the manifest names has a handler", () => {
    const manifest = fs.readFileSync(path.join(__dirname, "..", "..", "manifest.xml"), "utf8");
    const named = [...manifest.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]);
    expect([...named].sort()).toEqual([...COMMAND_IDS].sort());
  });

  it("Validasi validates on the shared controller, completes the event and opens the pane on the findings", async () => {
    const { office, handlers, shown } = fakeOffice();
    const controller = new PaneController(host, domainEngine, {});
    registerCommands(controller, office);
    expect([...handlers.keys()].sort()).toEqual([...COMMAND_IDS].sort());
    expect(await click(handlers.get("validasi"))).toBe(1);
    expect(controller.getState().findings).toEqual([]);
    expect(controller.getState().view).toBe("findings");
    expect(shown()).toBe(1);
  });

  it("a command whose work fails still completes (Office would show the button busy forever otherwise)", async () => {
    const { office, handlers } = fakeOffice();
    const failing: PaneHost = { ...host, listSheets: async () => Promise.reject(new Error("boom")) };
    const controller = new PaneController(failing, domainEngine, {});
    registerCommands(controller, office);
    expect(await click(handlers.get("hitungUlang"))).toBe(1);
    expect(await click(handlers.get("validasi"))).toBe(1);
    expect(controller.getState().notice?.intent).toBe("error");
  });

  it("without Office.actions (an old Office) nothing is registered and nothing throws", () => {
    const controller = new PaneController(host, domainEngine, {});
    expect(() => registerCommands(controller, undefined)).not.toThrow();
  });
});
