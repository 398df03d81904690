/**
 * The real SIPD-RI exports of ../shared/data/sipd/ (Kabupaten Buru, 2024; see its README). They are not in the
 * repository: tests that need them read them from there and skip, saying so, when the folder is absent.
 */
import fs from "fs";
import path from "path";
import type { SheetSnapshot } from "../../src/domain/sheet/snapshot";
import { openXlsxHost } from "../../src/xlsx";

export const SIPD_DATA = process.env.RENJA_SIPD_DATA ?? path.resolve(__dirname, "..", "..", "..", "shared", "data", "sipd");

export const SIPD_FILES = {
  rekap: "rekap.xlsx",
  sumberDana: "PAGU-OPD-APBD-MURNI-2024.xlsx",
  kuaPpas: "KUAPPAS-SUBKEGIATAN-9-10-2023.xlsx",
} as const;

export function sipdDataMissing(): string | undefined {
  const absent = Object.values(SIPD_FILES).filter((f) => !fs.existsSync(path.join(SIPD_DATA, f)));
  return absent.length ? `${absent.join(", ")} not found in ${SIPD_DATA}` : undefined;
}

export function sipdBytes(file: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(SIPD_DATA, file)));
}

export async function sipdSnapshots(file: string): Promise<SheetSnapshot[]> {
  const host = await openXlsxHost(sipdBytes(file), file);
  return host.readAllSnapshots();
}
