/** The optional termination (clean-up call): runs and decrement tables to the call. */
import { describe, expect, it } from "vitest";
import { loadDeal, runDeal, weightedAverageLife } from "../../src/api.ts";
import { ZERO, sum } from "../../src/core/money.ts";

const rs1 = loadDeal("agreements/ramp-2002-rs1");

describe("the clean-up call", () => {
  const maturity = runDeal(rs1, {}).result!;
  const call = runDeal(rs1, { scenario: { toCall: true } }).result!;
  const cutoff = sum([...rs1.model!.groups.values()].map((g) => g.pool.cutoffBalance));

  it("is exercised on the first Distribution Date the pool is at or below 10% of its cut-off balance, and says so", () => {
    const n = call.periods.length;
    const begin = (k: number) =>
      sum(Object.values(maturity.periods[k - 1]!.collateral.groups).map((g) => g.beginningBalance));
    expect(begin(n).lte(cutoff.times("0.1"))).toBe(true);
    expect(begin(n - 1).gt(cutoff.times("0.1"))).toBe(true);
    expect(call.collateralSource).toContain(
      `to the 10% clean-up call, exercised on Distribution Date ${n} (${call.periods[n - 1]!.distributionDate})`,
    );
  });

  it("purchases every loan then, and the certificates are retired on that date", () => {
    const last = call.periods.at(-1)!;
    for (const g of Object.values(last.collateral.groups)) expect(g.endingBalance.isZero()).toBe(true);
    expect(call.stopped).toBe("certificates retired");
    for (const [name, c] of Object.entries(last.classes)) if (!c.notional) expect(c.balance.eq(ZERO), name).toBe(true);
    expect(call.periods.length).toBeLessThan(maturity.periods.length);
  });

  it("shortens every class's weighted average life (or leaves it)", () => {
    const closing = rs1.model!.calendar.closingDate;
    for (const name of ["A-I-1", "A-I-5", "A-I-6", "M-I-3", "A-II", "M-II-3"]) {
      const toCall = weightedAverageLife(call, name, closing)!;
      const toMaturity = weightedAverageLife(maturity, name, closing)!;
      expect(toCall.lte(toMaturity), name).toBe(true);
    }
    expect(weightedAverageLife(call, "A-I-6", closing)!.lt(weightedAverageLife(maturity, "A-I-6", closing)!)).toBe(
      true,
    );
  });
});
