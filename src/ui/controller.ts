/**
 * The pane's state and every action on it, independent of React and of the host: the Office.js host inside
 * Excel, the .xlsx host on the standalone page, a fake in tests. The ribbon commands drive the same instance
 * (SharedRuntime), so a click on "Validasi" in the ribbon shows its findings in the pane.
 */
import type { Finding, Message } from "../domain/findings";
import { isOwnSheet } from "../domain/generatedMarker";
import { HostError, SIGNED_WORKBOOK_WARNING } from "../domain/host";
import type { PaneHost, SheetRef, WorkbookHost, WritableHost } from "../domain/host";
import { renderAll } from "../domain/messages";
import type { ColumnRole, IndicatorKind, Level, MappedWorkbook, MappingOverrides, TableKind } from "../domain/mapping/types";
import { isSheetUndo, type ActionRecord, type SheetPlan, type WritePlan } from "../domain/plan";
import type { Catalogue } from "../domain/nomenclature";
import { fixedCatalogue, type CatalogueChoice } from "../domain/nomenclature/library";
import type { SheetSnapshot } from "../domain/sheet/snapshot";
import { columnLetter } from "../domain/sheet/snapshot";
import type { SipdExport, SipdReadFailure } from "../domain/sipd/types";
import { compareWithSipd } from "../domain/sipd/compare";
import type { Lang } from "./i18n";
import { t } from "./i18n";
import type { PlanKind, PlannedChange, Planners, PreviewChange } from "./planners";
import { placeholderHost } from "./placeholderHost";

/** Mapping and validation, injected so the pane's bundle and tests choose what they load. */
export interface Engine {
  mapWorkbook(sheets: SheetSnapshot[], opts?: { overrides?: MappingOverrides; nomenclature?: CatalogueChoice }): MappedWorkbook;
  validate(workbook: MappedWorkbook, options?: { sipd?: { export: SipdExport; skpd?: string } }): Finding[];
  /** Reads a SIPD-RI export picked in the pane (in the browser: the file is never uploaded). */
  readSipd?(bytes: Uint8Array, fileName: string): Promise<SipdExport | SipdReadFailure>;
}

/** "Bandingkan dengan SIPD": the export the user picked, the unit compared, and what the comparison says. */
export interface SipdState {
  file: string;
  export: SipdExport;
  /** The unit the user chose (kode or name); else the one a table title names. */
  skpd?: string;
  /** The unit compared, or why none could be chosen. */
  unit?: { name: string; kode?: string };
  unitError?: Message;
  /** Per plan table: sub kegiatan found in SIPD-RI and the totals. */
  tables: { sheet: string; matched: number; rows: number; planTotal?: string; sipdTotal: string }[];
  /** sipd-mismatch findings of severity error / warning. */
  differences: number;
}

// The pane's host capabilities are part of the host contract (domain/host.ts); re-exported for the pane's modules.
export type { HighlightingHost, PaneHost, SheetWritingHost } from "../domain/host";

export type View = "actions" | "findings" | "mapping";

export type Preview = { kind: PlanKind; summary: Message[] } & (
  | {
      plan: WritePlan;
      options: Record<string, string[]>;
      choices: Record<string, string>;
      /** Recompute: every change with its checkbox state; decisions ticked (accept) and others unticked (skip). */
      changes?: PreviewChange[];
      /** The parents not recomputed beyond those in the summary (shown on request). */
      moreSkipped?: Message[];
      accept: string[];
      skip: string[];
    }
  | { sheet: SheetPlan }
);

export interface Busy {
  label: Message;
  /** 0..1 when known (reading sheet i of n). */
  progress?: number;
}

export interface Notice {
  intent: "error" | "success" | "info" | "warning";
  message: Message;
}

