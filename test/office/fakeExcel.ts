/// <reference types="office-js" />
/**
 * A recording fake of the part of the Excel JavaScript API the Office host uses. It ENFORCES what Excel
 * enforces, or a passing test would prove nothing:
 * - a property can be read only after it was loaded AND a sync ran (PropertyNotLoaded otherwise);
 * - a ClientResult's value only after a sync;
 * - a batch's request and response are each limited to 5 MB (JSON size of the data carried), over which
 *   the sync fails with Request/ResponsePayloadSizeLimitExceeded and the batch does nothing;
 * - writing into a protected sheet fails with AccessDenied; a missing sheet with ItemNotFound;
 * - strings written through `values`/`formulas` are parsed as if typed (=… becomes a formula, "12" a number)
 *   unless the cell is formatted as Text "@" or the text starts with a quote prefix;
 * - getMergedAreasOrNullObject lists only merges whose top-left cell lies inside the range (office-js#3611), and
 *   fails (GeneralException) above 512 areas;
 * It counts syncs, logs every write, and can be put in cell-edit mode, fail a given sync, or hang.
 */
import type { ExcelRunOptions, OfficeEnvironment } from "../../src/office/environment";
import type { CellValue, MergeArea } from "../../src/domain/sheet/snapshot";
import { a1, columnIndex } from "../../src/domain/sheet/snapshot";
import { clientMode } from "./clientMode";
import { officeJsEnvironment } from "./officeJs";

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Cells one range read returns at most (above it the arrays come back null). */
export const CELLS_PER_READ = 5_000_000;
/** Range.getMergedAreasOrNullObject answers for at most this many areas. */
export const MERGED_AREAS_LIMIT = 512;
/** Bytes a queued operation costs in the request besides its data (method name, object path, ids). */
const OP_OVERHEAD = 60;

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "OfficeExtension.Error";
  }
}

export interface FakeFill {
  color: string;
  pattern: string;
  patternColor?: string;
  tintAndShade?: number;
}

export interface FakeCell {
  value: CellValue;
  formula?: string;
  error?: string;
  numFmt?: string;
  bold?: boolean;
  italic?: boolean;
  indent?: number;
  fill?: FakeFill;
  borders?: Record<string, string>;
  wrap?: boolean;
  horizontal?: string;
  vertical?: string;
  fontSize?: number;
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  cells: Map<number, Map<number, FakeCell>>;
  merges: MergeArea[];
  hiddenRows: Set<number>;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  layout: Record<string, unknown>;
  /** Sheet-scoped names: name -> formula. */
  names: Map<string, string>;
  /** Worksheet.customProperties (ExcelApi 1.12): key -> value; they travel with the sheet. */
  customProperties: Map<string, string>;
  frozenRows?: number;
  activations: number;
  selected?: string;
}

export interface WriteLogEntry {
  sheet: string;
  target: string;
  what: string;
}

