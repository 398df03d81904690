/**
 * The table kinds, one descriptor each: their names for people, and — for the kinds this tool can build — the
 * generator's command-line name, its pane action and whether it compares with an original
 * workbook. The CLI's `generate` and its help read them from here; the builders are in generators.ts (kept
 * apart so that parsing arguments loads no builder). A new generated kind is its builder, one line here, one in
 * generators.ts and its tests. (Detection and column roles stay in mapping.)
 */
import type { Message } from "../findings";
import type { TableKind } from "../mapping/types";

export interface TableGenerator {
  /** The name `renja generate` takes. */
  name: string;
  /** The pane's button. */
  action: Message;
  /** Needs the original workbook (`--original`). */
  needsOriginal: boolean;
  /** Options only this generator takes. */
  options: readonly string[];
}

export interface TableKindDescriptor {
  kind: TableKind;
  /** Short name: "Tabel 3.3". */
  label: Message;
  /** What the table is. */
  description: Message;
  generator?: TableGenerator;
}

export const TABLE_KINDS: readonly TableKindDescriptor[] = [
  {
    kind: "tabel-3.3",
    label: { id: "Tabel 3.3", en: "Tabel 3.3" },
    description: { id: "Rumusan rencana program dan kegiatan tahun N dan prakiraan maju N+1", en: "Programs and kegiatan planned for year N, with the N+1 forward estimate" },
    generator: {
      name: "tabel-3.3",
      action: { id: "Buat Tabel 3.3", en: "Generate Tabel 3.3" },
      needsOriginal: false,
      options: ["--order"],
    },
  },
  {
    kind: "tabel-7",
    label: { id: "Tabel 7", en: "Tabel 7" },
    description: { id: "Rencana kerja dan pendanaan (Bab IV)", en: "Work plan and funding (chapter IV)" },
  },
  {
    kind: "tabel-2.1",
    label: { id: "Tabel 2.1", en: "Tabel 2.1" },
    description: { id: "Evaluasi pelaksanaan Renja dan pencapaian Renstra", en: "Evaluation of the last Renja and of the Renstra" },
    generator: {
      name: "tabel-2.1",
      action: { id: "Buat Tabel 2.1", en: "Generate Tabel 2.1" },
      needsOriginal: false,
      options: [],
    },
  },
  {
    kind: "tabel-2.3",
    label: { id: "Tabel 2.3", en: "Tabel 2.3" },
    description: { id: "Review terhadap rancangan awal RKPD", en: "Review of the RKPD draft" },
  },
  {
    kind: "tabel-perubahan",
    label: { id: "Tabel Perubahan", en: "Revision table" },
    description: { id: "Rencana semula dan menjadi dengan bertambah (berkurang)", en: "The plan before and after a revision, with the changes" },
    generator: {
      name: "perubahan",
      action: { id: "Buat Tabel Perubahan", en: "Generate the revision table" },
      needsOriginal: true,
      options: ["--original"],
    },
  },
];

export function kindDescriptor(kind: TableKind): TableKindDescriptor | undefined {
  return TABLE_KINDS.find((d) => d.kind === kind);
}

/** The generator `renja generate NAME` means: its own name or its kind ("perubahan" or "tabel-perubahan"). */
export function generatorNamed(name: string): (TableGenerator & { kind: TableKind }) | undefined {
  const d = TABLE_KINDS.find((k) => k.generator && (k.generator.name === name || k.kind === name));
  return d?.generator ? { ...d.generator, kind: d.kind } : undefined;
}

export function generatorNames(): string[] {
  return TABLE_KINDS.flatMap((d) => (d.generator ? [d.generator.name] : []));
}
