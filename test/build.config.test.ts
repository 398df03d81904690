/**
 * The webpack configuration's choices that need no build to check: http or https for the dev server, where the
 * bundle goes, how ExcelJS reaches the browser, and refusing a production address Office would not load.
 */
import * as fs from "fs";
import os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Configuration } from "webpack";

type DevServer = { server: string | { type: string; options: Record<string, Buffer> }; port: number; host: string };
type Config = Configuration & { devServer: DevServer };
type Factory = (env: Record<string, unknown>, argv: { mode: string }) => Config;

const ROOT = path.join(__dirname, "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the config is CommonJS JavaScript by design
const makeConfig = require(path.join(ROOT, "webpack.config.js")) as Factory;

const savedBase = process.env.ADDIN_BASE_URL;
let home = "";

beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), "renja-home-"));
  // The config looks for certificates where office-addin-dev-certs puts them: under os.homedir().
  jest.spyOn(os, "homedir").mockReturnValue(home);
  delete process.env.ADDIN_BASE_URL;
});

afterEach(() => {
  jest.restoreAllMocks();
  if (savedBase === undefined) delete process.env.ADDIN_BASE_URL;
  else process.env.ADDIN_BASE_URL = savedBase;
  fs.rmSync(home, { recursive: true, force: true });
});

function installFakeCertificates(): void {
  const dir = path.join(home, ".office-addin-dev-certs");
  fs.mkdirSync(dir);
  for (const f of ["ca.crt", "localhost.crt", "localhost.key"]) fs.writeFileSync(path.join(dir, f), `fake ${f}`);
}

describe("dev server", () => {
  it("serves plain http on localhost:3000 when no certificates are installed", () => {
    const { devServer } = makeConfig({}, { mode: "development" });
    expect(devServer.server).toBe("http");
    expect([devServer.host, devServer.port]).toEqual(["localhost", 3000]);
  });

  it("serves https with office-addin-dev-certs' certificates when they are there", () => {
    installFakeCertificates();
    const server = makeConfig({}, { mode: "development" }).devServer.server;
    expect(typeof server === "object" && server.type).toBe("https");
    expect(typeof server === "object" && server.options.key.toString()).toBe("fake localhost.key");
  });

  it("stays on http when asked (npm start's standalone page), certificates or not", () => {
    installFakeCertificates();
    expect(makeConfig({ http: true }, { mode: "development" }).devServer.server).toBe("http");
  });

  it("does not create certificates (that needs an administrator)", () => {
    makeConfig({}, { mode: "development" });
    expect(fs.existsSync(path.join(home, ".office-addin-dev-certs"))).toBe(false);
  });
});

describe("bundle", () => {
  it("goes to dist/addin, apart from the CLI that npm install compiles into dist/src", () => {
    const config = makeConfig({}, { mode: "production" });
    expect(config.output?.path).toBe(path.join(ROOT, "dist", "addin"));
    expect(config.entry).toEqual({ taskpane: "./src/ui/index.tsx" });
  });

  it("gives ExcelJS and the host's deep ExcelJS imports the browser build", () => {
    const alias = (makeConfig({}, { mode: "production" }).resolve?.alias ?? {}) as Record<string, string>;
    expect(alias["exceljs$"]).toMatch(/exceljs[\\/]dist[\\/]exceljs\.min\.js$/);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading the shims as webpack would
    const Workbook = require(alias["exceljs/lib/doc/workbook$"]) as new () => { addWorksheet(name: string): unknown };
    expect(typeof new Workbook().addWorksheet).toBe("function");
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading the shims as webpack would
    const enums = require(alias["exceljs/lib/doc/enums$"]) as { ValueType: Record<string, number> };
    // The same numbers the Node host reads through exceljs/lib/doc/enums.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(enums.ValueType).toEqual((require("exceljs/lib/doc/enums") as { ValueType: Record<string, number> }).ValueType);
  });

  it("bundles an official list given as .xlsx (--env catalogue=FILE), read by the same reader as renja catalogue import", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Lampiran");
    ws.addRow(["KODE", "NOMENKLATUR URUSAN KABUPATEN/KOTA"]);
    ws.addRow(["7", "UNSUR KEWILAYAHAN"]);
    ws.addRow(["7.01", "KECAMATAN"]);
    ws.addRow(["7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK"]);
    ws.addRow(["7.01.02.2.04", "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat"]);
    ws.addRow(["7.01.02.2.04.0001", "Penyelenggaraan Urusan Pemerintahan yang Dilimpahkan kepada Camat"]);
    const file = path.join(home, "lampiran_kepmendagri-900.1.15.5-3406-2024.xlsx");
    fs.writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
    const config = makeConfig({ catalogue: file }, { mode: "development" });
    const emitted = (config.plugins ?? []).find((p) => (p as { name?: unknown }).name === "nomenklatur.json") as { content: string } | undefined;
    expect(emitted).toBeDefined();
    const data = JSON.parse(emitted?.content ?? "{}") as { format: string; regulation: string; entries: [kode: string, level: string, name: string][] };
    expect(data.format).toBe("renja-nomenklatur");
    expect(data.regulation).toBe("Kepmendagri 900.1.15.5-3406/2024");
    expect(data.entries.filter(([, level]) => level === "subKegiatan").map(([kode]) => kode)).toEqual(["7.01.02.2.04.0001"]);
  });

  it("refuses a bundled list that does not import, naming the problem", () => {
    const file = path.join(home, "kepmendagri-900.1.15.5-3406-2024_rusak.csv");
    fs.writeFileSync(file, "kode;nama\n7.01.2;SALAH");
    expect(() => makeConfig({ catalogue: file }, { mode: "development" })).toThrow(/line 2/);
  });

  it("refuses a production address that is not https", () => {
    process.env.ADDIN_BASE_URL = "http://server-kantor.go.id/renja/";
    expect(() => makeConfig({}, { mode: "production" })).toThrow(/https/);
  });
});