type Op = { request: number; run: () => number; write?: boolean };

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly settings = new Map<string, unknown>();
  /** Highest ExcelApi version isSetSupported answers yes for. */
  apiVersion = "1.13";
  syncs = 0;
  /** Sees each request body Microsoft's client sends (office-js mode only). */
  onRequest?: (body: unknown, bytes: number) => void;
  /** Of those, the requests Microsoft's client sends after Excel.run only to release kept references. */
  cleanupSyncs = 0;
  readonly writes: WriteLogEntry[] = [];
  readonly runs: ExcelRunOptions[] = [];
  readonly maxRequestBytes: number[] = [];
  readonly maxResponseBytes: number[] = [];
  cellEditMode = false;
  /** Sync number (1-based, counted over the fake's life) -> the error code that sync fails with. */
  readonly failSync = new Map<number, string>();
  /** Fail every sync whose response exceeds this (a smaller stand-in for 5 MB when a test needs it). */
  responseLimit = PAYLOAD_LIMIT;
  requestLimit = PAYLOAD_LIMIT;
  /** Cells one range read returns at most; above it values, formulas... come back null. */
  cellsPerRead = CELLS_PER_READ;
  /** What an oversized request fails with: Excel on the web's code, or the GeneralException some hosts give. */
  oversizeError: "RequestPayloadSizeLimitExceeded" | "GeneralException" = "RequestPayloadSizeLimitExceeded";
  /** A sync with this number never settles (a hung Excel on the web). */
  hangOnSync?: number;
  /** Fails a run with mergeUndoGroup as Excel does when an operation cannot be undone. */
  undoNotSupported = false;
  private nextId = 1;

  addSheet(name: string, grid: readonly (readonly (CellValue | FakeCell | undefined)[])[] = [], extra: Partial<Pick<FakeSheet, "protected" | "visibility">> & { merges?: MergeArea[]; hiddenRows?: number[]; top?: number; left?: number } = {}): FakeSheet {
    const sheet = this.newSheet(name);
    sheet.protected = extra.protected ?? false;
    sheet.visibility = extra.visibility ?? "Visible";
    sheet.merges = extra.merges ?? [];
    for (const r of extra.hiddenRows ?? []) sheet.hiddenRows.add(r);
    grid.forEach((line, ri) =>
      line.forEach((raw, ci) => {
        if (raw === undefined || raw === null) return;
        const cell: FakeCell = typeof raw === "object" ? { ...raw } : { value: raw };
        setCell(sheet, ri + (extra.top ?? 1), ci + (extra.left ?? 1), cell);
      }),
    );
    return sheet;
  }

  newSheet(name: string): FakeSheet {
    const sheet: FakeSheet = {
      id: `{00000000-0001-0000-${String(this.nextId++).padStart(4, "0")}-000000000000}`,
      name,
      visibility: "Visible",
      protected: false,
      cells: new Map(),
      merges: [],
      hiddenRows: new Set(),
      columnWidths: new Map(),
      rowHeights: new Map(),
      layout: {},
      names: new Map(),
      customProperties: new Map(),
      activations: 0,
    };
    this.sheets.push(sheet);
    return sheet;
  }

  /**
   * The workbook closed and opened again: Excel gives every worksheet a new id ("constant within a single
   * session but will change between sessions"); contents, names, custom properties and settings stay.
   */
  reopen(): void {
    for (const s of this.sheets) s.id = `{00000000-0002-0000-${String(this.nextId++).padStart(4, "0")}-000000000000}`;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name || x.id === name);
    if (!s) throw new FakeOfficeError("ItemNotFound", `no sheet ${name}`);
    return s;
  }

  cell(sheet: string, ref: string): FakeCell | undefined {
    const m = /^([A-Z]+)(\d+)$/.exec(ref);
    if (!m) throw new Error(ref);
    return this.sheet(sheet).cells.get(Number(m[2]))?.get(columnIndex(m[1]));
  }

  isSetSupported(name: string, version: string): boolean {
    return name === "ExcelApi" && compareVersions(version, this.apiVersion) <= 0;
  }

  /**
   * The environment the host runs on: the fake's own proxies, or Microsoft's Office.js client replaying its
   * requests onto this workbook (test/office/officejs/ runs every Office test that way too).
   */
  environment(): OfficeEnvironment {
    return clientMode() === "office-js" ? officeJsEnvironment(this) : this.fakeEnvironment();
  }

  fakeEnvironment(): OfficeEnvironment {
    return {
      run: async (options, batch) => {
        this.runs.push({ ...options });
        if (options.mergeUndoGroup && !this.isSetSupported("ExcelApi", "1.20")) throw new Error("mergeUndoGroup needs ExcelApi 1.20");
        if (options.mergeUndoGroup && this.undoNotSupported) throw new FakeOfficeError("UndoNotSupported", "undo group not supported");
        const context = new FakeContext(this);
        return batch(context as unknown as Excel.RequestContext);
      },
      isSetSupported: (name, version) => this.isSetSupported(name, version),
    };
  }

  /** A request context over this workbook (Microsoft's client bridge replays its requests onto one). */
  context(): FakeContext {
    return new FakeContext(this);
  }

  error(code: string, message: string): FakeOfficeError {
    return new FakeOfficeError(code, message);
  }

  /**
   * Runs the queued operations of one sync, all or nothing for the payload checks. `requestBytes` is the real
   * request's size when Microsoft's client built it; otherwise the fake's own estimate counts.
   */
  async sync(ops: Op[], requestBytes?: number): Promise<void> {
    this.syncs++;
    const n = this.syncs;
    if (this.hangOnSync === n) return new Promise<void>(() => undefined);
    await Promise.resolve();
    if (this.cellEditMode) throw new FakeOfficeError("InvalidOperationInCellEditMode", "cell edit mode");
    const injected = this.failSync.get(n);
    if (injected) throw new FakeOfficeError(injected, `injected ${injected}`);
    const request = requestBytes ?? ops.reduce((s, op) => s + op.request, 0);
    this.maxRequestBytes.push(request);
    if (request > this.requestLimit) throw new FakeOfficeError(this.oversizeError, `request of ${request} bytes`);
    // Writes are applied on a copy first: a batch that fails (payload, protection) changes nothing.
    const before = ops.some((op) => op.write) ? this.cloneState() : () => undefined;
    const writesBefore = this.writes.length;
    let response = 0;
    try {
      for (const op of ops) response += op.run();
      this.maxResponseBytes.push(response);
      if (response > this.responseLimit) throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `response of ${response} bytes`);
    } catch (e) {
      before();
      this.writes.length = writesBefore;
      throw e;
    }
  }

  log(sheet: FakeSheet, target: string, what: string): void {
    if (sheet.protected) throw new FakeOfficeError("AccessDenied", `sheet ${sheet.name} is protected`);
    this.writes.push({ sheet: sheet.name, target, what });
  }

  private cloneState(): () => void {
    const sheets = [...this.sheets];
    const saved = sheets.map((s) => ({
      s,
      cells: new Map([...s.cells].map(([r, row]) => [r, new Map([...row].map(([c, cell]) => [c, { ...cell, fill: cell.fill && { ...cell.fill }, borders: cell.borders && { ...cell.borders } }]))])),
      merges: [...s.merges],
      layout: { ...s.layout },
      columnWidths: new Map(s.columnWidths),
      rowHeights: new Map(s.rowHeights),
    }));
    const settings = new Map(this.settings);
    return () => {
      this.sheets.splice(0, this.sheets.length, ...sheets);
      for (const x of saved) Object.assign(x.s, { cells: x.cells, merges: x.merges, layout: x.layout, columnWidths: x.columnWidths, rowHeights: x.rowHeights });
      this.settings.clear();
      for (const [k, v] of settings) this.settings.set(k, v);
    };
  }
}

function compareVersions(a: string, b: string): number {
  const [a1v, a2] = a.split(".").map(Number);
  const [b1, b2] = b.split(".").map(Number);
  return a1v - b1 || a2 - b2;
}

export function setCell(sheet: FakeSheet, row: number, col: number, cell: FakeCell): void {
  let line = sheet.cells.get(row);
  if (!line) sheet.cells.set(row, (line = new Map()));
  line.set(col, cell);
}

function getCell(sheet: FakeSheet, row: number, col: number): FakeCell | undefined {
  return sheet.cells.get(row)?.get(col);
}

