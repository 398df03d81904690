/**
 * Issue 9: a plan whose targets keep their unit in a Satuan column of its own ("Target" 95,5 | "Satuan" %)
 * gives a generated Tabel 3.3 whose targets carry the unit: "95,5 %", "1 dokumen", "12 laporan", in the plan
 * and on the page LibreOffice prints (scripts/render-table.ts → PDF → text).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { hasLibreOffice, renderSheet } from "../../scripts/render-table";
import { addSheetToXlsx } from "../../src/xlsx/patch/addSheet";
import { fixtureBytes, tabel33Plan } from "../xlsx/generateSheet";

const NAME = "Tabel 3.3 (Renja Cermat)";
/** Generated rows 8… follow the source's plan rows 7, 8, 9, 10, 11, 12, 13, 14. */
const TARGETS_N = ["95,5 %", "1 dokumen", "1 dokumen", "12 laporan", "24 orang", "100 %", "5 urusan", "4 laporan"];
const TARGETS_N1 = ["96 %", "1 dokumen", "1 dokumen", "12 laporan", "24 laporan", "100 %", "5 urusan", "4 laporan"];

describe("the generated Tabel 3.3 from a table with Satuan columns", () => {
  it("writes each target with its unit (official order: columns 5 and 9)", async () => {
    const plan = await tabel33Plan(fixtureBytes("layout_satuan"));
    const at = (row: number, col: number) => plan.cells.find((c) => c.row === row && c.col === col)?.value;
    expect(TARGETS_N.map((_, i) => at(8 + i, 5))).toEqual(TARGETS_N);
    expect(TARGETS_N1.map((_, i) => at(8 + i, 9))).toEqual(TARGETS_N1);
  });
});

const canRender = hasLibreOffice();
if (!canRender) console.warn("SKIPPED: rendering needs 'soffice', 'pdftotext' and 'pdftoppm' (apt-get install -y libreoffice-calc-nogui poppler-utils).");
const describeRendered = canRender ? describe : describe.skip;

describeRendered("LibreOffice printing that Tabel 3.3", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "render-satuan-"));
  let text = "";

  beforeAll(async () => {
    const input = fixtureBytes("layout_satuan");
    const file = path.join(dir, "generated.xlsx");
    fs.writeFileSync(file, addSheetToXlsx(input, await tabel33Plan(input)).bytes);
    const { pdf } = renderSheet(file, NAME, path.join(dir, "out"));
    text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout;
  }, 240000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("shows the targets with their units, never the bare numbers", () => {
    for (const t of ["95,5 %", "96 %", "1 dokumen", "12 laporan", "5 urusan"]) expect(text).toContain(t);
    expect(text).not.toMatch(/\b95\.5\b/);
  });
});
