/**
 * Each table mapping found: kind, header rows, columns, N, counts. The kind, each column's role and each row's
 * level can be corrected; columns are shown by their printed header and their role in words.
 */
import { Button, Card, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { INDICATOR_KINDS } from "../../domain/evaluation/indicatorKind";
import type { ColumnRole, IndicatorKind, Level, MappedRow, MappedTable, MappingOverrides, TableKind } from "../../domain/mapping/types";
import { columnHeaders } from "../../domain/mapping/headerPaths";
import { countLevels } from "../../domain/mapping/tree";
import { TABLE_KINDS } from "../../domain/tables/kinds";
import { columnLetter, type SheetSnapshot } from "../../domain/sheet/snapshot";
import type { PaneController, PaneState } from "../controller";
import { LEVELS, indicatorKindName, kindName, levelName, roleName, rolesForKind, t } from "../i18n";
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
  columnRow: { display: "flex", alignItems: "center", gap: "4px", fontSize: tokens.fontSizeBase200 },
  columnHeader: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  roleSelect: { width: "150px", flexShrink: 0 },
  unsure: { flexShrink: 0, color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightBold, cursor: "help" },
});

export function MappingView({ controller, state }: { controller: PaneController; state: PaneState }) {
  const { lang, workbook } = state;
  if (!workbook) return <Text size={200}>{t(lang, "notValidated")}</Text>;
  if (workbook.tables.length === 0) return <Text>{t(lang, "noTables")}</Text>;
  return (
    <section style={{ display: "flex", flexDirection: "column", gap: "8px" }}>
      {workbook.tables.map((table) => (
        <TableCard
          key={`${table.sheetId}:${table.dataRows[0]}`}
          table={table}
          sheet={workbook.sheets.find((s) => s.id === table.sheetId)}
          overrides={state.overrides}
          lang={lang}
          controller={controller}
          busy={state.busy !== undefined}
        />
      ))}
    </section>
  );
}

/** The printed header of each column of the table's header rows, left to right ("Rencana Tahun 2025 › Lokasi"). */
function printedHeaders(sheet: SheetSnapshot | undefined, table: MappedTable): { col: number; header: string }[] {
  if (!sheet) return [];
  const mapped = Object.values(table.columns) as number[];
  const last = Math.max(sheet.maxCol, ...mapped);
  return columnHeaders(sheet, table.headerRows, 1, last)
    .filter((h) => h.path.length > 0 || mapped.includes(h.col))
    .map((h) => ({ col: h.col, header: h.path.join(" › ") }));
}

interface TableCardProps {
  table: MappedTable;
  sheet: SheetSnapshot | undefined;
  overrides: MappingOverrides;
  lang: Lang;
  controller: PaneController;
  busy: boolean;
}

function TableCard({ table, sheet, overrides, lang, controller, busy }: TableCardProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [columnsOpen, setColumnsOpen] = useState(false);
  const counts = countLevels(table);
  const roleOf = new Map<number, ColumnRole>();
  for (const [role, col] of Object.entries(table.columns) as [ColumnRole, number][]) roleOf.set(col, role);
  const headers = printedHeaders(sheet, table);
  const roles = rolesForKind(table.kind);
  const chosenKind = overrides.kinds?.[table.sheetId];
  const dataRows = table.rows.filter((r) => r.level !== "other" || r.uraian !== "");
  return (
    <Card className={styles.card} data-testid="mapped-table">
      <Text weight="semibold">{kindName(lang, table.kind)}</Text>
      <Text className={styles.small}>{t(lang, "sheetName", { name: table.sheet })}</Text>
      <Select
        size="small"
        disabled={busy}
        value={chosenKind ?? "auto"}
        aria-label={`${t(lang, "tableKindLabel")} ${table.sheet}`}
        title={t(lang, "tableKindLabel")}
        onChange={(_, d) => void controller.setTableKind(table.sheetId, d.value === "auto" ? undefined : (d.value as TableKind))}
      >
        <option value="auto">{t(lang, "tableKindFromHeaders")}</option>
        {TABLE_KINDS.map((d) => (
          <option key={d.kind} value={d.kind}>{kindName(lang, d.kind)}</option>
        ))}
      </Select>
      <Text className={styles.small}>
        {t(lang, "tableSummary", { first: table.dataRows[0], last: table.dataRows[1], year: table.year ?? t(lang, "unknownYear") })}
      </Text>
      <Text className={styles.small}>{t(lang, "counts", { p: counts.program, k: counts.kegiatan, s: counts.subKegiatan })}</Text>
      <Text className={styles.small}>{t(lang, "headerRows", { rows: table.headerRows.join(", ") })}</Text>
      <Text className={styles.small}>
        {t(lang, "columns")}:{" "}
        {headers.filter((h) => roleOf.has(h.col)).map((h) => `${columnLetter(h.col)} ${roleName(lang, roleOf.get(h.col) as ColumnRole)}`).join(", ")}
      </Text>
      <Button size="small" onClick={() => setColumnsOpen(!columnsOpen)} aria-expanded={columnsOpen}>
        {columnsOpen ? t(lang, "hideColumns") : t(lang, "showColumns", { n: headers.length })}
      </Button>
      {columnsOpen && (
        <div role="list" aria-label={t(lang, "columns")}>
          {headers.map((h) => {
            const role = roleOf.get(h.col);
            const label = t(lang, "columnRoleLabel", { col: columnLetter(h.col), header: h.header || t(lang, "columnNoHeader") });
            return (
              <div key={h.col} role="listitem" className={styles.columnRow} data-testid="mapped-column">
                <span className={styles.rowNo}>{columnLetter(h.col)}</span>
                <span className={styles.columnHeader}>{h.header || t(lang, "columnNoHeader")}</span>
                <Select
                  className={styles.roleSelect}
                  size="small"
                  disabled={busy}
                  value={role ?? ""}
                  aria-label={label}
                  title={label}
                  onChange={(_, d) => void controller.setColumnRole(table.sheetId, h.col, d.value === "" ? undefined : (d.value as ColumnRole))}
                >
                  <option value="">{t(lang, "columnNoRole")}</option>
                  {(role && !roles.includes(role) ? [role, ...roles] : roles).map((r) => (
                    <option key={r} value={r}>{roleName(lang, r)}</option>
                  ))}
                </Select>
              </div>
            );
          })}
        </div>
      )}
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