function hasContent(c: FakeCell): boolean {
  return (c.value !== null && c.value !== "") || c.formula !== undefined || c.error !== undefined;
}

/* ---------------------------------------------------------------------------------------------------------- */

export class FakeContext {
  readonly workbook: FakeWorkbookObject;
  private queue: Op[] = [];

  constructor(readonly fake: FakeWorkbook) {
    this.workbook = new FakeWorkbookObject(this);
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  /** Drops what a failed replay queued. */
  discard(): void {
    this.queue = [];
  }

  async sync(requestBytes?: number): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    await this.fake.sync(ops, requestBytes);
  }
}

/** The base of every proxy: properties become readable only through a load followed by a sync. */
class ClientObject {
  protected readonly loaded = new Map<string, unknown>();

  constructor(protected readonly ctx: FakeContext) {}

  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) throw new FakeOfficeError("PropertyNotLoaded", `${this.constructor.name}.${name} was not loaded (or read before context.sync())`);
    return this.loaded.get(name) as T;
  }

  protected queueLoad(names: string[], fetch: (name: string) => unknown): void {
    this.ctx.enqueue({
      request: OP_OVERHEAD,
      run: () => {
        let bytes = 0;
        for (const n of names) {
          const v = fetch(n);
          this.loaded.set(n, v);
          bytes += JSON.stringify(v ?? null).length + n.length;
        }
        return bytes;
      },
    });
  }

  protected write(request: unknown, run: () => void): void {
    this.ctx.enqueue({ request: OP_OVERHEAD + JSON.stringify(request ?? null).length, run: () => (run(), 0), write: true });
  }
}

function propertyList(props: string | string[] | Record<string, unknown> | undefined): string[] {
  if (props === undefined) return [];
  if (typeof props === "string") return props.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(props)) return props;
  return Object.keys(props);
}

export class ClientResult<T> {
  private resolved = false;
  private result: T | undefined;

  constructor(ctx: FakeContext, compute: () => T) {
    ctx.enqueue({
      request: OP_OVERHEAD,
      run: () => {
        this.result = compute();
        this.resolved = true;
        return JSON.stringify(this.result).length;
      },
    });
  }

  get value(): T {
    if (!this.resolved) throw new FakeOfficeError("PropertyNotLoaded", "ClientResult.value read before context.sync()");
    return this.result as T;
  }
}

class FakeWorkbookObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly settings: FakeSettingCollection;

  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.settings = new FakeSettingCollection(ctx);
  }
}

class FakeWorksheetCollection extends ClientObject {
  load(props: string): this {
    const names = propertyList(props).map((p) => p.replace(/^items\//, ""));
    this.ctx.enqueue({
      request: OP_OVERHEAD,
      run: () => {
        const items = this.ctx.fake.sheets.map((s) => {
          const ws = new FakeWorksheet(this.ctx, () => s);
          ws.fill(names);
          return ws;
        });
        this.loaded.set("items", items);
        return JSON.stringify(this.ctx.fake.sheets.map((s) => names.map((n) => (s as unknown as Record<string, unknown>)[n]))).length;
      },
    });
    return this;
  }

  get items(): FakeWorksheet[] {
    return this.read("items");
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.fake.sheet(key));
  }

  /** How Microsoft's client addresses an item of a loaded collection that came back without an id. */
  getItemAt(index: number): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.fake.sheets[index] ?? null);
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.fake.sheets.find((s) => s.name === key || s.id === key) ?? null);
  }

  add(name: string): FakeWorksheet {
    let created: FakeSheet | undefined;
    this.write({ name }, () => {
      if (this.ctx.fake.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new FakeOfficeError("ItemAlreadyExists", name);
      created = this.ctx.fake.newSheet(name);
      this.ctx.fake.writes.push({ sheet: name, target: "", what: "add-sheet" });
    });
    return new FakeWorksheet(this.ctx, () => created ?? this.ctx.fake.sheet(name));
  }
}

class FakeWorksheet extends ClientObject {
  readonly protection: FakeProtection;
  readonly pageLayout: FakePageLayout;
  readonly freezePanes: { freezeRows: (n: number) => void };
  readonly names: FakeNamedItemCollection;
  readonly customProperties: FakeCustomPropertyCollection;

  constructor(
    ctx: FakeContext,
    readonly resolve: () => FakeSheet | null,
  ) {
    super(ctx);
    this.customProperties = new FakeCustomPropertyCollection(ctx, () => this.sheet());
    this.protection = new FakeProtection(ctx, () => this.resolve());
    this.pageLayout = new FakePageLayout(ctx, () => this.sheet());
    this.names = new FakeNamedItemCollection(ctx, () => this.sheet());
    this.freezePanes = {
      freezeRows: (n: number) => this.write({ n }, () => (this.sheet().frozenRows = n)),
    };
  }

  sheet(): FakeSheet {
    const s = this.resolve();
    if (!s) throw new FakeOfficeError("ItemNotFound", "worksheet not found");
    return s;
  }

  fill(names: string[]): void {
    const s = this.sheet();
    for (const n of names) this.loaded.set(n, (s as unknown as Record<string, unknown>)[n]);
  }

  load(props: string): this {
    const names = propertyList(props);
    this.queueLoad(["isNullObject", ...names], (n) => {
      const s = this.resolve();
      if (n === "isNullObject") return s === null;
      if (!s) return null;
      return (s as unknown as Record<string, unknown>)[n];
    });
    return this;
  }

  get id(): string {
    return this.read("id");
  }
  get name(): string {
    return this.read("name");
  }
  get visibility(): string {
    return this.read("visibility");
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }

