/**
 * Host conformance: one table of write cases, run against the .xlsx host (a real package patched in memory),
 * the Office host over the Excel fake (test/office/fakeExcel.ts), and the same Office host through Microsoft's
 * Office.js client replaying onto the fake (test/office/officeJs.ts: what the real client validates and batches). Each case is a small sheet, a plan, and
 * either the cells it must read back after the write or the refusal (code and both messages) it must give with
 * nothing written. Both hosts refuse through the host contract's refusals(plan, now) (src/domain/host.ts).
 * Not in the table: array formulas (the Excel fake does not model them; the .xlsx host's are in
 * test/xlsx/patch/guard.test.ts).
 */
import { HostError, type SheetWritingHost, type WritableHost } from "../../src/domain/host";
import type { CellContent, PlannedCell, SheetPlan } from "../../src/domain/plan";
import { parseA1, type MergeArea, type SheetSnapshot } from "../../src/domain/sheet/snapshot";
import { openWritableXlsxHost } from "../../src/xlsx";
import { parseArea } from "../../src/xlsx/patch/sheet";
import { FakeWorkbook, type FakeCell } from "../office/fakeExcel";
import { officeJsEnvironment } from "../office/officeJs";
import { hostFor } from "../office/support";
import { OfficeHost } from "../../src/office";
import { xlsxBytes } from "../xlsx/workbooks";

const SHEET = "Tabel 3.3";

interface Case {
  name: string;
  cells: Record<string, FakeCell>;
  merges?: string[];
  protected?: boolean;
  plan: { cell: string; before: CellContent; after: CellContent }[];
  /** Cells read back after the write (value, formula, number format). */
  expect?: Record<string, Partial<CellContent>>;
  refused?: { code: string; id: RegExp; en: RegExp };
}

const CASES: Case[] = [
  {
    name: "a number over a number, and a SUM with its cached result",
    cells: { A1: { value: 5 }, A2: { value: 7 }, A3: { value: 1 } },
    plan: [
      { cell: "A1", before: { value: 5 }, after: { value: 6 } },
      { cell: "A3", before: { value: 1 }, after: { value: 13, formula: "SUM(A1:A2)" } },
    ],
    expect: { A1: { value: 6 }, A3: { value: 13, formula: "SUM(A1:A2)" } },
  },
  {
    name: "text that looks like a number stays text",
    cells: { B2: { value: 1 } },
    plan: [{ cell: "B2", before: { value: 1 }, after: { value: "4.765,000" } }],
    expect: { B2: { value: "4.765,000", numFmt: "@" } },
  },
  {
    name: "an amount format is set with the number",
    cells: { C1: { value: "4.765.000" } },
    plan: [{ cell: "C1", before: { value: "4.765.000" }, after: { value: 4765000, numFmt: "#,##0" } }],
    expect: { C1: { value: 4765000, numFmt: "#,##0" } },
  },
  {
    name: "a cell changed since it was read (4765 the number is not \"4765\" the text)",
    cells: { A1: { value: "4765" }, A2: { value: 2 } },
    plan: [
      { cell: "A1", before: { value: 4765 }, after: { value: 1 } },
      { cell: "A2", before: { value: 2 }, after: { value: 3 } },
    ],
    refused: { code: "changed-since-read", id: /^Sel berikut berubah sejak dibaca: 'Tabel 3\.3'!A1\. Tidak ada yang ditulis\./, en: /^These cells changed since they were read: 'Tabel 3\.3'!A1\./ },
  },
  {
    name: "a protected sheet",
    cells: { A1: { value: 1 } },
    protected: true,
    plan: [{ cell: "A1", before: { value: 1 }, after: { value: 2 } }],
    refused: { code: "protected", id: /^Lembar 'Tabel 3\.3' diproteksi\./, en: /^Sheet 'Tabel 3\.3' is protected\./ },
  },
  {
    name: "a cell inside a merge that is not its top-left cell",
    cells: { A1: { value: "Program" } },
    merges: ["A1:B2"],
    plan: [{ cell: "B1", before: { value: null }, after: { value: 9 } }],
    refused: { code: "protected", id: /sel gabungan tetapi bukan sel kiri-atasnya.*'Tabel 3\.3'!B1 \(A1:B2\)/, en: /not their top-left cell.*'Tabel 3\.3'!B1 \(A1:B2\)/ },
  },
  {
    name: "a plan that writes one cell twice",
    cells: { A1: { value: 1 } },
    plan: [
      { cell: "A1", before: { value: 1 }, after: { value: 2 } },
      { cell: "A1", before: { value: 1 }, after: { value: 3 } },
    ],
    refused: { code: "unwritable-cell", id: /mengubah 'Tabel 3\.3'!A1 dua kali/, en: /writes 'Tabel 3\.3'!A1 twice/ },
  },
  {
    name: "thirteen changed cells: twelve named, the rest counted",
    cells: Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`D${i + 1}`, { value: i + 100 }])),
    plan: Array.from({ length: 13 }, (_, i) => ({ cell: `D${i + 1}`, before: { value: i }, after: { value: 0 } })),
    refused: { code: "changed-since-read", id: /'Tabel 3\.3'!D12 dan 1 sel lainnya\./, en: /'Tabel 3\.3'!D12 and 1 more\./ },
  },
];

