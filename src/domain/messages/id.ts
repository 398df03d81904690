/** Bahasa Indonesia: the default language. Amounts are written 8.399.475 and 8.399,475 (values.ts). */
import type { CheckedPack } from "./types";

const pack = {
  empty: "",
  phrase: "{text}",

  "sum.mismatch": "{^column} {who} tertulis {stated}, tetapi jumlah {children} {sum} (selisih {difference}).{repairNote}{causes}",
  "sum.children": "{n} {level} di bawahnya",
  "sum.programs": "{n} program",
  "sum.repairNote": " Jumlah ini memakai perbaikan salah ketik di {cells}.",
  "sum.cause": " {^cause}.",
  "sum.explained":
    "{^column} {who} ({stated}) cocok dengan jumlah rinciannya setelah salah ketik di {slips} diperbaiki; sebagaimana tertulis sekarang rinciannya berjumlah {asRead}. Perbaiki sel tersebut.",
  "sum.blamed": "{^column} {who} tertulis {stated}, rinciannya berjumlah {sum}; {evidence}, jadi yang keliru kemungkinan rinciannya ({cells}).",

  "slip.finding": "{^what}.{proposal}",
  "slip.thousandfoldSmaller":
    '{column} {who} bernilai {literal}, 1.000 kali lebih kecil dari yang dibutuhkan jumlahnya (misalnya "{typed}" diketik di Excel berlokal Indonesia, yang membaca koma sebagai desimal)',
  "slip.thousandfoldLarger": "{column} {who} bernilai {literal}, 1.000 kali lebih besar dari yang dibutuhkan jumlahnya",
  "slip.fraction": "{column} {who} bernilai {literal}: Rupiah tidak berpecahan; kemungkinan angka ribuan diketik dengan koma sehingga dibaca sebagai desimal",
  "slip.unreadable": 'Angka "{raw}" pada {column} {who} tidak dapat dibaca dengan pasti ({slip})',
  "slip.kind.mixed-separators": "titik dan koma tercampur",
  "slip.kind.bad-grouping": "pengelompokan angka tidak benar",
  "slip.kind.extra-digit": "satu kelompok angka kelebihan digit",
  "slip.kind.missing-digit": "satu kelompok angka kekurangan digit",
  "slip.kind.fraction": "Rupiah dengan pecahan",
  "slip.kind.thousandfold": "1.000 kali meleset",
  "slip.proposal": " Kemungkinan maksudnya {value}: {why}.",
  "slip.noProposal": " Tidak ada pembacaan yang masuk akal; periksa dokumen sumbernya.",
  "slip.whyChildren": "sama dengan jumlah {n} {level} di bawahnya",
  "slip.whyParent": "dengan angka ini jumlah {who} ({cell}) cocok",
  "slip.whyNoBalance": "pembacaan paling mungkin, tetapi tidak membuat jumlah di {cells} cocok",
  "slip.whyLikeliest": "pembacaan paling mungkin (tidak ada jumlah yang dapat memastikannya)",
  "textNumber.finding":
    '{^column} {who} ({amount}) tersimpan sebagai teks "{raw}": rumus SUM di Excel melewatinya dan format angka tidak berlaku. Simpan sebagai angka.',
  "textNumber.reason": "simpan sebagai angka, bukan teks",

  "unreadable.excelError": "{^where} {who} berisi galat Excel {raw}, bukan angka; jumlah yang memuatnya tidak dapat diperiksa. Perbaiki rumus atau isi angkanya.",
  "unreadable.text": '{^where} {who} berisi "{raw}", bukan angka; jumlah yang memuatnya tidak dapat diperiksa.',
  "unreadable.pasted":
    '{^where} {who} berisi "{raw}": dibaca sebagai {amount}; teks "{text}" tampaknya milik kolom berikutnya dan ikut tertempel ke sel angka. Pindahkan teks itu ke kolomnya sendiri.',

  "year.finding": "Untuk rencana tahun {n} (N), {text} menyebut {parts}.",
  "year.part": "{stated} sebagai {meaning}, seharusnya {expected}",
  "year.reason": "N = {n}: {meaning} = {expected}",
  "year.meaning.N": "tahun rencana (N)",
  "year.meaning.N+1": "prakiraan maju (N+1)",
  "year.meaning.N-1": "tahun yang dievaluasi (N-1)",
  "year.meaning.N-2": "tahun lalu (N-2)",

  "formulaRange.finding": "Rumus {column} {who} ={formula} {problem}; seharusnya ={expected}.",
  "formulaRange.reason": "menjumlahkan tepat semua rincian langsungnya",

  "kode.hierarchy": 'Kode {level} {name} "{kode}" tidak diawali kode {parentLevel} induknya "{parentKode}" ({parentCell}).',
  "kode.shape": 'Kode "{kode}" tidak berbentuk {shape} (bentuk kode {level}: angka dipisah titik, mis. 7.01.02.2.04.0003 untuk sub kegiatan).',
  "kode.level": 'Kode "{kode}" adalah kode {kodeLevel}, tetapi baris {name} adalah {level} (seharusnya {shape}).',
  "duplicate.kode": '{^level} dengan kode "{kode}" sudah ada di {first} di bawah induk yang sama.',
  "duplicate.name": "{^level} dengan nama {name} sudah ada di {first} di bawah induk yang sama.",
  "targetUnit.finding": 'Target "{target}" pada {level} {name} bersatuan "{unit}", tetapi indikatornya menyebut satuan "({indicatorUnit})".',
  "missing.finding": "{field} kosong pada {level} {name}.",

  "evaluation.cell": "Nilai {stated} tidak sesuai rumus {formula}, yang menghasilkan {computed}.",
  "evaluation.column":
    "Kolom {col} tidak mengikuti rumus {formula}: {deviations} dari {evaluated} baris yang dapat dihitung menyimpang (mis. {cell}: tertulis {stated}, rumus {computed}).",
  "value.rupiah": "Rp {amount}",
  "value.number": "{amount}",
  "value.percent": "{amount}%",
  "evaluation.formula": "{formula} (kolom {columns})",
  "evaluation.reason": "rumus {formula}",

  "count.finding": "Narasi menyebut {stated}, tetapi {table} berisi {actual}.",
  "count.program": "{n} program",
  "count.kegiatan": "{n} kegiatan",
  "count.subKegiatan": "{n} sub kegiatan",
  "count.statedPagu": "pagu Rp {amount}",
  "count.tableTotal": "total Rp {amount}",

  "nomenclature.similar": "{name} mirip {percent} dengan '{entry}' ({kode}, {regulation}); gunakan nama sesuai nomenklatur.",
  "nomenclature.reason": "nomenklatur {kode} ({regulation})",
  "nomenclature.noBidang": "Nama dan kode tidak diperiksa: nomenklatur untuk bidang {bidang} tidak tersedia (daftar yang dipakai: {label}, mencakup {covered}).",
  "nomenclature.noKode":
    "Nama tidak diperiksa: tabel tanpa kode dan bidangnya tidak dikenali dari nomenklatur (daftar yang dipakai: {label}, mencakup {covered}).",
  "nomenclature.nameDiffers": "Nama {name} tidak sama dengan nomenklatur kode {kode}: '{entry}' ({regulation}; mirip {percent}).{hint}",
  "nomenclature.hintOther": " Nama ini lebih mirip '{name}' ({kode}, {percent}): periksa kodenya.",
  "nomenclature.unknownKode": "Kode {level} {kode} tidak ada dalam nomenklatur bidang {bidang} ({label}).{hint}",
  "nomenclature.hintClosest": " Nama paling mirip '{name}' ({kode}).",

  "cross.money": "{what} di {inTable} (Rp {actual}) berbeda dengan {otherTable} (Rp {expected}); {note}.",
  "cross.blamed":
    "Pagu {level} {name} di {own} tertulis Rp {actual}, tetapi {evidence} ({other} {otherCell}: Rp {expected}; {parentLevel} {parentCell}: Rp {majority}). Perbaiki sel ini, bukan {parentLevel}nya.",
  "cross.text": "{what} {level} {name} di {inTable} {actual} berbeda dengan {otherTable} {expected}.",
  "cross.quoted": '"{text}"',
  "cross.empty": "(kosong)",
  "cross.onlyIn": "{^level} {name} ada di {present} tetapi tidak ada di {other}.",

  "sipd.money": "{what} sub kegiatan {name} (Rp {actual}) berbeda dengan SIPD-RI {unit} (Rp {sipd}); selisih Rp {delta}.",
  "sipd.moneyReason": "nilai SIPD-RI {kode}",
  "sipd.fund": 'Sumber dana sub kegiatan {name} ("{plan}") berbeda dengan SIPD-RI {unit} ("{sipd}").',
  "sipd.fundReason": "sumber dana SIPD-RI {kode}",
  "sipd.planOnly": "Sub kegiatan {name}{kode}{pagu} tidak ada di SIPD-RI {unit}.",
  "sipd.kode": " ({kode})",
  "sipd.withPagu": " dengan pagu Rp {amount}",
  "sipd.planOnlyReason": "tidak ada di SIPD-RI: kosongkan baris",
  "sipd.sipdOnly": "{n} sub kegiatan SIPD-RI {unit} tidak ada di tabel{under}: {listed}. Sisipkan barisnya.",
  "sipd.under": " di bawah {name}",
  "sipd.listed": "{kode} {name} (Rp {amount})",
  "sipd.more": "… ({n})",
} as const;

export const id: CheckedPack<typeof pack> = pack;