  activate(): void {
    this.write({}, () => this.sheet().activations++);
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.sheet();
      if (address === undefined) return { sheet: s, top: 1, left: 1, rows: 1_048_576, cols: 16_384 };
      return { sheet: s, ...parseAddress(address) };
    });
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.sheet(), top: row + 1, left: col + 1, rows, cols }));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.sheet();
      let top = Infinity;
      let left = Infinity;
      let bottom = 0;
      let right = 0;
      for (const [r, line] of s.cells) {
        for (const [c, cell] of line) {
          if (valuesOnly && !hasContent(cell)) continue;
          top = Math.min(top, r);
          bottom = Math.max(bottom, r);
          left = Math.min(left, c);
          right = Math.max(right, c);
        }
      }
      // Merged cells are formatted: they belong to the used range unless it is values-only.
      for (const m of valuesOnly ? [] : s.merges) {
        top = Math.min(top, m.top);
        bottom = Math.max(bottom, m.bottom);
        left = Math.min(left, m.left);
        right = Math.max(right, m.right);
      }
      if (bottom === 0) return null;
      return { sheet: s, top, left, rows: bottom - top + 1, cols: right - left + 1 };
    });
  }
}

class FakeProtection extends ClientObject {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet | null,
  ) {
    super(ctx);
  }
  load(props: string): this {
    this.queueLoad(propertyList(props), () => {
      const s = this.sheet();
      // Stricter than needed, so the host never leans on loading through a null object.
      if (!s) throw new FakeOfficeError("ItemNotFound", "protection of a worksheet that does not exist");
      return s.protected;
    });
    return this;
  }
  get protected(): boolean {
    return this.read("protected");
  }
}

class FakePageLayout extends ClientObject {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
    return new globalThis.Proxy(this, {
      set: (target, prop, value) => {
        if (typeof prop !== "string") return false;
        target.write(value, () => {
          const s = target.sheet();
          if (!target.ctx.fake.isSetSupported("ExcelApi", "1.9")) throw new FakeOfficeError("ApiNotFound", `pageLayout.${prop} needs ExcelApi 1.9`);
          const allowed = PAGE_LAYOUT_ENUMS[prop];
          if (allowed) checked(allowed, `pageLayout.${prop}`, value);
          s.layout[prop] = value;
          target.ctx.fake.writes.push({ sheet: s.name, target: "", what: `pageLayout.${prop}` });
        });
        return true;
      },
    });
  }
  get headersFooters(): { defaultForAllPages: Record<string, string> } {
    const set = (prop: string, value: string): void => this.write(value, () => (this.sheet().layout[`footer.${prop}`] = value));
    return { defaultForAllPages: new globalThis.Proxy({}, { set: (_t, p, v) => (set(String(p), String(v)), true) }) };
  }
  setPrintTitleRows(rows: string): void {
    this.write(rows, () => (this.sheet().layout.printTitleRows = rows));
  }
}

interface Area {
  sheet: FakeSheet;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

function parseAddress(address: string): { top: number; left: number; rows: number; cols: number } {
  const plain = address.replace(/^.*!/, "").replace(/\$/g, "");
  const [from, to] = plain.split(":");
  const cell = (ref: string): { row: number; col: number } => {
    const m = /^([A-Za-z]+)(\d+)$/.exec(ref);
    if (m) return { col: columnIndex(m[1]), row: Number(m[2]) };
    const rowOnly = /^(\d+)$/.exec(ref);
    if (rowOnly) return { col: 1, row: Number(rowOnly[1]) };
    throw new FakeOfficeError("InvalidArgument", `bad address ${address}`);
  };
  const a = cell(from);
  const b = to ? cell(to) : a;
  if (/^\d+$/.test(from) && to) return { top: a.row, left: 1, rows: b.row - a.row + 1, cols: 16_384 };
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), rows: Math.abs(b.row - a.row) + 1, cols: Math.abs(b.col - a.col) + 1 };
}

const ERROR_TEXT = /^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NULL!|NUM!|SPILL!|CALC!)$/;

/** What Excel makes of a value written through the API: a string is parsed as if typed (en-US). */
function typedContent(input: unknown, numFmt: string | undefined): Pick<FakeCell, "value" | "formula" | "error"> {
  if (input === null || input === undefined || input === "") return { value: null };
  if (typeof input === "number" || typeof input === "boolean") return { value: input };
  const text = String(input);
  if (numFmt === "@") return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith("=")) return { value: null, formula: text.slice(1) };
  if (ERROR_TEXT.test(text)) return { value: null, error: text };
  const t = text.trim();
  if (/^[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?([eE][+-]?\d+)?$/.test(t)) return { value: Number(t.replace(/,/g, "")) };
  if (/^[+-]?\d+(\.\d+)?%$/.test(t)) return { value: Number(t.slice(0, -1)) / 100 };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  return { value: text };
}

class FakeRange extends ClientObject {
  readonly format: FakeRangeFormat;

  constructor(
    ctx: FakeContext,
    readonly resolve: () => Area | null,
  ) {
    super(ctx);
    this.format = new FakeRangeFormat(ctx, () => this.area());
  }

  area(): Area {
    const a = this.resolve();
    if (!a) throw new FakeOfficeError("ItemNotFound", "range is a null object");
    return a;
  }

