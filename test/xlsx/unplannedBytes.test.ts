/**
 * Issue 17, "nothing outside the plan changes": a write keeps every cell it did not plan byte for byte, and
 * the look of every such cell, on a seed workbook made hostile by script (no fixture committed):
 *   - bytes that are not UTF-8 in cells of every sheet (they would become EF BF BD through a text decode);
 *   - cells whose style index points past the end of cellXfs, where the next appended xf would land;
 *   - an xf naming a custom number format id that no numFmt declares, the id the next added format would get.
 * fix-numbers and recompute are run as the CLI runs them; the plan they apply is taken from the io (onPlan).
 */
import * as fs from "fs";
import * as path from "path";
import { strToU8, unzipSync, zipSync } from "fflate";
import type { WritePlan } from "../../src/domain/plan";
import { GeneratedStyles } from "../../src/xlsx/patch/sheetStyles";
import { StylesEditor } from "../../src/xlsx/patch/styles";
import { runCli, STACK_TRACE, tempDir, writeTemp } from "../cli/cliHarness";
import { cellElements, unplannedChanges } from "../support/unplannedCells";

const SEED = path.join(__dirname, "..", "..", "seeds", "sample-renja-tomoni-2025.xlsx");
const dir = tempDir();

/** C3 28: a lead byte followed by "(" (invalid); FF alone (never UTF-8); E2 82 cut short before "<". */
const NOT_UTF8 = [Buffer.from([0xc3, 0x28]), Buffer.from([0xff]), Buffer.from([0xe2, 0x82])];

function hostileSeed(): { bytes: Uint8Array; pastEnd: number } {
  const files = unzipSync(new Uint8Array(fs.readFileSync(SEED)));
  const styles = Buffer.from(files["xl/styles.xml"]).toString("utf8");
  const count = Number(/<cellXfs count="(\d+)"/.exec(styles)?.[1]);
  // One more xf naming numFmtId 164, which no numFmt declares (the seed declares none): what a reader shows
  // for it is a built-in fallback, and it must stay that after a write adds its own formats.
  const orphanFormat = '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>';
  files["xl/styles.xml"] = strToU8(styles.replace(/<cellXfs count="\d+">([\s\S]*?)<\/cellXfs>/, (_m, body: string) => `<cellXfs count="${count + 1}">${body}${orphanFormat}</cellXfs>`));
  const pastEnd = count + 1;
  for (const name of Object.keys(files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = Buffer.from(files[name]).toString("latin1");
    // Cells far to the right of the tables (column ZZ) in rows 1–3: text with bad bytes, the orphan-format
    // style, and style indexes just past the end of cellXfs.
    const extra = (row: number): string => {
      if (row === 1) return `<c r="ZZ1" t="inlineStr"><is><t>Keterangan caf${NOT_UTF8[0].toString("latin1")} ${NOT_UTF8[1].toString("latin1")} x${NOT_UTF8[2].toString("latin1")}</t></is></c>`;
      if (row === 2) return `<c r="ZZ2" s="${pastEnd}"><v>12</v></c>`;
      return `<c r="ZZ3" s="${count}"><v>7</v></c><c r="ZZZ3" s="${pastEnd + 1}"/>`;
    };
    let changed = xml;
    for (const row of [1, 2, 3]) changed = changed.replace(new RegExp(`(<row r="${row}"[^>]*>[\\s\\S]*?)(</row>)`), (_m, body: string, close: string) => body + extra(row) + close);
    files[name] = new Uint8Array(Buffer.from(changed, "latin1"));
  }
  return { bytes: zipSync(files), pastEnd };
}

jest.setTimeout(120_000);

describe("a write changes nothing outside its plan, byte for byte", () => {
  const { bytes: input } = hostileSeed();
  const file = writeTemp(dir, "hostile-seed.xlsx", input);

  it("the fixture holds what it is meant to: bytes that are not UTF-8 and style indexes past the list", () => {
    const sheet = unzipSync(input)["xl/worksheets/sheet1.xml"];
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(sheet)).toThrow();
    expect(cellElements(sheet).get("2:702")?.[0]).toMatch(/ s="7"/);
  });

  it.each([["fix-numbers"], ["recompute"]])("%s", async (command) => {
    const output = path.join(dir, `${command}-out.xlsx`);
    let plan: WritePlan | undefined;
    const run = await runCli([command, file, "-o", output], undefined, { onPlan: (p) => void (plan = p) });
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(fs.existsSync(output)).toBe(true);
    const written = new Uint8Array(fs.readFileSync(output));
    expect(plan?.cells.length).toBeGreaterThan(0);
    expect(unplannedChanges(input, written, plan?.cells ?? [])).toEqual([]);
    // Every sheet the plan edits keeps its three kinds of bad bytes.
    const edited = new Set(plan?.cells.map((c) => c.sheet));
    const parts = unzipSync(written);
    const relsTarget = (name: string) => {
      const wb = Buffer.from(parts["xl/workbook.xml"]).toString("utf8");
      const rid = new RegExp(`<sheet [^>]*name="${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*r:id="([^"]+)"`).exec(wb)?.[1];
      const rels = Buffer.from(parts["xl/_rels/workbook.xml.rels"]).toString("utf8");
      return `xl/${new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1]}`;
    };
    for (const sheet of edited) {
      const part = Buffer.from(parts[relsTarget(sheet)]);
      for (const bad of NOT_UTF8) expect(part.includes(bad)).toBe(true);
    }
  });

  it("when a write adds an xf, it goes after the slots cells already name", async () => {
    const output = path.join(dir, "fix-numbers-styles.xlsx");
    await runCli(["fix-numbers", file, "-o", output]);
    const before = Buffer.from(unzipSync(input)["xl/styles.xml"]).toString("utf8");
    const after = Buffer.from(unzipSync(new Uint8Array(fs.readFileSync(output)))["xl/styles.xml"]).toString("utf8");
    const xfCount = (xml: string) => Number(/<cellXfs count="(\d+)"/.exec(xml)?.[1]);
    // The case this file is about: fix-numbers on the seed appends an xf (else the test proves nothing), and the
    // slots cells name past the end (7 and 8) hold copies of the first xf, so they look as they did.
    expect(xfCount(after)).toBeGreaterThan(xfCount(before) + 2);
    const xfs = [...after.matchAll(/<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]).slice(1);
    const first = xfs[0];
    expect(xfs.slice(xfCount(before), xfCount(before) + 2)).toEqual([first, first]);
  });
});

