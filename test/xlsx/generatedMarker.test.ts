/**
 * The generated-sheet marker in an .xlsx package: a copy of the tool's sheet (Excel copies the sheet-scoped name
 * with it), an edited generated sheet and a hand-made or old-style marker are not the tool's, so `--replace`
 * never rewrites them; the tool's own sheet still is.
 */
import { HostError } from "../../src/domain/host";
import { addSheetToXlsx, markerVerdicts, generatedSheets } from "../../src/xlsx/patch/addSheet";
import { applyPlanToXlsx } from "../../src/xlsx/patch";
import { editPackage, editText, entryText, plan, planned } from "./patch/support";
import { fixtureBytes, tabel33Plan } from "./generateSheet";

const NAME = "Tabel 3.3 (Renja Cermat)";
const COPY = "Tabel 3.3 (Renja Cermat) (2)";
const MARKER = /(<definedName name="RenjaCermat_Generated" localSheetId="(\d+)" hidden="1">)"([^<]*)"(<\/definedName>)/g;

/** The generated sheet and a copy of it as Excel makes one: same cells, same marker value, its own sheetId. */
async function withCopy(): Promise<Uint8Array> {
  const input = fixtureBytes("seedIdLocale");
  const once = addSheetToXlsx(input, await tabel33Plan(input)).bytes;
  const twice = addSheetToXlsx(once, await tabel33Plan(input, { sheetName: COPY })).bytes;
  return editPackage(twice, (files) =>
    editText(files, "xl/workbook.xml", (xml) => {
      const values = [...xml.matchAll(MARKER)].map((m) => m[3]);
      expect(values).toHaveLength(2);
      // The copy's marker takes the original's value, as Excel's "Move or Copy… > Create a copy" leaves it.
      return xml.replace(MARKER, (_all, open: string, _i, _v, close: string) => `${open}"${values[0]}"${close}`);
    }),
  );
}

describe("the generated-sheet marker in an .xlsx package", () => {
  it("tells the tool's own sheet from a copy of it (other sheetId)", async () => {
    const bytes = await withCopy();
    expect(markerVerdicts(bytes).map((v) => [v.name, v.status])).toEqual([
      [NAME, "generated"],
      [COPY, "copied"],
    ]);
    expect([...generatedSheets(bytes).keys()]).toEqual([NAME]);
    const again = await tabel33Plan(bytes, { from: "Tabel 3.3", sheetName: COPY, replace: true });
    expect(() => addSheetToXlsx(bytes, { ...again, sheetName: COPY, replaceGenerated: true })).toThrow(/came with a copy of another sheet/);
    // The original is still the tool's and is rewritten.
    expect(addSheetToXlsx(bytes, { ...again, sheetName: NAME, replaceGenerated: true }).replaced).toBe(true);
  });

  it("treats an edited generated sheet as the user's: not rewritten", async () => {
    const input = fixtureBytes("seedIdLocale");
    const output = addSheetToXlsx(input, await tabel33Plan(input)).bytes;
    const edited = applyPlanToXlsx(output, plan([planned(NAME, "K9", { value: null, numFmt: "General" }, { value: "catatan saya" })])).bytes;
    expect(markerVerdicts(edited)).toEqual([{ name: NAME, table: "tabel-3.3", status: "edited" }]);
    expect(generatedSheets(edited).size).toBe(0);
    const again = await tabel33Plan(edited, { from: "Tabel 3.3", sheetName: NAME, replace: true });
    let error: unknown;
    try {
      addSheetToXlsx(edited, { ...again, sheetName: NAME, replaceGenerated: true });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).messages.en).toMatch(/content was changed since; it is treated as yours/);
  });

  it("never takes a forged or old-style marker on a user's sheet for the tool's", () => {
    const input = fixtureBytes("seedIdLocale");
    const forged = (value: string) =>
      editPackage(input, (files) =>
        editText(files, "xl/workbook.xml", (xml) =>
          xml.replace("</sheets>", `</sheets><definedNames><definedName name="RenjaCermat_Generated" localSheetId="1" hidden="1">"${value}"</definedName></definedNames>`),
        ),
      );
    const sheetId = /<sheet [^>]*name="Tabel 7"[^>]*>/.exec(entryText(input, "xl/workbook.xml"))?.[0].match(/sheetId="(\d+)"/)?.[1];
    expect(markerVerdicts(forged("tabel-3.3"))).toEqual([{ name: "Tabel 7", table: "tabel-3.3", status: "old" }]);
    expect(markerVerdicts(forged(`tabel-3.3;id=${sheetId};fp=0000000000`))).toEqual([{ name: "Tabel 7", table: "tabel-3.3", status: "edited" }]);
    expect(markerVerdicts(forged(`tabel-3.3;id=99;fp=0000000000`))).toEqual([{ name: "Tabel 7", table: "tabel-3.3", status: "copied" }]);
  });
});
