/**
 * Why a workbook gave no Renja table: for each sheet, what mapping looked at and why it did not take it (an
 * empty sheet, no header row, headers without a Program/Kegiatan column or without any money/target column,
 * no rows under the headers, rows without Program/Kegiatan structure). Asked only when no table was found, so
 * it costs nothing on a workbook that has one; it runs the same mapSheet, so the reasons are mapping's own.
 */
import { count, list, msg, nested, text, type MessageRef } from "../messages";
import type { SheetSnapshot } from "../sheet/snapshot";
import { mapSheet, type MapOptions } from "./mapWorkbook";
import type { RejectedFrame, RejectReason } from "./planStructure";

export interface SheetExplanation {
  sheet: string;
  reason: "empty" | "no-header" | RejectReason;
  /** The first header row looked at, for the reasons past the header. */
  headerRow?: number;
  message: MessageRef;
}

const MAX_HEADERS_SHOWN = 6;

function headerList(headers: string[]): string {
  const shown = headers.slice(0, MAX_HEADERS_SHOWN).map((h) => (h.length > 40 ? `${h.slice(0, 37)}…` : h));
  return shown.join(" | ") + (headers.length > MAX_HEADERS_SHOWN ? " | …" : "");
}

const FRAME_KEY = {
  "no-name-column": "mapping.notMapped.noNameColumn",
  "no-content-column": "mapping.notMapped.noContentColumn",
  "no-rows": "mapping.notMapped.noRows",
  "no-structure": "mapping.notMapped.noStructure",
} as const satisfies Record<RejectReason, string>;

function explainFrame(sheet: string, f: RejectedFrame): MessageRef {
  // The row number as written in the sheet's margin (no thousands mark), the headers as the sheet has them.
  const at = msg("mapping.notMapped.headersAt", { row: text(String(f.headerRow)), headers: text(headerList(f.headers)) });
  return msg(FRAME_KEY[f.reason], { sheet: text(sheet), at: nested(at) });
}

/** One explanation per sheet (in workbook order), for a workbook in which mapping found no Renja table. */
export function explainNoTable(sheets: readonly SheetSnapshot[], opts: MapOptions = {}): SheetExplanation[] {
  return sheets.map((sheet): SheetExplanation => {
    if (sheet.rows.size === 0) return { sheet: sheet.name, reason: "empty", message: msg("mapping.notMapped.empty", { sheet: text(sheet.name) }) };
    const rejected: RejectedFrame[] = [];
    mapSheet(sheet, opts, (r) => rejected.push(r));
    // the most telling block: one that got furthest (rows without structure beat headers without columns)
    const order: RejectReason[] = ["no-structure", "no-rows", "no-content-column", "no-name-column"];
    const best = [...rejected].sort((a, b) => order.indexOf(a.reason) - order.indexOf(b.reason))[0];
    if (best) return { sheet: sheet.name, reason: best.reason, headerRow: best.headerRow, message: explainFrame(sheet.name, best) };
    return { sheet: sheet.name, reason: "no-header", message: msg("mapping.notMapped.noHeader", { sheet: text(sheet.name) }) };
  });
}

/** The whole explanation as one message: the heading, how many sheets were looked at, one line per sheet. */
export function noTableMessage(explanations: readonly SheetExplanation[]): MessageRef {
  const lines = explanations.map((e) => msg("mapping.noTable.line", { line: nested(e.message) }));
  return msg("mapping.noTable", { n: count(explanations.length), lines: list(lines, "") });
}
