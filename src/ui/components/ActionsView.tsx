/** Validasi, the write commands with their before → after preview, and Batalkan. */
import { Button, Checkbox, Divider, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import type { PaneController, PaneState, Pending } from "../controller";
import { t } from "../i18n";
import type { Lang, TextKey } from "../i18n";
import type { SheetPlan } from "../../domain/plan";
import type { PlanKind, PreviewChange } from "../planners";
import { describeContent, previewLines, wrappedRowHeight } from "../previewLines";
import { formatAmount } from "../../domain/messages";
import type { PreviewLine } from "../previewLines";
import { VirtualList } from "./VirtualList";
import { SipdPanel } from "./SipdPanel";

const useStyles = makeStyles({
  steps: { display: "flex", flexDirection: "column", gap: "8px", margin: 0, padding: 0, listStyleType: "none" },
  step: { display: "flex", flexDirection: "column", gap: "3px" },
  stepButtons: { display: "flex", gap: "6px", flexWrap: "wrap", alignItems: "center" },
  stepNumber: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, minWidth: "62px" },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  more: { fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere", "> summary": { cursor: "pointer" } },
  preview: { display: "flex", flexDirection: "column", gap: "6px", border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: "6px" },
  line: { display: "flex", flexDirection: "column", padding: "3px 4px", borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, height: "100%", boxSizing: "border-box", overflow: "hidden" },
  ref: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 },
  // wraps: before and after are shown in full at 350 px ("=SUM(F22:F28) (6.311.702,7) → =SUM(F22:F27)")
  change: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, lineHeight: "17px", whiteSpace: "normal", overflowWrap: "anywhere" },
  before: { color: tokens.colorPaletteRedForeground1, textDecorationLine: "line-through" },
  after: { color: tokens.colorPaletteGreenForeground1 },
  reason: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3, whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
  buttons: { display: "flex", gap: "6px", flexWrap: "wrap" },
  choice: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorPaletteGreenForeground1, background: tokens.colorNeutralBackground1, border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusSmall, maxWidth: "170px" },
  summary: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, overflowWrap: "anywhere" },
  changeRow: { display: "flex", alignItems: "flex-start", gap: "2px", padding: "2px 0", borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, height: "100%", boxSizing: "border-box", overflow: "hidden" },
  changeText: { display: "flex", flexDirection: "column", minWidth: 0 },
  decision: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase100 },
  className: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
});

const CLASS_LABEL: Record<PreviewChange["class"], TextKey> = { decision: "classDecision", explained: "classExplained", "same-amount": "classSame" };

interface WriteAction {
  kind: PlanKind;
  label: TextKey;
  testId: string;
}

/**
 * The workflow, in order: fix the mistyped amounts first (a slip blocks every sum above it), then recompute the
 * totals over the fixed amounts, then build the tables from the consistent workbook. Validasi is step 1.
 */
const STEPS: WriteAction[][] = [
  [{ kind: "fixNumbers", label: "fixNumbers", testId: "action-fix-numbers" }],
  [{ kind: "recompute", label: "recompute", testId: "action-recompute" }],
  [
    { kind: "generate33", label: "generate33", testId: "action-generate-33" },
    { kind: "generate21", label: "generate21", testId: "action-generate-21" },
    { kind: "generatePerubahan", label: "generatePerubahan", testId: "action-generate-perubahan" },
  ],
];

/** What a step's button would do now, in words: so a step with nothing to do says so before it is clicked. */
function pendingText(lang: Lang, kind: PlanKind, pending: Pending | undefined): string {
  if (!pending) return t(lang, "afterValidate");
  if ("refused" in pending) return t(lang, "generateNothing", { why: pending.refused[lang] });
  if ("sheet" in pending) return t(lang, "generateReady", { name: pending.sheet });
  if (kind === "fixNumbers") return pending.cells ? t(lang, "fixNumbersPending", { n: pending.cells }) : t(lang, "fixNumbersNothing");
  return pending.cells ? t(lang, "recomputePending", { n: pending.cells }) : t(lang, "recomputeNothing");
}

/** Picks the original version's .xlsx and reads it with the .xlsx reader (a chunk loaded only now). */
function OriginalPicker({ controller, state }: { controller: PaneController; state: PaneState }) {
  const { lang } = state;
  return (
    <label style={{ display: "flex", flexDirection: "column", gap: "2px", fontSize: tokens.fontSizeBase200 }}>
      {state.original ? t(lang, "originalChosen", { name: state.original.name }) : t(lang, "pickOriginal")}
      <input
        type="file"
        accept=".xlsx"
        data-testid="pick-original"
        disabled={state.busy !== undefined}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          void controller.loadOriginal(file.name, async () => {
            const { openXlsxHost } = await import("../../xlsx");
            const host = await openXlsxHost(new Uint8Array(await file.arrayBuffer()), file.name);
            return host.readAllSnapshots({ styles: true });
          });
        }}
      />
    </label>
  );
}

