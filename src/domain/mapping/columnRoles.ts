/**
 * Column roles from header text and its synonyms, never from position: every office orders its columns
 * differently. Plan tables (3.3, 7) get plan roles with N / N+1 decided by the group header or the year;
 * Tabel 2.3 gets rkpd* roles for its "Rancangan Awal RKPD" block and plan roles for "Hasil Analisis Kebutuhan";
 * Tabel 2.1 gets evaluation roles from its K/Rp pairs and group headers.
 */
import type { ColumnRole, EvaluationRole } from "./types";
import type { ColumnHeader } from "./headerPaths";
import { revisionRole } from "./revisionRoles";
import { lowerText, yearsIn } from "./text";

export type TableFlavour = "plan" | "evaluation" | "review";

export function flavourOf(headers: ColumnHeader[]): TableFlavour {
  const all = lowerText(headers.map((h) => h.path.join(" | ")).join(" || "));
  if (/rancangan awal/.test(all) && /hasil analisis|kebutuhan dana/.test(all)) return "review";
  // A Tabel Perubahan's "Bertambah/(Berkurang) | Rp" is no K/Rp pair: semula beside menjadi is a plan.
  if (/\bsemula\b/.test(all) && /\bmenjadi\b/.test(all)) return "plan";
  const kOrRp = headers.some((h) => /^(k|rp\.?)$/i.test(h.path[h.path.length - 1] ?? ""));
  if (kOrRp || /realisasi|triwulan|dievaluasi|target renstra/.test(all)) return "evaluation";
  return "plan";
}

/** "N+1" wording: prakiraan maju, (N+1), tahun depan. */
export function saysNextYear(text: string): boolean {
  return /prakiraan|maju|n\s*\+\s*1|tahun (berikut|depan)/i.test(text);
}

type Base = "renstra" | "realisasiLalu" | "targetRenja" | "tw1" | "tw2" | "tw3" | "tw4" | "realisasiRenja" | "realisasiAkhir" | "tingkatCapaian";

const BY_GROUP_NUMBER: Record<number, Base> = {
  5: "renstra", 6: "realisasiLalu", 7: "targetRenja", 8: "tw1", 9: "tw2", 10: "tw3", 11: "tw4",
  12: "realisasiRenja", 13: "realisasiAkhir", 14: "tingkatCapaian",
};

/** The 86/2017 column a Tabel 2.1 group header denotes (wording first, the printed group number as fallback). */
function evaluationBase(group: string, groupNumber: number | undefined): Base | undefined {
  const t = lowerText(group);
  // The seed heads its column 13 (realisation to date, in Rupiah) with the wording of column 14: trust the number.
  if (/tingkat capaian/.test(t)) return groupNumber === 13 ? "realisasiAkhir" : "tingkatCapaian";
  if (/target/.test(t) && /renstra/.test(t)) return "renstra";
  if (/realisasi/.test(t) && /tahun lalu|n\s*-\s*[12]\b/.test(t) && !/dievaluasi/.test(t)) return "realisasiLalu";
  if (/target/.test(t) && /renja/.test(t)) return "targetRenja";
  if (/dievaluasi|tahun berjalan/.test(t) || (/(s\/d|sampai)/.test(t) && /\btw\b|triwulan/.test(t))) return "realisasiRenja";
  const tw = /(?:triwulan|\btw)\s*-?\s*(iv|iii|ii|i|[1-4])\b/.exec(t);
  if (tw) return (["i", "ii", "iii", "iv"].includes(tw[1]) ? `tw${["i", "ii", "iii", "iv"].indexOf(tw[1]) + 1}` : `tw${tw[1]}`) as Base;
  if (/realisasi/.test(t) && /renstra|akhir/.test(t)) return "realisasiAkhir";
  return groupNumber !== undefined ? BY_GROUP_NUMBER[groupNumber] : undefined;
}

/** T-C.29 columns, which carry no K/Rp split. */
function tc29Role(t: string): EvaluationRole | undefined {
  if (/tingkat realisasi/.test(t)) return "tingkatRealisasiN2";
  if (/tingkat capaian/.test(t)) return "tingkatCapaianK";
  if (/target/.test(t) && /renstra/.test(t)) return "renstraK";
  if (/realisasi/.test(t) && /n\s*-\s*3/.test(t)) return "realisasiN3";
  if (/target/.test(t) && /n\s*-\s*2/.test(t)) return "targetN2";
  if (/realisasi/.test(t) && /n\s*-\s*2/.test(t)) return "realisasiN2";
  if (/target/.test(t) && /n\s*-\s*1/.test(t)) return "targetN1Renja";
  if (/realisasi/.test(t) && /n\s*-\s*1/.test(t)) return "realisasiSdN1";
  return undefined;
}

const COMMON: [RegExp, ColumnRole][] = [
  // SIPD heads the kode column "No/Kode" (or "No. Kode"): still the kode column, not the row number
  [/^kode\b|kode rekening|^no\.?\s*\/?\s*kode\b/, "kode"],
  [/^no\b\.?$|^no\.? ?urut|^nomor$|^no\.$/, "no"],
  [/^sasaran/, "sasaran"],
  [/catatan|^keterangan|^ket\.?$/, "catatan"],
  [/sumber dana|sumber pendanaan/, "sumberDana"],
];
const URAIAN = /uraian|program|kegiatan|urusan|nomenklatur/;
const INDIKATOR = /indikator/;
const LOKASI = /lokasi/;
const TARGET = /target/;
const SATUAN = /^satuan( target)?$/;
const PAGU = /pagu|kebutuhan dana|anggaran|\(rp\)|^rp\b|^dana\b|alokasi|rupiah/;

