/** Which nomenclature list the checks use, and loading another one from a file (kept in the browser). */
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { ChangeEvent } from "react";
import { count, msg, nested, renderAll, text, type MessageRef } from "../../domain/messages";
import { BUILTIN_CATALOGUE, type Catalogue } from "../../domain/nomenclature";
import type { PaneController, PaneState } from "../controller";
import { say } from "../i18n";
import { forgetCatalogue, initialCatalogue, loadCatalogueFile } from "../nomenclatureSource";

const useStyles = makeStyles({
  bar: { display: "flex", gap: "6px", alignItems: "center", flexWrap: "wrap" },
  small: { fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
});

/** Where the list in use came from: its key in the catalogue (ui.catalogue.origin.*). */
const ORIGIN = {
  builtin: msg("ui.catalogue.origin.builtin", {}),
  stored: msg("ui.catalogue.origin.stored", {}),
  file: msg("ui.catalogue.origin.file", {}),
  bundled: msg("ui.catalogue.origin.bundled", {}),
  browser: msg("ui.catalogue.origin.browser", {}),
} as const;

/** "Nomenklatur: <label> (<where it came from>)": the line naming the list the checks use. */
export function catalogueInUse(c: Catalogue): MessageRef {
  return msg("ui.catalogue.inUse", { label: text(c.label), origin: nested(ORIGIN[c.origin]) });
}

/** The notice after a list is loaded. The count is a plain number ("3406 sub kegiatan"), as the notice has always shown it. */
export function catalogueLoaded(c: Catalogue): MessageRef {
  const n = c.entries.filter((x) => x.level === "subKegiatan").length;
  return msg("ui.catalogue.loaded", { label: text(c.label), n: count(n) });
}

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
    controller.showNotice({ intent: "success", message: renderAll(catalogueLoaded(result.catalogue)) });
  };

  return (
    <div className={styles.bar}>
      <Text className={styles.small} data-testid="catalogue-in-use">
        {say(lang, catalogueInUse(inUse))}
      </Text>
      <input ref={input} type="file" accept=".tsv,.csv,.txt,.xlsx,.json" hidden data-testid="catalogue-file" onChange={(e) => void onFile(e)} />
      <Button size="small" data-testid="catalogue-load" onClick={() => input.current?.click()}>
        {say(lang, msg("ui.catalogue.loadAnother", {}))}
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
          {say(lang, msg("ui.catalogue.stopUsing", {}))}
        </Button>
      )}
    </div>
  );
}