export interface PaneState {
  lang: Lang;
  view: View;
  busy?: Busy;
  notice?: Notice;
  workbook?: MappedWorkbook;
  findings?: Finding[];
  overrides: MappingOverrides;
  preview?: Preview;
  /** Actions taken (cells written, a sheet generated), newest last; Batalkan takes back the newest. */
  undoStack: ActionRecord[];
  /** Counts the writes to the workbook (apply, undo, generated sheet): whatever shows its bytes follows it. */
  revision: number;
  /** True while "Tandai di lembar" marks are on the sheet. */
  highlighted: boolean;
  sipd?: SipdState;
  /** The original version the user picked for the Tabel Perubahan (file name and its mapping). */
  original?: { name: string; workbook: MappedWorkbook };
  /** The finding the user last clicked (its details show above the list), or a related cell. */
  selected?: { sheet: string; cell: string; rule?: Finding["rule"] };
  /** The nomenclature list checks use (loaded in the pane or bundled with the add-in); the built-in one when unset. */
  nomenclature?: Catalogue;
  /**
   * Sheets this tool generated (verified marker): left out of Validasi, as they repeat their source's notes
   * (findings grew with each Buat Tabel), unless `includeGenerated`.
   */
  generatedSheets?: string[];
  includeGenerated?: boolean;
  /** True once a file was rejected (standalone page): nothing is open, so nothing can be validated or written. */
  noWorkbook?: boolean;
}

/** What a write would do on the workbook as last read: cells it changes, a sheet it makes, or why it cannot. */
export type Pending = { cells: number } | { sheet: string } | { refused: Message };

type Listener = () => void;

export class PaneController {
  private state: PaneState;
  private readonly listeners = new Set<Listener>();
  private snapshots?: SheetSnapshot[];
  private host: PaneHost;

  constructor(
    host: PaneHost,
    private readonly engine: Engine,
    private readonly planners: Planners = {},
    lang: Lang = "id",
  ) {
    this.host = host;
    this.state = { lang, view: "actions", overrides: { version: 1, levels: {} }, undoStack: [], highlighted: false, revision: 0 };
  }

  getState = (): PaneState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** Swap the workbook (standalone page: another file was opened). Everything read before is forgotten. */
  replaceHost(host: PaneHost): void {
    this.host = host;
    this.snapshots = undefined;
    this.set({ workbook: undefined, findings: undefined, preview: undefined, undoStack: [], highlighted: false, selected: undefined, notice: undefined, overrides: { version: 1, levels: {} }, noWorkbook: false });
  }

  /**
   * No workbook any more (the file picked was rejected): the one open before is forgotten too, so Validasi can
   * never report the previous file's findings as if they were the rejected file's.
   */
  closeWorkbook(notice?: Notice): void {
    this.replaceHost(placeholderHost);
    this.set({ noWorkbook: true, generatedSheets: undefined, ...(notice ? { notice } : {}) });
  }

  /**
   * What each write would do on the workbook as last read (no new read: the buttons say it before a click),
   * undefined before Validasi. A click still plans again from a fresh read.
   */
  pending(kind: PlanKind): Pending | undefined {
    const planner = this.planners[kind];
    const { workbook, findings } = this.state;
    if (!planner || !workbook || !findings) return undefined;
    const change = planner({ workbook, findings, generatedSheets: this.state.generatedSheets, original: this.state.original?.workbook });
    if ("refused" in change) return { refused: change.refused };
    if ("sheet" in change) return { sheet: change.sheet.sheetName };
    return { cells: change.plan.cells.length };
  }

  setLang(lang: Lang): void {
    this.set({ lang });
  }

  /** Use this nomenclature list (undefined: the built-in one); a workbook already read is checked again with it. */
  setNomenclature(catalogue: Catalogue | undefined): void {
    this.set({ nomenclature: catalogue });
    if (this.state.workbook) this.remap();
  }

  setView(view: View): void {
    this.set({ view });
  }

  showNotice(notice: Notice): void {
    this.set({ notice });
  }

