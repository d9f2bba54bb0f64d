/**
 * The industry's prepayment and default rate conventions, as the Bond Market Association's
 * (now SIFMA's) Standard Formulas define them (chapter SF, restated in
 * shared/reference/standard-formulas.md §2–§7 and §16). Rates are decimals (0.06 = 6% CPR),
 * months are loan months (1 = the first month after origination, not the pool's first month),
 * speeds are multiples (1.5 = 150% PSA). Full precision; nothing is rounded here.
 */
import { Decimal, ONE, ZERO, max, min } from "../../core/money.ts";

const TWELVE = new Decimal(12);

/** SMM from CPR (SF-5): 1 − (1 − CPR)^(1/12). */
export function smmFromCpr(cpr: Decimal): Decimal {
  return ONE.minus(ONE.minus(cpr).pow(ONE.div(TWELVE)));
}

/** CPR from SMM (SF-5): 1 − (1 − SMM)^12. */
export function cprFromSmm(smm: Decimal): Decimal {
  return ONE.minus(ONE.minus(smm).pow(12));
}

/** The monthly default rate (MDR) from an annual one (CDR), by the CPR→SMM conversion (SF-20). */
export const mdrFromCdr = smmFromCpr;

/** CPR of `speed` PSA in loan month `month` (SF-6): speed × 0.2% × min(max(month, 1), 30), at most 100%. */
export function psaCpr(speed: Decimal, month: number): Decimal {
  const m = Math.min(Math.max(month, 1), 30);
  return min(speed.times("0.002").times(m), ONE);
}

/** The PSA speed of a CPR observed in loan month `month` (SF-6): CPR / min(0.2% × month, 6%). */
export function psaFromCpr(cpr: Decimal, month: number): Decimal {
  return cpr.div(min(new Decimal("0.002").times(Math.max(month, 1)), new Decimal("0.06")));
}

/**
 * Annual default rate of `speed` SDA in loan month `month` of a pool whose loans run `term` months
 * and take `lag` months to liquidate (SF-20): 0.02% × month up to 0.60% at month 30, flat to month
 * 60, down by 0.0095% a month to 0.03% at month 120, flat after; 0 in the last `lag` months.
 */
export function sdaCdr(speed: Decimal, month: number, term = Number.POSITIVE_INFINITY, lag = 0): Decimal {
  if (month > term - lag) return ZERO;
  let rate: Decimal;
  if (month <= 30) rate = new Decimal("0.0002").times(Math.max(month, 0));
  else if (month <= 60) rate = new Decimal("0.006");
  else if (month <= 120) rate = new Decimal("0.006").minus(new Decimal("0.000095").times(month - 60));
  else rate = new Decimal("0.0003");
  return rate.times(speed);
}

/** SMM of `abs`% ABS (a decimal: 0.02 = 2% ABS) in loan month `month` (SF-13): ABS / (1 − ABS × (month − 1)). */
export function absSmm(abs: Decimal, month: number): Decimal {
  const denominator = ONE.minus(abs.times(month - 1));
  return denominator.lte(ZERO) ? ONE : min(abs.div(denominator), ONE);
}

/**
 * The historical ABS speed between two factors (SF-13): [(F2/F1) − (BAL2/BAL1)] /
 * [AGE1 × (F2/F1) − AGE2 × (BAL2/BAL1)], with ages in months and BAL the scheduled balance factors.
 */
export function absFromFactors(
  f1: Decimal,
  f2: Decimal,
  bal1: Decimal,
  bal2: Decimal,
  age1: number,
  age2: number,
): Decimal {
  const rf = f2.div(f1);
  const rb = bal2.div(bal1);
  return rf.minus(rb).div(rf.times(age1).minus(rb.times(age2)));
}

/** CPR of `speed` HEP in loan month `month` (§16): speed × min(month, 10) / 10 (20% HEP: 2% CPR in month 1 … 20% from month 10). */
export function hepCpr(speed: Decimal, month: number): Decimal {
  return speed.times(Math.min(Math.max(month, 1), 10)).div(10);
}

/**
 * A deal's PPC-style ramp: `start` CPR in month 1 rising in equal steps to `end` CPR in month
 * `rampMonths`, flat after, times `multiple` (§16; e.g. 4% to 23% over 12 months).
 */
export function rampCpr(
  start: Decimal,
  end: Decimal,
  rampMonths: number,
  month: number,
  multiple: Decimal = ONE,
): Decimal {
  const m = Math.min(Math.max(month, 1), rampMonths);
  const step = rampMonths > 1 ? end.minus(start).div(rampMonths - 1) : ZERO;
  return max(ZERO, min(ONE, start.plus(step.times(m - 1)).times(multiple)));
}

/**
 * The scheduled balance per $1 of original balance of a level-pay loan (SF-4): with v = 1/(1 + C/12),
 * BAL = (1 − v^M) / (1 − v^M0), C the gross rate (annual decimal), M the months remaining and
 * M0 the original term in months.
 */
export function scheduledBalance(grossRate: Decimal, remaining: number, originalTerm: number): Decimal {
  if (remaining <= 0) return ZERO;
  if (grossRate.isZero()) return new Decimal(remaining).div(originalTerm);
  const v = ONE.div(ONE.plus(grossRate.div(TWELVE)));
  return ONE.minus(v.pow(remaining)).div(ONE.minus(v.pow(originalTerm)));
}
