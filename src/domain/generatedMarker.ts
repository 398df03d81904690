/**
 * The marker of a sheet this tool generated, and how every host tells its own sheet from a copy or an edited one.
 * A sheet-scoped defined name alone is not enough: Excel copies it with the sheet, so the user's copy (or a sheet
 * given the name by hand) would be taken for the tool's and overwritten. The name's value therefore also holds
 * the sheet's own id as the writing host knows it (the sheetId of workbook.xml, or Office's worksheet id) and a
 * fingerprint of the cells the tool wrote:
 *
 *     RenjaCermat_Generated = "tabel-3.3;id=4;fp=3fa09c12d7"
 *
 * A sheet is the tool's only when both hold: its id is the one in the marker (a copy gets a new id) and its cells
 * are still the ones written (an edited sheet is the user's work). Parsing and verifying live here, once; the
 * hosts only read the name, the id and the cells.
 */
import { shortHash } from "./hash";
import { count, msg, nested, text, type MessageRef } from "./messages";
import { GENERATED_SHEET_MARKER, type SheetPlan } from "./plan";
import type { CellValue, SheetSnapshot } from "./sheet/snapshot";

export { GENERATED_SHEET_MARKER };

export interface GeneratedMarker {
  table: string;
  /** The sheet's id in the host that wrote the marker; absent in markers of versions before ids were kept. */
  id?: string;
  fp?: string;
}

/** The marker's text (the string constant the defined name holds). */
export function markerText(table: string, sheetId: string, fingerprint: string): string {
  return `${table};id=${sheetId};fp=${fingerprint}`;
}

/** As Office's names.add takes it: a formula returning the marker text. */
export function markerFormula(table: string, sheetId: string, fingerprint: string): string {
  return `="${markerText(table, sheetId, fingerprint).replace(/"/g, '""')}"`;
}

/** A stored marker, as a defined name's value (`"…"`) or an Office name's formula (`="…"`); undefined if not one. */
export function parseMarker(stored: string): GeneratedMarker | undefined {
  const m = /^\s*=?\s*"((?:[^"]|"")*)"\s*$/.exec(stored);
  if (!m) return undefined;
  const [table, ...fields] = m[1].replace(/""/g, '"').split(";");
  if (!/^tabel-[\w.-]+$/.test(table)) return undefined;
  const out: GeneratedMarker = { table };
  for (const f of fields) {
    const eq = f.indexOf("=");
    if (eq < 0) continue;
    const key = f.slice(0, eq);
    const value = f.slice(eq + 1);
    if (key === "id" && value) out.id = value;
    else if (key === "fp" && value) out.fp = value;
  }
  return out;
}

interface ContentCell {
  row: number;
  col: number;
  value: CellValue;
  formula?: string;
  error?: string;
}

/**
 * A hash of what the cells hold: formulas by their text (their cached results change on every recalculation),
 * constants by type and value; blank cells are left out (a host reads a blank text back as an empty cell).
 * Formatting is not part of it: a sheet whose only change is its look still counts as the tool's.
 */
export function contentFingerprint(cells: Iterable<ContentCell>): string {
  const entries: { row: number; col: number; text: string }[] = [];
  for (const c of cells) {
    let text: string;
    // Text that looks like a formula ("=bukan rumus", kept as text by the "@" format) reads back from Excel as a
    // formula whose value is its own text: it is the text the tool wrote.
    const asText = c.formula !== undefined && typeof c.value === "string" && c.value === `=${c.formula.replace(/^=/, "")}`;
    if (c.formula !== undefined && c.formula !== "" && !asText) text = `=${c.formula.replace(/^=/, "")}`;
    else if (c.error !== undefined) text = `!${c.error}`;
    else if (c.value === null || (typeof c.value === "string" && c.value.trim() === "")) continue;
    else text = `${typeof c.value === "number" ? "n" : typeof c.value === "boolean" ? "b" : "s"}${String(c.value)}`;
    entries.push({ row: c.row, col: c.col, text });
  }
  entries.sort((a, b) => a.row - b.row || a.col - b.col);
  return shortHash(entries.map((e) => `${e.row},${e.col}\u0001${e.text}`).join("\u0002"));
}

export function planFingerprint(plan: Pick<SheetPlan, "cells">): string {
  return contentFingerprint(plan.cells);
}

