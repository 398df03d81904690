/**
 * Stable finding IDs (issue 12): a unit's resubmission with two rows inserted above a slip and a sheet renamed
 * keeps every ID of the notes that are still there; the IDs depend on what a finding is about, not on its row.
 */
import * as fs from "fs";
import * as path from "path";
import { newExcelWorkbook } from "../../src/xlsx/excelWorkbook";
import type { Finding } from "../../src/domain/findings";
import { findingKeyer } from "../../src/domain/findingIds";
import { mapWorkbook } from "../../src/domain/mapping/mapWorkbook";
import { validate } from "../../src/domain/validate";
import { openXlsxHost } from "../../src/xlsx";
import { FIXTURE_FILES, GENERATED_DIR } from "../fixtures/build-fixtures";

const noSidecar = { sidecarName: "x.renja.json", readSidecar: async () => undefined, writeSidecar: async () => undefined };

async function check(bytes: Uint8Array): Promise<{ findings: Finding[]; keyOf: (f: Finding) => string }> {
  const host = await openXlsxHost(bytes, "x.xlsx", noSidecar);
  const workbook = mapWorkbook(await host.readAllSnapshots({ styles: true }));
  return { findings: validate(workbook), keyOf: findingKeyer(workbook) };
}

/** The seed workbook with two rows inserted above `row` of "Tabel 3.3", which is then renamed "Bab III". */
async function resubmitted(bytes: Uint8Array, row: number): Promise<Uint8Array> {
  const wb = newExcelWorkbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  const ws = wb.getWorksheet("Tabel 3.3");
  if (!ws) throw new Error("no Tabel 3.3");
  ws.spliceRows(row, 0, [], []);
  ws.name = "Bab III";
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("stable finding IDs", () => {
  let before: Finding[];
  let after: Finding[];
  beforeAll(async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(GENERATED_DIR, FIXTURE_FILES.seedAsPasted)));
    before = (await check(bytes)).findings;
    // F28 holds the slip "4.765,000" (a sub kegiatan of Administrasi Umum).
    after = (await check(await resubmitted(bytes, 28))).findings;
  });

  it("every finding has an ID, unique within the run", () => {
    expect(before.every((f) => typeof f.id === "string" && f.id.startsWith(`${f.rule}-`))).toBe(true);
    expect(new Set(before.map((f) => f.id)).size).toBe(before.length);
  });

  it("the slip keeps its ID after two rows are inserted above it and its sheet is renamed", () => {
    const slip = before.find((f) => f.sheet === "Tabel 3.3" && f.cell === "F28" && f.rule === "malformed-number");
    const moved = after.find((f) => f.sheet === "Bab III" && f.cell === "F30" && f.rule === "malformed-number");
    expect(slip?.actual).toBe("4765");
    expect(moved?.actual).toBe("4765");
    expect(moved?.id).toBe(slip?.id);
  });

  it("every other finding keeps its ID too, whether it moved or not", () => {
    const ids = (fs: Finding[], sheet: string) => fs.filter((f) => f.sheet === sheet).map((f) => f.id).sort();
    expect(ids(after, "Bab III")).toEqual(ids(before, "Tabel 3.3"));
    expect(ids(after, "Tabel 7")).toEqual(ids(before, "Tabel 7"));
    expect(ids(after, "Tabel 2.1")).toEqual(ids(before, "Tabel 2.1"));
    // The same number of rows moved by two: the IDs follow the rows, not the row numbers.
    const movedRows = after.filter((f) => f.sheet === "Bab III" && f.row >= 30).length;
    expect(movedRows).toBeGreaterThan(20);
  });

  it("IDs differ for the same rule on different rows and roles", async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(GENERATED_DIR, FIXTURE_FILES.seedAsPasted)));
    const { findings, keyOf } = await check(bytes);
    const j9 = findings.find((f) => f.sheet === "Tabel 3.3" && f.cell === "J9" && f.rule === "rollup-mismatch");
    const f9 = findings.find((f) => f.sheet === "Tabel 3.3" && f.cell === "F9" && f.rule === "rollup-mismatch");
    expect(j9 && keyOf(j9)).toBe("rollup-mismatch|tabel-3.3#0|program:programpenunjangurusanpemerintahandaerahkabupatenkota|paguN1");
    expect(f9 && keyOf(f9)).toBe("rollup-mismatch|tabel-3.3#0|program:programpenunjangurusanpemerintahandaerahkabupatenkota|paguN");
    expect(j9?.id).not.toBe(f9?.id);
  });
});
