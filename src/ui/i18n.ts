/** Pane text in Bahasa Indonesia (the default) and English. Findings and host errors carry their own two texts. */
import type { Message, RuleId, Severity } from "../domain/findings";
import type { ColumnRole, IndicatorKind, Level, TableKind } from "../domain/mapping/types";

import { render, type Lang, type MessageRef } from "../domain/messages";
export type { Lang };

const dictionary = {
  appTitle: { id: "Renja Cermat", en: "Renja Cermat" },
  language: { id: "English", en: "Bahasa Indonesia" },
  tabActions: { id: "Tindakan", en: "Actions" },
  tabFindings: { id: "Temuan", en: "Findings" },
  tabMapping: { id: "Pemetaan", en: "Mapping" },
  validate: { id: "Validasi", en: "Validate" },
  recompute: { id: "Hitung Ulang", en: "Recompute" },
  fixNumbers: { id: "Perbaiki Angka", en: "Fix Numbers" },
  generate33: { id: "Buat Tabel 3.3", en: "Create Table 3.3" },
  generate21: { id: "Buat Tabel 2.1", en: "Create Table 2.1" },
  generatePerubahan: { id: "Buat Tabel Perubahan", en: "Create Revision Table" },
  pickOriginal: { id: "Buku kerja semula (.xlsx) untuk Tabel Perubahan", en: "Original workbook (.xlsx) for the revision table" },
  originalChosen: { id: "Versi semula: {name}", en: "Original version: {name}" },
  apply: { id: "Terapkan", en: "Apply" },
  cancel: { id: "Tutup pratinjau", en: "Close preview" },
  undo: { id: "Batalkan", en: "Undo" },
  highlight: { id: "Tandai di lembar", en: "Mark on sheet" },
  removeHighlight: { id: "Hapus tanda", en: "Remove marks" },
  reading: { id: "Membaca lembar", en: "Reading sheets" },
  working: { id: "Sedang bekerja…", en: "Working…" },
  notValidated: { id: "Klik Validasi untuk memeriksa buku kerja.", en: "Click Validate to check the workbook." },
  noFindings: { id: "Tidak ada temuan. Tabel-tabel konsisten.", en: "No findings. The tables are consistent." },
  includeGenerated: { id: "Periksa juga", en: "Check them too" },
  generatedIncluded: { id: "Lembar buatan Renja Cermat ikut diperiksa.", en: "The sheets made by Renja Cermat are checked too." },
  excludeGenerated: { id: "Lewati lagi", en: "Leave them out" },
  filterPlaceholder: { id: "Cari sel atau kata (mis. F28)", en: "Search a cell or word (e.g. F28)" },
  findingsSummary: { id: "{n} temuan: {e} galat, {w} peringatan, {i} info", en: "{n} findings: {e} errors, {w} warnings, {i} info" },
  previewTitle: { id: "Pratinjau: {n} sel berubah", en: "Preview: {n} cells change" },
  previewEmpty: { id: "Tidak ada yang perlu diubah.", en: "Nothing needs to change." },
  classDecision: { id: "Keputusan", en: "Decision" },
  classExplained: { id: "Ada penyebabnya", en: "Explained" },
  classSame: { id: "Nilai tetap", en: "Same amount" },
  tickChange: { id: "Terapkan perubahan", en: "Apply the change to" },
  acceptDecisions: { id: "Centang semua keputusan", en: "Tick every decision" },
  applied: { id: "Diterapkan: {title} ({n} sel).", en: "Applied: {title} ({n} cells)." },
  undone: { id: "Dibatalkan: {title}.", en: "Undone: {title}." },
  unavailable: { id: "Belum tersedia dalam versi ini.", en: "Not available in this version yet." },
  noTables: { id: "Tidak ada tabel Renja yang dikenali di buku kerja ini.", en: "No Renja table was recognised in this workbook." },
  noTableTitle: { id: "Tidak ada tabel Renja yang dikenali", en: "No Renja table was recognised" },
  noTableSheets: { id: "{n} lembar diperiksa:", en: "{n} sheet(s) looked at:" },
  openMapping: { id: "Buka Pemetaan", en: "Open Mapping" },
  tableSummary: { id: "Baris {first}–{last} · N = {year}", en: "Rows {first}–{last} · N = {year}" },
  tableKindLabel: { id: "Jenis tabel", en: "Table kind" },
  tableKindFromHeaders: { id: "Jenis menurut judul kolom", en: "Kind from the column headers" },
  tableKindSaved: { id: "Jenis tabel disimpan; kolom, tingkat dan temuan diperbarui.", en: "Table kind saved; columns, levels and findings updated." },
  columnRoleLabel: { id: "Peran kolom {col} «{header}»", en: "Role of column {col} “{header}”" },
  columnNoRole: { id: "— menurut judul kolom —", en: "— from the headers —" },
  columnRoleSaved: { id: "Peran kolom disimpan; temuan diperbarui.", en: "Column role saved; findings updated." },
  columnNoHeader: { id: "(tanpa judul)", en: "(no header)" },
  sheetName: { id: "Lembar: {name}", en: "Sheet: {name}" },
  headerRows: { id: "Baris judul kolom: {rows}", en: "Header rows: {rows}" },
  columns: { id: "Kolom", en: "Columns" },
  counts: { id: "{p} program, {k} kegiatan, {s} sub kegiatan", en: "{p} programs, {k} activities, {s} sub-activities" },
  showRows: { id: "Tampilkan baris ({n})", en: "Show rows ({n})" },
  hideRows: { id: "Sembunyikan baris", en: "Hide rows" },
  showColumns: { id: "Ubah peran kolom ({n})", en: "Change column roles ({n})" },
  hideColumns: { id: "Sembunyikan kolom", en: "Hide columns" },
  levelSaved: { id: "Koreksi tingkat disimpan; temuan diperbarui.", en: "Level correction saved; findings updated." },
  indicatorKindSaved: { id: "Jenis indikator disimpan; capaian dan temuan diperbarui.", en: "Indicator kind saved; capaian and findings updated." },
  indicatorKindLabel: { id: "Jenis indikator", en: "Indicator kind" },
  lowConfidence: { id: "Tingkat ini ditebak dengan keyakinan rendah ({p}%); periksa.", en: "This level was guessed with low confidence ({p}%); check it." },
  unknownYear: { id: "?", en: "?" },
  standaloneTitle: { id: "Renja Cermat — halaman mandiri", en: "Renja Cermat — standalone page" },
  standaloneIntro: {
    id: "Excel tidak terdeteksi: panel berjalan langsung di peramban atas berkas .xlsx. Perubahan tidak menyentuh berkas asli; unduh hasilnya.",
    en: "Excel was not detected: the pane runs in the browser on an .xlsx file. Changes never touch the original; download the result.",
  },
  openFile: { id: "Buka berkas .xlsx", en: "Open an .xlsx file" },
  sampleLoaded: { id: "Contoh: {name}", en: "Sample: {name}" },
  fileLoaded: { id: "Berkas: {name}", en: "File: {name}" },
  download: { id: "Unduh buku kerja", en: "Download workbook" },
  selected: { id: "Sel terpilih: {ref}", en: "Selected cell: {ref}" },
  moreRelated: { id: "{n} lainnya", en: "{n} more" },
  contextLabel: { id: "Baris di sekitar sel, lembar {sheet}, kolom {col}", en: "Rows around the cell, sheet {sheet}, column {col}" },
  contextRow: { id: "Baris", en: "Row" },
  contextKode: { id: "Kode", en: "Code" },
  contextName: { id: "Uraian", en: "Description" },
  context_finding: { id: "sel ini", en: "this cell" },
  context_parent: { id: "induk", en: "parent" },
  context_child: { id: "rincian", en: "child" },
  contextMoreChildren: { id: "… dan {n} rincian lain", en: "… and {n} more children" },
  loadingSample: { id: "Memuat buku kerja contoh…", en: "Loading the sample workbook…" },
  sampleMissing: { id: "Buku kerja contoh tidak dapat dimuat; buka berkas sendiri.", en: "The sample workbook could not be loaded; open a file of your own." },
  unexpected: { id: "Terjadi kesalahan tak terduga: {detail}", en: "An unexpected error occurred: {detail}" },
  hostNotWritable: { id: "Lingkungan ini tidak dapat menulis ke buku kerja.", en: "This environment cannot write to the workbook." },
  mappingSaveFailed: { id: "Koreksi berlaku sekarang tetapi tidak dapat disimpan: {detail}", en: "The correction applies now but could not be saved: {detail}" },
  highlightUnsupported: { id: "Penandaan sel tidak didukung di sini.", en: "Marking cells is not supported here." },
  chooseValue: { id: "Pilih nilai untuk", en: "Choose the value for" },
  expected: { id: "Seharusnya", en: "Expected" },
  actual: { id: "Tertulis", en: "Stated" },
  suggestion: { id: "Saran", en: "Suggestion" },
  related: { id: "Sel terkait", en: "Related cells" },
  close: { id: "Tutup", en: "Close" },
  sheetAdded: { id: "Tabel dibuat di lembar \"{name}\".", en: "The table was written to sheet \"{name}\"." },
  sheetPreview: { id: "Lembar baru \"{name}\": {rows} baris, {cells} sel.", en: "New sheet \"{name}\": {rows} rows, {cells} cells." },
  sheetReplace: { id: "Lembar \"{name}\" yang dibuat sebelumnya akan ditulis ulang.", en: "The sheet \"{name}\" made earlier will be rewritten." },
  marked: { id: "{n} sel ditandai.", en: "{n} cells marked." },
  unmarked: { id: "Tanda dihapus; sel kembali seperti semula.", en: "Marks removed; the cells are as they were." },
  sipdTitle: { id: "Bandingkan dengan SIPD", en: "Compare with SIPD" },
  sipdIntro: {
    id: "Pilih berkas ekspor SIPD-RI (.xlsx: rekap, sumber dana per sub kegiatan, KUA-PPAS, Tabel IV.3). Berkas dibaca di sini dan tidak diunggah ke mana pun.",
    en: "Pick a SIPD-RI export (.xlsx: rekap, sumber dana per sub kegiatan, KUA-PPAS, Tabel IV.3). The file is read here and never uploaded anywhere.",
  },
  sipdPick: { id: "Pilih ekspor SIPD", en: "Pick a SIPD export" },
  sipdFile: { id: "Ekspor: {name} ({kind})", en: "Export: {name} ({kind})" },
  sipdUnit: { id: "Unit SIPD-RI: {name}", en: "SIPD-RI unit: {name}" },
  sipdChooseUnit: { id: "Pilih unit SIPD-RI", en: "Choose the SIPD-RI unit" },
  sipdTable: { id: "{sheet}: {matched} dari {rows} sub kegiatan ada di SIPD-RI; total {plan} · SIPD-RI {sipd}", en: "{sheet}: {matched} of {rows} sub kegiatan found in SIPD-RI; total {plan} · SIPD-RI {sipd}" },
  sipdDifferences: { id: "{n} perbedaan dengan SIPD-RI (lihat Temuan).", en: "{n} differences from SIPD-RI (see Findings)." },
  sipdAgrees: { id: "Sesuai dengan SIPD-RI.", en: "Agrees with SIPD-RI." },
  sipdTake: { id: "Ambil nilai SIPD", en: "Take SIPD's values" },
  sipdClose: { id: "Lepas ekspor", en: "Drop the export" },
  clearRow: { id: "(kosongkan baris)", en: "(empty the row)" },
  noWorkbook: { id: "Tidak ada buku kerja yang dimuat; buka berkas .xlsx.", en: "No workbook is loaded; open an .xlsx file." },
  fileRejected: { id: "Berkas {name} tidak dapat dibuka:", en: "The file {name} could not be opened:" },
  stepOf: { id: "Langkah {n}", en: "Step {n}" },
  validateHint: { id: "Memeriksa semua lembar; temuan tampil di tab Temuan.", en: "Checks every sheet; the findings show in the Findings tab." },
  afterValidate: { id: "Validasi dulu untuk melihat apa yang akan dikerjakan.", en: "Validate first to see what it would do." },
  fixNumbersPending: { id: "{n} angka salah tulis atau tersimpan sebagai teks akan diperbaiki.", en: "{n} mistyped or text-stored amounts will be fixed." },
  fixNumbersNothing: { id: "Tidak ada angka yang perlu diperbaiki.", en: "No amount needs fixing." },
  recomputePending: { id: "{n} sel jumlah akan ditulis ulang.", en: "{n} total cells will be rewritten." },
  recomputeNothing: { id: "Semua jumlah sudah sesuai; tidak ada yang perlu dihitung ulang.", en: "Every total adds up; nothing to recompute." },
  generateReady: { id: "Akan dibuat di lembar \"{name}\".", en: "Will be written to sheet \"{name}\"." },
  generateNothing: { id: "Tidak dapat dibuat: {why}", en: "Cannot be made: {why}" },
  moreSkipped: { id: "… dan {n} jumlah lain tidak dihitung ulang", en: "… and {n} more totals not recomputed" },
  unsavedOpen: {
    id: "Perubahan pada buku kerja ini belum diunduh dan akan hilang. Tetap buka berkas lain?",
    en: "The changes to this workbook were not downloaded and will be lost. Open another file anyway?",
  },
  unsavedNote: { id: "Ada perubahan yang belum diunduh.", en: "There are changes not downloaded yet." },
} satisfies Record<string, Message>;

