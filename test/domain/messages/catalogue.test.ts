/**
 * Issue 14 items 5 and 6: one catalogue, a pack per language holding every key with the parameters the catalogue
 * declares (the compiler checks the same through CheckedPack; this test states it for a reader and for a pack
 * added without the type), and values shown by their type.
 */
import Decimal from "decimal.js";
import { LANGS, MessageSpec, isLang, PACKS, formatAmount, msg, percent, placeholderNames, render, text, type MessageKey, type Value } from "../../../src/domain/messages";
import { showFindingActual, showFindingValue } from "../../../src/domain/findings";
import { toHostError } from "../../../src/office/errors";
import { sampleValue } from "../../support/messageSamples";
import { notXlsxError, tooLargeError } from "../../../src/xlsx/hostErrors";

const keys = Object.keys(MessageSpec) as MessageKey[];

describe("the message catalogue", () => {
  it("has a pack per language, each holding exactly the catalogue's keys", () => {
    for (const lang of LANGS) expect(Object.keys(PACKS[lang]).sort()).toEqual([...keys].sort());
  });

  it("knows its languages in one place: LANGS decides what --lang, a stored choice and Office's language may be", () => {
    for (const lang of LANGS) expect(isLang(lang)).toBe(true);
    for (const other of ["fr", "ID", "", null, undefined]) expect(isLang(other)).toBe(false);
  });

  it("gives every key, in every pack, a template naming exactly the declared parameters", () => {
    const wrong: string[] = [];
    for (const lang of LANGS) {
      for (const key of keys) {
        const declared = Object.keys(MessageSpec[key]).sort();
        const named = placeholderNames(PACKS[lang][key]);
        if (JSON.stringify(declared) !== JSON.stringify(named)) wrong.push(`${lang} ${key}: declares ${declared.join(",")} but names ${named.join(",")}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("renders every key in every language with no placeholder left", () => {
    const sample: Record<string, Value> = {};
    for (const lang of LANGS) {
      for (const key of keys) {
        const params: Record<string, Value> = { ...sample };
        for (const [name, kind] of Object.entries(MessageSpec[key])) params[name] = sampleValue(kind as Value["kind"]);
        const text = render({ key, params } as never, lang);
        expect(text).not.toMatch(/\{\^?\w+(\|[^}]*)?\}/);
      }
    }
  });
});

describe("typed values (issue 14 item 5)", () => {
  it("writes amounts the Indonesian way in id and the English way in en", () => {
    expect(formatAmount("8399.475", "id")).toBe("8.399,475");
    expect(formatAmount("8399475", "id")).toBe("8.399.475");
    expect(formatAmount("8399.475", "en")).toBe("8,399.475");
    expect(formatAmount("-28633000", "en")).toBe("-28,633,000");
  });

  it("never groups a year, shows a cell's text as written and a formula with its =", () => {
    const year = { valueKind: "year" as const };
    expect(showFindingValue(year, "2026", "id")).toBe("2026");
    expect(showFindingActual({ written: "5.494,000", actual: "5494" }, "id")).toBe("5.494,000");
    expect(showFindingActual({ actual: "8399.475" }, "id")).toBe("8.399,475");
    expect(showFindingValue({ valueKind: "formula" }, "SUM(F6:F8)", "en")).toBe("=SUM(F6:F8)");
  });

  it("renders a year in a message without grouping and a count with the right English plural", () => {
    const m = msg("year.reason", { n: { kind: "year", value: 2025 }, meaning: { kind: "message", value: msg("year.meaning.N+1", {}) }, expected: { kind: "year", value: 2026 } });
    expect(render(m, "id")).toBe("N = 2025: prakiraan maju (N+1) = 2026");
    expect(render(msg("count.program", { n: { kind: "count", value: 1 } }), "en")).toBe("1 program");
    expect(render(msg("count.program", { n: { kind: "count", value: 5 } }), "en")).toBe("5 programs");
  });

  it("shows a percentage with the language's decimal mark, padded only where asked (one value type for diff and recompute)", () => {
    const diffShare = msg("cli.diff.percent", { value: percent(new Decimal("0.4999"), 2, true) });
    expect(render(diffShare, "id")).toBe(" (0,50%)");
    expect(render(diffShare, "en")).toBe(" (0.50%)");
    const recomputeShare = (d: string) => msg("cli.recompute.percent", { sign: text("−"), value: percent(new Decimal(d), 1) });
    expect(render(recomputeShare("72.0996"), "id")).toBe(", −72,1 %");
    expect(render(recomputeShare("72.0996"), "en")).toBe(", −72.1 %");
    // Unpadded, a whole figure loses its zero decimal ("30", not "30,0").
    expect(render(recomputeShare("30.04"), "id")).toBe(", −30 %");
  });
});

describe("host errors from the catalogue", () => {
  it("carry their catalogue message and both texts rendered from it", () => {
    const office = toHostError({ code: "AccessDenied" });
    expect(office.ref?.key).toBe("office.protected");
    expect(office.messages).toEqual({ id: render(office.ref!, "id"), en: render(office.ref!, "en") });
    const big = tooLargeError("besar.xlsx", 3000 * 2 ** 20, 1024 * 2 ** 20);
    // A count of megabytes is written the language's way.
    expect(big.messages.id).toContain("3.000 MB");
    expect(big.messages.en).toContain("3,000 MB");
    const notWorkbook = notXlsxError("a.docx", msg("xlsx.sniff.docx", {}));
    expect(notWorkbook.messages.en).toBe("The file a.docx is not an Excel .xlsx workbook (a Word document, .docx). Open it in Excel, choose File > Save As > Excel Workbook (*.xlsx), and try again.");
    expect(notXlsxError("a.bin").messages.id).toBe("Berkas a.bin bukan buku kerja Excel .xlsx. Buka berkas di Excel, pilih File > Simpan Sebagai > Buku Kerja Excel (*.xlsx), lalu coba lagi.");
  });
});