  /** A related cell: select it in the workbook, keeping the finding's details open. */
  async selectCell(target: { sheet: string; cell: string }): Promise<void> {
    const host = this.host;
    if (!host.selectCell) return;
    await this.run(() => host.selectCell?.(target.sheet, target.cell) ?? Promise.resolve(), false);
  }

  clearSelection(): void {
    this.set({ selected: undefined });
  }

  dismissNotice(): void {
    this.set({ notice: undefined });
  }

  /** Whether the button for this kind can work here: a planner exists and the host can write its result. */
  can(kind: PlanKind): boolean {
    if (this.planners[kind] === undefined) return false;
    const writesSheet = kind === "generate33" || kind === "generate21" || kind === "generatePerubahan";
    return writesSheet ? typeof this.host.applySheetPlan === "function" : this.canWrite;
  }

  get canWrite(): boolean {
    return typeof this.host.apply === "function" && typeof this.host.undo === "function";
  }

  get canHighlight(): boolean {
    return typeof this.host.highlight === "function" && typeof this.host.clearHighlight === "function";
  }

  /** Read every sheet, map, validate; the findings view opens on the result. */
  async validate(): Promise<boolean> {
    if (this.state.noWorkbook) {
      this.set({ notice: { intent: "info", message: msg("noWorkbook") } });
      return false;
    }
    return this.run(async () => {
      await this.readAndMap();
      this.set({ view: "findings" });
    });
  }

  /** Correct one row's level; the mapping is saved with the workbook and the findings follow. */
  async setLevel(sheetId: string, row: number, level: Level): Promise<void> {
    const levels = { ...this.state.overrides.levels, [sheetId]: { ...(this.state.overrides.levels[sheetId] ?? {}), [row]: level } };
    await this.correctMapping({ ...this.state.overrides, levels }, "levelSaved");
  }

  /**
   * Choose how one Tabel 2.1 row's indicator is judged (undefined: from its wording again); saved with the
   * mapping like a level correction, and the findings follow.
   */
  async setIndicatorKind(sheetId: string, row: number, kind: IndicatorKind | undefined): Promise<void> {
    const bySheet = { ...(this.state.overrides.indicatorKinds?.[sheetId] ?? {}) };
    if (kind) bySheet[row] = kind;
    else delete bySheet[row];
    await this.correctMapping({ ...this.state.overrides, indicatorKinds: { ...(this.state.overrides.indicatorKinds ?? {}), [sheetId]: bySheet } }, "indicatorKindSaved");
  }

  /** Say which kind of table a sheet holds (undefined: from its headers again); its columns are read as that kind's. */
  async setTableKind(sheetId: string, kind: TableKind | undefined): Promise<void> {
    const kinds = { ...(this.state.overrides.kinds ?? {}) };
    if (kind) kinds[sheetId] = kind;
    else delete kinds[sheetId];
    await this.correctMapping({ ...this.state.overrides, kinds }, "tableKindSaved");
  }

  /**
   * Give a column a role (undefined: no role of the user's; the headers decide again). A role moves: the column
   * that had it before loses it, and the column's own earlier role is dropped.
   */
  async setColumnRole(sheetId: string, column: number, role: ColumnRole | undefined): Promise<void> {
    const letter = columnLetter(column);
    const roles: Partial<Record<ColumnRole, string>> = {};
    for (const [r, l] of Object.entries(this.state.overrides.roles?.[sheetId] ?? {}) as [ColumnRole, string][]) if (l !== letter && r !== role) roles[r] = l;
    if (role) roles[role] = letter;
    await this.correctMapping({ ...this.state.overrides, roles: { ...(this.state.overrides.roles ?? {}), [sheetId]: roles } }, "columnRoleSaved");
  }

