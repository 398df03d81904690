/** The pane's pure parts: run-mode detection, findings rows, the windowed range, preview lines, text, theme. */
import { detectRunMode } from "../../src/ui/bootstrap";
import type { OfficeLike } from "../../src/ui/bootstrap";
import { findingRows, groupKey, matchesFilter, severityCounts } from "../../src/ui/findingRows";
import type { Finding } from "../../src/domain/findings";
import { t } from "../../src/ui/i18n";
import { describeContent, previewLines } from "../../src/ui/previewLines";
import { isDarkTheme } from "../../src/ui/theme";
import { rowOffsets, visibleRange } from "../../src/ui/components/VirtualList";
import { msg, phrase } from "../../src/domain/messages";

const finding = (sheet: string, cell: string, rule: Finding["rule"], severity: Finding["severity"], en = "x"): Finding => ({
  rule,
  severity,
  sheet,
  cell,
  row: Number(cell.replace(/\D/g, "")),
  message: msg("phrase", { text: phrase({ id: `pesan ${cell}`, en }) }),
});

describe("detectRunMode", () => {
  it("no Office global (office.js blocked or absent): standalone", async () => {
    expect(await detectRunMode(undefined)).toEqual({ kind: "standalone" });
  });

  it("office.js loaded in a plain browser: onReady reports no host, standalone", async () => {
    const office: OfficeLike = { onReady: async () => ({ host: null }), context: {} };
    expect(await detectRunMode(office)).toEqual({ kind: "standalone" });
  });

  it("onReady never fires: standalone once the wait is over", async () => {
    const office: OfficeLike = { onReady: () => new Promise(() => undefined) };
    expect(await detectRunMode(office, 5)).toEqual({ kind: "standalone" });
  });

  it("onReady reports Excel but Office.context.host is undefined: standalone", async () => {
    const office: OfficeLike = { onReady: async () => ({ host: "Excel" }), context: {} };
    expect(await detectRunMode(office)).toEqual({ kind: "standalone" });
  });

  it("inside Excel: office mode with the Office theme", async () => {
    const theme = { bodyBackgroundColor: "#1F1F1F" };
    const office: OfficeLike = { onReady: async () => ({ host: "Excel" }), context: { host: "Excel", officeTheme: theme } };
    expect(await detectRunMode(office)).toEqual({ kind: "office", theme });
  });
});

