/**
 * Column roles of a Tabel Perubahan (a revised plan shown as semula / menjadi / bertambah (berkurang)), as
 * regional finance documents head them: "Pagu Indikatif (Rp) | Semula", "Target | Menjadi",
 * "Bertambah/(Berkurang) | Rp" and "| %". Checked before the plan roles, whose "pagu" and "target" words the
 * same headers carry.
 */
import type { RevisionRole } from "./types";

const CHANGE = /bertambah|berkurang|selisih/;

export function revisionRole(leaf: string, full: string): RevisionRole | undefined {
  if (CHANGE.test(full)) return /%|persen/.test(leaf) ? "selisihPersen" : "selisihRp";
  const side = /menjadi/.test(leaf) ? "Menjadi" : /semula/.test(leaf) ? "Semula" : /menjadi/.test(full) ? "Menjadi" : /semula/.test(full) ? "Semula" : undefined;
  if (!side) return undefined;
  if (/target/.test(full)) return `target${side}`;
  if (/pagu|anggaran|dana|\(rp\)|^rp\b/.test(full)) return `pagu${side}`;
  return undefined;
}
