/** Which nomenclature list the checks use, and loading another one from a file (kept in the browser). */
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { ChangeEvent } from "react";
import { BUILTIN_CATALOGUE } from "../../domain/nomenclature";
import type { PaneController, PaneState } from "../controller";
import { forgetCatalogue, initialCatalogue, loadCatalogueFile } from "../nomenclatureSource";

const useStyles = makeStyles({
  bar: { display: "flex", gap: "6px", alignItems: "center", flexWrap: "wrap" },
  small: { fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
});

const ORIGIN = {
  builtin: { id: "bawaan, hanya bidang 7.01", en: "built in, bidang 7.01 only" },
  stored: { id: "tersimpan", en: "stored" },
  file: { id: "berkas", en: "file" },
  bundled: { id: "dari add-in", en: "bundled with the add-in" },
  browser: { id: "dimuat di peramban", en: "loaded in this browser" },
} as const;

export function CatalogueBar({ controller, state }: { controller: PaneController; state: PaneState }) {
  const styles = useStyles();
  const { lang } = state;
  const input = useRef<HTMLInputElement>(null);
  const inUse = state.nomenclature ?? BUILTIN_CATALOGUE;

  useEffect(() => {
    let cancelled = false;
    void initialCatalogue().then((c) => {
      if (!cancelled && c) controller.setNomenclature(c);
    });
    return () => {
      cancelled = true;
    };
  }, [controller]);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    const result = await loadCatalogueFile(file.name, new Uint8Array(await file.arrayBuffer()));
    if (!result.ok) {
      controller.showNotice({ intent: "error", message: result.message });
      return;
    }
    controller.setNomenclature(result.catalogue);
    const n = result.catalogue.entries.filter((x) => x.level === "subKegiatan").length;
    controller.showNotice({
      intent: "success",
      message: { id: `Nomenklatur dimuat: ${result.catalogue.label} (${n} sub kegiatan).`, en: `Nomenclature loaded: ${result.catalogue.label} (${n} sub kegiatan).` },
    });
  };

  return (
    <div className={styles.bar}>
      <Text className={styles.small} data-testid="catalogue-in-use">
        {lang === "en" ? "Nomenclature" : "Nomenklatur"}: {inUse.label} ({ORIGIN[inUse.origin][lang]})
      </Text>
      <input ref={input} type="file" accept=".tsv,.csv,.txt,.xlsx,.json" hidden data-testid="catalogue-file" onChange={(e) => void onFile(e)} />
      <Button size="small" data-testid="catalogue-load" onClick={() => input.current?.click()}>
        {lang === "en" ? "Load another list…" : "Muat daftar lain…"}
      </Button>
      {inUse.origin === "browser" && (
        <Button
          size="small"
          appearance="subtle"
          data-testid="catalogue-forget"
          onClick={() => {
            forgetCatalogue();
            void initialCatalogue().then((c) => controller.setNomenclature(c));
          }}
        >
          {lang === "en" ? "Stop using it" : "Berhenti memakainya"}
        </Button>
      )}
    </div>
  );
}
