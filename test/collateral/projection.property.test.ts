import fc from "fast-check";
import { Decimal } from "../../src/core/money.ts";
import { describe, expect, it } from "vitest";
import { project } from "../../src/collateral/projection.ts";
import { sum } from "../../src/core/money.ts";
import type { Assumptions, PoolTerms } from "../../src/collateral/types.ts";
import { amounts, d, identityHolds, isCents } from "./fixtures.ts";

/** A decimal in [0, max] with four places, from an integer (no floating point involved). */
const rate = (max: number) => fc.integer({ min: 0, max: max * 10000 }).map((n) => d(n).div(10000));

const poolArb = (name: string) =>
  fc
    .record({
      cents: fc.integer({ min: 0, max: 50_000_000_000 }),
      rate: fc.integer({ min: 50, max: 1500 }), // basis points
      term: fc.integer({ min: 1, max: 72 }),
    })
    .map(({ cents, rate: bp, term }): PoolTerms => ({
      name,
      cutoffBalance: d(cents).div(100),
      mortgageRate: d(bp).div(10000),
      servicingFeeRate: d("0.005"),
      remainingTermMonths: term,
    }));

const scenarioArb = fc
  .record({
    cpr: rate(1),
    cdr: rate(1),
    severity: rate(1),
    lag: fc.integer({ min: 0, max: 12 }),
    advancing: fc.boolean(),
  })
  .map(({ cpr, cdr, severity, lag, advancing }): Assumptions => ({
    cpr,
    cdr,
    severity,
    recoveryLagMonths: lag,
    indexRates: {},
    advancing,
  }));

describe("project: properties", () => {
  it("keeps the balance identity to the cent in every period and group, and pays the pools off", () => {
    fc.assert(
      fc.property(poolArb("Group I"), poolArb("Group II"), scenarioArb, (p1, p2, a) => {
        const periods = project([p1, p2], a);
        // runs until both pools are paid off (at the latest at the longer term), not a month more
        expect(periods.length).toBeLessThanOrEqual(Math.max(p1.remainingTermMonths, p2.remainingTermMonths));
        expect(periods.length === 0).toBe(p1.cutoffBalance.isZero() && p2.cutoffBalance.isZero());
        periods
          .slice(0, -1)
          .forEach((p) => expect(Object.values(p.groups).some((g) => g.endingBalance.gt(0))).toBe(true));
        for (const pool of [p1, p2]) {
          const gs = periods.map((p) => p.groups[pool.name]!);
          gs.forEach((g, k) => {
            expect(identityHolds(g)).toBe(true);
            expect(amounts(g).every((x) => isCents(x) && x.gte(0))).toBe(true);
            expect(g.beginningBalance.eq(k === 0 ? pool.cutoffBalance : gs[k - 1]!.endingBalance)).toBe(true);
          });
          if (gs.length) expect(gs[gs.length - 1]!.endingBalance.isZero()).toBe(true);
          // Without advancing defaulted loans liquidate at their balance at default; with it, they
          // amortise in foreclosure first, so what is liquidated is less by that amortisation.
          const liquidated = sum(gs.map((g) => g.netLiquidationProceeds.plus(g.realizedLoss)));
          const defaulted = sum(gs.map((g) => g.newDefaults));
          if (a.advancing === false) expect(liquidated.eq(defaulted)).toBe(true);
          else expect(liquidated.lte(defaulted)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("loses severity × the balance at default, at most what is liquidated (exactly severity × liquidated without advancing)", () => {
    fc.assert(
      fc.property(poolArb("Group I"), scenarioArb, (p, a) => {
        for (const period of project([p], a)) {
          const g = period.groups["Group I"]!;
          const liquidated = g.netLiquidationProceeds.plus(g.realizedLoss);
          expect(g.realizedLoss.lte(liquidated)).toBe(true);
          // The balance at default is at least the amortised balance liquidated.
          // Each month's defaults are rounded on their own; at the last month several liquidate together.
          const tolerance = new Decimal("0.005").times(a.recoveryLagMonths + 1);
          expect(g.realizedLoss.gte(liquidated.times(a.severity).minus(tolerance))).toBe(true);
          if (a.advancing === false)
            expect(g.realizedLoss.minus(liquidated.times(a.severity)).abs().lte(tolerance)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
