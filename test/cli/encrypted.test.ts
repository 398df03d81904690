/**
 * `renja check` on real encrypted workbooks (../shared/corpus): a file Excel's default password opens is told to
 * save a plain copy; a file with a user password is told the password must be removed. Exit 2 both ways.
 */
import * as fs from "fs";
import * as path from "path";
import { runCli, STACK_TRACE } from "./cliHarness";

const CORPUS = path.resolve(__dirname, "..", "..", "..", "shared", "corpus");
const present = fs.existsSync(CORPUS);
if (!present) console.warn(`SKIPPED: the real encrypted workbooks need ${CORPUS}.`);

const DEFAULT_ID = /terenkripsi hanya dengan perlindungan bawaan Excel \(tanpa kata sandi pengguna\).*simpan salinan biasa tanpa kata sandi \(File > Simpan Sebagai/;
const DEFAULT_EN = /encrypted only with Excel's built-in protection \(no user password\).*save a plain copy without a password/;
const PASSWORD_ID = /terenkripsi dengan kata sandi\. .*hapus kata sandinya/;
const PASSWORD_EN = /encrypted with a password\. .*remove the password/;

(present ? describe : describe.skip)("renja check on encrypted workbooks", () => {
  it.each([
    ["poi/test-data/poifs/protect.xlsx", DEFAULT_ID, DEFAULT_EN],
    ["poi/test-data/spreadsheet/58616.xlsx", DEFAULT_ID, DEFAULT_EN],
    ["poi/test-data/poifs/extenxls_pwd123.xlsx", PASSWORD_ID, PASSWORD_EN],
    ["poi/test-data/spreadsheet/protected_passtika.xlsx", PASSWORD_ID, PASSWORD_EN],
    ["poi/test-data/poifs/protected_sha512.xlsx", PASSWORD_ID, PASSWORD_EN],
    ["calamine/tests/pass_protected.xlsx", PASSWORD_ID, PASSWORD_EN],
  ])("%s", async (file, idMessage, enMessage) => {
    const full = path.join(CORPUS, file);
    const id = await runCli(["check", full]);
    expect(id.code).toBe(2);
    expect(id.stderr).toMatch(idMessage);
    expect(id.stderr).toContain(full);
    expect(id.stderr).not.toMatch(idMessage === DEFAULT_ID ? PASSWORD_ID : DEFAULT_ID);
    expect(id.stderr).not.toMatch(STACK_TRACE);
    expect(id.stdout).toBe("");
    const en = await runCli(["check", full, "--lang", "en"]);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(enMessage);
  });
});
