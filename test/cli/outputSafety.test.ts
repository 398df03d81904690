/**
 * The output never lands on the input: every name that reaches the input file is refused with the input
 * unchanged, a missing folder is named as such, and an interrupted write (kill -9) leaves no partial file at -o.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { FIXTURE_FILES, GENERATED_DIR } from "../fixtures/build-fixtures";
import { runCli, STACK_TRACE, tempDir } from "./cliHarness";

const seed = fs.readFileSync(path.join(GENERATED_DIR, FIXTURE_FILES.seedAsPasted));

function setUp(): { dir: string; input: string } {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, "work"));
  const input = path.join(dir, "work", "in.xlsx");
  fs.writeFileSync(input, seed);
  return { dir, input };
}

const COMMANDS: { name: string; args: (input: string, output: string) => string[] }[] = [
  { name: "fix-numbers", args: (i, o) => ["fix-numbers", i, "-o", o] },
  { name: "recompute", args: (i, o) => ["recompute", i, "-o", o] },
  { name: "generate", args: (i, o) => ["generate", "tabel-3.3", i, "-o", o] },
];

const ALIASES: { name: string; output: (dir: string, input: string) => string }[] = [
  { name: "./in.xlsx from the input's folder", output: () => "./in.xlsx" },
  { name: "the absolute path", output: (_d, input) => path.resolve(input) },
  { name: "../work/in.xlsx", output: () => "../work/in.xlsx" },
  {
    name: "a symbolic link to the input",
    output: (dir, input) => {
      const link = path.join(dir, "link.xlsx");
      fs.symlinkSync(input, link);
      return link;
    },
  },
  {
    name: "a hard link to the input",
    output: (dir, input) => {
      const link = path.join(dir, "hard.xlsx");
      fs.linkSync(input, link);
      return link;
    },
  },
];

describe("-o never reaches the input", () => {
  const cwd = process.cwd();
  afterEach(() => process.chdir(cwd));

  for (const command of COMMANDS) {
    for (const alias of ALIASES) {
      it(`${command.name} refuses ${alias.name} (exit 2, input unchanged)`, async () => {
        const { dir, input } = setUp();
        const output = alias.output(dir, input);
        process.chdir(path.join(dir, "work"));
        const before = fs.statSync(input);
        const run = await runCli(command.args("in.xlsx", output));
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/adalah berkas masukan .* itu sendiri .*Berkas masukan tidak pernah ditimpa/);
        expect(run.stderr).not.toMatch(STACK_TRACE);
        expect(Buffer.compare(fs.readFileSync(input), seed)).toBe(0);
        expect(fs.statSync(input).mtimeMs).toBe(before.mtimeMs);
        expect(fs.readdirSync(path.join(dir, "work"))).toEqual(["in.xlsx"]);
      });
    }
  }

  it.each(COMMANDS)("$name refuses -o naming the input's corrections file (in.xlsx.renja.json), which stays as it was", async (command) => {
    const { dir, input } = setUp();
    const sidecar = `${input}.renja.json`;
    const corrections = JSON.stringify({ version: 1, levels: { "Tabel 3.3": { 12: "program" } } });
    fs.writeFileSync(sidecar, corrections);
    process.chdir(path.join(dir, "work"));
    const run = await runCli(command.args("in.xlsx", "in.xlsx.renja.json"));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/berkas koreksi pemetaan .* koreksi Anda tidak pernah ditimpa/);
    expect(fs.readFileSync(sidecar, "utf8")).toBe(corrections);
    expect(fs.readdirSync(path.join(dir, "work")).sort()).toEqual(["in.xlsx", "in.xlsx.renja.json"]);
  });

  it("names the missing folder when -o points into one (and says so in English with --lang en)", async () => {
    const { dir, input } = setUp();
    const missing = path.join(dir, "no-such-folder");
    const run = await runCli(["recompute", input, "-o", path.join(missing, "out.xlsx")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Folder keluaran tidak ada: ${missing}.`);
    const en = await runCli(["generate", "tabel-3.3", input, "-o", path.join(missing, "out.xlsx"), "--lang", "en"]);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`The output folder does not exist: ${missing}.`);
  });

  it("replaces an existing output whole, through a temporary file that does not stay behind", async () => {
    const { dir, input } = setUp();
    const out = path.join(dir, "out.xlsx");
    fs.writeFileSync(out, "an older output");
    const run = await runCli(["fix-numbers", input, "-o", out]);
    expect(run.code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    expect(fs.readdirSync(dir).sort()).toEqual(["out.xlsx", "work"]);
  });
});

describe("an interrupted write", () => {
  it("kill -9 while the output is being written leaves no file at -o (the previous output stays whole)", async () => {
    const dir = tempDir();
    const target = path.join(dir, "out.xlsx");
    fs.writeFileSync(target, "previous output");
    const size = 96 << 20;
    const script = `require(${JSON.stringify(path.resolve(__dirname, "../../src/cli/outputFile.ts"))}).writeFileAtomic(${JSON.stringify(target)}, new Uint8Array(${size}).fill(7));`;
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], { cwd: path.resolve(__dirname, "../.."), stdio: "ignore" });
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    let partial: string | undefined;
    for (let i = 0; i < 60000 && partial === undefined; i++) {
      const temp = fs.readdirSync(dir).find((n) => n.endsWith(".renja-tmp"));
      if (temp) {
        const written = fs.statSync(path.join(dir, temp)).size;
        if (written > 0 && written < size) partial = temp;
      }
      if (partial === undefined) await new Promise((r) => setTimeout(r, 1));
    }
    child.kill("SIGKILL");
    await exited;
    // The kill came while the temporary file was partly written; -o still holds the previous output.
    expect(partial).toBeDefined();
    expect(fs.readFileSync(target, "utf8")).toBe("previous output");
  }, 60000);
});
