/**
 * Pool terms and the pricing assumption as the agreement states them (its `loan group`
 * declarations), turned into the collateral stage's plain inputs.
 */
import { Decimal } from "../core/money.ts";
import type { LoanGroup } from "../syntax/ast.ts";
import type { PoolTerms, PrepaymentCurve } from "./types.ts";

/**
 * The pool terms of each loan group, in declaration order. Missing terms default to zero (the
 * checks of `pacta check` report a group without a cut-off balance or mortgage rate).
 */
export function poolTermsOf(groups: Iterable<LoanGroup>): PoolTerms[] {
  return [...groups].map((g) => {
    const p: PoolTerms = {
      name: g.name,
      cutoffBalance: new Decimal(g.cutoffBalance ?? 0),
      mortgageRate: new Decimal(g.mortgageRate ?? 0),
      servicingFeeRate: new Decimal(g.servicingFee ?? 0),
      remainingTermMonths: g.remainingTerm ?? 360,
    };
    if (g.adjustable) {
      const a = g.adjustable;
      p.adjustable = {
        index: a.index,
        grossMargin: new Decimal(a.grossMargin),
        firstAdjustmentMonth: a.firstAdjustmentMonth,
        resetMonths: a.resetMonths,
        periodicCap: new Decimal(a.periodicCap),
        lifetimeCap: new Decimal(a.lifetimeCap),
        floor: new Decimal(a.floor),
      };
    }
    return p;
  });
}

/**
 * The deal's pricing prepayment assumption, by group (e.g. 100% PPC: 4% CPR rising to 23% CPR
 * over 12 months). Groups without one are absent from the record.
 */
export function pricingCurves(groups: Iterable<LoanGroup>): Record<string, PrepaymentCurve> {
  const out: Record<string, PrepaymentCurve> = {};
  for (const g of groups) {
    const p = g.prepayment;
    if (!p) continue;
    out[g.name] =
      p.kind === "cpr"
        ? { kind: "constant", cpr: new Decimal(p.cpr) }
        : {
            kind: "ramp",
            startCpr: new Decimal(p.startCpr),
            endCpr: new Decimal(p.endCpr),
            rampMonths: p.rampMonths,
            multiplier: new Decimal(p.multiple),
          };
  }
  return out;
}
