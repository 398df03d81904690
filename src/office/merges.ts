/// <reference types="office-js" />
/**
 * The merged areas of a worksheet. `Range.getMergedAreasOrNullObject` "will fail to return the result" above
 * 512 areas (API reference), and Word-pasted Renja sheets are merge-heavy. So the whole sheet is asked once, in
 * the caller's own sync; when that fails, or answers with 512 areas or more, the merges are read again in row
 * bands of the used range, a band that fails or reaches 512 is halved, and the bands are joined. The merged-cell
 * guard of a write therefore never stops working silently: it either has every merge or the command fails.
 *
 * Excel only lists merges whose top-left cell lies inside the range queried (office-js#3611); the whole sheet and
 * the full used range (not values-only: a merge with a blank top-left cell is formatted, so it counts) hold them all.
 */
import { HostError } from "../domain/host";
import { msg } from "../domain/messages";
import type { MergeArea } from "../domain/sheet/snapshot";
import { excelErrorCode } from "./errors";
import type { Batch } from "./queue";

/** More than this many areas and Excel gives no answer; this many may be a partial one. */
export const MERGE_AREA_LIMIT = 512;
/** Rows per band of the banded read: 1,000 rows of a merge-heavy sheet (about 1 area every 2 rows) stay under 512. */
export const MERGE_BAND_ROWS = 1_000;

const AREA_PROPERTIES = "areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount";

/** Queues the one query for the whole sheet; read after the next sync with mergeAreas(). */
export function loadMergedAreas(ws: Excel.Worksheet): Excel.RangeAreas {
  const merged = ws.getRange().getMergedAreasOrNullObject();
  merged.load(AREA_PROPERTIES);
  return merged;
}

export function mergeAreas(merged: Excel.RangeAreas): MergeArea[] {
  if (merged.isNullObject) return [];
  const out = merged.areas.items.map((a) => ({
    top: a.rowIndex + 1,
    left: a.columnIndex + 1,
    bottom: a.rowIndex + a.rowCount,
    right: a.columnIndex + a.columnCount,
  }));
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

/**
 * Queues `queue()` (the caller's loads) with the whole-sheet merge query of each sheet, and syncs. A sync that
 * fails with GeneralException is sent again without the merge queries (one of them may be what failed); any
 * sheet whose merges did not come back whole is then read in bands. `onSync` counts every sync.
 */
export async function syncWithMerges<T>(
  b: Batch,
  sheets: readonly Excel.Worksheet[],
  queue: () => T,
  onSync: () => void = () => undefined,
): Promise<{ queued: T; merges: MergeArea[][] }> {
  let queued = queue();
  let whole: Excel.RangeAreas[] | undefined = sheets.map(loadMergedAreas);
  try {
    await b.sync();
    onSync();
  } catch (e) {
    onSync();
    if (excelErrorCode(e) !== "GeneralException") throw e;
    queued = queue();
    whole = undefined;
    await b.sync();
    onSync();
  }
  const merges: MergeArea[][] = [];
  for (let i = 0; i < sheets.length; i++) {
    const areas = whole ? mergeAreas(whole[i]) : undefined;
    merges.push(areas && areas.length < MERGE_AREA_LIMIT ? areas : await bandedMergedAreas(b, sheets[i], onSync));
  }
  return { queued, merges };
}

interface MergeBand {
  top: number;
  rows: number;
  result?: Excel.RangeAreas;
}

/** The banded read: all bands in one sync, halved (all, after a failure; the full ones, after an answer) until each answers with fewer than 512. */
export async function bandedMergedAreas(b: Batch, ws: Excel.Worksheet, onSync: () => void = () => undefined, bandRows = MERGE_BAND_ROWS): Promise<MergeArea[]> {
  const used = ws.getUsedRangeOrNullObject(false);
  used.load("rowIndex,rowCount,columnIndex,columnCount");
  await b.sync();
  onSync();
  if (used.isNullObject) return [];
  const left = used.columnIndex;
  const width = used.columnCount;
  let pending: MergeBand[] = [];
  for (let top = used.rowIndex; top < used.rowIndex + used.rowCount; top += bandRows) pending.push({ top, rows: Math.min(bandRows, used.rowIndex + used.rowCount - top) });
  const found: MergeArea[] = [];
  while (pending.length > 0) {
    for (const band of pending) {
      band.result = ws.getRangeByIndexes(band.top, left, band.rows, width).getMergedAreasOrNullObject();
      band.result.load(AREA_PROPERTIES);
    }
    try {
      await b.sync();
      onSync();
    } catch (e) {
      onSync();
      if (excelErrorCode(e) !== "GeneralException") throw e;
      pending = halve(pending);
      continue;
    }
    const next: MergeBand[] = [];
    for (const band of pending) {
      const areas = band.result ? mergeAreas(band.result) : [];
      if (areas.length >= MERGE_AREA_LIMIT) next.push(...halve([band]));
      else found.push(...areas);
    }
    pending = next;
  }
  return found.sort((a, c) => a.top - c.top || a.left - c.left);
}

function halve(bands: readonly MergeBand[]): MergeBand[] {
  if (bands.every((band) => band.rows === 1)) throw tooManyMergesError();
  return bands.flatMap((band) => {
    if (band.rows === 1) return [{ top: band.top, rows: 1 }];
    const first = Math.ceil(band.rows / 2);
    return [
      { top: band.top, rows: first },
      { top: band.top + first, rows: band.rows - first },
    ];
  });
}

function tooManyMergesError(): HostError {
  return new HostError("too-large", msg("office.tooManyMerges", {}));
}
