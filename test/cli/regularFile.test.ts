/** Only regular files are read: a FIFO, a device or a huge file is refused at once with a message, never a hang. */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { MAX_SIDECAR_FILE_BYTES, MAX_WORKBOOK_FILE_BYTES, readRegularFile } from "../../src/cli/regularFile";
import { FIXTURE_FILES, GENERATED_DIR } from "../fixtures/build-fixtures";
import { runCli, tempDir } from "./cliHarness";

const SEED = path.join(GENERATED_DIR, FIXTURE_FILES.seedAsPasted);

function fifoIn(dir: string, name: string): string {
  const file = path.join(dir, name);
  execFileSync("mkfifo", [file]);
  return file;
}

/** A sparse file: its size is what fstat says, without using the disk. */
function sparseFile(dir: string, name: string, bytes: number): string {
  const file = path.join(dir, name);
  fs.closeSync(fs.openSync(file, "w"));
  fs.truncateSync(file, bytes);
  return file;
}

describe("readRegularFile", () => {
  it("reads a regular file whole", async () => {
    const bytes = await readRegularFile(SEED, MAX_WORKBOOK_FILE_BYTES);
    expect(Buffer.from(bytes).equals(fs.readFileSync(SEED))).toBe(true);
  });

  it("refuses a FIFO without blocking on it", async () => {
    const fifo = fifoIn(tempDir(), "pipa.xlsx");
    await expect(readRegularFile(fifo, MAX_WORKBOOK_FILE_BYTES)).rejects.toMatchObject({
      code: "io",
      messages: { id: expect.stringContaining("pipa bernama (FIFO)"), en: expect.stringContaining("named pipe") },
    });
  });

  it("refuses character devices (/dev/zero would read forever, /dev/null reads nothing)", async () => {
    for (const device of ["/dev/zero", "/dev/null"])
      await expect(readRegularFile(device, MAX_WORKBOOK_FILE_BYTES)).rejects.toMatchObject({ messages: { en: expect.stringContaining("a device") } });
  });

  it("refuses a file over the cap before reading it", async () => {
    const big = sparseFile(tempDir(), "besar.xlsx", MAX_WORKBOOK_FILE_BYTES + 1);
    await expect(readRegularFile(big, MAX_WORKBOOK_FILE_BYTES)).rejects.toMatchObject({
      code: "too-large",
      messages: { id: expect.stringContaining("terlalu besar (257 MB; paling besar 256 MB)") },
    });
  });
});

describe("renja with inputs that are not regular files", () => {
  it("check /dev/zero and check on a FIFO exit 2 with a message", async () => {
    const zero = await runCli(["check", "/dev/zero"]);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain("/dev/zero adalah perangkat (device), bukan berkas biasa");
    const fifo = await runCli(["check", fifoIn(tempDir(), "masukan.xlsx"), "--lang", "en"]);
    expect(fifo.code).toBe(2);
    expect(fifo.stderr).toContain("is a named pipe (FIFO), not a regular file");
  });

  it("a FIFO or an oversized sidecar is refused with a message naming it, not waited on or loaded", async () => {
    const dir = tempDir();
    const input = path.join(dir, "renja.xlsx");
    fs.copyFileSync(SEED, input);
    fifoIn(dir, "renja.xlsx.renja.json");
    const withFifo = await runCli(["check", input]);
    expect(withFifo.code).toBe(2);
    expect(withFifo.stderr).toContain("renja.xlsx.renja.json adalah pipa bernama (FIFO)");

    const dir2 = tempDir();
    const input2 = path.join(dir2, "renja.xlsx");
    fs.copyFileSync(SEED, input2);
    sparseFile(dir2, "renja.xlsx.renja.json", MAX_SIDECAR_FILE_BYTES + 1);
    const withHuge = await runCli(["check", input2, "--lang", "en"]);
    expect(withHuge.code).toBe(2);
    expect(withHuge.stderr).toContain("renja.xlsx.renja.json is too large");
  });
});