export type TextKey = keyof typeof dictionary;

/** The text for `key` in `lang`, with {name} placeholders filled in. */
export function t(lang: Lang, key: TextKey, params: Record<string, string | number> = {}): string {
  return fill(dictionary[key][lang], params);
}

export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function messageIn(lang: Lang, m: Message): string {
  return m[lang];
}

/** A catalogue message (a finding's text, a suggestion's reason) in the pane's language. */
export function say(lang: Lang, m: MessageRef): string {
  return render(m, lang);
}

const severityNames: Record<Severity, Message> = {
  error: { id: "Galat", en: "Errors" },
  warning: { id: "Peringatan", en: "Warnings" },
  info: { id: "Info", en: "Info" },
};

export function severityName(lang: Lang, s: Severity): string {
  return severityNames[s][lang];
}

const ruleNames: Record<RuleId, Message> = {
  "rollup-mismatch": { id: "Jumlah induk ≠ rincian", en: "Parent ≠ sum of children" },
  "total-mismatch": { id: "Total ≠ jumlah program", en: "Total ≠ sum of programs" },
  "formula-range": { id: "Rentang rumus keliru", en: "Wrong formula range" },
  "malformed-number": { id: "Angka tak terbaca", en: "Unreadable amount" },
  "suspect-scale": { id: "Skala angka mencurigakan", en: "Suspect scale" },
  "text-number": { id: "Angka tersimpan sebagai teks", en: "Number stored as text" },
  "year-mismatch": { id: "Tahun tidak sesuai", en: "Year mismatch" },
  "count-mismatch": { id: "Jumlah yang disebut keliru", en: "Stated count mismatch" },
  "cross-table-mismatch": { id: "Beda antar-tabel", en: "Cross-table mismatch" },
  "kode-hierarchy": { id: "Kode tidak berinduk", en: "Code hierarchy" },
  "evaluation-formula": { id: "Rumus evaluasi", en: "Evaluation formula" },
  "kode-format": { id: "Format kode", en: "Code format" },
  "nomenclature-mismatch": { id: "Nomenklatur", en: "Nomenclature" },
  "missing-field": { id: "Isian kosong", en: "Missing field" },
  "target-unit-mismatch": { id: "Satuan target", en: "Target unit" },
  "duplicate-row": { id: "Baris ganda", en: "Duplicate row" },
  "sipd-mismatch": { id: "Beda dengan SIPD-RI", en: "Differs from SIPD-RI" },
};

