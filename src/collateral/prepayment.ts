/**
 * Prepayment and default speeds: reading the CPR of a group's curve for a month, and turning
 * annual rates (CPR, CDR) into monthly ones (SMM, MDR).
 */
import { Decimal, ONE } from "../core/money.ts";
import { psaCpr } from "./standard/rates.ts";
import type { Assumptions, PrepaymentCurve } from "./types.ts";

/** True if `x` is a prepayment curve object (not a Decimal, not a by-group record). */
function isCurve(x: unknown): x is PrepaymentCurve {
  return (
    typeof x === "object" && x !== null && !Decimal.isDecimal(x) && typeof (x as { kind?: unknown }).kind === "string"
  );
}

/**
 * The prepayment curve that `assumptions.cpr` gives group `group`: a bare Decimal becomes a
 * constant curve; a by-group record is looked up by name. Returns undefined when a by-group record
 * has no entry for `group` (the projection reports that as an input error).
 */
export function prepaymentCurveFor(assumptions: Pick<Assumptions, "cpr">, group: string): PrepaymentCurve | undefined {
  const c = assumptions.cpr;
  if (Decimal.isDecimal(c)) return { kind: "constant", cpr: c as Decimal };
  if (isCurve(c)) return c;
  const g = (c as Record<string, Decimal | PrepaymentCurve>)[group];
  if (g === undefined || !Object.prototype.hasOwnProperty.call(c, group)) return undefined;
  return Decimal.isDecimal(g) ? { kind: "constant", cpr: g as Decimal } : (g as PrepaymentCurve);
}

/**
 * The CPR (annual decimal) of `curve` in projection month `month` (1 = the first month):
 * constant → `cpr`; ramp → `startCpr` + (`endCpr` − `startCpr`)·(month − 1)/(`rampMonths` − 1) up
 * to month `rampMonths`, `endCpr` after; both times `multiplier` (default 1). Not clamped: the
 * projection validates that the scaled curve stays within [0, 1].
 */
export function cprForMonth(curve: PrepaymentCurve, month: number): Decimal {
  const k = curve.multiplier ?? ONE;
  if (curve.kind === "constant") return curve.cpr.times(k);
  if (curve.kind === "psa") return psaCpr(k, month);
  if (month >= curve.rampMonths || curve.rampMonths <= 1) return curve.endCpr.times(k);
  const step = curve.endCpr.minus(curve.startCpr).div(curve.rampMonths - 1);
  return curve.startCpr.plus(step.times(month - 1)).times(k);
}

/**
 * The monthly rate equivalent to annual rate `annual` (decimal in [0, 1]): 1 − (1 − annual)^(1/12).
 * SMM from CPR, MDR from CDR. Full precision (34 digits), not rounded.
 */
export function monthlyRate(annual: Decimal): Decimal {
  if (annual.isZero()) return annual;
  if (annual.gte(ONE)) return ONE;
  return ONE.minus(ONE.minus(annual).pow(ONE.div(12)));
}
