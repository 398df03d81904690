/**
 * Every command over a subset of the real-world corpus (../shared/corpus; the whole of it: `npm run corpus`):
 * zero crashes, zero refusals of readable packages, one verdict for check and the writers, zero outputs that are
 * not well-formed or that LibreOffice cannot load (when it loads the input: calamine's issue_530.xlsx, whose zip
 * names use backslashes, it loads neither way), and zero entries or cells changed outside the plan. The subset holds every file the .xlsx-host
 * issue names, every real Renja/budget workbook, every other transplanted package (real hosts with the seed's
 * sheets, so the write paths run on charts, pivots, macros, comments, names, tables and signatures) and every
 * eighth file of the rest.
 */
import * as fs from "fs";
import * as path from "path";
import { CORPUS_DIR, corpusFiles, runCorpus } from "../../scripts/corpus";
import { libreOfficeMissing } from "../../scripts/libreOffice";

const NAMED = [
  "poi/test-data/spreadsheet/poc-shared-strings.xlsx",
  "calamine/tests/minimal_package.xlsx",
  "sheetjs/wtf_path.xlsx",
  "calamine/tests/issue_419.xlsx",
  "calamine/tests/issue_530.xlsx",
  "calamine/tests/table_with_absolute_paths.xlsx",
  "transplant/calamine/table_with_absolute_paths+renja.xlsx",
  "poi/test-data/poifs/protect.xlsx",
  "poi/test-data/spreadsheet/58616.xlsx",
  "transplant/poi/hello-world-signed+renja.xlsx",
  "calamine/tests/pass_protected.xlsx",
];

/** Files the issue names as readable: check must read them. */
const MUST_READ = [
  "calamine/tests/minimal_package.xlsx",
  "sheetjs/wtf_path.xlsx",
  "calamine/tests/issue_419.xlsx",
  "calamine/tests/table_with_absolute_paths.xlsx",
  "poi/test-data/spreadsheet/poc-shared-strings.xlsx",
];

function subset(): string[] {
  const all = corpusFiles().map((f) => path.relative(CORPUS_DIR, f));
  const chosen = new Set(NAMED.filter((f) => all.includes(f)));
  let other = 0;
  all.forEach((f, i) => {
    if (f.startsWith("renja/")) chosen.add(f);
    else if (f.startsWith("transplant/")) {
      if (i % 2 === 0) chosen.add(f);
    } else if (other++ % 8 === 0) chosen.add(f);
  });
  return [...chosen].map((f) => path.join(CORPUS_DIR, f));
}

const present = fs.existsSync(CORPUS_DIR);
if (!present) console.warn(`SKIPPED: the corpus test needs ${CORPUS_DIR} (see its SOURCES.md).`);
const describeWithCorpus = present ? describe : describe.skip;
const noLibreOffice = libreOfficeMissing();
if (present && noLibreOffice) console.warn(`The corpus test runs without its LibreOffice check: ${noLibreOffice}.`);

describeWithCorpus("every command over the real-world corpus (subset)", () => {
  it("no crash, no refusal of a readable package, one verdict, well-formed outputs, nothing changed outside the plan", async () => {
    const files = subset();
    expect(files.length).toBeGreaterThanOrEqual(100);
    const summary = await runCorpus(files);
    const lo = summary.libreOffice;
    console.log(
      `corpus subset: ${summary.files} files, read ${summary.read}, refused ${summary.refused}, outputs ${summary.written}, ` +
        `${lo.skipped ? `LibreOffice check skipped (${lo.skipped})` : `loaded by LibreOffice ${lo.opened}`}, problems ${summary.problems.length}, ${Math.round(summary.ms / 1000)} s`,
    );
    expect(summary.problems).toEqual([]);
    if (!noLibreOffice) {
      // Every output went to LibreOffice; the only ones it cannot load are those whose input it cannot load either.
      expect(lo.checked).toBe(summary.written);
      expect(lo.opened + lo.inherited.length).toBe(lo.checked);
      expect([...new Set(lo.inherited.map((i) => i.file))]).toEqual(["calamine/tests/issue_530.xlsx"]);
    }
    const refused = new Set(summary.refusals.map((r) => r.file));
    for (const f of MUST_READ) expect({ f, refused: refused.has(f) }).toEqual({ f, refused: false });
    for (const f of ["poi/test-data/poifs/protect.xlsx", "poi/test-data/spreadsheet/58616.xlsx"]) {
      expect(summary.refusals.find((r) => r.file === f)?.message).toMatch(/terenkripsi hanya dengan perlindungan bawaan Excel \(tanpa kata sandi pengguna\)/);
    }
    const withPassword = summary.refusals.find((r) => r.file === "calamine/tests/pass_protected.xlsx");
    expect(withPassword?.message).toMatch(/terenkripsi dengan kata sandi\. /);
    expect(summary.written).toBeGreaterThan(100);
  }, 20 * 60 * 1000);
});