function firstMatch(text: string, table: [RegExp, ColumnRole][]): ColumnRole | undefined {
  for (const [re, role] of table) if (re.test(text)) return role;
  return undefined;
}

function planRole(leaf: string, full: string, year: number | null): ColumnRole | undefined {
  const revision = revisionRole(leaf, full);
  if (revision) return revision;
  for (const text of [leaf, full]) {
    const common = firstMatch(text, COMMON);
    if (common) return common;
    if (INDIKATOR.test(text)) return "indikator";
    if (LOKASI.test(text)) return "lokasi";
    if (text === leaf && SATUAN.test(leaf)) return saysNextYear(full) || (year !== null && yearsIn(full).some((y) => y.year === year + 1)) ? "satuanN1" : "satuanN";
    const isTarget = TARGET.test(text);
    const isPagu = !isTarget && PAGU.test(text);
    if (isTarget || isPagu) {
      const years = yearsIn(full);
      const next = saysNextYear(full) || (year !== null && years.some((y) => y.year === year + 1) && !years.some((y) => y.year === year));
      // "Pagu 2024" (last year's, often hidden) or "Target 2028" (a Renstra block) is neither N nor N+1
      if (!next && year !== null && years.length > 0 && !years.some((y) => y.year === year) && !/\(\s*n\s*\)/.test(full)) return undefined;
      if (isTarget) return next ? "targetN1" : "targetN";
      return next ? "paguN1" : "paguN";
    }
    if (URAIAN.test(text)) return "uraian";
  }
  return undefined;
}

function reviewRole(leaf: string, full: string): ColumnRole | undefined {
  const common = firstMatch(leaf, COMMON);
  if (common) return common;
  const rkpd = /rancangan awal|rkpd/.test(full) && !/hasil analisis/.test(full);
  if (INDIKATOR.test(leaf)) return rkpd ? "rkpdIndikator" : "indikator";
  if (LOKASI.test(leaf)) return rkpd ? "rkpdLokasi" : "lokasi";
  if (TARGET.test(leaf)) return rkpd ? "rkpdTarget" : "targetN";
  if (PAGU.test(leaf) || /dana/.test(leaf)) return rkpd ? "rkpdPagu" : "paguN";
  if (URAIAN.test(leaf)) return rkpd ? "rkpdUraian" : "uraian";
  return undefined;
}

function evaluationRole(h: ColumnHeader, leaf: string, full: string): ColumnRole | undefined {
  const kOrRp = /^(k|rp\.?)$/.exec(leaf);
  if (kOrRp) {
    const base = evaluationBase(h.path.slice(0, -1).join(" | "), h.groupNumber);
    return base ? ((base + (kOrRp[1] === "k" ? "K" : "Rp")) as EvaluationRole) : undefined;
  }
  if (/penanggung ?jawab|unit (kerja|perangkat)/.test(leaf)) return "unitPd";
  const common = firstMatch(leaf, COMMON);
  if (common) return common;
  if (INDIKATOR.test(leaf)) return "indikator";
  const tc29 = tc29Role(full);
  if (tc29) return tc29;
  if (/realisasi|renstra|capaian/.test(full)) return undefined;
  if (LOKASI.test(leaf)) return "lokasi";
  if (URAIAN.test(leaf)) return "uraian";
  return undefined;
}

/** Role -> column. The first column to claim a role keeps it. */
export function assignRoles(headers: ColumnHeader[], flavour: TableFlavour, year: number | null): Partial<Record<ColumnRole, number>> {
  const columns: Partial<Record<ColumnRole, number>> = {};
  for (const h of headers) {
    if (h.path.length === 0) continue;
    const leaf = lowerText(h.path[h.path.length - 1]);
    const full = lowerText(h.path.join(" | "));
    const role =
      flavour === "review" ? reviewRole(leaf, full) : flavour === "evaluation" ? evaluationRole(h, leaf, full) : planRole(leaf, full, year);
    if (role && columns[role] === undefined) columns[role] = h.col;
  }
  keepUnitsBesideTargets(columns);
  return columns;
}

/**
 * A Satuan column is the target's unit only right beside its target ("Target | Satuan"); elsewhere (a cost
 * estimate's "Volume | Satuan | Harga Satuan") it is not a plan column at all.
 */
function keepUnitsBesideTargets(columns: Partial<Record<ColumnRole, number>>): void {
  for (const [unit, target] of [["satuanN", "targetN"], ["satuanN1", "targetN1"]] as const) {
    const u = columns[unit];
    if (u === undefined) continue;
    const t = columns[target];
    if (t === undefined || Math.abs(u - t) !== 1) delete columns[unit];
  }
}

/** The money roles of a table: those whose parents must equal the sum of their children. */
export function moneyRolesOf(columns: Partial<Record<ColumnRole, number>>): ColumnRole[] {
  const order: ColumnRole[] = [
    "paguN", "paguN1", "rkpdPagu", "renstraRp", "realisasiLaluRp", "targetRenjaRp", "tw1Rp", "tw2Rp", "tw3Rp", "tw4Rp",
    "realisasiRenjaRp", "realisasiAkhirRp", "paguSemula", "paguMenjadi", "selisihRp",
  ];
  return order.filter((r) => columns[r] !== undefined);
}
