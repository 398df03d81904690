/**
 * The generated Tabel Perubahan as LibreOffice prints it (scripts/render-table.ts → PDF → PNG): F4 landscape,
 * the two header rows and the column numbers on every page, the last column (Catatan) on the page, the total
 * on the last page.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { hasLibreOffice, renderSheet } from "../../scripts/render-table";
import { generatePerubahan } from "../support/perubahanFiles";

const canRender = hasLibreOffice();
if (!canRender) console.warn("SKIPPED: rendering needs 'soffice', 'pdftotext' and 'pdftoppm' (apt-get install -y libreoffice-calc-nogui poppler-utils).");
const describeRendered = canRender ? describe : describe.skip;
const amount = (digits: string) => new RegExp(digits.replace(/\B(?=(\d{3})+(?!\d))/g, "[.,]"));

describeRendered("rendering the generated Tabel Perubahan with LibreOffice", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "render-perubahan-"));
  let pages: string[] = [];
  let pdf = "";
  const pageText = (n: number) => spawnSync("pdftotext", ["-layout", "-f", String(n), "-l", String(n), pdf, "-"], { encoding: "utf8" }).stdout;

  beforeAll(async () => {
    const { output, run } = await generatePerubahan(dir, "kode-empty");
    expect(run.code).toBe(0);
    ({ pdf, pages } = renderSheet(output, "Tabel Perubahan (Renja Cermat)", path.join(dir, "out")));
  }, 240000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("prints F4 landscape pages with the headers repeated and the last column on the page", () => {
    const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
    expect(Math.abs(Number(size?.[1]) - 936)).toBeLessThan(2);
    expect(Math.abs(Number(size?.[2]) - 612)).toBeLessThan(2);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (let n = 1; n <= pages.length; n++) {
      const text = pageText(n);
      expect(text).toMatch(/Target Kinerja\s+Pagu Indikatif \(Rp\)\s+Bertambah\/\(Berkurang\)\n.*KODE.*Catatan\n/);
      expect(text.match(/Semula/g)?.length).toBeGreaterThanOrEqual(2);
      expect(text).toMatch(new RegExp(`Halaman ${n} / ${pages.length}`));
    }
    // the first program's semula, menjadi and decrease (in parentheses) on page 1
    expect(pageText(1)).toMatch(new RegExp(`${amount("4472430125").source}\\s+${amount("4421712475").source}\\s+\\(${amount("50717650").source}\\)`));
  });

  it("shows the total on the last page, and the notes of added rows", () => {
    const last = pageText(pages.length);
    expect(last).toMatch(new RegExp(`JUMLAH\\s+${amount("4990624675").source}\\s+${amount("4966907025").source}\\s+\\(${amount("23717650").source}\\)`));
    expect(pages.map((_, i) => pageText(i + 1)).join("\n").match(/\bBaru\b/g)?.length).toBe(3);
  });
});
