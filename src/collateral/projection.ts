/**
 * The collateral projection: monthly collections of each loan group under a prepayment / default
 * scenario (docs/collateral.md describes the model).
 */
import { PactaError } from "../core/diagnostics.ts";
import { Decimal, ONE, ZERO, cents, sum, type Money } from "../core/money.ts";
import { scheduledPrincipal } from "./amortization.ts";
import { cprForMonth, monthlyRate, prepaymentCurveFor } from "./prepayment.ts";
import { adjustRate, isAdjustmentMonth } from "./rate-reset.ts";
import { sdaCdr } from "./standard/rates.ts";
import type { Assumptions, CollateralPeriod, GroupCollections, PoolTerms, PrepaymentCurve, SdaCurve } from "./types.ts";
import { validateProjectionInputs } from "./validate.ts";

/** Options of `project`. */
export interface ProjectionOptions {
  /** The last month projected, a whole number ≥ 1; default: the longest remaining term of the pools (the loans' last month). */
  maxPeriods?: number;
  /** Where the pools and assumptions came from, named in diagnostics; default "<assumptions>". */
  source?: string;
}

/** Loans that defaulted in one month, in foreclosure until liquidated. */
interface Pending {
  /** The month they liquidate. */
  month: number;
  /** Their balance at default, dollars (the base of the loss). */
  atDefault: Money;
  /** Their balance now: amortised on schedule each month while the servicer advances. */
  amount: Money;
}

interface GroupState {
  pool: PoolTerms;
  curve: PrepaymentCurve;
  /** Balance of the loans still paying, dollars. */
  performing: Money;
  /** Defaulted, not yet liquidated; still part of the Stated Principal Balance. */
  pending: Pending[];
  /** Mortgage rate in force, annual decimal. */
  rate: Decimal;
}

interface Scenario {
  /** The monthly default rate of month m. */
  mdr: (m: number) => Decimal;
  severity: Decimal;
  lag: number;
  advancing: boolean;
  indexRates: Record<string, Decimal>;
  smm: (cpr: Decimal) => Decimal;
}

function statedBalance(s: GroupState): Money {
  return s.performing.plus(sum(s.pending.map((p) => p.amount)));
}

/** The share of a level-pay balance that month `m`'s scheduled payment amortises: i / ((1 + i)^n − 1), 1/n at a zero rate, all in the last month. */
function amortizedShare(rate: Decimal, remainingMonths: number): Decimal {
  if (remainingMonths <= 1) return ONE;
  const i = rate.div(12);
  return i.isZero() ? ONE.div(remainingMonths) : i.div(ONE.plus(i).pow(remainingMonths).minus(ONE));
}

/**
 * One group's month `m`, by the Standard Formulas (SF-16 to SF-20; src/collateral/standard/):
 * new defaults on the prior performing balance; prepayments on the prior performing balance after
 * its scheduled amortisation, new defaults not removed first; loans in foreclosure amortising on
 * schedule, and paying interest, while the servicer advances; liquidation of a month's defaults
 * `lag` months later at their amortised balance, with a loss of severity × the balance at default
 * (at most the amortised balance); no new defaults in the last `lag` months.
 */
function step(s: GroupState, m: number, sc: Scenario): GroupCollections {
  const { pool } = s;
  const term = pool.remainingTermMonths;
  const beginningBalance = statedBalance(s);
  if (pool.adjustable && isAdjustmentMonth(pool.adjustable, m)) {
    s.rate = adjustRate(s.rate, sc.indexRates[pool.adjustable.index]!, pool.adjustable);
  }
  const left = Math.max(1, term - m + 1);
  const share = amortizedShare(s.rate, left);
  const prior = s.performing;
  const mdr = m > term - sc.lag ? ZERO : sc.mdr(m);
  const newDefaults = cents(prior.times(mdr));

  // Liquidations: every month's defaults `lag` months on (this month's own, with no lag); at the last scheduled month, all of them.
  const cohorts = newDefaults.gt(ZERO)
    ? [...s.pending, { month: m + sc.lag, atDefault: newDefaults, amount: newDefaults }]
    : [...s.pending];
  const due = m >= term ? cohorts : cohorts.filter((p) => p.month <= m);
  const waiting = m >= term ? [] : cohorts.filter((p) => p.month > m);
  const liquidated = sum(due.map((p) => p.amount));
  const realizedLoss = sum(due.map((p) => Decimal.min(cents(p.atDefault.times(sc.severity)), p.amount)));
  const netLiquidationProceeds = liquidated.minus(realizedLoss);

  // Interest: on the performing loans and, advanced, on the loans in foreclosure.
  const interestBase = sc.advancing ? prior.plus(sum(s.pending.map((p) => p.amount))) : prior.minus(newDefaults);
  const grossInterest = cents(interestBase.times(s.rate).div(12));
  const servicingFee = cents(interestBase.times(pool.servicingFeeRate).div(12));

  // Amortisation of the performing loans, and (advanced) of the loans in foreclosure, new ones included.
  const performing = prior.minus(newDefaults);
  const actual = m <= term && performing.gt(ZERO) ? scheduledPrincipal(performing, s.rate, left) : ZERO;
  let fromDefaults = ZERO;
  if (sc.advancing)
    for (const p of waiting) {
      const a = Decimal.min(cents(p.amount.times(share)), p.amount);
      p.amount = p.amount.minus(a);
      fromDefaults = fromDefaults.plus(a);
    }
  // The prior performing balance after its scheduled amortisation (to the cent, as the amortisation is paid).
  const afterSchedule = m <= term && prior.gt(ZERO) ? prior.minus(scheduledPrincipal(prior, s.rate, left)) : ZERO;
  let prepayments = cents(afterSchedule.times(sc.smm(cprForMonth(s.curve, m))));
  // Amortisation, defaults and prepayments cannot take more than the performing balance.
  prepayments = Decimal.max(ZERO, Decimal.min(prepayments, performing.minus(actual)));
  s.performing = performing.minus(actual).minus(prepayments);
  s.pending = waiting;

  return {
    beginningBalance,
    scheduledPrincipal: actual.plus(fromDefaults),
    prepayments,
    netLiquidationProceeds,
    realizedLoss,
    interest: grossInterest.minus(servicingFee),
    servicingFee,
    netMortgageRate: s.rate.minus(pool.servicingFeeRate),
    newDefaults,
    endingBalance: statedBalance(s),
  };
}