function plannedCells(c: Case): PlannedCell[] {
  return c.plan.map((p) => {
    const at = parseA1(p.cell);
    if (!at) throw new Error(p.cell);
    return { sheet: SHEET, row: at.row, col: at.col, cell: p.cell, before: p.before, after: p.after, reason: { id: "uji", en: "test" } };
  });
}

function areas(c: Case): MergeArea[] {
  return (c.merges ?? []).map((m) => parseArea(m) as MergeArea);
}

async function xlsxHost(c: Case): Promise<WritableHost> {
  const bytes = await xlsxBytes(async (wb) => {
    const ws = wb.addWorksheet(SHEET);
    for (const [address, cell] of Object.entries(c.cells)) {
      const target = ws.getCell(address);
      target.value = cell.formula ? { formula: cell.formula, result: cell.value as number } : cell.value;
      if (cell.numFmt) target.numFmt = cell.numFmt;
    }
    for (const m of c.merges ?? []) ws.mergeCells(m);
    if (c.protected) await ws.protect("", {});
  });
  return openWritableXlsxHost(bytes, "conformance.xlsx");
}

function fakeFor(c: Case): FakeWorkbook {
  const fake = new FakeWorkbook();
  fake.apiVersion = "1.13";
  const sheet = fake.addSheet(SHEET, [], { merges: areas(c), protected: c.protected ?? false });
  for (const [address, cell] of Object.entries(c.cells)) {
    const at = parseA1(address);
    if (!at) throw new Error(address);
    let line = sheet.cells.get(at.row);
    if (!line) sheet.cells.set(at.row, (line = new Map()));
    line.set(at.col, { ...cell });
  }
  return fake;
}

async function officeHost(c: Case): Promise<WritableHost> {
  return hostFor(fakeFor(c));
}

/**
 * Microsoft's client over the same fake, chosen here per host rather than through the global client mode. Every
 * Excel.run through that client ends in its reference-cleanup request, which the fake's own proxies never send:
 * counting them proves the case really went through Microsoft's client.
 */
const clientFakes = new WeakMap<WritableHost, FakeWorkbook>();
async function officeJsHost(c: Case): Promise<WritableHost> {
  const fake = fakeFor(c);
  const host = new OfficeHost(officeJsEnvironment(fake));
  clientFakes.set(host, fake);
  return host;
}

const HOSTS: [string, (c: Case) => Promise<WritableHost>][] = [
  [".xlsx host", xlsxHost],
  ["Office host (Excel fake)", officeHost],
  ["Office host (Microsoft's Office.js client over the fake)", officeJsHost],
];

async function snapshot(host: WritableHost): Promise<SheetSnapshot> {
  const refs = await host.listSheets();
  const ref = refs.find((r) => r.name === SHEET);
  if (!ref) throw new Error("sheet missing");
  return host.readSnapshot(ref);
}

describe.each(HOSTS)("host conformance: %s", (_name, open) => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_title, c) => {
    const host = await open(c);
    const before = await snapshot(host);
    let error: unknown;
    try {
      await host.apply({ title: { id: "uji", en: "test" }, cells: plannedCells(c) });
    } catch (e) {
      error = e;
    }
    const after = await snapshot(host);
    const viaClient = clientFakes.get(host);
    if (viaClient) expect(viaClient.cleanupSyncs).toBeGreaterThan(0);
    if (c.refused) {
      expect(error).toBeInstanceOf(HostError);
      const e = error as HostError;
      expect(e.code).toBe(c.refused.code);
      expect(e.messages.id).toMatch(c.refused.id);
      expect(e.messages.en).toMatch(c.refused.en);
      // Nothing written: the sheet reads as before.
      expect([...after.rows]).toEqual([...before.rows]);
      return;
    }
    expect(error).toBeUndefined();
    for (const [address, want] of Object.entries(c.expect ?? {})) {
      const at = parseA1(address);
      if (!at) throw new Error(address);
      const got = after.rows.get(at.row)?.get(at.col);
      expect({ address, ...pick(got, Object.keys(want) as (keyof CellContent)[]) }).toEqual({ address, ...want });
    }
  });
});

