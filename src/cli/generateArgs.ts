/**
 * Arguments of `renja generate <table> <in.xlsx> -o <out.xlsx> [--from] [--paper] [--order] [--original] [--replace]`.
 * The table names and the options only one generator takes come from the table-kind registry.
 */
import { generatorNamed, generatorNames, TABLE_KINDS } from "../domain/tables/kinds";
import type { Command } from "./args";
import type { Lang } from "./lang";

export function generateCommand(rest: string[], values: Map<string, string>, flags: Set<string>, lang: Lang): Command {
  const usage = (id: string, en: string): Command => ({ kind: "usage-error", lang, message: { id, en } });
  const [table, file, ...extra] = rest;
  const generator = table === undefined ? undefined : generatorNamed(table);
  const names = generatorNames().join("|");
  if (!generator) {
    return usage(
      `Sebutkan tabel yang dibuat: renja generate ${names} <masukan.xlsx> -o <keluaran.xlsx>${table ? ` (diberikan: ${table})` : ""}.`,
      `Name the table to generate: renja generate ${names} <in.xlsx> -o <out.xlsx>${table ? ` (given: ${table})` : ""}.`,
    );
  }
  if (file === undefined || extra.length > 0) return usage("Sebutkan tepat satu berkas .xlsx masukan.", "Name exactly one input .xlsx file.");
  const output = values.get("-o") ?? values.get("--output");
  if (output === undefined) return usage("Sebutkan berkas keluaran dengan -o <keluaran.xlsx>.", "Name the output file with -o <out.xlsx>.");
  if (output === file) return usage("Berkas keluaran harus berbeda dari masukan: berkas masukan tidak pernah diubah.", "The output file must differ from the input: the input file is never modified.");
  const paper = values.get("--paper") ?? "f4";
  if (paper !== "f4" && paper !== "a4") return usage(`Kertas "${paper}" tidak dikenal; gunakan --paper f4 atau --paper a4.`, `Unknown paper "${paper}"; use --paper f4 or --paper a4.`);
  const order = values.get("--order") ?? "official";
  if (order !== "official" && order !== "seed") return usage(`Urutan "${order}" tidak dikenal; gunakan --order official atau --order seed.`, `Unknown order "${order}"; use --order official or --order seed.`);
  for (const d of TABLE_KINDS) {
    for (const option of d.generator?.options ?? []) {
      if (!values.has(option) || generator.options.includes(option)) continue;
      return usage(`Opsi ${option} hanya untuk ${d.generator?.name}.`, `The option ${option} is for ${d.generator?.name} only.`);
    }
  }
  const original = values.get("--original");
  if (generator.needsOriginal && original === undefined) {
    return usage(
      `Sebutkan buku kerja semula: renja generate ${generator.name} <menjadi.xlsx> --original <semula.xlsx> -o <keluaran.xlsx>.`,
      `Name the original workbook: renja generate ${generator.name} <new.xlsx> --original <old.xlsx> -o <out.xlsx>.`,
    );
  }
  if (original !== undefined && original === output) return usage("Berkas keluaran harus berbeda dari buku kerja semula.", "The output file must differ from the original workbook.");
  return { kind: "generate", lang, table: generator.kind, file, output, from: values.get("--from"), paper, order, replace: flags.has("--replace"), original };
}
