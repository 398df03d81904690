import Decimal from "decimal.js";
import {
  chooseRepair,
  formatRupiah,
  parseAmountText,
  plainDecimal,
  readAmount,
  thousandfoldCandidates,
  type AmountReading,
} from "../../../src/domain/numbers";

const plain = (r: AmountReading) => ({
  status: r.status,
  value: r.value === null ? null : plainDecimal(r.value),
  slip: r.slip,
  candidates: r.candidates.map(plainDecimal),
});

describe("parseAmountText: well-formed text", () => {
  it.each([
    ["4.625.057.824", "4625057824"],
    ["4,472,430,125", "4472430125"],
    ["19.100.000", "19100000"],
    ["Rp. 4.990.894.675,-", "4990894675"],
    ["Rp 5.000", "5000"],
    ["Rp.5.000,00", "5000"],
    ["4 990 894 675", "4990894675"],
    ["\u00a04.990.894.675 ", "4990894675"],
    ["1500", "1500"],
    ["-1.500.000", "-1500000"],
    ["(1.500.000)", "-1500000"],
    ["Rp -2.000", "-2000"],
    ["4.990.894,00", "4990894"],
    ["4,990,894.00", "4990894"],
  ])("%j reads as %s", (text, value) => {
    expect(plain(parseAmountText(text))).toEqual({ status: "text-number", value, slip: undefined, candidates: [] });
  });

  it("reads a lone 3-digit group as thousands, not as a decimal: Rupiah amounts are whole", () => {
    expect(plain(parseAmountText("1.500")).value).toBe("1500");
    expect(plain(parseAmountText("1,500")).value).toBe("1500");
  });
});

describe("parseAmountText: empty and not an amount", () => {
  it.each(["", "   ", "-", "Rp", "Rp.", "Rp. -", ",-", "\u2013"])("%j is empty (zero)", (text) => {
    const r = parseAmountText(text);
    expect(r.status).toBe("empty");
    expect(r.value?.isZero()).toBe(true);
  });

  it.each(["dua juta", "2 dokumen", "100%", "#REF!", "Rp. abc", "..."])("%j is not an amount", (text) => {
    expect(plain(parseAmountText(text))).toEqual({ status: "not-amount", value: null, slip: undefined, candidates: [] });
  });
});

describe("parseAmountText: slips", () => {
  it("reads mixed separators as thousands groups, keeping the literal decimal as the value", () => {
    expect(plain(parseAmountText("4.765,000"))).toEqual({
      status: "malformed",
      value: "4765",
      slip: "mixed-separators",
      candidates: ["4765000", "4765"],
    });
    expect(plain(parseAmountText("13.729,700"))).toMatchObject({ value: "13729.7", candidates: ["13729700"] });
    expect(plain(parseAmountText("607.873,956")).candidates[0]).toBe("607873956");
    expect(plain(parseAmountText("2.884,804,818"))).toEqual({
      status: "malformed",
      value: null,
      slip: "mixed-separators",
      candidates: ["2884804818"],
    });
  });

  it("proposes dropping an extra digit", () => {
    expect(plain(parseAmountText("68.050,0000"))).toMatchObject({ status: "malformed", slip: "extra-digit", value: "68050" });
    expect(plain(parseAmountText("68.050,0000")).candidates[0]).toBe("68050000");
    expect(plain(parseAmountText("41,400,0000"))).toMatchObject({ status: "malformed", slip: "extra-digit", value: null });
    expect(plain(parseAmountText("41,400,0000")).candidates[0]).toBe("41400000");
  });

  it("proposes completing a group that lost a digit", () => {
    const r = plain(parseAmountText("70.500.00"));
    expect(r).toMatchObject({ status: "malformed", slip: "missing-digit", value: null });
    expect(r.candidates.slice(0, 2)).toEqual(["70500000", "70500"]);
    expect(plain(parseAmountText("19,310,00")).candidates[0]).toBe("19310000");
  });

  it.each([
    ["29.352,568", "29352.568", ["29352568"]],
    ["5.494,000", "5494", ["5494000", "5494"]],
    ["36.280,500", "36280.5", ["36280500"]],
    ["4.841,963,425", null, ["4841963425"]],
    ["4,765.000", "4765", ["4765000", "4765"]],
  ])("reads %j as thousands groups with mixed marks", (text, value, candidates) => {
    expect(plain(parseAmountText(text))).toEqual({ status: "malformed", value, slip: "mixed-separators", candidates });
  });

  it("ranks zero-filled repairs before other digits and keeps the sign", () => {
    const r = plain(parseAmountText("70.50.000"));
    expect(r).toMatchObject({ status: "malformed", slip: "missing-digit", value: null });
    expect(r.candidates.slice(0, 2)).toEqual(["70500000", "70050000"]);
    expect(r.candidates).toContain("70510000");
    expect(plain(parseAmountText("-4.765,000")).candidates).toEqual(["-4765000", "-4765"]);
  });

  it("calls other broken grouping bad-grouping and offers the digits as written", () => {
    expect(plain(parseAmountText("4765.000.000"))).toEqual({
      status: "malformed",
      value: null,
      slip: "bad-grouping",
      candidates: ["4765000000", "4765000"],
    });
    expect(plain(parseAmountText("1.000."))).toMatchObject({ slip: "bad-grouping", candidates: ["1000"] });
  });

  it("flags a fractional amount typed as text", () => {
    expect(plain(parseAmountText("13.729,7"))).toEqual({
      status: "suspect-scale",
      value: "13729.7",
      slip: "fraction",
      candidates: ["13729700", "13730"],
    });
  });
});