  private grid<T>(f: (cell: FakeCell | undefined, row: number, col: number) => T): T[][] {
    const a = this.area();
    if (a.rows * a.cols > 10_000_000) throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "unbounded range read");
    // "Range.values may return null" above 5 million cells (Excel performance guidance), without an error.
    if (a.rows * a.cols > this.ctx.fake.cellsPerRead) return null as unknown as T[][];
    const out: T[][] = [];
    for (let r = 0; r < a.rows; r++) {
      const line: T[] = [];
      for (let c = 0; c < a.cols; c++) line.push(f(getCell(a.sheet, a.top + r, a.left + c), a.top + r, a.left + c));
      out.push(line);
    }
    return out;
  }

  load(props: string): this {
    const names = propertyList(props);
    this.queueLoad(["isNullObject", ...names], (n) => {
      const a = n === "isNullObject" ? null : this.resolve();
      switch (n) {
        case "isNullObject":
          return this.resolve() === null;
        case "values":
          return this.grid((c) => {
            if (c?.error) return c.error;
            if (c?.formula !== undefined) return calculate(this.area().sheet, c, new Set()) ?? c.value ?? 0;
            return c?.value ?? "";
          });
        case "formulas":
          return this.grid((c) => (c?.formula !== undefined ? `=${c.formula}` : c?.error ?? (c?.value ?? "")));
        case "numberFormat":
          return this.grid((c) => c?.numFmt ?? "General");
        case "valueTypes":
          return this.grid((c) => valueType(c));
        case "rowIndex":
          return a ? a.top - 1 : null;
        case "columnIndex":
          return a ? a.left - 1 : null;
        case "rowCount":
          return a ? a.rows : null;
        case "columnCount":
          return a ? a.cols : null;
        case "address":
          return a ? `${a.sheet.name}!${a1(a.top, a.left)}:${a1(a.top + a.rows - 1, a.left + a.cols - 1)}` : null;
        default:
          throw new FakeOfficeError("InvalidArgument", `the fake does not load Range.${n}`);
      }
    });
    return this;
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get address(): string {
    return this.read("address");
  }

  set values(v: unknown[][]) {
    this.writeContents(v, "values");
  }
  set formulas(v: unknown[][]) {
    this.writeContents(v, "formulas");
  }
  set numberFormat(v: unknown[][]) {
    this.write(v, () => {
      const a = this.area();
      this.ctx.fake.log(a.sheet, this.addressOf(a), "numberFormat");
      this.eachCell(a, v, (cell, x) => (cell.numFmt = String(x)));
    });
  }

  private writeContents(v: unknown[][], what: string): void {
    this.write(v, () => {
      const a = this.area();
      this.ctx.fake.log(a.sheet, this.addressOf(a), what);
      this.eachCell(a, v, (cell, x) => {
        const typed = typedContent(x, cell.numFmt);
        delete cell.formula;
        delete cell.error;
        Object.assign(cell, typed);
      });
    });
  }

  private eachCell(a: Area, v: unknown[][], f: (cell: FakeCell, x: unknown) => void): void {
    if (v.length !== a.rows || v.some((line) => line.length !== a.cols)) throw new FakeOfficeError("InvalidArgument", "array size does not match the range");
    for (let r = 0; r < a.rows; r++) {
      for (let c = 0; c < a.cols; c++) {
        let cell = getCell(a.sheet, a.top + r, a.left + c);
        if (!cell) setCell(a.sheet, a.top + r, a.left + c, (cell = { value: null }));
        f(cell, v[r][c]);
      }
    }
  }

  addressOf(a: Area): string {
    return a.rows === 1 && a.cols === 1 ? a1(a.top, a.left) : `${a1(a.top, a.left)}:${a1(a.top + a.rows - 1, a.left + a.cols - 1)}`;
  }

  getCellProperties(opts: { format?: { font?: { bold?: boolean }; indentLevel?: boolean } }): ClientResult<unknown[][]> {
    this.requireApi("1.9", "getCellProperties");
    return new ClientResult(this.ctx, () =>
      this.grid((c) => {
        const format: Record<string, unknown> = {};
        if (opts.format?.font?.bold) format.font = { bold: c?.bold ?? false };
        if (opts.format?.indentLevel) format.indentLevel = c?.indent ?? 0;
        return { format };
      }),
    );
  }

  getRowProperties(opts: { rowIndex?: boolean; rowHidden?: boolean }): ClientResult<unknown[]> {
    this.requireApi("1.9", "getRowProperties");
    return new ClientResult(this.ctx, () => {
      const a = this.area();
      const out: unknown[] = [];
      for (let r = 0; r < a.rows; r++) {
        const p: Record<string, unknown> = {};
        if (opts.rowIndex) p.rowIndex = a.top + r - 1;
        if (opts.rowHidden) p.rowHidden = a.sheet.hiddenRows.has(a.top + r);
        out.push(p);
      }
      return out;
    });
  }

  getRow(row: number): FakeRange {
    return new FakeRange(this.ctx, () => ({ ...this.area(), top: this.area().top + row, rows: 1 }));
  }

  /** Office.js writes an array of more than 1,500 cells as row slices: getRow(i).getBoundingRect(getRow(j)). */
  getBoundingRect(other: FakeRange): FakeRange {
    return new FakeRange(this.ctx, () => {
      const a = this.area();
      const b = other.area();
      const top = Math.min(a.top, b.top);
      const left = Math.min(a.left, b.left);
      return { sheet: a.sheet, top, left, rows: Math.max(a.top + a.rows, b.top + b.rows) - top, cols: Math.max(a.left + a.cols, b.left + b.cols) - left };
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, () => {
      const a = this.area();
      const inside = a.sheet.merges.filter((m) => m.top >= a.top && m.top < a.top + a.rows && m.left >= a.left && m.left < a.left + a.cols);
      // The API reference: above 512 areas the method "will fail to return the result".
      if (inside.length > MERGED_AREAS_LIMIT) throw new FakeOfficeError("GeneralException", `${inside.length} merged areas in ${this.addressOf(a)}`);
      return inside.length ? inside : null;
    });
  }

  select(): void {
    this.write({}, () => {
      const a = this.area();
      a.sheet.selected = this.addressOf(a);
    });
  }

  merge(across?: boolean): void {
    this.write({ across }, () => {
      const a = this.area();
      this.ctx.fake.log(a.sheet, this.addressOf(a), "merge");
      a.sheet.merges.push({ top: a.top, left: a.left, bottom: a.top + a.rows - 1, right: a.left + a.cols - 1 });
    });
  }

  unmerge(): void {
    this.write({}, () => {
      const a = this.area();
      this.ctx.fake.log(a.sheet, this.addressOf(a), "unmerge");
      a.sheet.merges = a.sheet.merges.filter((m) => m.top < a.top || m.top >= a.top + a.rows || m.left < a.left || m.left >= a.left + a.cols);
    });
  }

  clear(): void {
    this.write({}, () => {
      const a = this.area();
      this.ctx.fake.log(a.sheet, this.addressOf(a), "clear");
      for (const [r, line] of a.sheet.cells) {
        if (r < a.top || r >= a.top + a.rows) continue;
        for (const c of [...line.keys()]) if (c >= a.left && c < a.left + a.cols) line.delete(c);
      }
    });
  }

  private requireApi(version: string, what: string): void {
    if (!this.ctx.fake.isSetSupported("ExcelApi", version)) throw new TypeError(`${what} is not a function (needs ExcelApi ${version})`);
  }
}

/**
 * Excel calculates; the fake calculates the formulas the tool writes (SUM over cells and ranges, and sums of
 * references), so a written total reads back with its value. Anything else keeps its cached value.
 */
function calculate(sheet: FakeSheet, cell: FakeCell, seen: Set<FakeCell>): number | undefined {
  const f = cell.formula ?? "";
  const sum = /^SUM\(([A-Z0-9:,$ ]*)\)$/i.exec(f);
  const refs = sum ? sum[1].split(",") : /^[A-Z]+\d+(\s*\+\s*[A-Z]+\d+)*$/i.test(f) ? f.split("+") : undefined;
  if (!refs || seen.has(cell)) return undefined;
  seen.add(cell);
  let total = 0;
  for (const ref of refs.map((r) => r.trim()).filter(Boolean)) {
    const a = parseAddress(ref);
    for (let r = a.top; r < a.top + a.rows; r++) {
      for (let c = a.left; c < a.left + a.cols; c++) {
        const x = getCell(sheet, r, c);
        const v = x?.formula !== undefined ? calculate(sheet, x, seen) ?? x.value : x?.value;
        if (typeof v === "number") total += v;
      }
    }
  }
  seen.delete(cell);
  return total;
}

function valueType(c: FakeCell | undefined): string {
  if (!c) return "Empty";
  if (c.error) return "Error";
  if (c.formula !== undefined && (c.value === null || c.value === undefined)) return "Double";
  if (c.value === null || c.value === undefined || c.value === "") return "Empty";
  if (typeof c.value === "number") return "Double";
  if (typeof c.value === "boolean") return "Boolean";
  return "String";
}

class FakeRangeAreas extends ClientObject {
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => MergeArea[] | null,
  ) {
    super(ctx);
  }

  load(props: string): this {
    const names = propertyList(props);
    this.queueLoad(["isNullObject", "areas"], (n) => {
      const merges = this.resolve();
      if (n === "isNullObject") return merges === null;
      if (!merges || !names.some((x) => x.startsWith("areas/"))) return undefined;
      return { items: merges.map((m) => ({ rowIndex: m.top - 1, columnIndex: m.left - 1, rowCount: m.bottom - m.top + 1, columnCount: m.right - m.left + 1 })) };
    });
    return this;
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get areas(): { items: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }[] } {
    const v = this.read<{ items: [] } | undefined>("areas");
    if (!v) throw new FakeOfficeError("PropertyNotLoaded", "RangeAreas.areas was not loaded");
    return v;
  }
}

