/**
 * Yield and the measures that go with it, as the Standard Formulas define them (SF-48 to SF-51,
 * restated in shared/reference/standard-formulas.md §12): cash flows at times T in years after
 * settlement on a 30/360 axis that includes the actual payment delay, discounted at a
 * bond-equivalent (semiannually compounded) yield Y: P = Σ CF / (1 + Y/2)^(2T). Yields are annual
 * decimals (0.0910675 = 9.10675%); prices and cash flows in the same units (e.g. per $100 of face).
 */
import { Decimal, ONE, ZERO, sum } from "../core/money.ts";

/** One cash flow: `amount` at `time` years after settlement, of which `principal` repays principal. */
export interface TimedCashFlow {
  time: Decimal;
  amount: Decimal;
  principal?: Decimal;
}

const discount = (y: Decimal, t: Decimal) => ONE.plus(y.div(2)).pow(t.times(2).neg());

/** The price of `flows` at bond-equivalent yield `y`. */
export function priceFromYield(flows: readonly TimedCashFlow[], y: Decimal): Decimal {
  return sum(flows.map((f) => f.amount.times(discount(y, f.time))));
}

/**
 * The bond-equivalent yield at which `flows` are worth `price` (full price, accrued interest
 * included), by Newton's method from `guess` (default 8%), to 1e-15. @throws Error if it does not
 * converge (no positive yield prices the flows: check their signs).
 */
export function yieldFromPrice(flows: readonly TimedCashFlow[], price: Decimal, guess = new Decimal("0.08")): Decimal {
  let y = guess;
  for (let k = 0; k < 100; k++) {
    const base = ONE.plus(y.div(2));
    let p = ZERO;
    let dp = ZERO; // dP/dY
    for (const f of flows) {
      const d = base.pow(f.time.times(2).neg());
      p = p.plus(f.amount.times(d));
      dp = dp.minus(f.amount.times(f.time).times(d).div(base));
    }
    const step = p.minus(price).div(dp);
    y = y.minus(step);
    if (step.abs().lt("1e-15")) return y;
  }
  throw new Error("yield did not converge: check the cash flows and the price");
}

/** The monthly-compounding mortgage yield equivalent to bond-equivalent `y` (SF-49): 12 × [(1 + y/2)^(1/6) − 1]. */
export function mortgageYield(y: Decimal): Decimal {
  return ONE.plus(y.div(2)).pow(ONE.div(6)).minus(1).times(12);
}

/** Average life (SF-49): Σ T × principal / Σ principal, in years. */
export function averageLife(flows: readonly TimedCashFlow[]): Decimal {
  const principal = sum(flows.map((f) => f.principal ?? ZERO));
  return sum(flows.map((f) => f.time.times(f.principal ?? ZERO))).div(principal);
}

/** Macaulay duration (SF-50), years: (1/P) Σ T × CF / (1 + y/2)^(2T), P the price at y. */
export function macaulayDuration(flows: readonly TimedCashFlow[], y: Decimal): Decimal {
  const p = priceFromYield(flows, y);
  return sum(flows.map((f) => f.time.times(f.amount).times(discount(y, f.time)))).div(p);
}

/** Modified duration (SF-50), years: Macaulay duration / (1 + y/2). */
export function modifiedDuration(flows: readonly TimedCashFlow[], y: Decimal): Decimal {
  return macaulayDuration(flows, y).div(ONE.plus(y.div(2)));
}

/** Cash-flow convexity (SF-50), years²: [1 / (P (1 + y/2)²)] Σ T (T + ½) CF / (1 + y/2)^(2T). */
export function convexity(flows: readonly TimedCashFlow[], y: Decimal): Decimal {
  const p = priceFromYield(flows, y);
  const base = ONE.plus(y.div(2));
  return sum(flows.map((f) => f.time.times(f.time.plus("0.5")).times(f.amount).times(discount(y, f.time))))
    .div(p)
    .div(base.pow(2));
}
