import Decimal from "decimal.js";
import { seedTables } from "../../support/seed";
import { chooseRepair, parseAmountText, plainDecimal, type AmountReading } from "../../../src/domain/numbers";

const tables = seedTables();
/** Body rows below the two header rows and the column-number row ("1 2 3 … 10"). */
const DATA_FROM = 3;
const PAGU_N = 5;
const PAGU_N1 = 9;

function column(body: string[][], col: number): { index: number; text: string }[] {
  return body.slice(DATA_FROM).map((row, i) => ({ index: i + DATA_FROM, text: row[col] ?? "" }));
}

function malformed(cells: { text: string }[]): { text: string; slip?: string; repair?: string }[] {
  return cells
    .map(({ text }) => ({ text, r: parseAmountText(text) }))
    .filter(({ r }) => r.status !== "text-number" && r.status !== "empty")
    .map(({ text, r }) => ({ text, status: r.status, slip: r.slip, repair: firstCandidate(r) }));
}

function firstCandidate(r: AmountReading): string | undefined {
  const c = chooseRepair(r);
  return c ? plainDecimal(c) : undefined;
}

describe("the seed's money columns (DOMAIN.md §7)", () => {
  it("checks the column layout this test relies on", () => {
    expect(tables.tabel33.body[2][PAGU_N]).toBe("6");
    expect(tables.tabel33.body[2][PAGU_N1]).toBe("10");
    expect(tables.tabel7.body[2][PAGU_N]).toBe("6");
  });

  it("finds exactly the ten malformed amounts in Tabel 3.3's pagu N, read as thousands groups", () => {
    expect(malformed(column(tables.tabel33.body, PAGU_N))).toEqual([
      { text: "4.765,000", status: "malformed", slip: "mixed-separators", repair: "4765000" },
      { text: "13.729,700", status: "malformed", slip: "mixed-separators", repair: "13729700" },
      { text: "10.380,000", status: "malformed", slip: "mixed-separators", repair: "10380000" },
      { text: "177.680,000", status: "malformed", slip: "mixed-separators", repair: "177680000" },
      { text: "188.148,000", status: "malformed", slip: "mixed-separators", repair: "188148000" },
      { text: "68.050,0000", status: "malformed", slip: "extra-digit", repair: "68050000" },
      { text: "607.873,956", status: "malformed", slip: "mixed-separators", repair: "607873956" },
      { text: "30.016,000", status: "malformed", slip: "mixed-separators", repair: "30016000" },
      { text: "48.247,956", status: "malformed", slip: "mixed-separators", repair: "48247956" },
      { text: "41,400,0000", status: "malformed", slip: "extra-digit", repair: "41400000" },
    ]);
  });

  it("reads every other amount of Tabel 3.3 (N and N+1) and Tabel 7 as a well-formed number or empty", () => {
    expect(malformed(column(tables.tabel33.body, PAGU_N1))).toEqual([]);
    expect(malformed(column(tables.tabel7.body, PAGU_N))).toEqual([]);
    const statuses = new Set(
      [...column(tables.tabel33.body, PAGU_N1), ...column(tables.tabel7.body, PAGU_N)].map((c) => parseAmountText(c.text).status),
    );
    expect([...statuses].sort()).toEqual(["empty", "text-number"]);
    expect(parseAmountText(tables.tabel33.body[21][PAGU_N])).toMatchObject({ raw: "-", status: "empty" });
  });

  it("finds the malformed amounts of Tabel 2.1 and Tabel 2.3 (every cell scanned; established by script)", () => {
    const scan = (body: string[][]) =>
      body.flatMap((row, r) =>
        row
          .map((text, c) => ({ at: `${r}:${c}`, text, reading: parseAmountText(text) }))
          .filter(({ reading }) => reading.status === "malformed")
          .map(({ at, text, reading }) => ({ at, text, slip: reading.slip, repair: firstCandidate(reading) })),
      );
    expect(scan(tables.tabel21.body)).toEqual([
      { at: "4:13", text: "5.494,000", slip: "mixed-separators", repair: "5494000" },
      { at: "24:6", text: "36.280,500", slip: "mixed-separators", repair: "36280500" },
      { at: "68:9", text: "70.500.00", slip: "missing-digit", repair: "70500000" },
      { at: "71:11", text: "29.352,568", slip: "mixed-separators", repair: "29352568" },
    ]);
    expect(scan(tables.tabel23.body)).toEqual([
      { at: "3:10", text: "4.841,963,425", slip: "mixed-separators", repair: "4841963425" },
      { at: "11:10", text: "2.884,804,818", slip: "mixed-separators", repair: "2884804818" },
      { at: "23:5", text: "6.693,005", slip: "mixed-separators", repair: "6693005" },
      { at: "45:10", text: "19,310,00", slip: "missing-digit", repair: "19310000" },
    ]);
  });

  it("reads the totals and the narrative's amount", () => {
    const total = tables.tabel33.body[tables.tabel33.body.length - 1];
    expect(plainDecimal(value(total[PAGU_N]))).toBe("4990894675");
    expect(plainDecimal(value(total[PAGU_N1]))).toBe("5253625474");
    const stated = /Rp\.\s*[\d.,]+,-/.exec(tables.tabel7.narrative ?? "");
    expect(stated && plainDecimal(value(stated[0]))).toBe("4990894675");
  });

  it("repairs that the parents need are among the candidates (the real sums of Tabel 3.3, N)", () => {
    const body = tables.tabel33.body;
    // Parent row -> its children rows, as the seed's hierarchy has them (DOMAIN.md §7).
    const families: [number, number[]][] = [
      [18, [19, 21, 22, 23, 24, 25, 26]], // Administrasi Umum Perangkat Daerah
      [27, [28]], // Pengadaan Barang Milik Daerah …
      [29, [30, 31, 33, 34]], // Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah
      [48, [49, 50]], // Kegiatan Pemberdayaan Kelurahan
    ];
    for (const [parent, children] of families) {
      // The Jasa Penunjang parent is itself malformed ("607.873,956"): its most plausible reading stands.
      const stated = repairedOrValue(parseAmountText(body[parent][PAGU_N]));
      const readings = children.map((row) => parseAmountText(body[row][PAGU_N]));
      const sumOfRepaired = readings.reduce((sum, r, i) => {
        const others = readings.reduce((s, o, j) => (j === i ? s : s.plus(repairedOrValue(o))), new Decimal(0));
        const needed = stated.minus(others);
        return sum.plus(r.status === "malformed" ? (chooseRepair(r, needed) ?? new Decimal(0)) : repairedOrValue(r));
      }, new Decimal(0));
      expect(`${body[parent][1]}: ${plainDecimal(sumOfRepaired)}`).toBe(`${body[parent][1]}: ${plainDecimal(stated)}`);
    }
  });
});

function value(text: string): Decimal {
  const r = parseAmountText(text);
  if (!r.value) throw new Error(`no amount in ${text}`);
  return r.value;
}

function repairedOrValue(r: AmountReading): Decimal {
  return (r.status === "malformed" ? chooseRepair(r) : r.value) ?? new Decimal(0);
}
