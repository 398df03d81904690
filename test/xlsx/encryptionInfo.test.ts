/**
 * The EncryptionInfo verifier on real encrypted workbooks (../shared/corpus): Excel's default password opens
 * apache/poi's protect.xlsx and 58616.xlsx and no other; each password file opens with its own known password,
 * which shows the Standard and Agile checks really derive the key rather than always saying "wrong".
 */
import * as fs from "fs";
import * as path from "path";
import { checkPassword, EXCEL_DEFAULT_PASSWORD } from "../../src/xlsx/encryptionInfo";
import { sniffEncryptedWorkbook } from "../../src/xlsx/sniff";
import { encryptedXlsxBytes } from "../fixtures/badInputs";
import { agileEncrypted, standardEncrypted } from "./encryptedWorkbooks";

const CORPUS = path.resolve(__dirname, "..", "..", "..", "shared", "corpus");
const present = fs.existsSync(CORPUS);
if (!present) console.warn(`SKIPPED: the real encrypted workbooks need ${CORPUS}.`);

const read = (file: string) => new Uint8Array(fs.readFileSync(path.join(CORPUS, file)));

(present ? describe : describe.skip)("checkPassword on Office's encrypted workbooks", () => {
  it.each(["poi/test-data/poifs/protect.xlsx", "poi/test-data/spreadsheet/58616.xlsx"])(
    "%s (Standard encryption) opens with Excel's default password",
    async (file) => {
      expect(await checkPassword(read(file), EXCEL_DEFAULT_PASSWORD)).toBe("opens");
      expect(await checkPassword(read(file), "velvetsweatshop")).toBe("wrong");
    },
  );

  // Passwords as the files' sources document them (apache/poi and tika tests; calamine's is not published).
  it.each([
    ["poi/test-data/poifs/extenxls_pwd123.xlsx", "pwd123"],
    ["poi/test-data/spreadsheet/protected_passtika.xlsx", "tika"],
    ["poi/test-data/poifs/protected_sha512.xlsx", "this is a test"],
    ["calamine/tests/pass_protected.xlsx", undefined],
  ])("%s needs its own password, not the default one", async (file, password) => {
    expect(await checkPassword(read(file), EXCEL_DEFAULT_PASSWORD)).toBe("wrong");
    if (password) expect(await checkPassword(read(file), password)).toBe("opens");
  });
});

describe("checkPassword on streams it cannot judge", () => {
  it("says unknown for an Agile EncryptionInfo without a password key encryptor, and for a file that is not CFB", async () => {
    expect(await checkPassword(encryptedXlsxBytes(), EXCEL_DEFAULT_PASSWORD)).toBe("unknown");
    expect(await checkPassword(new TextEncoder().encode("bukan berkas"), EXCEL_DEFAULT_PASSWORD)).toBe("unknown");
  });
});

describe("checkPassword on envelopes built with Node's crypto (no corpus needed)", () => {
  it.each([
    ["Standard", standardEncrypted],
    ["Agile", agileEncrypted],
  ])("%s: the password it was made with opens it, another does not", async (_kind, make) => {
    expect(await checkPassword(make(EXCEL_DEFAULT_PASSWORD), EXCEL_DEFAULT_PASSWORD)).toBe("opens");
    expect(await checkPassword(make("rahasia"), EXCEL_DEFAULT_PASSWORD)).toBe("wrong");
    expect(await checkPassword(make("rahasia"), "rahasia")).toBe("opens");
  });

  it("sniffEncryptedWorkbook refuses each with its own message, and lets a non-encrypted file through", async () => {
    await expect(sniffEncryptedWorkbook(standardEncrypted(EXCEL_DEFAULT_PASSWORD), "a.xlsx")).rejects.toMatchObject({
      code: "encrypted",
      messages: { id: expect.stringContaining("hanya dengan perlindungan bawaan Excel"), en: expect.stringContaining("only with Excel's built-in protection") },
    });
    await expect(sniffEncryptedWorkbook(agileEncrypted("rahasia"), "b.xlsx")).rejects.toMatchObject({
      code: "encrypted",
      messages: { id: expect.stringContaining("b.xlsx terenkripsi dengan kata sandi."), en: expect.stringContaining("encrypted with a password") },
    });
    await expect(sniffEncryptedWorkbook(encryptedXlsxBytes(), "c.xlsx")).rejects.toMatchObject({
      messages: { id: expect.stringContaining("terenkripsi: dengan kata sandi, atau dengan perlindungan bawaan Excel") },
    });
    await expect(sniffEncryptedWorkbook(new TextEncoder().encode("PK"), "d.xlsx")).resolves.toBeUndefined();
  });

  it("an Agile spin count past MS-OFFCRYPTO's cap of 10,000,000 is not run (unknown, at once)", async () => {
    // Same length in place, so the CFB stream size still holds: 100 rounds become 100,000,000.
    const text = Buffer.from(agileEncrypted(EXCEL_DEFAULT_PASSWORD, 100)).toString("latin1").replace('spinCount="100"', 'spinCount="1e8"');
    const started = Date.now();
    expect(await checkPassword(new Uint8Array(Buffer.from(text, "latin1")), EXCEL_DEFAULT_PASSWORD)).toBe("unknown");
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
