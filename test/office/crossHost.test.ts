/**
 * Keeps the two hosts honest: the same workbook content, read through the Office host (on the fake) and the
 * .xlsx host, gives the same snapshots, the same findings, and the same generated Tabel 3.3.
 */
import { strFromU8, unzipSync } from "fflate";
import { readFileSync } from "fs";
import { join } from "path";
import { textNeedsTextFormat } from "../../src/domain/plan";
import { mapWorkbook } from "../../src/domain/mapping/mapWorkbook";
import type { SheetSnapshot } from "../../src/domain/sheet/snapshot";
import { buildTabel33, isBuildError } from "../../src/domain/tables";
import { validate } from "../../src/domain/validate";
import { openXlsxHost } from "../../src/xlsx";
import { addSheetToXlsx } from "../../src/xlsx/patch/addSheet";
import { FakeWorkbook, type FakeCell } from "./fakeExcel";
import { hostFor } from "./support";

const GENERATED = join(__dirname, "..", "fixtures", "generated");

function fakeFrom(snapshots: readonly SheetSnapshot[]): FakeWorkbook {
  const fake = new FakeWorkbook();
  fake.apiVersion = "1.9";
  for (const s of snapshots) {
    const sheet = fake.addSheet(s.name, [], { merges: [...s.merges], hiddenRows: [...(s.hiddenRows ?? [])], protected: s.protected, visibility: s.visible ? "Visible" : "Hidden" });
    for (const [r, cells] of s.rows) {
      const line = new Map<number, FakeCell>();
      for (const [c, cell] of cells) line.set(c, { ...cell });
      sheet.cells.set(r, line);
    }
  }
  return fake;
}

function plain(s: SheetSnapshot): unknown {
  return {
    name: s.name,
    visible: s.visible,
    maxRow: s.maxRow,
    maxCol: s.maxCol,
    merges: s.merges,
    protected: s.protected,
    hiddenRows: s.hiddenRows ? [...s.hiddenRows].sort((a, b) => a - b) : undefined,
    rows: [...s.rows].sort(([a], [b]) => a - b).map(([r, cells]) => [r, [...cells].sort(([a], [b]) => a - b)]),
  };
}

describe.each(["seed-id-locale.xlsx", "seed-as-pasted.xlsx"])("Office host and .xlsx host agree on %s", (file) => {
  it("same snapshots, same findings, same generated Tabel 3.3", async () => {
    const bytes = new Uint8Array(readFileSync(join(GENERATED, file)));
    const xlsx = await openXlsxHost(bytes, file);
    const fromXlsx = await xlsx.readAllSnapshots({ styles: true });

    const fake = fakeFrom(fromXlsx);
    const office = hostFor(fake);
    const refs = await office.listSheets();
    const fromOffice: SheetSnapshot[] = [];
    for (const ref of refs) fromOffice.push(await office.readSnapshot(ref, { styles: true }));
    expect(fromOffice.map(plain)).toEqual(fromXlsx.map(plain));

    const mappedXlsx = mapWorkbook(fromXlsx);
    const mappedOffice = mapWorkbook(fromOffice);
    const findings = validate(mappedXlsx);
    expect(validate(mappedOffice)).toEqual(findings);
    expect(findings.length).toBeGreaterThan(0);

    const plan = buildTabel33(mappedXlsx, { existingSheets: fromXlsx.map((s) => s.name), paper: "f4" });
    if (isBuildError(plan)) throw new Error(`no Tabel 3.3 from ${file}: ${plan.error.en}`);
    await office.applySheetPlan(plan);
    const [generatedRef] = (await office.listSheets()).filter((s) => s.name === plan.sheetName);
    const generatedOffice = await office.readSnapshot(generatedRef, { styles: true });
    const added = addSheetToXlsx(bytes, plan);
    const xlsxAfter = await openXlsxHost(added.bytes, file);
    const generatedXlsx = await xlsxAfter.readSnapshot({ id: plan.sheetName, name: plan.sheetName, visible: true }, { styles: true });
    // One known difference: the Office host gives text that Excel would parse ("7.01.01", "100%") the Text
    // format "@" because Excel parses API-written strings; the .xlsx writer stores inline strings, which
    // nothing parses, and leaves the format alone. Every such cell must be text that needs it.
    const textFormatted: string[] = [];
    for (const [r, cells] of generatedOffice.rows) {
      for (const [c, cell] of cells) {
        const other = generatedXlsx.rows.get(r)?.get(c);
        if (cell.numFmt === "@" && typeof cell.value === "string" && other && other.numFmt === undefined) {
          expect(textNeedsTextFormat(cell.value)).toBe(true);
          textFormatted.push(cell.value);
          delete cell.numFmt;
        }
      }
    }
    expect(plain(generatedOffice)).toEqual(plain(generatedXlsx));
    console.log(`${file}: ${findings.length} findings on both hosts; generated ${plan.sheetName} equal but for ${textFormatted.length} text cells formatted "@" by the Office host`);
  });

  it("a sheet the .xlsx writer generated is the tool's in Excel too: its marker (sheetId + fingerprint) verifies there", async () => {
    const bytes = new Uint8Array(readFileSync(join(GENERATED, file)));
    const mapped = mapWorkbook(await (await openXlsxHost(bytes, file)).readAllSnapshots({ styles: true }));
    const plan = buildTabel33(mapped, { existingSheets: mapped.sheets.map((s) => s.name), paper: "f4" });
    if (isBuildError(plan)) throw new Error(plan.error.en);
    const added = addSheetToXlsx(bytes, plan).bytes;
    // Excel opening the file: the same cells, the sheet-scoped name with its stored value as a formula.
    const fake = fakeFrom(await (await openXlsxHost(added, file)).readAllSnapshots({ styles: true }));
    const wb = strFromU8(unzipSync(added)["xl/workbook.xml"]);
    const stored = /<definedName name="RenjaCermat_Generated"[^>]*>([^<]*)<\/definedName>/.exec(wb)?.[1];
    expect(stored).toMatch(/^"tabel-3\.3;id=\d+;fp=[0-9a-f]{10}"$/);
    fake.sheet(plan.sheetName).names.set("RenjaCermat_Generated", `=${stored}`);
    const office = hostFor(fake);
    expect(await office.generatedSheetNames()).toEqual([plan.sheetName]);
    expect((await office.applySheetPlan({ ...plan, replaceGenerated: true })).replaced).toBe(true);
    // Rewritten by the Office host: the marker now holds Excel's own worksheet id, and still verifies.
    expect(fake.sheet(plan.sheetName).names.get("RenjaCermat_Generated")).toContain(`id=${fake.sheet(plan.sheetName).id};`);
    expect(await office.generatedSheetNames()).toEqual([plan.sheetName]);
  });
});