/**
 * Projects monthly collections of every group in `pools` under `assumptions`, from month 1 (the
 * first Due Period after the Cut-off Date, paid on Distribution Date 1) until every group's
 * Stated Principal Balance is zero or `options.maxPeriods` months have run (default: as long as the
 * loans run, the longest remaining term, when every pending default liquidates).
 *
 * Each month, per group, by the Standard Formulas (see `step`): an adjustable group's rate resets
 * on its Adjustment Dates; new defaults = prior performing balance × MDR, MDR = 1 − (1 − CDR)^(1/12)
 * and 0 in the last `recoveryLagMonths` months; interest at the mortgage rate / 12 on the
 * performing loans and, when the servicer advances (`assumptions.advancing`, default true), on
 * the loans in foreclosure, reported net of the servicing fee; scheduled principal of a level
 * payment over the remaining term, of the performing loans and (advanced) of the loans in
 * foreclosure; prepayments = prior performing balance × (1 − the month's amortised share) × SMM;
 * liquidation `recoveryLagMonths` after default (or at the last scheduled month) of the amortised
 * balance, the loss being severity × the balance at default, at most that amortised balance.
 * Every amount is rounded to the cent (half-up) when produced, and each group satisfies, to the
 * cent, ending = beginning − scheduled − prepayments − net liquidation proceeds − realized loss.
 * Every period lists every group (zeros once a group has paid off). Returns [] when every
 * cut-off balance is zero.
 *
 * @throws PactaError with PA5001 diagnostics (located at `options.source`, line 1, column 1) when
 *   the inputs are unusable: rates outside 0–1, a group without a prepayment speed, an adjustable
 *   group whose index has no value in `assumptions.indexRates`, a non-whole month count, etc.
 */
export function project(
  pools: PoolTerms[],
  assumptions: Assumptions,
  options: ProjectionOptions = {},
): CollateralPeriod[] {
  const maxPeriods = options.maxPeriods ?? Math.max(1, ...pools.map((p) => p.remainingTermMonths));
  const at = { file: options.source ?? "<assumptions>", line: 1, column: 1 };
  const problems = validateProjectionInputs(pools, assumptions, maxPeriods, at);
  if (problems.length) throw new PactaError(problems);

  const smmCache = new Map<string, Decimal>();
  const sc: Scenario = {
    mdr: Decimal.isDecimal(assumptions.cdr)
      ? (
          (flat) => () =>
            flat
        )(monthlyRate(assumptions.cdr as Decimal))
      : (
          (sda) => (m: number) =>
            monthlyRate(sdaCdr(sda.multiple, m))
        )(assumptions.cdr as SdaCurve),
    severity: assumptions.severity,
    lag: assumptions.recoveryLagMonths,
    advancing: assumptions.advancing ?? true,
    indexRates: assumptions.indexRates,
    smm: (cpr) => {
      const key = cpr.toString();
      let v = smmCache.get(key);
      if (v === undefined) smmCache.set(key, (v = monthlyRate(cpr)));
      return v;
    },
  };
  const states: GroupState[] = pools.map((pool) => ({
    pool,
    curve: prepaymentCurveFor(assumptions, pool.name)!,
    performing: pool.cutoffBalance,
    pending: [],
    rate: pool.mortgageRate,
  }));

  const periods: CollateralPeriod[] = [];
  for (let m = 1; m <= maxPeriods; m++) {
    if (states.every((s) => statedBalance(s).isZero())) break;
    const groups: Record<string, GroupCollections> = {};
    for (const s of states) groups[s.pool.name] = step(s, m, sc);
    periods.push({ number: m, groups, indexRates: { ...assumptions.indexRates } });
  }
  return periods;
}
