/**
 * The generated Tabel 3.3 as LibreOffice prints it (scripts/render-table.ts → PDF → PNG): F4 landscape pages,
 * the header rows repeated on every page, no column cut off at the right margin (the last column's header and
 * amounts are on the page), amounts with thousands separators, page numbers in the footer, and a gap between an
 * amount and the next column's text.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { hasLibreOffice, renderSheet } from "../../scripts/render-table";
import { addSheetToXlsx } from "../../src/xlsx/patch/addSheet";
import { fixtureBytes, tabel33Plan } from "../xlsx/generateSheet";

const canRender = hasLibreOffice();
if (!canRender) console.warn("SKIPPED: rendering needs 'soffice', 'pdftotext' and 'pdftoppm' (apt-get install -y libreoffice-calc-nogui poppler-utils).");
const describeRendered = canRender ? describe : describe.skip;

const NAME = "Tabel 3.3 (Renja Cermat)";
/** Thousands separators in either locale: 4,990,624,675 or 4.990.624.675. */
const amount = (digits: string) => new RegExp(digits.replace(/\B(?=(\d{3})+(?!\d))/g, "[.,]"));

describeRendered("rendering the generated Tabel 3.3 with LibreOffice", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "render-test-"));
  let pages: string[] = [];
  let pdf = "";
  const pageText = (n: number) => spawnSync("pdftotext", ["-layout", "-f", String(n), "-l", String(n), pdf, "-"], { encoding: "utf8" }).stdout;

  beforeAll(async () => {
    const input = fixtureBytes("seedIdLocale");
    const file = path.join(dir, "generated.xlsx");
    fs.writeFileSync(file, addSheetToXlsx(input, await tabel33Plan(input)).bytes);
    ({ pdf, pages } = renderSheet(file, NAME, path.join(dir, "out")));
  }, 240000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("prints F4 landscape pages, one PNG per page", () => {
    const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
    // Paper size 14 is Excel's Folio, 8.5 × 13 in (215.9 × 330.2 mm, what offices call F4): 936 × 612 pt across.
    expect(Math.abs(Number(size?.[1]) - 936)).toBeLessThan(2);
    expect(Math.abs(Number(size?.[2]) - 612)).toBeLessThan(2);
    const count = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(count).toBeGreaterThanOrEqual(2);
    expect(pages).toHaveLength(count);
    for (const png of pages) expect(fs.statSync(png).size).toBeGreaterThan(1000);
  });

  it("repeats the header rows on every page and keeps the last column on the page", () => {
    for (let n = 1; n <= pages.length; n++) {
      const text = pageText(n);
      expect(text).toContain("KODE");
      expect(text).toMatch(/Prakiraan Maju Rencana Tahun/);
      expect(text.match(/Indikatif/g)?.length).toBe(2);
      expect(text).toMatch(new RegExp(`Halaman ${n} / ${pages.length}`));
    }
    // Row 8, the first program: Pagu N (column 6) and N+1 (column 10, the last) on page 1.
    expect(pageText(1)).toMatch(amount("4472430125"));
    expect(pageText(1)).toMatch(amount("4267659824"));
  });

  it("shows amounts with thousands separators, and the total on the last page", () => {
    const last = pageText(pages.length);
    expect(last).toContain("JUMLAH");
    expect(last).toMatch(amount("4990624675"));
    expect(last).toMatch(amount("4828024554"));
  });

  it("leaves a gap between a right-aligned amount and the Sumber Dana text beside it", () => {
    // pdftotext -bbox: each word with its box in points. With a bare #,##0 the last digit ends 1.2–1.3 pt before
    // "APBD" (they touch in print: "4.472.430.125APBD"); the padded format leaves the width of ")" (about 3.4 pt).
    const xml = spawnSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 1 << 26 }).stdout;
    const words = [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      text: m[4],
    }));
    const gaps: number[] = [];
    words.forEach((w, i) => {
      const next = words[i + 1];
      if (next?.text === "APBD" && /^[\d.,]+$/.test(w.text) && Math.abs(next.yMin - w.yMin) < 2) gaps.push(next.xMin - w.xMax);
    });
    expect(gaps.length).toBeGreaterThan(5);
    expect(Math.min(...gaps)).toBeGreaterThan(2.5);
  });
});
