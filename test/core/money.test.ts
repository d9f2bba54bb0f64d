import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  Decimal,
  cents,
  formatMoney,
  parseMoneyLiteral,
  parsePercentLiteral,
  round,
  splitProRata,
  sum,
} from "../../src/core/money.ts";

const d = (x: string | number) => new Decimal(x);
const strs = (xs: Decimal[]) => xs.map((x) => x.toFixed(2));

describe("pro rata splits keep every cent", () => {
  it("naive rounding loses a cent on $100.00 in three equal parts; the split does not", () => {
    const weights = [d(1), d(1), d(1)];
    const naive = weights.map(() => cents(d(100).div(3)));
    expect(sum(naive).toFixed(2)).toBe("99.99"); // a cent lost
    expect(strs(splitProRata(d("100.00"), weights))).toEqual(["33.34", "33.33", "33.33"]);
  });

  it("naive half-up rounding invents a cent on $0.05 in two equal parts; the split does not", () => {
    const naive = [cents(d("0.025")), cents(d("0.025"))];
    expect(sum(naive).toFixed(2)).toBe("0.06"); // a cent invented
    expect(strs(splitProRata(d("0.05"), [d(1), d(1)]))).toEqual(["0.03", "0.02"]);
  });

  it("gives odd cents to the largest remainders by default, or to the first classes when declared", () => {
    // $10.00 by 1:1:1:3 → exact 1.666…, 1.666…, 1.666…, 5.00
    expect(strs(splitProRata(d("10.00"), [d(1), d(1), d(1), d(3)]))).toEqual(["1.67", "1.67", "1.66", "5.00"]);
    // 0.01 split by 1:2 → the larger remainder (0.00666…) wins by default; the first class when declared
    expect(strs(splitProRata(d("0.01"), [d(1), d(2)]))).toEqual(["0.00", "0.01"]);
    expect(strs(splitProRata(d("0.01"), [d(1), d(2)], "first class"))).toEqual(["0.01", "0.00"]);
  });

  it("splits equally when every weight is zero", () => {
    expect(strs(splitProRata(d("1.00"), [d(0), d(0), d(0)]))).toEqual(["0.34", "0.33", "0.33"]);
  });

  test.prop([
    fc.bigInt({ min: 0n, max: 10n ** 12n }),
    fc.array(fc.bigInt({ min: 0n, max: 10n ** 11n }), { minLength: 1, maxLength: 12 }),
    fc.constantFrom("largest remainder" as const, "first class" as const),
  ])("shares add to the amount, and each is within a cent of its exact share", (amountCents, weightCents, policy) => {
    const amount = d(amountCents.toString()).div(100);
    const weights = weightCents.map((w) => d(w.toString()).div(100));
    const shares = splitProRata(amount, weights, policy);
    expect(sum(shares).eq(amount)).toBe(true);
    const total = sum(weights);
    shares.forEach((s, i) => {
      const exact = total.isZero() ? amount.div(weights.length) : amount.times(weights[i]!).div(total);
      expect(s.minus(exact).abs().lt("0.01")).toBe(true);
      expect(s.decimalPlaces()).toBeLessThanOrEqual(2);
    });
  });
});

describe("rounding rules and literals", () => {
  it("rounds half-up to the cent by default, and as declared otherwise", () => {
    expect(round(d("2.345")).toFixed(2)).toBe("2.35");
    expect(round(d("2.345"), { mode: "half-even", places: 2 }).toFixed(2)).toBe("2.34");
    expect(round(d("2.349"), { mode: "down", places: 2 }).toFixed(2)).toBe("2.34");
    expect(round(d("2.341"), { mode: "up", places: 2 }).toFixed(2)).toBe("2.35");
    expect(round(d("1234.50"), { mode: "half-up", places: 0 }).toFixed(0)).toBe("1235");
  });
  it("keeps 34 significant digits, enough for a $400,000,000 pool to a millionth of a cent", () => {
    expect(d("392502000.00").div(3).times(3).toFixed(8)).toBe("392502000.00000000");
  });
  it("reads money and percent literals without floating point", () => {
    expect(parseMoneyLiteral("$1,250,000.01").toFixed(2)).toBe("1250000.01");
    expect(parsePercentLiteral("0.07%").toString()).toBe("0.0007");
    expect(formatMoney(d("-1234.5"))).toBe("-$1,234.50");
  });
});
