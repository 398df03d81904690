/** The help text: only what works in this version. */
import type { Lang } from "./lang";

const HELP: Record<Lang, string> = {
  id: `renja — memeriksa tabel Renja Perangkat Daerah dalam buku kerja Excel (.xlsx)

Penggunaan:
  renja check <berkas.xlsx> [--sheet NAMA] [--json] [--lang id|en]

Perintah:
  check        Memetakan tabel Renja (Tabel 3.3, Tabel 7, Tabel 2.1, Tabel 2.3) di setiap lembar dan
               memeriksanya: jumlah pagu, angka yang salah ketik, kode, tahun, isian yang kosong, dan
               kecocokan antartabel. Berkas tidak diubah.

Opsi:
  --sheet NAMA Tampilkan tabel dan temuan lembar NAMA saja (lembar lain tetap dibaca untuk
               pemeriksaan antartabel).
  --json       Cetak hasil sebagai satu objek JSON { file, tables, findings }.
  --lang id|en Bahasa keluaran (bawaan: id).
  -h, --help   Tampilkan bantuan ini.

Koreksi pemetaan dibaca dari <berkas.xlsx>.renja.json bila ada.

Kode keluar:
  0  pemeriksaan selesai tanpa galat
  1  pemeriksaan selesai dan menemukan galat
  2  pemeriksaan tidak dapat dijalankan (pesan di stderr)
`,
  en: `renja — checks the Renja work-plan tables of an Indonesian regional agency in an Excel workbook (.xlsx)

Usage:
  renja check <file.xlsx> [--sheet NAME] [--json] [--lang id|en]

Commands:
  check        Maps the Renja tables (Tabel 3.3, Tabel 7, Tabel 2.1, Tabel 2.3) on every sheet and checks
               them: budget sums, mistyped amounts, codes, years, missing fields, and agreement between
               tables. The file is not changed.

Options:
  --sheet NAME Show only the tables and findings of sheet NAME (other sheets are still read for
               cross-table checks).
  --json       Print the result as one JSON object { file, tables, findings }.
  --lang id|en Output language (default: id).
  -h, --help   Show this help.

Mapping corrections are read from <file.xlsx>.renja.json when it exists.

Exit codes:
  0  the check ran and found no errors
  1  the check ran and found errors
  2  the check could not run (message on stderr)
`,
};

export function helpText(lang: Lang): string {
  return HELP[lang];
}
