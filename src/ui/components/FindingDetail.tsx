/**
 * The clicked finding in full: its message, the amounts, the suggested repair, its related cells (the first few,
 * then "N lainnya"), and a read-only grid of the rows around the cell with its parent and children.
 */
import { Button, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { showFindingActual, showFindingValue, type Finding } from "../../domain/findings";
import type { MappedWorkbook } from "../../domain/mapping/types";
import { cellContext, type CellContext } from "../cellContext";
import type { PaneController } from "../controller";
import { ruleName, say, t } from "../i18n";
import type { Lang } from "../i18n";

const useStyles = makeStyles({
  box: {
    display: "flex", flexDirection: "column", gap: "4px", padding: "6px 8px", maxHeight: "40vh", overflowY: "auto",
    border: `1px solid ${tokens.colorBrandStroke1}`, borderRadius: tokens.borderRadiusMedium, background: tokens.colorNeutralBackground2,
  },
  head: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "4px" },
  text: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, overflowWrap: "anywhere" },
  related: { display: "flex", flexWrap: "wrap", gap: "2px 8px", fontSize: tokens.fontSizeBase200 },
  grid: { borderCollapse: "collapse", width: "100%", tableLayout: "fixed", fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100 },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "1px 3px", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", verticalAlign: "top" },
  amount: { textAlign: "right" },
  mark: { background: tokens.colorPaletteYellowBackground2, fontWeight: tokens.fontWeightSemibold },
  relation: { color: tokens.colorNeutralForeground3 },
});

/** Related cells shown before "N lainnya": a sum over 50 rows names all 50, which would squeeze the list. */
const RELATED_SHOWN = 6;

/** "F12" on the finding's sheet, or "'Tabel 7'!F12" on another. */
function parseRelated(ref: string, sheet: string): { sheet: string; cell: string } {
  const m = /^'((?:[^']|'')+)'!(\$?[A-Z]+\$?\d+)$/.exec(ref) ?? /^([^!]+)!(\$?[A-Z]+\$?\d+)$/.exec(ref);
  return m ? { sheet: m[1].replace(/''/g, "'"), cell: m[2].replace(/\$/g, "") } : { sheet, cell: ref };
}

export function FindingDetail({ finding, lang, controller, workbook }: { finding: Finding; lang: Lang; controller: PaneController; workbook?: MappedWorkbook }) {
  const styles = useStyles();
  const [allRelated, setAllRelated] = useState(false);
  const related = finding.related ?? [];
  const shownRelated = allRelated ? related : related.slice(0, RELATED_SHOWN);
  const context = cellContext(workbook, finding);
  const actual = showFindingActual(finding, lang);
  const expected = finding.expected === undefined ? undefined : showFindingValue(finding, finding.expected, lang);
  return (
    <div className={styles.box} data-testid="finding-detail">
      <div className={styles.head}>
        <Text weight="semibold" size={200}>{finding.sheet}!{finding.cell} · {ruleName(lang, finding.rule)}</Text>
        <Button size="small" appearance="subtle" aria-label={t(lang, "close")} onClick={() => controller.clearSelection()}>×</Button>
      </div>
      <Text className={styles.text}>{say(lang, finding.message)}</Text>
      {(expected !== undefined || actual !== undefined) && (
        // What the cell says first, then what it should say: the order the message reads in.
        <Text className={styles.text} data-testid="finding-values">
          {actual !== undefined && `${t(lang, "actual")}: ${actual}`}
          {expected !== undefined && actual !== undefined && " · "}
          {expected !== undefined && `${t(lang, "expected")}: ${expected}`}
        </Text>
      )}
      {finding.suggestion && (
        <Text className={styles.text} data-testid="finding-suggestion">
          {t(lang, "suggestion")}: {showFindingValue(finding, finding.suggestion.value, lang)} ({say(lang, finding.suggestion.reason)})
        </Text>
      )}
      {related.length > 0 && (
        <div className={styles.related} data-testid="finding-related">
          <span>{t(lang, "related")}:</span>
          {shownRelated.map((ref) =>
            // a cell of another file ("'[rekap.xlsx]Sheet 1'!U5", a SIPD-RI export) cannot be selected here
            ref.startsWith("'[") ? (
              <span key={ref}>{ref}</span>
            ) : (
              <Link key={ref} as="button" onClick={() => void controller.selectCell(parseRelated(ref, finding.sheet))}>
                {ref}
              </Link>
            ),
          )}
          {related.length > shownRelated.length && (
            <Link as="button" data-testid="related-more" onClick={() => setAllRelated(true)}>
              {t(lang, "moreRelated", { n: related.length - shownRelated.length })}
            </Link>
          )}
        </div>
      )}
      {context && <ContextGrid context={context} lang={lang} />}
    </div>
  );
}

/** The rows around the finding's cell as the sheet holds them, the cell marked; read-only. */
function ContextGrid({ context, lang }: { context: CellContext; lang: Lang }) {
  const styles = useStyles();
  const relationName = (r: CellContext["rows"][number]["relation"]) => (r === "near" ? "" : t(lang, `context_${r}`));
  return (
    <table className={styles.grid} data-testid="cell-context" aria-label={t(lang, "contextLabel", { sheet: context.sheet, col: context.column })}>
      <colgroup>
        <col style={{ width: "34px" }} />
        <col style={{ width: "24%" }} />
        <col />
        <col style={{ width: "32%" }} />
      </colgroup>
      <thead>
        <tr>
          <th className={styles.cell} scope="col">{t(lang, "contextRow")}</th>
          <th className={styles.cell} scope="col">{t(lang, "contextKode")}</th>
          <th className={styles.cell} scope="col">{t(lang, "contextName")}</th>
          <th className={`${styles.cell} ${styles.amount}`} scope="col">{context.column}</th>
        </tr>
      </thead>
      <tbody>
        {context.rows.map((r) => (
          <tr key={r.row} data-relation={r.relation} className={r.relation === "finding" ? styles.mark : undefined}>
            <td className={styles.cell}>{r.row}</td>
            <td className={styles.cell} title={r.kode}>{r.kode}</td>
            <td className={styles.cell} title={r.name}>
              {relationName(r.relation) && <span className={styles.relation}>{relationName(r.relation)} · </span>}
              {r.name}
            </td>
            <td className={`${styles.cell} ${styles.amount}`} title={r.formula ?? r.value} data-testid={r.relation === "finding" ? "context-value" : undefined}>{r.value}</td>
          </tr>
        ))}
        {context.moreChildren > 0 && (
          <tr>
            <td className={styles.cell} colSpan={4}>{t(lang, "contextMoreChildren", { n: context.moreChildren })}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
