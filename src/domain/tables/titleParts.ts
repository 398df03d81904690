/**
 * The organisation unit ("KANTOR KECAMATAN TOMONI") and the kabupaten ("KABUPATEN LUWU TIMUR") named in a
 * table's title rows, so a generated table can state them again. Titles abbreviate freely ("KANTOR
 * KEC.TOMONI", "KAB. LUWU TIMUR", "SKPD : KANTOR …"): abbreviations are written out.
 */

export interface TitleParts {
  unit?: string;
  kabupaten?: string;
}

const UNIT_WORDS = "KANTOR|DINAS|BADAN|SEKRETARIAT|INSPEKTORAT|SATUAN|RUMAH\\s+SAKIT|KECAMATAN|KELURAHAN|UPT|PUSKESMAS|BAGIAN";
/** Words that end the unit's name in a title. */
const UNIT_END = "TAHUN|KABUPATEN|KAB\\.?|KOTA|PROVINSI|DAN\\s+PRAKIRAAN|SKPD|PERANGKAT";

export function titleParts(title: string): TitleParts {
  const text = expandAbbreviations(title.replace(/\s+/g, " ").trim());
  const parts: TitleParts = {};
  const unit = new RegExp(`\\b((?:${UNIT_WORDS})\\b.*?)(?=\\s+(?:${UNIT_END})\\b|\\s*[:;,]|$)`, "i").exec(text);
  if (unit) parts.unit = unit[1].trim().toUpperCase();
  const kab = /\b(KABUPATEN|KOTA)\s+([A-Z][A-Z .'-]*?)(?=\s+(?:TAHUN|SKPD|PROVINSI|KANTOR|DINAS|BADAN)\b|\s*[:;,]|$)/i.exec(text);
  if (kab && !/^(?:\/|KOTA\b)/i.test(kab[2])) parts.kabupaten = `${kab[1]} ${kab[2].trim()}`.toUpperCase();
  return parts;
}

function expandAbbreviations(text: string): string {
  return text
    .replace(/\bKAB\.\s*/gi, "KABUPATEN ")
    .replace(/\bKEC\.\s*/gi, "KECAMATAN ")
    .replace(/\bKEL\.\s*/gi, "KELURAHAN ");
}
