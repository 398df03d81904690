/**
 * The standalone page's previews say, before anything is written, that a digitally signed workbook's copy loses
 * its signature (as the CLI's write commands do, test/cli/signed.test.ts); an unsigned workbook gets no warning.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import fs from "fs";
import path from "path";
import { SIGNED_WORKBOOK_WARNING } from "../../src/domain/host";
import { renderAll } from "../../src/domain/messages";
import { PaneController } from "../../src/ui/controller";
import { defaultPlanners } from "../../src/ui/defaultPlanners";
import { domainEngine } from "../../src/ui/engine";
import { BrowserWorkbook } from "../../src/ui/standalone/browserWorkbook";

const SAMPLE = new Uint8Array(fs.readFileSync(path.join(__dirname, "..", "..", "seeds", "sample-renja-tomoni-2025.xlsx")));
const ORIGIN = "http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/origin";

function signed(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const rels = strFromU8(files["_rels/.rels"]).replace("</Relationships>", `<Relationship Id="rIdSig" Type="${ORIGIN}" Target="_xmlsignatures/origin.sigs"/></Relationships>`);
  return zipSync({ ...files, "_rels/.rels": strToU8(rels), "_xmlsignatures/origin.sigs": new Uint8Array(0), "_xmlsignatures/sig1.xml": strToU8('<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"/>') });
}

const store = () => ({ getItem: () => null, setItem: () => undefined });

async function previewSummary(bytes: Uint8Array, kind: "fixNumbers" | "recompute" | "generate33") {
  const controller = new PaneController(await BrowserWorkbook.open(bytes, "plan.xlsx", store(), () => undefined), domainEngine, defaultPlanners);
  await controller.validate();
  expect(await controller.preview(kind)).toBe(true);
  return controller.getState().preview?.summary ?? [];
}

describe("a signed workbook in the standalone page", () => {
  it.each(["fixNumbers", "recompute", "generate33"] as const)("the %s preview opens with the signature warning", async (kind) => {
    const summary = await previewSummary(signed(SAMPLE), kind);
    expect(summary[0]).toEqual(renderAll(SIGNED_WORKBOOK_WARNING));
    expect((await previewSummary(SAMPLE, kind)).some((m) => m.id.includes("ditandatangani"))).toBe(false);
  });
});
