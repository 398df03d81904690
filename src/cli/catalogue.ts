/**
 * `renja catalogue import <file> [--regulation R] [--year N] [--name NAME] [--pemda kabkota|provinsi] [--replace]`,
 * `renja catalogue list`, `renja catalogue remove <name>`: the nomenclature lists `check` chooses from (the newest
 * whose year is not after the plan year; `check --catalogue FILE|NAME` overrides). Exit 0 when done, 2 when not.
 */
import { HostError } from "../domain/host";
import { BUILTIN_CATALOGUE, Catalogue } from "../domain/nomenclature";
import type { ImportSummary } from "../domain/nomenclature/importList";
import { formatCount } from "./catalogueReport";
import { catalogueDir, readListFile, removeCatalogue, saveCatalogue, storedCatalogues } from "./catalogueStore";
import type { CliIo } from "./io";
import type { Lang } from "./lang";

export type CatalogueCommand =
  | { kind: "import"; lang: Lang; file: string; regulation?: string; year?: number; name?: string; pemda?: string; replace: boolean }
  | { kind: "list"; lang: Lang }
  | { kind: "remove"; lang: Lang; name: string }
  | { kind: "usage-error"; lang: Lang; message: { id: string; en: string } };

const VALUED = new Set(["--regulation", "--year", "--name", "--pemda", "--lang"]);

/** argv after "catalogue". */
export function parseCatalogueArgs(argv: readonly string[]): CatalogueCommand {
  const values = new Map<string, string>();
  const positional: string[] = [];
  let replace = false;
  let problem: { id: string; en: string } | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    if (VALUED.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) problem ??= { id: `Opsi ${name} memerlukan nilai.`, en: `The option ${name} needs a value.` };
      else values.set(name, value);
    } else if (arg === "--replace") replace = true;
    else if (arg.startsWith("-") && arg !== "-") problem ??= { id: `Opsi tidak dikenal: ${arg}`, en: `Unknown option: ${arg}` };
    else positional.push(arg);
  }
  const lang: Lang = values.get("--lang") === "en" ? "en" : "id";
  const usage = (id: string, en: string): CatalogueCommand => ({ kind: "usage-error", lang, message: { id, en } });
  if (problem) return { kind: "usage-error", lang, message: problem };
  const [sub, ...rest] = positional;
  if (sub === "list") return rest.length === 0 ? { kind: "list", lang } : usage("catalogue list tidak menerima argumen.", "catalogue list takes no arguments.");
  if (sub === "remove") {
    return rest.length === 1 ? { kind: "remove", lang, name: rest[0] } : usage("Sebutkan satu nama daftar: renja catalogue remove <nama>.", "Name one list: renja catalogue remove <name>.");
  }
  if (sub === "import") {
    if (rest.length !== 1) return usage("Sebutkan satu berkas daftar: renja catalogue import <berkas.tsv|.csv|.xlsx>.", "Name one list file: renja catalogue import <file.tsv|.csv|.xlsx>.");
    const yearText = values.get("--year");
    const year = yearText !== undefined ? Number(yearText) : undefined;
    if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) return usage(`Tahun "${yearText}" tidak valid.`, `"${yearText}" is not a valid year.`);
    return { kind: "import", lang, file: rest[0], regulation: values.get("--regulation"), year, name: values.get("--name"), pemda: values.get("--pemda"), replace };
  }
  return usage("Gunakan: renja catalogue import <berkas> | list | remove <nama>.", "Use: renja catalogue import <file> | list | remove <name>.");
}

