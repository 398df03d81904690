/** The .xlsx host: open a workbook's bytes, read sheet snapshots, load and save the mapping sidecar. */
export { openXlsxHost, SIGNED_WORKBOOK_WARNING } from "./xlsxHost";
export type { XlsxHost } from "./xlsxHost";
export type { SidecarAccess } from "./mappingSidecar";
export { sidecarPathFor, parseMappingOverrides, serializeMappingOverrides } from "./mappingSidecar";
export { sniffWorkbookBytes } from "./sniff";
export type { SniffLimits } from "./sniff";
export { openWritableXlsxHost } from "./writableHost";
export type { WritableXlsxHost } from "./writableHost";
