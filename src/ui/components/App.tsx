/** The task pane: language switch, three views (actions, findings, mapping), progress and messages. */
import { Button, FluentProvider, MessageBar, MessageBarBody, ProgressBar, Tab, TabList, Text, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { ReactNode } from "react";
import type { PaneController, View } from "../controller";
import { LANGS, formatAmount } from "../../domain/messages";
import { t } from "../i18n";
import { ActionsView } from "./ActionsView";
import { CatalogueBar } from "./CatalogueBar";
import { FindingsView } from "./FindingsView";
import { MappingView } from "./MappingView";
import { usePaneState } from "./usePane";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", padding: "8px 10px", height: "100vh", minHeight: "420px", boxSizing: "border-box", maxWidth: "100%", overflowY: "auto", "> *": { flexShrink: 0 } },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "8px" },
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
});

export interface AppProps {
  controller: PaneController;
  dark?: boolean;
  /** Shown above the tabs (the standalone page's file bar). */
  top?: ReactNode;
}

export function App({ controller, dark, top }: AppProps) {
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <Pane controller={controller} top={top} />
    </FluentProvider>
  );
}

function Pane({ controller, top }: { controller: PaneController; top?: ReactNode }) {
  const styles = useStyles();
  const state = usePaneState(controller);
  const { lang } = state;
  const findingCount = state.findings?.length;
  const status = useRef<HTMLDivElement>(null);
  const wasBusy = useRef(false);
  // A button pressed with Enter is disabled while its action runs, and the browser drops its focus to the body.
  // When the action ends with focus lost, it goes to the result: the message, else the findings' summary.
  useEffect(() => {
    const ended = wasBusy.current && !state.busy;
    wasBusy.current = state.busy !== undefined;
    if (!ended) return;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (!lost) return;
    const result = (status.current?.querySelector("[data-result]") ?? document.querySelector('[data-testid="findings-summary"]')) as HTMLElement | null;
    result?.focus();
  }, [state.busy]);
  return (
    <main className={styles.root} lang={lang}>
      <div className={styles.header}>
        <Text as="h1" className={styles.title}>{t(lang, "appTitle")}</Text>
        <Button size="small" appearance="subtle" data-testid="lang-switch" onClick={() => controller.setLang(LANGS[(LANGS.indexOf(lang) + 1) % LANGS.length])}>
          {t(lang, "language")}
        </Button>
      </div>
      {top}
      <CatalogueBar controller={controller} state={state} />
      <TabList size="small" selectedValue={state.view} onTabSelect={(_, d) => controller.setView(d.value as View)}>
        <Tab value="actions">{t(lang, "tabActions")}</Tab>
        <Tab value="findings" data-testid="tab-findings">{t(lang, "tabFindings")}{findingCount !== undefined ? ` (${formatAmount(findingCount, lang)})` : ""}</Tab>
        <Tab value="mapping">{t(lang, "tabMapping")}</Tab>
      </TabList>
      {/* One polite live region for progress and messages, present from the start so that changes are announced. */}
      <div ref={status} aria-live="polite" data-testid="status-region" style={{ display: "flex", flexDirection: "column", gap: "8px" }}>
        {state.busy && (
          <div data-testid="busy">
            <Text size={200}>{state.busy.label[lang]}</Text>
            <ProgressBar value={state.busy.progress} thickness="large" aria-label={state.busy.label[lang]} />
          </div>
        )}
        {state.notice && (
          <MessageBar intent={state.notice.intent} data-testid={`notice-${state.notice.intent}`} data-result tabIndex={-1}>
            <MessageBarBody>{state.notice.message[lang]}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {state.view === "actions" && <ActionsView controller={controller} state={state} />}
      {state.view === "findings" && <FindingsView controller={controller} state={state} />}
      {state.view === "mapping" && <MappingView controller={controller} state={state} />}
    </main>
  );
}
