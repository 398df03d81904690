/** A digitally signed workbook: the write commands say, before writing, that the copy loses its signature. */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import * as path from "path";
import { fixtureBytes } from "../xlsx/generateSheet";
import { runCli, tempDir, writeTemp } from "./cliHarness";

const ORIGIN = "http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/origin";

function signed(): Uint8Array {
  const files = unzipSync(fixtureBytes("seedAsPasted"));
  const rels = strFromU8(files["_rels/.rels"]).replace("</Relationships>", `<Relationship Id="rIdSig" Type="${ORIGIN}" Target="_xmlsignatures/origin.sigs"/></Relationships>`);
  return zipSync({
    ...files,
    "_rels/.rels": strToU8(rels),
    "_xmlsignatures/origin.sigs": new Uint8Array(0),
    "_xmlsignatures/sig1.xml": strToU8('<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"/>'),
  });
}

describe("a signed workbook", () => {
  it("fix-numbers warns in the preview and when writing; generate warns; an unsigned one gets no warning", async () => {
    const dir = tempDir();
    const file = writeTemp(dir, "signed.xlsx", signed());
    const preview = await runCli(["fix-numbers", file, "--dry-run"]);
    expect(preview.stdout).toMatch(/^Peringatan: buku kerja ini ditandatangani secara digital\./);
    const written = await runCli(["fix-numbers", file, "-o", path.join(dir, "out.xlsx"), "--lang", "en"]);
    expect(written.code).toBe(0);
    expect(written.stdout).toMatch(/^Warning: this workbook is digitally signed\.[^\n]*\n\d+ cells? changed/);
    const generated = await runCli(["generate", "tabel-3.3", file, "-o", path.join(dir, "gen.xlsx")]);
    expect(generated.stdout).toMatch(/^Peringatan: buku kerja ini ditandatangani/);
    const plain = writeTemp(dir, "plain.xlsx", fixtureBytes("seedAsPasted"));
    expect((await runCli(["fix-numbers", plain, "--dry-run"])).stdout).not.toMatch(/ditandatangani/);
  });
});