function pick(cell: Partial<CellContent> | undefined, keys: (keyof CellContent)[]): Partial<CellContent> {
  const out: Partial<CellContent> = {};
  for (const k of keys) if (cell?.[k] !== undefined) Object.assign(out, { [k]: cell[k] });
  return out;
}

/**
 * Batalkan after Buat Tabel, on both hosts: the generated sheet's cells are gone (the .xlsx host removes the sheet,
 * the Office host empties it: DECISIONS.md), the source is untouched; while the sheet holds a write made after it,
 * the host refuses with nothing changed, and once that write is taken back the sheet can be.
 */
const GENERATED = "Tabel 3.3 (Renja Cermat)";

function smallTable(): SheetPlan {
  return {
    type: "sheet",
    title: { id: "Buat Tabel 3.3", en: "Generate Tabel 3.3" },
    table: "tabel-3.3",
    sheetName: GENERATED,
    replaceGenerated: false,
    sourceSheet: SHEET,
    cells: [
      { row: 1, col: 1, value: "TABEL 3.3", style: { bold: true } },
      { row: 2, col: 1, value: 5, numFmt: "#,##0" },
      { row: 3, col: 1, value: 5, formula: "SUM(A2)", numFmt: "#,##0" },
    ],
    merges: [{ top: 1, left: 1, bottom: 1, right: 2 }],
    columnWidths: [],
    rowHeights: [],
    print: { orientation: "landscape", paperSize: 14, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
    notices: [],
  };
}

type SheetHost = WritableHost & Required<Pick<SheetWritingHost, "applySheetPlan" | "undoSheet">>;
const SOURCE: Case = { name: "source", cells: { A1: { value: 5 } }, plan: [] };
const SHEET_HOSTS: [string, () => Promise<SheetHost>][] = [
  [".xlsx host", async () => (await xlsxHost(SOURCE)) as SheetHost],
  ["Office host (Excel fake)", async () => (await officeHost(SOURCE)) as SheetHost],
];

async function cellsOf(host: WritableHost, name: string): Promise<string[]> {
  const ref = (await host.listSheets()).find((r) => r.name === name);
  if (!ref) return [];
  const rows = (await host.readSnapshot(ref)).rows;
  return [...rows].flatMap(([r, line]) => [...line].filter(([, c]) => c.value !== null || c.formula).map(([c, cell]) => `${r},${c}=${cell.formula ?? String(cell.value)}`));
}

describe.each(SHEET_HOSTS)("host conformance, Batalkan after Buat Tabel: %s", (_name, open) => {
  it("takes the generated sheet's cells back and leaves the source alone", async () => {
    const host = await open();
    const made = await host.applySheetPlan(smallTable());
    if (!made.undo) throw new Error("no undo record");
    expect(await cellsOf(host, GENERATED)).toEqual(["1,1=TABEL 3.3", "2,1=5", "3,1=SUM(A2)"]);
    await host.undoSheet(made.undo);
    expect(await cellsOf(host, GENERATED)).toEqual([]);
    expect(await cellsOf(host, SHEET)).toEqual(["1,1=5"]);
  });

  it("refuses while a later write is on the sheet (nothing changed), and takes it back once that write is undone", async () => {
    const host = await open();
    const made = await host.applySheetPlan(smallTable());
    if (!made.undo) throw new Error("no undo record");
    const edit = await host.apply({ title: { id: "ubah", en: "edit" }, cells: [{ sheet: GENERATED, row: 5, col: 1, cell: "A5", before: { value: null }, after: { value: "catatan saya" }, reason: { id: "uji", en: "test" } }] });
    const e = await host.undoSheet(made.undo).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HostError);
    expect((e as HostError).code).toBe("changed-since-read");
    expect(await cellsOf(host, GENERATED)).toEqual(["1,1=TABEL 3.3", "2,1=5", "3,1=SUM(A2)", "5,1=catatan saya"]);
    await host.undo(edit);
    await host.undoSheet(made.undo);
    expect(await cellsOf(host, GENERATED)).toEqual([]);
  });
});
