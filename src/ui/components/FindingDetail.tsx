/** The clicked finding in full: its message, the amounts, the suggested repair, and its related cells. */
import { Button, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../../domain/findings";
import { formatRupiah } from "../../domain/numbers";
import type { PaneController } from "../controller";
import { ruleName, t } from "../i18n";
import type { Lang } from "../i18n";

const useStyles = makeStyles({
  box: {
    display: "flex", flexDirection: "column", gap: "4px", padding: "6px 8px", maxHeight: "40vh", overflowY: "auto",
    border: `1px solid ${tokens.colorBrandStroke1}`, borderRadius: tokens.borderRadiusMedium, background: tokens.colorNeutralBackground2,
  },
  head: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "4px" },
  text: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, overflowWrap: "anywhere" },
  related: { display: "flex", flexWrap: "wrap", gap: "2px 8px", fontSize: tokens.fontSizeBase200 },
});

/** "F12" on the finding's sheet, or "'Tabel 7'!F12" on another. */
function parseRelated(ref: string, sheet: string): { sheet: string; cell: string } {
  const m = /^'((?:[^']|'')+)'!(\$?[A-Z]+\$?\d+)$/.exec(ref) ?? /^([^!]+)!(\$?[A-Z]+\$?\d+)$/.exec(ref);
  return m ? { sheet: m[1].replace(/''/g, "'"), cell: m[2].replace(/\$/g, "") } : { sheet, cell: ref };
}

export function FindingDetail({ finding, lang, controller }: { finding: Finding; lang: Lang; controller: PaneController }) {
  const styles = useStyles();
  return (
    <div className={styles.box} data-testid="finding-detail">
      <div className={styles.head}>
        <Text weight="semibold" size={200}>{finding.sheet}!{finding.cell} · {ruleName(lang, finding.rule)}</Text>
        <Button size="small" appearance="subtle" aria-label={t(lang, "close")} onClick={() => controller.clearSelection()}>×</Button>
      </div>
      <Text className={styles.text}>{finding.message[lang]}</Text>
      {(finding.expected !== undefined || finding.actual !== undefined) && (
        <Text className={styles.text}>
          {finding.expected !== undefined && `${t(lang, "expected")}: ${formatRupiah(finding.expected)}`}
          {finding.expected !== undefined && finding.actual !== undefined && " · "}
          {finding.actual !== undefined && `${t(lang, "actual")}: ${formatRupiah(finding.actual)}`}
        </Text>
      )}
      {finding.suggestion && (
        <Text className={styles.text}>
          {t(lang, "suggestion")}: {formatRupiah(finding.suggestion.value)} ({finding.suggestion.reason})
        </Text>
      )}
      {finding.related && finding.related.length > 0 && (
        <div className={styles.related}>
          <span>{t(lang, "related")}:</span>
          {finding.related.map((ref) =>
            // a cell of another file ("'[rekap.xlsx]Sheet 1'!U5", a SIPD-RI export) cannot be selected here
            ref.startsWith("'[") ? (
              <span key={ref}>{ref}</span>
            ) : (
              <Link key={ref} as="button" onClick={() => void controller.selectCell(parseRelated(ref, finding.sheet))}>
                {ref}
              </Link>
            ),
          )}
        </div>
      )}
    </div>
  );
}