describe("findingRows", () => {
  const findings = [
    finding("Tabel 3.3", "E28", "target-unit-mismatch", "warning", "Target unit"),
    finding("Tabel 3.3", "F28", "malformed-number", "error", "Cannot read 4.765,000"),
    finding("Tabel 3.3", "J9", "rollup-mismatch", "error", "Sum differs"),
    finding("Tabel 3.3", "J9", "text-number", "info", "Stored as text"),
    finding("Tabel 7", "F28", "malformed-number", "error", "Cannot read"),
  ];

  it("groups by severity, then rule, each header followed by its findings", () => {
    const rows = findingRows(findings, new Set(), "", "en");
    expect(rows.map((r) => (r.type === "group" ? `[${r.severity} ${r.rule} ${r.count}]` : `${r.finding.sheet}!${r.finding.cell}`))).toEqual([
      "[error malformed-number 2]",
      "Tabel 3.3!F28",
      "Tabel 7!F28",
      "[error rollup-mismatch 1]",
      "Tabel 3.3!J9",
      "[warning target-unit-mismatch 1]",
      "Tabel 3.3!E28",
      "[info text-number 1]",
      "Tabel 3.3!J9",
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it("a collapsed group keeps its header and count, not its findings", () => {
    const rows = findingRows(findings, new Set([groupKey("error", "malformed-number")]), "", "en");
    expect(rows[0]).toMatchObject({ type: "group", collapsed: true, count: 2 });
    expect(rows[1]).toMatchObject({ type: "group", rule: "rollup-mismatch" });
  });

  it("filters by a cell, a quoted sheet reference, or words of the message in the pane's language", () => {
    expect(matchesFilter(findings[1], "f28", "en")).toBe(true);
    expect(matchesFilter(findings[4], "'Tabel 3.3'!F28", "en")).toBe(false);
    expect(matchesFilter(findings[1], "'Tabel 3.3'!F28", "en")).toBe(true);
    expect(matchesFilter(findings[1], "cannot 4.765", "en")).toBe(true);
    expect(matchesFilter(findings[1], "pesan", "en")).toBe(false);
    expect(matchesFilter(findings[1], "pesan", "id")).toBe(true);
    const rows = findingRows(findings, new Set(), "J9", "en");
    expect(rows.filter((r) => r.type === "finding")).toHaveLength(2);
  });

  it("counts by severity", () => {
    expect(severityCounts(findings)).toEqual({ error: 3, warning: 1, info: 1 });
  });
});

describe("VirtualList's window", () => {
  it("renders only the rows in view plus the overscan, for ten thousand rows of mixed heights", () => {
    const items = Array.from({ length: 10_000 }, (_, i) => (i % 10 === 0 ? "group" : "finding"));
    const offsets = rowOffsets(items, (k) => (k === "group" ? 34 : 62));
    expect(offsets[10]).toBe(34 + 9 * 62);
    expect(offsets[10_000]).toBe(1000 * (34 + 9 * 62));
    expect(visibleRange(offsets, 500, 0, 0)).toEqual([0, 9]);
    const [first, last] = visibleRange(offsets, 500, offsets[5000], 6);
    expect(first).toBe(4994);
    expect(last - first).toBeLessThan(30);
    expect(visibleRange(offsets, 500, offsets[10_000] - 500, 6)[1]).toBe(10_000);
    expect(visibleRange(rowOffsets([], 10), 500, 0, 6)).toEqual([0, 0]);
  });
});

describe("previewLines", () => {
  it("shows amounts the pane's language's way, text quoted as written, formulas with their cached result", () => {
    const lines = previewLines(
      [
        { sheet: "Tabel 3.3", row: 28, col: 6, cell: "F28", before: { value: "4.765,000" }, after: { value: 4765000, numFmt: "#,##0" }, reason: { id: "dibaca", en: "read" } },
        { sheet: "Tabel 3.3", row: 71, col: 6, cell: "F71", before: { value: null }, after: { value: 4990624675, formula: "SUM(F9,F39)" }, reason: { id: "jumlah", en: "sum" } },
      ],
      "en",
    );
    expect(lines).toEqual([
      { key: "Tabel 3.3!F28", ref: "'Tabel 3.3'!F28", before: '"4.765,000"', after: "4,765,000", reason: "read" },
      { key: "Tabel 3.3!F71", ref: "'Tabel 3.3'!F71", before: "—", after: "=SUM(F9,F39) (4,990,624,675)", reason: "sum" },
    ]);
    // Issue 14 item 5: an amount stored 1,000× too small reads as what it is, not as an unchanged "8.399.475".
    const [k12] = previewLines([{ sheet: "Tabel 3.3", row: 12, col: 11, cell: "K12", before: { value: 8399.475 }, after: { value: 8399475 }, reason: { id: "dibaca", en: "read" } }], "id");
    expect(`${k12.before} → ${k12.after}`).toBe("8.399,475 → 8.399.475");
    expect(describeContent({ value: null, error: "#REF!" }, "id")).toBe("#REF!");
  });
});

describe("texts and theme", () => {
  it("fills placeholders in both languages", () => {
    expect(t("id", "findingsSummary", { n: 3, e: 1, w: 1, i: 1 })).toBe("3 temuan: 1 galat, 1 peringatan, 1 info");
    expect(t("en", "findingsSummary", { n: 3, e: 1, w: 1, i: 1 })).toBe("3 findings: 1 error, 1 warning, 1 info");
    // A count is grouped the language's way, and picks the English plural itself.
    expect(t("id", "findingsSummary", { n: 1438, e: 0, w: 1438, i: 0 })).toBe("1.438 temuan: 0 galat, 1.438 peringatan, 0 info");
    expect(t("en", "findingsSummary", { n: 1438, e: 0, w: 1438, i: 0 })).toBe("1,438 findings: 0 errors, 1,438 warnings, 0 info");
  });

  it("dark Office themes give the dark pane", () => {
    expect(isDarkTheme({ bodyBackgroundColor: "#262626" })).toBe(true);
    expect(isDarkTheme({ bodyBackgroundColor: "#FFFFFF" })).toBe(false);
    expect(isDarkTheme(undefined)).toBe(false);
  });
});
