/**
 * `renja catalogue import <file> [--regulation R] [--year N] [--name NAME] [--pemda kabkota|provinsi] [--replace]`,
 * `renja catalogue list`, `renja catalogue remove <name>`: the nomenclature lists `check` chooses from (the newest
 * whose year is not after the plan year; `check --catalogue FILE|NAME` overrides). Exit 0 when done, 2 when not.
 */
import { HostError } from "../domain/host";
import { count, msg, nested, render, text, year, type MessageRef } from "../domain/messages";
import { BUILTIN_CATALOGUE, Catalogue } from "../domain/nomenclature";
import type { ImportSummary } from "../domain/nomenclature/importList";
import { catalogueDir, readListFile, removeCatalogue, saveCatalogue, storedCatalogues } from "./catalogueStore";
import type { CliIo } from "./io";
import type { Lang } from "./lang";

export type CatalogueCommand =
  | { kind: "import"; lang: Lang; file: string; regulation?: string; year?: number; name?: string; pemda?: string; replace: boolean }
  | { kind: "list"; lang: Lang }
  | { kind: "remove"; lang: Lang; name: string }
  | { kind: "usage-error"; lang: Lang; message: MessageRef };

const VALUED = new Set(["--regulation", "--year", "--name", "--pemda", "--lang"]);

/** argv after "catalogue". */
export function parseCatalogueArgs(argv: readonly string[]): CatalogueCommand {
  const values = new Map<string, string>();
  const positional: string[] = [];
  let replace = false;
  let problem: MessageRef | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    if (VALUED.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) problem ??= msg("cli.args.needsValue", { option: text(name) });
      else values.set(name, value);
    } else if (arg === "--replace") replace = true;
    else if (arg.startsWith("-") && arg !== "-") problem ??= msg("cli.args.unknownOption", { option: text(arg) });
    else positional.push(arg);
  }
  const lang: Lang = values.get("--lang") === "en" ? "en" : "id";
  const usage = (message: MessageRef): CatalogueCommand => ({ kind: "usage-error", lang, message });
  if (problem) return { kind: "usage-error", lang, message: problem };
  const [sub, ...rest] = positional;
  if (sub === "list") return rest.length === 0 ? { kind: "list", lang } : usage(msg("cli.catalogue.listArgs", {}));
  if (sub === "remove") {
    return rest.length === 1 ? { kind: "remove", lang, name: rest[0] } : usage(msg("cli.catalogue.removeWhat", {}));
  }
  if (sub === "import") {
    if (rest.length !== 1) return usage(msg("cli.catalogue.importWhat", {}));
    const yearText = values.get("--year");
    const planYear = yearText !== undefined ? Number(yearText) : undefined;
    if (yearText !== undefined && !(Number.isInteger(planYear) && planYear! >= 2000 && planYear! <= 2100)) return usage(msg("cli.catalogue.badYear", { year: text(yearText) }));
    return { kind: "import", lang, file: rest[0], regulation: values.get("--regulation"), year: planYear, name: values.get("--name"), pemda: values.get("--pemda"), replace };
  }
  return usage(msg("cli.catalogue.use", {}));
}

export async function runCatalogue(cmd: CatalogueCommand, io: CliIo): Promise<number> {
  const t = (m: MessageRef) => render(m, cmd.lang);
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
          io.stderr(`renja: ${t(msg("cli.catalogue.notStored", { name: text(cmd.name) }))}\n`);
          return 2;
        }
        io.stdout(`${t(msg("cli.catalogue.removed", { name: text(cmd.name) }))}\n`);
        return 0;
      case "import": {
        const result = await readListFile(cmd.file, { regulation: cmd.regulation, year: cmd.year, name: cmd.name, pemda: cmd.pemda });
        for (const w of result.warnings) io.stderr(`${t(msg("cli.catalogue.note", { note: nested(w.message) }))}\n`);
        if (!result.ok) {
          io.stderr(`renja: ${t(msg("cli.catalogue.refused", { file: text(cmd.file) }))}\n`);
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
  const n = s.counts;
  const lines: MessageRef[] = [
    msg("cli.catalogue.imported", {
      name: text(c.name),
      regulation: text(c.regulation),
      year: nested(c.year !== undefined ? msg("cli.catalogue.year", { year: year(c.year) }) : msg("cli.catalogue.noYear", {})),
      fromRegulation: nested(s.yearFromRegulation ? msg("cli.catalogue.yearFromRegulation", {}) : msg("empty", {})),
    }),
    msg("cli.catalogue.counts", { urusan: count(n.urusan), bidang: count(n.bidang), program: count(n.program), kegiatan: count(n.kegiatan), sub: count(n.subKegiatan) }),
    s.withMetadata > 0 ? msg("cli.catalogue.withMeta", { n: count(s.withMetadata) }) : msg("cli.catalogue.noMeta", {}),
    ...(s.pemda ? [msg("cli.catalogue.pemda", { pemda: text(s.pemda), n: count(s.skipped.otherPemda) })] : []),
    msg("cli.catalogue.covered", { n: count(c.coveredBidang().length) }),
    msg(replaced ? "cli.catalogue.replaced" : "cli.catalogue.stored", { file: text(file) }),
  ];
  // the first line says what was imported; the details below it are indented
  return `${lines.map((l, i) => `${i === 0 ? "" : "  "}${render(l, lang)}`).join("\n")}\n`;
}

function listText(lang: Lang): string {
  const stored = storedCatalogues();
  const dir = catalogueDir();
  // name, regulation, year and coverage, tab-separated so the columns can be read by a script
  const rows = stored.map((c) => {
    const subs = c.entries.filter((e) => e.level === "subKegiatan").length;
    return `  ${c.name}\t${c.regulation}\t${c.year ?? "-"}\t${render(msg("cli.catalogue.listCoverage", { bidang: count(c.coveredBidang().length), sub: count(subs) }), lang)}`;
  });
  const builtin = `  ${BUILTIN_CATALOGUE.name}\t${BUILTIN_CATALOGUE.regulation}\t-\t${render(msg("cli.catalogue.builtin", { bidang: text(BUILTIN_CATALOGUE.coveredBidang().join(", ")) }), lang)}`;
  const head = render(msg("cli.catalogue.listHead", { dir: text(dir) }), lang);
  const none = `  ${render(msg("cli.catalogue.none", {}), lang)}`;
  const rule = render(msg("cli.catalogue.rule", {}), lang);
  return `${[head, ...(rows.length > 0 ? rows : [none]), builtin, rule].join("\n")}\n`;
}
