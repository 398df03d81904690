/**
 * The table kinds, one descriptor each: their names for people, and — for the kinds this tool can build — the
 * generator's command-line name, its pane action and whether it compares with an original
 * workbook. The CLI's `generate` and its help read them from here; the builders are in generators.ts (kept
 * apart so that parsing arguments loads no builder). A new generated kind is its builder, one line here, one in
 * generators.ts and its tests. (Detection and column roles stay in mapping.)
 */
import type { TableKind } from "../mapping/types";
import { msg, type MessageRef } from "../messages";

export interface TableGenerator {
  /** The name `renja generate` takes. */
  name: string;
  /** The pane's button. */
  action: MessageRef;
  /** Needs the original workbook (`--original`). */
  needsOriginal: boolean;
  /** Options only this generator takes. */
  options: readonly string[];
}

export interface TableKindDescriptor {
  kind: TableKind;
  /** Short name: "Tabel 3.3". */
  label: MessageRef;
  /** What the table is. */
  description: MessageRef;
  generator?: TableGenerator;
}

export const TABLE_KINDS: readonly TableKindDescriptor[] = [
  {
    kind: "tabel-3.3",
    label: msg("tables.label.tabel-3.3", {}),
    description: msg("tables.about.tabel-3.3", {}),
    generator: {
      name: "tabel-3.3",
      action: msg("tables.action.tabel-3.3", {}),
      needsOriginal: false,
      options: ["--order"],
    },
  },
  {
    kind: "tabel-7",
    label: msg("tables.label.tabel-7", {}),
    description: msg("tables.about.tabel-7", {}),
  },
  {
    kind: "tabel-2.1",
    label: msg("tables.label.tabel-2.1", {}),
    description: msg("tables.about.tabel-2.1", {}),
    generator: {
      name: "tabel-2.1",
      action: msg("tables.action.tabel-2.1", {}),
      needsOriginal: false,
      options: [],
    },
  },
  {
    kind: "tabel-2.3",
    label: msg("tables.label.tabel-2.3", {}),
    description: msg("tables.about.tabel-2.3", {}),
  },
  {
    kind: "tabel-perubahan",
    label: msg("tables.label.tabel-perubahan", {}),
    description: msg("tables.about.tabel-perubahan", {}),
    generator: {
      name: "perubahan",
      action: msg("tables.action.tabel-perubahan", {}),
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