export function ruleName(lang: Lang, rule: RuleId): string {
  return ruleNames[rule][lang];
}

const levelNames: Record<Level, Message> = {
  urusan: { id: "Urusan", en: "Affair" },
  bidang: { id: "Bidang", en: "Field" },
  program: { id: "Program", en: "Program" },
  kegiatan: { id: "Kegiatan", en: "Activity" },
  subKegiatan: { id: "Sub kegiatan", en: "Sub-activity" },
  total: { id: "Total", en: "Total" },
  other: { id: "Lainnya", en: "Other" },
};

const indicatorKindNames: Record<IndicatorKind | "auto", Message> = {
  auto: { id: "Otomatis", en: "Automatic" },
  higher: { id: "Makin tinggi makin baik", en: "Higher is better" },
  lower: { id: "Makin rendah makin baik", en: "Lower is better" },
  final: { id: "Nilai akhir (%/indeks)", en: "Final value (%/index)" },
};

export function indicatorKindName(lang: Lang, kind: IndicatorKind | "auto"): string {
  return indicatorKindNames[kind][lang];
}

export const LEVELS: Level[] = ["urusan", "bidang", "program", "kegiatan", "subKegiatan", "total", "other"];

export function levelName(lang: Lang, level: Level): string {
  return levelNames[level][lang];
}

