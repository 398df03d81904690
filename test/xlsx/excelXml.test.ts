/**
 * The package reader reads XML as Excel does (issue 17): comments, CDATA and processing instructions are never
 * cells; a sheet whose elements carry a namespace prefix reads as the unprefixed one; a DTD, an unknown entity,
 * a part cut short and a zip entry whose CRC-32 does not match are refused with a message naming the part.
 * Every workbook is the seed with one part rewritten here.
 */
import * as fs from "fs";
import * as path from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { openXlsxHost } from "../../src/xlsx";
import { assertWellFormed } from "../../src/xlsx/patch/xml";
import { readZip } from "../../src/xlsx/patch/zip";
import type { Cell } from "../../src/domain/sheet/snapshot";
import { runCli, STACK_TRACE, tempDir, writeTemp } from "../cli/cliHarness";

const SEED = new Uint8Array(fs.readFileSync(path.join(__dirname, "..", "..", "seeds", "sample-renja-tomoni-2025.xlsx")));
const SHEET = "xl/worksheets/sheet3.xml"; // Tabel 3.3
const STRINGS = "xl/sharedStrings.xml";
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REAL_J9 = '<c r="J9" t="s"><v>747</v></c>';

function withParts(edits: Record<string, (xml: string) => string>): Uint8Array {
  const files = unzipSync(SEED);
  for (const [name, edit] of Object.entries(edits)) {
    const before = strFromU8(files[name]);
    const after = edit(before);
    if (after === before) throw new Error(`the edit of ${name} changed nothing`);
    files[name] = strToU8(after);
  }
  return zipSync(files);
}

/** The seed's Tabel 3.3 with `fragment` written just before the real J9 cell. */
const beforeJ9 = (fragment: string) => withParts({ [SHEET]: (xml) => xml.replace(REAL_J9, fragment + REAL_J9) });

async function cellOf(bytes: Uint8Array, sheet: string, row: number, col: number): Promise<Cell | undefined> {
  const host = await openXlsxHost(bytes, "x.xlsx");
  const ref = (await host.listSheets()).find((s) => s.name === sheet);
  if (!ref) throw new Error(`no sheet ${sheet}`);
  return (await host.readSnapshot(ref)).rows.get(row)?.get(col);
}

async function checkJson(bytes: Uint8Array): Promise<{ code: number; report: { findings: Record<string, unknown>[] } }> {
  const file = writeTemp(tempDir(), "renja.xlsx", bytes);
  const run = await runCli(["check", file, "--json"]);
  expect(run.stderr).not.toMatch(STACK_TRACE);
  const report = JSON.parse(run.stdout) as { file: string; findings: Record<string, unknown>[] };
  return { code: run.code, report: { ...report, file: "" } as typeof report };
}

const j9Finding = (report: { findings: Record<string, unknown>[] }) =>
  report.findings.find((f) => f.sheet === "Tabel 3.3" && f.cell === "J9" && f.rule === "rollup-mismatch");

