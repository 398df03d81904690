/**
 * The EncryptionInfo verifier on real encrypted workbooks (../shared/corpus): Excel's default password opens
 * apache/poi's protect.xlsx and 58616.xlsx and no other; each password file opens with its own known password,
 * which shows the Standard and Agile checks really derive the key rather than always saying "wrong".
 */
import * as fs from "fs";
import * as path from "path";
import { checkPassword, EXCEL_DEFAULT_PASSWORD } from "../../src/xlsx/encryptionInfo";
import { encryptedXlsxBytes } from "../fixtures/badInputs";

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