const kindNames: Record<TableKind, Message> = {
  "tabel-3.3": { id: "Tabel 3.3 (rencana N dan N+1)", en: "Table 3.3 (plan N and N+1)" },
  "tabel-7": { id: "Tabel 7 (rencana N)", en: "Table 7 (plan N)" },
  "tabel-2.1": { id: "Tabel 2.1 (evaluasi)", en: "Table 2.1 (evaluation)" },
  "tabel-2.3": { id: "Tabel 2.3 (kebutuhan dana)", en: "Table 2.3 (funding needs)" },
  "tabel-perubahan": { id: "Tabel Perubahan (semula/menjadi)", en: "Revision table (before/after)" },
};

/** Every column role in words, as the forms print their headers (K: kinerja, the target or realisation of performance). */
const roleNames: Record<ColumnRole, Message> = {
  no: { id: "No", en: "No" },
  kode: { id: "Kode", en: "Code" },
  sasaran: { id: "Sasaran", en: "Objective" },
  uraian: { id: "Uraian (program/kegiatan)", en: "Description (program/activity)" },
  indikator: { id: "Indikator kinerja", en: "Performance indicator" },
  lokasi: { id: "Lokasi", en: "Location" },
  targetN: { id: "Target N", en: "Target N" },
  paguN: { id: "Pagu N", en: "Budget N" },
  sumberDana: { id: "Sumber dana", en: "Funding source" },
  catatan: { id: "Catatan penting", en: "Notes" },
  targetN1: { id: "Target N+1", en: "Target N+1" },
  paguN1: { id: "Pagu N+1", en: "Budget N+1" },
  satuanN: { id: "Satuan N", en: "Unit N" },
  satuanN1: { id: "Satuan N+1", en: "Unit N+1" },
  rkpdUraian: { id: "Rancangan awal RKPD: program/kegiatan", en: "RKPD draft: program/activity" },
  rkpdIndikator: { id: "Rancangan awal RKPD: indikator", en: "RKPD draft: indicator" },
  rkpdLokasi: { id: "Rancangan awal RKPD: lokasi", en: "RKPD draft: location" },
  rkpdTarget: { id: "Rancangan awal RKPD: target", en: "RKPD draft: target" },
  rkpdPagu: { id: "Rancangan awal RKPD: pagu", en: "RKPD draft: budget" },
  targetSemula: { id: "Target semula", en: "Target before" },
  targetMenjadi: { id: "Target menjadi", en: "Target after" },
  paguSemula: { id: "Pagu semula", en: "Budget before" },
  paguMenjadi: { id: "Pagu menjadi", en: "Budget after" },
  selisihRp: { id: "Bertambah (berkurang) Rp", en: "Increase (decrease) Rp" },
  selisihPersen: { id: "Bertambah (berkurang) %", en: "Increase (decrease) %" },
  renstraK: { id: "Target Renstra: kinerja", en: "Renstra target: performance" },
  renstraRp: { id: "Target Renstra: Rp", en: "Renstra target: Rp" },
  realisasiLaluK: { id: "Realisasi s.d. tahun lalu: kinerja", en: "Realised up to last year: performance" },
  realisasiLaluRp: { id: "Realisasi s.d. tahun lalu: Rp", en: "Realised up to last year: Rp" },
  targetRenjaK: { id: "Target Renja tahun berjalan: kinerja", en: "This year's Renja target: performance" },
  targetRenjaRp: { id: "Target Renja tahun berjalan: Rp", en: "This year's Renja target: Rp" },
  tw1K: { id: "Triwulan I: kinerja", en: "Quarter I: performance" },
  tw1Rp: { id: "Triwulan I: Rp", en: "Quarter I: Rp" },
  tw2K: { id: "Triwulan II: kinerja", en: "Quarter II: performance" },
  tw2Rp: { id: "Triwulan II: Rp", en: "Quarter II: Rp" },
  tw3K: { id: "Triwulan III: kinerja", en: "Quarter III: performance" },
  tw3Rp: { id: "Triwulan III: Rp", en: "Quarter III: Rp" },
  tw4K: { id: "Triwulan IV: kinerja", en: "Quarter IV: performance" },
  tw4Rp: { id: "Triwulan IV: Rp", en: "Quarter IV: Rp" },
  realisasiRenjaK: { id: "Realisasi Renja tahun berjalan: kinerja", en: "This year's Renja realised: performance" },
  realisasiRenjaRp: { id: "Realisasi Renja tahun berjalan: Rp", en: "This year's Renja realised: Rp" },
  realisasiAkhirK: { id: "Realisasi akhir Renstra: kinerja", en: "Renstra realised at the end: performance" },
  realisasiAkhirRp: { id: "Realisasi akhir Renstra: Rp", en: "Renstra realised at the end: Rp" },
  tingkatCapaianK: { id: "Tingkat capaian: kinerja (%)", en: "Achievement: performance (%)" },
  tingkatCapaianRp: { id: "Tingkat capaian: Rp (%)", en: "Achievement: Rp (%)" },
  unitPd: { id: "Unit perangkat daerah penanggung jawab", en: "Responsible unit" },
  realisasiN3: { id: "Realisasi s.d. N-3", en: "Realised up to N-3" },
  targetN2: { id: "Target N-2", en: "Target N-2" },
  realisasiN2: { id: "Realisasi N-2", en: "Realised N-2" },
  tingkatRealisasiN2: { id: "Tingkat realisasi N-2 (%)", en: "Realisation rate N-2 (%)" },
  targetN1Renja: { id: "Target Renja N-1", en: "Renja target N-1" },
  realisasiSdN1: { id: "Realisasi s.d. N-1", en: "Realised up to N-1" },
};