export async function runCatalogue(cmd: CatalogueCommand, io: CliIo): Promise<number> {
  const t = (m: { id: string; en: string }) => m[cmd.lang];
  try {
    switch (cmd.kind) {
      case "usage-error":
        io.stderr(`renja: ${t(cmd.message)}\n`);
        return 2;
      case "list":
        io.stdout(listText(cmd.lang));
        return 0;
      case "remove":
        if (!removeCatalogue(cmd.name)) {
          io.stderr(`renja: ${t({ id: `Tidak ada daftar tersimpan bernama "${cmd.name}".`, en: `No stored list is named "${cmd.name}".` })}\n`);
          return 2;
        }
        io.stdout(`${t({ id: `Daftar "${cmd.name}" dihapus.`, en: `List "${cmd.name}" removed.` })}\n`);
        return 0;
      case "import": {
        const result = await readListFile(cmd.file, { regulation: cmd.regulation, year: cmd.year, name: cmd.name, pemda: cmd.pemda });
        for (const w of result.warnings) io.stderr(`${t({ id: "Catatan", en: "Note" })}: ${t(w.message)}\n`);
        if (!result.ok) {
          io.stderr(`renja: ${t({ id: `Daftar ${cmd.file} ditolak:`, en: `The list ${cmd.file} was refused:` })}\n`);
          for (const e of result.errors) io.stderr(`  ${t(e.message)}\n`);
          return 2;
        }
        const { file, replaced } = saveCatalogue(result.data, cmd.replace);
        io.stdout(importSummary(new Catalogue(result.data, "stored"), result.summary, file, replaced, cmd.lang));
        return 0;
      }
    }
  } catch (e) {
    if (e instanceof HostError) {
      io.stderr(`renja: ${e.messages[cmd.lang]}\n`);
      return 2;
    }
    throw e;
  }
}

function importSummary(c: Catalogue, s: ImportSummary, file: string, replaced: boolean, lang: Lang): string {
  const n = (x: number) => formatCount(x);
  const counts = `urusan ${n(s.counts.urusan)}, bidang ${n(s.counts.bidang)}, program ${n(s.counts.program)}, kegiatan ${n(s.counts.kegiatan)}, sub kegiatan ${n(s.counts.subKegiatan)}`;
  const lines =
    lang === "en"
      ? [
          `Imported "${c.name}": ${c.regulation}, for plans from ${c.year ?? "?"}${s.yearFromRegulation ? " (the regulation's year + 1; set with --year)" : ""}.`,
          `  ${counts}.`,
          s.withMetadata > 0 ? `  kinerja/indikator/satuan on ${n(s.withMetadata)} sub kegiatan.` : "  no kinerja/indikator/satuan.",
          s.pemda ? `  pemda: ${s.pemda} (${n(s.skipped.otherPemda)} rows of other pemda left out; choose with --pemda).` : "",
          `  bidang covered: ${c.coveredBidang().length}.`,
          `  ${replaced ? "Replaced" : "Stored"}: ${file}`,
        ]
      : [
          `Daftar "${c.name}" diimpor: ${c.regulation}, untuk rencana mulai tahun ${c.year ?? "?"}${s.yearFromRegulation ? " (tahun peraturan + 1; ubah dengan --year)" : ""}.`,
          `  ${counts}.`,
          s.withMetadata > 0 ? `  kinerja/indikator/satuan pada ${n(s.withMetadata)} sub kegiatan.` : "  tanpa kinerja/indikator/satuan.",
          s.pemda ? `  pemda: ${s.pemda} (${n(s.skipped.otherPemda)} baris pemda lain dilewati; pilih dengan --pemda).` : "",
          `  bidang tercakup: ${c.coveredBidang().length}.`,
          `  ${replaced ? "Diganti" : "Disimpan"}: ${file}`,
        ];
  return `${lines.filter((l) => l !== "").join("\n")}\n`;
}

function listText(lang: Lang): string {
  const stored = storedCatalogues();
  const dir = catalogueDir();
  const rows = stored.map((c) => {
    const subs = c.entries.filter((e) => e.level === "subKegiatan").length;
    return `  ${c.name}\t${c.regulation}\t${c.year ?? "-"}\t${c.coveredBidang().length} bidang, ${formatCount(subs)} sub kegiatan`;
  });
  const builtin = `  ${BUILTIN_CATALOGUE.name}\t${BUILTIN_CATALOGUE.regulation}\t-\t${BUILTIN_CATALOGUE.coveredBidang().join(", ")} (${lang === "en" ? "built in, partial" : "bawaan, sebagian"})`;
  const head = lang === "en" ? `Nomenclature lists (${dir}):` : `Daftar nomenklatur (${dir}):`;
  const none = lang === "en" ? "  (none imported: renja catalogue import <file>)" : "  (belum ada yang diimpor: renja catalogue import <berkas>)";
  const rule =
    lang === "en"
      ? "check uses the newest list whose year is not after the plan year, else the built-in list."
      : "check memakai daftar terbaru yang tahunnya tidak melewati tahun rencana, selain itu daftar bawaan.";
  return `${[head, ...(rows.length > 0 ? rows : [none]), builtin, rule].join("\n")}\n`;
}
