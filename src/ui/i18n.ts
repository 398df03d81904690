/** Pane text in Bahasa Indonesia (the default) and English, from the catalogue (src/domain/messages): the "ui.*" texts and the "name.*" names of severities, rules, levels, kinds and roles. */
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

export function severityName(lang: Lang, s: Severity): string {
  return PACKS[lang][`name.severity.${s}`];
}

export function ruleName(lang: Lang, rule: RuleId): string {
  return PACKS[lang][`name.rule.${rule}`];
}

export function indicatorKindName(lang: Lang, kind: IndicatorKind | "auto"): string {
  return PACKS[lang][`name.indicatorKind.${kind}`];
}

export const LEVELS: Level[] = ["urusan", "bidang", "program", "kegiatan", "subKegiatan", "total", "other"];

export function levelName(lang: Lang, level: Level): string {
  return PACKS[lang][`name.level.${level}`];
}

/** Every column role, in the order the mapping view offers them (their names are the catalogue's "name.role.*" keys). */
const ROLES = [
  "no",
  "kode",
  "sasaran",
  "uraian",
  "indikator",
  "lokasi",
  "targetN",
  "paguN",
  "sumberDana",
  "catatan",
  "targetN1",
  "paguN1",
  "satuanN",
  "satuanN1",
  "rkpdUraian",
  "rkpdIndikator",
  "rkpdLokasi",
  "rkpdTarget",
  "rkpdPagu",
  "targetSemula",
  "targetMenjadi",
  "paguSemula",
  "paguMenjadi",
  "selisihRp",
  "selisihPersen",
  "renstraK",
  "renstraRp",
  "realisasiLaluK",
  "realisasiLaluRp",
  "targetRenjaK",
  "targetRenjaRp",
  "tw1K",
  "tw1Rp",
  "tw2K",
  "tw2Rp",
  "tw3K",
  "tw3Rp",
  "tw4K",
  "tw4Rp",
  "realisasiRenjaK",
  "realisasiRenjaRp",
  "realisasiAkhirK",
  "realisasiAkhirRp",
  "tingkatCapaianK",
  "tingkatCapaianRp",
  "unitPd",
  "realisasiN3",
  "targetN2",
  "realisasiN2",
  "tingkatRealisasiN2",
  "targetN1Renja",
  "realisasiSdN1",
] as const satisfies readonly ColumnRole[];
/** A role added to ColumnRole but not to ROLES fails to compile here (the mapping view would never offer it). */
const everyRoleListed: [ColumnRole] extends [(typeof ROLES)[number]] ? true : never = true;
void everyRoleListed;

/** The roles a column can be given in a table of this kind (the mapping view's choice). */
export function rolesForKind(kind: TableKind): ColumnRole[] {
  const all = [...ROLES];
  const revision: ColumnRole[] = ["targetSemula", "targetMenjadi", "paguSemula", "paguMenjadi", "selisihRp", "selisihPersen"];
  const review: ColumnRole[] = ["rkpdUraian", "rkpdIndikator", "rkpdLokasi", "rkpdTarget", "rkpdPagu"];
  const common: ColumnRole[] = ["no", "kode", "sasaran", "uraian", "indikator", "lokasi", "catatan"];
  if (kind === "tabel-2.1") return all.filter((r) => !revision.includes(r) && !review.includes(r) && !["targetN", "paguN", "targetN1", "paguN1", "satuanN", "satuanN1", "sumberDana"].includes(r));
  if (kind === "tabel-perubahan") return [...common, ...revision];
  const plan: ColumnRole[] = [...common, "targetN", "satuanN", "paguN", "sumberDana", "targetN1", "satuanN1", "paguN1"];
  return kind === "tabel-2.3" ? [...plan, ...review] : plan;
}

export function roleName(lang: Lang, role: ColumnRole): string {
  return PACKS[lang][`name.role.${role}`];
}

export function kindName(lang: Lang, kind: TableKind): string {
  return PACKS[lang][`name.kind.${kind}`];
}
