import fc from "fast-check";
import Decimal from "decimal.js";
import {
  chooseRepair,
  formatRupiah,
  parseAmountText,
  parsePercent,
  parseTarget,
  readAmount,
  sameUnit,
  unitOfIndicator,
  type AmountReading,
} from "../../../src/domain/numbers";

const LIMIT = 10n ** 15n;
const wholeAmount = fc.bigInt({ min: -LIMIT, max: LIMIT });
const largeAmount = fc.bigInt({ min: 1_000_000n, max: LIMIT });
const usGrouping = (n: bigint) => n.toLocaleString("en-US");

/** Text built from the characters money cells are made of, so the parser's branches get explored. */
const moneyLikeText = fc
  .array(fc.constantFrom(..."0123456789.,-() Rp%\u00a0\u2013"), { maxLength: 24 })
  .map((chars) => chars.join(""));
const anyText = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), moneyLikeText);

function expectWellFormed(r: AmountReading): void {
  expect(["empty", "ok", "text-number", "malformed", "suspect-scale", "not-amount"]).toContain(r.status);
  if (r.status === "empty") expect(r.value?.isZero()).toBe(true);
  if (r.status === "ok" || r.status === "text-number") expect(r.value?.isInteger()).toBe(true);
  if (r.status === "not-amount") expect(r.value).toBeNull();
  // Every proposed repair is a whole Rupiah amount, and appears once.
  for (const c of r.candidates) expect(c.isInteger()).toBe(true);
  expect(new Set(r.candidates.map((c) => c.toFixed())).size).toBe(r.candidates.length);
}

describe("amount round trips", () => {
  it("formatting any whole amount the Indonesian way and parsing it gives it back", () => {
    fc.assert(
      fc.property(wholeAmount, (n) => {
        const r = parseAmountText(formatRupiah(new Decimal(n.toString())));
        expect(r.status).toBe("text-number");
        expect(r.value?.toFixed()).toBe(n.toString());
      }),
    );
  });

  it("US grouping and the Rp ... ,- dress read the same amount", () => {
    fc.assert(
      fc.property(wholeAmount, (n) => {
        expect(parseAmountText(usGrouping(n)).value?.toFixed()).toBe(n.toString());
        const dressed = parseAmountText(`Rp. ${formatRupiah(new Decimal(n.toString()))},-`);
        expect(dressed.status).toBe("text-number");
        expect(dressed.value?.toFixed()).toBe(n.toString());
      }),
    );
  });

  it("whole number cells read as ok with their value", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), (n) => {
        const r = readAmount({ value: n });
        expect(r.status).toBe("ok");
        expect(r.value?.eq(n)).toBe(true);
      }),
    );
  });
});

describe("typing slips are repaired back to the intended amount", () => {
  it("a decimal comma in the last group (4.765,000) ranks the amount first", () => {
    fc.assert(
      fc.property(largeAmount, (n) => {
        const official = formatRupiah(new Decimal(n.toString()));
        const slip = official.replace(/\.(\d{3})$/, ",$1");
        const r = parseAmountText(slip);
        expect(r).toMatchObject({ status: "malformed", slip: "mixed-separators" });
        expect(r.candidates[0].toFixed()).toBe(n.toString());
      }),
    );
  });

  it("an extra zero in the last group (68.050,0000) ranks the amount first", () => {
    fc.assert(
      fc.property(largeAmount, fc.constantFrom(".", ","), (n, mark) => {
        const slip = usGrouping(n).replace(/,/g, ".").replace(/\.(\d{3})$/, `${mark}$10`);
        const r = parseAmountText(slip);
        expect(r).toMatchObject({ status: "malformed", slip: "extra-digit" });
        expect(r.candidates[0].toFixed()).toBe(n.toString());
      }),
    );
  });

  it("a digit lost from the last group (70.500.00) is among the candidates, and chosen when the sum needs it", () => {
    fc.assert(
      fc.property(largeAmount, fc.integer({ min: 0, max: 2 }), (n, lost) => {
        const official = formatRupiah(new Decimal(n.toString()));
        const last = official.slice(-3);
        const slip = official.slice(0, -3) + last.slice(0, lost) + last.slice(lost + 1);
        const r = parseAmountText(slip);
        expect(r).toMatchObject({ status: "malformed", slip: "missing-digit" });
        expect(chooseRepair(r, new Decimal(n.toString()))?.toFixed()).toBe(n.toString());
      }),
    );
  });

  it("a fractional number cell offers the thousandfold amount first", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 9 }), fc.integer({ min: 1, max: 999 }), (whole, millis) => {
        const value = new Decimal(whole).plus(new Decimal(millis).dividedBy(1000));
        const r = readAmount({ value: value.toNumber() });
        expect(r).toMatchObject({ status: "suspect-scale", slip: "fraction" });
        expect(r.candidates[0].toFixed()).toBe(value.times(1000).toFixed());
      }),
    );
  });
});

describe("no input makes the readers throw", () => {
  it("parseAmountText and readAmount", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expectWellFormed(parseAmountText(text));
        expectWellFormed(readAmount({ value: text }));
      }),
      { numRuns: 2000 },
    );
  });

  it("readAmount on any number", () => {
    fc.assert(fc.property(fc.double(), (n) => expectWellFormed(readAmount({ value: n }))), { numRuns: 2000 });
  });

  it("parseTarget, parsePercent, unitOfIndicator and sameUnit", () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        const t = parseTarget(a);
        expect(t.percent ? t.unit : "%").toBe("%");
        parsePercent(a);
        unitOfIndicator(a);
        expect(sameUnit(a, b)).toBe(sameUnit(b, a));
      }),
      { numRuns: 2000 },
    );
  });
});