class FakeRangeFormat {
  readonly fill: FakeFillObject;
  readonly font: Record<string, unknown>;
  readonly borders: { getItem: (edge: string) => Record<string, unknown> };
  constructor(
    private readonly ctx: FakeContext,
    private readonly area: () => Area,
  ) {
    this.fill = new FakeFillObject(ctx, area);
    this.font = this.setterProxy((cell, prop, v) => {
      if (prop === "bold") cell.bold = Boolean(v);
      else if (prop === "italic") cell.italic = Boolean(v);
      else if (prop === "size") cell.fontSize = Number(v);
    }, "font");
    this.borders = {
      getItem: (edge: string) => {
        if (!BORDER_EDGES.has(edge)) throw new FakeOfficeError("InvalidArgument", `border ${edge}`);
        return this.setterProxy((cell, prop, v) => {
          const allowed = prop === "style" ? BORDER_STYLES : prop === "weight" ? BORDER_WEIGHTS : undefined;
          if (allowed && !allowed.has(String(v))) throw new FakeOfficeError("InvalidArgument", `border.${prop} ${String(v)}`);
          (cell.borders ??= {})[`${edge}.${prop}`] = String(v);
        }, `border.${edge}`);
      },
    };
    return new globalThis.Proxy(this, {
      set: (target, prop, value) => {
        const p = String(prop);
        target.queue(`format.${p}`, value, (a, cell) => {
          if (p === "columnWidth") for (let c = a.left; c < a.left + a.cols; c++) a.sheet.columnWidths.set(c, Number(value));
          else if (p === "rowHeight") for (let r = a.top; r < a.top + a.rows; r++) a.sheet.rowHeights.set(r, Number(value));
          else if (cell && p === "indentLevel") cell.indent = Number(value);
          else if (cell && p === "wrapText") cell.wrap = Boolean(value);
          else if (cell && p === "horizontalAlignment") cell.horizontal = checked(HORIZONTAL_ALIGNMENTS, p, value);
          else if (cell && p === "verticalAlignment") cell.vertical = checked(VERTICAL_ALIGNMENTS, p, value);
        });
        return true;
      },
    });
  }

