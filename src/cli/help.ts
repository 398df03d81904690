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

Opsi:
  --sheet NAMA Tampilkan tabel dan temuan lembar NAMA saja (lembar lain tetap dibaca untuk
               pemeriksaan antartabel).
  --json       Cetak hasil sebagai satu objek JSON { file, tables, findings }.
  --lang id|en Bahasa keluaran (bawaan: id).
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
  3  buku kerja terbaca, tetapi tidak ada tabel Renja yang dikenali (disebutkan lembar yang
     diperiksa dan mengapa tidak ada yang cocok; --json: "status": "no-table", "tables": [])
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

Options:
  --sheet NAME Show only the tables and findings of sheet NAME (other sheets are still read for
               cross-table checks).
  --json       Print the result as one JSON object { file, tables, findings }.
  --lang id|en Output language (default: id).
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
  3  the workbook was read but no Renja table was recognised (the sheets looked at and why none
     matched are listed; --json: "status": "no-table", "tables": [])
  recompute/fix-numbers: 0 when the output was written (even with nothing to change) or the preview
  printed, 2 when not (message on stderr).
`,
};

export function helpText(lang: Lang): string {
  return HELP[lang];
}
