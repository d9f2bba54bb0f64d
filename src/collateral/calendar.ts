/**
 * The Distribution Date calendar and Interest Accrual Periods.
 *
 * Distribution Date (shelf wording): "the 25th day of each month or, if such day is not a Business
 * Day, then the next succeeding Business Day, commencing in February 2002". The nth date is found
 * from the anchor month by adding n − 1 months, never by stepping month to month, so a rolled date
 * (May 28, 2002) or a short month never shifts the dates after it.
 */
import type { Decimal } from "../core/money.ts";
import { dayCountFraction, accrualDays, type DayCountConvention } from "./day-count.ts";
import { followingBusinessDay, toPlainDate, type DateLike } from "./holidays.ts";

export { isBusinessDay, followingBusinessDay, bankHolidays, type DateLike } from "./holidays.ts";
export { daysBetween, days30360, dayCountFraction, accrualDays, type DayCountConvention } from "./day-count.ts";

function checkN(n: number): void {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`Distribution Date number must be a whole number ≥ 1, got ${n}`);
}

/**
 * The unadjusted nth Distribution Date: day `dayOfMonth` of the month n − 1 months after the
 * month of `firstDate` (a `dayOfMonth` past the month's end means its last day: 31 → Feb 28).
 * Returns an ISO date that may fall on a holiday or weekend.
 * @throws RangeError if `firstDate` is not a `YYYY-MM-DD` date, `dayOfMonth` is not 1–31 or `n`
 *   is not a whole number ≥ 1.
 */
export function scheduledDistributionDate(firstDate: DateLike, dayOfMonth: number, n: number): string {
  checkN(n);
  if (!Number.isInteger(dayOfMonth) || dayOfMonth < 1 || dayOfMonth > 31) {
    throw new RangeError(`day of month must be 1–31, got ${dayOfMonth}`);
  }
  const month = toPlainDate(firstDate)
    .toPlainYearMonth()
    .add({ months: n - 1 });
  return month.toPlainDate({ day: Math.min(dayOfMonth, month.daysInMonth) }).toString();
}

/**
 * The nth Distribution Date (n = 1 is the first): the `dayOfMonth` of the month n − 1 months after
 * the month of `firstDate`, or, if that is not a Business Day, the next Business Day.
 * Example: `distributionDate("2002-02-25", 25, 4)` is "2002-05-28" (the 25th is a Saturday and
 * the 27th Memorial Day). Returns an ISO date.
 * @throws RangeError as `scheduledDistributionDate`.
 */
export function distributionDate(firstDate: DateLike, dayOfMonth: number, n: number): string {
  return followingBusinessDay(scheduledDistributionDate(firstDate, dayOfMonth, n));
}

/** How a deal's Distribution Dates fall, and when its certificates were issued. */
export interface DistributionSchedule {
  /** The first Distribution Date, `YYYY-MM-DD` ("2002-02-25"); only its month is the anchor. */
  firstDistributionDate: string;
  /** The day of the month of every Distribution Date before Business Day adjustment (25). */
  dayOfMonth: number;
  /** The Closing Date, `YYYY-MM-DD` ("2002-01-30"): the first floating-rate accrual starts here. */
  closingDate: string;
  /** Whether a date that is not a Business Day moves to the next Business Day (default true). */
  rollToBusinessDay?: boolean;
}

/** The nth Distribution Date of `schedule` (n = 1 is the first), rolled to a Business Day unless the schedule says not. */
export function scheduleDate(schedule: DistributionSchedule, n: number): string {
  return schedule.rollToBusinessDay === false
    ? scheduledDistributionDate(schedule.firstDistributionDate, schedule.dayOfMonth, n)
    : distributionDate(schedule.firstDistributionDate, schedule.dayOfMonth, n);
}

/**
 * The Interest Accrual Period types of the agreements:
 * - "calendar-month": the calendar month before the month of the Distribution Date (fixed-rate
 *   classes; 30/360 by default, so always 30 days, a fraction of 1/12);
 * - "distribution-date": from the prior Distribution Date (the Closing Date for the first) to the
 *   Distribution Date (floating-rate classes; actual/360 by default).
 */
export type AccrualKind = "calendar-month" | "distribution-date";

/** One Interest Accrual Period, half-open: interest accrues from `start` up to but not including `end`. */
export interface AccrualPeriod {
  /** First day of accrual, ISO date. */
  start: string;
  /** Day after the last day of accrual, ISO date. */
  end: string;
  /** Days counted under `convention` (30/360 days or actual days). */
  days: number;
  /** The day-count convention used. */
  convention: DayCountConvention;
  /** Year fraction: `days` / 360, exact. */
  fraction: Decimal;
}

/**
 * The Interest Accrual Period for the nth Distribution Date of `schedule`.
 * `convention` defaults to "30/360" for "calendar-month" and "actual/360" for "distribution-date".
 * Example (RS1): n = 1, "distribution-date" → 2002-01-30 to 2002-02-25, 26 days, 26/360;
 * n = 1, "calendar-month" → 2002-01-01 to 2002-02-01, 30 days, 1/12.
 * @throws RangeError if a schedule date is invalid or `n` is not a whole number ≥ 1.
 */
export function accrualPeriod(
  kind: AccrualKind,
  schedule: DistributionSchedule,
  n: number,
  convention: DayCountConvention = kind === "calendar-month" ? "30/360" : "actual/360",
): AccrualPeriod {
  checkN(n);
  let start: string;
  let end: string;
  if (kind === "calendar-month") {
    const month = toPlainDate(schedule.firstDistributionDate)
      .toPlainYearMonth()
      .add({ months: n - 1 });
    end = month.toPlainDate({ day: 1 }).toString();
    start = month.subtract({ months: 1 }).toPlainDate({ day: 1 }).toString();
  } else {
    start = n === 1 ? toPlainDate(schedule.closingDate).toString() : scheduleDate(schedule, n - 1);
    end = scheduleDate(schedule, n);
  }
  return {
    start,
    end,
    days: accrualDays(convention, start, end),
    convention,
    fraction: dayCountFraction(convention, start, end),
  };
}