  /** Apply a correction of the mapping: map again (the findings follow) and save it with the workbook. */
  private async correctMapping(overrides: MappingOverrides, saved: "levelSaved" | "indicatorKindSaved" | "tableKindSaved" | "columnRoleSaved"): Promise<void> {
    this.set({ overrides });
    await this.run(async () => {
      this.remap();
      try {
        await this.host.saveMapping(overrides);
        this.set({ notice: { intent: "success", message: msg(saved) } });
      } catch (e) {
        const detail = errorMessage(e);
        this.set({ notice: { intent: "warning", message: { id: t("id", "mappingSaveFailed", { detail: detail.id }), en: t("en", "mappingSaveFailed", { detail: detail.en }) } } });
      }
    });
  }

  /**
   * The original version for "Buat Tabel Perubahan": the sheets of a workbook the user picked, read by `read`
   * (the pane reads the file with the .xlsx reader, loaded only then). A file that cannot be read says why.
   */
  async loadOriginal(name: string, read: () => Promise<SheetSnapshot[]>): Promise<boolean> {
    return this.run(async () => {
      const workbook = this.engine.mapWorkbook(await read());
      this.set({ original: { name, workbook }, notice: { intent: "success", message: { id: t("id", "originalChosen", { name }), en: t("en", "originalChosen", { name }) } } });
    });
  }

  /** Read again, build the plan of a write and show it as a before → after list; nothing is written yet. */
  async preview(kind: PlanKind): Promise<boolean> {
    const planner = this.planners[kind];
    if (this.state.noWorkbook) {
      this.set({ notice: { intent: "info", message: msg("noWorkbook") } });
      return false;
    }
    if (!planner) {
      this.set({ notice: { intent: "info", message: msg("unavailable") } });
      return false;
    }
    return this.run(async () => {
      // Always from a fresh read: the user may have typed since Validasi, and a plan built on an old read
      // would only be refused by the host's changed-since-read guard.
      await this.readAndMap();
      const { workbook, findings } = this.state;
      if (!workbook || !findings) return;
      const generatedSheets = await this.host.generatedSheetNames?.();
      const keptSheets = (await this.host.markedSheets?.().catch(() => undefined))?.filter((v) => !isOwnSheet(v));
      const change: PlannedChange = planner({ workbook, findings, generatedSheets, ...(keptSheets?.length ? { keptSheets } : {}), original: this.state.original?.workbook });
      if ("refused" in change) {
        this.set({ preview: undefined, notice: { intent: "warning", message: change.refused }, view: "actions" });
        return;
      }
      // Before anything is written, as the CLI's write commands say it: the written copy loses the signature.
      const summary = this.host.signed ? [renderAll(SIGNED_WORKBOOK_WARNING), ...(change.summary ?? [])] : change.summary ?? [];
      const preview: Preview =
        "plan" in change
          ? { kind, plan: change.plan, summary, options: change.options ?? {}, choices: {}, ...(change.changes ? { changes: change.changes } : {}), moreSkipped: change.moreSkipped ?? [], accept: [], skip: [] }
          : { kind, sheet: change.sheet, summary };
      this.set({ preview, view: "actions" });
    });
  }

  /** The user picks another reading for a mistyped amount: the plan is made again from the same read. */
  chooseValue(ref: string, value: string): void {
    const preview = this.state.preview;
    const planner = this.planners[preview?.kind ?? "fixNumbers"];
    const { workbook, findings } = this.state;
    if (!preview || !("plan" in preview) || !planner || !workbook || !findings) return;
    const choices = { ...preview.choices, [ref]: value };
    const change = planner({ workbook, findings, choices });
    if (!("plan" in change)) return;
    this.set({ preview: { ...preview, plan: change.plan, summary: change.summary ?? [], choices } });
  }

