/** The generated-sheet marker's text and its verdicts, host-independent (src/domain/generatedMarker.ts). */
import { contentFingerprint, markerFormula, markerText, parseMarker, verifyMarkedSheets, type MarkedSheet } from "../../src/domain/generatedMarker";

const CELLS = [
  { row: 1, col: 1, value: "TABEL 3.3" },
  { row: 8, col: 6, value: 4990624675, formula: "SUM(F9:F12)" },
  { row: 9, col: 6, value: 1200 },
];
const FP = contentFingerprint(CELLS);

function sheet(name: string, id: string, marker: string, cells = CELLS, incomplete = false): MarkedSheet {
  return { name, id, marker, incomplete, fingerprint: () => contentFingerprint(cells) };
}

describe("the generated-sheet marker", () => {
  it("reads back what is written, from a defined name's value or an Office formula", () => {
    expect(parseMarker(`"${markerText("tabel-3.3", "4", FP)}"`)).toEqual({ table: "tabel-3.3", id: "4", fp: FP });
    expect(parseMarker(markerFormula("tabel-2.1", "{00000000-0001-0000-0200-000000000000}", FP))).toEqual({ table: "tabel-2.1", id: "{00000000-0001-0000-0200-000000000000}", fp: FP });
    expect(parseMarker('="tabel-3.3"')).toEqual({ table: "tabel-3.3" });
    expect(parseMarker("=Sheet1!$A$1")).toBeUndefined();
  });

  it("fingerprints formulas by text (not their cached result) and constants by type", () => {
    expect(contentFingerprint([{ ...CELLS[1], value: 1 }, CELLS[0], CELLS[2]])).toBe(FP);
    expect(contentFingerprint([...CELLS, { row: 20, col: 2, value: "  " }, { row: 21, col: 2, value: null }])).toBe(FP);
    expect(contentFingerprint([CELLS[0], CELLS[1], { ...CELLS[2], value: "1200" }])).not.toBe(FP);
    expect(contentFingerprint([CELLS[0], CELLS[1], { ...CELLS[2], value: 1201 }])).not.toBe(FP);
  });

  it("accepts the sheet of its own id with its cells as written, and nothing else", () => {
    const marker = `"${markerText("tabel-3.3", "4", FP)}"`;
    expect(verifyMarkedSheets([sheet("A", "4", marker), sheet("B", "7", marker)]).map((v) => v.status)).toEqual(["generated", "copied"]);
    expect(verifyMarkedSheets([sheet("A", "4", marker, [CELLS[0]])])[0].status).toBe("edited");
    expect(verifyMarkedSheets([sheet("A", "4", '"tabel-3.3"')])[0].status).toBe("old");
    expect(verifyMarkedSheets([sheet("A", "4", marker, [CELLS[0]], true)])[0].status).toBe("incomplete");
  });

  it("takes a sheet marked by the other kind of host by its cells, unless another sheet carries the same id", () => {
    const fromCli = `="${markerText("tabel-3.3", "4", FP)}"`;
    expect(verifyMarkedSheets([sheet("A", "{guid-a}", fromCli)])[0].status).toBe("generated");
    expect(verifyMarkedSheets([sheet("A", "{guid-a}", fromCli, [CELLS[0]])])[0].status).toBe("edited");
    // Both hold the tool's cells: one is a copy, and which one cannot be told, so neither is the tool's.
    expect(verifyMarkedSheets([sheet("A", "{guid-a}", fromCli), sheet("B", "{guid-b}", fromCli)]).map((v) => v.status)).toEqual(["copied", "copied"]);
    // Incomplete is believed only with an id this host can compare.
    expect(verifyMarkedSheets([sheet("A", "{guid-a}", fromCli, [CELLS[0]], true)])[0].status).toBe("edited");
  });
});
