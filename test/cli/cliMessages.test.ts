/**
 * The CLI's own texts now come from the message catalogue (cli.* keys). Pins, in both languages, the ones the
 * command-line runs of the other suites rarely reach (file-system errors, output targets, usage errors, internal
 * errors), so a template that drifts from what the CLI always printed fails here.
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "../../src/cli/args";
import { internalErrorMessage, unknownSheetMessage } from "../../src/cli/check";
import { helpText } from "../../src/cli/help";
import { fileError } from "../../src/cli/io";
import { assertOutputTarget, sameAsInputError } from "../../src/cli/outputFile";
import { notRegularFile, readRegularFile } from "../../src/cli/regularFile";
import { HostError } from "../../src/domain/host";
import { renderAll } from "../../src/domain/messages";
import type { SheetSnapshot } from "../../src/domain/sheet/snapshot";
import { tempDir } from "./cliHarness";

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function refusal(output: string, input: string): Promise<HostError> {
  try {
    await assertOutputTarget(output, input);
  } catch (e) {
    if (e instanceof HostError) return e;
    throw e;
  }
  throw new Error(`${output} was accepted`);
}

describe("file errors", () => {
  it.each([
    ["ENOENT", "not-found", "Berkas tidak ditemukan: a.xlsx. Periksa nama dan foldernya.", "File not found: a.xlsx. Check its name and folder."],
    ["EISDIR", "io", "a.xlsx adalah folder, bukan berkas. Sebutkan berkas .xlsx di dalamnya.", "a.xlsx is a folder, not a file. Name an .xlsx file inside it."],
    ["EACCES", "io", "Berkas a.xlsx tidak boleh dibaca atau ditulis oleh pengguna ini (izin akses).", "This user may not read or write the file a.xlsx (access permissions)."],
    ["EIO", "io", "Berkas a.xlsx tidak dapat dibaca atau ditulis (EIO).", "The file a.xlsx cannot be read or written (EIO)."],
    [undefined, "io", "Berkas a.xlsx tidak dapat dibaca atau ditulis.", "The file a.xlsx cannot be read or written."],
  ])("%s: %s", (code, kind, id, en) => {
    const e = fileError("a.xlsx", code);
    expect(e.code).toBe(kind);
    expect(e.messages).toEqual({ id, en });
  });

  it("names what a path is when it is no regular file", () => {
    expect(notRegularFile("/dev/zero", "character-device").messages).toEqual({
      id: "/dev/zero adalah perangkat (device), bukan berkas biasa; hanya berkas .xlsx yang tersimpan di disk yang dapat dibaca.",
      en: "/dev/zero is a device, not a regular file; only .xlsx files saved on disk can be read.",
    });
    expect(notRegularFile("p", "fifo").messages.en).toBe("p is a named pipe (FIFO), not a regular file; only .xlsx files saved on disk can be read.");
  });

  it("refuses a file over the limit, in whole megabytes", async () => {
    const big = path.join(dir, "big.xlsx");
    fs.writeFileSync(big, "xyz");
    await expect(readRegularFile(big, 1)).rejects.toMatchObject({
      code: "too-large",
      messages: {
        id: `Berkas ${big} terlalu besar (1 MB; paling besar 1 MB). Buku kerja Renja jauh lebih kecil: periksa apakah ini berkas yang dimaksud.`,
        en: `The file ${big} is too large (1 MB; at most 1 MB). Renja workbooks are far smaller: check that this is the intended file.`,
      },
    });
  });
});

describe("output targets", () => {
  it("refuses an empty name, a missing folder, a file as folder and a folder as output", async () => {
    expect((await refusal(" ", "in.xlsx")).messages).toEqual({ id: "Nama berkas keluaran (-o) kosong.", en: "The output file name (-o) is empty." });
    const missing = path.join(dir, "nope");
    expect((await refusal(path.join(missing, "out.xlsx"), "in.xlsx")).messages).toEqual({
      id: `Folder keluaran tidak ada: ${missing}. Buat foldernya dulu, atau pilih folder lain untuk -o.`,
      en: `The output folder does not exist: ${missing}. Create it first, or choose another folder for -o.`,
    });
    const file = path.join(dir, "plain.txt");
    fs.writeFileSync(file, "x");
    const under = path.join(file, "out.xlsx");
    expect((await refusal(under, "in.xlsx")).messages).toEqual({
      id: `${file} bukan folder, sehingga ${under} tidak dapat ditulis.`,
      en: `${file} is not a folder, so ${under} cannot be written.`,
    });
    expect((await refusal(dir, "in.xlsx")).messages).toEqual({
      id: `${dir} adalah folder. Sebutkan nama berkas .xlsx untuk -o.`,
      en: `${dir} is a folder. Name an .xlsx file for -o.`,
    });
  });

  it("refuses the input's corrections file and the input itself", async () => {
    const input = path.join(dir, "in.xlsx");
    const sidecar = `${input}.renja.json`;
    expect((await refusal(sidecar, input)).messages.en).toBe(
      `The output file ${sidecar} is the mapping corrections file ${sidecar} of the input; your corrections are never overwritten: choose another .xlsx name for -o. Nothing was written.`,
    );
    expect(sameAsInputError("b.xlsx", "a.xlsx").messages).toEqual({
      id: "Berkas keluaran b.xlsx adalah berkas masukan a.xlsx itu sendiri (nama lain, tautan, atau tautan keras). Berkas masukan tidak pernah ditimpa: pilih nama lain untuk -o. Tidak ada yang ditulis.",
      en: "The output file b.xlsx is the input file a.xlsx itself (another name, a link or a hard link). The input file is never overwritten: choose another name for -o. Nothing was written.",
    });
  });
});

describe("usage errors", () => {
  const usage = (argv: string[]) => {
    const command = parseArgs(argv);
    if (command.kind !== "usage-error") throw new Error(`${argv.join(" ")} parsed as ${command.kind}`);
    return renderAll(command.message);
  };

  it.each([
    [["check", "--lang", "fr"], 'Bahasa "fr" tidak dikenal; gunakan --lang id atau --lang en.', 'Unknown language "fr"; use --lang id or --lang en.'],
    [["check", "--sheet"], "Opsi --sheet memerlukan nilai.", "The option --sheet needs a value."],
    [[], "Perintah belum diberikan.", "No command given."],
    [["frobnicate"], "Perintah tidak dikenal: frobnicate", "Unknown command: frobnicate"],
    [["check", "a.xlsx", "--mode", "values"], "Opsi --mode tidak berlaku untuk check.", "The option --mode does not apply to check."],
    [["check", "a.xlsx", "--max", "many"], "--max memerlukan bilangan bulat 0 atau lebih (diberikan: many).", "--max needs a whole number, 0 or more (given: many)."],
    [["recompute", "a.xlsx", "-o", "b.xlsx", "--mode", "sums"], 'Mode "sums" tidak dikenal; gunakan --mode formulas atau --mode values.', 'Unknown mode "sums"; use --mode formulas or --mode values.'],
    [["diff", "a.xlsx"], "Sebutkan dua berkas: renja diff <semula.xlsx> <menjadi.xlsx>.", "Name two files: renja diff <old.xlsx> <new.xlsx>."],
    [["generate", "tabel-3.3", "a.xlsx", "-o", "b.xlsx", "--order", "odd"], 'Urutan "odd" tidak dikenal; gunakan --order official atau --order seed.', 'Unknown order "odd"; use --order official or --order seed.'],
  ])("%j", (argv, id, en) => {
    expect(usage(argv)).toEqual({ id, en });
  });

  it("names the generators and the table given", () => {
    const { id, en } = usage(["generate", "tabel-9", "a.xlsx", "-o", "b.xlsx"]);
    expect(id).toMatch(/^Sebutkan tabel yang dibuat: renja generate tabel-3\.3\|\S+ <masukan\.xlsx> -o <keluaran\.xlsx> \(diberikan: tabel-9\)\.$/);
    expect(en).toMatch(/^Name the table to generate: renja generate tabel-3\.3\|\S+ <in\.xlsx> -o <out\.xlsx> \(given: tabel-9\)\.$/);
    expect(usage(["generate"]).en).not.toContain("given");
  });
});

describe("check's own messages", () => {
  it("names the sheets a workbook has when --sheet names another", () => {
    const sheets = [{ name: "Tabel 7" }, { name: "Rekap" }] as SheetSnapshot[];
    expect(renderAll(unknownSheetMessage("Tabel 3.3", sheets))).toEqual({
      id: 'Lembar "Tabel 3.3" tidak ada di buku kerja. Lembar yang ada: "Tabel 7", "Rekap".',
      en: 'The workbook has no sheet named "Tabel 3.3". Its sheets are: "Tabel 7", "Rekap".',
    });
  });

  it("says an internal error plainly, its first line only", () => {
    expect(renderAll(internalErrorMessage(new Error("boom\nRequire stack: x")))).toEqual({
      id: "pemeriksaan terhenti karena kesalahan internal (boom). Mohon laporkan, sertakan berkasnya bila bisa; RENJA_DEBUG=1 menampilkan rinciannya.",
      en: "an internal error stopped the check (boom). Please report it with the file if you can; RENJA_DEBUG=1 shows the details.",
    });
  });
});

describe("help", () => {
  it("is the blocks of the catalogue, the JSON shape and the generators filled in", () => {
    for (const lang of ["id", "en"] as const) {
      const text = helpText(lang);
      expect(text).toContain("{ file, tables, findings }");
      expect(text).toMatch(/renja generate tabel-3\.3\|\S+ </);
      expect(text).not.toMatch(/\{\w+\}/);
      expect(text.endsWith("2 bila tidak (pesan di stderr).\n") || text.endsWith("printed, 2 when not (message on stderr).\n")).toBe(true);
    }
  });
});
