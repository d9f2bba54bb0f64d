/** Shared test data for the collateral tests. */
import { Decimal } from "../../src/core/money.ts";
import type { Assumptions, GroupCollections, PoolTerms } from "../../src/collateral/types.ts";

export const d = (s: string | number): Decimal => new Decimal(s);

export function fixedPool(over: Partial<PoolTerms> = {}): PoolTerms {
  return {
    name: "Group I",
    cutoffBalance: d("1000000.00"),
    mortgageRate: d("0.0835"),
    servicingFeeRate: d("0.005"),
    remainingTermMonths: 360,
    ...over,
  };
}

export function scenario(over: Partial<Assumptions> = {}): Assumptions {
  return { cpr: d(0), cdr: d(0), severity: d(0), recoveryLagMonths: 0, indexRates: {}, ...over };
}

/** The balance identity of one period, to the cent. */
export function identityHolds(g: GroupCollections): boolean {
  return g.endingBalance.eq(
    g.beginningBalance
      .minus(g.scheduledPrincipal)
      .minus(g.prepayments)
      .minus(g.netLiquidationProceeds)
      .minus(g.realizedLoss),
  );
}

/** Every money field of a period's collections. */
export function amounts(g: GroupCollections): Decimal[] {
  return [
    g.beginningBalance,
    g.scheduledPrincipal,
    g.prepayments,
    g.netLiquidationProceeds,
    g.realizedLoss,
    g.interest,
    g.servicingFee,
    g.newDefaults,
    g.endingBalance,
  ];
}

export function isCents(x: Decimal): boolean {
  return x.decimalPlaces() <= 2;
}
