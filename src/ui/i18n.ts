/** Pane text in Bahasa Indonesia (the default) and English, from the catalogue (src/domain/messages); host errors still carry their own two texts. */
import type { Message, RuleId, Severity } from "../domain/findings";
import type { ColumnRole, IndicatorKind, Level, TableKind } from "../domain/mapping/types";
import { MessageSpec, PACKS, fillTemplate, render, type Lang, type MessageKey, type MessageRef, type Value, type ValueKind } from "../domain/messages";
export type { Lang };

/** The pane's texts are the catalogue's "ui." keys (src/domain/messages): one pack per language for the whole tool. */
type UiKey = Extract<MessageKey, `ui.${string}`>;
export type TextKey = UiKey extends `ui.${infer K}` ? K : never;

/**
 * The text for `key` in `lang`, its {name} placeholders filled by the kind the catalogue declares: a count
 * written the language's way, a year never grouped, any other value as given.
 */
export function t(lang: Lang, key: TextKey, params: Record<string, string | number> = {}): string {
  const full = `ui.${key}` as UiKey;
  const kinds = MessageSpec[full] as Record<string, ValueKind>;
  const values: Record<string, Value> = {};
  for (const [name, v] of Object.entries(params)) {
    const kind = kinds[name];
    values[name] =
      kind === "count" && typeof v === "number" ? { kind: "count", value: v } : kind === "year" && typeof v === "number" ? { kind: "year", value: v } : { kind: "text", value: String(v) };
  }
  return fillTemplate(PACKS[lang][full], values, lang);
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
