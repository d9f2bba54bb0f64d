/**
 * Level-payment amortisation of a mortgage pool.
 */
import { Decimal, ONE, cents, min, type Money } from "../core/money.ts";

/**
 * The scheduled principal of one month on a level-payment (annuity) loan of `balance` dollars at
 * `annualRate` (annual decimal, interest monthly at rate/12) with `remainingMonths` payments left
 * (this one included): payment − interest = balance·i / ((1 + i)^n − 1) with i = rate/12, or
 * balance / n when the rate is zero. Rounded to the cent (half-up), never above `balance`; with
 * one month left it is the whole balance.
 * @throws RangeError if `remainingMonths` is not a whole number ≥ 1.
 */
export function scheduledPrincipal(balance: Money, annualRate: Decimal, remainingMonths: number): Money {
  if (!Number.isInteger(remainingMonths) || remainingMonths < 1) {
    throw new RangeError(`remaining months must be a whole number ≥ 1, got ${remainingMonths}`);
  }
  if (remainingMonths === 1) return balance;
  const i = annualRate.div(12);
  const exact = i.isZero()
    ? balance.div(remainingMonths)
    : balance.times(i).div(ONE.plus(i).pow(remainingMonths).minus(ONE));
  return min(balance, cents(exact));
}
