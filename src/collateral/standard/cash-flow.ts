/**
 * A pool's monthly cash flows under the Standard Formulas (SF-16 to SF-20, restated in
 * shared/reference/standard-formulas.md §6): prepayments on the balance after scheduled
 * amortisation with the month's new defaults not removed first; defaults measured on the prior
 * performing balance before amortisation; loans in foreclosure amortising on schedule when the
 * servicer advances principal and interest; losses of severity × the balance at default, capped at
 * the amortised balance, taken in the liquidation month; no defaults in the pool's last `lag`
 * months. Dollars at full precision (34 significant digits); nothing is rounded.
 */
import { Decimal, ONE, ZERO, max, min } from "../../core/money.ts";
import { scheduledBalance } from "./rates.ts";

/** A pool (or one representative line) of level-pay loans. */
export interface StandardPool {
  /** Balance at the start of the first month, dollars. */
  balance: Decimal;
  /** Gross mortgage rate, annual decimal: the amortisation schedule's rate. */
  grossRate: Decimal;
  /** Net (pass-through) rate, annual decimal: the rate of interest paid to investors. */
  netRate: Decimal;
  /** The loans' original term, months (the amortisation term, SF-7). */
  originalTerm: number;
  /** Months the loans have already run at the start (loan age); default 0. */
  age?: number;
}

/** The assumptions, each by loan month (1 = the loans' first month of life). */
export interface StandardAssumptions {
  /** Single monthly mortality in loan month m, decimal. */
  smm: (loanMonth: number) => Decimal;
  /** Monthly default rate in loan month m, decimal (forced to 0 in the pool's last `lag` months). */
  mdr: (loanMonth: number) => Decimal;
  /** Loss severity, decimal of the balance at default. */
  severity: Decimal;
  /** Months from default to liquidation. */
  lag: number;
  /** Whether the servicer advances the principal and interest of defaulted loans; default true. */
  advancing?: boolean;
}

/** One month of the pool, as the chapter's cash-flow tables name the columns. */
export interface StandardMonth {
  /** Pool month (1 = the first month projected) and loan month. */
  month: number;
  loanMonth: number;
  newDefaults: Decimal;
  /** Amortised balance of the defaults liquidated this month. */
  liquidatedBalance: Decimal;
  expectedAmortization: Decimal;
  voluntaryPrepayments: Decimal;
  amortizationFromDefaults: Decimal;
  actualAmortization: Decimal;
  foreclosure: Decimal;
  performing: Decimal;
  expectedInterest: Decimal;
  lostInterest: Decimal;
  actualInterest: Decimal;
  principalLoss: Decimal;
  principalRecovery: Decimal;
  /** What investors receive: with advancing, expected amortisation and interest; else the actual ones; plus prepayments and recoveries. */
  principalToInvestors: Decimal;
  interestToInvestors: Decimal;
}

/** The pool's months until its loans' last scheduled month (or until it is exhausted). */
export function standardCashFlows(pool: StandardPool, a: StandardAssumptions): StandardMonth[] {
  const age = pool.age ?? 0;
  const months = pool.originalTerm - age;
  const advancing = a.advancing ?? true;
  const sch = (i: number) => scheduledBalance(pool.grossRate, pool.originalTerm - age - i, pool.originalTerm);
  const monthlyNet = pool.netRate.div(12);
  const out: StandardMonth[] = [];
  const newDefaults: Decimal[] = [];
  let perf = pool.balance;
  let fcl = ZERO;
  for (let i = 1; i <= months; i++) {
    const loanMonth = age + i;
    const s0 = sch(i - 1);
    const ratio = s0.isZero() ? ZERO : sch(i).div(s0);
    const mdr = i > months - a.lag ? ZERO : a.mdr(loanMonth);
    const newDef = perf.times(mdr);
    newDefaults[i] = newDef;
    const old = i - a.lag >= 1 ? newDefaults[i - a.lag]! : ZERO;
    const liquidated = advancing && i - a.lag >= 1 ? old.times(s0).div(sch(i - 1 - a.lag)) : old;
    const expectedAm = perf.plus(fcl).minus(liquidated).times(ONE.minus(ratio));
    let prepay = perf.times(ratio).times(a.smm(loanMonth));
    const actualAm = perf.minus(newDef).times(ONE.minus(ratio));
    // Amortisation, defaults and prepayments cannot take more than the performing balance.
    if (actualAm.plus(newDef).plus(prepay).gt(perf)) prepay = max(ZERO, perf.minus(actualAm).minus(newDef));
    const amDef = advancing ? newDef.plus(fcl).minus(liquidated).times(ONE.minus(ratio)) : ZERO;
    const expectedInt = perf.plus(fcl).times(monthlyNet);
    const lostInt = newDef.plus(fcl).times(monthlyNet);
    const loss = min(old.times(a.severity), liquidated);
    const recovery = max(liquidated.minus(loss), ZERO);
    fcl = newDef.plus(fcl).minus(liquidated).minus(amDef);
    perf = perf.minus(newDef).minus(prepay).minus(actualAm);
    out.push({
      month: i,
      loanMonth,
      newDefaults: newDef,
      liquidatedBalance: liquidated,
      expectedAmortization: expectedAm,
      voluntaryPrepayments: prepay,
      amortizationFromDefaults: amDef,
      actualAmortization: actualAm,
      foreclosure: fcl,
      performing: perf,
      expectedInterest: expectedInt,
      lostInterest: lostInt,
      actualInterest: expectedInt.minus(lostInt),
      principalLoss: loss,
      principalRecovery: recovery,
      principalToInvestors: (advancing ? expectedAm : actualAm).plus(prepay).plus(recovery),
      interestToInvestors: advancing ? expectedInt : expectedInt.minus(lostInt),
    });
    if (perf.lte(0) && fcl.lte(0) && i > a.lag) break;
  }
  return out;
}