  private setterProxy(apply: (cell: FakeCell, prop: string, v: unknown) => void, what: string): Record<string, unknown> {
    return new globalThis.Proxy({} as Record<string, unknown>, {
      set: (_t, prop, value) => {
        this.queue(`${what}.${String(prop)}`, value, (_a, cell) => cell && apply(cell, String(prop), value));
        return true;
      },
    });
  }

  /** Column widths and row heights apply once per range; cell formats to every cell. */
  private queue(what: string, value: unknown, apply: (a: Area, cell: FakeCell | undefined) => void): void {
    this.ctx.enqueue({
      request: OP_OVERHEAD + JSON.stringify(value ?? null).length,
      write: true,
      run: () => {
        const a = this.area();
        this.ctx.fake.log(a.sheet, `${a1(a.top, a.left)}:${a1(a.top + a.rows - 1, a.left + a.cols - 1)}`, what);
        if (what === "format.columnWidth" || what === "format.rowHeight") return apply(a, undefined), 0;
        for (let r = a.top; r < a.top + a.rows; r++) {
          for (let c = a.left; c < a.left + a.cols; c++) {
            let cell = getCell(a.sheet, r, c);
            if (!cell) setCell(a.sheet, r, c, (cell = { value: null }));
            apply(a, cell);
          }
        }
        return 0;
      },
    });
  }
}

/** Excel's enum values the host sets (HorizontalAlignment, VerticalAlignment, border and page-layout enums). */
const HORIZONTAL_ALIGNMENTS = new Set(["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"]);
const VERTICAL_ALIGNMENTS = new Set(["Top", "Center", "Bottom", "Justify", "Distributed"]);
const BORDER_EDGES = new Set(["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"]);
const BORDER_STYLES = new Set(["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"]);
const BORDER_WEIGHTS = new Set(["Hairline", "Thin", "Medium", "Thick"]);
const PAGE_LAYOUT_ENUMS: Record<string, ReadonlySet<string>> = {
  orientation: new Set(["Portrait", "Landscape"]),
  paperSize: new Set(["Letter", "LetterSmall", "Tabloid", "Ledger", "Legal", "Statement", "Executive", "A3", "A4", "A4Small", "A5", "B4", "B5", "Folio", "Quatro", "Paper10x14", "Paper11x17", "Note"]),
};

function checked(allowed: ReadonlySet<string>, what: string, value: unknown): string {
  if (!allowed.has(String(value))) throw new FakeOfficeError("InvalidArgument", `${what} ${String(value)}`);
  return String(value);
}

const FILL_PATTERNS = new Set(["None", "Solid", "Gray50", "Gray75", "Gray25", "Horizontal", "Vertical", "Down", "Up", "Checker", "SemiGray75", "LightHorizontal", "LightVertical", "LightDown", "LightUp", "Grid", "CrissCross", "Gray16", "Gray8", "LinearGradient", "RectangularGradient"]);

class FakeFillObject extends ClientObject {
  constructor(
    ctx: FakeContext,
    private readonly area: () => Area,
  ) {
    super(ctx);
  }

  private cell(): FakeCell | undefined {
    const a = this.area();
    return getCell(a.sheet, a.top, a.left);
  }

  load(props: string): this {
    const names = propertyList(props);
    this.queueLoad(names, (n) => {
      const fill = this.cell()?.fill ?? { color: "#FFFFFF", pattern: "None" };
      if ((n === "pattern" || n === "patternColor" || n === "tintAndShade") && !this.ctx.fake.isSetSupported("ExcelApi", "1.9")) throw new FakeOfficeError("ApiNotFound", `fill.${n} needs 1.9`);
      if (n === "tintAndShade") return fill.tintAndShade ?? 0;
      if (n === "patternColor") return fill.patternColor ?? "#000000";
      return (fill as unknown as Record<string, unknown>)[n];
    });
    return this;
  }

  get color(): string {
    return this.read("color");
  }
  set color(v: string) {
    this.change("fill.color", v, (f) => {
      f.color = v;
      if (f.pattern === "None") f.pattern = "Solid";
    });
  }
  get pattern(): string {
    return this.read("pattern");
  }
  set pattern(v: string) {
    this.change("fill.pattern", v, (f) => {
      // Excel.FillPattern; a gradient can be read but not written through the API.
      if (!FILL_PATTERNS.has(v) || /gradient/i.test(v)) throw new FakeOfficeError("InvalidArgument", `fill.pattern ${v}`);
      f.pattern = v;
    });
  }
  get patternColor(): string {
    return this.read("patternColor");
  }
  set patternColor(v: string) {
    this.change("fill.patternColor", v, (f) => (f.patternColor = v));
  }
  get tintAndShade(): number {
    return this.read("tintAndShade");
  }
  set tintAndShade(v: number) {
    this.change("fill.tintAndShade", v, (f) => (f.tintAndShade = v));
  }

  clear(): void {
    this.write({}, () => {
      const a = this.area();
      this.ctx.fake.log(a.sheet, a1(a.top, a.left), "fill.clear");
      this.forEach(a, (cell) => delete cell.fill);
    });
  }