describe("readAmount", () => {
  it("reads whole number cells as ok and fractional ones as suspect-scale", () => {
    expect(plain(readAmount({ value: 4765 }))).toEqual({ status: "ok", value: "4765", slip: undefined, candidates: [] });
    expect(plain(readAmount({ value: 4765.5 }))).toEqual({
      status: "suspect-scale",
      value: "4765.5",
      slip: "fraction",
      candidates: ["4765500", "4766"],
    });
  });

  it("treats floating-point noise of a computed cell as the whole amount", () => {
    expect(plain(readAmount({ value: 476500.00000000006, formula: "F3*0.1" }))).toMatchObject({ status: "ok", value: "476500" });
  });

  it("reads text cells as text, blanks as empty and errors as not an amount", () => {
    expect(readAmount({ value: "4.625.057.824" }).status).toBe("text-number");
    expect(readAmount(undefined).status).toBe("empty");
    expect(readAmount({ value: null, formula: "SUM(F4:F9)" }).status).toBe("empty");
    expect(readAmount({ value: null, error: "#REF!" })).toMatchObject({ status: "not-amount", raw: "#REF!" });
    expect(readAmount({ value: true }).status).toBe("not-amount");
  });
});

describe("chooseRepair and thousandfoldCandidates", () => {
  it("chooses the candidate that balances the parent, else the most plausible", () => {
    const r = parseAmountText("4.765,000");
    expect(chooseRepair(r, new Decimal(4765))?.toFixed()).toBe("4765");
    expect(chooseRepair(r, new Decimal(1))?.toFixed()).toBe("4765000");
    expect(chooseRepair(r)?.toFixed()).toBe("4765000");
    expect(chooseRepair(parseAmountText("5.000"))).toBeUndefined();
  });

  it("offers x1000 and /1000 only when the result is whole", () => {
    expect(thousandfoldCandidates(new Decimal(4765)).map(plainDecimal)).toEqual(["4765000"]);
    expect(thousandfoldCandidates(new Decimal(4765000)).map(plainDecimal)).toEqual(["4765000000", "4765"]);
    expect(thousandfoldCandidates(new Decimal("13729.7")).map(plainDecimal)).toEqual(["13729700"]);
    expect(thousandfoldCandidates(new Decimal(0))).toEqual([]);
  });
});

describe("formatRupiah and plainDecimal", () => {
  it("writes amounts the Indonesian way", () => {
    expect(formatRupiah(new Decimal("4990894675"))).toBe("4.990.894.675");
    expect(formatRupiah(4596424824)).toBe("4.596.424.824");
    expect(formatRupiah("28633000")).toBe("28.633.000");
    expect(formatRupiah(new Decimal("-270000"))).toBe("-270.000");
    expect(formatRupiah(new Decimal("13729.7"))).toBe("13.729,7");
    expect(formatRupiah(0)).toBe("0");
    expect(formatRupiah(999)).toBe("999");
    expect(formatRupiah("bukan angka")).toBe("bukan angka");
    expect(formatRupiah(1000)).toBe("1.000");
    expect(formatRupiah(100000)).toBe("100.000");
  });

  it("groups a 30,000-digit amount into 10,000 groups of three (linear, not a regex rescanning the tail)", () => {
    const grouped = formatRupiah("9".repeat(30_000));
    expect(grouped.split(".")).toHaveLength(10_000);
    expect(grouped.replace(/\./g, "")).toBe("9".repeat(30_000));
  });

  it("writes plain decimals without grouping or exponent", () => {
    expect(plainDecimal(new Decimal("4596424824"))).toBe("4596424824");
    expect(plainDecimal(new Decimal("13729.700"))).toBe("13729.7");
    expect(plainDecimal(new Decimal("1e21"))).toBe("1000000000000000000000");
    expect(plainDecimal(new Decimal("-0"))).toBe("0");
  });
});
