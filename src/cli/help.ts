/** The help text: only what works in this version. */
import type { Lang } from "./lang";

const HELP: Record<Lang, string> = {
  id: `renja — memeriksa tabel Renja Perangkat Daerah dalam buku kerja Excel (.xlsx)

Penggunaan:
  renja check <berkas.xlsx> [--sheet NAMA] [--json] [--lang id|en]
  renja recompute <masukan.xlsx> -o <keluaran.xlsx> [--mode formulas|values] [--dry-run]
  renja fix-numbers <masukan.xlsx> -o <keluaran.xlsx> [--dry-run]
  renja generate tabel-3.3|tabel-2.1 <masukan.xlsx> -o <keluaran.xlsx> [--from LEMBAR] [--paper f4|a4]
                 [--order official|seed] [--replace]
  renja catalogue import <daftar.tsv|.csv|.xlsx> [--regulation "Kepmendagri …"] [--year N] [--name NAMA]
                 [--pemda kabkota|provinsi] [--replace]
  renja catalogue list | remove <NAMA>

Perintah:
  check        Memetakan tabel Renja (Tabel 3.3, Tabel 7, Tabel 2.1, Tabel 2.3) di setiap lembar dan
               memeriksanya: jumlah pagu, angka yang salah ketik, kode, tahun, isian yang kosong, dan
               kecocokan antartabel. Berkas tidak diubah.
  recompute    Menghitung ulang pagu setiap program, kegiatan dan baris JUMLAH dari rinciannya (sub
               kegiatan adalah acuannya), tahun N dan N+1 dan setiap kolom Rp, sebagai rumus SUM
               (bawaan) atau nilai (--mode values), dan menyebutkan perubahan setiap jumlah.
  fix-numbers  Mengganti angka yang salah ketik ("4.765,000", "41,400,0000", 4765 yang 1.000 kali terlalu
               kecil) dengan angka yang dimaksud: yang membuat jumlah induknya cocok.
  generate     Membuat Tabel 3.3 (dari Tabel 3.3, Tabel 7 atau lembar kerja) atau Tabel 2.1 (dari lembar
               evaluasi) yang rapi dan siap cetak sebagai lembar baru di salinan buku kerja (-o). Jumlah
               induk dan total berupa rumus SUM. Nama lembar yang sudah ada tidak ditimpa: lembar baru
               diberi nama lain, kecuali --replace (menulis ulang lembar yang dibuat Renja Cermat
               sebelumnya; lembar lain tidak pernah ditimpa atau dihapus).
  catalogue    Mengimpor daftar nomenklatur resmi (lampiran Kepmendagri atau ekspor SIPD; kolom dikenali
               dari judulnya: kode dan nama, juga kinerja/indikator/satuan bila ada), memeriksanya (bentuk
               kode, induk, kode ganda; galat menyebut barisnya) dan menyimpannya di folder data pengguna.
               check memakai daftar terbaru yang tahunnya tidak melewati tahun rencana; tanpa daftar
               yang diimpor, daftar bawaan (bidang 7.01 saja).

Opsi:
  --sheet NAMA Tampilkan tabel dan temuan lembar NAMA saja (lembar lain tetap dibaca untuk
               pemeriksaan antartabel).
  --json       Cetak hasil sebagai satu objek JSON { file, tables, findings }.
  --lang id|en Bahasa keluaran (bawaan: id).
  --catalogue BERKAS|NAMA  check: pakai daftar nomenklatur ini untuk semua tabel.
  --from LEMBAR   generate: lembar sumber (bawaan: tabel yang terpetakan paling baik).
  --paper f4|a4   generate: ukuran kertas (bawaan: f4 = Folio 215×330 mm), lanskap.
  --order official|seed  generate tabel-3.3: urutan kolom resmi atau urutan dokumen contoh.
  --replace       generate: tulis ulang lembar yang dibuat sebelumnya.
  -o BERKAS       recompute, fix-numbers, generate: berkas keluaran (masukan tidak pernah diubah).
  --mode formulas|values  recompute: tulis rumus SUM (bawaan) atau nilai.
  --dry-run       recompute, fix-numbers: tampilkan pratinjau "sel: sebelum → sesudah" tanpa menulis.
  -h, --help   Tampilkan bantuan ini.

Koreksi pemetaan dibaca dari <berkas.xlsx>.renja.json bila ada.

Kode keluar:
  0  pemeriksaan selesai tanpa galat
  1  pemeriksaan selesai dan menemukan galat
  2  pemeriksaan tidak dapat dijalankan (pesan di stderr)
  recompute/fix-numbers: 0 bila keluaran ditulis (walau tidak ada yang berubah) atau pratinjau dicetak,
  2 bila tidak (pesan di stderr).
`,
  en: `renja — checks the Renja work-plan tables of an Indonesian regional agency in an Excel workbook (.xlsx)

Usage:
  renja check <file.xlsx> [--sheet NAME] [--json] [--lang id|en]
  renja recompute <in.xlsx> -o <out.xlsx> [--mode formulas|values] [--dry-run]
  renja fix-numbers <in.xlsx> -o <out.xlsx> [--dry-run]
  renja generate tabel-3.3|tabel-2.1 <in.xlsx> -o <out.xlsx> [--from SHEET] [--paper f4|a4]
                 [--order official|seed] [--replace]
  renja catalogue import <list.tsv|.csv|.xlsx> [--regulation "Kepmendagri …"] [--year N] [--name NAME]
                 [--pemda kabkota|provinsi] [--replace]
  renja catalogue list | remove <NAME>

Commands:
  check        Maps the Renja tables (Tabel 3.3, Tabel 7, Tabel 2.1, Tabel 2.3) on every sheet and checks
               them: budget sums, mistyped amounts, codes, years, missing fields, and agreement between
               tables. The file is not changed.
  recompute    Recomputes every program, kegiatan and JUMLAH amount from its children (the sub kegiatan
               are the truth), year N and N+1 and every Rp column, as SUM formulas (default) or values
               (--mode values), and says how much each total changes.
  fix-numbers  Replaces mistyped amounts ("4.765,000", "41,400,0000", a 4765 that is 1,000 times too
               small) with the amount meant: the one that makes its parent's sum hold.
  generate     Builds a formatted, print-ready Tabel 3.3 (from a Tabel 3.3, a Tabel 7 or a working sheet)
               or Tabel 2.1 (from an evaluation sheet) as a new sheet in a copy of the workbook (-o).
               Parent and total amounts are SUM formulas. A sheet name in use is never overwritten: the
               new sheet gets another name, unless --replace (rewrites the sheet Renja Cermat generated
               before; no other sheet is ever overwritten or deleted).
  catalogue    Imports an official nomenclature list (a Kepmendagri lampiran or a SIPD export; columns
               found by header text: kode and nama, kinerja/indikator/satuan when present), validates it
               (code shapes, parents, duplicate codes; errors name the line) and stores it in the user's
               data folder. check uses the newest list whose year is not after the plan year; with none
               imported, the built-in list (bidang 7.01 only).

Options:
  --sheet NAME Show only the tables and findings of sheet NAME (other sheets are still read for
               cross-table checks).
  --json       Print the result as one JSON object { file, tables, findings }.
  --lang id|en Output language (default: id).
  --catalogue FILE|NAME  check: use this nomenclature list for every table.
  --from SHEET    generate: the source sheet (default: the best-mapped table).
  --paper f4|a4   generate: paper size (default: f4 = Folio 215×330 mm), landscape.
  --order official|seed  generate tabel-3.3: official column order or the sample document's order.
  --replace       generate: rewrite the previously generated sheet.
  -o FILE         recompute, fix-numbers, generate: the output file (the input is never modified).
  --mode formulas|values  recompute: write SUM formulas (default) or values.
  --dry-run       recompute, fix-numbers: print the preview "cell: before → after" and write nothing.
  -h, --help   Show this help.

Mapping corrections are read from <file.xlsx>.renja.json when it exists.

Exit codes:
  0  the check ran and found no errors
  1  the check ran and found errors
  2  the check could not run (message on stderr)
  recompute/fix-numbers: 0 when the output was written (even with nothing to change) or the preview
  printed, 2 when not (message on stderr).
`,
};

export function helpText(lang: Lang): string {
  return HELP[lang];
}