export function ActionsView({ controller, state }: { controller: PaneController; state: PaneState }) {
  const styles = useStyles();
  const { lang } = state;
  const busy = state.busy !== undefined;
  const last = state.undoStack[state.undoStack.length - 1];
  const loaded = !state.noWorkbook;
  // Planned on the last read only when it changes: a planner over a large workbook is not free.
  const pending = useMemo(() => {
    const out: Partial<Record<PlanKind, Pending | undefined>> = {};
    for (const a of STEPS.flat()) if (controller.can(a.kind)) out[a.kind] = controller.pending(a.kind);
    return out;
  }, [controller, state.workbook, state.findings, state.original, state.generatedSheets]);
  return (
    <section style={{ display: "flex", flexDirection: "column", gap: "8px" }}>
      <ol className={styles.steps} data-testid="workflow">
        <li className={styles.step} data-testid="step">
          <div className={styles.stepButtons}>
            <Text className={styles.stepNumber}>{t(lang, "stepOf", { n: 1 })}</Text>
            <Button appearance="primary" disabled={busy || !loaded} data-testid="action-validate" onClick={() => void controller.validate()}>
              {t(lang, "validate")}
            </Button>
          </div>
          <Text className={styles.hint} data-testid="step-hint">{loaded ? t(lang, "validateHint") : t(lang, "noWorkbook")}</Text>
        </li>
        {STEPS.map((actions, i) => {
          const shown = actions;
          return (
            <li key={i} className={styles.step} data-testid="step">
              <div className={styles.stepButtons}>
                <Text className={styles.stepNumber}>{t(lang, "stepOf", { n: i + 2 })}</Text>
                {shown.map((a) => (
                  <Button key={a.kind} disabled={!loaded || busy || !controller.can(a.kind) || !controller.canWrite} data-testid={a.testId} onClick={() => void controller.preview(a.kind)}>
                    {t(lang, a.label)}
                  </Button>
                ))}
              </div>
              {loaded &&
                shown
                  .filter((a) => controller.can(a.kind))
                  .map((a) => (
                    <Text key={a.kind} className={styles.hint} data-testid={`${a.testId}-hint`}>
                      {shown.length > 1 ? `${t(lang, a.label)}: ` : ""}
                      {pendingText(lang, a.kind, pending[a.kind])}
                    </Text>
                  ))}
            </li>
          );
        })}
      </ol>
      {controller.can("generatePerubahan") && <OriginalPicker controller={controller} state={state} />}
      {loaded && !state.findings && !state.preview && <Text size={200}>{t(lang, "notValidated")}</Text>}
      <SipdPanel controller={controller} state={state} />
      {state.preview && <PreviewPanel controller={controller} state={state} />}
      {last && (
        <>
          <Divider />
          <Button disabled={busy} data-testid="action-undo" onClick={() => void controller.undoLast()}>
            {t(lang, "undo")}: {last.title[lang]}
          </Button>
        </>
      )}
    </section>
  );
}