export function snapshotFingerprint(sheet: SheetSnapshot): string {
  return contentFingerprint(snapshotCells(sheet));
}

function* snapshotCells(sheet: SheetSnapshot): Iterable<ContentCell> {
  for (const [row, cells] of sheet.rows) for (const [col, cell] of cells) yield { row, col, ...cell };
}

/**
 * generated: the tool's sheet, unchanged (replaceable, left out of checks);
 * incomplete: the tool's sheet whose writing did not finish (replaceable: what it holds is what the tool wrote so far);
 * copied: the marker came with a copy of the sheet (another id), or two sheets carry it and which one is the
 *   original cannot be told; edited: the cells are no longer what the tool wrote; old: a marker without id and
 *   fingerprint (earlier versions), which cannot tell a copy from the original.
 */
export type MarkerStatus = "generated" | "incomplete" | "copied" | "edited" | "old";

export interface MarkedSheet {
  name: string;
  /** The sheet's own id in this host: workbook.xml's sheetId (digits) or Office's worksheet id. */
  id: string;
  /** The stored marker (name value or formula). */
  marker: string;
  /** The host's "writing did not finish" flag is on the sheet. */
  incomplete?: boolean;
  /** The fingerprint of the sheet's cells now; computed only when needed. */
  fingerprint: () => string;
}

export interface MarkerVerdict {
  name: string;
  table: string;
  status: MarkerStatus;
}

/** An .xlsx sheetId is a number; Office's worksheet ids are not: an id of the other kind cannot be compared. */
function idKind(id: string): "sheetId" | "office" {
  return /^\d+$/.test(id) ? "sheetId" : "office";
}

/**
 * Every marked sheet's verdict. An id written by the other kind of host (a sheet generated by the CLI, now in
 * Excel) cannot be compared with this host's id: such a sheet is the tool's when its cells are unchanged and no
 * other sheet carries the same marker id (else one of them is a copy, and neither is touched).
 */
export function verifyMarkedSheets(sheets: readonly MarkedSheet[]): MarkerVerdict[] {
  const parsed = sheets.map((s) => ({ sheet: s, marker: parseMarker(s.marker) }));
  const idCount = new Map<string, number>();
  for (const p of parsed) if (p.marker?.id) idCount.set(p.marker.id, (idCount.get(p.marker.id) ?? 0) + 1);
  const out: MarkerVerdict[] = [];
  for (const { sheet, marker } of parsed) {
    if (!marker) continue;
    const verdict = (status: MarkerStatus): MarkerVerdict => ({ name: sheet.name, table: marker.table, status });
    if (marker.id === undefined || marker.fp === undefined) {
      out.push(verdict("old"));
      continue;
    }
    const comparable = idKind(marker.id) === idKind(sheet.id);
    if (comparable ? marker.id !== sheet.id : (idCount.get(marker.id) ?? 0) > 1) {
      out.push(verdict("copied"));
      continue;
    }
    if (sheet.incomplete && comparable) {
      out.push(verdict("incomplete"));
      continue;
    }
    out.push(verdict(sheet.fingerprint() === marker.fp ? "generated" : "edited"));
  }
  return out;
}

/** The verdicts a host may rewrite (and a check leaves out: "generated" only). */
export function isOwnSheet(v: MarkerVerdict): boolean {
  return v.status === "generated" || v.status === "incomplete";
}

/** Why a sheet that carries the marker is not treated as the tool's, for the user. */
export function notOwnReason(v: MarkerVerdict): MessageRef {
  const sheet = text(v.name);
  switch (v.status) {
    case "copied":
      return msg("marker.copied", { sheet });
    case "edited":
      return msg("marker.edited", { sheet });
    default:
      return msg("marker.old", { sheet });
  }
}

/** Said when a new table goes to a new sheet because the marked sheet of its name is the user's now. */
export function keptSheetNotice(v: MarkerVerdict, written: string): MessageRef {
  return msg("marker.kept", { why: nested(notOwnReason(v)), sheet: text(written) });
}

/** How a check names the sheets it left out. */
export function generatedSheetsNotice(names: readonly string[]): MessageRef | undefined {
  if (names.length === 0) return undefined;
  return msg("marker.generatedSheets", { sheets: text(names.map((n) => `'${n}'`).join(", ")), n: count(names.length) });
}
