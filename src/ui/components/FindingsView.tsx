/** Findings grouped by severity and rule, filterable, virtualized; a click selects the cell in the workbook. */
import { Badge, Button, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Finding, Severity } from "../../domain/findings";
import type { PaneController, PaneState } from "../controller";
import type { MappedWorkbook } from "../../domain/mapping/types";
import { explainNoTable } from "../../domain/mapping/recognition";
import { generatedSheetsNotice } from "../../domain/generatedMarker";
import { render } from "../../domain/messages";
import { findingRows, severityCounts } from "../findingRows";
import type { FindingRow } from "../findingRows";
import { ruleName, say, severityName, t } from "../i18n";
import { FindingDetail } from "./FindingDetail";
import { VirtualList } from "./VirtualList";

const FINDING_HEIGHT = 62;
const GROUP_HEIGHT = 34;
const rowHeight = (r: FindingRow) => (r.type === "group" ? GROUP_HEIGHT : FINDING_HEIGHT);

const useStyles = makeStyles({
  bar: { display: "flex", gap: "6px", alignItems: "center" },
  filter: { flexGrow: 1, minWidth: 0 },
  group: {
    display: "flex", alignItems: "center", gap: "6px", width: "100%", height: "100%", boxSizing: "border-box",
    border: "none", background: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground1, cursor: "pointer",
    fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, padding: "0 6px", textAlign: "left",
  },
  finding: {
    display: "flex", flexDirection: "column", width: "100%", height: "100%", boxSizing: "border-box", overflow: "hidden",
    border: "none", borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, background: "transparent", color: tokens.colorNeutralForeground1,
    cursor: "pointer", padding: "4px 6px", textAlign: "left", fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200,
    ":hover": { background: tokens.colorNeutralBackground1Hover },
  },
  selected: { background: tokens.colorNeutralBackground1Selected },
  ref: { fontWeight: tokens.fontWeightSemibold },
  message: { display: "-webkit-box", WebkitLineClamp: 2, WebkitBoxOrient: "vertical", overflow: "hidden" },
});

/** The sheets the tool generated, left out of the findings (or checked on request), with the switch. */
function GeneratedSheetsNote({ controller, state }: { controller: PaneController; state: PaneState }) {
  const { lang } = state;
  const notice = generatedSheetsNotice(state.generatedSheets ?? []);
  if (!notice) return null;
  return (
    <Text size={200} data-testid="generated-sheets">
      {state.includeGenerated ? t(lang, "generatedIncluded") : render(notice, lang)}{" "}
      <Button size="small" appearance="transparent" data-testid="include-generated" onClick={() => controller.setIncludeGenerated(!state.includeGenerated)}>
        {state.includeGenerated ? t(lang, "excludeGenerated") : t(lang, "includeGenerated")}
      </Button>
    </Text>
  );
}

const badgeColor: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };

export function FindingsView({ controller, state }: { controller: PaneController; state: PaneState }) {
  const styles = useStyles();
  const { lang, findings } = state;
  const [filter, setFilter] = useState("");
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => findingRows(findings ?? [], collapsed, filter, lang), [findings, collapsed, filter, lang]);
  if (!findings) return <Text size={200}>{t(lang, "notValidated")}</Text>;
  if (state.workbook && state.workbook.tables.length === 0) return <NoTable controller={controller} state={state} workbook={state.workbook} />;
  if (findings.length === 0) {
    return (
      <section style={{ display: "flex", flexDirection: "column", gap: "6px" }}>
        <GeneratedSheetsNote controller={controller} state={state} />
        <Text data-testid="no-findings">{t(lang, "noFindings")}</Text>
      </section>
    );
  }
  const counts = severityCounts(findings);
  const toggle = (key: string) => {
    const next = new Set(collapsed);
    if (!next.delete(key)) next.add(key);
    setCollapsed(next);
  };
  const sel = state.selected;
  const isSelected = (f: Finding) => sel !== undefined && sel.sheet === f.sheet && sel.cell === f.cell && sel.rule === f.rule;
  const detail = sel?.rule ? findings.find(isSelected) : undefined;
  return (
    <section style={{ display: "flex", flexDirection: "column", gap: "6px", flex: "1 1 0", minHeight: 220 }}>
      <GeneratedSheetsNote controller={controller} state={state} />
      <Text size={200} data-testid="findings-summary" tabIndex={-1}>
        {t(lang, "findingsSummary", { n: findings.length, e: counts.error, w: counts.warning, i: counts.info })}
      </Text>
      <div className={styles.bar}>
        <Input className={styles.filter} size="small" value={filter} placeholder={t(lang, "filterPlaceholder")} data-testid="findings-filter" onChange={(_, d) => setFilter(d.value)} />
        {controller.canHighlight && (
          <Button size="small" data-testid="highlight" onClick={() => void controller.toggleHighlight()}>
            {state.highlighted ? t(lang, "removeHighlight") : t(lang, "highlight")}
          </Button>
        )}
      </div>
      {detail && <FindingDetail finding={detail} lang={lang} controller={controller} workbook={state.workbook} />}
      <VirtualList<FindingRow>
        items={rows}
        rowHeight={rowHeight}
        height="fill"
        label={t(lang, "tabFindings")}
        testId="findings-list"
        roving
        getKey={(r) => r.key}
        renderRow={(r, _i, tabIndex) =>
          r.type === "group" ? (
            <button className={styles.group} aria-expanded={!r.collapsed} tabIndex={tabIndex} onClick={() => toggle(r.key)}>
              <span>{r.collapsed ? "▸" : "▾"}</span>
              <Badge size="small" color={badgeColor[r.severity]}>{severityName(lang, r.severity)}</Badge>
              <span style={{ flexGrow: 1, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}>{ruleName(lang, r.rule)}</span>
              <span>{r.count}</span>
            </button>
          ) : (
            <FindingButton finding={r.finding} lang={lang} selected={isSelected(r.finding)} tabIndex={tabIndex} onSelect={() => void controller.selectFinding(r.finding)} />
          )
        }
      />
    </section>
  );
}

function FindingButton({ finding, lang, selected, tabIndex, onSelect }: { finding: Finding; lang: PaneState["lang"]; selected: boolean; tabIndex: 0 | -1; onSelect: () => void }) {
  const styles = useStyles();
  const text = say(lang, finding.message);
  return (
    <button
      className={selected ? `${styles.finding} ${styles.selected}` : styles.finding}
      title={text}
      data-testid="finding"
      data-ref={`${finding.sheet}!${finding.cell}`}
      data-rule={finding.rule}
      tabIndex={tabIndex}
      onClick={onSelect}
    >
      <span className={styles.ref}>{finding.sheet} · {finding.cell}</span>
      <span className={styles.message}>{text}</span>
    </button>
  );
}

/** A workbook without any Renja table is not "consistent": say so, sheet by sheet why, and lead to Pemetaan. */
function NoTable({ controller, state, workbook }: { controller: PaneController; state: PaneState; workbook: MappedWorkbook }) {
  const { lang } = state;
  const why = useMemo(() => explainNoTable(workbook.sheets, { overrides: state.overrides }), [workbook, state.overrides]);
  return (
    <section data-testid="no-table" style={{ display: "flex", flexDirection: "column", gap: "6px" }}>
      <Text weight="semibold" data-testid="no-table-title">{t(lang, "noTableTitle")}</Text>
      <Text size={200}>{t(lang, "noTableSheets", { n: why.length })}</Text>
      <ul style={{ margin: 0, paddingLeft: "18px" }}>
        {why.map((e) => (
          <li key={e.sheet} data-testid="no-table-sheet">
            <Text size={200}>{say(lang, e.message)}</Text>
          </li>
        ))}
      </ul>
      <div>
        <Button size="small" appearance="primary" data-testid="open-mapping" onClick={() => controller.setView("mapping")}>
          {t(lang, "openMapping")}
        </Button>
      </div>
    </section>
  );
}