function PreviewPanel({ controller, state }: { controller: PaneController; state: PaneState }) {
  const styles = useStyles();
  const { lang, preview } = state;
  const lines = useMemo(() => (preview && "plan" in preview ? previewLines(preview.plan.cells, lang) : []), [preview, lang]);
  const shownChanges = useMemo(
    () => (preview && "plan" in preview ? preview.changes ?? [] : []).map((c) => ({ ...c, shown: { before: describeContent(c.before, lang) || "—", after: describeContent(c.after, lang) || "—" } })),
    [preview, lang],
  );
  if (!preview) return null;
  const busy = state.busy !== undefined;
  const title = "plan" in preview ? preview.plan.title : preview.sheet.title;
  const changes = "plan" in preview ? preview.changes : undefined;
  const nothingToDo = "plan" in preview && lines.length === 0;
  const options = "plan" in preview ? preview.options : {};
  const choiceOf = (ref: string) => ("plan" in preview ? preview.choices[ref] : undefined) ?? options[ref]?.[0];
  return (
    <div className={styles.preview} data-testid="preview">
      <Text weight="semibold">{title[lang]}</Text>
      {"plan" in preview ? (
        <Text size={200} data-testid="preview-count">
          {lines.length ? t(lang, "previewTitle", { n: lines.length }) : t(lang, "previewEmpty")}
        </Text>
      ) : (
        <SheetSummary sheet={preview.sheet} lang={lang} />
      )}
      {/* Terapkan stays in view at the top: the list below can be long in a 350 px pane. */}
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy || nothingToDo} data-testid="preview-apply" onClick={() => void controller.applyPreview()}>
          {t(lang, "apply")}
        </Button>
        <Button disabled={busy} onClick={() => controller.closePreview()}>{t(lang, "cancel")}</Button>
        {changes?.some((c) => c.class === "decision" && !c.ticked) && (
          <Button disabled={busy} data-testid="accept-decisions" onClick={() => controller.acceptAllDecisions()}>
            {t(lang, "acceptDecisions")}
          </Button>
        )}
      </div>
      {preview.summary.map((s, i) => (
        <Text key={i} size={200} className={styles.summary}>{s[lang]}</Text>
      ))}
      {"plan" in preview && preview.moreSkipped && preview.moreSkipped.length > 0 && (
        <details className={styles.more} data-testid="more-skipped">
          <summary>{t(lang, "moreSkipped", { n: preview.moreSkipped.length })}</summary>
          <ul data-testid="more-skipped-list">
            {preview.moreSkipped.map((s, i) => (
              <li key={i}>{s[lang]}</li>
            ))}
          </ul>
        </details>
      )}
      {changes && changes.length > 0 && (
        <VirtualList<PreviewChange & { shown: { before: string; after: string } }>
          items={shownChanges}
          rowHeight={(c) => wrappedRowHeight(c.shown.before, c.shown.after, 34, 48)}
          height={320}
          label={title[lang]}
          testId="preview-changes"
          getKey={(c) => c.ref}
          renderRow={(c) => (
            <div className={styles.changeRow} data-testid="preview-change" data-class={c.class} data-applied={c.applied ? "yes" : "no"} title={`${c.ref}: ${c.shown.before} → ${c.shown.after}\n${c.evidence.map((e) => e[lang]).join("\n")}`}>
              <Checkbox
                checked={c.ticked}
                disabled={busy}
                aria-label={`${t(lang, "tickChange")} ${c.ref}`}
                data-testid="change-tick"
                onChange={() => controller.toggleChange(c.ref)}
              />
              <span className={styles.changeText}>
                <span className={styles.ref}>
                  {c.ref} <span className={c.class === "decision" ? styles.decision : styles.className}>{t(lang, CLASS_LABEL[c.class])}</span>
                </span>
                <span className={styles.change} data-testid="change-text">
                  <span className={styles.before}>{c.shown.before}</span> → <span className={styles.after}>{c.shown.after}</span>
                </span>
                <span className={styles.reason}>{[...c.evidence.map((e) => e[lang]), ...(c.heldBecause ? [c.heldBecause[lang]] : [])].join("; ")}</span>
              </span>
            </div>
          )}
        />
      )}
      {!changes && lines.length > 0 && (
        <VirtualList<PreviewLine>
          items={lines}
          rowHeight={(l) => (options[l.ref] ? 64 : wrappedRowHeight(l.before, l.after, 38, 48))}
          height={290}
          label={title[lang]}
          testId="preview-list"
          getKey={(l) => l.key}
          renderRow={(l) => (
            <div className={styles.line} title={`${l.ref}: ${l.before} → ${l.after}\n${l.reason}`}>
              <span className={styles.ref}>{l.ref}</span>
              <span className={styles.change} data-testid="change-text">
                <span className={styles.before}>{l.before}</span> →{" "}
                {options[l.ref] ? (
                  <select
                    className={styles.choice}
                    aria-label={`${t(lang, "chooseValue")} ${l.ref}`}
                    data-testid="repair-choice"
                    disabled={busy}
                    value={choiceOf(l.ref)}
                    onChange={(e) => controller.chooseValue(l.ref, e.target.value)}
                  >
                    {options[l.ref].map((v) => (
                      <option key={v} value={v}>{v === "" ? t(lang, "clearRow") : formatAmount(v, lang)}</option>
                    ))}
                  </select>
                ) : (
                  <span className={styles.after}>{l.after}</span>
                )}
              </span>
              <span className={styles.reason}>{l.reason}</span>
            </div>
          )}
        />
      )}
    </div>
  );
}

function SheetSummary({ sheet, lang }: { sheet: SheetPlan; lang: Lang }) {
  const rows = new Set(sheet.cells.map((c) => c.row)).size;
  return (
    <>
      <Text size={200} data-testid="preview-count">{t(lang, "sheetPreview", { name: sheet.sheetName, rows, cells: sheet.cells.length })}</Text>
      {sheet.replaceGenerated && <Text size={200}>{t(lang, "sheetReplace", { name: sheet.sheetName })}</Text>}
      {sheet.notices.map((n, i) => (
        <Text key={i} size={200}>{n[lang]}</Text>
      ))}
    </>
  );
}