/** The roles a column can be given in a table of this kind (the mapping view's choice). */
export function rolesForKind(kind: TableKind): ColumnRole[] {
  const all = Object.keys(roleNames) as ColumnRole[];
  const revision: ColumnRole[] = ["targetSemula", "targetMenjadi", "paguSemula", "paguMenjadi", "selisihRp", "selisihPersen"];
  const review: ColumnRole[] = ["rkpdUraian", "rkpdIndikator", "rkpdLokasi", "rkpdTarget", "rkpdPagu"];
  const common: ColumnRole[] = ["no", "kode", "sasaran", "uraian", "indikator", "lokasi", "catatan"];
  if (kind === "tabel-2.1") return all.filter((r) => !revision.includes(r) && !review.includes(r) && !["targetN", "paguN", "targetN1", "paguN1", "satuanN", "satuanN1", "sumberDana"].includes(r));
  if (kind === "tabel-perubahan") return [...common, ...revision];
  const plan: ColumnRole[] = [...common, "targetN", "satuanN", "paguN", "sumberDana", "targetN1", "satuanN1", "paguN1"];
  return kind === "tabel-2.3" ? [...plan, ...review] : plan;
}

export function roleName(lang: Lang, role: ColumnRole): string {
  return roleNames[role][lang];
}

export function kindName(lang: Lang, kind: TableKind): string {
  return kindNames[kind][lang];
}
