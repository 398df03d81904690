/**
 * Which client the Office tests run through: the recording fake's own proxies, or Microsoft's Office.js client
 * over the fake (officeJs.ts). test/office/officejs/*.test.ts switch to the latter and import the same tests.
 */
export type ClientMode = "fake" | "office-js";

let mode: ClientMode = "fake";

export function clientMode(): ClientMode {
  return mode;
}

export function setClientMode(m: ClientMode): void {
  mode = m;
}
