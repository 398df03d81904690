/**
 * "Bandingkan dengan SIPD": pick a SIPD-RI export (read in the browser, never uploaded), see which unit it is
 * compared with and how the totals stand, then preview "Ambil nilai SIPD" like every other write.
 */
import { Button, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useRef } from "react";
import type { ChangeEvent } from "react";
import { formatAmount } from "../../domain/messages";
import type { PaneController, PaneState } from "../controller";
import { t } from "../i18n";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: "4px", border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: "6px" },
  small: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, overflowWrap: "anywhere" },
  buttons: { display: "flex", gap: "6px", flexWrap: "wrap" },
});

export function SipdPanel({ controller, state }: { controller: PaneController; state: PaneState }) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const { lang, sipd } = state;
  const busy = state.busy !== undefined;
  const onPick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (file) await controller.compareWithSipd(new Uint8Array(await file.arrayBuffer()), file.name);
  };
  const rupiah = (v?: string) => (v === undefined ? "?" : `Rp ${formatAmount(v, lang)}`);
  return (
    <section className={styles.box} data-testid="sipd-panel" aria-label={t(lang, "sipdTitle")}>
      <Text weight="semibold">{t(lang, "sipdTitle")}</Text>
      {!sipd && <Text className={styles.small}>{t(lang, "sipdIntro")}</Text>}
      <input ref={input} type="file" accept=".xlsx,.xlsm" hidden data-testid="sipd-input" onChange={(e) => void onPick(e)} />
      <div className={styles.buttons}>
        <Button size="small" disabled={busy} data-testid="sipd-pick" onClick={() => input.current?.click()}>{t(lang, "sipdPick")}</Button>
        {sipd && (
          <Button size="small" appearance="primary" disabled={busy || !sipd.unit || sipd.differences === 0 || !controller.can("takeSipd")} data-testid="sipd-take" onClick={() => void controller.preview("takeSipd")}>
            {t(lang, "sipdTake")}
          </Button>
        )}
        {sipd && <Button size="small" disabled={busy} onClick={() => controller.clearSipd()}>{t(lang, "sipdClose")}</Button>}
      </div>
      {sipd && (
        <div data-testid="sipd-summary" style={{ display: "flex", flexDirection: "column", gap: "2px" }}>
          <Text className={styles.small}>{t(lang, "sipdFile", { name: sipd.file, kind: sipd.export.kind })}</Text>
          {sipd.unit && <Text className={styles.small} data-testid="sipd-unit">{t(lang, "sipdUnit", { name: `${sipd.unit.name}${sipd.unit.kode ? ` (${sipd.unit.kode})` : ""}` })}</Text>}
          {(sipd.unitError || sipd.skpd !== undefined) && (
            <Select size="small" aria-label={t(lang, "sipdChooseUnit")} data-testid="sipd-unit-choice" value={sipd.skpd ?? ""} onChange={(_, d) => controller.chooseSipdUnit(d.value)}>
              <option value="" disabled>{t(lang, "sipdChooseUnit")}</option>
              {sipd.export.units.map((u) => (
                <option key={`${u.kode ?? ""}|${u.name}`} value={u.kode ?? u.name}>{u.name}</option>
              ))}
            </Select>
          )}
          {sipd.tables.map((tb) => (
            <Text key={tb.sheet} className={styles.small} data-testid="sipd-table">
              {t(lang, "sipdTable", { sheet: tb.sheet, matched: tb.matched, rows: tb.rows, plan: rupiah(tb.planTotal), sipd: rupiah(tb.sipdTotal) })}
            </Text>
          ))}
          {sipd.unit && (
            <Text className={styles.small} weight="semibold" data-testid="sipd-verdict">
              {sipd.differences > 0 ? t(lang, "sipdDifferences", { n: sipd.differences }) : t(lang, "sipdAgrees")}
            </Text>
          )}
        </div>
      )}
    </section>
  );
}
