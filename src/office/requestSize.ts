/**
 * How big a request Microsoft's Office.js client sends, near enough to size batches by (Excel on the web
 * refuses a request above 5 MB). Measured through @microsoft/office-js (test/office/officeJs.ts, see
 * DECISIONS.md "Office host: request byte model"): a range costs its object path and Instantiate action, and a
 * kept one its _KeepReference too; each property set or method call is an action naming its object path; the
 * data travels as JSON. The estimate errs high so a batch stays under the target.
 */
import { excelErrorCode, isPayloadTooLarge } from "./errors";

/** A range (or any object reached by a method or indexer): object path + Instantiate action. */
export const RANGE_BYTES = 450;
/** One SetProperty or Method action, without its data. */
export const PROPERTY_BYTES = 150;
/** What one request aims at: well under the 5 MB limit, so the estimate's error never matters. */
export const TARGET_REQUEST_BYTES = 2_000_000;
/** A GeneralException on a request at least this big is taken as Excel choking on its size: it is split. */
export const LARGE_REQUEST_BYTES = 500_000;
/** Office.js sends a values/formulas array of more than 1,500 cells as row slices, each a range of its own. */
const CLIENT_SLICE_CELLS = 1_500;

/** The JSON bytes of data sent in a request (UTF-8). */
export function dataBytes(value: unknown): number {
  const json = JSON.stringify(value ?? null);
  // Plain ASCII is one byte a character; Indonesian text rarely leaves it, but count right when it does.
  return /[^ -~]/.test(json) ? new TextEncoder().encode(json).length : json.length;
}

/** A 2-D array set on one range: its data plus the slices the client cuts it into. */
export function arrayBytes(values: readonly (readonly unknown[])[]): number {
  const cells = values.length * (values[0]?.length ?? 0);
  const slices = cells > CLIENT_SLICE_CELLS ? Math.ceil(cells / CLIENT_SLICE_CELLS) * 3 : 0;
  return PROPERTY_BYTES + dataBytes(values) + slices * RANGE_BYTES;
}

/** A failed request that is worth sending again in halves: refused for its size, or a GeneralException on a big one. */
export function splitWorthy(e: unknown, estimatedBytes: number): boolean {
  return isPayloadTooLarge(e) || (excelErrorCode(e) === "GeneralException" && estimatedBytes >= LARGE_REQUEST_BYTES);
}
