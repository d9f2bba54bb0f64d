/**
 * Checks of the projection's inputs (pool terms, assumptions, options), as PA5001 diagnostics.
 */
import { diag, type Diagnostic, type SourceLocation } from "../core/diagnostics.ts";
import { Decimal, ONE, ZERO, cents, formatPercent } from "../core/money.ts";
import { cprForMonth, prepaymentCurveFor } from "./prepayment.ts";
import type { Assumptions, PoolTerms, PrepaymentCurve } from "./types.ts";

function isWhole(n: number, least: number): boolean {
  return Number.isInteger(n) && n >= least;
}

/**
 * Every problem with the inputs of `project`, each a PA5001 error at `at` (the inputs are plain
 * data, so the location names their source, line 1, column 1). Empty when the inputs are usable.
 */
export function validateProjectionInputs(
  pools: readonly PoolTerms[],
  assumptions: Assumptions,
  maxPeriods: number,
  at: SourceLocation,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const bad = (message: string, hint: string): void => void out.push(diag("PA5001", at, { message, hint }));
  const inUnit = (x: Decimal, what: string, hint: string): void => {
    if (x.lt(ZERO) || x.gt(ONE)) bad(`${what} is ${x.toString()}, outside 0 to 1`, hint);
  };

  if (!isWhole(maxPeriods, 1))
    bad(`maxPeriods is ${maxPeriods}`, "give a whole number of months ≥ 1 (default: the longest remaining term)");
  if (Decimal.isDecimal(assumptions.cdr))
    inUnit(assumptions.cdr as Decimal, "the CDR", "write an annual default rate as a decimal: 0.05 for 5% CDR");
  else {
    const sda = assumptions.cdr as { multiple: Decimal };
    // 100% SDA peaks at 0.60% a year: the multiple may reach 166⅔ before the rate passes 100%.
    if (sda.multiple.lt(ZERO) || sda.multiple.times("0.006").gt(ONE))
      bad(
        `the SDA multiple is ${sda.multiple.toString()}`,
        "give a multiple from 0 (0% SDA) to 166 (the curve peaks at 0.6% × the multiple)",
      );
  }
  inUnit(assumptions.severity, "the loss severity", "write the severity as a decimal: 0.35 for 35%");
  if (!isWhole(assumptions.recoveryLagMonths, 0)) {
    bad(
      `the recovery lag is ${assumptions.recoveryLagMonths} months`,
      "give a whole number of months ≥ 0 (0 = liquidated in the month of default)",
    );
  }

  const names = new Set<string>();
  for (const p of pools) {
    const g = `loan group "${p.name}"`;
    if (names.has(p.name)) bad(`${g} is given twice`, "each loan group needs its own name");
    names.add(p.name);
    if (p.cutoffBalance.lt(ZERO) || !cents(p.cutoffBalance).eq(p.cutoffBalance)) {
      bad(
        `${g} has a cut-off balance of ${p.cutoffBalance.toString()}`,
        "a balance is a non-negative amount in whole cents",
      );
    }
    if (!isWhole(p.remainingTermMonths, 1))
      bad(`${g} has a remaining term of ${p.remainingTermMonths} months`, "give a whole number of months ≥ 1");
    if (p.servicingFeeRate.lt(ZERO))
      bad(`${g} has a negative servicing fee rate`, "write the fee as an annual decimal: 0.005 for 0.50%");
    if (p.mortgageRate.lt(p.servicingFeeRate)) {
      bad(
        `${g}'s mortgage rate ${formatPercent(p.mortgageRate)} is below its servicing fee rate ${formatPercent(p.servicingFeeRate)}`,
        "rates are annual decimals: 0.0835 for 8.35%",
      );
    }
    const a = p.adjustable;
    if (a) {
      if (!Object.prototype.hasOwnProperty.call(assumptions.indexRates, a.index)) {
        const known = Object.keys(assumptions.indexRates);
        bad(
          `no value for index "${a.index}" (used by ${g})`,
          `add "${a.index}" to the assumptions' index rates${known.length ? ` (given: ${known.join(", ")})` : ""}`,
        );
      }
      if (!isWhole(a.firstAdjustmentMonth, 0))
        bad(`${g}'s first adjustment month is ${a.firstAdjustmentMonth}`, "give a whole number of months ≥ 0");
      if (!isWhole(a.resetMonths, 1))
        bad(`${g} resets every ${a.resetMonths} months`, "give a whole number of months ≥ 1");
      if (a.periodicCap.lt(ZERO))
        bad(`${g}'s periodic cap is negative`, "the periodic cap is the largest change, an annual decimal ≥ 0");
      if (a.floor.gt(a.lifetimeCap))
        bad(
          `${g}'s floor ${formatPercent(a.floor)} is above its lifetime cap ${formatPercent(a.lifetimeCap)}`,
          "swap the two, or check the units",
        );
      if (a.floor.lt(p.servicingFeeRate))
        bad(
          `${g}'s floor ${formatPercent(a.floor)} is below its servicing fee rate`,
          "the net mortgage rate could turn negative; check the floor",
        );
    }
    const curve = prepaymentCurveFor(assumptions, p.name);
    if (!curve) {
      bad(
        `the prepayment assumption has no speed for ${g}`,
        `give a CPR or curve for every group (${pools.map((q) => `"${q.name}"`).join(", ")}), or one for all`,
      );
    } else {
      checkCurve(curve, g, bad);
    }
  }
  return out;
}

function checkCurve(curve: PrepaymentCurve, g: string, bad: (m: string, h: string) => void): void {
  if ((curve.multiplier ?? ONE).lt(ZERO)) bad(`the prepayment multiplier of ${g} is negative`, "1 = 100% of the curve");
  if (curve.kind === "ramp" && !isWhole(curve.rampMonths, 1)) {
    bad(`the prepayment ramp of ${g} has ${curve.rampMonths} ramp months`, "give a whole number of months ≥ 1");
    return;
  }
  // the curve is linear then flat, so its extremes are at month 1 and at the end of the ramp
  const last = curve.kind === "ramp" ? curve.rampMonths : curve.kind === "psa" ? 30 : 1;
  for (const m of [1, last]) {
    const cpr = cprForMonth(curve, m);
    if (cpr.lt(ZERO) || cpr.gt(ONE)) {
      bad(
        `the prepayment curve of ${g} gives a CPR of ${cpr.toString()} in month ${m}, outside 0 to 1`,
        "write CPRs as annual decimals (0.23 for 23% CPR) and keep the multiplier small enough",
      );
      return;
    }
  }
}
