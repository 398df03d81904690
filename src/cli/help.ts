/** The help text: only what works in this version. */
import { generatorNames } from "../domain/tables/kinds";
import type { Lang } from "./lang";

/** "tabel-3.3|tabel-2.1|perubahan": the generators of the table-kind registry. */
const TABLES = generatorNames().join("|");

const HELP: Record<Lang, string> = {
  id: `renja — memeriksa tabel Renja Perangkat Daerah dalam buku kerja Excel (.xlsx)

Penggunaan:
  renja check <berkas.xlsx> [--sheet NAMA] [--json] [--lang id|en]
  renja check <berkas.xlsx|folder>… [--summary] [--json] [--max N] [--sheet NAMA] [--lang id|en]
  renja report <berkas.xlsx|folder>… -o <verifikasi.xlsx> [--paper f4|a4] [--sipd <ekspor-sipd.xlsx>] [--lang id|en]
  renja check <berkas.xlsx|folder>… --sipd <ekspor-sipd.xlsx> [--skpd NAMA]
  renja recompute <masukan.xlsx> -o <keluaran.xlsx> [--mode formulas|values] [--dry-run] [--accept all|SEL,…] [--skip SEL,…] [--json]
  renja fix-numbers <masukan.xlsx> -o <keluaran.xlsx> [--dry-run]
  renja generate ${TABLES} <masukan.xlsx> -o <keluaran.xlsx> [--from LEMBAR] [--paper f4|a4]
                 [--order official|seed] [--original SEMULA.xlsx] [--replace]
  renja diff <semula.xlsx> <menjadi.xlsx> [--json] [--findings HASIL.json]
  renja catalogue import <daftar.tsv|.csv|.xlsx> [--regulation "Kepmendagri …"] [--year N] [--name NAMA]
                 [--pemda kabkota|provinsi] [--replace]
  renja catalogue list | remove <NAMA>

Perintah:
  check        Memetakan tabel Renja (Tabel 3.3, Tabel 7, Tabel 2.1, Tabel 2.3) di setiap lembar dan
               memeriksanya: jumlah pagu, angka yang salah ketik, kode, tahun, isian yang kosong, dan
               kecocokan antartabel. Berkas tidak diubah. Beberapa berkas atau folder (semua .xlsx di
               dalamnya, termasuk subfolder; berkas kunci ~$ dilewati) diperiksa dalam satu proses.
  report       Memeriksa berkas/folder yang sama dan menulis buku kerja verifikasi baru (-o): lembar
               Rekap (satu baris per perangkat daerah, status setiap butir) dan satu Lembar Verifikasi
               per perangkat daerah (status, letak sel, catatan, ID temuan, kolom Tanggapan OPD), siap
               cetak F4 lanskap. Berkas masukan tidak diubah.
  recompute    Menghitung ulang pagu setiap program, kegiatan dan baris JUMLAH dari rinciannya (sub
               kegiatan adalah acuannya), tahun N dan N+1 dan setiap kolom Rp, sebagai rumus SUM
               (bawaan) atau nilai (--mode values), dan menyebutkan perubahan setiap jumlah.
  fix-numbers  Mengganti angka yang salah ketik ("4.765,000", "41,400,0000", 4765 yang 1.000 kali terlalu
               kecil) dengan angka yang dimaksud: yang membuat jumlah induknya cocok.
  generate     Membuat Tabel 3.3 (dari Tabel 3.3, Tabel 7 atau lembar kerja) atau Tabel 2.1 (dari lembar
               evaluasi) yang rapi dan siap cetak sebagai lembar baru di salinan buku kerja (-o). Jumlah
               induk dan total berupa rumus SUM. Nama lembar yang sudah ada tidak ditimpa: lembar baru
               diberi nama lain, kecuali --replace (menulis ulang lembar yang dibuat Renja Cermat
               sebelumnya; lembar lain tidak pernah ditimpa atau dihapus). "perubahan" membuat Tabel
               Perubahan (target dan pagu semula/menjadi, bertambah (berkurang) Rp dan %) dari buku kerja
               ini (menjadi) dan --original (semula).
  diff         Membandingkan dua versi Renja (murni → perubahan, rancangan → perbaikan): per tabel, baris
               yang ditambah, dihapus dan berganti nama (dicocokkan lewat kode, lalu nama), dan setiap pagu
               semula → menjadi dengan selisih dan totalnya. --findings HASIL.json (keluaran renja check
               --json atas versi semula): temuan yang sudah selesai, yang baru, dan yang masih ada.
  catalogue    Mengimpor daftar nomenklatur resmi (lampiran Kepmendagri atau ekspor SIPD; kolom dikenali
               dari judulnya: kode dan nama, juga kinerja/indikator/satuan bila ada), memeriksanya (bentuk
               kode, induk, kode ganda; galat menyebut barisnya) dan menyimpannya di folder data pengguna.
               check memakai daftar terbaru yang tahunnya tidak melewati tahun rencana; tanpa daftar
               yang diimpor, daftar bawaan (bidang 7.01 saja).

Opsi:
  --sheet NAMA Tampilkan tabel dan temuan lembar NAMA saja (lembar lain tetap dibaca untuk
               pemeriksaan antartabel).
  --json       Cetak hasil sebagai satu objek JSON { file, tables, findings }; untuk beberapa berkas
               atau folder: satu objek per berkas per baris (JSON Lines).
  --summary    check: satu baris per berkas (perangkat daerah, tabel, total N dan N+1, galat,
               peringatan, status).
  --max N      check: paling banyak N temuan per aturan (bawaan 20; 0 = semua), sisanya "dan N lainnya".
  --include-generated  check: periksa juga lembar buatan Renja Cermat (bawaan: dilewati dan disebut
               "lembar buatan Renja Cermat, tidak diperiksa"; salinan atau lembar yang sudah diubah tetap diperiksa).
  --lang id|en Bahasa keluaran (bawaan: id).
  --sipd BERKAS   check, report: bandingkan Tabel 3.3/Tabel 7 dengan ekspor SIPD-RI (rekap, sumber dana per
                  sub kegiatan, KUA-PPAS, Tabel IV.3): pagu, sumber dana, sub kegiatan (aturan sipd-mismatch).
  --skpd NAMA     --sipd: unit SIPD-RI yang dibandingkan (nama atau kode; bawaan: yang disebut judul tabel
                  setiap berkas).
  --from LEMBAR   generate: lembar sumber (bawaan: tabel yang terpetakan paling baik).
  --paper f4|a4   generate: ukuran kertas (bawaan: f4 = Folio 215×330 mm), lanskap.
  --order official|seed  generate tabel-3.3: urutan kolom resmi atau urutan dokumen contoh.
  --replace       generate: tulis ulang lembar yang dibuat sebelumnya.
  --original BERKAS  generate perubahan: buku kerja versi semula.
  --findings BERKAS  diff: keluaran renja check --json atas versi semula.
  -o BERKAS       recompute, fix-numbers, generate: berkas keluaran (masukan tidak pernah diubah).
  --mode formulas|values  recompute: tulis rumus SUM (bawaan) atau nilai.
  --accept all|SEL,…  recompute: terapkan keputusan (perubahan yang buktinya mendukung angka tertulis); bawaan: ditahan.
  --skip SEL,…    recompute: lewati perubahan lain pada sel itu ("Tabel 3.3!F63" atau "F63").
  --json          recompute: daftar perubahan dengan kelas (same-amount/explained/decision) dan buktinya.
  --dry-run       recompute, fix-numbers: tampilkan pratinjau "sel: sebelum → sesudah" tanpa menulis.
  -h, --help   Tampilkan bantuan ini.

Koreksi pemetaan dibaca dari <berkas.xlsx>.renja.json bila ada.

Kode keluar:
  0  pemeriksaan selesai tanpa galat
  1  pemeriksaan selesai dan menemukan galat
  2  pemeriksaan tidak dapat dijalankan (pesan di stderr)
  3  buku kerja terbaca, tetapi tidak ada tabel Renja yang dikenali (disebutkan lembar yang
     diperiksa dan mengapa tidak ada yang cocok; --json: "status": "no-table", "tables": [])
  Beberapa berkas: kode terburuk dari semua berkas (2 > 1 > 3 > 0). report: 0 bila buku kerja
  verifikasi ditulis, 2 bila tidak.
  recompute/fix-numbers: 0 bila keluaran ditulis (walau tidak ada yang berubah) atau pratinjau dicetak,
  2 bila tidak (pesan di stderr).
`,
  en: `renja — checks the Renja work-plan tables of an Indonesian regional agency in an Excel workbook (.xlsx)

Usage:
  renja check <file.xlsx> [--sheet NAME] [--json] [--lang id|en]
  renja check <file.xlsx|folder>… [--summary] [--json] [--max N] [--sheet NAME] [--lang id|en]
  renja report <file.xlsx|folder>… -o <verifikasi.xlsx> [--paper f4|a4] [--sipd <sipd-export.xlsx>] [--lang id|en]
  renja check <file.xlsx|folder>… --sipd <sipd-export.xlsx> [--skpd NAME]
  renja recompute <in.xlsx> -o <out.xlsx> [--mode formulas|values] [--dry-run] [--accept all|CELL,…] [--skip CELL,…] [--json]
  renja fix-numbers <in.xlsx> -o <out.xlsx> [--dry-run]
  renja generate ${TABLES} <in.xlsx> -o <out.xlsx> [--from SHEET] [--paper f4|a4]
                 [--order official|seed] [--original OLD.xlsx] [--replace]
  renja diff <old.xlsx> <new.xlsx> [--json] [--findings RESULT.json]
  renja catalogue import <list.tsv|.csv|.xlsx> [--regulation "Kepmendagri …"] [--year N] [--name NAME]
                 [--pemda kabkota|provinsi] [--replace]
  renja catalogue list | remove <NAME>

Commands:
  check        Maps the Renja tables (Tabel 3.3, Tabel 7, Tabel 2.1, Tabel 2.3) on every sheet and checks
               them: budget sums, mistyped amounts, codes, years, missing fields, and agreement between
               tables. The file is not changed. Several files or folders (every .xlsx in them,
               subfolders included; Excel's ~$ lock files skipped) are checked in one process.
  report       Checks the same files/folders and writes a new verification workbook (-o): a Rekap
               sheet (one row per unit, the status of each checklist item) and one Lembar Verifikasi
               per unit (status, cell, note, finding ID, a Tanggapan OPD column), ready to print on F4
               landscape. The inputs are not changed.
  recompute    Recomputes every program, kegiatan and JUMLAH amount from its children (the sub kegiatan
               are the truth), year N and N+1 and every Rp column, as SUM formulas (default) or values
               (--mode values), and says how much each total changes.
  fix-numbers  Replaces mistyped amounts ("4.765,000", "41,400,0000", a 4765 that is 1,000 times too
               small) with the amount meant: the one that makes its parent's sum hold.
  generate     Builds a formatted, print-ready Tabel 3.3 (from a Tabel 3.3, a Tabel 7 or a working sheet)
               or Tabel 2.1 (from an evaluation sheet) as a new sheet in a copy of the workbook (-o).
               Parent and total amounts are SUM formulas. A sheet name in use is never overwritten: the
               new sheet gets another name, unless --replace (rewrites the sheet Renja Cermat generated
               before; no other sheet is ever overwritten or deleted). "perubahan" builds the revision
               table (target and pagu before/after, increase (decrease) in Rp and %) from this workbook
               (new) and --original (old).
  diff         Compares two versions of a Renja (murni → perubahan, draft → resubmission): per table, the
               rows added, removed and renamed (matched by kode, then name), and every pagu before → after
               with the difference and the totals. --findings RESULT.json (renja check --json of the old
               version): which findings are resolved, which are new, which remain.
  catalogue    Imports an official nomenclature list (a Kepmendagri lampiran or a SIPD export; columns
               found by header text: kode and nama, kinerja/indikator/satuan when present), validates it
               (code shapes, parents, duplicate codes; errors name the line) and stores it in the user's
               data folder. check uses the newest list whose year is not after the plan year; with none
               imported, the built-in list (bidang 7.01 only).

Options:
  --sheet NAME Show only the tables and findings of sheet NAME (other sheets are still read for
               cross-table checks).
  --json       Print the result as one JSON object { file, tables, findings }; for several files or
               folders: one object per file per line (JSON Lines).
  --summary    check: one line per file (unit, tables, total N and N+1, errors, warnings, status).
  --max N      check: at most N findings per rule (default 20; 0 = all), the rest as "and N more".
  --include-generated  check: also check the sheets Renja Cermat generated (by default they are left out and
               named as "made by Renja Cermat, not checked"; a copy or an edited one is still checked).
  --lang id|en Output language (default: id).
  --sipd FILE     check, report: compare Tabel 3.3/Tabel 7 with a SIPD-RI export (rekap, sumber dana per sub
                  kegiatan, KUA-PPAS, Tabel IV.3): pagu, sumber dana, sub kegiatan (rule sipd-mismatch).
  --skpd NAME     --sipd: the SIPD-RI unit to compare with (name or kode; default: the one each file's table
                  title names).
  --from SHEET    generate: the source sheet (default: the best-mapped table).
  --paper f4|a4   generate: paper size (default: f4 = Folio 215×330 mm), landscape.
  --order official|seed  generate tabel-3.3: official column order or the sample document's order.
  --replace       generate: rewrite the previously generated sheet.
  --original FILE    generate perubahan: the workbook's original version.
  --findings FILE    diff: the renja check --json output of the old version.
  -o FILE         recompute, fix-numbers, generate: the output file (the input is never modified).
  --mode formulas|values  recompute: write SUM formulas (default) or values.
  --accept all|CELL,…  recompute: apply decisions (changes whose evidence argues for the written amount); held by default.
  --skip CELL,…   recompute: leave out any other change to that cell ("Tabel 3.3!F63" or "F63").
  --json          recompute: list the changes with their class (same-amount/explained/decision) and evidence.
  --dry-run       recompute, fix-numbers: print the preview "cell: before → after" and write nothing.
  -h, --help   Show this help.

Mapping corrections are read from <file.xlsx>.renja.json when it exists.

Exit codes:
  0  the check ran and found no errors
  1  the check ran and found errors
  2  the check could not run (message on stderr)
  3  the workbook was read but no Renja table was recognised (the sheets looked at and why none
     matched are listed; --json: "status": "no-table", "tables": [])
  Several files: the worst code of all files (2 > 1 > 3 > 0). report: 0 when the verification
  workbook was written, 2 when not.
  recompute/fix-numbers: 0 when the output was written (even with nothing to change) or the preview
  printed, 2 when not (message on stderr).
`,
};

export function helpText(lang: Lang): string {
  return HELP[lang];
}
