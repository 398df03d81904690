/** Each table mapping found: kind, header rows, columns, N, counts; each row's level correctable. */
import { Button, Card, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { INDICATOR_KINDS } from "../../domain/evaluation/indicatorKind";
import type { ColumnRole, IndicatorKind, Level, MappedRow, MappedTable } from "../../domain/mapping/types";
import { countLevels } from "../../domain/mapping/tree";
import { columnLetter } from "../../domain/sheet/snapshot";
import type { PaneController, PaneState } from "../controller";
import { LEVELS, indicatorKindName, kindName, levelName, roleName, t } from "../i18n";
import type { Lang } from "../i18n";
import { VirtualList } from "./VirtualList";

/** Below this, a row's level is marked for the user to check. */
const LOW_CONFIDENCE = 0.6;

const useStyles = makeStyles({
  card: { padding: "8px", gap: "4px" },
  small: { fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  row: { display: "flex", alignItems: "center", gap: "4px", height: "100%", borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, fontSize: tokens.fontSizeBase200 },
  rowNo: { width: "30px", flexShrink: 0, color: tokens.colorNeutralForeground3, textAlign: "right" },
  name: { flexGrow: 1, minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  select: { width: "118px", flexShrink: 0 },
  unsure: { flexShrink: 0, color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightBold, cursor: "help" },
});

export function MappingView({ controller, state }: { controller: PaneController; state: PaneState }) {
  const { lang, workbook } = state;
  if (!workbook) return <Text size={200}>{t(lang, "notValidated")}</Text>;
  if (workbook.tables.length === 0) return <Text>{t(lang, "noTables")}</Text>;
  return (
    <section style={{ display: "flex", flexDirection: "column", gap: "8px" }}>
      {workbook.tables.map((table) => (
        <TableCard key={`${table.sheetId}:${table.dataRows[0]}`} table={table} lang={lang} controller={controller} busy={state.busy !== undefined} />
      ))}
    </section>
  );
}

function TableCard({ table, lang, controller, busy }: { table: MappedTable; lang: Lang; controller: PaneController; busy: boolean }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const counts = countLevels(table);
  const columns = Object.entries(table.columns)
    .map(([role, col]) => `${columnLetter(col as number)} ${roleName(lang, role as ColumnRole)}`)
    .join(", ");
  const dataRows = table.rows.filter((r) => r.level !== "other" || r.uraian !== "");
  return (
    <Card className={styles.card} data-testid="mapped-table">
      <Text weight="semibold">{kindName(lang, table.kind)}</Text>
      <Text className={styles.small}>{t(lang, "sheetName", { name: table.sheet })}</Text>
      <Text className={styles.small}>
        {t(lang, "tableSummary", { kind: table.kind, first: table.dataRows[0], last: table.dataRows[1], year: table.year ?? t(lang, "unknownYear") })}
      </Text>
      <Text className={styles.small}>{t(lang, "counts", { p: counts.program, k: counts.kegiatan, s: counts.subKegiatan })}</Text>
      <Text className={styles.small}>{t(lang, "headerRows", { rows: table.headerRows.join(", ") })}</Text>
      <Text className={styles.small}>{t(lang, "columns")}: {columns}</Text>
      <Button size="small" onClick={() => setOpen(!open)}>{open ? t(lang, "hideRows") : t(lang, "showRows", { n: dataRows.length })}</Button>
      {open && (
        <VirtualList<MappedRow>
          items={dataRows}
          rowHeight={36}
          height={360}
          getKey={(r) => String(r.row)}
          renderRow={(r) => (
            <div className={styles.row} title={`${r.uraian}\n${(r.evidence ?? []).join("; ")}`}>
              <span className={styles.rowNo}>{r.row}</span>
              {r.confidence < LOW_CONFIDENCE && (
                <span className={styles.unsure} title={t(lang, "lowConfidence", { p: Math.round(r.confidence * 100) })} aria-label={t(lang, "lowConfidence", { p: Math.round(r.confidence * 100) })}>?</span>
              )}
              <span className={styles.name}>{r.uraian || "—"}</span>
              <Select
                className={styles.select}
                size="small"
                disabled={busy}
                value={r.level}
                aria-label={`${table.sheet} ${r.row}`}
                onChange={(_, d) => void controller.setLevel(table.sheetId, r.row, d.value as Level)}
              >
                {LEVELS.map((l) => (
                  <option key={l} value={l}>{levelName(lang, l)}</option>
                ))}
              </Select>
              {table.kind === "tabel-2.1" && ["program", "kegiatan", "subKegiatan"].includes(r.level) && (
                <Select
                  className={styles.select}
                  size="small"
                  disabled={busy}
                  value={r.indicatorKind ?? "auto"}
                  title={t(lang, "indicatorKindLabel")}
                  aria-label={`${t(lang, "indicatorKindLabel")} ${table.sheet} ${r.row}`}
                  onChange={(_, d) => void controller.setIndicatorKind(table.sheetId, r.row, d.value === "auto" ? undefined : (d.value as IndicatorKind))}
                >
                  {(["auto", ...INDICATOR_KINDS] as const).map((k) => (
                    <option key={k} value={k}>{indicatorKindName(lang, k)}</option>
                  ))}
                </Select>
              )}
            </div>
          )}
        />
      )}
    </Card>
  );
}
