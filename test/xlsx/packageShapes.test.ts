/**
 * Packages shaped as other producers write them: the relationships prefix declared on each <sheet> only
 * (openpyxl, calamine's table_with_absolute_paths.xlsx), the workbook part at the package root, parts outside
 * xl/, and a part name that differs in case from its relationship target. Each is read, and `generate` writes
 * a package every part of which is well-formed and that LibreOffice opens.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { libreOfficeMissing, recalculatedBytes } from "../../scripts/libreOffice";
import { openXlsxHost } from "../../src/xlsx";
import { addSheetToXlsx } from "../../src/xlsx/patch/addSheet";
import { assertWellFormed } from "../../src/xlsx/patch/xml";
import { fixtureBytes, tabel33Plan } from "./generateSheet";

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function rewrite(bytes: Uint8Array, edit: (files: Record<string, Uint8Array>) => Record<string, Uint8Array>): Uint8Array {
  return zipSync(edit(unzipSync(bytes)));
}

function text(files: Record<string, Uint8Array>, name: string): string {
  return strFromU8(files[name]);
}

/** The seed with xmlns:r moved from the workbook element onto every <sheet>. */
function prefixPerSheet(): Uint8Array {
  return rewrite(fixtureBytes("seedAsPasted"), (files) => {
    const wb = text(files, "xl/workbook.xml")
      .replace(` xmlns:r="${REL_NS}"`, "")
      .replace(/<sheet /g, `<sheet xmlns:r="${REL_NS}" `);
    expect(wb.indexOf(`xmlns:r=`)).toBeGreaterThan(wb.indexOf("<sheets"));
    return { ...files, "xl/workbook.xml": strToU8(wb) };
  });
}

/** The seed's parts moved: workbook at the root (minimal_package.xlsx) or under another folder (wtf_path.xlsx). */
function movedParts(folder: string, upperCaseSheets = false): Uint8Array {
  return rewrite(fixtureBytes("seedAsPasted"), (files) => {
    const out: Record<string, Uint8Array> = {};
    for (const [name, data] of Object.entries(files)) {
      let target = name.startsWith("xl/") ? folder + name.slice(3) : name;
      if (upperCaseSheets && /worksheets\/sheet\d+\.xml$/.test(target)) target = target.replace("worksheets/sheet", "worksheets/SHEET");
      let body = data;
      if (name === "_rels/.rels" || name === "[Content_Types].xml") body = strToU8(text(files, name).replace(/\/?xl\//g, (m) => (m.startsWith("/") ? `/${folder}` : folder)));
      out[target] = body;
    }
    return out;
  });
}

describe("package shapes other producers write", () => {
  it("the r: prefix declared per <sheet>: generate declares it on the new <sheet> too, every written part is well-formed", async () => {
    const input = prefixPerSheet();
    const plan = await tabel33Plan(input);
    const { bytes, sheetName } = addSheetToXlsx(input, plan);
    const files = unzipSync(bytes);
    for (const [name, data] of Object.entries(files)) if (/\.(xml|rels)$/.test(name)) assertWellFormed(strFromU8(data), name);
    expect(strFromU8(files["xl/workbook.xml"])).toMatch(new RegExp(`<sheet xmlns:r="${REL_NS}" name="${sheetName.replace(/[()]/g, "\\$&")}"`));
    const host = await openXlsxHost(bytes, "out.xlsx");
    expect((await host.listSheets()).map((s) => s.name)).toContain(sheetName);
    const missing = libreOfficeMissing();
    if (missing) {
      console.warn(`SKIPPED: LibreOffice opening the generated package: ${missing}.`);
      return;
    }
    expect((recalculatedBytes(bytes, [sheetName]).get(sheetName) ?? []).length).toBeGreaterThan(5);
  }, 120000);

  it.each([
    ["the workbook part at the package root", ""],
    ["parts outside xl/", "data/book/"],
  ])("%s: read through the relationships", async (_name, folder) => {
    const bytes = movedParts(folder);
    const host = await openXlsxHost(bytes, "moved.xlsx");
    const names = (await host.listSheets()).map((s) => s.name);
    expect(names).toContain("Tabel 3.3");
    const t33 = await host.readSnapshot({ id: "Tabel 3.3", name: "Tabel 3.3", visible: true });
    expect(t33.rows.size).toBeGreaterThan(50);
  });

  it("a part name that differs in case from its relationship target is found", async () => {
    const bytes = movedParts("xl/", true);
    expect(Object.keys(unzipSync(bytes)).some((n) => n.includes("worksheets/SHEET"))).toBe(true);
    const host = await openXlsxHost(bytes, "case.xlsx");
    const t33 = await host.readSnapshot({ id: "Tabel 3.3", name: "Tabel 3.3", visible: true });
    expect(t33.rows.size).toBeGreaterThan(50);
  });
});
