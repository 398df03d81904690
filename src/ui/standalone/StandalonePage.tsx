/**
 * The file bar of the standalone page (open a file, the sample, download the changed workbook) above the same
 * pane as in Excel.
 */
import { Button, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ChangeEvent } from "react";
import type { Message } from "../../domain/findings";
import { msg, nested, phrase, renderAll, text } from "../../domain/messages";
import type { PaneController } from "../controller";
import { errorMessage } from "../controller";
import { App } from "../components/App";
import { usePaneState } from "../components/usePane";
import { t } from "../i18n";
import { BrowserWorkbook, downloadName } from "./browserWorkbook";

export const SAMPLE_FILE = "sample-renja-tomoni-2025.xlsx";

const useStyles = makeStyles({
  bar: { display: "flex", flexDirection: "column", gap: "4px", padding: "6px", borderRadius: tokens.borderRadiusMedium, background: tokens.colorNeutralBackground2 },
  line: { display: "flex", gap: "6px", alignItems: "center", flexWrap: "wrap" },
  small: { fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
});

/** "Berkas <name> tidak dapat dibuka: <why>": the reader's own reason (a host error) after the file's name. */
export function rejectedFile(name: string, why: Message): Message {
  return renderAll(msg("ui.fileRejectedBecause", { rejected: nested(msg("ui.fileRejected", { name: text(name) })), why: phrase(why) }));
}

export function StandalonePage({ controller, dark }: { controller: PaneController; dark?: boolean }) {
  return <App controller={controller} dark={dark} top={<FileBar controller={controller} />} />;
}

function FileBar({ controller }: { controller: PaneController }) {
  const styles = useStyles();
  const { lang, revision } = usePaneState(controller);
  const [workbook, setWorkbook] = useState<BrowserWorkbook>();
  const [source, setSource] = useState<"sample" | "file">("sample");
  const [status, setStatus] = useState<"loading" | "ready" | "failed" | "rejected">("loading");
  /** The revision last downloaded: changes made after it would be lost by leaving or opening another file. */
  const [downloaded, setDownloaded] = useState<number>();
  const unsaved = workbook?.changed === true && downloaded !== revision;
  const [selected, setSelected] = useState<string>();
  const [downloadUrl, setDownloadUrl] = useState<string>();
  const input = useRef<HTMLInputElement>(null);

  const open = useCallback(
    async (bytes: Uint8Array, name: string, from: "sample" | "file") => {
      try {
        const wb = await BrowserWorkbook.open(bytes, name, safeStorage(), (sheet, cell) => setSelected(`${sheet}!${cell}`));
        controller.replaceHost(wb);
        setWorkbook(wb);
        setSource(from);
        setStatus("ready");
      } catch (e) {
        // Nothing is open after a rejected file: keeping the one before open let Validasi report the previous
        // workbook's findings under the rejected file's error. The message says why the file could not be read.
        const why = errorMessage(e);
        setWorkbook(undefined);
        setSelected(undefined);
        setStatus(from === "sample" ? "failed" : "rejected");
        controller.closeWorkbook({
          intent: "error",
          // The reader's own message mostly names the file already; one that does not gets it in front.
          message: from === "sample" || why.id.includes(name) ? why : rejectedFile(name, why),
        });
      }
    },
    [controller],
  );

  useEffect(() => {
    let cancelled = false;
    fetch(SAMPLE_FILE)
      .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then(async (buf) => {
        if (!cancelled) await open(new Uint8Array(buf), SAMPLE_FILE, "sample");
      })
      .catch(() => {
        if (!cancelled) setStatus("failed");
      });
    return () => {
      cancelled = true;
    };
    // The sample loads once, on first render only.
  }, []);

  // The download link follows the workbook's bytes after every write (apply, undo, generated sheet).
  useEffect(() => {
    if (!workbook?.changed) {
      setDownloadUrl(undefined);
      return;
    }
    const url = URL.createObjectURL(new Blob([workbook.bytes.slice()], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    setDownloadUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [workbook, revision]);

  // Leaving the page (reload, closing the tab) would drop the changes silently: the browser asks first.
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Chromium before 119 and Safari ask only when returnValue is set.
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  const pickFile = () => {
    if (unsaved && !window.confirm(t(lang, "unsavedOpen"))) return;
    input.current?.click();
  };

  const onPick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    await open(new Uint8Array(await file.arrayBuffer()), file.name, "file");
    e.target.value = "";
  };

  return (
    <div className={styles.bar} data-testid="file-bar">
      <Text className={styles.small}>{t(lang, "standaloneIntro")}</Text>
      <div className={styles.line}>
        <Button size="small" data-testid="open-file" onClick={pickFile}>{t(lang, "openFile")}</Button>
        <input ref={input} type="file" accept=".xlsx,.xlsm" hidden data-testid="file-input" onChange={(e) => void onPick(e)} />
        {workbook && downloadUrl && (
          <Link href={downloadUrl} download={downloadName(workbook.fileName)} data-testid="download" onClick={() => setDownloaded(revision)}>
            {t(lang, "download")}
          </Link>
        )}
      </div>
      <Text className={styles.small} data-testid="file-status">
        {status === "loading" && t(lang, "loadingSample")}
        {status === "failed" && !workbook && t(lang, "sampleMissing")}
        {status === "rejected" && !workbook && t(lang, "noWorkbook")}
        {workbook && t(lang, source === "sample" ? "sampleLoaded" : "fileLoaded", { name: workbook.fileName })}
      </Text>
      {unsaved && <Text className={styles.small} data-testid="unsaved">{t(lang, "unsavedNote")}</Text>}
      {selected && <Text className={styles.small} data-testid="selected-cell">{t(lang, "selected", { ref: selected })}</Text>}
    </div>
  );
}

/** localStorage, or nothing where the browser forbids it (private mode, file://). */
function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