describe("the check of unplanned cells can fail", () => {
  const { bytes: input, pastEnd } = hostileSeed();
  const edit = (change: (files: Record<string, Uint8Array>) => void): Uint8Array => {
    const files = unzipSync(input);
    change(files);
    return zipSync(files);
  };

  it("names a cell whose bytes changed (one byte of a U+FFFD replacement)", () => {
    const output = edit((f) => {
      const xml = Buffer.from(f["xl/worksheets/sheet1.xml"]);
      f["xl/worksheets/sheet1.xml"] = new Uint8Array(Buffer.concat([xml.subarray(0, xml.indexOf(NOT_UTF8[1])), Buffer.from([0xef, 0xbf, 0xbd]), xml.subarray(xml.indexOf(NOT_UTF8[1]) + 1)]));
    });
    const sheet = "Tabel 2.1";
    expect(unplannedChanges(input, output, [])).toEqual([`${sheet}!1:702 bytes`]);
    expect(unplannedChanges(input, output, [{ sheet, row: 1, col: 702 }])).toEqual([]);
  });

  it("names a cell whose style slot was filled by an appended xf", () => {
    const output = edit((f) => {
      const xml = Buffer.from(f["xl/styles.xml"]).toString("utf8");
      f["xl/styles.xml"] = strToU8(xml.replace(/<cellXfs count="\d+">([\s\S]*?)<\/cellXfs>/, (_m, body: string) => `<cellXfs count="${pastEnd + 1}">${body}<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`));
    });
    expect(unplannedChanges(input, output, [])).toEqual(expect.arrayContaining(["Tabel 2.1!2:702 style"]));
  });
});

describe("style lists: a new entry never takes a slot something already names", () => {
  const styles = (xfs: string, fonts = '<font><sz val="11"/></font>') =>
    `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1">${fonts}</fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>` +
    `<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2">${xfs}</cellXfs></styleSheet>`;
  const XF0 = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';

  it("StylesEditor: a custom format goes past an id an xf names undeclared; an xf past the slots cells name", () => {
    const editor = new StylesEditor(styles(`${XF0}<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0"/>`), () => new Set([2, 3, 9]));
    const index = editor.styleWithFormat(0, "#,##0.00;(#,##0.00)");
    expect(index).toBe(4);
    expect(editor.text).toMatch(/<numFmt numFmtId="165" formatCode="#,##0.00;\(#,##0.00\)"\/>/);
    expect(editor.text).toContain(`<cellXfs count="5">${XF0}<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0"/>${XF0}${XF0}<xf numFmtId="165"`);
  });

  it("GeneratedStyles: fonts past an id an xf names, xfs past the slots cells name", () => {
    const generated = new GeneratedStyles(styles(`${XF0}<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0"/>`), new Set([2]));
    const index = generated.xfFor({ bold: true }, undefined);
    expect(index).toBe(3);
    const text = generated.text();
    // Font 1 is named by xf 1 and never existed: it gets a copy of font 0, the bold font goes to 2.
    expect(text).toMatch(/<fonts count="3"><font><sz val="11"\/><\/font><font><sz val="11"\/><\/font><font><b\/>/);
    expect(text).toMatch(/<cellXfs count="4">.*<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"\/><xf numFmtId="0" fontId="2"/);
  });
});