  /**
   * Tick or untick one change of the preview: a decision is applied only once ticked, any other change can be
   * left out. The plan is made again from the same read, so the totals shown follow the ticks.
   */
  toggleChange(ref: string): void {
    const preview = this.state.preview;
    const planner = this.planners[preview?.kind ?? "recompute"];
    const { workbook, findings } = this.state;
    if (!preview || !("plan" in preview) || !preview.changes || !planner || !workbook || !findings) return;
    const change = preview.changes.find((c) => c.ref === ref);
    if (!change) return;
    const flip = (list: string[]) => (list.includes(ref) ? list.filter((r) => r !== ref) : [...list, ref]);
    const accept = change.class === "decision" ? flip(preview.accept) : preview.accept;
    const skip = change.class === "decision" ? preview.skip : flip(preview.skip);
    const next = planner({ workbook, findings, accept, skip });
    if (!("plan" in next)) return;
    this.set({ preview: { ...preview, plan: next.plan, summary: next.summary ?? [], ...(next.changes ? { changes: next.changes } : {}), moreSkipped: next.moreSkipped ?? [], accept, skip } });
  }

  /** Tick every decision of the preview (one at a time: a ticked decision can turn the parent above it into a change that follows). */
  acceptAllDecisions(): void {
    for (let round = 0; round < 1000; round++) {
      const preview = this.state.preview;
      if (!preview || !("plan" in preview) || !preview.changes) return;
      const open = preview.changes.find((c) => c.class === "decision" && !c.ticked);
      if (!open) return;
      this.toggleChange(open.ref);
    }
  }

  closePreview(): void {
    this.set({ preview: undefined });
  }

  /** Write the previewed change (the host refuses if the cells changed since read), then validate again. */
  async applyPreview(): Promise<boolean> {
    const preview = this.state.preview;
    if (!preview) return false;
    if ("sheet" in preview) return this.applySheet(preview.sheet);
    const plan = preview.plan;
    const apply = this.host.apply?.bind(this.host);
    if (!apply) {
      this.set({ notice: { intent: "error", message: msg("hostNotWritable") } });
      return false;
    }
    return this.run(async () => {
      const record = await apply(plan);
      this.set({ preview: undefined, undoStack: [...this.state.undoStack, record], revision: this.state.revision + 1 });
      await this.readAndMap();
      this.set({ notice: { intent: "success", message: bothLangs((lang) => t(lang, "applied", { title: plan.title[lang], n: plan.cells.length })) } });
    });
  }

  /**
   * A generated table goes to a sheet of its own, and Batalkan takes it back like any action (a host that cannot
   * take a sheet back returns no record: the stack then keeps only what can be undone).
   */
  private async applySheet(sheet: SheetPlan): Promise<boolean> {
    const applySheetPlan = this.host.applySheetPlan?.bind(this.host);
    if (!applySheetPlan) {
      this.set({ notice: { intent: "error", message: msg("hostNotWritable") } });
      return false;
    }
    return this.run(async () => {
      const result = await applySheetPlan(sheet);
      const undoable = result.undo && typeof this.host.undoSheet === "function" ? [result.undo] : [];
      this.set({ preview: undefined, undoStack: [...this.state.undoStack, ...undoable], revision: this.state.revision + 1 });
      await this.readAndMap();
      const notices = [...sheet.notices, ...(result.notices ?? [])].filter((n, i, all) => all.findIndex((m) => m.id === n.id) === i);
      const text = (lang: Lang) => [t(lang, "sheetAdded", { name: result.sheetName }), ...notices.map((n) => n[lang])].join(" ");
      this.set({ notice: { intent: "success", message: bothLangs(text) } });
    });
  }

  /** Batalkan: take back the newest action, whatever it was: the cells it wrote, or the sheet it generated. */
  async undoLast(): Promise<boolean> {
    const record = this.state.undoStack[this.state.undoStack.length - 1];
    if (!record) return false;
    const host = this.host;
    if (isSheetUndo(record) ? !host.undoSheet : !host.undo) return false;
    return this.run(async () => {
      let notices: Message[] = [];
      if (isSheetUndo(record)) notices = (await host.undoSheet?.(record))?.notices ?? [];
      else await host.undo?.(record);
      this.set({ undoStack: this.state.undoStack.slice(0, -1), revision: this.state.revision + 1 });
      await this.readAndMap();
      this.set({ notice: { intent: "success", message: bothLangs((lang) => [t(lang, "undone", { title: record.title[lang] }), ...notices.map((n) => n[lang])].join(" ")) } });
    });
  }

