/**
 * `renja generate perubahan <menjadi.xlsx> --original <semula.xlsx> -o out.xlsx` on the seed and its revision,
 * both layouts: the sheet is added to a copy of the revised workbook, both inputs stay as they were, and
 * `renja check` maps the new sheet as a Tabel Perubahan without an error.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import type { Finding } from "../../src/domain/findings";
import { generatePerubahan, writePair, type Layout } from "../support/perubahanFiles";
import { runCli, tempDir } from "./cliHarness";

const SHEET = "Tabel Perubahan (Renja Cermat)";
const sha = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

describe.each<Layout>(["kode-empty", "kode-filled"])("renja generate perubahan, %s", (layout) => {
  const dir = tempDir();
  let out: Awaited<ReturnType<typeof generatePerubahan>>;
  let hashes: string[];
  beforeAll(async () => {
    const pair = await writePair(dir, layout);
    hashes = [sha(pair.original), sha(pair.revised)];
    out = await generatePerubahan(dir, layout);
  });

  it("adds the sheet to a copy of the revised workbook and says what it compared", () => {
    expect([out.run.code, out.run.stderr]).toEqual([0, ""]);
    expect(out.run.stdout).toContain(`Tabel Perubahan ditambahkan sebagai lembar '${SHEET}' di ${out.output}`);
    expect(out.run.stdout).toContain("- 3 baris ditambah, 2 dihapus, 1 berganti nama; jumlah pagu semula 4.990.624.675, menjadi 4.966.907.025 (-23.717.650).\n");
    expect([sha(out.original), sha(out.revised)]).toEqual(hashes);
  });

  it("is mapped by renja check as a Tabel Perubahan with every row, and has no error", async () => {
    const run = await runCli(["check", out.output, "--json", "--sheet", SHEET]);
    const json = JSON.parse(run.stdout) as { tables: Array<{ kind: string; year: number; counts: unknown; columns: Record<string, string> }>; findings: Finding[] };
    expect(json.tables.map((t) => [t.kind, t.year, t.counts])).toEqual([["tabel-perubahan", 2025, { program: 6, kegiatan: 15, subKegiatan: 39 }]]);
    expect(json.tables[0].columns).toEqual({ kode: "A", uraian: "B", indikator: "C", targetSemula: "D", targetMenjadi: "E", paguSemula: "F", paguMenjadi: "G", selisihRp: "H", selisihPersen: "I", catatan: "J" });
    expect(json.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("renja generate perubahan, usage", () => {
  it("needs --original, and --original belongs to perubahan only", async () => {
    const dir = tempDir();
    const missing = await runCli(["generate", "perubahan", "a.xlsx", "-o", `${dir}/o.xlsx`]);
    expect([missing.code, missing.stderr.split("\n")[0]]).toEqual([2, "renja: Sebutkan buku kerja semula: renja generate perubahan <menjadi.xlsx> --original <semula.xlsx> -o <keluaran.xlsx>."]);
    const foreign = await runCli(["generate", "tabel-3.3", "a.xlsx", "--original", "b.xlsx", "-o", `${dir}/o.xlsx`]);
    expect(foreign.stderr.split("\n")[0]).toBe("renja: Opsi --original hanya untuk perubahan.");
    const order = await runCli(["generate", "perubahan", "a.xlsx", "--original", "b.xlsx", "--order", "seed", "-o", `${dir}/o.xlsx`]);
    expect(order.stderr.split("\n")[0]).toBe("renja: Opsi --order hanya untuk tabel-3.3.");
  });
});
