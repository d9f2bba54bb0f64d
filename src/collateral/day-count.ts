/**
 * Day counts for interest accrual: actual days, 30/360 (bond basis) and actual/360.
 */
import { Decimal } from "../core/money.ts";
import { toPlainDate, type DateLike } from "./holidays.ts";

/** The day-count conventions of the agreements: 30/360 (fixed-rate classes), actual/360 (floating). */
export type DayCountConvention = "30/360" | "actual/360";

/**
 * Actual calendar days from `a` to `b` (`b` − `a`; negative when `b` is before `a`).
 * @throws RangeError if a date is not a valid `YYYY-MM-DD` date.
 */
export function daysBetween(a: DateLike, b: DateLike): number {
  return toPlainDate(a).until(toPlainDate(b), { largestUnit: "day" }).days;
}

/**
 * Days from `start` to `end` under 30/360 bond basis (ISDA 2006 §4.16(f)):
 * 360·(Y2−Y1) + 30·(M2−M1) + (D2−D1), where D1 = 31 becomes 30, and D2 = 31 becomes 30 when D1
 * (after that change) is 30. The end of February is not adjusted. A whole calendar month
 * (the 1st to the 1st) is always 30 days.
 * @throws RangeError if a date is not a valid `YYYY-MM-DD` date.
 */
export function days30360(start: DateLike, end: DateLike): number {
  const s = toPlainDate(start);
  const e = toPlainDate(end);
  const d1 = s.day === 31 ? 30 : s.day;
  const d2 = e.day === 31 && d1 === 30 ? 30 : e.day;
  return 360 * (e.year - s.year) + 30 * (e.month - s.month) + (d2 - d1);
}

/**
 * Days from `start` to `end` under `convention`: 30/360 days for "30/360", actual days for
 * "actual/360".
 * @throws RangeError if a date is not a valid `YYYY-MM-DD` date.
 */
export function accrualDays(convention: DayCountConvention, start: DateLike, end: DateLike): number {
  return convention === "30/360" ? days30360(start, end) : daysBetween(start, end);
}

/**
 * The year fraction of the accrual period [`accrualStart`, `accrualEnd`) under `convention`:
 * 30/360 days / 360, or actual days / 360. Exact (a Decimal of the configured clone, not rounded).
 * @throws RangeError if a date is not a valid `YYYY-MM-DD` date.
 */
export function dayCountFraction(
  convention: DayCountConvention,
  accrualStart: DateLike,
  accrualEnd: DateLike,
): Decimal {
  return new Decimal(accrualDays(convention, accrualStart, accrualEnd)).div(360);
}