  async selectFinding(f: Pick<Finding, "sheet" | "cell"> & Partial<Pick<Finding, "rule">>): Promise<void> {
    this.set({ selected: { sheet: f.sheet, cell: f.cell, rule: f.rule } });
    const host = this.host;
    if (!host.selectCell) return;
    await this.run(() => host.selectCell?.(f.sheet, f.cell) ?? Promise.resolve(), false);
  }

  /** Tandai di lembar: mark every finding cell; a second call takes the marks off exactly. */
  async toggleHighlight(): Promise<void> {
    const highlight = this.host.highlight?.bind(this.host);
    const clear = this.host.clearHighlight?.bind(this.host);
    if (!highlight || !clear) {
      this.set({ notice: { intent: "info", message: msg("highlightUnsupported") } });
      return;
    }
    if (this.state.highlighted) {
      await this.run(async () => {
        await clear();
        this.set({ highlighted: false, notice: { intent: "success", message: msg("unmarked") } });
      });
      return;
    }
    const cells = (this.state.findings ?? []).map((f) => ({ sheet: f.sheet, cell: f.cell }));
    await this.run(async () => {
      const result = await highlight(cells);
      const left = result?.notice;
      this.set({ highlighted: true, notice: left ? { intent: "warning", message: left } : { intent: "success", message: bothLangs((lang) => t(lang, "marked", { n: result?.marked ?? cells.length })) } });
    });
  }

  private async readAndMap(): Promise<void> {
    const sheets: SheetRef[] = await this.host.listSheets();
    const snapshots: SheetSnapshot[] = [];
    for (const [i, sheet] of sheets.entries()) {
      this.set({ busy: { label: msg("reading"), progress: i / Math.max(1, sheets.length) } });
      snapshots.push(await this.host.readSnapshot(sheet, { styles: true }));
    }
    this.set({ busy: { label: msg("working"), progress: 1 } });
    // A host that cannot tell its own sheets (or fails to) leaves every sheet in the check.
    // Only sheets verified as generated and finished (an incomplete one is checked, as the CLI does).
    const marked = await this.host.markedSheets?.().catch(() => undefined);
    const generated = marked ? marked.filter((v) => v.status === "generated").map((v) => v.name) : ((await this.host.generatedSheetNames?.().catch(() => undefined)) ?? []);
    this.set({ generatedSheets: generated });
    const saved = await this.host.loadMapping().catch(() => undefined);
    if (saved) this.set({ overrides: saved });
    this.snapshots = snapshots;
    this.remap();
  }

  /** "Periksa juga lembar buatan Renja Cermat": the generated sheets are checked too (or left out again). */
  setIncludeGenerated(on: boolean): void {
    this.set({ includeGenerated: on });
    this.remap();
  }

  private remap(): void {
    if (!this.snapshots) return;
    const nomenclature = this.state.nomenclature ? fixedCatalogue(this.state.nomenclature) : undefined;
    const skipped = this.state.includeGenerated ? [] : (this.state.generatedSheets ?? []);
    const snapshots = skipped.length ? this.snapshots.filter((s) => !skipped.includes(s.name)) : this.snapshots;
    const workbook = this.engine.mapWorkbook(snapshots, { overrides: this.state.overrides, ...(nomenclature ? { nomenclature } : {}) });
    const sipd = this.state.sipd;
    const findings = sipd ? this.engine.validate(workbook, { sipd: { export: sipd.export, skpd: sipd.skpd } }) : this.engine.validate(workbook);
    this.set({ workbook, findings, ...(sipd ? { sipd: sipdStateOf(workbook, sipd.export, sipd.file, sipd.skpd) } : {}) });
  }

