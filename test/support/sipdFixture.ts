/**
 * A Renja workbook built from one SKPD of a real SIPD-RI rekap export (Kecamatan Namlea in ../shared/data/sipd/
 * rekap.xlsx): its Tabel 7 (Bab IV) lists every budgeted sub kegiatan with SIPD's pagu and sumber dana, under
 * their kegiatan and program, sums as values. Read from the export with fixed column numbers (not through
 * src/domain/sipd, which it tests). Three changes are injected, as staff make them:
 *   pagu:       Penyediaan Gaji dan Tunjangan ASN + Rp 10.000.000;
 *   extra row:  Fasilitasi Kunjungan Tamu (7.01.01.2.06.0008), Rp 15.000.000, which SIPD does not have;
 *   sumber dana: Penyediaan Jasa Pelayanan Umum Kantor written "PAD" (SIPD: Dana Alokasi Umum).
 * Parents and the total include the changes, so the workbook's own sums hold.
 */
import Decimal from "decimal.js";
import type { SheetSnapshot } from "../../src/domain/sheet/snapshot";
import { cellAt, textAt } from "../../src/domain/sheet/snapshot";
import { newWorkbook, workbookBytes, writeRow } from "../fixtures/workbook";

export const FIXTURE_UNIT = "Kecamatan Namlea";
export const FIXTURE_SHEET = "Tabel 7";

interface Sub {
  kode: string;
  name: string;
  pagu: Decimal;
  sumber: string;
}

/** rekap.xlsx columns (its header row, checked below). */
const COL = { skpd: 6, programKode: 11, program: 12, kegiatanKode: 13, kegiatan: 14, subKode: 15, sub: 16, sumber: 18, pagu: 21 };

export interface SipdFixture {
  bytes: Uint8Array;
  /** Where the injected changes are (sheet cells) and what SIPD says there. */
  injected: { pagu: string; extraRow: string; sumberDana: string };
  sipdGaji: string;
  subKegiatan: number;
  /** The table's total as built (with the changes). */
  total: string;
}

export async function buildSipdFixture(rekap: SheetSnapshot): Promise<SipdFixture> {
  if (textAt(rekap, 1, COL.subKode) !== "KODE SUB KEGIATAN" || textAt(rekap, 1, COL.pagu) !== "PAGU") throw new Error("rekap.xlsx: unexpected header");
  const subs = new Map<string, Sub>();
  const names = new Map<string, string>();
  for (let r = 2; r <= rekap.maxRow; r++) {
    if (textAt(rekap, r, COL.skpd) !== FIXTURE_UNIT) continue;
    const kode = textAt(rekap, r, COL.subKode);
    names.set(textAt(rekap, r, COL.programKode), textAt(rekap, r, COL.program));
    names.set(textAt(rekap, r, COL.kegiatanKode), textAt(rekap, r, COL.kegiatan));
    const v = cellAt(rekap, r, COL.pagu)?.value;
    const s = subs.get(kode) ?? { kode, name: textAt(rekap, r, COL.sub), pagu: new Decimal(0), sumber: textAt(rekap, r, COL.sumber) };
    s.pagu = s.pagu.plus(typeof v === "number" ? String(v) : "0");
    subs.set(kode, s);
  }
  const budgeted = [...subs.values()].filter((s) => !s.pagu.isZero());
  const gaji = budgeted.find((s) => s.kode === "7.01.01.2.02.0001");
  const jasa = budgeted.find((s) => s.kode === "7.01.01.2.08.0004");
  if (!gaji || !jasa || subs.has("7.01.01.2.06.0008")) throw new Error("rekap.xlsx: Kecamatan Namlea is not as expected");
  const sipdGaji = gaji.pagu.toFixed();
  gaji.pagu = gaji.pagu.plus(10_000_000);
  jasa.sumber = "PAD";
  budgeted.push({ kode: "7.01.01.2.06.0008", name: "Fasilitasi Kunjungan Tamu", pagu: new Decimal(15_000_000), sumber: "DAU" });
  budgeted.sort((a, b) => a.kode.localeCompare(b.kode));

  const wb = newWorkbook();
  const ws = wb.addWorksheet(FIXTURE_SHEET);
  writeRow(ws, 1, ["RENCANA KERJA DAN PENDANAAN KECAMATAN NAMLEA TAHUN 2024"]);
  writeRow(ws, 3, ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Lokasi", "Target", "Pagu Indikatif (Rp)", "Sumber Dana"]);
  let row = 4;
  const sum = (prefix: string) => budgeted.filter((s) => s.kode.startsWith(prefix + ".")).reduce((t, s) => t.plus(s.pagu), new Decimal(0));
  const injected = { pagu: "", extraRow: "", sumberDana: "" };
  let program = "";
  let kegiatan = "";
  for (const s of budgeted) {
    const p = s.kode.split(".").slice(0, 3).join(".");
    const k = s.kode.split(".").slice(0, 5).join(".");
    if (p !== program) {
      program = p;
      writeRow(ws, row++, [p, names.get(p) ?? p, "Persentase capaian program", "Kecamatan Namlea", "100%", sum(p).toNumber(), "DAU"]);
    }
    if (k !== kegiatan) {
      kegiatan = k;
      writeRow(ws, row++, [k, names.get(k) ?? s.name, "Persentase capaian kegiatan", "Kecamatan Namlea", "100%", sum(k).toNumber(), "DAU"]);
    }
    // half the sources as SIPD names them, half as staff shorten them
    const sumber = s.sumber === "Dana Transfer Umum-Dana Alokasi Umum" && row % 2 === 0 ? "DAU" : s.sumber;
    writeRow(ws, row, [s.kode, s.name, "Jumlah layanan yang terlaksana", "Kecamatan Namlea", "12 Bulan", s.pagu.toNumber(), sumber]);
    if (s === gaji) injected.pagu = `F${row}`;
    if (s.kode === "7.01.01.2.06.0008") injected.extraRow = `B${row}`;
    if (s === jasa) injected.sumberDana = `G${row}`;
    ws.getCell(row, 6).numFmt = "#,##0";
    row++;
  }
  const total = budgeted.reduce((t, s) => t.plus(s.pagu), new Decimal(0));
  writeRow(ws, row, [undefined, "JUMLAH", undefined, undefined, undefined, total.toNumber()]);
  return { bytes: await workbookBytes(wb), injected, sipdGaji, subKegiatan: budgeted.length, total: total.toFixed() };
}
