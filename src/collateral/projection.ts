/**
 * The collateral projection: monthly collections of each loan group under a prepayment / default
 * scenario (docs/collateral.md describes the model).
 */
import { PactaError } from "../core/diagnostics.ts";
import { Decimal, ONE, ZERO, cents, sum, type Money } from "../core/money.ts";
import { scheduledPrincipal } from "./amortization.ts";
import { cprForMonth, monthlyRate, prepaymentCurveFor } from "./prepayment.ts";
import { adjustRate, isAdjustmentMonth } from "./rate-reset.ts";
import type { Assumptions, CollateralPeriod, GroupCollections, PoolTerms, PrepaymentCurve } from "./types.ts";
import { validateProjectionInputs } from "./validate.ts";

/** Options of `project`. */
export interface ProjectionOptions {
  /** The last month projected, a whole number ≥ 1; default: the longest remaining term of the pools (the loans' last month). */
  maxPeriods?: number;
  /** Where the pools and assumptions came from, named in diagnostics; default "<assumptions>". */
  source?: string;
}

/** A defaulted balance waiting for liquidation. */
interface Pending {
  month: number;
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
  mdr: Decimal;
  severity: Decimal;
  lag: number;
  indexRates: Record<string, Decimal>;
  smm: (cpr: Decimal) => Decimal;
}

function statedBalance(s: GroupState): Money {
  return s.performing.plus(sum(s.pending.map((p) => p.amount)));
}

/** One group's month `m`: defaults, interest, scheduled principal, prepayments, liquidations. */
function step(s: GroupState, m: number, sc: Scenario): GroupCollections {
  const { pool } = s;
  const term = pool.remainingTermMonths;
  const beginningBalance = statedBalance(s);
  if (pool.adjustable && isAdjustmentMonth(pool.adjustable, m)) {
    s.rate = adjustRate(s.rate, sc.indexRates[pool.adjustable.index]!, pool.adjustable);
  }
  const newDefaults = cents(s.performing.times(sc.mdr));
  const performing = s.performing.minus(newDefaults);
  if (newDefaults.gt(ZERO)) s.pending.push({ month: m + sc.lag, amount: newDefaults });

  const grossInterest = cents(performing.times(s.rate).div(12));
  const servicingFee = cents(performing.times(pool.servicingFeeRate).div(12));
  const scheduled = m <= term && performing.gt(ZERO) ? scheduledPrincipal(performing, s.rate, term - m + 1) : ZERO;
  const prepayments = cents(performing.minus(scheduled).times(sc.smm(cprForMonth(s.curve, m))));
  s.performing = performing.minus(scheduled).minus(prepayments);

  // at the last scheduled month every pending default liquidates, so the pool ends at zero
  const due = m >= term ? s.pending : s.pending.filter((p) => p.month <= m);
  s.pending = m >= term ? [] : s.pending.filter((p) => p.month > m);
  const liquidated = sum(due.map((p) => p.amount));
  const netLiquidationProceeds = cents(liquidated.times(ONE.minus(sc.severity)));
  const realizedLoss = liquidated.minus(netLiquidationProceeds);

  return {
    beginningBalance,
    scheduledPrincipal: scheduled,
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
 * Each month, per group: (1) an adjustable group's rate resets on its Adjustment Dates;
 * (2) defaults = performing balance × MDR, MDR = 1 − (1 − CDR)^(1/12); defaulted loans pay
 * nothing further (no advancing) but stay in the Stated Principal Balance until liquidated
 * `recoveryLagMonths` later (or at the group's last scheduled month, whichever is first);
 * (3) interest = performing balance × mortgage rate / 12, reported net of the servicing fee
 * (performing balance × fee rate / 12, reported separately); (4) scheduled principal of a level
 * payment re-amortised from the performing balance over the remaining term; (5) prepayments =
 * (performing − scheduled) × SMM, SMM = 1 − (1 − CPR)^(1/12), CPR from the group's curve;
 * (6) liquidations: net proceeds = (1 − severity) × liquidated balance, realized loss = the rest.
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
    mdr: monthlyRate(assumptions.cdr),
    severity: assumptions.severity,
    lag: assumptions.recoveryLagMonths,
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