describe("markup that is not an element is not a cell", () => {
  // A ">" inside the comment ends a naive tag scan early, exposing the commented cell; it holds the right total.
  const HIDDEN = '<c r="J9"><v>4596424824</v></c>';
  const cases: [string, string][] = [
    ["a comment", `<!-- old value > ${HIDDEN} -->`],
    ["a processing instruction", `<?renja note > ${HIDDEN} ?>`],
  ];

  it.each(cases)("%s holding <c r=\"J9\">: J9 reads as stored and check still reports its sum", async (_what, fragment) => {
    const bytes = beforeJ9(fragment);
    expect(await cellOf(bytes, "Tabel 3.3", 9, 10)).toEqual(await cellOf(SEED, "Tabel 3.3", 9, 10));
    const seed = await checkJson(SEED);
    const hidden = await checkJson(bytes);
    expect(j9Finding(seed.report)).toBeDefined();
    expect(hidden).toEqual(seed);
  });

  it("CDATA holding <c r=\"J9\"> is the text of the cell it is in, not a cell", async () => {
    const text = `<c r="J9"><v>4596424824</v></c>`;
    const bytes = withParts({ [SHEET]: (xml) => xml.replace('<c r="H9" s="4"/>', `<c r="H9" s="4" t="inlineStr"><is><t><![CDATA[${text}]]></t></is></c>`) });
    expect(await cellOf(bytes, "Tabel 3.3", 9, 8)).toEqual({ value: text });
    expect(await cellOf(bytes, "Tabel 3.3", 9, 10)).toEqual(await cellOf(SEED, "Tabel 3.3", 9, 10));
    expect(j9Finding((await checkJson(bytes)).report)).toEqual(j9Finding((await checkJson(SEED)).report));
  });

  it("an element named c in another namespace is not a cell", async () => {
    const bytes = beforeJ9(`<o:c xmlns:o="urn:example:other" r="J9"><o:v>4596424824</o:v></o:c>`);
    expect(await checkJson(bytes)).toEqual(await checkJson(SEED));
  });

  it("recompute --mode values on the commented workbook writes the total it writes on the seed", async () => {
    const dir = tempDir();
    const results: (Cell | undefined)[] = [];
    for (const [name, bytes] of [
      ["seed.xlsx", SEED],
      ["commented.xlsx", beforeJ9(`<!-- old value > ${HIDDEN} -->`)],
    ] as const) {
      const file = writeTemp(dir, name, bytes);
      const out = path.join(dir, `values-${name}`);
      const run = await runCli(["recompute", file, "-o", out, "--mode", "values", "--accept", "all"]);
      expect({ name, code: run.code, stderr: run.stderr }).toEqual({ name, code: 0, stderr: "" });
      results.push(await cellOf(new Uint8Array(fs.readFileSync(out)), "Tabel 3.3", 9, 10));
    }
    expect(results[1]).toEqual(results[0]);
    // recompute did write J9 (the seed stores it as text): the comparison above is between two written totals.
    expect(typeof results[0]?.value).toBe("number");
  });
});

describe("a namespace prefix", () => {
  /** Every unprefixed element of the part written as x:name, x bound to SpreadsheetML instead of the default. */
  function prefixed(xml: string): string {
    const out = xml
      .replace(`xmlns="${MAIN_NS}"`, `xmlns:x="${MAIN_NS}"`)
      .replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, (_m, slash: string, name: string) => `<${slash}x:${name}`);
    expect(out).not.toContain(`xmlns="${MAIN_NS}"`);
    return out;
  }

  it("workbook, sheets, shared strings and styles written with x: read exactly as the seed", async () => {
    const parts = ["xl/workbook.xml", "xl/styles.xml", STRINGS, ...[1, 2, 3, 4].map((n) => `xl/worksheets/sheet${n}.xml`)];
    const bytes = withParts(Object.fromEntries(parts.map((p) => [p, prefixed])));
    const [a, b] = await Promise.all([openXlsxHost(bytes, "x.xlsx"), openXlsxHost(SEED, "x.xlsx")]);
    const snapshots = await a.readAllSnapshots({ styles: true });
    expect(snapshots.find((s) => s.name === "Tabel 3.3")?.rows.size).toBeGreaterThan(50);
    expect(snapshots).toEqual(await b.readAllSnapshots({ styles: true }));
    expect(await checkJson(bytes)).toEqual(await checkJson(SEED));
  });
});