  private change(what: string, v: unknown, f: (fill: FakeFill) => void): void {
    this.write(v, () => {
      const a = this.area();
      this.ctx.fake.log(a.sheet, a1(a.top, a.left), what);
      this.forEach(a, (cell) => f((cell.fill ??= { color: "#FFFFFF", pattern: "None" })));
    });
  }

  private forEach(a: Area, f: (cell: FakeCell) => void): void {
    for (let r = a.top; r < a.top + a.rows; r++) {
      for (let c = a.left; c < a.left + a.cols; c++) {
        let cell = getCell(a.sheet, r, c);
        if (!cell) setCell(a.sheet, r, c, (cell = { value: null }));
        f(cell);
      }
    }
  }
}

/** A workbook setting as settings.getItemOrNullObject(key) returns it: isNullObject and value need a load. */
class FakeSettingItem extends ClientObject {
  constructor(
    ctx: FakeContext,
    protected readonly k: string,
  ) {
    super(ctx);
  }
  load(props: string): this {
    this.queueLoad(["isNullObject", ...propertyList(props)], (n) => (n === "isNullObject" ? !this.ctx.fake.settings.has(this.k) : this.ctx.fake.settings.get(this.k) ?? null));
    return this;
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get value(): unknown {
    return this.read("value");
  }
  delete(): void {
    this.write({ key: this.k }, () => {
      this.ctx.fake.settings.delete(this.k);
      this.ctx.fake.writes.push({ sheet: "", target: this.k, what: "setting.delete" });
    });
  }
}

/** A setting as the collection's items hold it after a load: key and value already loaded. */
class FakeSetting extends FakeSettingItem {
  constructor(ctx: FakeContext, k: string, value: unknown) {
    super(ctx, k);
    this.loaded.set("key", k);
    this.loaded.set("value", value);
  }
  get key(): string {
    return this.read("key");
  }
}

class FakeNamedItemCollection extends ClientObject {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => this.sheet().names.get(name) ?? null, () => {
      const s = this.sheet();
      s.names.delete(name);
      this.ctx.fake.log(s, name, "name.delete");
    });
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => {
      const formula = this.sheet().names.get(name);
      if (formula === undefined) throw new FakeOfficeError("ItemNotFound", `no name ${name}`);
      return formula;
    }, () => {
      const s = this.sheet();
      if (!s.names.has(name)) throw new FakeOfficeError("ItemNotFound", `no name ${name}`);
      s.names.delete(name);
      this.ctx.fake.log(s, name, "name.delete");
    });
  }
  add(name: string, reference: string): void {
    this.write({ name, reference }, () => {
      const s = this.sheet();
      if (s.names.has(name)) throw new FakeOfficeError("ItemAlreadyExists", name);
      s.names.set(name, reference);
      this.ctx.fake.log(s, name, "name.add");
    });
  }
}

class FakeNamedItem extends ClientObject {
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => string | null,
    private readonly remove: () => void,
  ) {
    super(ctx);
  }
  load(props: string): this {
    this.queueLoad(["isNullObject", ...propertyList(props)], (n) => (n === "isNullObject" ? this.resolve() === null : this.resolve()));
    return this;
  }
  delete(): void {
    this.write({}, () => this.remove());
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get formula(): string {
    return this.read("formula");
  }
}

/** Worksheet.customProperties: getItemOrNullObject(key) and add(key, value), ExcelApi 1.12. */
class FakeCustomPropertyCollection extends ClientObject {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
  }
  private requireApi(): void {
    if (!this.ctx.fake.isSetSupported("ExcelApi", "1.12")) throw new FakeOfficeError("ApiNotFound", "Worksheet.customProperties needs ExcelApi 1.12");
  }
  getItemOrNullObject(key: string): FakeCustomProperty {
    return new FakeCustomProperty(this.ctx, () => {
      this.requireApi();
      return this.sheet().customProperties.get(key) ?? null;
    });
  }
  add(key: string, value: string): void {
    this.write({ key, value }, () => {
      this.requireApi();
      const s = this.sheet();
      s.customProperties.set(key, String(value));
      this.ctx.fake.writes.push({ sheet: "", target: `${s.name}:${key}`, what: "customProperty" });
    });
  }
}

class FakeCustomProperty extends ClientObject {
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => string | null,
  ) {
    super(ctx);
  }
  load(props: string): this {
    this.queueLoad(["isNullObject", ...propertyList(props)], (n) => (n === "isNullObject" ? this.resolve() === null : this.resolve()));
    return this;
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get value(): string {
    return this.read("value");
  }
}

class FakeSettingCollection extends ClientObject {
  load(_props: string): this {
    this.ctx.enqueue({
      request: OP_OVERHEAD,
      run: () => {
        const items = [...this.ctx.fake.settings].map(([k, v]) => new FakeSetting(this.ctx, k, v));
        this.loaded.set("items", items);
        return JSON.stringify([...this.ctx.fake.settings]).length;
      },
    });
    return this;
  }

  get items(): FakeSetting[] {
    return this.read("items");
  }

  getItemOrNullObject(key: string): FakeSettingItem {
    return new FakeSettingItem(this.ctx, key);
  }

  getItemAt(index: number): FakeSettingItem {
    return new FakeSettingItem(this.ctx, [...this.ctx.fake.settings.keys()][index] ?? "");
  }

  add(key: string, value: unknown): void {
    this.write({ key, value }, () => {
      this.ctx.fake.settings.set(key, value);
      this.ctx.fake.writes.push({ sheet: "", target: key, what: "setting" });
    });
  }
}

/** The cells-only part of the write log: what the zero-writes assertions look at. */
export function cellWrites(fake: FakeWorkbook): WriteLogEntry[] {
  return fake.writes.filter((w) => w.sheet !== "");
}
