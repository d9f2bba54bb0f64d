/**
 * Figures are shown at the precision their comparisons are decided on: comparisons use full
 * precision, so a money input that is not a whole number of cents is shown with all its digits.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { explain, runDeal } from "../../src/api.ts";
import { Decimal, formatMoneyExact } from "../../src/core/money.ts";
import { dealFromText } from "../helpers/deal.ts";

describe("shown figures", () => {
  it("write whole cents as cents and anything finer in full", () => {
    expect(formatMoneyExact(new Decimal("1250000"))).toBe("$1,250,000.00");
    expect(formatMoneyExact(new Decimal("-0.001"))).toBe("-$0.001");
    expect(formatMoneyExact(new Decimal(100).div(3))).toBe("$33.33333333333333333333333333333333");
  });

  it("never contradict the comparison they feed (explain)", () => {
    const toy = readFileSync("test/fixtures/toy/agreement.pacta", "utf8");
    const text = toy.replace(
      'definition "Required Overcollateralization Amount"\n  means 2.00% times cut-off balance of group "Pool"',
      'definition "Required Overcollateralization Amount"\n  means if "Thirds" is equal to $100.00 then $1 otherwise 2.00% times cut-off balance of group "Pool"\n\ndefinition "Thirds"\n  means $100.00 divided by 3 times 3',
    );
    const r = runDeal(dealFromText(text), { maxPeriods: 1 }).result!;
    const out = explain(r, r.periods[0]!, "Required Overcollateralization Amount", 1)!;
    // $100.00 / 3 × 3 is 99.99…99 at 34 digits, not $100.00: the comparison is false, and the input says why.
    expect(out).toContain('- "Thirds" = $99.99999999999999999999999999999999');
    expect(out).toContain('"Required Overcollateralization Amount" = $20,000.00');
  });
});
