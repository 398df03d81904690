/** Arguments of `renja generate tabel-3.3|tabel-2.1 <in.xlsx> -o <out.xlsx> [--from] [--paper] [--order] [--replace]`. */
import type { Command } from "./args";
import type { Lang } from "./lang";

export function generateCommand(rest: string[], values: Map<string, string>, flags: Set<string>, lang: Lang): Command {
  const usage = (id: string, en: string): Command => ({ kind: "usage-error", lang, message: { id, en } });
  const foreign = ["--sheet", "--json", "--mode", "--dry-run", "--summary", "--max", "--sipd", "--skpd", "--catalogue", "--accept", "--skip"].find((o) => values.has(o) || flags.has(o));
  if (foreign) return usage(`Opsi ${foreign} tidak berlaku untuk generate.`, `The option ${foreign} does not apply to generate.`);
  const [table, file, ...extra] = rest;
  if (table !== "tabel-3.3" && table !== "tabel-2.1") {
    return usage(
      `Sebutkan tabel yang dibuat: renja generate tabel-3.3|tabel-2.1 <masukan.xlsx> -o <keluaran.xlsx>${table ? ` (diberikan: ${table})` : ""}.`,
      `Name the table to generate: renja generate tabel-3.3|tabel-2.1 <in.xlsx> -o <out.xlsx>${table ? ` (given: ${table})` : ""}.`,
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
  if (table === "tabel-2.1" && values.has("--order")) return usage("Opsi --order hanya untuk tabel-3.3.", "The option --order is for tabel-3.3 only.");
  return { kind: "generate", lang, table, file, output, from: values.get("--from"), paper, order, replace: flags.has("--replace") };
}