  /** Bandingkan dengan SIPD: read the picked export here (never uploaded), then check the workbook against it. */
  async compareWithSipd(bytes: Uint8Array, fileName: string): Promise<boolean> {
    const readSipd = this.engine.readSipd?.bind(this.engine);
    if (!readSipd) {
      this.set({ notice: { intent: "info", message: msg("unavailable") } });
      return false;
    }
    return this.run(async () => {
      const read = await readSipd(bytes, fileName);
      if ("error" in read) {
        this.set({ notice: { intent: "error", message: renderAll(read.error) } });
        return;
      }
      this.set({ sipd: { file: fileName, export: read, tables: [], differences: 0 } });
      await this.readAndMap();
      const sipd = this.state.sipd;
      if (sipd?.unitError) this.set({ notice: { intent: "warning", message: sipd.unitError } });
    });
  }

  /** The SIPD unit to compare with, when no table title names it (or names another). */
  chooseSipdUnit(skpd: string): void {
    const sipd = this.state.sipd;
    if (!sipd) return;
    this.set({ sipd: { ...sipd, skpd }, notice: undefined });
    this.remap();
  }

  clearSipd(): void {
    if (!this.state.sipd) return;
    this.set({ sipd: undefined });
    this.remap();
  }

  /** One action at a time, with progress shown and any failure turned into a message in both languages. */
  private async run(action: () => Promise<void>, showBusy = true): Promise<boolean> {
    // A ribbon click while the pane is still working (or a double click) must not start a second read or write.
    if (showBusy && this.state.busy) return false;
    if (showBusy) this.set({ busy: { label: msg("working") }, notice: undefined });
    try {
      await action();
      return true;
    } catch (e) {
      this.set({ notice: { intent: "error", message: errorMessage(e) } });
      return false;
    } finally {
      if (showBusy) this.set({ busy: undefined });
    }
  }
}

export function msg(key: Parameters<typeof t>[1]): Message {
  return { id: t("id", key), en: t("en", key) };
}

function bothLangs(f: (lang: Lang) => string): Message {
  return { id: f("id"), en: f("en") };
}

/** A HostError speaks both languages already; anything else is unexpected and shown with its text. */
export function errorMessage(e: unknown): Message {
  if (e instanceof HostError) return e.messages;
  // A HostError thrown by a separately bundled copy of the class (the commands' runtime) still carries both texts.
  if (e instanceof Error && e.name === "HostError" && isMessage((e as Error & { messages?: unknown }).messages)) {
    return (e as Error & { messages: Message }).messages;
  }
  const detail = e instanceof Error ? e.message : String(e);
  return { id: t("id", "unexpected", { detail }), en: t("en", "unexpected", { detail }) };
}

export function isWritable(host: WorkbookHost): host is WritableHost {
  const h = host as Partial<WritableHost>;
  return typeof h.apply === "function" && typeof h.undo === "function";
}

function isMessage(m: unknown): m is Message {
  return typeof m === "object" && m !== null && typeof (m as Message).id === "string" && typeof (m as Message).en === "string";
}

function sipdStateOf(workbook: MappedWorkbook, exp: SipdExport, file: string, skpd: string | undefined): SipdState {
  const c = compareWithSipd(workbook, exp, { skpd });
  return {
    file,
    export: exp,
    ...(skpd !== undefined ? { skpd } : {}),
    ...(c.unit ? { unit: { name: c.unit.name, ...(c.unit.kode ? { kode: c.unit.kode } : {}) } } : {}),
    ...(c.unitError ? { unitError: renderAll(c.unitError) } : {}),
    tables: c.tables.map((t) => ({
      sheet: t.table.sheet,
      matched: t.pairs.filter((p) => p.sipd).length,
      rows: t.pairs.length,
      ...(t.planTotal ? { planTotal: t.planTotal.toFixed() } : {}),
      sipdTotal: t.sipdTotal.toFixed(),
    })),
    differences: c.findings.filter((f) => f.severity !== "info").length,
  };
}
