/**
 * Mortgage rates of adjustable-rate groups over the projection.
 */
import { Decimal, max, min } from "../core/money.ts";
import type { AdjustableRateTerms } from "./types.ts";

/**
 * True if the mortgage rate adjusts at the start of projection month `month` (1-based): the rate
 * is fixed for the first `firstAdjustmentMonth` months, adjusts for month `firstAdjustmentMonth` + 1
 * and again every `resetMonths` months after.
 */
export function isAdjustmentMonth(terms: AdjustableRateTerms, month: number): boolean {
  const k = month - 1 - terms.firstAdjustmentMonth;
  return k >= 0 && k % terms.resetMonths === 0;
}

/**
 * The mortgage rate after one Adjustment Date: `current` moves toward `index` + `grossMargin` by
 * at most `periodicCap` (up or down), then is held within [`floor`, `lifetimeCap`]. All annual
 * decimals; not rounded to an eighth (the pool rate is a weighted average, not a note rate).
 */
export function adjustRate(current: Decimal, index: Decimal, terms: AdjustableRateTerms): Decimal {
  const target = index.plus(terms.grossMargin);
  const change = max(terms.periodicCap.neg(), min(terms.periodicCap, target.minus(current)));
  return max(terms.floor, min(terms.lifetimeCap, current.plus(change)));
}