describe("refused with a message naming the part", () => {
  async function refusal(bytes: Uint8Array, commands: string[][] = [["check"], ["recompute", "--dry-run"]]): Promise<string[]> {
    const dir = tempDir();
    const file = writeTemp(dir, "renja.xlsx", bytes);
    const messages: string[] = [];
    for (const args of commands) {
      const run = await runCli([args[0], file, ...args.slice(1), "--lang", "en"]);
      expect({ args, code: run.code }).toEqual({ args, code: 2 });
      expect(run.stderr).not.toMatch(STACK_TRACE);
      expect(run.stderr).not.toMatch(/internal error|kesalahan internal/i);
      messages.push(run.stderr);
    }
    // check and the writers give one verdict.
    expect(new Set(messages).size).toBe(1);
    return messages;
  }

  it("a DTD: no entity it declares is ever expanded", async () => {
    const bytes = withParts({
      [SHEET]: (xml) => xml.replace("?>", `?><!DOCTYPE worksheet [<!ENTITY big "4596424824">]>`).replace("<v>747</v></c></row>", "<v>&big;</v></c></row>"),
    });
    const [message] = await refusal(bytes);
    expect(message).toContain(SHEET);
    expect(message).toMatch(/DTD/);
  });

  it.each([
    [SHEET, (xml: string) => xml.replace(REAL_J9, '<c r="J9" t="str"><v>&total;</v></c>')],
    [STRINGS, (xml: string) => xml.replace("<t>TABEL 2.1</t>", "<t>&nbsp;TABEL 2.1</t>")],
  ])("an unknown entity in %s", async (part, edit) => {
    const [message] = await refusal(withParts({ [part]: edit }));
    expect(message).toContain(part);
    expect(message).toMatch(/entity &(total|nbsp);/);
  });

  it.each([
    [SHEET, "half way", (xml: string) => xml.slice(0, Math.floor(xml.length / 2))],
    [SHEET, "just after a row", (xml: string) => xml.slice(0, xml.indexOf("</row>", xml.length / 2) + "</row>".length)],
    [SHEET, "before </worksheet>", (xml: string) => xml.slice(0, xml.lastIndexOf("</worksheet>"))],
    [STRINGS, "just after an item", (xml: string) => xml.slice(0, xml.indexOf("</si>", xml.length / 2) + "</si>".length)],
  ])("%s cut %s", async (part, _where, cut) => {
    const [message] = await refusal(withParts({ [part]: cut }));
    expect(message).toContain(part);
    expect(message).toMatch(/cut short/);
  });

  it("a sheet in another namespace (Excel 2007 beta's) holds no cells Excel reads: refused, not read as empty", async () => {
    const [message] = await refusal(withParts({ [SHEET]: (xml) => xml.replace(`xmlns="${MAIN_NS}"`, 'xmlns="http://schemas.microsoft.com/office/excel/2006/2"') }));
    expect(message).toContain(SHEET);
    expect(message).toMatch(/namespace/);
  });

  it("a zip entry whose content does not match its CRC-32", async () => {
    const bytes = new Uint8Array(SEED);
    const entry = readZip(bytes).entries.find((e) => e.name === SHEET);
    if (!entry) throw new Error("no sheet entry");
    // The central directory's CRC field (offset 16 of the record); the deflated data still inflates.
    bytes[entry.central.byteOffset + 16] ^= 0xff;
    const [message] = await refusal(bytes);
    expect(message).toContain(SHEET);
    expect(message).toMatch(/CRC-32/);
  });
});

describe("the check before a part is written uses the same tokenizer", () => {
  it.each([
    ['<a xmlns:r="urn:r"><b r:id="1"/></a>', undefined],
    ['<a><b r:id="1"/></a>', /prefix r: of r:id is not declared/],
    ['<a><b x="1" x="2"/></a>', /attribute x twice/],
    ["<a><b></a>", /<\/a> closes <b>/],
    ['<a><b x="&nbsp;"/></a>', /entity &nbsp;/],
    ["<a/><b/>", /second root/],
    ["<!DOCTYPE a><a/>", /DTD/],
  ])("%s", (xml, problem) => {
    const check = () => assertWellFormed(xml, "xl/x.xml");
    if (problem) expect(check).toThrow(problem);
    else expect(check).not.toThrow();
  });
});
